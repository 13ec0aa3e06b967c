/** The wizard's first step: the quarter, level, team, owner, kind and company objective. */
import { DRAFT_LIMITS } from "../../core/draft";
import { KINDS } from "../../core/schema";
import { t } from "../i18n";
import { append, el, option, uid } from "../dom";
import { quietCounter } from "../live";
import { type StepHost, teamCount, teamFull } from "./host";

export function contextStep(w: StepHost, body: HTMLElement): void {
  const lang = w.lang;
  const context = w.context;
  const state = w.state;

  const level = el("select", {}, ...context.levels.map((choice) => option(choice.key, choice.label)));
  level.value = state.level;

  const teams = w.datalist(context.teams);
  const team = w.text("team", state.team, DRAFT_LIMITS.name, (s, v) => (s.team = v), { list: teams.id });
  // Updated quietly as the name is typed; read out only when the team reaches or leaves its limit.
  const counter = el("p", { class: "counter" });
  w.live(() => quietCounter(counter, teamCount(w), teamFull(w) ? "full" : "room"));

  const owners = w.datalist(context.owners);
  const owner = w.text("owner", state.owner, DRAFT_LIMITS.name, (s, v) => (s.owner = v), {
    list: owners.id,
  });

  const kindName = uid("wz-kind");
  const kind = el("fieldset", { class: "field choices" }, el("legend", {}, t(lang, "wizard.kind")));
  for (const choice of KINDS) {
    const id = uid("wz");
    const radio = el("input", { type: "radio", name: kindName, id });
    radio.value = choice.key;
    radio.checked = state.kind === choice.key;
    radio.addEventListener("change", () => w.update((s) => (s.kind = choice.key), "kind"));
    kind.appendChild(
      el(
        "div",
        { class: "choice" },
        radio,
        el(
          "label",
          { for: id },
          el("strong", {}, choice.label[lang]),
          " — ",
          t(lang, `wizard.kind.${choice.key}`),
        ),
      ),
    );
  }

  const parentField = el("div", { class: "parent" });
  if (context.companyObjectives.length === 0) {
    append(parentField, el("p", { class: "hint" }, t(lang, "wizard.noCompanyObjective")), w.area("parent"));
  } else {
    const parent = el(
      "select",
      {},
      option("", t(lang, "wizard.parentNone")),
      ...context.companyObjectives.map((o) => option(o.id, `${o.id} — ${o.title}`)),
    );
    parent.value = context.companyObjectives.some((o) => o.id === state.parent) ? state.parent : "";
    parent.addEventListener("change", () => w.update((s) => (s.parent = parent.value), "parent"));
    parentField.appendChild(
      w.field("parent", t(lang, "wizard.parent"), parent, t(lang, "wizard.parentHint")),
    );
  }
  parentField.hidden = state.level === "company";
  level.addEventListener("change", () => {
    const value = context.levels.find((l) => l.key === level.value)?.key ?? "";
    w.update((s) => (s.level = value), "level");
    parentField.hidden = value === "company";
    // A company objective belongs to the company: offer its name as the team.
    if (value === "company" && team.value.trim() === "") {
      team.value = context.levels.find((l) => l.key === "company")!.label;
      w.update((s) => (s.team = team.value));
    }
  });

  append(
    body,
    el(
      "p",
      { class: "quarter" },
      el("span", { class: "label" }, `${t(lang, "wizard.quarter")} `),
      t(lang, "wizard.quarterHint", { quarter: context.settings.quarter }),
    ),
    w.field("level", t(lang, "wizard.level"), level),
    w.field("team", t(lang, "wizard.team"), team, t(lang, "wizard.teamHint")),
    teams.node,
    counter,
    w.area("objective"),
    w.field("owner", t(lang, "wizard.owner"), owner, t(lang, "wizard.ownerHint")),
    owners.node,
    kind,
    parentField,
  );
}
