/**
 * What the template's sheets hold, derived from the schema: header rows, the Settings rows, and
 * the array formulas of the OKRs sheet's Score and Status columns (built from where the columns
 * really are, so reordered columns keep working).
 */
import { type Day } from "./dates";
import type { Lang } from "./i18n";
import { type ColumnDef, LEVELS, type SheetDef } from "./schema";
import { SETTING_DEFS, type Settings, type SettingKey } from "./settings";

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

/** One Settings row's cell values: label, value, help. Days are returned as Day numbers. */
export function settingRow(
  key: SettingKey,
  settings: Settings,
  lang: Lang,
): [string, string | number | Day, string] {
  const def = SETTING_DEFS.find((d) => d.key === key)!;
  const value = settings[key];
  let shown: string | number;
  if (key === "allowedLevels") {
    shown = (value as string[]).map((level) => LEVELS.find((l) => l.key === level)!.label[lang]).join(", ");
  } else if (value === undefined) shown = "";
  else shown = value as string | number;
  return [def.label[lang], shown, def.help[lang]];
}

export interface FormulaPlaces {
  /** 0-based grid index of each OKRs column, by key. */
  columns: Record<string, number>;
  /** 1-based first data row. */
  firstRow: number;
  settingsSheet: string;
  /** 1-based rows of the Settings sheet, by setting key. */
  settingsRows: Partial<Record<SettingKey, number>>;
}

/**
 * The Score column's one array formula: OKRSCORE in its column form over whole columns.
 *
 * @example
 * scoreFormula(places) //=> "=OKRSCORE(B2:B,C2:C,F2:F,L2:L,M2:M,N2:N,J2:J,O2:O)"
 */
export function scoreFormula(places: FormulaPlaces): string | undefined {
  const keys = ["id", "type", "parent", "baseline", "target", "current", "metric", "weight"];
  if (keys.some((k) => places.columns[k] === undefined)) return undefined;
  const ranges = keys.map((k) => {
    const letters = columnLetters(places.columns[k]!);
    return `${letters}${places.firstRow}:${letters}`;
  });
  return `=OKRSCORE(${ranges.join(",")})`;
}

/**
 * The Status column's one array formula: OKRSTATUS of the scores against the quarter's dates and
 * the pace thresholds in Settings; "today" is left empty so the formula uses the current date, and
 * the ID column keeps the empty rows below the table blank.
 *
 * @example
 * statusFormula(places) //=> "=OKRSTATUS(Q2:Q,'Settings'!$B$3,'Settings'!$B$4,,'Settings'!$B$9,'Settings'!$B$10,B2:B)"
 */
export function statusFormula(places: FormulaPlaces): string | undefined {
  const { score, id } = places.columns;
  const rows = places.settingsRows;
  const needed = [rows.quarterStart, rows.quarterEnd, rows.onTrack, rows.atRisk];
  if (score === undefined || id === undefined || needed.some((r) => r === undefined)) return undefined;
  const whole = (index: number) => `${columnLetters(index)}${places.firstRow}:${columnLetters(index)}`;
  const cell = (row: number | undefined) => `${quoteSheet(places.settingsSheet)}!$B$${row}`;
  return `=OKRSTATUS(${whole(score)},${cell(rows.quarterStart)},${cell(rows.quarterEnd)},,${cell(rows.onTrack)},${cell(rows.atRisk)},${whole(id)})`;
}

/** Columns the user types in (the computed Score and Status columns are the formulas' own). */
export function isInputColumn(column: ColumnDef): boolean {
  return column.type !== "computed";
}
