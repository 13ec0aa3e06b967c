/**
 * Weekly check-ins, the pure part: which key results a person sees, their history and staleness,
 * and checking a batch of new values before anything is written.
 */
import { type Day, isoOf } from "./dates";
import type { CheckinRow, KpiRow, OkrRow } from "./parse";
import type { Status } from "./pace";
import type { QuarterScores } from "./quarter-scores";
import type { Settings } from "./settings";

export interface CheckinFilter {
  team?: string;
  owner?: string;
}

/** One check-in as the sidebar shows it (ISO dates: Dates cannot cross google.script.run). */
export interface HistoryEntry {
  date: string;
  value: number | null;
  confidence: number | null;
  comment: string;
}

export interface CheckinItem {
  id: string;
  title: string;
  team: string;
  owner: string;
  unit: string;
  metric: string;
  baseline: number | null;
  target: number | null;
  current: number | null;
  confidence: number | null;
  score: number | null;
  status: Status;
  lastCheckIn: string;
  /** Days since the last check-in (or the quarter's start); stale past the Settings limit. */
  daysSince: number;
  stale: boolean;
  history: HistoryEntry[];
}

export const HISTORY_LENGTH = 5;

/** A key result's owner: its own, else its objective's. */
export function ownerOf(kr: OkrRow, byId: ReadonlyMap<string, OkrRow>): string {
  return kr.owner || byId.get(kr.parent)?.owner || "";
}

/**
 * The current quarter's key results for a team or an owner (both empty: all), each with its last
 * check-ins, newest first.
 *
 * @example
 * checkinItems(okrs, checkins, scores, settings, today, { team: "Sales" }).map((i) => i.id) //=> ["KR-1", "KR-2"]
 */
export function checkinItems(
  okrs: readonly OkrRow[],
  checkins: readonly CheckinRow[],
  scores: QuarterScores,
  settings: Settings,
  today: Day,
  filter: CheckinFilter,
): CheckinItem[] {
  const current = okrs.filter((r) => r.quarter === settings.quarter);
  const byId = new Map(current.map((r) => [r.id, r] as const));
  const history = new Map<string, CheckinRow[]>();
  for (const c of checkins) {
    const key = c.krId.toLowerCase();
    history.set(key, [...(history.get(key) ?? []), c]);
  }
  const team = filter.team?.trim().toLowerCase() ?? "";
  const owner = filter.owner?.trim().toLowerCase() ?? "";
  return current
    .filter((r) => checkable(r, settings))
    .filter((r) => !team || r.team.toLowerCase() === team)
    .filter((r) => !owner || ownerOf(r, byId).toLowerCase() === owner)
    .map((kr): CheckinItem => {
      const since = staleSince(kr, settings);
      const daysSince = Math.max(0, today - since);
      const rowScore = scores.byRow.get(kr.row);
      const past = (history.get(kr.id.toLowerCase()) ?? [])
        .filter((c) => c.date !== undefined)
        .sort((a, b) => (b.date as number) - (a.date as number) || b.row - a.row)
        .slice(0, HISTORY_LENGTH)
        .map((c) => ({
          date: isoOf(c.date as number),
          value: c.value ?? null,
          confidence: c.confidence ?? null,
          comment: c.comment,
        }));
      return {
        id: kr.id,
        title: kr.title,
        team: kr.team,
        owner: ownerOf(kr, byId),
        unit: kr.unit,
        metric: kr.metric ?? "increase",
        baseline: kr.baseline ?? null,
        target: kr.target ?? null,
        current: kr.current ?? null,
        confidence: kr.confidence ?? null,
        score: rowScore?.score ?? null,
        status: rowScore?.status ?? "not-started",
        lastCheckIn: kr.lastCheckIn === undefined ? "" : isoOf(kr.lastCheckIn),
        daysSince,
        stale:
          today >= settings.quarterStart && today <= settings.quarterEnd && daysSince > settings.staleDays,
        history: past,
      };
    });
}

/**
 * The day a key result's silence counts from: its last check-in, else its creation or the
 * quarter's start, whichever is later (a key result created today is not stale).
 *
 * @example
 * staleSince({ lastCheckIn: undefined, created: 20400 }, { quarterStart: 20362 }) //=> 20400
 */
export function staleSince(
  kr: Pick<OkrRow, "lastCheckIn" | "created">,
  settings: Pick<Settings, "quarterStart">,
): Day {
  if (kr.lastCheckIn !== undefined) return kr.lastCheckIn;
  return Math.max(kr.created ?? settings.quarterStart, settings.quarterStart);
}

/**
 * A key result the check-in view offers: of the current quarter, with an ID to check in by (one
 * typed without is Validate's to point out, not a check-in to ask for).
 */
function checkable(r: OkrRow, settings: Pick<Settings, "quarter">): boolean {
  return r.quarter === settings.quarter && r.type === "kr" && r.id !== "";
}

/**
 * Key results of the current quarter without a check-in for longer than the stale limit: the ones
 * the check-in view marks stale.
 */
export function staleCount(okrs: readonly OkrRow[], settings: Settings, today: Day): number {
  if (today < settings.quarterStart || today > settings.quarterEnd) return 0;
  return okrs.filter((r) => checkable(r, settings) && today - staleSince(r, settings) > settings.staleDays)
    .length;
}

export interface CheckinEntry {
  krId: string;
  value: number;
  confidence?: number | undefined;
  comment?: string | undefined;
}

export type EntryProblem =
  | { code: "unknown-kr"; krId: string }
  | { code: "moved-to-kpis"; krId: string; row: number }
  | { code: "not-a-kr"; krId: string }
  | { code: "other-quarter"; krId: string; quarter: string }
  | { code: "duplicate-entry"; krId: string }
  | { code: "ambiguous-id"; krId: string; rows: number[] };

/**
 * Checks a batch of check-ins against the sheet as it is now: every key result must exist, be a key
 * result, and belong to the current quarter; one entry per key result. An ID held by several rows
 * (any quarter, objectives included) is refused rather than guessed. Values and confidences are
 * already numbers in range (the server's zod schema checks them). The row checked is
 * `rowOfEntry`'s, the one written. An unknown ID found in the KPIs' "Moved from" is said to be
 * there (the view that offered it was drawn before a teammate moved it): `kpis` is asked for only
 * then, so a batch of known IDs costs no read of the KPIs sheet.
 *
 * @example
 * checkEntries([{ krId: "KR-3", value: 2 }], [], settings, () => [{ row: 2, origin: "KR-3" }]) //=> [{ code: "moved-to-kpis", krId: "KR-3", row: 2 }]
 */
export function checkEntries(
  entries: readonly CheckinEntry[],
  okrs: readonly OkrRow[],
  settings: Settings,
  kpis: () => readonly Pick<KpiRow, "row" | "origin">[] = () => [],
): EntryProblem[] {
  let moved: readonly Pick<KpiRow, "row" | "origin">[] | undefined;
  const byId = rowsById(okrs);
  const seen = new Set<string>();
  const problems: EntryProblem[] = [];
  for (const entry of entries) {
    const key = entry.krId.toLowerCase();
    const rows = byId.get(key) ?? [];
    const row = rows[0];
    if (seen.has(key)) problems.push({ code: "duplicate-entry", krId: entry.krId });
    else if (rows.length > 1)
      problems.push({ code: "ambiguous-id", krId: entry.krId, rows: rows.map((r) => r.row) });
    else if (!row) {
      const kpi = (moved ??= kpis()).find((k) => k.origin.trim().toLowerCase() === key);
      problems.push(
        kpi
          ? { code: "moved-to-kpis", krId: entry.krId, row: kpi.row }
          : { code: "unknown-kr", krId: entry.krId },
      );
    } else if (row.type !== "kr") problems.push({ code: "not-a-kr", krId: entry.krId });
    else if (row.quarter !== settings.quarter)
      problems.push({ code: "other-quarter", krId: entry.krId, quarter: row.quarter });
    seen.add(key);
  }
  return problems;
}

/** Every row holding each ID (lower-cased), in sheet order. */
export function rowsById(okrs: readonly OkrRow[]): Map<string, OkrRow[]> {
  const byId = new Map<string, OkrRow[]>();
  for (const r of okrs) {
    if (!r.id) continue;
    const key = r.id.toLowerCase();
    const list = byId.get(key);
    if (list) list.push(r);
    else byId.set(key, [r]);
  }
  return byId;
}

/** The longest name kept as an author. */
export const AUTHOR_MAX = 100;

/**
 * Who wrote a check-in: the Google account's email when Google shares it, else the name the
 * person chose; "" when there is neither (the view then asks before saving).
 *
 * @example authorOf("", " Ada ") //=> "Ada"
 */
export function authorOf(email: string, chosen: string): string {
  return email.trim() || chosen.trim().slice(0, AUTHOR_MAX);
}
