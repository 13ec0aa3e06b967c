/**
 * Wording: the lessons about what a key result is. Word lists live in ../wording.ts.
 */
import type { Finding } from "../findings";
import type { OkrRow } from "../parse";
import { hasNumber, maintainWords, objectiveNumbers, outputWords } from "../wording";
import type { Rule } from "./context";

/** What the wording rules look at in one key result (KRCHECK passes the same from a formula). */
export type KrWording = Pick<OkrRow, "title" | "metric" | "baseline" | "target">;

/**
 * Why one key result looks like a KPI, if it does: a threshold metric, a target equal to the
 * baseline, or wording such as keep, maintain, maintenir, rester au-dessus.
 *
 * @example
 * kpiLikeWords({ title: "Keep churn below 2%", metric: "decrease", baseline: 3, target: 2 }) //=> "keep"
 */
export function kpiLikeWords(kr: KrWording): string | undefined {
  const found: string[] = [];
  const wording = maintainWords(kr.title);
  if (wording) found.push(wording.words);
  if (kr.metric === "threshold") found.push("threshold");
  else if (kr.baseline !== undefined && kr.baseline === kr.target) found.push("target = baseline");
  return found.length ? found.join(", ") : undefined;
}

/**
 * Why one key result looks like an output, if it does: worded as an activity or deliverable, or
 * measured as a milestone.
 *
 * @example
 * outputNotOutcomeWords({ title: "Launch the new onboarding", metric: undefined, baseline: undefined, target: undefined }) //=> "launch"
 */
export function outputNotOutcomeWords(kr: KrWording): string | undefined {
  const found: string[] = [];
  const wording = outputWords(kr.title);
  if (wording) found.push(wording.words);
  if (kr.metric === "milestone") found.push("milestone");
  return found.length ? found.join(", ") : undefined;
}

/**
 * True when one key result has nothing measurable: no figure in its text and no target.
 *
 * @example
 * isNotMeasurable({ title: "Improve customer happiness", metric: undefined, baseline: undefined, target: undefined }) //=> true
 */
export function isNotMeasurable(kr: KrWording): boolean {
  return kr.title !== "" && !hasNumber(kr.title) && kr.target === undefined;
}

/**
 * A key result that only maintains a level is a KPI, not an OKR (see kpiLikeWords).
 *
 * @example "Keep churn below 2%" → { code: "kpi-like", words: "keep" }
 */
export const kpiLike: Rule = (ctx) =>
  ctx.krs.flatMap((kr): Finding[] => {
    const words = kpiLikeWords(kr);
    return words === undefined
      ? []
      : [
          {
            code: "kpi-like",
            severity: "warning",
            sheet: "okrs",
            row: kr.row,
            column: "title",
            params: { words },
          },
        ];
  });

/**
 * A key result worded as an activity or deliverable, or measured as a milestone, is an output, not
 * an outcome (see outputNotOutcomeWords).
 *
 * @example "Launch the new onboarding" → { code: "output-not-outcome", words: "launch" }
 */
export const outputNotOutcome: Rule = (ctx) =>
  ctx.krs.flatMap((kr): Finding[] => {
    const words = outputNotOutcomeWords(kr);
    return words === undefined
      ? []
      : [
          {
            code: "output-not-outcome",
            severity: "warning",
            sheet: "okrs",
            row: kr.row,
            column: "title",
            params: { words },
          },
        ];
  });

/**
 * A key result with nothing measurable: no figure in its text and no target (see isNotMeasurable).
 *
 * @example "Improve customer happiness" with an empty Target → { code: "not-measurable" }
 */
export const notMeasurable: Rule = (ctx) =>
  ctx.krs.filter(isNotMeasurable).map((kr) => ({
    code: "not-measurable",
    severity: "warning",
    sheet: "okrs",
    row: kr.row,
    column: "title",
    params: {},
  }));

/**
 * Objectives are qualitative; the number belongs in a key result. Years and quarters are fine.
 *
 * @example "Reach 1M€ revenue" → { code: "objective-has-number", words: "1M€" }
 */
export const objectiveHasNumber: Rule = (ctx) =>
  ctx.objectives.flatMap((o): Finding[] => {
    const found = objectiveNumbers(o.title);
    return found
      ? [
          {
            code: "objective-has-number",
            severity: "info",
            sheet: "okrs",
            row: o.row,
            column: "title",
            params: { words: found.words },
          },
        ]
      : [];
  });
