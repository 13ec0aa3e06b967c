/**
 * Which quarter a review is of, and what the review dialog offers: the current quarter (Settings)
 * first, then every other quarter with rows, each with its teams; another quarter is reviewed with
 * the settings moved to it (its dates from the quarters table, its lock date from the history).
 */
import type { Day } from "./dates";
import type { Lang } from "./i18n";
import type { OkrRow } from "./parse";
import { canonicalQuarter, parseQuarter, type Quarter } from "./quarters";
import { quarterDatesOf, type Settings } from "./settings";

/** Quarters in time order: a later quarter has a higher rank. */
export const quarterRank = (q: Quarter) => q.year * 4 + q.q;

/**
 * The settings a quarter is reviewed with: the current quarter's own, or for another quarter the
 * same settings moved to it (its dates from the quarters table, its lock date from the history).
 *
 * @example
 * reviewSettings(settings, "2026-Q3", new Map()).quarterEnd //=> day("2026-09-30")
 */
export function reviewSettings(
  settings: Settings,
  quarter: string,
  locks: ReadonlyMap<string, Day>,
): Settings {
  if (quarter === settings.quarter) return settings;
  const dates = quarterDatesOf(settings, quarter);
  if (!dates) return settings;
  return {
    ...settings,
    quarter: dates.label,
    quarterStart: dates.start,
    quarterEnd: dates.end,
    lockDate: locks.get(dates.label),
  };
}

/**
 * The teams a review can be asked for: those with an objective below company level this quarter,
 * in name order.
 *
 * @example
 * reviewTeams([{ quarter: "2026-Q4", type: "objective", level: "team", team: "Ops" }], "2026-Q4") //=> ["Ops"]
 */
export function reviewTeams(
  okrs: readonly Pick<OkrRow, "quarter" | "type" | "level" | "team">[],
  quarter: string,
): string[] {
  const teams = okrs
    .filter((r) => r.quarter === quarter && r.type === "objective" && r.level !== "company")
    .map((r) => r.team);
  return [...new Set(teams.filter(Boolean))].sort((a, b) => a.localeCompare(b));
}

/**
 * The quarters a review can be asked for: the current one (Settings) first, then every other
 * quarter that has rows, most recent first.
 *
 * @example
 * reviewQuarters([{ quarter: "2026-Q3" }, { quarter: "2026-Q4" }, { quarter: "2027-Q1" }], "2027-Q1")
 * //=> ["2027-Q1", "2026-Q4", "2026-Q3"]
 */
export function reviewQuarters(okrs: readonly Pick<OkrRow, "quarter">[], current: string): string[] {
  const others = new Set<string>();
  for (const r of okrs) if (r.quarter !== current && parseQuarter(r.quarter)) others.add(r.quarter);
  const rank = (label: string) => quarterRank(parseQuarter(label)!);
  return [current, ...[...others].sort((a, b) => rank(b) - rank(a))];
}

/**
 * The quarter a review request names, as the dialog offers it (any spelling of the quarter), or
 * undefined when the dialog would not offer it. No quarter asked: the current one.
 *
 * @example
 * reviewQuarterOf("2026-q4", ["2027-Q1", "2026-Q4"]) //=> "2026-Q4"
 * reviewQuarterOf("2025-Q1", ["2027-Q1", "2026-Q4"]) //=> undefined
 */
export function reviewQuarterOf(asked: string | undefined, offered: readonly string[]): string | undefined {
  if (asked === undefined || asked.trim() === "") return offered[0];
  const label = canonicalQuarter(asked);
  return label !== undefined && offered.includes(label) ? label : undefined;
}

/** One quarter the review dialog offers, with its teams. */
export interface ReviewQuarter {
  quarter: string;
  teams: string[];
}

/**
 * What the review dialog offers, in the user's language: the current quarter and its teams (the
 * default), and every quarter it can review (`quarters`, the current one first).
 */
export interface ReviewOptions {
  lang: Lang;
  quarter: string;
  teams: string[];
  quarters: ReviewQuarter[];
}

/**
 * The review dialog's options from the OKRs rows.
 *
 * @example
 * reviewOptionsOf("en", rows, "2027-Q1").quarters.map((q) => q.quarter) //=> ["2027-Q1", "2026-Q4"]
 */
export function reviewOptionsOf(
  lang: Lang,
  okrs: readonly Pick<OkrRow, "quarter" | "type" | "level" | "team">[],
  current: string,
): ReviewOptions {
  const quarters = reviewQuarters(okrs, current).map((quarter) => ({
    quarter,
    teams: reviewTeams(okrs, quarter),
  }));
  return { lang, quarter: current, teams: quarters[0]!.teams, quarters };
}
