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
// Corpus: 369 key results from 100 public sources, 148 of them French (40%), 62 held out; the second
// pass added 69 (28 French, 15 sources) at once and the hash chose their split. Precision/recall on
// weak key results, on that corpus, before → after the rules of that pass (a subject opens its clause,
// participles of activity verbs state a thing done, counts of things done, "hold" an event or a level,
// "double" as an adjective): en tuning 0.99/0.90 → 0.99/0.93, held out 1.00/0.86 → 1.00/0.86;
// fr tuning 0.97/0.88 → 0.97/0.92, held out 0.90/0.90 → 0.90/0.90. The held-out parts are small
// (22 and 10 weak key results): one miss more moves them by 0.05 to 0.10.
const FLOORS: Record<Figures["lang"], Record<Figures["split"], { precision: number; recall: number }>> = {
  en: { tuning: { precision: 0.98, recall: 0.92 }, "held-out": { precision: 0.99, recall: 0.85 } },
  fr: { tuning: { precision: 0.96, recall: 0.91 }, "held-out": { precision: 0.89, recall: 0.89 } },
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
