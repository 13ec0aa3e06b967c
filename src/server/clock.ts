import { type Day, dayOf } from "../core/dates";

/** The spreadsheet's time zone, which is the zone of its date cells. */
export function timeZoneOf(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): string {
  try {
    return ss.getSpreadsheetTimeZone() || "UTC";
  } catch {
    return "UTC";
  }
}

/** Today as a calendar day in that zone. The only place the server reads the clock. */
export function today(timeZone: string): Day {
  return dayOf(new Date(), timeZone);
}
