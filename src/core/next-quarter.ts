/**
 * Starting the next quarter: which objectives to propose carrying over, who owns them next (owners
 * rotate), and the rows to copy — text, metric, target and weights, the last value as the new
 * baseline, no check-ins. The previous quarter's rows are never touched.
 */
import { addMonths, type Day } from "./dates";
import { type HighestIds, highestIds } from "./draft";
import type { OkrRow } from "./parse";
import { nextQuarter, parseQuarter, quarterName } from "./quarters";
import type { QuarterScores } from "./quarter-scores";
import { ownerRotation, type TeamRotation } from "./rules/people";
import type { Settings } from "./settings";

export type CarryReason = "aspirational" | "carry";

export interface CarryCandidate {
  id: string;
  title: string;
  team: string;
  owner: string;
  kind: string;
  score: number | null;
  reasons: CarryReason[];
  /** Proposed (pre-checked) for carrying over. */
  proposed: boolean;
  /** The next person among the team's owners, in the order they first owned an objective. */
  nextOwner: string;
  owners: string[];
}

/**
 * The quarter after the one in Settings, with its dates: its row of the quarters table, else the
 * three months from the day after the current quarter ends (calendar months on a calendar table; on
 * a fiscal one, the row added for it must not overlap the quarter before).
 */
export function followingQuarter(settings: Settings): { quarter: string; start: Day; end: Day } | undefined {
  const current = parseQuarter(settings.quarter);
  if (!current) return undefined;
  const label = quarterName(nextQuarter(current));
  const row = settings.quarters.find((q) => q.label === label);
  if (row) return { quarter: label, start: row.start, end: row.end };
  const start = settings.quarterEnd + 1;
  return { quarter: label, start, end: addMonths(start, 3) - 1 };
}

/**
 * Every objective of the current quarter, proposed when aspirational and below 0.7 (or without a
 * score) or marked "carry over" in the review.
 *
 * @example
 * carryCandidates(okrs, scores, settings, new Set(["O-2"]))[0] //=> { id: "O-2", proposed: true, reasons: ["carry"], nextOwner: "Sofia", … }
 */
export function carryCandidates(
  okrs: readonly OkrRow[],
  scores: QuarterScores,
  settings: Settings,
  markedCarry: ReadonlySet<string>,
): CarryCandidate[] {
  // Next quarter, this quarter is "last quarter": the rotation rule of Validate (ownerRepeated).
  const rotation = ownerRotation(okrs, settings.quarter);
  return okrs
    .filter((r) => r.quarter === settings.quarter && r.type === "objective" && r.id !== "")
    .map((o): CarryCandidate => {
      const score = scores.byRow.get(o.row)?.score;
      const reasons: CarryReason[] = [];
      if (o.kind === "aspirational" && (score === undefined || score < 0.7)) reasons.push("aspirational");
      if (markedCarry.has(o.id.toLowerCase())) reasons.push("carry");
      const team = rotation.get(o.team.toLowerCase());
      const owners = team?.owners ?? [];
      const nextOwner = team ? rotate(team, o.owner) : o.owner;
      return {
        id: o.id,
        title: o.title,
        team: o.team,
        owner: o.owner,
        kind: o.kind ?? "",
        score: score ?? null,
        reasons,
        proposed: reasons.length > 0,
        nextOwner,
        owners,
      };
    });
}

/**
 * The next owner in the team's order who owned none of its objectives this quarter; when every
 * owner did, the next one in the order (the rule then has no one else to ask for).
 */
function rotate(team: TeamRotation, owner: string): string {
  const { owners } = team;
  const at = owners.findIndex((p) => p.toLowerCase() === owner.toLowerCase());
  for (let step = 1; step <= owners.length; step++) {
    const candidate = owners[(at + step + owners.length) % owners.length]!;
    if (!team.last.has(candidate.toLowerCase())) return candidate;
  }
  return owners[(at + 1) % owners.length] ?? owner;
}

export type NewRow = Record<string, string | number | undefined>;

/**
 * A carried key result's baseline: its last value while that is still short of the target. One that
 * reached or passed its target keeps its baseline: the last value would equal the target (nothing to
 * measure) or pass it (an increase read as a decrease, "stay below" as "stay above").
 *
 * @example
 * carriedBaseline({ baseline: 100, target: 200, current: 180 }) //=> 180
 * carriedBaseline({ baseline: 10, target: 5, current: 5 }) //=> 10
 */
export function carriedBaseline(kr: Pick<OkrRow, "baseline" | "target" | "current">): number | undefined {
  const { baseline, target, current } = kr;
  if (current === undefined || baseline === undefined || target === undefined) return current ?? baseline;
  const short = target > baseline ? current < target : target < baseline && current > target;
  return short ? current : baseline;
}

/**
 * The rows that carry the picked objectives and their key results into the next quarter, with new
 * IDs. A team objective keeps its link only when its company objective is carried too.
 *
 * @example
 * carryOverRows(okrs, [{ id: "O-2", owner: "Sofia" }], "2026-Q4", "2027-Q1", today).map((r) => r.id) //=> ["O-7", "KR-12", "KR-13"]
 */
export function carryOverRows(
  okrs: readonly OkrRow[],
  picks: readonly { id: string; owner: string }[],
  from: string,
  to: string,
  today: Day,
  floor?: HighestIds,
  /** The spreadsheet's ID prefix (Settings): "SALES" issues SALES-O-7. */
  idPrefix = "",
): NewRow[] {
  const highest = highestIds(
    okrs.map((r) => r.id),
    floor,
  );
  let objectiveNumber = highest.objective + 1;
  let krNumber = highest.kr + 1;
  const p = idPrefix ? `${idPrefix}-` : "";
  const current = okrs.filter((r) => r.quarter === from);
  const newIds = new Map<string, string>();
  for (const pick of picks) newIds.set(pick.id, `${p}O-${objectiveNumber++}`);
  const rows: NewRow[] = [];
  for (const pick of picks) {
    const o = current.find((r) => r.id === pick.id && r.type === "objective");
    if (!o) continue;
    rows.push({
      quarter: to,
      id: newIds.get(o.id),
      type: "objective",
      level: o.level,
      team: o.team,
      parent: newIds.get(o.parent) ?? "",
      title: o.title,
      owner: pick.owner,
      kind: o.kind,
      created: today,
      notes: `← ${o.id} (${from})`,
    });
    for (const kr of current.filter((r) => r.type === "kr" && r.parent === o.id)) {
      rows.push({
        quarter: to,
        id: `${p}KR-${krNumber++}`,
        type: "kr",
        team: kr.team,
        parent: newIds.get(o.id),
        title: kr.title,
        owner: kr.owner,
        metric: kr.metric,
        unit: kr.unit,
        baseline: carriedBaseline(kr),
        target: kr.target,
        weight: kr.weight,
        created: today,
        notes: `← ${kr.id} (${from})`,
      });
    }
  }
  return rows;
}
