/**
 * OKR › Practice health: reads OKRs, Settings and the log once each (server/load), computes the
 * health of every quarter in core and writes the "Practice health" sheet in place, in a number of
 * calls that does not grow with the quarters, teams or rows. The sheet is ours (its first row says so); a sheet of that name that is
 * not ours is left alone and ours gets a free name.
 */
import type { Day } from "../core/dates";
import { practiceHealth } from "../core/health";
import { healthLayout } from "../core/health-sheet";
import { parseThresholds } from "../core/health-settings";
import { HEALTH_FORMATS, healthCellValue, rememberedHealthSheet, thresholdCells } from "../core/health-write";
import { type Lang, t } from "../core/i18n";
import { lockHistoryText, parseLockHistory } from "../core/lock-history";
import { paintOf } from "../core/sheet-paint";
import { healthShape } from "../core/sheet-shape";
import { load } from "./load";
import { type Progress, withDocumentLock } from "./lock";
import { gridOf, shapeSheet } from "./sheet-shape";
import { Workbook } from "./workbook";
import { paint } from "./writer";

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/**
 * Document property: our Practice health sheet, `{"id": 123, "columns": 15}`: its id, so a renamed
 * tab is still refreshed, and how many columns were given their width (a bare id before).
 */
export const HEALTH_SHEET_PROPERTY = "okr.health.sheetId";
/** Document property: each quarter's plan lock date (see core/lock-history). */
export const LOCKS_PROPERTY = "okr.locks";

export function readLocks(wb: Workbook): Map<string, Day> {
  return parseLockHistory(wb.property(LOCKS_PROPERTY));
}

/** Records a quarter's lock date in the history (one property write, only when it changes). */
export function recordLock(wb: Workbook, quarter: string, day: Day): void {
  const locks = readLocks(wb);
  if (locks.get(quarter) !== day) wb.setProperty(LOCKS_PROPERTY, lockHistoryText(locks, quarter, day));
}

/** Builds or refreshes the Practice health sheet; answers its name and a confirmation in the user's language. */
export function generateHealth(userLang: Lang): { sheet: string; message: string } {
  return withDocumentLock(userLang, (progress) => writeHealth(userLang, progress));
}

/**
 * Reads OKRs, Settings and the log (KPIs are not measured), computes in core, writes the sheet:
 * one read per sheet; one write per kind of cell property; widths only on columns not yet sized.
 */
function writeHealth(userLang: Lang, progress: Progress): { sheet: string; message: string } {
  const loaded = load(userLang, { checkins: true });
  const { wb, day, parsed, settingsSheet, settingsGrid, okrSheet, sheetLang: lang } = loaded;
  const settings = parsed.settings.settings;
  // The current quarter's lock date joins the history the first time it is seen.
  if (settings.lockDate !== undefined) recordLock(wb, settings.quarter, settings.lockDate);
  const thresholds = parseThresholds(settingsGrid);
  if (settingsSheet && thresholds.headerRow === undefined) {
    // The thresholds table below everything in Settings, a blank row first: nothing above moves.
    // Shares are typed as percentages (core/health-write), so values and formats are one write.
    const rows = thresholdCells(lang);
    settingsSheet.getRange(settingsGrid.length + 2, 1, rows.length, 3).setValues(rows);
    progress.wrote();
  }

  const health = practiceHealth({
    okrs: parsed.okrs?.items ?? [],
    checkins: parsed.checkins?.items ?? [],
    settings,
    locks: readLocks(wb),
    thresholds: thresholds.thresholds,
    today: day,
  });
  const layout = healthLayout(health, lang, { today: day, invalid: thresholds.invalid });

  const { sheet, name, id, inserted, sized } = healthSheet(wb, lang);
  progress.wrote();
  // The OKRs tab's id is known when it was found by it: no call for it then.
  const ids = { health: id, okrs: wb.idOf("okrs") ?? okrSheet.getSheetId() };
  const { range, grown } = gridOf(sheet, layout.cells.length, layout.width);
  paint(
    range,
    paintOf(layout.cells, HEALTH_FORMATS, (cell) => healthCellValue(cell, ids)),
  );
  // Sheet.clear() keeps the widths: set once per column, so a width the user chose since is kept.
  const measured = health.quarters.length > 0;
  shapeSheet(sheet, healthShape(layout, lang, { measured, widths: grown || sized !== layout.width }));
  wb.setProperty(HEALTH_SHEET_PROPERTY, JSON.stringify({ id, columns: layout.width }));
  // A sheet just inserted is the active one already: "The new sheet becomes the active sheet"
  // (https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet#insertSheet(String)).
  if (!inserted) sheet.activate();
  return { sheet: name, message: t(userLang, "health.done", { sheet: name }) };
}

/**
 * Our sheet, cleared with its chart: the tab we remember by id (only we write that property),
 * whatever its name now; else a new one, under our name when it is free (Sheets refuses a name
 * another tab has, so trying costs no look-up), else under a free name, so a user's own "Practice
 * health" tab is never touched. `sized`: how many columns have their width already.
 */
function healthSheet(
  wb: Workbook,
  lang: Lang,
): { sheet: Sheet; name: string; id: number; inserted: boolean; sized: number } {
  const known = rememberedHealthSheet(wb.property(HEALTH_SHEET_PROPERTY));
  const found = known ? wb.ss.getSheetById(known.id) : null;
  if (!known || !found) {
    let name = t(lang, "health.sheetName");
    let sheet: Sheet;
    try {
      sheet = wb.insert(undefined, name, true);
    } catch {
      name = wb.freeName(name);
      sheet = wb.insert(undefined, name, true);
    }
    return { sheet, name, id: sheet.getSheetId(), inserted: true, sized: 0 };
  }
  found.clear();
  for (const chart of found.getCharts()) found.removeChart(chart);
  return { sheet: found, name: found.getName(), id: known.id, inserted: false, sized: known.columns };
}
