/**
 * What the template's table sheets hold beyond their data: header rows, and the array formulas of
 * the OKRs sheet's Score and Status columns (built from where the columns really are, so reordered
 * columns keep working), with where set-up puts them. Pure: src/server/template.ts writes them.
 */
import type { RawCell } from "./cells";
import { type Lang, t } from "./i18n";
import type { OkrColumn, SheetDef } from "./schema";
import type { SettingKey } from "./settings";

export function headerRow(sheet: SheetDef, lang: Lang): string[] {
  return sheet.columns.map((c) => c.header[lang]);
}

/** 0-based index → column letters ("A", "Z", "AA"). */
export function columnLetters(index: number): string {
  let letters = "";
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26))
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

/** A sheet name as formulas need it: always quoted, quotes doubled. */
export function quoteSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

export interface FormulaPlaces {
  /** 0-based grid index of each OKRs column, by key. */
  columns: Record<string, number>;
  /** 1-based header row: the formulas live in its Score and Status cells. */
  headerRow: number;
  settingsSheet: string;
  /** 1-based rows of the Settings sheet, by setting key. */
  settingsRows: Partial<Record<SettingKey, number>>;
}

/*
 * Where the formulas live, and why. Score and Status are one array formula each, written in the
 * column's header cell, over ranges that start at the header row (B1:B, not B2:B). No data row
 * holds a formula, so deleting, moving or sorting any data row, the first one included, leaves
 * them in place; a row inserted anywhere below the header falls inside B1:B (Sheets grows a range
 * when rows are inserted inside it, but shifts B2:B to B3:B when a row is inserted above row 2, so
 * `={"Score"; OKRSCORE(B2:B…)}` would miss a new first row). The functions recognise the header
 * row (its Type, or its Quarter, cell is that column's header in either language) and answer the
 * column's own header there, in the spreadsheet's language (the Settings language, an argument).
 */

const whole = (places: FormulaPlaces, key: OkrColumn) => {
  const letters = columnLetters(places.columns[key]!);
  return `${letters}${places.headerRow}:${letters}`;
};
const settingCell = (places: FormulaPlaces, key: SettingKey) =>
  `${quoteSheet(places.settingsSheet)}!$B$${places.settingsRows[key]}`;

/**
 * The Score column's one array formula, in its header cell: OKRSCORE in its column form, with the
 * Settings language for the header it answers.
 *
 * @example
 * scoreFormula(places) //=> "=OKRSCORE(B1:B,C1:C,F1:F,L1:L,M1:M,N1:N,J1:J,O1:O,'Settings'!$B$12)"
 */
export function scoreFormula(places: FormulaPlaces): string | undefined {
  const keys: OkrColumn[] = ["id", "type", "parent", "baseline", "target", "current", "metric", "weight"];
  if (keys.some((k) => places.columns[k] === undefined) || places.settingsRows.language === undefined) {
    return undefined;
  }
  return `=OKRSCORE(${keys.map((k) => whole(places, k)).join(",")},${settingCell(places, "language")})`;
}

/**
 * The Status column's one array formula, in its header cell: OKRSTATUSES judges each row in its
 * own quarter (dates from the quarters table in Settings' columns A:C) on the Settings "as of"
 * day, with the Settings thresholds and language. Every argument is given: no empty ones.
 *
 * @example
 * statusFormula(places)
 * //=> "=OKRSTATUSES(Q1:Q,N1:N,A1:A,'Settings'!$A:$C,'Settings'!$B$3,'Settings'!$B$8,'Settings'!$B$9,B1:B,'Settings'!$B$11)"
 */
export function statusFormula(places: FormulaPlaces): string | undefined {
  const rows = places.settingsRows;
  const keys: OkrColumn[] = ["score", "current", "quarter", "id"];
  if (keys.some((k) => places.columns[k] === undefined)) return undefined;
  const settings = ["asOf", "onTrack", "atRisk", "language"] as const;
  if (settings.some((k) => rows[k] === undefined)) return undefined;
  const table = `${quoteSheet(places.settingsSheet)}!$A:$C`;
  return `=OKRSTATUSES(${whole(places, "score")},${whole(places, "current")},${whole(places, "quarter")},${table},${settingCell(places, "asOf")},${settingCell(places, "onTrack")},${settingCell(places, "atRisk")},${whole(places, "id")},${settingCell(places, "language")})`;
}

/** The OKRs sheet's computed columns, each with its one array formula. */
export const COMPUTED = ["score", "status"] as const;
export type ComputedColumn = (typeof COMPUTED)[number];

/** A formula of ours in a computed column, whatever its arguments (OKRSTATUS: older set-ups). */
const OURS: Record<ComputedColumn, RegExp> = { score: /^=OKRSCORE\(/i, status: /^=OKRSTATUS(ES)?\(/i };

/**
 * The computed columns a header row's formulas show to be ours. Their header cells hold our
 * formulas, which show an error instead of the header when, say, a value typed below blocks the
 * array: they are still our columns, not missing ones.
 *
 * @example
 * computedColumnsIn(["Quarter", "=OKRSTATUSES(Q1:Q)", "=OKRSCORE(B1:B)"]) //=> { status: 1, score: 2 }
 */
export function computedColumnsIn(formulas: readonly string[]): Partial<Record<ComputedColumn, number>> {
  const found: Partial<Record<ComputedColumn, number>> = {};
  formulas.forEach((formula, index) => {
    for (const key of COMPUTED) if (OURS[key].test(formula)) found[key] ??= index;
  });
  return found;
}

/** True when Score or Status was not found by its header: its header cell may show an error. */
export function lacksComputed(columns: Readonly<Record<string, number>>): boolean {
  return COMPUTED.some((key) => columns[key] === undefined);
}

/**
 * The table's columns with Score and Status added where the header row's formulas show them to be
 * ours (computedColumnsIn); a column already found by its header stays where it is.
 *
 * @example
 * withComputedColumns({ score: 0 }, ["=OKRSCORE(C1:C)", "=OKRSTATUSES(A1:A)"]) //=> { score: 0, status: 1 }
 */
export function withComputedColumns(
  columns: Readonly<Record<string, number>>,
  formulas: readonly string[],
): Record<string, number> {
  const merged = { ...columns };
  for (const [key, index] of Object.entries(computedColumnsIn(formulas))) merged[key] ??= index;
  return merged;
}

/**
 * What set-up does with a computed column's formula, given the formulas in its header cell and the
 * cell below: ours in the header is brought up to date ("update", or "keep" when it is already
 * right); ours in the first data row (an older set-up) moves up into the header ("move-up"); values
 * of the user's below the header are never overwritten ("skip"); else the formula is written.
 *
 * @example
 * formulaPlacement("status", "=OKRSTATUSES(A1:A)", { inHeader: "", inFirstRow: "=OKRSTATUS(A2)", hasValues: false }) //=> "move-up"
 * formulaPlacement("score", "=OKRSCORE(A1:A)", { inHeader: "Score", inFirstRow: "", hasValues: true }) //=> "skip"
 */
export function formulaPlacement(
  key: ComputedColumn,
  formula: string,
  found: { inHeader: string; inFirstRow: string; hasValues: boolean },
): "keep" | "update" | "move-up" | "skip" | "write" {
  if (OURS[key].test(found.inHeader)) return found.inHeader === formula ? "keep" : "update";
  if (OURS[key].test(found.inFirstRow)) return "move-up";
  return found.hasValues ? "skip" : "write";
}

/**
 * Whether a column holds anything below its header row (0-based column, 1-based header row).
 *
 * @example
 * hasValuesBelow([["Score"], [""], [0.5]], 1, 0) //=> true
 */
export function hasValuesBelow(grid: readonly RawCell[][], headerRow: number, column: number): boolean {
  return grid.slice(headerRow).some((line) => line[column] !== "" && line[column] !== undefined);
}

/** A computed column's formula, where set-up puts it. */
export interface FormulaWrite {
  key: ComputedColumn;
  /** 0-based column. */
  column: number;
  formula: string;
  placement: ReturnType<typeof formulaPlacement>;
}

/**
 * The computed columns that get a formula, and the span of the OKRs sheet to read first (the header
 * row and the row below, from the leftmost such column to the rightmost: one read for both).
 *
 * @example
 * computedSpan({ columns: { score: 4, status: 6 }, headerRow: 1, settingsSheet: "S", settingsRows: {} }, { score: "=OKRSCORE()" }) //=> { keys: ["score"], left: 4, width: 1 }
 */
export function computedSpan(
  places: FormulaPlaces,
  formulas: Partial<Record<ComputedColumn, string>>,
): { keys: ComputedColumn[]; left: number; width: number } | undefined {
  const keys = COMPUTED.filter((key) => places.columns[key] !== undefined && formulas[key] !== undefined);
  if (keys.length === 0) return undefined;
  const indexes = keys.map((key) => places.columns[key]!);
  const left = Math.min(...indexes);
  return { keys, left, width: Math.max(...indexes) - left + 1 };
}

/** Where each computed column's formula goes, from the span read (see computedSpan) and the grid. */
export function formulaWrites(
  places: FormulaPlaces,
  formulas: Partial<Record<ComputedColumn, string>>,
  span: { keys: ComputedColumn[]; left: number; formulas: readonly (readonly string[])[] },
  grid: readonly RawCell[][],
): FormulaWrite[] {
  return span.keys.map((key) => {
    const column = places.columns[key]!;
    const formula = formulas[key]!;
    const placement = formulaPlacement(key, formula, {
      inHeader: span.formulas[0]?.[column - span.left] ?? "",
      inFirstRow: span.formulas[1]?.[column - span.left] ?? "",
      hasValues: hasValuesBelow(grid, places.headerRow, column),
    });
    return { key, column, formula, placement };
  });
}

/** What a set-up did, for the report to the user: the sheets created and kept, notes, example rows. */
export interface SetupReport {
  created: string[];
  kept: string[];
  notes: string[];
  exampleRows: number;
}

/** The set-up report as the alert shows it, in the user's language, one paragraph per point. */
export function setupReportText(lang: Lang, report: SetupReport): string {
  const list = (sheets: string[]) => ({ sheets: sheets.join(", "), count: sheets.length });
  return [
    report.created.length ? t(lang, "setup.created", list(report.created)) : "",
    report.kept.length ? t(lang, "setup.kept", list(report.kept)) : "",
    ...report.notes,
    report.exampleRows ? t(lang, "setup.exampleAdded", { count: report.exampleRows }) : "",
    t(lang, "setup.done"),
  ]
    .filter(Boolean)
    .join("\n\n");
}
