/**
 * Levels and owners: "too many levels" and "about ten owners, rotating each quarter".
 */
import type { Finding } from "../findings";
import { parseQuarter, previousQuarter, quarterName } from "../quarters";
import type { OkrRow } from "../parse";
import { onCell, type Rule } from "./context";

/**
 * A level outside the allowed set (Company and Team by default).
 *
 * @example level "Individual" → { code: "level-not-allowed", level: "individual", allowed: "company, team" }
 */
export const levelsAllowed: Rule = (ctx) =>
  ctx.current
    .filter((r) => r.level !== undefined && !ctx.settings.allowedLevels.includes(r.level))
    .map((r) =>
      onCell(r, "level", "level-not-allowed", "warning", {
        level: r.level as string,
        allowed: ctx.settings.allowedLevels.join(", "),
      }),
    );

/**
 * Every objective has an owner.
 *
 * @example an objective with an empty Owner → { code: "owner-missing" }
 */
export const ownerMissing: Rule = (ctx) =>
  ctx.objectives.filter((o) => o.owner === "").map((o) => onCell(o, "owner", "owner-missing", "warning", {}));

/**
 * Owners rotate: a note when a team's objective has the same owner as one of that team's objectives
 * last quarter, while the team has another owner (one who owned none of them) to hand it to. Start
 * next quarter proposes owners by the same rule (carryCandidates), so it never proposes a flagged one.
 *
 * @example Sales, 2026-Q4, owner Ada; Sales 2026-Q3 also owned by Ada; Ben owned a Sales objective in 2026-Q2 → { code: "owner-repeated" }
 */
export const ownerRepeated: Rule = (ctx) => {
  const quarter = parseQuarter(ctx.settings.quarter);
  if (!quarter) return [];
  const previous = quarterName(previousQuarter(quarter));
  const rotation = ownerRotation(ctx.all, previous);
  return ctx.objectives.flatMap((o): Finding[] => {
    const team = rotation.get(o.team.toLowerCase());
    const repeated = o.owner !== "" && team?.last.has(o.owner.toLowerCase());
    return repeated && team!.fresh.length > 0
      ? [onCell(o, "owner", "owner-repeated", "info", { owner: o.owner, previousQuarter: previous })]
      : [];
  });
};

/** Per team (lower-cased): who owned its objectives last quarter, and its other owners, in order. */
export interface TeamRotation {
  /** Every owner of the team's objectives, any quarter, in the order they first appear. */
  owners: string[];
  /** Lower-cased owners of the team's objectives in the quarter before. */
  last: Set<string>;
  /** The owners who owned none of them: the ones a rotation hands objectives to. */
  fresh: string[];
}

export function ownerRotation(all: readonly OkrRow[], lastQuarter: string): Map<string, TeamRotation> {
  const teams = new Map<string, TeamRotation>();
  for (const row of all) {
    if (row.type !== "objective" || !row.owner) continue;
    const key = row.team.toLowerCase();
    const team = teams.get(key) ?? { owners: [], last: new Set<string>(), fresh: [] };
    teams.set(key, team);
    if (!team.owners.some((o) => o.toLowerCase() === row.owner.toLowerCase())) team.owners.push(row.owner);
    if (row.quarter === lastQuarter) team.last.add(row.owner.toLowerCase());
  }
  for (const team of teams.values()) team.fresh = team.owners.filter((o) => !team.last.has(o.toLowerCase()));
  return teams;
}
