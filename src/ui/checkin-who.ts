/**
 * Who is checking in: the signed-in email when Google shares it; else a field to pick one of the
 * owners or type a name, filled with the one chosen last time. What was typed is kept across
 * redraws until it is saved with a check-in (the server remembers it then).
 */
import { LIMITS } from "../core/limits";
import { type Lang, t } from "./i18n";
import type { CheckinView } from "../core/checkin-view";
import { datalist, el, fill, uid } from "./dom";
import { labelled, mark } from "./field";

export class WhoField {
  private input: HTMLInputElement | undefined;
  private msgs: HTMLElement | undefined;
  /** The name typed or picked, kept across redraws until it is saved with a check-in. */
  private draft: string | undefined;

  /** Draws the field (or the email) into `slot`. */
  draw(slot: HTMLElement, lang: Lang, { author, owners }: CheckinView): void {
    this.input = this.msgs = undefined;
    if (author.email) {
      fill(slot, el("p", { class: "hint who-as" }, t(lang, "checkinView.whoAs", { email: author.email })));
      return;
    }
    const suggestions = datalist(owners);
    const hintId = uid("ci-who-hint");
    const msgs = el("div", { id: uid("ci-msgs"), class: "msgs" });
    const input = el("input", {
      type: "text",
      list: suggestions.id,
      dir: "auto",
      autocomplete: "name",
      maxlength: String(LIMITS.name),
      required: true,
      "aria-describedby": `${hintId} ${msgs.id}`,
    });
    input.value = this.draft ?? author.name;
    input.addEventListener("input", () => {
      this.draft = input.value;
      if (msgs.hasChildNodes()) this.check(lang);
    });
    this.input = input;
    this.msgs = msgs;
    fill(
      slot,
      labelled(t(lang, "checkinView.who"), input, msgs),
      suggestions.node,
      el("p", { class: "hint", id: hintId }, t(lang, "checkinView.whoHint")),
    );
  }

  /** The name to send (none when the email is known), or the field to fix when it is missing. */
  check(lang: Lang): { author?: string; invalid?: HTMLElement } {
    if (!this.input || !this.msgs) return {};
    const name = this.input.value.trim();
    mark(this.input, this.msgs, name ? undefined : t(lang, "checkinView.whoNeeded"));
    return name ? { author: name } : { invalid: this.input };
  }

  /** The name was saved: the next drawing starts from what the server remembers. */
  saved(): void {
    this.draft = undefined;
  }
}
