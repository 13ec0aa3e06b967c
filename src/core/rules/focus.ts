/**
 * Focus: "we had far too many". Limits come from Settings (3 objectives per team, 4 key results
 * per objective by default).
 */
import type { Finding } from "../findings";
import type { Rule } from "./context";

/**
 * More objectives for a team in the quarter than the limit: flagged on each objective past it.
 *
 * @example limit 3, team Sales has 4 objectives → a finding on the 4th: { count: 4, limit: 3 }
 */
export const tooManyObjectives: Rule = (ctx) => {
  const limit = ctx.settings.maxObjectivesPerTeam;
  const byTeam = new Map<string, typeof ctx.objectives>();
  for (const o of ctx.objectives) {
    const key = o.team.toLowerCase();
    byTeam.set(key, [...(byTeam.get(key) ?? []), o]);
  }
  const findings: Finding[] = [];
  for (const list of byTeam.values()) {
    if (list.length <= limit) continue;
    for (const o of list.slice(limit)) {
      findings.push({
        code: "too-many-objectives",
        severity: "warning",
        sheet: "okrs",
        row: o.row,
        params: { team: o.team, quarter: ctx.settings.quarter, count: list.length, limit },
      });
    }
  }
  return findings;
};

/**
 * More key results under one objective than the limit: flagged on the objective.
 *
 * @example limit 4, objective O-1 has 6 → { code: "too-many-krs", objective: "O-1", count: 6, limit: 4 }
 */
export const tooManyKrs: Rule = (ctx) => {
  const limit = ctx.settings.maxKrsPerObjective;
  return ctx.objectives.flatMap((o): Finding[] => {
    const count = ctx.krsByObjective.get(o.id)?.length ?? 0;
    return count > limit
      ? [
          {
            code: "too-many-krs",
            severity: "warning",
            sheet: "okrs",
            row: o.row,
            params: { objective: o.id, count, limit },
          },
        ]
      : [];
  });
};

/**
 * An objective with no key result cannot be measured. Company objectives count the team
 * objectives aligned under them as their measure.
 *
 * @example objective O-2 with nothing under it → { code: "objective-without-krs", objective: "O-2" }
 */
export const objectiveWithoutKrs: Rule = (ctx) => {
  const aligned = new Set(ctx.objectives.map((o) => o.parent).filter((p) => p !== ""));
  return ctx.objectives
    .filter(
      (o) => o.id !== "" && !ctx.krsByObjective.has(o.id) && !(o.level === "company" && aligned.has(o.id)),
    )
    .map((o) => ({
      code: "objective-without-krs",
      severity: "warning",
      sheet: "okrs",
      row: o.row,
      params: { objective: o.id },
    }));
};
