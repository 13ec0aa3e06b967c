/**
 * Pace: how far along a key result should be today, and whether it is keeping up. "Today" is an
 * input (a calendar day in the spreadsheet's time zone), never read from a clock here.
 */
import { type Day } from "./dates";
import { clamp01 } from "./scoring";

export const STATUSES = ["not-started", "on-track", "at-risk", "off-track", "done"] as const;
export type Status = (typeof STATUSES)[number];

export interface PaceThresholds {
  /** score ÷ expected at or above which a key result is on track (default 0.9). */
  onTrack: number;
  /** … at or above which it is at risk (default 0.6); below, off track. */
  atRisk: number;
}

export const DEFAULT_THRESHOLDS: PaceThresholds = { onTrack: 0.9, atRisk: 0.6 };

/**
 * The share of the quarter elapsed on a day: 0 on its first day, 1 on its last day and after.
 *
 * @example
 * expectedProgress(0, 90, 45) //=> 0.5
 */
export function expectedProgress(start: Day, end: Day, today: Day): number {
  if (end <= start) return today >= end ? 1 : 0;
  return clamp01((today - start) / (end - start));
}

/**
 * The status of a score on a day: not started before the quarter, done at 1, and otherwise on
 * track, at risk or off track from score ÷ expected progress. Without any score yet it is not
 * started while the quarter runs; once the quarter is closed (the day is after its end) a row
 * keeps the state it ended in (expected progress is then 1), and a key result that never got a
 * score ended with nothing to show: off track, never "not started".
 *
 * @example
 * paceStatus(0.45, { start: 0, end: 90, today: 45 }) //=> "on-track"   (0.45 ÷ 0.5 = 0.9)
 * paceStatus(0.2, { start: 0, end: 90, today: 45 }) //=> "off-track"  (0.4)
 * paceStatus(0.65, { start: 0, end: 90, today: 200 }) //=> "at-risk"  (closed: 0.65 ÷ 1)
 * paceStatus(undefined, { start: 0, end: 90, today: 200 }) //=> "off-track"
 */
export function paceStatus(
  score: number | undefined,
  quarter: { start: Day; end: Day; today: Day },
  thresholds: PaceThresholds = DEFAULT_THRESHOLDS,
): Status {
  if (quarter.today < quarter.start) return "not-started";
  if (score === undefined || !Number.isFinite(score)) {
    return quarter.today > quarter.end ? "off-track" : "not-started";
  }
  if (score >= 1) return "done";
  const expected = expectedProgress(quarter.start, quarter.end, quarter.today);
  if (expected === 0) return "on-track";
  // A hair of tolerance so that 0.45 ÷ 0.5 counts as the 0.9 it is, despite floating point.
  const ratio = score / expected + 1e-9;
  if (ratio >= thresholds.onTrack) return "on-track";
  if (ratio >= thresholds.atRisk) return "at-risk";
  return "off-track";
}
