/**
 * Scores and statuses for a whole quarter at once: key results from their values, objectives from
 * their key results, then teams and the company from their objectives.
 */
import type { Day } from "./dates";
import { paceStatus, type PaceThresholds, type Status } from "./pace";
import type { OkrRow } from "./parse";
import type { RowType } from "./schema";
import { clamp01, krScore, meanScore, scoredWeight } from "./scoring";

export interface RowScore {
  score: number | undefined;
  status: Status;
}

export interface QuarterScores {
  /** By row number in the OKRs sheet. */
  byRow: Map<number, RowScore>;
  byTeam: Map<string, number | undefined>;
  /** Mean of the company-level objectives, or of every objective when there is none. */
  company: number | undefined;
}

export interface QuarterClock extends PaceThresholds {
  start: Day;
  end: Day;
  today: Day;
}

/** The score of one key result row, or undefined (no current value, or nothing to measure). */
export function rowKrScore(
  kr: Pick<OkrRow, "baseline" | "target" | "current" | "metric">,
): number | undefined {
  if (kr.baseline === undefined || kr.target === undefined) return undefined;
  const result = krScore({
    baseline: kr.baseline,
    target: kr.target,
    current: kr.current,
    metric: kr.metric,
  });
  return result.kind === "score" ? result.score : undefined;
}

/**
 * What the roll-up reads, one array per column, row i across them: which objective a key result
 * serves (parent), which company objective a team objective supports, and each key result's own
 * score. Columns rather than row objects: OKRSCORE reads 10,000 rows in one pass and allocates
 * nothing per row.
 */
export interface RollUpColumns {
  ids: readonly string[];
  types: readonly (RowType | undefined)[];
  parents: readonly string[];
  weights: readonly (number | undefined)[];
  /** A key result's own score (read on key result rows only). */
  krScores: readonly (number | undefined)[];
}

export interface RolledUp {
  /** Each row's score, by index in the input: key results their own, objectives rolled up. */
  scores: (number | undefined)[];
  /** The same, except that company objectives are scored from their own key results only. */
  fromKrs: (number | undefined)[];
}

/**
 * Rolls key result scores up, in O(rows): an objective is the weighted mean of the key results
 * whose Parent is its ID (objectiveScore's rule, summed as it goes); a company objective
 * (`isCompany`) without any scored key result of its own is the mean of the objectives whose Parent
 * is its ID. Rows of other types get no score.
 *
 * @example
 * rollUpScores(
 *   {
 *     ids: ["O-1", "O-2", "KR-1"],
 *     types: ["objective", "objective", "kr"],
 *     parents: ["", "O-1", "O-2"],
 *     weights: [undefined, undefined, undefined],
 *     krScores: [undefined, undefined, 0.5],
 *   },
 *   (i) => i === 0,
 * ).scores //=> [0.5, 0.5, 0.5]
 */
export function rollUpScores(columns: RollUpColumns, isCompany: (index: number) => boolean): RolledUp {
  const { ids, types, parents, weights, krScores } = columns;
  const count = ids.length;
  const scores = new Array<number | undefined>(count).fill(undefined);
  /** Per objective ID: the sum of weighted scores and the sum of weights of its scored key results. */
  const totals = new Map<string, number>();
  const weightSums = new Map<string, number>();
  for (let i = 0; i < count; i++) {
    if (types[i] !== "kr") continue;
    const score = krScores[i];
    scores[i] = score;
    const parent = parents[i];
    const weight = scoredWeight(score, weights[i]);
    if (!parent || weight === 0) continue;
    totals.set(parent, (totals.get(parent) ?? 0) + clamp01(score as number) * weight);
    weightSums.set(parent, (weightSums.get(parent) ?? 0) + weight);
  }
  const objectiveScores = new Map<string, number | undefined>();
  /** Indexes of the objectives under each parent ID. */
  const aligned = new Map<string, number[]>();
  for (let i = 0; i < count; i++) {
    if (types[i] !== "objective") continue;
    const id = ids[i] as string;
    const sum = weightSums.get(id);
    const score = sum ? clamp01((totals.get(id) as number) / sum) : undefined;
    scores[i] = score;
    objectiveScores.set(id, score);
    const parent = parents[i];
    if (parent) {
      const list = aligned.get(parent);
      if (list) list.push(i);
      else aligned.set(parent, [i]);
    }
  }
  const fromKrs = scores.slice();
  // A company objective without key results of its own is measured by the team objectives under it.
  for (let i = 0; i < count; i++) {
    const id = ids[i] as string;
    if (types[i] !== "objective" || !isCompany(i) || objectiveScores.get(id) !== undefined) continue;
    const teams = (aligned.get(id) ?? []).map((j) => objectiveScores.get(ids[j] as string));
    const score = meanScore(teams);
    objectiveScores.set(id, score);
    scores[i] = score;
  }
  return { scores, fromKrs };
}

/**
 * @example
 * scoreQuarter(rows, { start, end, today, onTrack: 0.9, atRisk: 0.6 }).byRow.get(3) //=> { score: 0.5, status: "on-track" }
 */
export function scoreQuarter(rows: readonly OkrRow[], clock: QuarterClock): QuarterScores {
  const byRow = new Map<number, RowScore>();
  const { scores, fromKrs } = rollUpScores(
    {
      ids: rows.map((row) => row.id),
      types: rows.map((row) => row.type),
      parents: rows.map((row) => row.parent),
      weights: rows.map((row) => row.weight),
      krScores: rows.map((row) => (row.type === "kr" ? rowKrScore(row) : undefined)),
    },
    (i) => (rows[i] as OkrRow).level === "company",
  );
  const teamScores = new Map<string, (number | undefined)[]>();
  const companyScores: (number | undefined)[] = [];
  const objectiveScores: (number | undefined)[] = [];
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i] as OkrRow;
    if (row.type !== "kr" && row.type !== "objective") continue;
    const score = scores[i];
    byRow.set(row.row, { score, status: paceStatus(score, clock, clock) });
    if (row.type !== "objective") continue;
    objectiveScores.push(score);
    if (row.level === "company") companyScores.push(score);
    const team = teamScores.get(row.team);
    if (team) team.push(fromKrs[i]);
    else teamScores.set(row.team, [fromKrs[i]]);
  }
  const byTeam = new Map([...teamScores].map(([team, list]) => [team, meanScore(list)] as const));
  return {
    byRow,
    byTeam,
    company: meanScore(companyScores.length ? companyScores : objectiveScores),
  };
}
