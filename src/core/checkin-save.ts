/**
 * Saving check-ins, the pure part: the rows appended to the Check-ins log, where they go in a log
 * whose header may be missing, and the cells of the OKRs sheet they update.
 */
import { type CheckinEntry, rowsById } from "./checkins";
import { dateOfDay, type Day } from "./dates";
import type { OkrRow } from "./parse";
import type { Table } from "./parse-table";
import { CHECKINS, type RowCells } from "./schema";
import type { TablePlace } from "./table-write";

/** The log's rows for a batch: today, the author, and each entry. */
export function logRows(entries: readonly CheckinEntry[], day: Day, author: string): RowCells<"checkins">[] {
  return entries.map((e) => ({
    date: day,
    krId: e.krId,
    value: e.value,
    confidence: e.confidence,
    comment: e.comment ?? "",
    author,
  }));
}

/** The log's header in the schema's order, for a log sheet that is still empty. */
export const logHeader = (lang: "en" | "fr") => CHECKINS.columns.map((c) => c.header[lang]);

/** Where the log's columns are: as found, else in the schema's order under row 1 (a header just written). */
export function logPlace(table: Pick<Table, "headerRow" | "columns">): TablePlace {
  return table.headerRow
    ? { headerRow: table.headerRow, columns: table.columns }
    : { headerRow: 1, columns: Object.fromEntries(CHECKINS.columns.map((c, i) => [c.key, i])) };
}

/**
 * The OKRs cells a batch updates, per column index then 1-based row: Current, Confidence (when
 * given) and Last check-in (the day, as the date Sheets stores). The row is the one checkEntries
 * checked.
 */
export function keyResultUpdates(
  okrs: readonly OkrRow[],
  columns: Record<string, number>,
  entries: readonly CheckinEntry[],
  day: Day,
  timeZone: string,
): Map<number, Map<number, number | Date>> {
  const byId = rowsById(okrs);
  const rowOf = (entry: CheckinEntry) => byId.get(entry.krId.toLowerCase())![0]!.row;
  const valueOf: Record<
    "current" | "confidence" | "lastCheckIn",
    (e: CheckinEntry) => number | Date | undefined
  > = {
    current: (e) => e.value,
    confidence: (e) => e.confidence,
    lastCheckIn: () => dateOfDay(day, timeZone),
  };
  const out = new Map<number, Map<number, number | Date>>();
  for (const [key, value] of Object.entries(valueOf)) {
    const column = columns[key];
    if (column === undefined) continue;
    const updates = new Map<number, number | Date>();
    for (const entry of entries) {
      const v = value(entry);
      if (v !== undefined) updates.set(rowOf(entry), v);
    }
    out.set(column, updates);
  }
  return out;
}
