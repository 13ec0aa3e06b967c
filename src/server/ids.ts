/**
 * IDs are never reused. A new ID is one above the highest ever issued in this spreadsheet: every
 * row of OKRs (all quarters), the KPIs' "Moved from", the Check-ins log, and a high-water mark in
 * the document properties that remembers IDs whose rows were deleted without a trace. Callers hold
 * the document lock, read the sheets under it, and record what they issued before releasing it.
 */
import { highestIds, type HighestIds } from "../core/draft";
import type { CheckinRow, KpiRow, OkrRow } from "../core/parse";
import type { Workbook } from "./workbook";

/** Document property: `{"objective": n, "kr": n}`, the highest ID numbers ever issued. */
export const HIGH_WATER_PROPERTY = "okr.ids.highest";

export interface IdSources {
  okrs: readonly OkrRow[];
  kpis?: readonly KpiRow[] | undefined;
  checkins?: readonly CheckinRow[] | undefined;
}

function recorded(wb: Workbook): HighestIds {
  try {
    const parsed = JSON.parse(wb.property(HIGH_WATER_PROPERTY) ?? "{}") as Partial<HighestIds>;
    const n = (v: unknown) => (typeof v === "number" && Number.isSafeInteger(v) && v > 0 ? v : 0);
    return { objective: n(parsed.objective), kr: n(parsed.kr) };
  } catch {
    return { objective: 0, kr: 0 };
  }
}

/** The highest ID numbers issued so far, from the sheets and the high-water mark. */
export function highestIssued(wb: Workbook, sources: IdSources): HighestIds {
  const ids: string[] = sources.okrs.map((r) => r.id);
  for (const k of sources.kpis ?? []) ids.push(k.origin);
  for (const c of sources.checkins ?? []) ids.push(c.krId);
  return highestIds(ids, recorded(wb));
}

/** Raises the high-water mark to cover IDs just written (never lowers it). */
export function recordIssued(wb: Workbook, ids: readonly string[]): void {
  const before = recorded(wb);
  const after = highestIds(ids, before);
  if (after.objective !== before.objective || after.kr !== before.kr)
    wb.setProperty(HIGH_WATER_PROPERTY, JSON.stringify(after));
}
