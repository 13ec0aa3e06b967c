/**
 * What the template's sheets hold, derived from the schema: header rows, the Settings rows and
 * the quarters table set-up appends (pure data, written by src/server/template.ts), and
 * the array formulas of the OKRs sheet's Score and Status columns (built from where the columns
 * really are, so reordered columns keep working).
 */
import { type Day } from "./dates";
import { type Lang, menuPath } from "./i18n";
import { calendarQuarters, QUARTER_TABLE_HEADERS, type QuarterDates, quarterOfDay } from "./quarters";
import { choiceLabel, type ColumnDef, SETTINGS_SHEET, type SheetDef } from "./schema";
import { SETTING_DEFS, SETTINGS_BELOW_QUARTERS, type Settings, type SettingKey } from "./settings";

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

/** A setting's help text as Settings shows it: the current quarter and the menu's real path filled in. */
export function settingHelp(key: SettingKey, lang: Lang, quarter: string): string {
  const def = SETTING_DEFS.find((d) => d.key === key)!;
  return def.help[lang].replace("{quarter}", quarter).replace("{menu}", menuPath(lang));
}

/** One Settings row's cell values: label, value, help. Days are returned as Day numbers. */
export function settingRow(
  key: SettingKey,
  settings: Settings,
  lang: Lang,
): [string, string | number | Day, string] {
  const def = SETTING_DEFS.find((d) => d.key === key)!;
  const value = settings[key];
  const help = settingHelp(key, lang, settings.quarter);
  let shown: string | number;
  if (key === "allowedLevels") {
    shown = (value as string[]).map((level) => choiceLabel("level", level, lang)).join(", ");
  } else if (value === undefined) shown = "";
  else shown = value as string | number;
  return [def.label[lang], shown, help];
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

const whole = (places: FormulaPlaces, key: string) => {
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
  const keys = ["id", "type", "parent", "baseline", "target", "current", "metric", "weight"];
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
  const keys = ["score", "current", "quarter", "id"];
  if (keys.some((k) => places.columns[k] === undefined)) return undefined;
  const settings = ["asOf", "onTrack", "atRisk", "language"] as const;
  if (settings.some((k) => rows[k] === undefined)) return undefined;
  const table = `${quoteSheet(places.settingsSheet)}!$A:$C`;
  return `=OKRSTATUSES(${whole(places, "score")},${whole(places, "current")},${whole(places, "quarter")},${table},${settingCell(places, "asOf")},${settingCell(places, "onTrack")},${settingCell(places, "atRisk")},${whole(places, "id")},${settingCell(places, "language")})`;
}

/** Columns the user types in (the computed Score and Status columns are the formulas' own). */
export function isInputColumn(column: ColumnDef): boolean {
  return column.type !== "computed";
}

/** A cell set-up writes, with how to write it (a date is a Day number until then). */
export interface SetupCell {
  value: string | number;
  type: "text" | "number" | "date";
}

/**
 * The quarters table's rows: calendar quarters from this year's first to next year's last, except
 * the dates an older Settings sheet gave a quarter (its legacy start and end rows), in order.
 *
 * @example
 * quarterTable([], dayOf(new Date("2026-11-20"), "UTC")).map((q) => q.label) //=> ["2026-Q1", …, "2027-Q4"]
 */
export function quarterTable(known: readonly QuarterDates[], today: Day): QuarterDates[] {
  const own = new Map(known.map((q) => [q.label, q] as const));
  const calendar = calendarQuarters(quarterOfDay(today).year);
  const labels = new Set(calendar.map((q) => q.label));
  const all = [...calendar.map((q) => own.get(q.label) ?? q), ...known.filter((q) => !labels.has(q.label))];
  return all.sort((a, b) => a.start - b.start);
}

/**
 * What set-up appends to a Settings sheet of `existingRows` rows: the header row when it is empty,
 * a row for each missing setting (label, default value, help), and the quarters table when there is
 * none (a blank row, its header, its quarters). `tableHeader` is the table header's 1-based row.
 */
export function settingsAdditions(input: {
  existingRows: number;
  missing: readonly SettingKey[];
  needsTable: boolean;
  values: Settings;
  knownQuarters: readonly QuarterDates[];
  today: Day;
  lang: Lang;
}): { rows: SetupCell[][]; tableHeader: number | undefined } {
  const { lang } = input;
  const text = (value: string): SetupCell => ({ value, type: "text" });
  const rows: SetupCell[][] = [];
  if (input.existingRows === 0) rows.push(headerRow(SETTINGS_SHEET, lang).map(text));
  const settingCells = (key: SettingKey): SetupCell[] => {
    const [label, value, help] = settingRow(key, input.values, lang);
    const type = SETTING_DEFS.find((d) => d.key === key)!.type;
    return [text(label), { value, type }, text(help)];
  };
  // Rows written below a new quarters table, so that the table starts where it always did.
  const below = input.needsTable ? input.missing.filter((key) => SETTINGS_BELOW_QUARTERS.has(key)) : [];
  for (const key of input.missing) if (!below.includes(key)) rows.push(settingCells(key));
  if (!input.needsTable) return { rows, tableHeader: undefined };
  rows.push([text(""), text(""), text("")]);
  const tableHeader = input.existingRows + rows.length + 1;
  const { quarter, start, end } = QUARTER_TABLE_HEADERS;
  rows.push([text(quarter[lang]), text(start[lang]), text(end[lang])]);
  for (const q of quarterTable(input.knownQuarters, input.today))
    rows.push([text(q.label), { value: q.start, type: "date" }, { value: q.end, type: "date" }]);
  rows.push(...below.map(settingCells));
  return { rows, tableHeader };
}
