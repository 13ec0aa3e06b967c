/**
 * OKR › Practice health: reads every sheet once, computes the health of every quarter in core and
 * writes the "Practice health" sheet in place, in a number of calls that does not grow with the
 * quarters, teams or rows. The sheet is ours (its first row says so); a sheet of that name that is
 * not ours is left alone and ours gets a free name.
 */
import { asText } from "../core/cells";
import { type Day, dayFromIso, isoOf } from "../core/dates";
import { practiceHealth } from "../core/health";
import { healthLayout, type HealthCell } from "../core/health-sheet";
import { parseThresholds, SIGNALS, thresholdRows } from "../core/health-settings";
import { type Lang, t } from "../core/i18n";
import { parseCheckins, parseKpis, parseOkrs } from "../core/parse";
import { canonicalQuarter } from "../core/quarters";
import { parseSettings } from "../core/settings";
import { today } from "./clock";
import { UserError, userError, userFacing } from "./errors";
import { sheetLangOf, userLang } from "./locale";
import { type Progress, withDocumentLock } from "./lock";
import { readAll, Workbook } from "./workbook";

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** Document property: the id of our Practice health sheet, so a renamed tab is still refreshed. */
export const HEALTH_SHEET_PROPERTY = "okr.health.sheetId";
/**
 * Document property: `{"2026-Q4": "2026-10-05", …}`, each quarter's plan lock date. Settings holds
 * only the current quarter's (Start next quarter clears it), so the history is kept here from the
 * day this feature shipped on: quarters locked before it have no lock date, and their scope churn
 * is not measured (the findings say so).
 */
export const LOCKS_PROPERTY = "okr.locks";

export function readLocks(wb: Workbook): Map<string, Day> {
  const locks = new Map<string, Day>();
  try {
    const parsed = JSON.parse(wb.property(LOCKS_PROPERTY) ?? "{}") as unknown;
    if (!parsed || typeof parsed !== "object") return locks;
    for (const [label, iso] of Object.entries(parsed as Record<string, unknown>)) {
      const quarter = canonicalQuarter(label);
      const day = typeof iso === "string" ? dayFromIso(iso) : undefined;
      if (quarter && day !== undefined) locks.set(quarter, day);
    }
  } catch {
    // A damaged property is a history lost, not an error: churn is then not measured.
  }
  return locks;
}

/** Records a quarter's lock date in the history (one property write, only when it changes). */
export function recordLock(wb: Workbook, quarter: string, day: Day): void {
  const locks = readLocks(wb);
  if (locks.get(quarter) === day) return;
  locks.set(quarter, day);
  wb.setProperty(
    LOCKS_PROPERTY,
    JSON.stringify(Object.fromEntries([...locks].map(([q, d]) => [q, isoOf(d)]))),
  );
}

const NUMBER_FORMATS = { text: "", percent: "0%", score: "0.00" } as const;

/** Builds or refreshes the Practice health sheet; answers its name and a confirmation in the user's language. */
export function generateHealth(userLang: Lang): { sheet: string; message: string } {
  return withDocumentLock(userLang, (progress) => writeHealth(userLang, progress));
}

function writeHealth(userLang: Lang, progress: Progress): { sheet: string; message: string } {
  const wb = Workbook.active();
  const okrSheet = wb.find("okrs");
  if (!okrSheet) throw userError(userLang, "error.noOkrSheet");
  const okrGrid = readAll(okrSheet);
  const settingsSheet = wb.find("settings");
  const settingsGrid = settingsSheet ? readAll(settingsSheet) : [];
  const day = today(wb.timeZone);
  const zone = wb.timeZone;
  const { settings } = parseSettings(settingsGrid, day, zone);
  const lang = sheetLangOf(wb.ss, settings);
  const okrs = parseOkrs(okrGrid, zone).items;
  const checkins = parseCheckins(wb.read("checkins") ?? [], zone).items;
  const kpis = parseKpis(wb.read("kpis") ?? [], zone).items;
  // The current quarter's lock date joins the history the first time it is seen.
  if (settings.lockDate !== undefined) recordLock(wb, settings.quarter, settings.lockDate);
  const thresholds = parseThresholds(settingsGrid);
  if (settingsSheet && thresholds.headerRow === undefined) {
    appendThresholds(settingsSheet, settingsGrid.length, lang);
    progress.wrote();
  }

  const health = practiceHealth({
    okrs,
    checkins,
    kpis,
    settings,
    locks: readLocks(wb),
    thresholds: thresholds.thresholds,
    today: day,
  });
  const layout = healthLayout(health, lang, { today: day, invalid: thresholds.invalid });

  const { sheet, name, id, inserted } = healthSheet(wb, lang);
  progress.wrote();
  // The OKRs tab's id is known when it was found by it: no call for it then.
  const ids = { health: id, okrs: wb.idOf("okrs") ?? okrSheet.getSheetId() };
  const range = gridOf(sheet, layout.cells.length, layout.width);
  range.setNumberFormats(layout.cells.map((line) => line.map((cell) => NUMBER_FORMATS[cell.kind])));
  range.setValues(layout.cells.map((line) => line.map((cell) => valueOf(cell, ids))));
  range.setBackgrounds(layout.cells.map((line) => line.map((cell) => cell.background ?? null)) as string[][]);
  range.setFontWeights(layout.cells.map((line) => line.map((cell) => (cell.bold ? "bold" : "normal"))));
  // Labels in A; narrow columns for the thresholds, quarters and trend, so the chart fits beside them.
  sheet.setColumnWidth(1, 200);
  sheet.setColumnWidths(2, layout.width - 1, 76);
  if (health.quarters.length > 0) {
    const chart = sheet
      .newChart()
      .setChartType(Charts.ChartType.LINE)
      .addRange(sheet.getRange(layout.chart.firstRow, 1, layout.chart.rows, layout.chart.columns))
      .setPosition(layout.chartAnchor.row, layout.chartAnchor.column, 0, 0)
      .setOption("title", t(lang, "health.chartTitle"))
      .setOption("vAxis", { minValue: 0, maxValue: 1, format: "percent" })
      // Empty cells break the line rather than join it: a quarter without OKRs is a gap, not a zero.
      // https://developers.google.com/chart/interactive/docs/gallery/linechart#configuration-options
      .setOption("interpolateNulls", false)
      .build();
    sheet.insertChart(chart);
  }
  wb.setProperty(HEALTH_SHEET_PROPERTY, String(ids.health));
  // A sheet just inserted is the active one already: "The new sheet becomes the active sheet"
  // (https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet#insertSheet(String)).
  if (!inserted) sheet.activate();
  return { sheet: name, message: t(userLang, "health.done", { sheet: name }) };
}

/**
 * A cell as written: user text (team names, titles) as text, never a formula; a finding's link as
 * a HYPERLINK to "#gid=…&range=…", the in-spreadsheet link Sheets' Insert › Link makes.
 */
function valueOf(cell: HealthCell, ids: { health: number; okrs: number }): string | number {
  if (cell.link) {
    const target = `#gid=${ids[cell.link.sheet]}&range=${cell.link.a1}`;
    return `=HYPERLINK("${target}","${String(cell.value).replace(/"/g, '""')}")`;
  }
  return typeof cell.value === "number" ? cell.value : asText(cell.value);
}

/**
 * The sheet's grid, `rows` × `columns` from A1. Sheets refuses a range outside the sheet ("The
 * coordinates of the range are outside the dimensions of the sheet"), so the sheet's size is read,
 * and the sheet grown, only then: a sheet already large enough (ours, sized by the last run, or
 * new, 1,000 × 26) costs no call for it.
 */
function gridOf(sheet: Sheet, rows: number, columns: number): GoogleAppsScript.Spreadsheet.Range {
  try {
    return sheet.getRange(1, 1, rows, columns);
  } catch {
    const [maxRows, maxColumns] = [sheet.getMaxRows(), sheet.getMaxColumns()];
    if (maxColumns < columns) sheet.insertColumnsAfter(maxColumns, columns - maxColumns);
    if (maxRows < rows) sheet.insertRowsAfter(maxRows, rows - maxRows);
    return sheet.getRange(1, 1, rows, columns);
  }
}

/**
 * Our sheet, cleared with its chart: the tab we remember by id (only we write that property),
 * whatever its name now; else a new one, under our name when it is free (Sheets refuses a name
 * another tab has, so trying costs no look-up), else under a free name, so a user's own "Practice
 * health" tab is never touched.
 */
function healthSheet(
  wb: Workbook,
  lang: Lang,
): { sheet: Sheet; name: string; id: number; inserted: boolean } {
  const stored = Number(wb.property(HEALTH_SHEET_PROPERTY) ?? Number.NaN);
  const found = Number.isFinite(stored) ? wb.ss.getSheetById(stored) : null;
  if (!found) {
    let name = t(lang, "health.sheetName");
    let sheet: Sheet;
    try {
      sheet = wb.insert(undefined, name, true);
    } catch {
      name = wb.freeName(name);
      sheet = wb.insert(undefined, name, true);
    }
    return { sheet, name, id: sheet.getSheetId(), inserted: true };
  }
  found.clear();
  for (const chart of found.getCharts()) found.removeChart(chart);
  return { sheet: found, name: found.getName(), id: stored, inserted: false };
}

/** Adds the thresholds table below everything in Settings (a blank row first): nothing above moves. */
function appendThresholds(sheet: Sheet, lastRow: number, lang: Lang): void {
  const rows = thresholdRows(lang).map((line) => line.map((v) => (typeof v === "number" ? v : asText(v))));
  const range = sheet.getRange(lastRow + 2, 1, rows.length, 3);
  range.setValues(rows);
  // Shares as percentages; the average score as a score.
  range.setNumberFormats(
    rows.map((_, i) => ["", i === 0 ? "" : SIGNALS[i - 1] === "outcomes" ? "0.00" : "0%", ""]),
  );
}

/** Menu: generates the sheet, then says where it is (or why it could not), in the user's language. */
export function practiceHealthCommand(): void {
  const lang = userLang();
  try {
    const { message } = userFacing(lang, () => generateHealth(lang));
    // The operation's spreadsheet, opened once (menu commands run inside `withAsOf`).
    Workbook.active().ss.toast(message, t(lang, "menu.health"), 5);
  } catch (error) {
    const ui = SpreadsheetApp.getUi();
    ui.alert(t(lang, "menu.health"), (error as UserError).message, ui.ButtonSet.OK);
  }
}
