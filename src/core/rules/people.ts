/**
 * Levels and owners: "too many levels" and "about ten owners, rotating each quarter".
 */
import type { Finding } from "../findings";
import { parseQuarter, previousQuarter, quarterName } from "../quarters";
import type { Rule } from "./context";

/**
 * A level outside the allowed set (Company and Team by default).
 *
 * @example level "Individual" → { code: "level-not-allowed", level: "individual", allowed: "company, team" }
 */
export const levelsAllowed: Rule = (ctx) =>
  ctx.current
    .filter((r) => r.level !== undefined && !ctx.settings.allowedLevels.includes(r.level))
    .map((r) => ({
      code: "level-not-allowed",
      severity: "warning",
      sheet: "okrs",
      row: r.row,
      column: "level",
      params: { level: r.level as string, allowed: ctx.settings.allowedLevels.join(", ") },
    }));

/**
 * Every objective has an owner.
 *
 * @example an objective with an empty Owner → { code: "owner-missing" }
 */
export const ownerMissing: Rule = (ctx) =>
  ctx.objectives
    .filter((o) => o.owner === "")
    .map((o) => ({
      code: "owner-missing",
      severity: "warning",
      sheet: "okrs",
      row: o.row,
      column: "owner",
      params: {},
    }));

/**
 * Owners rotate: a note when a team's objective has the same owner as one of that team's objectives
 * last quarter.
 *
 * @example Sales, 2026-Q4, owner Ada; Sales 2026-Q3 also owned by Ada → { code: "owner-repeated" }
 */
export const ownerRepeated: Rule = (ctx) => {
  const quarter = parseQuarter(ctx.settings.quarter);
  if (!quarter) return [];
  const previous = quarterName(previousQuarter(quarter));
  const before = new Set(
    ctx.all
      .filter((r) => r.quarter === previous && r.type === "objective" && r.owner !== "")
      .map((r) => `${r.team.toLowerCase()}\u0000${r.owner.toLowerCase()}`),
  );
  return ctx.objectives.flatMap((o): Finding[] =>
    o.owner !== "" && before.has(`${o.team.toLowerCase()}\u0000${o.owner.toLowerCase()}`)
      ? [
          {
            code: "owner-repeated",
            severity: "info",
            sheet: "okrs",
            row: o.row,
            column: "owner",
            params: { owner: o.owner, previousQuarter: previous },
          },
        ]
      : [],
  );
};
