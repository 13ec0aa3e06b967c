/**
 * The drafting wizard: context → objective → key results → review & insert. Each step is drawn
 * from the state; typing updates the state (saved at once, so back, next and closing the sidebar
 * keep it) and, a moment later, the coaching next to each field and the counters. Only the message
 * areas are redrawn while the user types, so focus and caret stay where they are.
 */
import { type Lang, t } from "../i18n";
import type { WizardContext } from "../../core/wizard";
import { act, actionSlot, busyButton, setAvailable, showError } from "../actions";
import { append, datalist, el, fill } from "../dom";
import type { Control } from "../field";
import { watchPointer, whenReleased } from "../pointer";
import { callServer } from "../server-client";
import { type App, keptView, type View } from "../view";
import { type Coaching, coach, type FieldKey, stepOf } from "./coach";
import { contextStep } from "./context-step";
import { doneStep, type Inserted } from "./done-step";
import { StepFields } from "./fields";
import { shiftTouched, type StepHost, type TextOptions } from "./host";
import { krStep, objectiveStep } from "./objective-step";
import { reviewStep } from "./review-step";
import {
  clearState,
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

const COACH_DELAY_MS = 150;

class Wizard {
  private context: WizardContext | undefined;
  private state: WizardState;
  private restored: boolean;
  private inserted: Inserted | undefined;
  private root: HTMLElement | undefined;
  private lang: Lang = "en";
  private readonly touched = new Set<FieldKey>();
  private readonly attempted = new Set<Step>();
  private fields = new StepFields();
  private live: (() => void)[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;
  private coaching: Coaching | undefined;
  /** Whether the ended quarter's notice was read out already: it is spoken once, then only shown. */
  private endedSaid = false;

  constructor() {
    const saved = loadState();
    this.state = saved ?? emptyState();
    this.restored = saved !== undefined && hasInput(saved);
    watchPointer();
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
    const lang = this.lang;
    this.fields = new StepFields();
    this.live = [];
    clearTimeout(this.timer);
    const step = this.state.step;
    if (step === "done") {
      this.renderDone();
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
    const draw = { context: contextStep, objective: objectiveStep, krs: krStep, review: reviewStep }[step];
    draw(this.host(), body);
    const ended = this.endedNotice(step);
    if (ended) body.prepend(ended);

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
        setAvailable(
          insert,
          !this.coaching?.notes.some((n) => n.blocking) && !!toPayload(this.state, this.lang),
        ),
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
    this.show(
      progress,
      stepTitle,
      this.restored ? el("p", { class: "msg note" }, t(lang, "wizard.restored")) : null,
      body,
      buttons,
      slot,
    );
    this.restored = false;
    this.refresh(true);
    if (focus === "step") stepTitle.focus();
    else if (focus) this.fields.control(focus)?.focus();
  }

  /**
   * On the first step (and on the last, where Insert is): the quarter Settings are on has ended, so
   * an insert would be refused; the way out, and that the draft is kept. An alert the first time
   * only (src/ui/live.ts: speak once); after that it is there to read, not announced again.
   */
  private endedNotice(step: Step): HTMLElement | null {
    const ended = this.context?.ended;
    if (!ended || (step !== "context" && step !== "review")) return null;
    const role = this.endedSaid ? undefined : "alert";
    this.endedSaid = true;
    return el("p", { class: "msg warning quarter-ended", role }, t(this.lang, "wizard.quarterEnded", ended));
  }

  /** Fills the view: the wizard's title, then `children`. */
  private show(...children: (Node | null)[]): void {
    const section = { class: "wizard", "aria-labelledby": "wizard-title" };
    fill(
      this.root!,
      el("section", section, el("h1", { id: "wizard-title" }, t(this.lang, "wizard.title")), ...children),
    );
  }

  /** What the steps draw with (host.ts). */
  private host(): StepHost {
    return {
      lang: this.lang,
      context: this.context!,
      state: this.state,
      coaching: () => this.coaching,
      update: (change, field) => this.update(change, field),
      render: (focus) => this.render(focus),
      go: (step, focus) => this.go(step, focus),
      live: (draw) => this.live.push(draw),
      field: (key, label, control, hint) => this.fields.field(key, label, control, hint),
      area: (key) => this.fields.area(key),
      text: (key, value, max, set, options) => this.text(key, value, max, set, options),
      datalist,
      shiftTouched: (removed) => shiftTouched(this.touched, removed),
    };
  }

  private text(
    key: FieldKey,
    value: string,
    max: number,
    set: (state: WizardState, value: string) => void,
    options: TextOptions = {},
  ): Control {
    const control = options.multiline
      ? el("textarea", { rows: "3", maxlength: String(max), dir: "auto" })
      : el("input", {
          type: "text",
          maxlength: String(max),
          list: options.list,
          // A name or a unit typed in Arabic or Hebrew is typed right to left; a number is not.
          dir: options.numeric ? undefined : "auto",
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

  // ---- live coaching -------------------------------------------------------------------------

  /** The same function each time, so refreshes asked for under a pressed pointer run once. */
  private readonly refreshNow = () => this.refresh(true);

  /** Redraws the coaching and counters; a user action (`now`) redraws even under a pressed pointer. */
  private refresh(now = false): void {
    if (!this.context) return;
    // While a pointer is pressed nothing moves: a message appearing under it would cancel the click.
    if (!now) return whenReleased(this.refreshNow);
    this.coaching = coach(this.context, this.state, this.lang);
    // A blocking note shows once its field was touched or its step's Next tried.
    this.fields.show(
      this.coaching.notes,
      (n) => !n.blocking || this.touched.has(n.field) || this.attempted.has(stepOf(n.field)),
    );
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
      this.fields.firstOf(blocking)?.focus();
      return;
    }
    this.go(STEPS[index + 1]!);
  }

  private renderDone(): void {
    const lang = this.lang;
    const title = el("h2", { class: "step-title", tabindex: "-1" }, t(lang, "wizard.done"));
    const again = () => {
      this.state = nextDraft(this.state);
      this.inserted = undefined;
      this.touched.clear();
      this.attempted.clear();
      saveState(this.state);
      this.context = undefined; // counts and company objectives changed: ask again
      void this.load();
    };
    this.show(title, ...doneStep(lang, this.inserted, again));
    title.focus();
  }

  private async insert(slot: HTMLElement): Promise<void> {
    STEPS.forEach((s) => this.attempted.add(s));
    this.refresh(true);
    const payload = toPayload(this.state, this.lang);
    if (!payload || this.coaching!.notes.some((n) => n.blocking)) return;
    const outcome = await act(slot, this.lang, () => callServer("insertDraft", payload));
    if (!outcome.ok) return;
    const kpiLike = this.coaching!.notes.flatMap((n) =>
      n.finding.code === "kpi-like" && n.kr !== undefined ? [n.kr] : [],
    );
    this.inserted = { result: outcome.value, kpiLike: [...new Set(kpiLike)] };
    clearState();
    this.state.step = "done";
    this.render();
  }
}

/** The wizard, the sidebar's home view. Its state lives as long as the sidebar (and in storage). */
export function wizardView(): View {
  return keptView("home", "sidebar.nav.wizard", () => new Wizard());
}
