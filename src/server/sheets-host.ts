/**
 * The custom formulas' wiring: each reads the spreadsheet's locale and time zone (read-only
 * getters, no authorization needed; custom functions may not use Session) and runs the formula of
 * src/core/formula-functions.ts, where the arguments are read and checked.
 */
import type { FormulaHost } from "../core/formula-call";

/** The active spreadsheet, fetched once per formula call and only when the call needs it. */
export function sheetsHost(): FormulaHost {
  let spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet | undefined;
  const sheet = () => (spreadsheet ??= SpreadsheetApp.getActiveSpreadsheet());
  return {
    locale: () => sheet().getSpreadsheetLocale(),
    timeZone: () => sheet().getSpreadsheetTimeZone(),
  };
}
