/**
 * Wording: the lessons about what a key result is. Word lists live in ../kr-words.ts.
 */
import type { Finding } from "../findings";
import type { OkrRow } from "../parse";
import { readKr } from "../kr-reading";
import { objectiveNumbers } from "../kr-sentence";
import { onCell, type Rule } from "./context";

/** What the wording rules look at in one key result (KRCHECK passes the same from a formula). */
export type KrWording = Pick<OkrRow, "title" | "metric" | "baseline" | "target">;

/**
 * Why one key result looks like a KPI, if it does: a threshold metric, a target equal to the
 * baseline, or wording that keeps a level (keep, maintenir, "Hold churn at 2%"), reads one ("Uptime:
 * 99.9%"), guards one ("Aucun incident majeur") or bounds one ("Less than 2 bugs") without a change.
 *
 * @example
 * kpiLikeWords({ title: "Keep churn below 2%", metric: "decrease", baseline: 3, target: 2 }) //=> "keep"
 */
export function kpiLikeWords(kr: KrWording): string | undefined {
  return kpiLike_(kr)?.words;
}

function kpiLike_(kr: KrWording): { words: string; metric?: string } | undefined {
  const { kpi } = readKr(kr.title);
  const targetIsBaseline = kr.baseline !== undefined && kr.baseline === kr.target;
  const measure =
    kr.metric === "threshold" ? "threshold" : targetIsBaseline ? "target = baseline" : undefined;
  return because([kpi?.words, measure], kpi?.metric ? { metric: kpi.metric } : {});
}

/**
 * Why one key result looks like an output, if it does: worded as an activity or a deliverable
 * ("Launch…", "Lancez…", "Mise en place de…", "100 calls", "Refonte terminée"), or measured as a
 * milestone. Not when a purpose clause carries the change ("Ship the checkout to raise conversion by 10%").
 *
 * @example
 * outputNotOutcomeWords({ title: "Launch the new onboarding", metric: undefined, baseline: undefined, target: undefined }) //=> "launch"
 */
export function outputNotOutcomeWords(kr: KrWording): string | undefined {
  return outputNotOutcome_(kr)?.words;
}

function outputNotOutcome_(kr: KrWording): { words: string; object?: string } | undefined {
  const { output } = readKr(kr.title);
  const measure = kr.metric === "milestone" ? "milestone" : undefined;
  return because([output?.words, measure], output?.object ? { object: output.object } : {});
}

/**
 * A wording finding's params: what gave it away (in the title, then in how it is measured), joined,
 * with the detail its advice quotes; undefined when nothing did.
 */
function because<D extends object>(
  reasons: (string | undefined)[],
  detail: D,
): ({ words: string } & D) | undefined {
  const found = reasons.filter((reason): reason is string => reason !== undefined);
  return found.length ? { words: found.join(", "), ...detail } : undefined;
}

/**
 * True when one key result has nothing measurable: no figure, no placeholder (X, Y, N), no target
 * and no named metric ("Measured by…"), and it is not already an output or a KPI, whose advice fits better.
 *
 * @example
 * isNotMeasurable({ title: "Improve customer happiness", metric: undefined, baseline: undefined, target: undefined }) //=> true
 */
export function isNotMeasurable(kr: KrWording): boolean {
  if (kr.title === "" || kr.target !== undefined) return false;
  const reading = readKr(kr.title);
  return (
    !reading.figure && !reading.namesMetric && !reading.output && !reading.kpi && kr.metric !== "milestone"
  );
}

/** The rewrite hint's pieces for a vague key result: its verb of change and what it changes. */
function vagueParams(kr: KrWording): { verb?: string; object?: string } {
  const change = readKr(kr.title).change;
  return change?.object ? { verb: change.verb, object: change.object } : {};
}

/** The params of each wording finding for one key result, or undefined when it does not apply. */
export const wordingParams = {
  kpi: kpiLike_,
  output: outputNotOutcome_,
  vague: (kr: KrWording) => (isNotMeasurable(kr) ? vagueParams(kr) : undefined),
};

/**
 * A key result that only maintains a level is a KPI, not an OKR (see kpiLikeWords).
 *
 * @example "Keep churn below 2%" → { code: "kpi-like", words: "keep" }
 */
export const kpiLike: Rule = (ctx) =>
  ctx.krs.flatMap((kr) => {
    const params = kpiLike_(kr);
    return params ? [onCell(kr, "title", "kpi-like", "warning", params)] : [];
  });

/**
 * A key result worded as an activity or deliverable, or measured as a milestone, is an output, not
 * an outcome (see outputNotOutcomeWords).
 *
 * @example "Launch the new onboarding" → { code: "output-not-outcome", words: "launch" }
 */
export const outputNotOutcome: Rule = (ctx) =>
  ctx.krs.flatMap((kr) => {
    const params = outputNotOutcome_(kr);
    return params ? [onCell(kr, "title", "output-not-outcome", "warning", params)] : [];
  });

/**
 * A key result with nothing measurable: no figure, placeholder, target or named metric (see isNotMeasurable).
 *
 * @example "Improve customer happiness" with an empty Target → { code: "not-measurable" }
 */
export const notMeasurable: Rule = (ctx) =>
  ctx.krs
    .filter(isNotMeasurable)
    .map((kr) => onCell(kr, "title", "not-measurable", "warning", vagueParams(kr)));

/**
 * Objectives are qualitative; the number belongs in a key result. Years and quarters are fine.
 *
 * @example "Reach 1M€ revenue" → { code: "objective-has-number", words: "1M€" }
 */
export const objectiveHasNumber: Rule = (ctx) =>
  ctx.objectives.flatMap((o): Finding[] => {
    const found = objectiveNumbers(o.title);
    return found ? [onCell(o, "title", "objective-has-number", "info", { words: found.words })] : [];
  });
