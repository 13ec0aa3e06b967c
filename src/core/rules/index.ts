/**
 * Validation: every rule, run on the parsed sheets. Each rule is a small function with its own
 * doc comment and tests; this module only lists them.
 */
import type { Finding } from "../findings";
import { type RuleContext, ruleContext, type ValidationInput } from "./context";
import { objectiveWithoutKrs, tooManyKrs, tooManyObjectives } from "./focus";
import { levelsAllowed, ownerMissing, ownerRepeated } from "./people";
import {
  checkinKrs,
  duplicateIds,
  parents,
  quarters,
  required,
  targetEqualsBaseline,
  weights,
} from "./structure";
import { addedMidQuarter, stale } from "./time";
import { kpiLike, notMeasurable, objectiveHasNumber, outputNotOutcome } from "./wording";

export type { RuleContext, ValidationInput } from "./context";
export { ruleContext } from "./context";

export const RULES = {
  required,
  duplicateIds,
  parents,
  targetEqualsBaseline,
  weights,
  quarters,
  checkinKrs,
  tooManyObjectives,
  tooManyKrs,
  objectiveWithoutKrs,
  kpiLike,
  outputNotOutcome,
  notMeasurable,
  objectiveHasNumber,
  levelsAllowed,
  ownerMissing,
  ownerRepeated,
  addedMidQuarter,
  stale,
} as const;

const SEVERITY_ORDER = { error: 0, warning: 1, info: 2 } as const;

/** Sorts findings by sheet order, row, then severity, so a list reads top to bottom. */
export function sortFindings(findings: Finding[]): Finding[] {
  const sheetOrder = { okrs: 0, checkins: 1, kpis: 2, settings: 3, guide: 4 } as const;
  return findings.sort(
    (a, b) =>
      sheetOrder[a.sheet] - sheetOrder[b.sheet] ||
      (a.row ?? 0) - (b.row ?? 0) ||
      SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity],
  );
}

/**
 * Runs every rule. Rules never throw on odd data; if one did, validation would still report the
 * others (a bug in one heuristic must not hide every other finding).
 */
export function validate(input: ValidationInput | RuleContext): Finding[] {
  const ctx = "byId" in input ? input : ruleContext(input);
  const findings: Finding[] = [];
  for (const rule of Object.values(RULES)) findings.push(...rule(ctx));
  return sortFindings(findings);
}
