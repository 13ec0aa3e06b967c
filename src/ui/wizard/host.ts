/**
 * What a step of the wizard draws with: the state and the server's context, the fields it
 * registers for live coaching, and the moves between steps. The Wizard (view.ts) is the host.
 */
import { type Lang, t } from "../i18n";
import type { WizardContext } from "../../core/wizard";
import type { Control } from "../field";
import type { Coaching, FieldKey } from "./coach";
import type { Step, WizardState } from "./state";

export interface TextOptions {
  multiline?: boolean;
  list?: string;
  numeric?: boolean;
}

export interface StepHost {
  readonly lang: Lang;
  readonly context: WizardContext;
  readonly state: WizardState;
  /** The latest coaching; undefined until the first refresh. */
  coaching(): Coaching | undefined;
  /** Changes the state (saved at once) and schedules the coaching; `field` counts as touched. */
  update(change: (state: WizardState) => void, field?: FieldKey): void;
  /** Draws the step again, focusing a field or the step's title. */
  render(focus?: FieldKey | "step"): void;
  go(step: Step, focus?: FieldKey): void;
  /** Something to redraw with each coaching (a counter, the Insert button's state). */
  live(draw: () => void): void;
  /** A labelled field with its hint and its message area, registered for live coaching. */
  field(key: FieldKey, label: string, control: Control, hint?: string): HTMLElement;
  /** A message area for findings about a whole row. */
  area(key: FieldKey): HTMLElement;
  text(
    key: FieldKey,
    value: string,
    max: number,
    set: (state: WizardState, value: string) => void,
    options?: TextOptions,
  ): Control;
  datalist(values: readonly string[]): { id: string; node: HTMLDataListElement };
  /** After removing key result i, what was touched on the ones below moves up with them. */
  shiftTouched(removed: number): void;
}

/** "Team A has 2 objectives this quarter (limit 3)", or "" before the first coaching. */
export function teamCount(w: StepHost): string {
  const team = w.coaching()?.team;
  if (!team) return "";
  const params = { team: team.name, count: team.count, limit: team.limit };
  if (team.count === 0) return t(w.lang, "wizard.teamCount.none", params);
  if (team.count === 1) return t(w.lang, "wizard.teamCount.one", params);
  return t(w.lang, "wizard.teamCount.many", params);
}

export function teamFull(w: StepHost): boolean {
  const team = w.coaching()?.team;
  return team !== undefined && team.count >= team.limit;
}

/** After removing key result i, what was touched on the ones below moves up with them. */
export function shiftTouched(touched: Set<FieldKey>, removed: number): void {
  const moved = [...touched].flatMap((key) => {
    const m = /^kr\.(\d+)(\..*)?$/.exec(key);
    if (!m) return [key];
    const n = Number(m[1]);
    if (n === removed) return [];
    return [n > removed ? `kr.${n - 1}${m[2] ?? ""}` : key];
  });
  touched.clear();
  moved.forEach((key) => touched.add(key));
}
