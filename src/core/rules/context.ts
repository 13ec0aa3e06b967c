import type { Day } from "../dates";
import type { Finding, FindingCode, Severity } from "../findings";
import type { CheckinRow, KpiRow, OkrRow } from "../parse";
import type { Settings } from "../settings";

/** Everything a rule may look at, computed once per validation. */
export interface RuleContext {
  /** Every row of the OKRs sheet, all quarters. */
  all: readonly OkrRow[];
  /** Rows of the current quarter (Settings). */
  current: readonly OkrRow[];
  objectives: readonly OkrRow[];
  krs: readonly OkrRow[];
  /** Current-quarter rows by ID (the first row wins when an ID repeats). */
  byId: ReadonlyMap<string, OkrRow>;
  krsByObjective: ReadonlyMap<string, readonly OkrRow[]>;
  checkins: readonly CheckinRow[];
  /** IDs of key results moved to the KPIs sheet (its "Moved from" column), lower-cased. */
  movedToKpis: ReadonlySet<string>;
  settings: Settings;
  today: Day;
}

export interface ValidationInput {
  okrs: readonly OkrRow[];
  checkins?: readonly CheckinRow[];
  kpis?: readonly KpiRow[];
  settings: Settings;
  today: Day;
}

export function ruleContext(input: ValidationInput): RuleContext {
  const current = input.okrs.filter((r) => r.quarter === input.settings.quarter);
  const byId = new Map<string, OkrRow>();
  for (const row of current) if (row.id && !byId.has(row.id)) byId.set(row.id, row);
  const krsByObjective = new Map<string, OkrRow[]>();
  for (const row of current) {
    if (row.type !== "kr" || !row.parent) continue;
    const list = krsByObjective.get(row.parent) ?? [];
    list.push(row);
    krsByObjective.set(row.parent, list);
  }
  return {
    all: input.okrs,
    current,
    objectives: current.filter((r) => r.type === "objective"),
    krs: current.filter((r) => r.type === "kr"),
    byId,
    krsByObjective,
    checkins: input.checkins ?? [],
    movedToKpis: new Set((input.kpis ?? []).map((k) => k.origin.trim().toLowerCase()).filter(Boolean)),
    settings: input.settings,
    today: input.today,
  };
}

export type Rule = (ctx: RuleContext) => Finding[];

/**
 * A finding on one cell of the OKRs sheet. The cast only joins what the signature already ties
 * together: `params` is checked against `code`'s own params at every call.
 */
export const onCell = <C extends FindingCode>(
  row: OkrRow,
  column: string,
  code: C,
  severity: Severity,
  params: Extract<Finding, { code: C }>["params"],
): Finding => ({ code, severity, sheet: "okrs", row: row.row, column, params }) as Finding;
