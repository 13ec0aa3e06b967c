/**
 * The fields of the step on screen, each with its message area: registered as the step draws
 * them, then shown the coaching about them. Only the message areas are rewritten, so focus and
 * caret stay where they are.
 */
import { el, uid } from "../dom";
import { type Control, setInvalid } from "../field";
import { fillIfChanged } from "../live";
import type { FieldKey, Note } from "./coach";

interface FieldSlot {
  control: Control | undefined;
  msgs: HTMLElement;
}

export class StepFields {
  private readonly slots = new Map<FieldKey, FieldSlot>();

  /** A labelled field with its hint and its message area, registered for live coaching. */
  field(key: FieldKey, label: string, control: Control, hint?: string): HTMLElement {
    const id = uid("wz");
    control.id = id;
    const hintId = hint ? `${id}-hint` : undefined;
    const msgsId = `${id}-msgs`;
    control.setAttribute("aria-describedby", [hintId, msgsId].filter(Boolean).join(" "));
    // Not live: the field's description, read with it; the step's errors are said on Next.
    const msgs = el("div", { id: msgsId, class: "msgs" });
    this.slots.set(key, { control, msgs });
    return el(
      "div",
      { class: "field" },
      el("label", { for: id }, label),
      control,
      hint ? el("p", { id: hintId, class: "hint" }, hint) : null,
      msgs,
    );
  }

  /** A message area for findings about a whole row. */
  area(key: FieldKey): HTMLElement {
    const msgs = el("div", { class: "msgs" });
    this.slots.set(key, { control: undefined, msgs });
    return msgs;
  }

  /** Shows each field the notes about it that `shown` lets through; a blocking one marks it invalid. */
  show(notes: Note[], shown: (note: Note) => boolean): void {
    for (const [key, slot] of this.slots) {
      const about = notes.filter((n) => n.field === key && shown(n));
      // Rewritten only when it says something else: focus and reading stay where they are.
      const said = about.map((n) => `${n.finding.severity}:${n.message}`).join("\n");
      fillIfChanged(slot.msgs, said, () =>
        about.map((n) => el("p", { class: `msg ${n.finding.severity}` }, n.message)),
      );
      const blocked = about.some((n) => n.blocking);
      if (slot.control) setInvalid(slot.control, blocked);
    }
  }

  /** A field's control, to focus. */
  control(key: FieldKey): Control | undefined {
    return this.slots.get(key)?.control;
  }

  /** The control of the first field on screen that one of `notes` is about. */
  firstOf(notes: Note[]): Control | undefined {
    return [...this.slots].find(([key]) => notes.some((n) => n.field === key))?.[1].control;
  }
}
