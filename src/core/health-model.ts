/**
 * The model of practice health: what a quarter's, a team's and the spreadsheet's health are made
 * of, the bands against the thresholds, and one quarter's data as the signals measure it.
 */
import type { Day } from "./dates";
import type { CheckinRow, OkrRow } from "./parse";
import type { Settings } from "./settings";
import type { HealthThresholds, Signal } from "./health-settings";

/** The most recent quarters shown: three years, enough for a trend, few enough for a chart. */
export const MAX_QUARTERS = 12;
/** Within this much of its threshold on the wrong side, a signal is "watch" (yellow), beyond it red. */
export const WATCH_MARGIN = 0.15;
/** A change smaller than this (in share points) is "steady". */
export const TREND_STEP = 0.05;

export type HealthBand = "green" | "yellow" | "red";
export type Trend = "up" | "down" | "steady";

/** One signal in one quarter for one team (or all): its value 0–1 and the counts behind it. */
export interface SignalValue {
  /** Undefined when there is nothing to measure (a gap, no lock date, a quarter still running). */
  value: number | undefined;
  /** The figures the value is made of, named per signal (see `measure`). */
  detail: Record<string, number>;
  band: HealthBand | undefined;
  /** Against the previous quarter that has a value, in the signal's own sense (up = higher value). */
  trend: Trend | undefined;
}

export interface QuarterHealth {
  quarter: string;
  /** No objective and no key result in this quarter. */
  gap: boolean;
  /** The plan's lock date, when recorded (history or Settings for the current quarter). */
  locked: Day | undefined;
  signals: Record<Signal, SignalValue>;
}

export interface TeamHealth {
  /** '' for all teams. */
  team: string;
  quarters: QuarterHealth[];
}

export type HealthFinding =
  | { kind: "gap"; quarter: string }
  | { kind: "noLock"; quarters: string[] }
  | {
      kind: "worse" | "better" | "below";
      signal: Signal;
      team: string;
      from: string | undefined;
      to: string;
      fromValue: SignalValue | undefined;
      toValue: SignalValue;
    }
  | { kind: "carried"; team: string; title: string; quarters: number; okrRow: number };

export interface Health {
  quarters: string[];
  teams: string[];
  /** All teams first, then each team in name order. */
  byTeam: TeamHealth[];
  thresholds: HealthThresholds;
  findings: HealthFinding[];
}

export interface HealthInput {
  okrs: readonly OkrRow[];
  checkins: readonly CheckinRow[];
  settings: Settings;
  /** The plan's lock date of each quarter (canonical label), as recorded when it was locked. */
  locks: ReadonlyMap<string, Day>;
  thresholds: HealthThresholds;
  today: Day;
}

/** Signals whose healthy side is low (a share that should stay small). */
export const LOWER_IS_BETTER: ReadonlySet<Signal> = new Set(["kpiLeakage", "rush", "churn", "carryOver"]);

/**
 * The band of a value against its threshold: green on the healthy side, yellow within WATCH_MARGIN
 * of it, red beyond.
 *
 * @example
 * healthBand("regularity", 0.7, 0.8) //=> "yellow"
 */
export function healthBand(signal: Signal, value: number, threshold: number): HealthBand {
  const shortfall = LOWER_IS_BETTER.has(signal) ? value - threshold : threshold - value;
  if (shortfall <= 1e-9) return "green";
  return shortfall <= WATCH_MARGIN + 1e-9 ? "yellow" : "red";
}

/** One quarter as the signals measure it. */
export interface QuarterData {
  label: string;
  start: Day;
  end: Day;
  objectives: OkrRow[];
  krs: OkrRow[];
  /** Each key result's check-ins up to this quarter's end, by date (none: no entry). */
  logs: Map<OkrRow, CheckinRow[]>;
  scores: Map<number, number | undefined>;
  locked: Day | undefined;
  /** Objectives carried into this quarter: objective → how many quarters in a row it has been carried. */
  carried: Map<OkrRow, number>;
  /** Lower-cased owners of each team's objectives (key: lower-cased team). */
  owners: Map<string, Set<string>>;
}
