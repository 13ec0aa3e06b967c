/**
 * IDs are never reused. A new ID is one above the highest ever issued in this spreadsheet: every
 * row of OKRs (all quarters), the KPIs' "Moved from", the Check-ins log, and a high-water mark in
 * the document properties that remembers IDs whose rows were deleted without a trace. Callers hold
 * the document lock, read the sheets under it, and record what they issued before releasing it.
 */
import { highestIds, type HighestIds, highWaterOf, idsHeld } from "../core/draft";
import type { Workbook } from "./workbook";

/** Document property: `{"objective": n, "kr": n}`, the highest ID numbers ever issued. */
export const HIGH_WATER_PROPERTY = "okr.ids.highest";

/** The high-water mark: the highest ID numbers ever issued here, rows deleted since included. */
export function highWater(wb: Workbook): HighestIds {
  return highWaterOf(wb.property(HIGH_WATER_PROPERTY));
}

/** The highest ID numbers issued so far, from the sheets and the high-water mark. */
export function highestIssued(wb: Workbook, sources: Parameters<typeof idsHeld>[0]): HighestIds {
  return highestIds(idsHeld(sources), highWater(wb));
}

/** Raises the high-water mark to cover IDs just written (never lowers it). */
export function recordIssued(wb: Workbook, ids: readonly string[]): void {
  const before = highWater(wb);
  const after = highestIds(ids, before);
  if (after.objective !== before.objective || after.kr !== before.kr)
    wb.setProperty(HIGH_WATER_PROPERTY, JSON.stringify(after));
}
