/**
 * What set-up writes into a Settings sheet: whether a sheet named Settings is ours, and the rows it
 * appends (the header row of an empty sheet, each missing setting with its default, the quarters
 * table when there is none). Pure data: src/server/template.ts writes it in one call.
 */
import type { RawCell } from "./cells";
import { type Day } from "./dates";
import { type Lang, t } from "./i18n";
import { calendarQuarters, QUARTER_TABLE_HEADERS, type QuarterDates, quarterOfDay } from "./quarters";
import { choiceLabel, columnHeader, SETTINGS_SHEET } from "./schema";
import { SETTING_DEFS, SETTINGS_BELOW_QUARTERS, settingDef, settingHelp } from "./setting-rows";
import {
  defaultSettings,
  parseSettings,
  type Settings,
  type SettingKey,
  type SettingsResult,
} from "./settings";
import { normalize } from "./text";
import { headerRow } from "./template";

/** A cell set-up writes, with how to write it (a date is a Day number until then). */
export interface SetupCell {
  value: string | number;
  type: "text" | "number" | "date";
}

/**
 * A sheet named Settings is ours when most of our settings are there, or when it starts with our
 * header (in English or French); set-up never writes into one of the user's.
 *
 * @example
 * recognisedSettings([["Paramètre", "Valeur"]], 0, "UTC") //=> true
 * recognisedSettings([["Colour", "Blue"]], 0, "UTC") //=> false
 */
export function recognisedSettings(grid: RawCell[][], today: Day, timeZone: string): boolean {
  const found = Object.keys(parseSettings(grid, today, timeZone).rows).length;
  const first = normalize(grid[0]?.[0]);
  const header = (["en", "fr"] as const).map((lang) => normalize(columnHeader("settings", "setting", lang)));
  return 2 * found > SETTING_DEFS.length || header.includes(first);
}

/**
 * One Settings row's cell values: label, value, help. Days are returned as Day numbers.
 *
 * @example
 * settingRow("allowedLevels", defaultSettings(0), "fr").slice(0, 2) //=> ["Niveaux autorisés", "Entreprise, Équipe"]
 */
export function settingRow(
  key: SettingKey,
  settings: Settings,
  lang: Lang,
): [string, string | number | Day, string] {
  const value = settings[key];
  const help = settingHelp(key, lang, settings.quarter);
  let shown: string | number;
  if (key === "allowedLevels") {
    shown = (value as string[]).map((level) => choiceLabel("level", level, lang)).join(", ");
  } else if (value === undefined) shown = "";
  else shown = value as string | number;
  return [settingDef(key).label[lang], shown, help];
}

/**
 * The quarters a new quarters table lists: calendar quarters from this year's first to next year's
 * last, except the dates an older Settings sheet gave a quarter (its legacy start and end rows), in
 * order.
 *
 * @example
 * newQuarterTable([], dayOf(new Date("2026-11-20"), "UTC")).map((q) => q.label) //=> ["2026-Q1", …, "2027-Q4"]
 */
export function newQuarterTable(known: readonly QuarterDates[], today: Day): QuarterDates[] {
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
    return [text(label), { value, type: settingDef(key).type }, text(help)];
  };
  // Rows written below a new quarters table, so that the table starts where it always did.
  const below = input.needsTable ? input.missing.filter((key) => SETTINGS_BELOW_QUARTERS.has(key)) : [];
  for (const key of input.missing) if (!below.includes(key)) rows.push(settingCells(key));
  if (!input.needsTable) return { rows, tableHeader: undefined };
  rows.push([text(""), text(""), text("")]);
  const tableHeader = input.existingRows + rows.length + 1;
  const { quarter, start, end } = QUARTER_TABLE_HEADERS;
  rows.push([text(quarter[lang]), text(start[lang]), text(end[lang])]);
  for (const q of newQuarterTable(input.knownQuarters, input.today))
    rows.push([text(q.label), { value: q.start, type: "date" }, { value: q.end, type: "date" }]);
  rows.push(...below.map(settingCells));
  return { rows, tableHeader };
}

/** What set-up adds to a Settings sheet it read, and which of the rows to style as headers. */
export interface SettingsCompletion {
  /** The settings added, each with its default. */
  missing: SettingKey[];
  rows: SetupCell[][];
  /** The quarters table's header row when the table is added (1-based). */
  tableHeader: number | undefined;
  /** A1 ranges styled as headers: the sheet's header row when it was empty, the table's header. */
  headerRanges: string[];
}

/**
 * Completes a Settings sheet as read (`found`, from `existingRows` rows): the rows of the settings
 * it lacks, with their defaults (the language as `lang`, the sheet's language, not "auto": the
 * spreadsheet keeps one language whoever opens it; "as of" today), and the quarters table when
 * there is none (an older sheet's own dates for the current quarter are kept). Undefined when
 * nothing is missing: nothing already there is changed or moved.
 */
export function settingsCompletion(
  found: Pick<SettingsResult, "settings" | "rows" | "tableHeaderRow">,
  existingRows: number,
  today: Day,
  lang: Lang,
): SettingsCompletion | undefined {
  const values = { ...defaultSettings(today), quarter: found.settings.quarter, asOf: today, language: lang };
  const missing = SETTING_DEFS.filter((d) => found.rows[d.key] === undefined).map((d) => d.key);
  const needsTable = found.tableHeaderRow === undefined;
  if (missing.length === 0 && !needsTable) return undefined;
  const { rows, tableHeader } = settingsAdditions({
    existingRows,
    missing,
    needsTable,
    values,
    knownQuarters: found.settings.quarters,
    today,
    lang,
  });
  const headerRanges = [
    ...(existingRows === 0 ? ["A1:C1"] : []),
    ...(tableHeader === undefined ? [] : [`A${tableHeader}:C${tableHeader}`]),
  ];
  return { missing, rows, tableHeader, headerRanges };
}

/**
 * What set-up tells the user it added to their own Settings sheet (nothing about one it just
 * filled, `existingRows` 0): the settings added, named in the sheet's language, and the quarters
 * table; in the user's language.
 */
export function completionNotes(
  { missing, tableHeader }: Pick<SettingsCompletion, "missing" | "tableHeader">,
  existingRows: number,
  { sheetLang, userLang }: { sheetLang: Lang; userLang: Lang },
): string[] {
  if (existingRows === 0) return [];
  const settings = missing.map((k) => settingDef(k).label[sheetLang]).join(", ");
  return [
    ...(missing.length > 0 ? [t(userLang, "setup.settingsAdded", { settings })] : []),
    ...(tableHeader !== undefined ? [t(userLang, "setup.quartersAdded")] : []),
  ];
}
