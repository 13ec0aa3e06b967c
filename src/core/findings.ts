/**
 * Findings are data: a code, a severity, where (sheet, row, column) and the parameters of the
 * message. They become words only through the message catalog (`describeFinding`), so the
 * sidebar can switch on `code` and French and English stay in step.
 */
import type { Lang } from "./i18n";
import type { SheetKey } from "./schema";

export type Severity = "error" | "warning" | "info";

interface At {
  severity: Severity;
  sheet: SheetKey;
  /** 1-based sheet row; absent for findings about a whole sheet. */
  row?: number;
  /** Column key from the schema; absent for findings about a whole row. */
  column?: string;
}

type F<C extends string, P> = At & { code: C; params: P };

export type Finding =
  // structure
  | F<"missing-sheet", { sheet: string }>
  | F<"missing-column", { column: string }>
  | F<"computed-blocked", { column: string }>
  | F<"computed-failed", { column: string }>
  | F<"computed-replaced", { column: string }>
  | F<"required", { column: string }>
  | F<"not-in-list", { column: string; value: string }>
  | F<"not-a-number", { column: string; value: string }>
  | F<"out-of-range", { column: string; value: string; min: string; max: string }>
  | F<"number-too-large", { column: string; value: string }>
  | F<"not-a-date", { column: string; value: string }>
  | F<"ambiguous-date", { column: string; value: string; dayFirst: string; monthFirst: string }>
  | F<"duplicate-id", { id: string; firstRow: number }>
  | F<"id-on-kpis", { id: string }>
  | F<"unknown-parent", { parent: string }>
  | F<"parent-not-objective", { parent: string }>
  | F<"unknown-company-objective", { parent: string }>
  | F<"target-equals-baseline", { value: string }>
  | F<"weight-not-positive", { value: string }>
  | F<"unknown-quarter", { quarter: string }>
  | F<"unknown-kr", { id: string }>
  // focus
  | F<"too-many-objectives", { team: string; quarter: string; count: number; limit: number }>
  | F<"too-many-krs", { objective: string; count: number; limit: number }>
  | F<"objective-without-krs", { objective: string }>
  // wording: the lessons from the field
  | F<"kpi-like", { words: string; metric?: string }>
  | F<"output-not-outcome", { words: string; object?: string }>
  | F<"not-measurable", { verb?: string; object?: string }>
  | F<"objective-has-number", { words: string }>
  | F<"level-not-allowed", { level: string; allowed: string }>
  | F<"owner-missing", Record<string, never>>
  | F<"owner-repeated", { owner: string; previousQuarter: string }>
  | F<"added-mid-quarter", { created: string; lockDate: string }>
  | F<"stale", { days: number; lastCheckIn: string }>
  // settings
  | F<"setting-invalid", { setting: string; value: string }>
  | F<"formats-language", { formatted: Lang; language: Lang }>
  // across team spreadsheets (a company's roll-up)
  | F<"rollup-unknown-parent", { team: string; id: string; parent: string }>
  | F<"rollup-team-parent", { team: string; id: string; parent: string; other: string }>
  | F<"rollup-unserved", { id: string; title: string }>
  | F<"rollup-too-many", { count: number; max: number }>;

export type FindingCode = Finding["code"];

export const SEVERITIES: readonly Severity[] = ["error", "warning", "info"];
