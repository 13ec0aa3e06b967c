/** The wizard's second and third steps: the objective, then its key results. */
import { DRAFT_LIMITS } from "../../core/draft";
import { LIMITS } from "../../core/limits";
import { columnHeader, METRIC_CHOICES, type OkrColumn } from "../../core/schema";
import { type Lang, t } from "../i18n";
import { busyButton, setAvailable } from "../actions";
import { append, el, option } from "../dom";
import type { StepHost } from "./host";
import { emptyKr } from "./state";

function tips(lang: Lang, lines: string[], good: string, bad: string, open: boolean): HTMLElement {
  return el(
    "details",
    { class: "tips", open },
    el("summary", {}, t(lang, "wizard.tips")),
    el("ul", {}, ...lines.map((line) => el("li", {}, line))),
    el("p", { class: "example good" }, el("strong", {}, t(lang, "wizard.good")), " ", good),
    el("p", { class: "example bad" }, el("strong", {}, t(lang, "wizard.bad")), " ", bad),
  );
}

export function objectiveStep(w: StepHost, body: HTMLElement): void {
  const lang = w.lang;
  const title = w.text("title", w.state.title, DRAFT_LIMITS.title, (s, v) => (s.title = v), {
    multiline: true,
  });
  append(
    body,
    w.field("title", t(lang, "wizard.objective"), title, t(lang, "wizard.objectiveHint")),
    tips(
      w.lang,
      [t(lang, "wizard.tip.objective1"), t(lang, "wizard.tip.objective2"), t(lang, "wizard.tip.objective3")],
      t(lang, "wizard.example.objective.good"),
      t(lang, "wizard.example.objective.bad"),
      true,
    ),
  );
}

export function krStep(w: StepHost, body: HTMLElement): void {
  const lang = w.lang;
  const limit = w.context.settings.maxKrsPerObjective;
  append(
    body,
    el("p", {}, t(lang, "wizard.krs.intro", { limit })),
    tips(
      w.lang,
      [t(lang, "wizard.tip.kr1"), t(lang, "wizard.tip.kr2"), t(lang, "wizard.tip.kr3")],
      t(lang, "wizard.example.kr.good"),
      t(lang, "wizard.example.kr.bad"),
      false,
    ),
  );
  w.state.krs.forEach((kr, i) => body.appendChild(krCard(w, i)));
  const count = el(
    "p",
    { class: "counter" },
    t(lang, "wizard.kr.count", { count: w.state.krs.length, limit }),
  );
  const add = busyButton(t(lang, "wizard.kr.add"), () => {
    if (w.state.krs.length >= limit) return;
    w.update((s) => s.krs.push(emptyKr()));
    w.render(`kr.${w.state.krs.length - 1}.title`);
  });
  const full = w.state.krs.length >= limit;
  setAvailable(add, !full);
  append(
    body,
    count,
    full ? el("p", { class: "msg note" }, t(lang, "wizard.kr.full", { limit })) : null,
    el("div", { class: "wizard-buttons" }, add),
  );
}

function krCard(w: StepHost, i: number): HTMLElement {
  const lang = w.lang;
  const kr = w.state.krs[i]!;
  const key = (column: string) => `kr.${i}.${column}`;
  const title = w.text(key("title"), kr.title, DRAFT_LIMITS.title, (s, v) => (s.krs[i]!.title = v), {
    multiline: true,
  });
  const metric = el("select", {}, ...METRIC_CHOICES.map((choice) => option(choice.key, choice.label[lang])));
  metric.value = kr.metric;
  metric.addEventListener("change", () =>
    w.update(
      (s) => (s.krs[i]!.metric = METRIC_CHOICES.find((c) => c.key === metric.value)?.key ?? "increase"),
      key("metric"),
    ),
  );
  const header = (column: OkrColumn) => columnHeader("okrs", column, lang);
  const number = (column: "baseline" | "target" | "weight") =>
    w.text(key(column), kr[column], LIMITS.number, (s, v) => (s.krs[i]![column] = v), { numeric: true });
  const unit = w.text(key("unit"), kr.unit, DRAFT_LIMITS.unit, (s, v) => (s.krs[i]!.unit = v));
  const card = el(
    "fieldset",
    { class: "kr" },
    el("legend", {}, t(lang, "wizard.kr.legend", { n: i + 1 })),
    w.field(key("title"), header("title"), title),
    w.field(key("metric"), header("metric"), metric, t(lang, "wizard.kr.metricHint")),
    el(
      "div",
      { class: "pair" },
      w.field(key("baseline"), header("baseline"), number("baseline")),
      w.field(key("target"), header("target"), number("target")),
    ),
    el(
      "div",
      { class: "pair" },
      w.field(key("unit"), header("unit"), unit),
      w.field(key("weight"), header("weight"), number("weight"), t(lang, "wizard.kr.weightHint")),
    ),
    w.area(`kr.${i}`),
  );
  if (w.state.krs.length > 1) {
    card.appendChild(
      busyButton(
        t(lang, "wizard.kr.remove", { n: i + 1 }),
        () => {
          w.update((s) => s.krs.splice(i, 1));
          w.shiftTouched(i);
          w.render(`kr.${Math.max(0, i - 1)}.title`);
        },
        { class: "link" },
      ),
    );
  }
  return card;
}
