/**
 * The next-quarter dialog (OKR › Start next quarter): the objectives of the quarter ending, each
 * with a checkbox (ticked when proposed, with the reasons), its score and owner, and the next
 * owner (the rotation's pick, editable); Start carries the ticked ones over and moves Settings.
 * Once started, the form gives way to the confirmation: a second Start would start yet another
 * quarter. The request names the quarter the dialog starts from, so the server refuses a second
 * run; more than two weeks before the quarter's end, Start first asks for a confirmation here.
 */
import { LIMITS } from "../core/limits";
import type { CarryCandidate, CarryReason } from "../core/next-quarter";
import { type Lang, t } from "./i18n";
import type { NextQuarterProposal } from "../core/next-quarter-start";
import { act, actionSlot, announce, busyButton, showError } from "./actions";
import { closeButton, type DialogFrame, dialogView } from "./dialog";
import { datalist, dotted, el, fill, typed, uid } from "./dom";
import { formatScore } from "./format";
import { mark } from "./field";
import { setText } from "./live";
import { callServer } from "./server-client";
import type { View } from "./view";

/** The server's limit for an owner's name. */
const MAX_OWNER = LIMITS.name;

const REASONS: Record<CarryReason, "next.reasonAspirational" | "next.reasonCarry"> = {
  aspirational: "next.reasonAspirational",
  carry: "next.reasonCarry",
};

interface Pick {
  candidate: CarryCandidate;
  box: HTMLInputElement;
  owner: HTMLInputElement;
  msgs: HTMLElement;
}

class NextQuarterDialog {
  private readonly lang: Lang;
  private picks: Pick[] = [];

  constructor(
    private readonly proposal: NextQuarterProposal,
    private readonly frame: DialogFrame,
  ) {
    this.lang = frame.lang;
  }

  draw(): void {
    const lang = this.lang;
    const { from, to, candidates } = this.proposal;
    this.picks = [];
    // Not live: each checkbox says its own state; the count is there to look at.
    const counter = el("p", { class: "counter" });
    const count = () =>
      setText(
        counter,
        t(lang, "nextView.picked", {
          count: this.picks.filter((p) => p.box.checked).length,
          total: candidates.length,
        }),
      );
    const list =
      candidates.length === 0
        ? el("p", { class: "msg note" }, t(lang, "nextView.none", { from, to }))
        : el(
            "section",
            { class: "candidates", "aria-labelledby": "next-candidates" },
            el("h2", { id: "next-candidates" }, t(lang, "nextView.candidates", { from })),
            el("ul", {}, ...candidates.map((c) => this.candidate(c, count))),
            counter,
          );
    const slot = actionSlot();
    const start = busyButton(t(lang, "next.start", { to }), () => this.start(slot), {
      class: "primary",
      "data-action": "start",
    });
    this.frame.show("next-quarter", t(lang, "next.title"), [
      el("p", {}, t(lang, "next.intro", { from, to })),
      list,
      el("div", { class: "wizard-buttons" }, closeButton(this.frame.app), start),
      slot,
    ]);
    count();
  }

  private candidate(c: CarryCandidate, count: () => void): HTMLElement {
    const lang = this.lang;
    const boxId = uid("nq");
    const titleId = `${boxId}-title`;
    const box = el("input", { type: "checkbox", id: boxId, checked: c.proposed });
    const msgs = el("div", { id: uid("nq-msgs"), class: "msgs" });
    const { id: listId, node: owners } = datalist(c.owners);
    const owner = el("input", {
      type: "text",
      id: uid("nq"),
      list: listId,
      dir: "auto",
      maxlength: String(MAX_OWNER),
      autocomplete: "off",
      "aria-describedby": msgs.id,
    });
    owner.value = c.nextOwner;
    const pick: Pick = { candidate: c, box, owner, msgs };
    this.picks.push(pick);
    const sync = () => {
      owner.disabled = !box.checked;
      if (!box.checked) mark(owner, msgs);
      count();
    };
    box.addEventListener("change", sync);
    owner.addEventListener("input", () => {
      if (msgs.hasChildNodes()) this.check(pick);
    });
    owner.disabled = !box.checked;
    const facts = [
      c.team && typed(c.team),
      t(lang, "nextView.owner", { owner: c.owner || t(lang, "nextView.noOwner") }),
      c.score === null
        ? t(lang, "review.noScore")
        : t(lang, "nextView.score", { score: formatScore(lang, c.score) }),
    ].filter(Boolean);
    // The group sits inside the item: a list item with another role breaks the list.
    const group = el(
      "div",
      { role: "group", "aria-labelledby": titleId },
      el(
        "div",
        { class: "choice" },
        box,
        el(
          "label",
          { for: boxId, id: titleId },
          el("strong", {}, c.id),
          " — ",
          el("span", { class: "objective" }, typed(c.title)),
        ),
      ),
      el("p", { class: "meta" }, ...dotted(facts)),
      c.reasons.length > 0
        ? el(
            "ul",
            { class: "reasons" },
            ...c.reasons.map((r) => el("li", { class: `badge ${r}` }, t(lang, REASONS[r]))),
          )
        : null,
      el(
        "div",
        { class: "field" },
        el("label", { for: owner.id }, t(lang, "next.owner")),
        owner,
        owners,
        msgs,
      ),
    );
    return el("li", { class: c.proposed ? "candidate proposed" : "candidate" }, group);
  }

  /** A ticked objective needs a next owner. */
  private check(pick: Pick): boolean {
    const missing = pick.box.checked && pick.owner.value.trim() === "";
    const error = missing ? t(this.lang, "nextView.ownerNeeded", { id: pick.candidate.id }) : undefined;
    mark(pick.owner, pick.msgs, error);
    return !missing;
  }

  private start(slot: HTMLElement): void {
    const bad = this.picks.filter((p) => !this.check(p));
    if (bad.length > 0) {
      showError(slot, t(this.lang, "views.fix"));
      bad[0]!.owner.focus();
      return;
    }
    const carry = this.picks
      .filter((p) => p.box.checked)
      .map((p) => ({ id: p.candidate.id, owner: p.owner.value.trim() }));
    const { early, from, to } = this.proposal;
    if (!early) {
      void this.send(slot, carry, false);
      return;
    }
    // Early: the question and its answer in the page, in the user's language.
    const anyway = busyButton(
      t(this.lang, "next.startAnyway", { to }),
      () => void this.send(slot, carry, true),
      { class: "primary", "data-action": "start-early" },
    );
    fill(
      slot,
      el("p", { class: "msg warning", role: "alert" }, t(this.lang, "next.tooEarly", { from, to, ...early })),
      anyway,
    );
    anyway.focus();
  }

  private async send(
    slot: HTMLElement,
    carry: { id: string; owner: string }[],
    early: boolean,
  ): Promise<void> {
    const from = this.proposal.from;
    const outcome = await act(slot, this.lang, () =>
      callServer("startNextQuarter", early ? { from, carry, early } : { from, carry }),
    );
    if (!outcome.ok || !slot.isConnected) return;
    const done = actionSlot();
    this.frame.show(
      "next-quarter",
      t(this.lang, "next.title"),
      [done, el("div", { class: "wizard-buttons" }, closeButton(this.frame.app))],
      false,
    );
    announce(done, outcome.value);
  }
}

/** The next-quarter dialog's view. */
export function nextQuarterView(): View {
  return dialogView({
    id: "nextQuarter",
    title: "next.title",
    fetch: () => callServer("getNextQuarter"),
    draw: (proposal, frame) => new NextQuarterDialog(proposal, frame).draw(),
  });
}
