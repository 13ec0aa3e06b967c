/**
 * Each quarter's plan lock date, kept in a document property as `{"2026-Q4": "2026-10-05", …}`.
 * Settings holds only the current quarter's (Start next quarter clears it), so the history is
 * kept apart from the day this feature shipped on: quarters locked before it have no lock date,
 * and their scope churn is not measured (Practice health says so).
 */
import type { Analysis } from "./analyze";
import { dayFromIso, type Day, isoOf } from "./dates";
import type { Lang } from "./i18n";
import { endedQuarter } from "./next-quarter-start";
import { canonicalQuarter } from "./quarters";
import type { Settings } from "./settings";
import { userError } from "./user-error";

/**
 * The history from the property's text; a damaged text is a history lost, not an error.
 *
 * @example
 * parseLockHistory(`{"2026-q4": "2026-10-05", "x": 1}`).size //=> 1
 */
export function parseLockHistory(text: string | undefined): Map<string, Day> {
  const locks = new Map<string, Day>();
  try {
    const parsed = JSON.parse(text ?? "{}") as unknown;
    if (!parsed || typeof parsed !== "object") return locks;
    for (const [label, iso] of Object.entries(parsed as Record<string, unknown>)) {
      const quarter = canonicalQuarter(label);
      const day = typeof iso === "string" ? dayFromIso(iso) : undefined;
      if (quarter && day !== undefined) locks.set(quarter, day);
    }
  } catch {
    // Not JSON: nothing to keep.
  }
  return locks;
}

/** The history's text with a quarter's lock date recorded. */
export function lockHistoryText(locks: ReadonlyMap<string, Day>, quarter: string, day: Day): string {
  const next = new Map(locks).set(quarter, day);
  return JSON.stringify(Object.fromEntries([...next].map(([q, d]) => [q, isoOf(d)])));
}

/**
 * Locking the plan dates the current quarter's rows that have no Created date, so anything added
 * later (even typed by hand) is recognised as "added mid-quarter": the Created column and, by row,
 * the lock day as the date to write. Undefined when the table has no Created column.
 */
export function lockDating(
  analysis: Pick<Analysis, "okrTable" | "okrs" | "settings">,
  lockDay: Date,
): { column: number; updates: Map<number, Date> } | undefined {
  const column = analysis.okrTable?.columns.created;
  if (column === undefined) return undefined;
  const undated = analysis.okrs.filter(
    (r) => r.quarter === analysis.settings.quarter && r.created === undefined,
  );
  return { column, updates: new Map(undated.map((r) => [r.row, lockDay] as const)) };
}

/** What the lock question asks: the quarter, today, and the lock date it would replace ("" if none). */
export interface LockQuestion {
  quarter: string;
  date: string;
  previous: string;
}

/** The lock question; refused in a quarter that is over (its lock date and scope churn would move). */
export function lockQuestionOf(userLang: Lang, settings: Settings, day: Day): LockQuestion {
  const ended = endedQuarter(settings, day);
  if (ended) throw userError(userLang, "quarter.ended", ended);
  const previous = settings.lockDate === undefined ? "" : isoOf(settings.lockDate);
  return { quarter: settings.quarter, date: isoOf(day), previous };
}
