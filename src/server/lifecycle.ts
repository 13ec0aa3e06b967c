/**
 * The quarter lifecycle from the menu: lock the plan, generate the quarterly review, start the
 * next quarter. Each reads the sheets once and writes in a number of calls that does not grow with
 * the rows; nothing the user wrote is overwritten (reviews get a new sheet with a free name).
 */
import { dateOfDay, type Day, isoOf } from "../core/dates";
import { type Lang, t, tKey } from "../core/i18n";
import { type NextQuarterProposal, nextQuarterProposalOf, startPlan } from "../core/next-quarter-start";
import { lockDating, type LockQuestion, lockQuestionOf } from "../core/lock-history";
import { parseTable } from "../core/parse-table";
import { requestedReview } from "../core/review";
import { type ReviewOptions, reviewOptionsOf } from "../core/review-quarters";
import {
  carriedOverIds,
  carryOverCells,
  isReviewSheetOf,
  REVIEW_FORMATS,
  reviewCellValue,
  reviewLayout,
} from "../core/review-sheet";
import { OKRS, SETTINGS_SHEET } from "../core/schema";
import type { SettingKey } from "../core/settings";
import { type SettingValue, settingsUpdate } from "../core/settings-update";
import { paintOf } from "../core/sheet-paint";
import { reviewShape } from "../core/sheet-shape";
import { nextQuarterSchema, reviewRequestSchema } from "../core/payloads";
import { UserError } from "../core/user-error";
import { readLocks, recordLock } from "./health";
import { highestIssued, recordIssued } from "./ids";
import { load, type Loaded, loadEvenWithoutOkrs } from "./load";
import { type Progress, withDocumentLock } from "./lock";
import { companyReviewInput } from "./rollup";
import { parsePayload } from "../core/payload-problem";
import { shapeSheet, sizeNewSheet } from "./sheet-shape";
import { readAll, Workbook } from "./workbook";
import { appendOkrRows, paint, updateColumn } from "./writer";

/**
 * Writes setting values (by key) into the Settings sheet, adding rows for settings it lacks
 * (labelled in the spreadsheet's language), and `quarter` to the quarters table when given.
 */
function writeSettings(
  loaded: Loaded,
  values: Partial<Record<SettingKey, SettingValue>>,
  quarter?: { quarter: string; start: Day; end: Day },
): void {
  const { wb, sheetLang, settingsGrid, parsed } = loaded;
  const sheet = loaded.settingsSheet ?? wb.insert("settings", SETTINGS_SHEET.name[sheetLang]);
  const change = settingsUpdate({
    grid: settingsGrid,
    rows: parsed.settings.rows,
    values,
    lang: sheetLang,
    currentQuarter: parsed.settings.settings.quarter,
    quarter,
    timeZone: wb.timeZone,
  });
  updateColumn(sheet, settingsGrid, 1, change.updates);
  if (change.quarterHelp) sheet.getRange(change.quarterHelp.row, 3).setValue(change.quarterHelp.text);
  if (change.appended.length)
    sheet.getRange(settingsGrid.length + 1, 1, change.appended.length, 3).setValues(change.appended);
}

// ---------------------------------------------------------------- lock plan

/** What the lock question needs: the Settings sheet only (the plan is read again under the lock). */
export function lockQuestion(userLang: Lang, wb = Workbook.active()): LockQuestion {
  const { day, parsed } = loadEvenWithoutOkrs(userLang, { okrs: false }, wb);
  return lockQuestionOf(userLang, parsed.settings.settings, day);
}

/**
 * Records today as the lock date, and dates the current quarter's rows that have no Created date
 * (core/lock-history.ts lockDating). `wb` may be the workbook the question was asked on (its tabs
 * are known; the sheets are read again here).
 */
export function lockPlan(userLang: Lang, wb = Workbook.active()): string {
  return withDocumentLock(userLang, () => {
    const loaded = load(userLang, {}, wb);
    const { analysis, day, okrSheet, okrGrid } = loaded;
    writeSettings(loaded, { lockDate: dateOfDay(day, wb.timeZone) });
    // Settings keeps only the current quarter's lock date: the history keeps every quarter's.
    recordLock(wb, analysis.settings.quarter, day);
    const dating = lockDating(analysis, dateOfDay(day, wb.timeZone));
    if (dating) updateColumn(okrSheet, okrGrid, dating.column, dating.updates);
    return t(userLang, "lock.done", { quarter: analysis.settings.quarter, date: isoOf(day) });
  });
}

// ---------------------------------------------------------------- quarterly review

export function reviewOptions(userLang: Lang): ReviewOptions {
  // Parsed only: the teams and the quarters need no rule run.
  const { parsed } = load(userLang);
  return reviewOptionsOf(userLang, parsed.okrs?.items ?? [], parsed.settings.settings.quarter);
}

/**
 * Builds the review sheet of the quarter asked (the current one by default) in the spreadsheet's
 * language; answers the sheet's name and a confirmation in the user's.
 */
export function generateReview(userLang: Lang, request: unknown): { sheet: string; message: string } {
  const { team, quarter } = parsePayload(userLang, reviewRequestSchema(), request, {
    team: t(userLang, "review.team"),
    quarter: t(userLang, "review.quarter"),
  });
  // Each quarter's lock date, read before the lock from the properties the workbook opened with:
  // a quarter's lock date no longer moves once it has ended (lockPlan refuses), so no fresh read.
  const locks = readLocks(Workbook.active());
  return withDocumentLock(userLang, (progress) => writeReview(userLang, team, { quarter, locks }, progress));
}

function writeReview(
  userLang: Lang,
  team: string,
  asked: { quarter: string | undefined; locks: ReadonlyMap<string, Day> },
  progress: Progress,
): { sheet: string; message: string } {
  const loaded = load(userLang, { checkins: true });
  const { wb, day, analysis, sheetLang } = loaded;
  const review = requestedReview(userLang, analysis, { team, ...asked, today: day }, () =>
    companyReviewInput(loaded),
  );
  const layout = reviewLayout(review, sheetLang);
  const base = t(sheetLang, "review.sheetName", { quarter: review.quarter }) + (team ? ` ${team}` : "");
  // The free name is the new sheet's name: no need to ask the sheet for it afterwards.
  const name = wb.freeName(base.slice(0, 90));
  const sheet = wb.insert(undefined, name, true);
  progress.wrote();
  sizeNewSheet(sheet, layout.cells.length, layout.width);
  const range = sheet.getRange(1, 1, layout.cells.length, layout.width);
  paint(
    range,
    paintOf(layout.cells, REVIEW_FORMATS, (cell) => reviewCellValue(cell, wb.timeZone)),
  );
  if (layout.tableRows > 0) {
    // The "Carry over?" checkboxes through the range already in hand: null leaves a cell without
    // validation (https://developers.google.com/apps-script/reference/spreadsheet/range#setdatavalidationsrules).
    const checkbox = SpreadsheetApp.newDataValidation().requireCheckbox().build();
    const rules = carryOverCells(layout).map((line) => line.map((box) => (box ? checkbox : null)));
    range.setDataValidations(rules as GoogleAppsScript.Spreadsheet.DataValidation[][]);
  }
  shapeSheet(sheet, reviewShape(layout, sheetLang));
  sheet.activate();
  return { sheet: name, message: t(userLang, "review.done", { sheet: name }) };
}

/** The IDs ticked "Carry over?" in the latest review sheet of a quarter, read in one call. */
function markedCarryOver(wb: Workbook, quarter: string): Set<string> {
  const sheets = wb.all().filter((s) => isReviewSheetOf(s.name, quarter));
  const latest = sheets[sheets.length - 1];
  return latest ? carriedOverIds(readAll(latest.sheet)) : new Set();
}

// ---------------------------------------------------------------- next quarter

export function nextQuarterProposal(userLang: Lang): NextQuarterProposal {
  const { wb, analysis, day } = load(userLang);
  return nextQuarterProposalOf(userLang, analysis, day, () => markedCarryOver(wb, analysis.settings.quarter));
}

/**
 * Copies the picked objectives into the next quarter and moves Settings there. The previous
 * quarter's rows stay exactly as they were.
 */
export function startNextQuarter(userLang: Lang, request: unknown): string {
  const { carry, from: asked, early } = parsePayload(userLang, nextQuarterSchema(), request);
  return withDocumentLock(userLang, (progress) => {
    // The log and the KPIs hold IDs too: new ones must be above them.
    const loaded = load(userLang, { checkins: true, kpis: true });
    const { analysis, okrSheet, okrGrid, day, wb } = loaded;
    const plan = startPlan(
      analysis,
      day,
      { asked, carry, confirmedEarly: early === true },
      () => highestIssued(wb, analysis),
      () => loaded.sheetLang,
    );
    if ("refusal" in plan) throw new UserError(tKey(userLang, plan.refusal.key, plan.refusal.params));
    const { next, rows } = plan;
    const table = analysis.okrTable ?? parseTable("okrs", OKRS.columns, okrGrid);
    const place = { headerRow: table.headerRow || 1, columns: table.columns };
    appendOkrRows(okrSheet, okrGrid, place, rows, { userLang, timeZone: wb.timeZone });
    if (rows.length > 0) progress.wrote();
    recordIssued(
      wb,
      rows.map((r) => String(r.id ?? "")),
    );
    writeSettings(loaded, { quarter: next.quarter, lockDate: "" }, plan.quarterMissing ? next : undefined);
    const count = carry.length;
    return count
      ? t(userLang, "next.done", { to: next.quarter, count })
      : t(userLang, "next.none", { to: next.quarter });
  });
}
