/**
 * "Load and analyse", once for every operation: the OKRs and Settings sheets, and the other sheets
 * the operation asks for, each read in one call; today in the spreadsheet's time zone; the sheets
 * parsed; the rules run only when the operation reads `analysis`; and the languages.
 */
import { analyze, type Analysis, parseWorkbook, type ParsedWorkbook } from "../core/analyze";
import type { RawCell } from "../core/cells";
import type { Day } from "../core/dates";
import type { Lang } from "../core/i18n";
import { today } from "./clock";
import { userError } from "./errors";
import { sheetLangOf } from "./locale";
import { readAll, Workbook } from "./workbook";

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** The sheets read besides OKRs and Settings: scores need neither, so each is read only when asked (two calls). */
export interface LoadOptions {
  checkins?: true;
  kpis?: true;
}

export interface Loaded {
  wb: Workbook;
  day: Day;
  okrSheet: Sheet;
  okrGrid: RawCell[][];
  settingsSheet: Sheet | undefined;
  settingsGrid: RawCell[][];
  /** The sheets read, parsed (no rule run). */
  parsed: ParsedWorkbook;
  /** The rules run and the current quarter scored, on first use (health needs only `parsed`). */
  readonly analysis: Analysis;
  /** The language of the person running the operation: what they are told. */
  userLang: Lang;
  /** The spreadsheet's language: what is written into it. */
  sheetLang: Lang;
}

/** Loads the sheets an operation needs; without an OKRs sheet, tells the user in their language. */
export function load(userLang: Lang, also: LoadOptions = {}, wb = Workbook.active()): Loaded {
  const okrSheet = wb.find("okrs");
  if (!okrSheet) throw userError(userLang, "error.noOkrSheet");
  const okrGrid = readAll(okrSheet);
  const settingsSheet = wb.find("settings");
  const settingsGrid = settingsSheet ? readAll(settingsSheet) : [];
  const day = today(wb.timeZone);
  const grids = {
    okrs: okrGrid,
    checkins: also.checkins ? wb.read("checkins") : undefined,
    kpis: also.kpis ? wb.read("kpis") : undefined,
    settings: settingsGrid,
  };
  const parsed = parseWorkbook(grids, day, wb.timeZone);
  let analysis: Analysis | undefined;
  return {
    wb,
    day,
    okrSheet,
    okrGrid,
    settingsSheet,
    settingsGrid,
    parsed,
    get analysis() {
      return (analysis ??= analyze(grids, day, wb.timeZone, parsed));
    },
    userLang,
    sheetLang: sheetLangOf(wb.ss, parsed.settings.settings),
  };
}
