/**
 * Reading the Settings sheet: one row per setting (label, value, about; the rows are defined in
 * setting-rows.ts) and the quarters table. A bad value becomes a finding that names its cell, and
 * the default is used instead.
 */
import { isBlank, isDate, parseNumber, type RawCell } from "./cells";
import { type Day, isoOf, parseDay, readDayText } from "./dates";
import type { Finding } from "./findings";
import type { Lang } from "./i18n";
import { LEVELS, type Level } from "./schema";
import { SETTING_DEFS } from "./setting-rows";
import {
  canonicalQuarter,
  datesOfQuarter,
  quarterDays,
  type QuarterDates,
  quarterName,
  quarterOfDay,
  QUARTER_TABLE_HEADERS,
  quarterTable,
} from "./quarters";
import { cellText, normalize } from "./text";
import { matchChoice } from "./choices";

export interface Settings {
  quarter: string;
  /** The current quarter's first and last day, from the quarters table (else its calendar months). */
  quarterStart: Day;
  quarterEnd: Day;
  /** The quarters table: each quarter's own dates. A quarter not in it has its calendar months. */
  quarters: QuarterDates[];
  /**
   * The day statuses are judged on. The add-on brings it to today when the spreadsheet is opened
   * and when an operation runs; custom formulas take it as an argument, since they rerun only when
   * an argument changes. Undefined when the sheet has none (then today is used).
   */
  asOf: Day | undefined;
  /** The day the plan was locked; rows created after it were "added mid-quarter". */
  lockDate: Day | undefined;
  maxObjectivesPerTeam: number;
  maxKrsPerObjective: number;
  allowedLevels: Level[];
  /** Score / expected pace at or above which a key result is on track. */
  onTrack: number;
  /** … at or above which it is at risk; below, off track. */
  atRisk: number;
  staleDays: number;
  language: "auto" | Lang;
  /**
   * What other spreadsheets call this one's IDs by: "SALES" makes O-3 "SALES-O-3" in a company
   * roll-up. Blank: the team's name in the company's Teams table stands in.
   */
  idPrefix: string;
}

/** The settings that have a row of their own (the quarter's dates come from the quarters table). */
export type SettingKey = Exclude<keyof Settings, "quarterStart" | "quarterEnd" | "quarters">;

/**
 * Labels of rows that older spreadsheets have: their dates still count for the current quarter
 * when the quarters table does not list it.
 */
const LEGACY_DATES = {
  quarterStart: { en: "Quarter start", fr: "Début du trimestre" },
  quarterEnd: { en: "Quarter end", fr: "Fin du trimestre" },
} as const;

/** Defaults for a day: the calendar quarter it falls in. */
export function defaultSettings(today: Day): Settings {
  const quarter = quarterOfDay(today);
  const { start, end } = quarterDays(quarter);
  return {
    quarter: quarterName(quarter),
    quarterStart: start,
    quarterEnd: end,
    quarters: [],
    asOf: undefined,
    lockDate: undefined,
    maxObjectivesPerTeam: 3,
    maxKrsPerObjective: 4,
    allowedLevels: ["company", "team"],
    onTrack: 0.9,
    atRisk: 0.6,
    staleDays: 14,
    language: "auto",
    idPrefix: "",
  };
}

/** A number setting's allowed values: whole or not, and its bounds (`above`: the minimum excluded). */
interface NumberRule {
  integer: boolean;
  min: number;
  max: number;
  above?: boolean;
}

type NumberSetting = Exclude<
  SettingKey,
  "quarter" | "asOf" | "lockDate" | "allowedLevels" | "language" | "idPrefix"
>;

/** Plain bounds rather than zod: zod stays with the payloads that cross the wire (src/core/payloads.ts). */
const NUMBER_RULES: Record<NumberSetting, NumberRule> = {
  maxObjectivesPerTeam: { integer: true, min: 1, max: 50 },
  maxKrsPerObjective: { integer: true, min: 1, max: 50 },
  onTrack: { integer: false, min: 0, max: 1, above: true },
  atRisk: { integer: false, min: 0, max: 1 },
  staleDays: { integer: true, min: 1, max: 366 },
};

function allowed(value: number, rule: NumberRule): boolean {
  if (!Number.isFinite(value) || (rule.integer && !Number.isSafeInteger(value))) return false;
  return (rule.above ? value > rule.min : value >= rule.min) && value <= rule.max;
}

export interface SettingsResult {
  settings: Settings;
  findings: Finding[];
  /** The sheet row of each setting found, for writing one back (lock date, next quarter). */
  rows: Partial<Record<SettingKey, number>>;
  /** The sheet row of each quarter in the quarters table, by canonical label. */
  quarterRows: Map<string, number>;
  /** The sheet row of the quarters table's header, when there is one. */
  tableHeaderRow: number | undefined;
}

/**
 * Reads the Settings sheet's values (as getValues returns them, header row first). Settings not
 * found keep their default; a bad value is a finding on its cell and the default is used.
 *
 * @example
 * parseSettings([["Setting", "Value"], ["Max objectives per team", 5]], day, "UTC").settings.maxObjectivesPerTeam //=> 5
 */
export function parseSettings(grid: RawCell[][], today: Day, timeZone: string): SettingsResult {
  const settings = defaultSettings(today);
  const findings: Finding[] = [];
  const rows: SettingsResult["rows"] = {};
  const byLabel = new Map<string, SettingKey>();
  for (const def of SETTING_DEFS) {
    for (const name of [def.key, def.label.en, def.label.fr]) byLabel.set(normalize(name), def.key);
  }
  const invalid = (row: number, key: SettingKey, value: RawCell) =>
    findings.push({
      code: "setting-invalid",
      severity: "warning",
      sheet: "settings",
      row,
      column: "value",
      params: { setting: key, value: isDate(value) ? dayText(value, timeZone) : String(value) },
    });

  const legacy: { start?: Day; end?: Day } = {};
  const legacyLabels = new Map<string, "start" | "end">();
  for (const lang of ["en", "fr"] as const) {
    legacyLabels.set(normalize(LEGACY_DATES.quarterStart[lang]), "start");
    legacyLabels.set(normalize(LEGACY_DATES.quarterEnd[lang]), "end");
  }
  const headers = QUARTER_TABLE_HEADER_TEXTS.map(normalize);
  let tableHeaderRow: number | undefined;
  grid.forEach((line, index) => {
    const label = normalize(line[0]);
    const old = legacyLabels.get(label);
    if (old) {
      const day = parseDay(line[1], timeZone);
      if (day !== undefined) legacy[old] = day;
      return;
    }
    if (
      tableHeaderRow === undefined &&
      label !== "" &&
      headers.includes(label) &&
      headers.includes(normalize(line[1]))
    ) {
      tableHeaderRow = index + 1;
      return;
    }
    const key = byLabel.get(label);
    if (!key) return;
    const row = index + 1;
    rows[key] = row;
    const value = line[1];
    // The Status formula takes "as of" as an argument and fails on a blank (the add-on uses today).
    if (isBlank(value)) {
      if (key === "asOf") invalid(row, key, "");
      return;
    }
    switch (key) {
      case "quarter": {
        const quarter = canonicalQuarter(value);
        if (quarter) settings.quarter = quarter;
        else invalid(row, key, value);
        return;
      }
      case "asOf":
      case "lockDate": {
        const read = typeof value === "string" ? readDayText(value) : undefined;
        if (read && "ambiguous" in read) {
          // Read without the spreadsheet's locale: 08/01/2027 could be either day, so ask.
          const { dayFirst, monthFirst } = read.ambiguous;
          findings.push({
            code: "ambiguous-date",
            severity: "warning",
            sheet: "settings",
            row,
            column: "value",
            params: {
              column: "value",
              value: String(value),
              dayFirst: isoOf(dayFirst),
              monthFirst: isoOf(monthFirst),
            },
          });
          return;
        }
        const day = parseDay(value, timeZone);
        if (day === undefined) invalid(row, key, value);
        else settings[key] = day;
        return;
      }
      case "allowedLevels": {
        const levels = String(value)
          .split(/[,;\n]/)
          .map((part) => part.trim())
          .filter((part) => part !== "")
          .map((part) => matchChoice(LEVELS, part));
        if (levels.length === 0 || levels.some((l) => l === undefined)) invalid(row, key, value);
        else settings.allowedLevels = [...new Set(levels as Level[])];
        return;
      }
      case "idPrefix": {
        const prefix = String(value).trim();
        if (/^[A-Za-z0-9]{1,12}$/.test(prefix)) settings.idPrefix = prefix.toUpperCase();
        else invalid(row, key, value);
        return;
      }
      case "language": {
        const lang = parseLanguage(value);
        if (lang) settings.language = lang;
        else invalid(row, key, value);
        return;
      }
      default: {
        const parsed = parseNumber(value);
        if (parsed.ok && allowed(parsed.value, NUMBER_RULES[key])) settings[key] = parsed.value;
        else invalid(row, key, value);
      }
    }
  });

  // Each quarter's dates: its row in the table, else (older sheets) the legacy rows for the
  // current quarter, else its calendar months.
  const table = quarterTable(grid, timeZone);
  settings.quarters = table.quarters;
  for (const index of table.bad) {
    findings.push({
      code: "setting-invalid",
      severity: "warning",
      sheet: "settings",
      row: index + 1,
      column: "value",
      params: {
        setting: "quarters",
        value: `${cellText(grid[index]![0])} ${dayText(grid[index]![1], timeZone)} – ${dayText(grid[index]![2], timeZone)}`,
      },
    });
  }
  const inTable = table.rows.has(settings.quarter);
  const current = datesOfQuarter(table.quarters, settings.quarter);
  if (current) {
    settings.quarterStart = current.start;
    settings.quarterEnd = current.end;
  }
  if (!inTable && (legacy.start !== undefined || legacy.end !== undefined)) {
    const start = legacy.start ?? settings.quarterStart;
    const end = legacy.end ?? settings.quarterEnd;
    if (end > start) {
      settings.quarterStart = start;
      settings.quarterEnd = end;
      settings.quarters = [...settings.quarters, { label: settings.quarter, start, end }];
    }
  }
  const quarterRows = new Map<string, number>();
  for (const [label, index] of table.rows) quarterRows.set(label, index + 1);
  if (settings.atRisk > settings.onTrack) {
    findings.push({
      code: "setting-invalid",
      severity: "warning",
      sheet: "settings",
      row: rows.atRisk ?? 1,
      column: "value",
      params: { setting: "atRisk", value: String(settings.atRisk) },
    });
    settings.atRisk = defaultSettings(today).atRisk;
    settings.onTrack = Math.max(settings.onTrack, settings.atRisk);
  }
  return { settings, findings, rows, quarterRows, tableHeaderRow };
}

/**
 * The Settings language cell: en, fr or auto (also English/French in either language); blank is
 * auto. Undefined for anything else.
 *
 * @example
 * parseLanguage("Français") //=> "fr"
 */
export function parseLanguage(value: unknown): "auto" | Lang | undefined {
  const lang = normalize(value);
  if (lang === "" || lang === "auto") return "auto";
  if (lang === "en" || lang === "fr") return lang;
  if (lang === "english" || lang === "anglais") return "en";
  if (lang === "french" || lang === "francais") return "fr";
  return undefined;
}

/** A date cell as its day (2026-10-01), anything else as typed: a Date has no text of its own. */
function dayText(value: unknown, timeZone: string): string {
  const day = parseDay(value, timeZone);
  return day === undefined ? cellText(value) : isoOf(day);
}

/** Every spelling of the quarters table's headers, in both languages. */
const QUARTER_TABLE_HEADER_TEXTS = Object.values(QUARTER_TABLE_HEADERS).flatMap((h) => [h.en, h.fr]);

/**
 * The dates a row of a quarter is judged on: the quarters table's, else its calendar months.
 * Undefined for a label that is not a quarter.
 *
 * @example
 * quarterDatesOf(settings, "2026-Q4") //=> { label: "2026-Q4", start: day("2026-10-01"), end: day("2026-12-31") }
 */
export function quarterDatesOf(
  settings: Pick<Settings, "quarters">,
  label: unknown,
): QuarterDates | undefined {
  return datesOfQuarter(settings.quarters, label);
}
