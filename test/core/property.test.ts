import fc from "fast-check";
import { analyze, band, type RawCell, krScore, objectiveScore, OKRS, parseNumber } from "../../src/core";
import { day } from "../helpers/grids";

/** The hostile cells of DESIGN.md §7. */
const HOSTILE: RawCell[] = [
  "=1+1",
  "+1",
  "-1+1",
  "@SUM(A1)",
  "\t=1+1",
  "  =1",
  '=IMPORTXML("http://x","//a")',
  "'=1",
  "1,5",
  "1.5",
  "10%",
  "03/04/2025",
  true,
  false,
  "TRUE",
  "",
  "   ",
  "#N/A",
  1.2345678901234568e29, // a 30-digit number, as Sheets stores it
  "123456789012345678901234567890",
  "1e309",
  "NaN",
  NaN,
  Infinity,
  "x".repeat(50_000),
  "🚀📈",
  "مرحبا",
  "a\u200bb",
  "\u200b",
  new Date(2026, 9, 1),
  new Date(Number.NaN),
  null,
  undefined,
  -0,
  0,
  1,
  "Objective",
  "Key result",
  "KR",
  "Résultat clé",
  "2026-Q4",
  "O-1",
];

const cell = fc.oneof(
  fc.constantFrom(...HOSTILE),
  fc.string(),
  fc.double(),
  fc.integer(),
  fc.boolean(),
  fc.date(),
);
const line = fc.array(cell, { minLength: 0, maxLength: OKRS.columns.length + 2 });
const headers = fc.shuffledSubarray(
  OKRS.columns.flatMap((c) => [c.header.en, c.header.fr.toUpperCase()]),
  { minLength: 0 },
);
const grid = fc
  .tuple(headers, fc.array(line, { maxLength: 25 }))
  .map(([h, rows]) => [h as RawCell[], ...rows]);

describe("on any grid of hostile cells", () => {
  it("analyze never throws, and every score is in [0, 1] or empty, never NaN", () => {
    fc.assert(
      fc.property(grid, grid, (okrs, checkins) => {
        const result = analyze({ okrs, checkins, settings: okrs }, day("2026-11-26"), "Europe/Brussels");
        for (const { score } of result.scores.byRow.values()) {
          if (score !== undefined) expect(score >= 0 && score <= 1).toBe(true);
        }
        for (const f of result.findings) {
          for (const value of Object.values(f.params)) {
            if (typeof value === "number") expect(Number.isFinite(value)).toBe(true);
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it("parseNumber returns a finite number or a reason", () => {
    fc.assert(
      fc.property(cell, (value) => {
        const parsed = parseNumber(value);
        if (parsed.ok) expect(Number.isFinite(parsed.value)).toBe(true);
      }),
    );
  });

  it("krScore is in [0, 1] or not a score, for any numbers", () => {
    const n = fc.double({ noNaN: false });
    fc.assert(
      fc.property(
        n,
        n,
        fc.option(n, { nil: undefined }),
        fc.constantFrom("increase", "decrease", "milestone", "threshold" as const),
        (baseline, target, current, metric) => {
          const result = krScore({ baseline, target, current, metric });
          if (result.kind === "score") {
            expect(result.score >= 0 && result.score <= 1).toBe(true);
            expect(["red", "yellow", "green"]).toContain(band(result.score));
          }
        },
      ),
    );
  });

  it("an objective's score is in [0, 1] or empty", () => {
    const kr = fc.record({
      score: fc.option(fc.double(), { nil: undefined }),
      weight: fc.option(fc.double(), { nil: undefined }),
    });
    fc.assert(
      fc.property(fc.array(kr), (krs) => {
        const { score } = objectiveScore(krs);
        if (score !== undefined) expect(score >= 0 && score <= 1).toBe(true);
      }),
    );
  });
});
