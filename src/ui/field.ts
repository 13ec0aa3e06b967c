/**
 * A form field's parts shared by the views: its label, its message area, and the error or note
 * shown there, marked for assistive technology.
 */
import { el, uid } from "./dom";
import { fillIfChanged } from "./live";

/** Anything a label can name and a user can fill in. */
export type Control = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;

/** Tells assistive technology whether a control's value is refused. */
export function setInvalid(control: HTMLElement, invalid: boolean): void {
  if (invalid) control.setAttribute("aria-invalid", "true");
  else control.removeAttribute("aria-invalid");
}

/** Shows a field's error or note next to it, and marks it invalid for assistive technology. */
export function mark(control: HTMLElement, msgs: HTMLElement, error?: string, note?: string): void {
  setInvalid(control, Boolean(error));
  // Rewritten only when it says something else; an error already shown, changed as the value is
  // fixed (it quotes the value), is updated quietly: an alert would read it out on every key.
  const shown = msgs.dataset.said?.startsWith("error:") ?? false;
  fillIfChanged(msgs, error ? `error:${error}` : note ? `note:${note}` : "", () =>
    error
      ? [el("p", { class: "msg error", role: shown ? undefined : "alert" }, error)]
      : note
        ? [el("p", { class: "msg note" }, note)]
        : [],
  );
}

/** A labelled control, with its message area under it. */
export function labelled(label: string, control: Control, msgs?: HTMLElement): HTMLElement {
  const id = uid("ci");
  control.id = id;
  return el("div", { class: "field" }, el("label", { for: id }, label), control, msgs ?? null);
}
