/**
 * Scores and statuses for a whole quarter at once: key results from their values, objectives from
 * their key results, then teams and the company from their objectives.
 */
import type { Day } from "./dates";
import { paceStatus, type PaceThresholds, type Status } from "./pace";
import type { OkrRow } from "./parse";
import { krScore, meanScore, objectiveScore, type WeightedScore } from "./scoring";

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

/** What the roll-up needs of a row: which objective a key result serves, which company objective a team objective supports. */
export type RollUpRow = Pick<OkrRow, "id" | "type" | "parent" | "weight">;

export interface RolledUp {
  /** Each row's score, by index in the input: key results their own, objectives rolled up. */
  scores: (number | undefined)[];
  /** The same, except that company objectives are scored from their own key results only. */
  fromKrs: (number | undefined)[];
}

/**
 * Rolls key result scores up, in O(rows): an objective is the weighted mean of the key results
 * whose Parent is its ID; a company objective (`isCompany`) without any scored key result of its
 * own is the mean of the objectives whose Parent is its ID. Rows of other types get no score.
 *
 * @example
 * rollUpScores(
 *   [
 *     { id: "O-1", type: "objective", parent: "", weight: undefined },
 *     { id: "O-2", type: "objective", parent: "O-1", weight: undefined },
 *     { id: "KR-1", type: "kr", parent: "O-2", weight: undefined },
 *   ],
 *   () => 0.5,
 *   (row) => row.id === "O-1",
 * ).scores //=> [0.5, 0.5, 0.5]
 */
export function rollUpScores<R extends RollUpRow>(
  rows: readonly R[],
  krScoreOf: (row: R) => number | undefined,
  isCompany: (row: R) => boolean,
): RolledUp {
  const scores = new Array<number | undefined>(rows.length).fill(undefined);
  const krScores = new Map<string, WeightedScore[]>();
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i] as R;
    if (row.type !== "kr") continue;
    const score = krScoreOf(row);
    scores[i] = score;
    if (row.parent) {
      const list = krScores.get(row.parent);
      if (list) list.push({ score, weight: row.weight });
      else krScores.set(row.parent, [{ score, weight: row.weight }]);
    }
  }
  const objectiveScores = new Map<string, number | undefined>();
  /** Indexes of the objectives under each parent ID. */
  const aligned = new Map<string, number[]>();
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i] as R;
    if (row.type !== "objective") continue;
    const score = objectiveScore(krScores.get(row.id) ?? []).score;
    scores[i] = score;
    objectiveScores.set(row.id, score);
    if (row.parent) {
      const list = aligned.get(row.parent);
      if (list) list.push(i);
      else aligned.set(row.parent, [i]);
    }
  }
  const fromKrs = scores.slice();
  // A company objective without key results of its own is measured by the team objectives under it.
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i] as R;
    if (row.type !== "objective" || !isCompany(row) || objectiveScores.get(row.id) !== undefined) {
      continue;
    }
    const teams = (aligned.get(row.id) ?? []).map((j) => objectiveScores.get((rows[j] as R).id));
    const score = meanScore(teams);
    objectiveScores.set(row.id, score);
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
  const { scores, fromKrs } = rollUpScores(rows, rowKrScore, (row) => row.level === "company");
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
