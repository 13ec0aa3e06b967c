/**
 * Scoring conventions (DESIGN.md §3). Pure functions on plain numbers; parsing of cell values
 * happens before, in cells.ts.
 */

export const METRICS = ["increase", "decrease", "milestone", "threshold"] as const;
export type Metric = (typeof METRICS)[number];

export type KrScoreResult =
  { kind: "score"; score: number } | { kind: "none" } | { kind: "target-equals-baseline" };

/**
 * A key result's score from its baseline, target and current value, in [0, 1].
 * Increasing and decreasing metrics share one formula: (current − baseline) / (target − baseline),
 * clamped. A milestone scores 1 once the current value reaches the target, else 0. A threshold
 * passes (1) while the value stays on the target's side: above it when the baseline was below or
 * equal to it, below it when the baseline was above. No current value gives no score, not 0.
 *
 * @example
 * krScore({ baseline: 100, target: 200, current: 150 }) //=> { kind: "score", score: 0.5 }
 * krScore({ baseline: 40, target: 20, current: 30 }) //=> { kind: "score", score: 0.5 }  (decreasing)
 * krScore({ baseline: 1, target: 1, current: 1 }) //=> { kind: "target-equals-baseline" }
 */
export function krScore(input: {
  baseline: number;
  target: number;
  current: number | undefined;
  metric?: Metric;
}): KrScoreResult {
  const { baseline, target, current, metric = "increase" } = input;
  if (current === undefined) return { kind: "none" };
  if (metric === "milestone") return { kind: "score", score: reached(baseline, target, current) ? 1 : 0 };
  if (metric === "threshold") {
    const passes = baseline > target ? current <= target : current >= target;
    return { kind: "score", score: passes ? 1 : 0 };
  }
  if (target === baseline) return { kind: "target-equals-baseline" };
  return { kind: "score", score: clamp01((current - baseline) / (target - baseline)) };
}

function reached(baseline: number, target: number, current: number): boolean {
  return baseline > target ? current <= target : current >= target;
}

/** Clamps to [0, 1]; anything that is not a finite number becomes 0 rather than NaN. */
export function clamp01(x: number): number {
  if (!Number.isFinite(x)) return x === Infinity ? 1 : 0;
  return Math.min(1, Math.max(0, x));
}
