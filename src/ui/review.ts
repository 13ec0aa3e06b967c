/**
 * The review dialog (OKR › Generate quarterly review): the quarter (the current one, or one that has
 * ended: a team that started the next quarter first can still review the one that closed), all
 * teams or one, and Generate, which builds a new review sheet (never overwriting one) and names it.
 */
import { type Lang, t } from "./i18n";
import type { ReviewOptions } from "../core/review-quarters";
import { act, actionSlot, announce, busyButton } from "./actions";
import { closeButton, type DialogFrame, dialogView } from "./dialog";
import { el, fill, option, uid } from "./dom";
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
  const quarters = options.quarters.length ? options.quarters : [options];
  const all = radio("all", t(lang, "review.allTeams"), true);
  const one = radio("one", t(lang, "reviewView.oneTeam"), false);
  const team = el("select", { id: uid("rv") });
  // Picking a team means "one team".
  team.addEventListener("change", () => (one.input.checked = true));
  const teamField = el(
    "div",
    { class: "field indent" },
    el("label", { for: team.id }, t(lang, "review.team")),
    team,
  );
  const noTeams = el("p", { class: "hint" }, t(lang, "reviewView.noTeams"));
  const intro = el("p", {});
  const quarter = el(
    "select",
    { id: uid("rv") },
    ...quarters.map((q, i) =>
      option(q.quarter, i === 0 ? t(lang, "review.currentQuarter", { quarter: q.quarter }) : q.quarter),
    ),
  );
  const quarterHint = el("p", { class: "hint", id: uid("rv") }, t(lang, "reviewView.quarterHint"));
  quarter.setAttribute("aria-describedby", quarterHint.id);
  /** The chosen quarter's teams and words; all teams again when the team picked is not in it. */
  const choose = () => {
    const chosen = quarters.find((q) => q.quarter === quarter.value) ?? quarters[0]!;
    const picked = team.value;
    fill(team, ...chosen.teams.map((name) => option(name, name)));
    if (chosen.teams.includes(picked)) team.value = picked;
    else all.input.checked = true;
    const hasTeams = chosen.teams.length > 0;
    one.node.hidden = !hasTeams;
    teamField.hidden = !hasTeams;
    noTeams.hidden = hasTeams;
    intro.textContent = t(lang, "reviewView.intro", { quarter: chosen.quarter });
  };
  quarter.addEventListener("change", choose);
  choose();
  const scope = el(
    "fieldset",
    { class: "field choices" },
    el("legend", {}, t(lang, "review.chooseTeam")),
    all.node,
    one.node,
    teamField,
    noTeams,
  );
  const slot = actionSlot();
  const generate = busyButton(
    t(lang, "review.generate"),
    () =>
      void generateReview(lang, slot, {
        team: one.input.checked ? team.value : "",
        quarter: quarter.value,
      }),
    { class: "primary", "data-action": "generate" },
  );
  // Only the current quarter to review: no choice to offer.
  const quarterField =
    quarters.length > 1
      ? el(
          "div",
          { class: "field" },
          el("label", { for: quarter.id }, t(lang, "review.quarter")),
          quarter,
          quarterHint,
        )
      : null;
  frame.show("review", t(lang, "review.title", { quarter: options.quarter }), [
    intro,
    quarterField,
    scope,
    el("div", { class: "wizard-buttons" }, closeButton(frame.app), generate),
    slot,
  ]);
}

async function generateReview(
  lang: Lang,
  slot: HTMLElement,
  request: { team: string; quarter: string },
): Promise<void> {
  const outcome = await act(slot, lang, () => callServer("generateReview", request));
  if (outcome.ok) announce(slot, outcome.value.message);
}
