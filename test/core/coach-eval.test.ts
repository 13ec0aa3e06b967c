/**
 * The KR coach measured on real key results (test/fixtures/kr-corpus.tsv, quoted from public OKR
 * guides in English and French): KRCHECK of the built bundle over the whole corpus in one call, in
 * each language's spreadsheet locale. Prints precision and recall on weak key results and per code,
 * on the tuning part and the held-out fifth, and fails below floors set just under what the rules reach.
 */
import { loadAddon } from "../../dev/loader";
import {
  coachCodes,
  corpusSummary,
  evaluate,
  type Figures,
  figuresTable,
  readCorpus,
} from "../../scripts/bench/coach-eval";

const rows = readCorpus();
const addon = {
  en: loadAddon({ locale: "en_US" }),
  fr: loadAddon({ locale: "fr_FR" }),
};
const figures = evaluate(
  rows,
  coachCodes(rows, (lang, column) => addon[lang].run<unknown[][]>("KRCHECK", column)),
);
const of = (lang: Figures["lang"], split: Figures["split"]) =>
  figures.find((f) => f.lang === lang && f.split === split) as Figures;

/** Floors on weak key results, just under what the rules reach (aim: precision ≥ 0.90, recall ≥ 0.80). */
// On the 300-row corpus, before the last rules (comparison-sign readings, averages, counted
// deliverables, baselines, removal verbs, complements of "likely to"): en 0.95/0.87 tuning,
// 1.00/0.80 held out; fr 0.98/0.81 tuning, 0.86/0.86 held out (precision/recall on weak key results).
// The held-out parts are small (31 and 13 key results): one miss more moves them by a tenth or more.
const FLOORS: Record<Figures["lang"], Record<Figures["split"], { precision: number; recall: number }>> = {
  en: { tuning: { precision: 0.97, recall: 0.89 }, "held-out": { precision: 0.95, recall: 0.79 } },
  fr: { tuning: { precision: 0.99, recall: 0.93 }, "held-out": { precision: 0.85, recall: 0.85 } },
};

describe("the KR coach on the labelled corpus", () => {
  it("is a corpus of distinct, cited key results, 40% or more of them French, a fifth held out", () => {
    console.log(`KR coach corpus: ${corpusSummary(rows)}\n\n${figuresTable(figures)}`);
    expect(rows.length).toBeGreaterThanOrEqual(300);
    expect(rows.every((row) => /^https:\/\//.test(row.source))).toBe(true);
    expect(new Set(rows.map((row) => row.text)).size).toBe(rows.length);
    expect(rows.filter((row) => row.lang === "fr").length / rows.length).toBeGreaterThanOrEqual(0.4);
    const held = rows.filter((row) => row.split === "held-out").length / rows.length;
    expect(held).toBeGreaterThan(0.12);
    expect(held).toBeLessThan(0.28);
  });

  it.each([
    ["en", "tuning"],
    ["en", "held-out"],
    ["fr", "tuning"],
    ["fr", "held-out"],
  ] as const)("finds weak key results in %s (%s) above its floor", (lang, split) => {
    const { weak } = of(lang, split);
    const floor = FLOORS[lang][split];
    expect(weak.precision).toBeGreaterThanOrEqual(floor.precision);
    expect(weak.recall).toBeGreaterThanOrEqual(floor.recall);
  });
});
