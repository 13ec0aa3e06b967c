/**
 * The review dialog (OKR › Generate quarterly review): the quarter, all teams or one, and Generate,
 * which builds a new review sheet (never overwriting one) and names it.
 */
import { type Lang, t } from "./i18n";
import type { ReviewOptions } from "../core/review";
import { act, actionSlot, announce, busyButton } from "./actions";
import { closeButton, type DialogFrame, dialogView } from "./dialog";
import { el, option, uid } from "./dom";
import { callServer } from "./server-client";
import type { View } from "./view";

/** The review dialog's view. */
export function reviewView(): View {
  return dialogView({
    id: "review",
    title: "menu.review",
    fetch: () => callServer("getReviewOptions"),
    draw,
  });
}

function draw(options: ReviewOptions, frame: DialogFrame): void {
  const lang = frame.lang;
  const name = uid("rv-scope");
  const radio = (value: string, label: string, checked: boolean) => {
    const id = uid("rv");
    const input = el("input", { type: "radio", name, id, checked });
    input.value = value;
    return { input, node: el("div", { class: "choice" }, input, el("label", { for: id }, label)) };
  };
  const all = radio("all", t(lang, "review.allTeams"), true);
  const one = radio("one", t(lang, "reviewView.oneTeam"), false);
  const team = el("select", { id: uid("rv") }, ...options.teams.map((name) => option(name, name)));
  // Picking a team means "one team".
  team.addEventListener("change", () => (one.input.checked = true));
  const hasTeams = options.teams.length > 0;
  const scope = el(
    "fieldset",
    { class: "field choices" },
    el("legend", {}, t(lang, "review.chooseTeam")),
    all.node,
    hasTeams ? one.node : null,
    hasTeams
      ? el("div", { class: "field indent" }, el("label", { for: team.id }, t(lang, "review.team")), team)
      : el("p", { class: "hint" }, t(lang, "reviewView.noTeams")),
  );
  const slot = actionSlot();
  const generate = busyButton(
    t(lang, "review.generate"),
    () => void generateReview(lang, slot, one.input.checked ? team.value : ""),
    { class: "primary", "data-action": "generate" },
  );
  frame.show("review", t(lang, "review.title", { quarter: options.quarter }), [
    el("p", {}, t(lang, "reviewView.intro", { quarter: options.quarter })),
    scope,
    el("div", { class: "wizard-buttons" }, closeButton(frame.app), generate),
    slot,
  ]);
}

async function generateReview(lang: Lang, slot: HTMLElement, team: string): Promise<void> {
  const outcome = await act(slot, lang, () => callServer("generateReview", { team }));
  if (outcome.ok) announce(slot, outcome.value.message);
}
