/**
 * What the dialogs (review, next quarter) share: one `dialogView` that loads, draws and retries, a
 * Close button when the host can close the dialog, and a heading that takes focus so a screen
 * reader starts there.
 */
import { type Lang, t } from "./i18n";
import { act, actionSlot, busyButton } from "./actions";
import { append, el, fill } from "./dom";
import type { SidebarView } from "../server/sidebar";
import type { App, PlainMessage, View } from "./view";

/** The Close button of a dialog, or nothing where the page cannot be closed (a browser tab). */
export function closeButton(app: App): HTMLButtonElement | null {
  const close = app.close;
  return close ? busyButton(t(app.lang, "dialog.close"), close, { "data-action": "close" }) : null;
}

/**
 * A dialog's heading: in Sheets' dialog (it can be closed) the host's title bar already shows the
 * title, so the heading is there for screen readers only; in a browser tab it shows.
 */
function dialogHeading(app: App, id: string, text: string): HTMLElement {
  return el("h1", { id, tabindex: "-1", class: app.close ? "sr-only" : undefined }, text);
}

/** A dialog takes focus when it opens: its title, where a screen reader starts reading. */
function focusTitle(root: HTMLElement): void {
  root.querySelector<HTMLElement>("h1[tabindex]")?.focus();
}

/** What a dialog draws with once its data has come. */
export interface DialogFrame {
  root: HTMLElement;
  app: App;
  /** The user's language, as the server named it. */
  lang: Lang;
  /**
   * Fills the dialog: a section named `name`, its heading (see dialogHeading), then `children`;
   * focus moves to the heading unless `focus` is false (a confirmation that takes focus itself).
   */
  show(name: string, heading: string, children: (Node | null)[], focus?: boolean): void;
}

/**
 * A dialog (review, next quarter): its `title` (also the page's) while `fetch` brings its data
 * (with the loading state), on failure the server's message with Retry and Close, then `draw`
 * with the data.
 */
export function dialogView<T extends { lang: Lang }>(spec: {
  id: SidebarView;
  title: PlainMessage;
  fetch: () => Promise<T>;
  draw: (data: T, frame: DialogFrame) => void;
}): View {
  async function open(root: HTMLElement, app: App): Promise<void> {
    const slot = actionSlot();
    fill(root, el("h1", { class: app.close ? "sr-only" : undefined }, t(app.lang, spec.title)), slot);
    const outcome = await act(slot, app.lang, spec.fetch);
    if (!root.isConnected) return;
    if (!outcome.ok) {
      const retry = busyButton(t(app.lang, "views.retry"), () => void open(root, app));
      append(slot, el("div", { class: "wizard-buttons" }, retry, closeButton(app)));
      return;
    }
    const frame: DialogFrame = {
      root,
      app,
      lang: outcome.value.lang,
      show(name, heading, children, focus = true) {
        const id = `${name}-title`;
        fill(
          root,
          el(
            "section",
            { class: `dialog-view ${name}`, "aria-labelledby": id },
            dialogHeading(app, id, heading),
            ...children,
          ),
        );
        if (focus) focusTitle(root);
      },
    };
    spec.draw(outcome.value, frame);
  }
  return { id: spec.id, label: spec.title, mount: (root, app) => void open(root, app) };
}
