/**
 * The Settings sheet: one row per setting (label, value, about). Each value is read with zod; a bad
 * value becomes a finding that names its cell, and the default is used instead.
 */
import * as z from "zod/mini";
import { isBlank, parseNumber, type RawCell } from "./cells";
import { type Day, parseDay } from "./dates";
import type { Finding } from "./findings";
import type { Lang } from "./i18n";
import { LEVELS, type Level, type Bilingual } from "./schema";
import { canonicalQuarter, parseQuarter, quarterDays, quarterName, quarterOfDay } from "./quarters";
import { normalize } from "./text";
import { matchChoice } from "./choices";

export interface Settings {
  quarter: string;
  quarterStart: Day;
  quarterEnd: Day;
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
}

export type SettingKey = keyof Settings;

interface SettingDef {
  key: SettingKey;
  label: Bilingual;
  help: Bilingual;
}

/** The rows of the Settings sheet, in order. */
export const SETTING_DEFS: readonly SettingDef[] = [
  {
    key: "quarter",
    label: { en: "Current quarter", fr: "Trimestre en cours" },
    help: { en: "As 2026-Q4.", fr: "Sous la forme 2026-Q4." },
  },
  {
    key: "quarterStart",
    label: { en: "Quarter start", fr: "Début du trimestre" },
    help: { en: "First day of the quarter.", fr: "Premier jour du trimestre." },
  },
  {
    key: "quarterEnd",
    label: { en: "Quarter end", fr: "Fin du trimestre" },
    help: { en: "Last day of the quarter.", fr: "Dernier jour du trimestre." },
  },
  {
    key: "lockDate",
    label: { en: "Plan locked on", fr: "Plan verrouillé le" },
    help: {
      en: "Set by OKR › Lock plan. Objectives and key results created later are flagged “added mid-quarter”.",
      fr: "Rempli par OKR › Verrouiller le plan. Les objectifs et résultats clés créés ensuite sont signalés « ajouté en cours de trimestre ».",
    },
  },
  {
    key: "maxObjectivesPerTeam",
    label: { en: "Max objectives per team", fr: "Objectifs max. par équipe" },
    help: { en: "Focus: three is plenty.", fr: "Focus : trois, c'est déjà beaucoup." },
  },
  {
    key: "maxKrsPerObjective",
    label: { en: "Max key results per objective", fr: "Résultats clés max. par objectif" },
    help: {
      en: "Two to four measurable outcomes per objective.",
      fr: "Deux à quatre résultats mesurables par objectif.",
    },
  },
  {
    key: "allowedLevels",
    label: { en: "Allowed levels", fr: "Niveaux autorisés" },
    help: {
      en: "Comma-separated: Company, Team (two levels keep it simple).",
      fr: "Séparés par des virgules : Entreprise, Équipe (deux niveaux suffisent).",
    },
  },
  {
    key: "onTrack",
    label: { en: "On track from (score ÷ pace)", fr: "En bonne voie à partir de (score ÷ rythme)" },
    help: {
      en: "0.9 means at least 90% of the progress expected by today.",
      fr: "0,9 : au moins 90 % de la progression attendue à ce jour.",
    },
  },
  {
    key: "atRisk",
    label: { en: "At risk from (score ÷ pace)", fr: "À risque à partir de (score ÷ rythme)" },
    help: { en: "Below this, off track.", fr: "En dessous : en retard." },
  },
  {
    key: "staleDays",
    label: { en: "Stale after (days without check-in)", fr: "Sans nouvelles après (jours sans point)" },
    help: {
      en: "Check in weekly; flagged after this many days.",
      fr: "Faites le point chaque semaine ; signalé après ce nombre de jours.",
    },
  },
  {
    key: "language",
    label: { en: "Language", fr: "Langue" },
    help: {
      en: "auto (your Google locale), en or fr.",
      fr: "auto (langue de votre compte Google), en ou fr.",
    },
  },
];

/** Defaults for a day: the calendar quarter it falls in. */
export function defaultSettings(today: Day): Settings {
  const quarter = quarterOfDay(today);
  const { start, end } = quarterDays(quarter);
  return {
    quarter: quarterName(quarter),
    quarterStart: start,
    quarterEnd: end,
    lockDate: undefined,
    maxObjectivesPerTeam: 3,
    maxKrsPerObjective: 4,
    allowedLevels: ["company", "team"],
    onTrack: 0.9,
    atRisk: 0.6,
    staleDays: 14,
    language: "auto",
  };
}

let schemas:
  | Record<
      Exclude<
        SettingKey,
        "quarter" | "quarterStart" | "quarterEnd" | "lockDate" | "allowedLevels" | "language"
      >,
      z.ZodMiniType<number>
    >
  | undefined;

/** Built on first use: nothing is constructed when a custom formula merely loads the script. */
function numberSchemas() {
  schemas ??= {
    maxObjectivesPerTeam: z.int().check(z.gte(1), z.lte(50)),
    maxKrsPerObjective: z.int().check(z.gte(1), z.lte(50)),
    onTrack: z.number().check(z.gt(0), z.lte(1)),
    atRisk: z.number().check(z.gte(0), z.lte(1)),
    staleDays: z.int().check(z.gte(1), z.lte(366)),
  };
  return schemas;
}

export interface SettingsResult {
  settings: Settings;
  findings: Finding[];
  /** The sheet row of each setting found, for writing one back (lock date, next quarter). */
  rows: Partial<Record<SettingKey, number>>;
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
      params: { setting: key, value: String(value) },
    });

  const quarterDatesGiven = { start: false, end: false };
  grid.forEach((line, index) => {
    const key = byLabel.get(normalize(line[0]));
    if (!key) return;
    const row = index + 1;
    rows[key] = row;
    const value = line[1];
    if (isBlank(value)) return;
    switch (key) {
      case "quarter": {
        const quarter = canonicalQuarter(value);
        if (quarter) settings.quarter = quarter;
        else invalid(row, key, value);
        return;
      }
      case "quarterStart":
      case "quarterEnd":
      case "lockDate": {
        const day = parseDay(value, timeZone);
        if (day === undefined) invalid(row, key, value);
        else {
          settings[key] = day;
          if (key === "quarterStart") quarterDatesGiven.start = true;
          if (key === "quarterEnd") quarterDatesGiven.end = true;
        }
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
      case "language": {
        const lang = normalize(value);
        if (lang === "auto" || lang === "en" || lang === "fr") settings.language = lang;
        else if (lang === "english" || lang === "anglais") settings.language = "en";
        else if (lang === "french" || lang === "francais") settings.language = "fr";
        else invalid(row, key, value);
        return;
      }
      default: {
        const parsed = parseNumber(value);
        const checked = parsed.ok ? numberSchemas()[key].safeParse(parsed.value) : undefined;
        if (checked?.success) settings[key] = checked.data;
        else invalid(row, key, value);
      }
    }
  });

  // The quarter's dates default to its calendar months when the sheet does not give them.
  const quarter = parseQuarter(settings.quarter);
  if (quarter) {
    const days = quarterDays(quarter);
    if (!quarterDatesGiven.start) settings.quarterStart = days.start;
    if (!quarterDatesGiven.end) settings.quarterEnd = days.end;
  }
  if (settings.quarterEnd <= settings.quarterStart) {
    findings.push({
      code: "setting-invalid",
      severity: "warning",
      sheet: "settings",
      row: rows.quarterEnd ?? 1,
      column: "value",
      params: { setting: "quarterEnd", value: "" },
    });
    const days = quarterDays(quarter ?? { year: 2000, q: 1 });
    settings.quarterStart = days.start;
    settings.quarterEnd = days.end;
  }
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
  return { settings, findings, rows };
}
