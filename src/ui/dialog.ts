/**
 * What the dialogs (review, next quarter) share: a Close button when the host can close the
 * dialog, and a confirmation that takes focus so a screen reader reads it out.
 */
import { type Lang, t } from "./i18n";
import { act, actionSlot, busyButton, showNote } from "./actions";
import { append, el, fill } from "./dom";
import type { App } from "./view";

/** The Close button of a dialog, or nothing where the page cannot be closed (a browser tab). */
export function closeButton(app: App): HTMLButtonElement | null {
  const close = app.close;
  return close ? busyButton(t(app.lang, "dialog.close"), close, { "data-action": "close" }) : null;
}

/**
 * A dialog's heading: in Sheets' dialog (it can be closed) the host's title bar already shows the
 * title, so the heading is there for screen readers only; in a browser tab it shows.
 */
export function dialogHeading(app: App, id: string, text: string): HTMLElement {
  return el("h1", { id, tabindex: "-1", class: app.close ? "sr-only" : undefined }, text);
}

/** A dialog takes focus when it opens: its title, where a screen reader starts reading. */
export function focusTitle(root: HTMLElement): void {
  root.querySelector<HTMLElement>("h1[tabindex]")?.focus();
}

/** Shows a confirmation in an action slot and moves focus to it. */
export function announce(slot: HTMLElement, message: string): void {
  showNote(slot, message);
  const note = slot.querySelector<HTMLElement>("p");
  note?.setAttribute("tabindex", "-1");
  note?.focus();
}

/**
 * Opens a dialog: its title, the call that fetches its data (with the loading state), and on
 * failure the server's message with Retry and Close. Undefined when there is nothing to draw.
 */
export async function loadDialog<T>(
  root: HTMLElement,
  app: App,
  lang: Lang,
  title: string,
  fetch: () => Promise<T>,
  retry: () => void,
): Promise<T | undefined> {
  const slot = actionSlot();
  fill(root, el("h1", { class: app.close ? "sr-only" : undefined }, title), slot);
  const outcome = await act(slot, lang, fetch);
  if (!root.isConnected) return undefined;
  if (!outcome.ok) {
    append(
      slot,
      el("div", { class: "wizard-buttons" }, busyButton(t(lang, "views.retry"), retry), closeButton(app)),
    );
    return undefined;
  }
  return outcome.value;
}
