/**
 * The pure part of the custom formulas that is not already a core function: scoring a whole OKRs
 * column at once (OKRSCORE's column form) and checking one key result's wording (KRCHECK). Both
 * delegate to what the validator and the review use, so a formula and the menu never disagree.
 */
import { describeFinding } from "./describe";
import type { Finding } from "./findings";
import type { Lang } from "./i18n";
import { type KrWording, wordingParams } from "./rules/wording";
import { type RollUpColumns, rollUpScores } from "./quarter-scores";

/**
 * OKRSCORE's column form, its cells already read: row i across the arrays, as the roll-up reads
 * them, each key result's own score under `scores`.
 */
export type ScoreColumns = Omit<RollUpColumns, "krScores"> & {
  /** A key result's own score; undefined when it has none (no current value yet, or a bad value). */
  scores: readonly (number | undefined)[];
};

/**
 * Scores every row of an OKRs column in O(rows), as scoreQuarter does: key results keep their
 * score, an objective is the weighted mean of the key results whose Parent is its ID, and a company
 * objective without any scored key result is the mean of the objectives whose Parent is its ID.
 * The column form has no Level column, so a company objective is recognised as an objective that
 * other objectives name as their Parent.
 *
 * @example
 * scoreColumn({
 *   ids: ["O-1", "O-2", "KR-1", "KR-2", ""],
 *   types: ["objective", "objective", "kr", "kr", undefined],
 *   parents: ["", "O-1", "O-2", "O-2", ""],
 *   scores: [undefined, undefined, 1, 0, undefined],
 *   weights: [undefined, undefined, 3, undefined, undefined],
 * }) //=> [0.75, 0.75, 1, 0, undefined]
 */
export function scoreColumn(columns: ScoreColumns): (number | undefined)[] {
  const { ids, types, parents } = columns;
  const supported = new Set<string>();
  for (let i = 0; i < ids.length; i++) {
    const parent = parents[i];
    if (types[i] === "objective" && parent) supported.add(parent);
  }
  return rollUpScores({ ...columns, krScores: columns.scores }, (i) => supported.has(ids[i] as string))
    .scores;
}

/** KRCHECK's codes, in the order the checks run, and the validator's finding behind each. */
export const KR_CHECKS = [
  { code: "output", finding: "output-not-outcome" },
  { code: "kpi", finding: "kpi-like" },
  { code: "vague", finding: "not-measurable" },
] as const;
export type KrCheckCode = (typeof KR_CHECKS)[number]["code"];

/**
 * The validator's wording findings for one key result, in KRCHECK's order: output, kpi, vague.
 *
 * @example
 * checkKeyResult({ title: "Launch the app", metric: undefined, baseline: undefined, target: undefined })
 * //=> [{ code: "output", finding: { code: "output-not-outcome", severity: "warning", sheet: "okrs", column: "title", params: { words: "launch" } } },
 * //    { code: "vague", finding: { code: "not-measurable", … } }]
 */
export function checkKeyResult(kr: KrWording): { code: KrCheckCode; finding: Finding }[] {
  const found: { code: KrCheckCode; finding: Finding }[] = [];
  const base = { severity: "warning", sheet: "okrs", column: "title" } as const;
  const output = wordingParams.output(kr);
  if (output)
    found.push({ code: "output", finding: { ...base, code: "output-not-outcome", params: output } });
  const kpi = wordingParams.kpi(kr);
  if (kpi) found.push({ code: "kpi", finding: { ...base, code: "kpi-like", params: kpi } });
  const vague = wordingParams.vague(kr);
  if (vague) found.push({ code: "vague", finding: { ...base, code: "not-measurable", params: vague } });
  return found;
}

/**
 * What of a key result's numbers KRCHECK's answer depends on: no target (0), a target equal to the
 * baseline (1), another target (2).
 *
 * @example
 * krCheckVariant(3, 3) //=> 1
 */
export function krCheckVariant(baseline: number | undefined, target: number | undefined): 0 | 1 | 2 {
  return target === undefined ? 0 : baseline === target ? 1 : 2;
}

/**
 * KRCHECK's answer: '' when the key result looks sound, otherwise every problem found as
 * `code: message`, joined with "; " (output, then kpi, then vague), each message the one the
 * validator shows for the same finding (its final period dropped before a "; "). The answer depends
 * only on the findings, so `cache` (one per formula call) lets rows with the same problems share it,
 * and rows with the same title, metric and target skip the reading.
 *
 * @example
 * krCheckText({ title: "Raise NPS from 30 to 45", metric: undefined, baseline: 30, target: 45 }, "en") //=> ""
 * krCheckText({ title: "Keep churn below 2%", metric: undefined, baseline: undefined, target: undefined }, "en")
 * //=> "kpi: Looks like a KPI, not an OKR (keep): it keeps a level instead of changing one. Move it to the KPIs sheet."
 */
export function krCheckText(kr: KrWording, lang: Lang, cache?: Map<string, string>): string {
  // The answer depends only on the title, the metric, whether there is a target and whether it equals
  // the baseline: rows alike (a sheet repeats its titles) take the answer already built.
  const row =
    cache && `\u0002${kr.title}\u0000${kr.metric ?? ""}\u0000${krCheckVariant(kr.baseline, kr.target)}`;
  const again = row === undefined ? undefined : cache?.get(row);
  if (again !== undefined) return again;
  const found = checkKeyResult(kr);
  let text = "";
  if (found.length > 0) {
    let key = "";
    for (const { code, finding } of found)
      key += `${code}\u0000${Object.values(finding.params).join("\u0000")}\u0001`;
    const known = cache?.get(key);
    if (known !== undefined) text = known;
    else {
      for (const { code, finding } of found) {
        if (text) text = `${text.replace(/\.$/, "")}; `;
        text += `${code}: ${describeFinding(finding, lang)}`;
      }
      cache?.set(key, text);
    }
  }
  if (row !== undefined) cache?.set(row, text);
  return text;
}
