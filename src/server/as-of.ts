/**
 * Keeps Settings' "as of" day at today. Custom functions rerun only when their arguments change and
 * may not take TODAY() or NOW(), so the Status formula takes this cell as an argument: moving it is
 * what makes statuses follow the calendar. It moves when the spreadsheet is opened (onOpen, once
 * the add-on may touch the document) and before every operation, and only when it changed: on a
 * day it already shows, nothing is written.
 */
import { dateOfDay, isoOf, parseDay } from "../core/dates";
import { parseSettings } from "../core/settings";
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
 * operation reads each sheet once). Never fails the caller: a missing Settings sheet or row, or a
 * protected cell, leaves the day as it was.
 */
export function bringAsOfToToday(known?: Workbook): void {
  try {
    const wb = known ?? Workbook.active();
    const zone = wb.timeZone;
    const day = today(zone);
    if (wb.property(AS_OF_PROPERTY) === isoOf(day)) return;
    const sheet = wb.find("settings");
    if (!sheet) return;
    const grid = sheet.getDataRange().getValues();
    const row = parseSettings(grid, day, zone).rows.asOf;
    if (row === undefined) return;
    if (parseDay(grid[row - 1]?.[1], zone) !== day) sheet.getRange(row, 2).setValue(dateOfDay(day, zone));
    wb.setProperty(AS_OF_PROPERTY, isoOf(day));
  } catch (error) {
    // The day is a courtesy to the formulas; the operation the user asked for matters more.
    console.warn(`As of not updated: ${String((error as Error)?.message ?? error)}`);
  }
}
