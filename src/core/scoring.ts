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
  const score = krScoreValue(input.baseline, input.target, input.current, input.metric);
  if (score === undefined) return { kind: "none" };
  if (Number.isNaN(score)) return { kind: "target-equals-baseline" };
  return { kind: "score", score };
}

/**
 * krScore without its result object, for formulas scoring a column: the score, undefined without a
 * current value, NaN when the target equals the baseline.
 *
 * @example
 * krScoreValue(100, 200, 150, "increase") //=> 0.5
 */
export function krScoreValue(
  baseline: number,
  target: number,
  current: number | undefined,
  metric: Metric = "increase",
): number | undefined {
  if (current === undefined) return undefined;
  if (metric === "milestone") return reached(baseline, target, current) ? 1 : 0;
  if (metric === "threshold") return reached(baseline, target, current) ? 1 : 0;
  if (target === baseline) return Number.NaN;
  return clamp01((current - baseline) / (target - baseline));
}

function reached(baseline: number, target: number, current: number): boolean {
  return baseline > target ? current <= target : current >= target;
}

/** Clamps to [0, 1]; anything that is not a finite number becomes 0 rather than NaN. */
export function clamp01(x: number): number {
  if (!Number.isFinite(x)) return x === Infinity ? 1 : 0;
  return Math.min(1, Math.max(0, x));
}

export interface WeightedScore {
  score: number | undefined;
  weight: number | undefined;
}

export interface ObjectiveScore {
  /** Weighted mean of the scored key results; undefined when none is scored yet. */
  score: number | undefined;
  scored: number;
  /** Key results left out because they have no score yet (reported, not counted as 0). */
  unscored: number;
}

/**
 * An objective's score: the weighted mean of its key results' scores (weight 1 when empty).
 * Key results without a score, or with a weight that is not positive, are left out.
 *
 * @example
 * objectiveScore([{ score: 1, weight: 3 }, { score: 0, weight: 1 }]) //=> { score: 0.75, scored: 2, unscored: 0 }
 */
export function objectiveScore(krs: readonly WeightedScore[]): ObjectiveScore {
  let total = 0;
  let weights = 0;
  let scored = 0;
  let unscored = 0;
  for (const kr of krs) {
    const weight = scoredWeight(kr.score, kr.weight);
    if (weight === 0) {
      unscored++;
      continue;
    }
    total += clamp01(kr.score as number) * weight;
    weights += weight;
    scored++;
  }
  return { score: weights > 0 ? clamp01(total / weights) : undefined, scored, unscored };
}

/**
 * The weight a key result counts with in its objective's mean: its weight (1 when empty), or 0 when
 * it is left out (no score yet, or a weight that is not positive).
 *
 * @example
 * scoredWeight(0.5, undefined) //=> 1
 * scoredWeight(undefined, 3) //=> 0
 */
export function scoredWeight(score: number | undefined, weight: number | undefined): number {
  const w = weight ?? 1;
  return score === undefined || !Number.isFinite(score) || !(w > 0) ? 0 : w;
}

/**
 * A team's or the company's score: the plain mean of its objectives' scores (unscored ones left out).
 *
 * @example
 * meanScore([0.5, 1, undefined]) //=> 0.75
 */
export function meanScore(scores: readonly (number | undefined)[]): number | undefined {
  const known = scores.filter((s): s is number => s !== undefined && Number.isFinite(s));
  return known.length ? clamp01(known.reduce((a, b) => a + b, 0) / known.length) : undefined;
}

export const BANDS = ["red", "yellow", "green"] as const;
export type Band = (typeof BANDS)[number];

/** Band boundaries: below 0.4 red, below 0.7 yellow, else green. No gaps: 0.39 is red, 0.4 yellow. */
export const BAND_LIMITS = { yellow: 0.4, green: 0.7 } as const;

/**
 * Each band's background, the one definition for the review sheet and the OKRs sheet's colour
 * rules (Google Sheets' own light red, yellow and green).
 */
export const BAND_COLORS: Readonly<Record<Band, string>> = {
  red: "#f4c7c3",
  yellow: "#fce8b2",
  green: "#b7e1cd",
};

/**
 * @example
 * band(0.39) //=> "red"
 * band(0.4) //=> "yellow"
 * band(0.7) //=> "green"
 */
export function band(score: number): Band {
  if (score < BAND_LIMITS.yellow) return "red";
  if (score < BAND_LIMITS.green) return "yellow";
  return "green";
}

/**
 * Committed objectives are expected at 1.0; below it, the review asks for an explanation.
 *
 * @example
 * needsExplanation("committed", 0.9) //=> true
 * needsExplanation("aspirational", 0.6) //=> false
 */
export function needsExplanation(kind: string | undefined, score: number | undefined): boolean {
  return kind === "committed" && score !== undefined && score < 1;
}
