/**
 * Scores and statuses for a whole quarter at once: key results from their values, objectives from
 * their key results, then teams and the company from their objectives.
 */
import type { Day } from "./dates";
import { paceStatus, type PaceThresholds, type Status } from "./pace";
import type { OkrRow } from "./parse";
import { krScore, meanScore, objectiveScore } from "./scoring";

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
 * @example
 * scoreQuarter(rows, { start, end, today, onTrack: 0.9, atRisk: 0.6 }).byRow.get(3) //=> { score: 0.5, status: "on-track" }
 */
export function scoreQuarter(rows: readonly OkrRow[], clock: QuarterClock): QuarterScores {
  const byRow = new Map<number, RowScore>();
  const krScores = new Map<string, { score: number | undefined; weight: number | undefined }[]>();
  const status = (score: number | undefined) => paceStatus(score, clock, clock);
  for (const row of rows) {
    if (row.type !== "kr") continue;
    const score = rowKrScore(row);
    byRow.set(row.row, { score, status: status(score) });
    if (row.parent) {
      const list = krScores.get(row.parent) ?? [];
      list.push({ score, weight: row.weight });
      krScores.set(row.parent, list);
    }
  }
  const objectiveScores = new Map<string, number | undefined>();
  const teamScores = new Map<string, (number | undefined)[]>();
  const objectives = rows.filter((r) => r.type === "objective");
  for (const o of objectives) {
    const score = objectiveScore(krScores.get(o.id) ?? []).score;
    objectiveScores.set(o.id, score);
    byRow.set(o.row, { score, status: status(score) });
    teamScores.set(o.team, [...(teamScores.get(o.team) ?? []), score]);
  }
  // A company objective without key results of its own is measured by the team objectives under it.
  for (const o of objectives) {
    if (o.level !== "company" || objectiveScores.get(o.id) !== undefined) continue;
    const aligned = objectives.filter((t) => t.parent === o.id).map((t) => objectiveScores.get(t.id));
    const score = meanScore(aligned);
    objectiveScores.set(o.id, score);
    byRow.set(o.row, { score, status: status(score) });
  }
  const byTeam = new Map([...teamScores].map(([team, scores]) => [team, meanScore(scores)] as const));
  const company = objectives.filter((o) => o.level === "company");
  return {
    byRow,
    byTeam,
    company: meanScore((company.length ? company : objectives).map((o) => objectiveScores.get(o.id))),
  };
}
