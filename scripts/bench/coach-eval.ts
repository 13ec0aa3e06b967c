/**
 * How well the KR coach (the wording rules behind KRCHECK, Validate and the wizard) tells weak key
 * results from sound ones, on the labelled corpus test/fixtures/kr-corpus.tsv: key results quoted from
 * public OKR guides, each labelled outcome, output, kpi or vague. A fifth of it, chosen by a hash of
 * the text, is held out: scored, never tuned on. The evaluation test (test/core/coach-eval.test.ts)
 * and `npm run bench` both print these figures; the predictions come from KRCHECK in the built bundle.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";

export const LABELS = ["outcome", "output", "kpi", "vague"] as const;
export type Label = (typeof LABELS)[number];
/** KRCHECK's codes, which are the weak labels. */
export const CODES = ["output", "kpi", "vague"] as const;
export type Code = (typeof CODES)[number];
export type Split = "tuning" | "held-out";

export interface CorpusRow {
  text: string;
  lang: "en" | "fr";
  label: Label;
  source: string;
  split: Split;
}

export const CORPUS = join(__dirname, "..", "..", "test", "fixtures", "kr-corpus.tsv");

/** FNV-1a of the text: the same fifth is held out on every machine and after every edit elsewhere. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

/** The corpus, one row per key result ('#' lines and the header skipped). */
export function readCorpus(path = CORPUS): CorpusRow[] {
  const rows: CorpusRow[] = [];
  for (const line of readFileSync(path, "utf8").split("\n")) {
    if (line === "" || line.startsWith("#") || line.startsWith("text\t")) continue;
    const [text = "", lang, label = "", source] = line.split("\t");
    if (!source || (lang !== "en" && lang !== "fr") || !(LABELS as readonly string[]).includes(label))
      throw new Error(`kr-corpus.tsv: bad line: ${line}`);
    rows.push({
      text,
      lang,
      label: label as Label,
      source,
      split: hash(text) % 5 === 0 ? "held-out" : "tuning",
    });
  }
  return rows;
}

/** The codes in one KRCHECK answer ("output: …; vague: …" → ["output", "vague"]). */
export function codesOf(answer: unknown): Code[] {
  const text = String(answer ?? "");
  return CODES.filter((code) => new RegExp(`(^|; )${code}: `).test(text));
}

/**
 * Each row's KRCHECK codes, from one column call per language (`krcheck` runs KRCHECK of the built
 * bundle in that language's spreadsheet), as a sheet computes them.
 */
export function coachCodes(
  rows: CorpusRow[],
  krcheck: (lang: CorpusRow["lang"], column: string[][]) => unknown[][],
): Code[][] {
  const codes: Code[][] = rows.map(() => []);
  for (const lang of ["en", "fr"] as const) {
    const index = rows.flatMap((row, i) => (row.lang === lang ? [i] : []));
    const answers = krcheck(
      lang,
      index.map((i) => [rows[i]!.text]),
    );
    index.forEach((i, k) => (codes[i] = codesOf(answers[k]?.[0])));
  }
  return codes;
}

export interface Score {
  n: number;
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
}

const score = (pairs: { truth: boolean; said: boolean }[]): Score => {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const { truth, said } of pairs) {
    if (truth && said) tp++;
    else if (said) fp++;
    else if (truth) fn++;
  }
  // No warning at all is perfectly precise; nothing to find is perfectly recalled.
  return {
    n: pairs.length,
    tp,
    fp,
    fn,
    precision: tp + fp ? tp / (tp + fp) : 1,
    recall: tp + fn ? tp / (tp + fn) : 1,
  };
};

export interface Figures {
  lang: "en" | "fr";
  split: Split;
  /** Weak key results (output, kpi or vague) against sound ones (outcome): any code counts. */
  weak: Score;
  /** Each code against its own label. */
  codes: Record<Code, Score>;
}

/** Precision and recall per language and split, from each row's KRCHECK codes. */
export function evaluate(rows: CorpusRow[], codes: Code[][]): Figures[] {
  const figures: Figures[] = [];
  for (const lang of ["en", "fr"] as const)
    for (const split of ["tuning", "held-out"] as const) {
      const part = rows.flatMap((row, i) =>
        row.lang === lang && row.split === split ? [{ row, said: codes[i] ?? [] }] : [],
      );
      figures.push({
        lang,
        split,
        weak: score(part.map(({ row, said }) => ({ truth: row.label !== "outcome", said: said.length > 0 }))),
        codes: Object.fromEntries(
          CODES.map((code) => [
            code,
            score(part.map(({ row, said }) => ({ truth: row.label === code, said: said.includes(code) }))),
          ]),
        ) as Record<Code, Score>,
      });
    }
  return figures;
}

const pct = (x: number) => x.toFixed(2);

/** The figures as a table, one line per language and split. */
export function figuresTable(figures: Figures[]): string {
  const header = ["lang", "split", "KRs", "weak P", "weak R", ...CODES.flatMap((c) => [`${c} P`, `${c} R`])];
  const lines = figures.map((f) => [
    f.lang,
    f.split,
    String(f.weak.n),
    pct(f.weak.precision),
    pct(f.weak.recall),
    ...CODES.flatMap((c) => [pct(f.codes[c].precision), pct(f.codes[c].recall)]),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => (l[i] ?? "").length)));
  const fmt = (cells: string[]) =>
    cells.map((c, i) => (i < 2 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join("  ");
  return [fmt(header), widths.map((w) => "─".repeat(w)).join("  "), ...lines.map(fmt)].join("\n");
}

/** The corpus's size, French share and sources, for the report. */
export function corpusSummary(rows: CorpusRow[]): string {
  const fr = rows.filter((r) => r.lang === "fr").length;
  const held = rows.filter((r) => r.split === "held-out").length;
  const sources = new Set(rows.map((r) => r.source)).size;
  const byLabel = LABELS.map((l) => `${l} ${rows.filter((r) => r.label === l).length}`).join(", ");
  return `${rows.length} key results (${fr} French, ${((100 * fr) / rows.length).toFixed(0)}%; ${held} held out), ${byLabel}, from ${sources} sources`;
}
