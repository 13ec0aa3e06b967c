/**
 * The drafting wizard: context → objective → key results → review & insert. Each step is drawn
 * from the state; typing updates the state (saved at once, so back, next and closing the sidebar
 * keep it) and, a moment later, the coaching next to each field and the counters. Only the message
 * areas are redrawn while the user types, so focus and caret stay where they are.
 */
import { DRAFT_LIMITS } from "../../core/draft";
import type { Severity } from "../../core/findings";
import { type Lang, t } from "../i18n";
import { KINDS, METRIC_CHOICES, OKRS } from "../../core/schema";
import type { InsertResult, WizardContext } from "../../server/sidebar-api";
import { act, actionSlot, busyButton, setAvailable, showError, showNote } from "../actions";
import { append, el, fill, uid } from "../dom";
import { fillIfChanged, quietCounter, setText } from "../live";
import { callServer } from "../server-client";
import type { App, View } from "../view";
import { type Coaching, coach, type FieldKey, type Note, stepOf } from "./coach";
import {
  clearState,
  emptyKr,
  emptyState,
  hasInput,
  loadState,
  nextDraft,
  saveState,
  STEPS,
  type Step,
  toPayload,
  type WizardState,
} from "./state";

type Control = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;

interface FieldSlot {
  control: Control | undefined;
  msgs: HTMLElement;
}

const SEVERITIES: Severity[] = ["error", "warning", "info"];
const COACH_DELAY_MS = 150;

const header = (key: string, lang: Lang) => OKRS.columns.find((c) => c.key === key)!.header[lang];

class Wizard {
  private context: WizardContext | undefined;
  private state: WizardState;
  private restored: boolean;
  private result: InsertResult | undefined;
  /** The inserted key results Validate will call KPIs: the done step offers to move them. */
  private kpiLike: number[] = [];
  private root: HTMLElement | undefined;
  private lang: Lang = "en";
  private readonly touched = new Set<FieldKey>();
  private readonly attempted = new Set<Step>();
  private fields = new Map<FieldKey, FieldSlot>();
  private live: (() => void)[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;
  private coaching: Coaching | undefined;

  /** While a pointer is pressed nothing moves: a message appearing under it would cancel the click. */
  private pointerDown = false;
  private deferred = false;

  constructor() {
    const saved = loadState();
    this.state = saved ?? emptyState();
    this.restored = saved !== undefined && hasInput(saved);
    document.addEventListener("pointerdown", () => (this.pointerDown = true), true);
    const release = () => {
      this.pointerDown = false;
      if (!this.deferred) return;
      this.deferred = false;
      setTimeout(() => this.refresh(), 0); // after the click the press was for
    };
    document.addEventListener("pointerup", release, true);
    document.addEventListener("pointercancel", release, true);
  }

  mount(root: HTMLElement, app: App): void {
    this.root = root;
    this.lang = app.lang;
    if (this.context) this.render();
    else void this.load();
  }

  private async load(): Promise<void> {
    const root = this.root!;
    const slot = actionSlot();
    fill(root, el("h1", {}, t(this.lang, "wizard.title")), slot);
    const outcome = await act(slot, this.lang, () => callServer("getWizardContext"));
    if (!outcome.ok) {
      append(
        slot,
        busyButton(t(this.lang, "wizard.retry"), () => void this.load()),
      );
      return;
    }
    this.context = outcome.value;
    this.lang = outcome.value.lang;
    const allowed = this.context.levels.map((l) => l.key);
    if (this.state.level === "" || !allowed.includes(this.state.level)) {
      this.state.level = allowed.includes("team") ? "team" : (allowed[0] ?? "");
    }
    // A draft kept from another spreadsheet may name a company objective this one does not have.
    if (!this.context.companyObjectives.some((o) => o.id === this.state.parent)) this.state.parent = "";
    if (root === this.root && root.isConnected) this.render();
  }

  private update(change: (state: WizardState) => void, field?: FieldKey): void {
    change(this.state);
    if (field) this.touched.add(field);
    saveState(this.state);
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.refresh(), COACH_DELAY_MS);
  }

  // ---- drawing -------------------------------------------------------------------------------

  private render(focus?: FieldKey | "step"): void {
    const root = this.root!;
    const lang = this.lang;
    this.fields = new Map();
    this.live = [];
    clearTimeout(this.timer);
    const step = this.state.step;
    if (step === "done") {
      this.renderDone(root);
      return;
    }
    const index = STEPS.indexOf(step);
    const stepName = (s: (typeof STEPS)[number]) => t(lang, `wizard.steps.${s}`);
    const stepTitle = el(
      "h2",
      { class: "step-title", tabindex: "-1" },
      t(lang, "wizard.step", { n: index + 1, total: STEPS.length, name: stepName(step) }),
    );
    const progress = el(
      "ol",
      { class: "steps", "aria-hidden": "true" },
      ...STEPS.map((s, i) =>
        el("li", { class: i < index ? "done" : i === index ? "current" : undefined }, stepName(s)),
      ),
    );
    const body = el("div", { class: "step-body" });
    if (step === "context") this.contextStep(body);
    else if (step === "objective") this.objectiveStep(body);
    else if (step === "krs") this.krStep(body);
    else this.reviewStep(body);

    const slot = actionSlot();
    const buttons = el("div", { class: "wizard-buttons" });
    if (index > 0) {
      buttons.appendChild(
        busyButton(t(lang, "wizard.back"), () => this.go(STEPS[index - 1]!), { "data-action": "back" }),
      );
    }
    if (step === "review") {
      const insert = busyButton(t(lang, "wizard.insert"), () => void this.insert(slot), {
        class: "primary",
        "data-action": "insert",
      });
      this.live.push(() =>
        setAvailable(insert, !this.coaching?.notes.some((n) => n.blocking) && !!toPayload(this.state)),
      );
      buttons.appendChild(insert);
    } else {
      buttons.appendChild(
        busyButton(t(lang, "wizard.next"), () => this.next(slot), {
          class: "primary",
          "data-action": "next",
        }),
      );
    }
    fill(
      root,
      el(
        "section",
        { class: "wizard", "aria-labelledby": "wizard-title" },
        el("h1", { id: "wizard-title" }, t(lang, "wizard.title")),
        progress,
        stepTitle,
        this.restored ? el("p", { class: "msg note" }, t(lang, "wizard.restored")) : null,
        body,
        buttons,
        slot,
      ),
    );
    this.restored = false;
    this.refresh(true);
    if (focus === "step") stepTitle.focus();
    else if (focus) this.fields.get(focus)?.control?.focus();
  }

  private renderDone(root: HTMLElement): void {
    const lang = this.lang;
    const title = el("h2", { class: "step-title", tabindex: "-1" }, t(lang, "wizard.done"));
    const again = busyButton(t(lang, "wizard.again"), () => {
      this.state = nextDraft(this.state);
      this.result = undefined;
      this.touched.clear();
      this.attempted.clear();
      saveState(this.state);
      this.context = undefined; // counts and company objectives changed: ask again
      void this.load();
    });
    fill(
      root,
      el(
        "section",
        { class: "wizard", "aria-labelledby": "wizard-title" },
        el("h1", { id: "wizard-title" }, t(lang, "wizard.title")),
        title,
        el("p", { class: "msg ok", role: "status" }, this.result?.message ?? ""),
        ...this.kpiMoves(),
        el("div", { class: "wizard-buttons" }, again),
      ),
    );
    title.focus();
  }

  /** A labelled field with its hint and its message area, registered for live coaching. */
  private field(key: FieldKey, label: string, control: Control, hint?: string): HTMLElement {
    const id = uid("wz");
    control.id = id;
    const hintId = hint ? `${id}-hint` : undefined;
    const msgsId = `${id}-msgs`;
    control.setAttribute("aria-describedby", [hintId, msgsId].filter(Boolean).join(" "));
    // Not live: the field's description, read with it; the step's errors are said on Next.
    const msgs = el("div", { id: msgsId, class: "msgs" });
    this.fields.set(key, { control, msgs });
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
  private area(key: FieldKey): HTMLElement {
    const msgs = el("div", { class: "msgs" });
    this.fields.set(key, { control: undefined, msgs });
    return msgs;
  }

  private text(
    key: FieldKey,
    value: string,
    max: number,
    set: (state: WizardState, value: string) => void,
    options: { multiline?: boolean; list?: string; numeric?: boolean } = {},
  ): Control {
    const control = options.multiline
      ? el("textarea", { rows: "3", maxlength: String(max) })
      : el("input", {
          type: "text",
          maxlength: String(max),
          list: options.list,
          inputmode: options.numeric ? "decimal" : undefined,
          autocomplete: "off",
        });
    control.value = value;
    control.addEventListener("input", () => this.update((s) => set(s, control.value), key));
    control.addEventListener("blur", () => {
      this.touched.add(key);
      this.refresh();
    });
    return control;
  }

  private datalist(values: readonly string[]): { id: string; node: HTMLDataListElement } {
    const id = uid("wz-list");
    const node = el("datalist", { id });
    for (const value of values) {
      const option = el("option");
      option.value = value;
      node.appendChild(option);
    }
    return { id, node };
  }

  private contextStep(body: HTMLElement): void {
    const lang = this.lang;
    const context = this.context!;
    const state = this.state;

    const level = el("select");
    for (const choice of context.levels) {
      const option = el("option", {}, choice.label);
      option.value = choice.key;
      level.appendChild(option);
    }
    level.value = state.level;

    const teams = this.datalist(context.teams);
    const team = this.text("team", state.team, DRAFT_LIMITS.name, (s, v) => (s.team = v), { list: teams.id });
    // Updated quietly as the name is typed; read out only when the team reaches or leaves its limit.
    const counter = el("p", { class: "counter" });
    this.live.push(() => quietCounter(counter, this.teamCount(), this.teamFull() ? "full" : "room"));

    const owners = this.datalist(context.owners);
    const owner = this.text("owner", state.owner, DRAFT_LIMITS.name, (s, v) => (s.owner = v), {
      list: owners.id,
    });

    const kindName = uid("wz-kind");
    const kind = el("fieldset", { class: "field choices" }, el("legend", {}, t(lang, "wizard.kind")));
    for (const choice of KINDS) {
      const id = uid("wz");
      const radio = el("input", { type: "radio", name: kindName, id });
      radio.value = choice.key;
      radio.checked = state.kind === choice.key;
      radio.addEventListener("change", () => this.update((s) => (s.kind = choice.key), "kind"));
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
      append(
        parentField,
        el("p", { class: "hint" }, t(lang, "wizard.noCompanyObjective")),
        this.area("parent"),
      );
    } else {
      const parent = el("select");
      const none = el("option", {}, t(lang, "wizard.parentNone"));
      none.value = "";
      parent.appendChild(none);
      for (const o of context.companyObjectives) {
        const option = el("option", {}, `${o.id} — ${o.title}`);
        option.value = o.id;
        parent.appendChild(option);
      }
      parent.value = context.companyObjectives.some((o) => o.id === state.parent) ? state.parent : "";
      parent.addEventListener("change", () => this.update((s) => (s.parent = parent.value), "parent"));
      parentField.appendChild(
        this.field("parent", t(lang, "wizard.parent"), parent, t(lang, "wizard.parentHint")),
      );
    }
    parentField.hidden = state.level === "company";
    level.addEventListener("change", () => {
      const value = context.levels.find((l) => l.key === level.value)?.key ?? "";
      this.update((s) => (s.level = value), "level");
      parentField.hidden = value === "company";
      // A company objective belongs to the company: offer its name as the team.
      if (value === "company" && team.value.trim() === "") {
        team.value = context.levels.find((l) => l.key === "company")!.label;
        this.update((s) => (s.team = team.value));
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
      this.field("level", t(lang, "wizard.level"), level),
      this.field("team", t(lang, "wizard.team"), team, t(lang, "wizard.teamHint")),
      teams.node,
      counter,
      this.area("objective"),
      this.field("owner", t(lang, "wizard.owner"), owner, t(lang, "wizard.ownerHint")),
      owners.node,
      kind,
      parentField,
    );
  }

  private teamCount(): string {
    const team = this.coaching?.team;
    if (!team) return "";
    const params = { team: team.name, count: team.count, limit: team.limit };
    if (team.count === 0) return t(this.lang, "wizard.teamCount.none", params);
    if (team.count === 1) return t(this.lang, "wizard.teamCount.one", params);
    return t(this.lang, "wizard.teamCount.many", params);
  }

  private teamFull(): boolean {
    const team = this.coaching?.team;
    return team !== undefined && team.count >= team.limit;
  }

  private tips(lines: string[], good: string, bad: string, open: boolean): HTMLElement {
    const lang = this.lang;
    return el(
      "details",
      { class: "tips", open },
      el("summary", {}, t(lang, "wizard.tips")),
      el("ul", {}, ...lines.map((line) => el("li", {}, line))),
      el("p", { class: "example good" }, el("strong", {}, t(lang, "wizard.good")), " ", good),
      el("p", { class: "example bad" }, el("strong", {}, t(lang, "wizard.bad")), " ", bad),
    );
  }

  private objectiveStep(body: HTMLElement): void {
    const lang = this.lang;
    const title = this.text("title", this.state.title, DRAFT_LIMITS.title, (s, v) => (s.title = v), {
      multiline: true,
    });
    append(
      body,
      this.field("title", t(lang, "wizard.objective"), title, t(lang, "wizard.objectiveHint")),
      this.tips(
        [
          t(lang, "wizard.tip.objective1"),
          t(lang, "wizard.tip.objective2"),
          t(lang, "wizard.tip.objective3"),
        ],
        t(lang, "wizard.example.objective.good"),
        t(lang, "wizard.example.objective.bad"),
        true,
      ),
    );
  }

  private krStep(body: HTMLElement): void {
    const lang = this.lang;
    const limit = this.context!.settings.maxKrsPerObjective;
    append(
      body,
      el("p", {}, t(lang, "wizard.krs.intro", { limit })),
      this.tips(
        [t(lang, "wizard.tip.kr1"), t(lang, "wizard.tip.kr2"), t(lang, "wizard.tip.kr3")],
        t(lang, "wizard.example.kr.good"),
        t(lang, "wizard.example.kr.bad"),
        false,
      ),
    );
    this.state.krs.forEach((kr, i) => body.appendChild(this.krCard(i)));
    const count = el(
      "p",
      { class: "counter" },
      t(lang, "wizard.kr.count", { count: this.state.krs.length, limit }),
    );
    const add = busyButton(t(lang, "wizard.kr.add"), () => {
      if (this.state.krs.length >= limit) return;
      this.update((s) => s.krs.push(emptyKr()));
      this.render(`kr.${this.state.krs.length - 1}.title`);
    });
    const full = this.state.krs.length >= limit;
    setAvailable(add, !full);
    append(
      body,
      count,
      full ? el("p", { class: "msg note" }, t(lang, "wizard.kr.full", { limit })) : null,
      el("div", { class: "wizard-buttons" }, add),
    );
  }

  private krCard(i: number): HTMLElement {
    const lang = this.lang;
    const kr = this.state.krs[i]!;
    const key = (column: string) => `kr.${i}.${column}`;
    const title = this.text(key("title"), kr.title, DRAFT_LIMITS.title, (s, v) => (s.krs[i]!.title = v), {
      multiline: true,
    });
    const metric = el("select");
    for (const choice of METRIC_CHOICES) {
      const option = el("option", {}, choice.label[lang]);
      option.value = choice.key;
      metric.appendChild(option);
    }
    metric.value = kr.metric;
    metric.addEventListener("change", () =>
      this.update(
        (s) => (s.krs[i]!.metric = METRIC_CHOICES.find((c) => c.key === metric.value)?.key ?? "increase"),
        key("metric"),
      ),
    );
    const number = (column: "baseline" | "target" | "weight") =>
      this.text(key(column), kr[column], 40, (s, v) => (s.krs[i]![column] = v), { numeric: true });
    const unit = this.text(key("unit"), kr.unit, DRAFT_LIMITS.unit, (s, v) => (s.krs[i]!.unit = v));
    const card = el(
      "fieldset",
      { class: "kr" },
      el("legend", {}, t(lang, "wizard.kr.legend", { n: i + 1 })),
      this.field(key("title"), header("title", lang), title),
      this.field(key("metric"), header("metric", lang), metric, t(lang, "wizard.kr.metricHint")),
      el(
        "div",
        { class: "pair" },
        this.field(key("baseline"), header("baseline", lang), number("baseline")),
        this.field(key("target"), header("target", lang), number("target")),
      ),
      el(
        "div",
        { class: "pair" },
        this.field(key("unit"), header("unit", lang), unit),
        this.field(key("weight"), header("weight", lang), number("weight"), t(lang, "wizard.kr.weightHint")),
      ),
      this.area(`kr.${i}`),
    );
    if (this.state.krs.length > 1) {
      card.appendChild(
        busyButton(
          t(lang, "wizard.kr.remove", { n: i + 1 }),
          () => {
            this.update((s) => s.krs.splice(i, 1));
            this.shiftTouched(i);
            this.render(`kr.${Math.max(0, i - 1)}.title`);
          },
          { class: "link" },
        ),
      );
    }
    return card;
  }

  /** After removing key result i, what was touched on the ones below moves up with them. */
  private shiftTouched(removed: number): void {
    const moved = [...this.touched].flatMap((key) => {
      const m = /^kr\.(\d+)(\..*)?$/.exec(key);
      if (!m) return [key];
      const n = Number(m[1]);
      if (n === removed) return [];
      return [n > removed ? `kr.${n - 1}${m[2] ?? ""}` : key];
    });
    this.touched.clear();
    moved.forEach((key) => this.touched.add(key));
  }

  private reviewStep(body: HTMLElement): void {
    const lang = this.lang;
    const context = this.context!;
    const state = this.state;
    const levelLabel = context.levels.find((l) => l.key === state.level)?.label ?? "";
    const kindLabel = KINDS.find((k) => k.key === state.kind)!.label[lang];
    const parent = state.level === "company" ? undefined : state.parent || undefined;
    const summary = el(
      "div",
      { class: "summary" },
      el("p", { class: "objective" }, state.title.trim()),
      el("p", { class: "meta" }, [state.team.trim(), levelLabel, state.owner.trim(), kindLabel].join(" · ")),
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
          const metric = METRIC_CHOICES.find((c) => c.key === kr.metric)?.label[lang] ?? "";
          const range = `${kr.baseline.trim()} → ${kr.target.trim()} ${kr.unit.trim()}`.trim();
          return el(
            "li",
            {},
            el("span", {}, kr.title.trim()),
            el("span", { class: "meta" }, ` ${t(lang, "wizard.review.krMeta", { metric, range })}`),
          );
        }),
      ),
    );
    const counter = el("p", { class: "counter" });
    this.live.push(() => setText(counter, this.teamCount()));
    const findings = el("div", { class: "review-findings" });
    this.live.push(() => this.drawReviewFindings(findings));
    append(body, el("p", {}, t(lang, "wizard.review.intro")), summary, counter, findings);
  }

  private drawReviewFindings(into: HTMLElement): void {
    const notes = this.coaching?.notes ?? [];
    const said = notes.map((n) => `${n.finding.severity}:${n.message}`).join("\n");
    fillIfChanged(into, said, () => this.reviewFindings(notes));
  }

  private reviewFindings(notes: Note[]): Node[] {
    const lang = this.lang;
    if (notes.length === 0) return [el("p", { class: "msg ok" }, t(lang, "wizard.review.clean"))];
    const groups = SEVERITIES.flatMap((severity) => {
      const list = notes.filter((n) => n.finding.severity === severity);
      if (list.length === 0) return [];
      return [
        el(
          "section",
          { class: `group ${severity}` },
          el("h3", {}, t(lang, `findings.group.${severity}`, { count: list.length })),
          el("ul", {}, ...list.map((note) => el("li", {}, this.noteButton(note)))),
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
  private noteButton(note: Note): HTMLElement {
    const lang = this.lang;
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
        note.field === "objective"
          ? "team"
          : /^kr\.\d+$/.test(note.field)
            ? `${note.field}.title`
            : note.field;
      this.go(stepOf(note.field), field);
    });
    return button;
  }

  // ---- live coaching -------------------------------------------------------------------------

  /** Redraws the coaching and counters; a user action (`now`) redraws even under a pressed pointer. */
  private refresh(now = false): void {
    if (!this.context) return;
    if (this.pointerDown && !now) {
      this.deferred = true;
      return;
    }
    this.coaching = coach(this.context, this.state, this.lang);
    for (const [key, slot] of this.fields) {
      const notes = this.coaching.notes.filter(
        (n) => n.field === key && (!n.blocking || this.touched.has(key) || this.attempted.has(stepOf(key))),
      );
      // Rewritten only when it says something else: focus and reading stay where they are.
      const said = notes.map((n) => `${n.finding.severity}:${n.message}`).join("\n");
      fillIfChanged(slot.msgs, said, () =>
        notes.map((n) => el("p", { class: `msg ${n.finding.severity}` }, n.message)),
      );
      if (slot.control) {
        if (notes.some((n) => n.blocking)) slot.control.setAttribute("aria-invalid", "true");
        else slot.control.removeAttribute("aria-invalid");
      }
    }
    this.live.forEach((draw) => draw());
  }

  // ---- moving between steps ------------------------------------------------------------------

  private go(step: Step, focus?: FieldKey): void {
    this.state.step = step;
    saveState(this.state);
    this.render(focus ?? "step");
  }

  private next(slot: HTMLElement): void {
    const step = this.state.step;
    const index = STEPS.indexOf(step as (typeof STEPS)[number]);
    this.attempted.add(step);
    this.refresh(true);
    const blocking = this.coaching!.notes.filter((n) => n.blocking && stepOf(n.field) === step);
    if (blocking.length > 0) {
      showError(slot, t(this.lang, "wizard.fix"));
      const first = [...this.fields].find(([key]) => blocking.some((n) => n.field === key))?.[1].control;
      first?.focus();
      return;
    }
    this.go(STEPS[index + 1]!);
  }

  /**
   * "Move KR-8 to the KPIs sheet" for each key result the review step called a KPI: it exists in
   * the sheet only now, so the offer comes right after the insert.
   */
  private kpiMoves(): HTMLElement[] {
    const result = this.result;
    if (!result) return [];
    return this.kpiLike.flatMap((kr) => {
      const krId = result.krIds[kr];
      if (!krId) return [];
      const slot = actionSlot();
      // The objective's row comes first, then its key results in order.
      const row = result.firstRow + 1 + kr;
      const move = busyButton(t(this.lang, "wizard.moveToKpis", { id: krId }), async () => {
        const outcome = await act(slot, this.lang, () => callServer("moveToKpis", { row, krId }));
        if (!outcome.ok) return;
        this.kpiLike = this.kpiLike.filter((k) => k !== kr);
        move.remove();
        showNote(slot, outcome.value);
      });
      return [
        el(
          "div",
          { class: "kpi-move" },
          el("p", {}, t(this.lang, "wizard.kpiLike", { id: krId })),
          move,
          slot,
        ),
      ];
    });
  }

  private async insert(slot: HTMLElement): Promise<void> {
    STEPS.forEach((s) => this.attempted.add(s));
    this.refresh(true);
    const payload = toPayload(this.state);
    if (!payload || this.coaching!.notes.some((n) => n.blocking)) return;
    const outcome = await act(slot, this.lang, () => callServer("insertDraft", payload));
    if (!outcome.ok) return;
    this.result = outcome.value;
    this.kpiLike = [
      ...new Set(
        this.coaching!.notes.flatMap((n) =>
          n.finding.code === "kpi-like" && n.kr !== undefined ? [n.kr] : [],
        ),
      ),
    ];
    clearState();
    this.state.step = "done";
    this.render();
  }
}

/** The wizard, the sidebar's home view. Its state lives as long as the sidebar (and in storage). */
export function wizardView(): View {
  let wizard: Wizard | undefined;
  return {
    id: "home",
    label: "sidebar.nav.wizard",
    mount(root, app) {
      wizard ??= new Wizard();
      wizard.mount(root, app);
    },
  };
}
