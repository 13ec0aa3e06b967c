/**
 * "Load and analyse", once for every operation: the OKRs and Settings sheets, and the other sheets
 * the operation asks for, each read in one call; today in the spreadsheet's time zone; the sheets
 * parsed; the rules run only when the operation reads `analysis`; and the languages, the
 * spreadsheet's read only when used (it may cost a call for its locale).
 */
import {
  analyze,
  type Analysis,
  parseWorkbook,
  type ParsedWorkbook,
  type WorkbookGrids,
} from "../core/analyze";
import { findingsAfterAsOfWritten } from "../core/as-of";
import type { RawCell } from "../core/cells";
import type { Day } from "../core/dates";
import type { Lang } from "../core/i18n";
import type { SheetKey } from "../core/schema";
import { repairAsOf } from "./as-of";
import { today } from "./clock";
import { userError } from "../core/user-error";
import { sheetLangOf } from "./locale";
import { Workbook } from "./workbook";

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Range = GoogleAppsScript.Spreadsheet.Range;

/** The sheets read, by key: OKRs and Settings always (when they exist), the others when asked. */
export type LoadedGrids = WorkbookGrids & { settings: RawCell[][] };

export interface LoadOptions {
  /** false: Settings alone (the lock question, the roll-up), no OKRs sheet looked up or read. */
  okrs?: false;
  /** The sheets read besides OKRs and Settings: many operations need neither, so each only when asked. */
  checkins?: true;
  kpis?: true;
  /** A change to the grids before they are parsed (Validate's new IDs), so the rest sees it. */
  prepare?: (grids: LoadedGrids, wb: Workbook) => void;
}

export interface Loaded<OkrSheet extends Sheet | undefined = Sheet> {
  wb: Workbook;
  day: Day;
  okrSheet: OkrSheet;
  okrGrid: RawCell[][];
  settingsSheet: Sheet | undefined;
  settingsGrid: RawCell[][];
  grids: LoadedGrids;
  /** Each sheet's data range, as read: its notes and colours are read and written on it, no new range. */
  ranges: Partial<Record<SheetKey, Range>>;
  /** The sheets read, parsed (no rule run). */
  parsed: ParsedWorkbook;
  /** The rules run and the current quarter scored, on first use (health needs only `parsed`). */
  readonly analysis: Analysis;
  /** The rules run again over the grids as they read after a write (a save's new rows). */
  analysisOf(changed: Partial<WorkbookGrids>): Analysis;
  /** The language of the person running the operation: what they are told. */
  userLang: Lang;
  /** The spreadsheet's language: what is written into it (read on first use). */
  readonly sheetLang: Lang;
}

/** Loads the sheets an operation needs; without an OKRs sheet, tells the user in their language. */
export function load(userLang: Lang, also: LoadOptions = {}, wb = Workbook.active()): Loaded {
  // Refused before any other read (the sheet found is kept: no second look-up).
  if (!wb.find("okrs")) throw userError(userLang, "error.noOkrSheet");
  return loadEvenWithoutOkrs(userLang, also, wb) as Loaded;
}

/** The same, going on without an OKRs sheet: Validate lists it as a finding rather than refusing. */
export function loadEvenWithoutOkrs(
  userLang: Lang,
  also: LoadOptions = {},
  wb = Workbook.active(),
): Loaded<Sheet | undefined> {
  const ranges: Loaded["ranges"] = {};
  const read = (key: SheetKey): RawCell[][] | undefined => {
    const found = wb.readRange(key);
    if (found) ranges[key] = found.range;
    return found?.values;
  };
  const okrSheet = also.okrs === false ? undefined : wb.find("okrs");
  const grids: LoadedGrids = {
    okrs: okrSheet && read("okrs"),
    settings: read("settings") ?? [],
    checkins: also.checkins ? read("checkins") : undefined,
    kpis: also.kpis ? read("kpis") : undefined,
  };
  // As of cleared or mistyped since the day's first operation: today again, from the grid read.
  const asOfWritten = repairAsOf(wb, grids.settings);
  also.prepare?.(grids, wb);
  const day = today(wb.timeZone);
  const parsed = parseWorkbook(grids, day, wb.timeZone);
  if (asOfWritten && parsed.okrs)
    parsed.okrs.findings = findingsAfterAsOfWritten(parsed.okrs.findings, parsed.settings);
  let analysis: Analysis | undefined;
  let sheetLang: Lang | undefined;
  return {
    wb,
    day,
    okrSheet,
    okrGrid: grids.okrs ?? [],
    settingsSheet: wb.find("settings"),
    settingsGrid: grids.settings,
    grids,
    ranges,
    parsed,
    get analysis() {
      return (analysis ??= analyze(grids, day, wb.timeZone, parsed));
    },
    analysisOf: (changed) => analyze({ ...grids, ...changed }, day, wb.timeZone),
    userLang,
    get sheetLang() {
      return (sheetLang ??= sheetLangOf(wb.ss, parsed.settings.settings));
    },
  };
}
