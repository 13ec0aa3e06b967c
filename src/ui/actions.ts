/**
 * Call discipline for every server call the sidebar makes: the loading indicator while it runs,
 * buttons (and lists that make a call) marked `data-busy` disabled until it ends (no double submit,
 * no pick refused unseen), and a failure shown with
 * the server's localized message next to the action that caused it.
 */
import { type Lang, t } from "./i18n";
import { el, fill } from "./dom";
import { isBusy, onBusyChange } from "./server-client";

let busy = false;

function apply(control: HTMLButtonElement | HTMLSelectElement): void {
  control.disabled = control.hasAttribute("data-off") || (busy && control.hasAttribute("data-busy"));
}

onBusyChange((now) => {
  busy = now;
  document.body.classList.toggle("busy", now);
  document.querySelectorAll<HTMLButtonElement | HTMLSelectElement>("[data-busy]").forEach(apply);
});

/** A button that is disabled while a server call runs. */
export function busyButton(
  label: string,
  onClick: () => void,
  attrs: Record<string, string | boolean | undefined> = {},
): HTMLButtonElement {
  const button = el("button", { type: "button", "data-busy": true, ...attrs }, label);
  button.addEventListener("click", onClick);
  apply(button);
  return button;
}

/**
 * A list whose pick makes a server call (the check-in's filters): disabled while a call runs, as a
 * busy button is, since a call started meanwhile would be refused.
 */
export function busySelect(attrs: Record<string, string | boolean | undefined> = {}): HTMLSelectElement {
  const select = el("select", { "data-busy": true, ...attrs });
  apply(select);
  return select;
}

/** Enables or disables a button for its own reasons; a running call still disables it. */
export function setAvailable(button: HTMLButtonElement, available: boolean): void {
  button.toggleAttribute("data-off", !available);
  apply(button);
}

/** Where an action's error (or result) is shown, next to its button. */
export function actionSlot(): HTMLElement {
  return el("div", { class: "action-slot", "aria-live": "polite" });
}

export function showError(slot: HTMLElement, message: string): void {
  fill(slot, el("p", { class: "msg error", role: "alert" }, message));
}

export function showNote(slot: HTMLElement, message: string): void {
  fill(slot, el("p", { class: "msg ok", role: "status" }, message));
}

/** Shows a confirmation in an action slot and moves focus to it: a screen reader reads it out. */
export function announce(slot: HTMLElement, message: string): void {
  showNote(slot, message);
  const note = slot.querySelector<HTMLElement>("p");
  note?.setAttribute("tabindex", "-1");
  note?.focus();
}

export type Outcome<T> = { ok: true; value: T } | { ok: false };

/**
 * Runs one server call for a user action. Refused while another call runs (a double click sends
 * one request); a failure is shown in the slot; focus comes back to where it was.
 */
export async function act<T>(slot: HTMLElement, lang: Lang, call: () => Promise<T>): Promise<Outcome<T>> {
  if (isBusy()) return { ok: false };
  const focused = document.activeElement as HTMLElement | null;
  fill(slot);
  try {
    const value = await call();
    return { ok: true, value };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    showError(slot, message || t(lang, "sidebar.error", { message: "?" }));
    return { ok: false };
  } finally {
    if (focused?.isConnected && document.activeElement === document.body) focused.focus();
  }
}
