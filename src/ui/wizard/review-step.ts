/** The wizard's last step: the draft read back, with what Validate will say of it. */
import { SEVERITIES } from "../../core/findings";
import { choiceLabel } from "../../core/schema";
import { t } from "../i18n";
import { append, dotted, el, typed } from "../dom";
import { fillIfChanged, setText } from "../live";
import { type Note, stepOf } from "./coach";
import { type StepHost, teamCount } from "./host";

export function reviewStep(w: StepHost, body: HTMLElement): void {
  const lang = w.lang;
  const context = w.context;
  const state = w.state;
  const levelLabel = context.levels.find((l) => l.key === state.level)?.label ?? "";
  const kindLabel = choiceLabel("kind", state.kind, lang);
  const parent = state.level === "company" ? undefined : state.parent || undefined;
  const summary = el(
    "div",
    { class: "summary" },
    el("p", { class: "objective" }, typed(state.title.trim())),
    el(
      "p",
      { class: "meta" },
      ...dotted([typed(state.team.trim()), levelLabel, typed(state.owner.trim()), kindLabel]),
    ),
    parent
      ? el(
          "p",
          { class: "meta" },
          t(lang, "wizard.review.parent", {
            id: parent,
            title: context.companyObjectives.find((o) => o.id === parent)?.title ?? "",
          }),
        )
      : null,
    el("h3", {}, t(lang, "wizard.review.krs")),
    el(
      "ol",
      { class: "kr-list" },
      ...state.krs.map((kr) => {
        const metric = choiceLabel("metric", kr.metric, lang);
        const range = `${kr.baseline.trim()} → ${kr.target.trim()} ${kr.unit.trim()}`.trim();
        return el(
          "li",
          {},
          el("span", {}, typed(kr.title.trim())),
          el("span", { class: "meta" }, ` ${t(lang, "wizard.review.krMeta", { metric, range })}`),
        );
      }),
    ),
  );
  const counter = el("p", { class: "counter" });
  w.live(() => setText(counter, teamCount(w)));
  const findings = el("div", { class: "review-findings" });
  w.live(() => drawReviewFindings(w, findings));
  append(body, el("p", {}, t(lang, "wizard.review.intro")), summary, counter, findings);
}

function drawReviewFindings(w: StepHost, into: HTMLElement): void {
  const notes = w.coaching()?.notes ?? [];
  const said = notes.map((n) => `${n.finding.severity}:${n.message}`).join("\n");
  fillIfChanged(into, said, () => reviewFindings(w, notes));
}

function reviewFindings(w: StepHost, notes: Note[]): Node[] {
  const lang = w.lang;
  if (notes.length === 0) return [el("p", { class: "msg ok" }, t(lang, "wizard.review.clean"))];
  const groups = SEVERITIES.flatMap((severity) => {
    const list = notes.filter((n) => n.finding.severity === severity);
    if (list.length === 0) return [];
    return [
      el(
        "section",
        { class: `group ${severity}` },
        el("h3", {}, t(lang, `findings.group.${severity}`, { count: list.length })),
        el("ul", {}, ...list.map((note) => el("li", {}, noteButton(w, note)))),
      ),
    ];
  });
  const blocked = notes.some((n) => n.blocking);
  // A key result becomes movable once it is in the sheet: say where the move will be offered.
  const kpi = notes.some((n) => n.finding.code === "kpi-like")
    ? [el("p", { class: "hint" }, t(lang, "wizard.review.kpiAfterInsert"))]
    : [];
  return blocked
    ? [...groups, ...kpi, el("p", { class: "msg error" }, t(lang, "wizard.review.blocked"))]
    : [...groups, ...kpi];
}

/** A finding in the review, as a button that goes to its field. */
function noteButton(w: StepHost, note: Note): HTMLElement {
  const lang = w.lang;
  const about =
    note.kr === undefined
      ? t(lang, "wizard.about.objective")
      : t(lang, "wizard.about.kr", { n: note.kr + 1 });
  const button = el(
    "button",
    { type: "button", class: `finding ${note.finding.severity}` },
    el("span", { class: "where" }, about),
    el("span", { class: "what" }, note.message),
  );
  button.addEventListener("click", () => {
    // A finding about a whole row goes to the row's first field.
    const field =
      note.field === "objective" ? "team" : /^kr\.\d+$/.test(note.field) ? `${note.field}.title` : note.field;
    w.go(stepOf(note.field), field);
  });
  return button;
}
