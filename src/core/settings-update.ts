/**
 * What writing setting values changes in the Settings sheet: the value cells of the rows it has,
 * rows appended for the settings it lacks (labelled in the spreadsheet's language), a quarter
 * added to the quarters table, and the "Current quarter" help when it still is ours.
 */
import { asText, type RawCell } from "./cells";
import { dateOfDay, type Day } from "./dates";
import type { Lang } from "./i18n";
import { SETTING_DEFS, settingHelp } from "./setting-rows";
import type { SettingKey, SettingsResult } from "./settings";

export type SettingValue = string | number | Date;

export interface SettingsUpdateInput {
  /** The Settings sheet's values and the row of each setting found there. */
  grid: readonly RawCell[][];
  rows: SettingsResult["rows"];
  values: Partial<Record<SettingKey, SettingValue>>;
  /** The spreadsheet's language: new rows' labels and help. */
  lang: Lang;
  /** The quarter Settings names now (the help of new rows names the new one when it changes). */
  currentQuarter: string;
  /** A quarter to add to the quarters table (Start next quarter, when the table lacks it). */
  quarter?: { quarter: string; start: Day; end: Day };
  timeZone: string;
}

export interface SettingsUpdate {
  /** 1-based row → the value for column B. */
  updates: Map<number, SettingValue>;
  /** Rows (label, value, help) to append below everything: a quarter row is recognised wherever it sits. */
  appended: SettingValue[][];
  /** The "Current quarter" help naming the new quarter, in the language it was written in. */
  quarterHelp?: { row: number; text: string };
}

const QUARTER_HELP = SETTING_DEFS.find((d) => d.key === "quarter")!.help;

/** Our "Current quarter" help in a language, whatever quarter and menu path it names. */
const quarterHelpPattern = (lang: Lang) =>
  new RegExp(
    `^${QUARTER_HELP[lang]
      .replace(/[.*+?^${}()|[\]\\]/g, "\\$&")
      .replace("\\{quarter\\}", ".*")
      .replace("\\{menu\\}", ".*")}$`,
  );

/**
 * The language our "Current quarter" help is written in, or undefined when the user wrote their own.
 *
 * @example
 * quarterHelpLanguage("Your own words") //=> undefined
 */
export function quarterHelpLanguage(help: unknown): Lang | undefined {
  if (typeof help !== "string") return undefined;
  return (["en", "fr"] as const).find((l) => quarterHelpPattern(l).test(help));
}

/** The changes that write `values` into Settings; nothing the user wrote is overwritten but those values. */
export function settingsUpdate(input: SettingsUpdateInput): SettingsUpdate {
  const { rows, values, lang } = input;
  const updates = new Map<number, SettingValue>();
  const appended: SettingValue[][] = [];
  const quarterNamed = String(values.quarter ?? input.currentQuarter);
  for (const [key, value] of Object.entries(values) as [SettingKey, SettingValue][]) {
    const row = rows[key];
    if (row !== undefined) updates.set(row, value);
    else {
      const def = SETTING_DEFS.find((d) => d.key === key)!;
      appended.push([
        def.label[lang],
        typeof value === "string" ? asText(value) : value,
        settingHelp(key, lang, quarterNamed),
      ]);
    }
  }
  const { quarter, timeZone } = input;
  if (quarter)
    appended.push([quarter.quarter, dateOfDay(quarter.start, timeZone), dateOfDay(quarter.end, timeZone)]);
  // The "Current quarter" help names the quarter: it follows, unless the user wrote their own.
  const quarterRow = rows.quarter;
  const own = quarterRow === undefined ? undefined : quarterHelpLanguage(input.grid[quarterRow - 1]?.[2]);
  const quarterHelp =
    values.quarter !== undefined && quarterRow !== undefined && own
      ? { row: quarterRow, text: settingHelp("quarter", own, String(values.quarter)) }
      : undefined;
  return { updates, appended, ...(quarterHelp ? { quarterHelp } : {}) };
}
