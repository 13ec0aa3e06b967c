/**
 * What the dialogs (review, next quarter) share: a Close button when the host can close the
 * dialog, and a confirmation that takes focus so a screen reader reads it out.
 */
import { t } from "./i18n";
import { busyButton, showNote } from "./actions";
import type { App } from "./view";

/** The Close button of a dialog, or nothing where the page cannot be closed (a browser tab). */
export function closeButton(app: App): HTMLButtonElement | null {
  const close = app.close;
  return close ? busyButton(t(app.lang, "dialog.close"), close, { "data-action": "close" }) : null;
}

/** Shows a confirmation in an action slot and moves focus to it. */
export function announce(slot: HTMLElement, message: string): void {
  showNote(slot, message);
  const note = slot.querySelector<HTMLElement>("p");
  note?.setAttribute("tabindex", "-1");
  note?.focus();
}
