/**
 * Keeps Settings' "as of" day at today. Custom functions rerun only when their arguments change and
 * may not take TODAY() or NOW(), so the Status formula takes this cell as an argument: moving it is
 * what makes statuses follow the calendar. It moves when the spreadsheet is opened (onOpen, once
 * the add-on may touch the document) and before every operation, and only when it changed: on a
 * day it already shows, nothing is written. Later the same day, a cell that shows no day is written
 * again by the next operation that reads Settings; a day typed there stays until the next day.
 */
import { asOfWrite } from "../core/as-of";
import type { RawCell } from "../core/cells";
import { dateOfDay, isoOf } from "../core/dates";
import { today } from "./clock";
import { Workbook } from "./workbook";

/**
 * onOpen: in AuthMode.NONE (an add-on installed elsewhere, not yet used in this document) a simple
 * trigger may only build menus; in LIMITED it may read and write its own document, and in FULL
 * anything. See Google's reference for ScriptApp.AuthMode
 * (https://developers.google.com/apps-script/reference/script/auth-mode) and the add-on
 * authorization lifecycle (https://developers.google.com/workspace/add-ons/concepts/editor-auth-lifecycle).
 */
export function asOfOnOpen(e: GoogleAppsScript.Events.SheetsOnOpen | undefined): void {
  const mode = e?.authMode;
  if (mode !== ScriptApp.AuthMode.LIMITED && mode !== ScriptApp.AuthMode.FULL) return;
  bringAsOfToToday();
}

/** Runs an operation after bringing "as of" to today, the operation's workbook opened once for both. */
export function withAsOf<T>(run: () => T): T {
  return Workbook.within((wb) => {
    bringAsOfToToday(wb);
    return run();
  });
}

export const AS_OF_PROPERTY = "okr.asOfDay";

/**
 * Writes today into Settings' "as of" cell when it shows another day. The day last brought is kept
 * in a document property, so on the day's later operations this costs no read of Settings (each
 * operation reads each sheet once; those that read it anyway check the cell there: repairAsOf).
 * Never fails the caller: a missing Settings sheet or row, or a protected cell, leaves the day as
 * it was.
 */
export function bringAsOfToToday(known?: Workbook): void {
  asCourtesy(undefined, () => {
    const wb = known ?? Workbook.active();
    const zone = wb.timeZone;
    const day = today(zone);
    if (wb.property(AS_OF_PROPERTY) === isoOf(day)) return;
    const sheet = wb.find("settings");
    if (!sheet) return;
    const grid = sheet.getDataRange().getValues() as RawCell[][];
    const asOf = asOfWrite(grid, day, zone, true);
    if (asOf === undefined) return;
    if (asOf.write) sheet.getRange(asOf.row, 2).setValue(dateOfDay(day, zone));
    wb.setProperty(AS_OF_PROPERTY, isoOf(day));
  });
}

/**
 * For an operation that reads Settings anyway (server/load.ts), from the grid it read: when the As
 * of cell shows no day (cleared, a word such as "hier", an error) after the day's first operation
 * brought it to today, today is written there again, and into the grid, so the operation sees it.
 * The Status column fails on such a cell; waiting for tomorrow's first operation left it failing
 * all day. A day the user typed is kept (see core/as-of.ts). No call when As of is right. Never
 * fails the caller, as above. True when it wrote.
 */
export function repairAsOf(wb: Workbook, grid: RawCell[][]): boolean {
  return asCourtesy(false, () => {
    const zone = wb.timeZone;
    const day = today(zone);
    const asOf = asOfWrite(grid, day, zone, false);
    if (!asOf?.write) return false;
    const sheet = wb.find("settings");
    const line = grid[asOf.row - 1];
    if (!sheet || !line) return false;
    const value = dateOfDay(day, zone);
    sheet.getRange(asOf.row, 2).setValue(value);
    line[1] = value;
    return true;
  });
}

/** The day is a courtesy to the formulas: a failure is logged, and the operation asked for goes on. */
function asCourtesy<T>(failed: T, run: () => T): T {
  try {
    return run();
  } catch (error) {
    console.warn(`As of not updated: ${String((error as Error)?.message ?? error)}`);
    return failed;
  }
}
