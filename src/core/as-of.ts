/**
 * When the add-on writes today into Settings' "As of" cell. The Status formula takes that cell as
 * an argument (a custom function may not use TODAY()), so it is what makes statuses follow the
 * calendar: the add-on brings it to today before each operation, as the Guide tells users.
 */
import type { RawCell } from "./cells";
import { type Day, parseDay } from "./dates";
import type { Finding } from "./findings";
import { parseSettings, type SettingsResult } from "./settings";

/**
 * Where Settings' As of is, and whether to write today into it. The day's first operation writes it whatever the
 * cell shows but today. Later the same day (`firstOfDay` false: an operation that read Settings
 * anyway) a day the user typed is kept, to look at the statuses as they were on it (the Guide says
 * so; the next day brings it back), but a cell that shows no day (cleared, a word such as "hier",
 * an error) is written again: the Status column fails on it, and nobody looks back to no day.
 *
 * @param grid - the Settings sheet's values, as read
 * @param today - today in the spreadsheet's time zone
 * @param timeZone - the spreadsheet's time zone
 * @param firstOfDay - true when the add-on has not brought As of to today yet today
 * @returns the 1-based row of As of, and whether to write today there (not when it shows today, nor
 * a typed day later in the day); undefined when Settings has no As of row
 *
 * @example
 * asOfWrite([["Setting", "Value"], ["As of", "hier"]], day, "UTC", false) //=> { row: 2, write: true }
 * asOfWrite([["Setting", "Value"], ["As of", "2026-10-20"]], day, "UTC", false) //=> { row: 2, write: false }
 */
export function asOfWrite(
  grid: RawCell[][],
  today: Day,
  timeZone: string,
  firstOfDay: boolean,
): { row: number; write: boolean } | undefined {
  const row = parseSettings(grid, today, timeZone).rows.asOf;
  if (row === undefined) return undefined;
  const shown = parseDay(grid[row - 1]?.[1], timeZone);
  return { row, write: shown === undefined || (shown !== today && firstOfDay) };
}

/**
 * The OKRs sheet's findings when As of was written again after that sheet was read: its Status
 * header showed the formula's failure on the old value, which the write has ended (Sheets
 * recalculates), so that finding goes; unless the Language setting fails the formula too.
 *
 * @param findings - the OKRs sheet's parse findings, from the grid read before the write
 * @param settings - Settings as parsed after the write
 * @returns the findings without the Status formula's failure, when As of was its only cause
 *
 * @example
 * findingsAfterAsOfWritten([{ code: "computed-failed", column: "status", … }], settings) //=> []
 */
export function findingsAfterAsOfWritten(findings: Finding[], settings: SettingsResult): Finding[] {
  const language = settings.findings.some(
    (f) => f.code === "setting-invalid" && f.params.setting === "language",
  );
  if (language) return findings;
  return findings.filter((f) => !(f.code === "computed-failed" && f.column === "status"));
}
