/**
 * The KR coach on any text: whatever a user types (casing, spaces, emoji, any script, any digit
 * system, 50,000 characters), reading a key result never throws and gives the same verdict for the
 * same sentence however it is dressed.
 */
import fc from "fast-check";
import { checkKeyResult, krCheckText } from "../../src/core/formulas";
import { readKr } from "../../src/core/kr-reading";
import { readCorpus } from "../../scripts/bench/coach-eval";

const kr = (title: string, baseline?: number, target?: number) => ({
  title,
  metric: undefined,
  baseline,
  target,
});
const codes = (title: string) => checkKeyResult(kr(title)).map((c) => c.code);
const corpus = readCorpus().map((row) => row.text);

const anyText = fc.oneof(
  fc.string({ unit: "grapheme", maxLength: 200 }),
  fc.string({ unit: "binary", maxLength: 200 }),
  fc
    .array(
      fc.constantFrom(...corpus, "🚀", "Ω", "٣٠", "४५", ":", "→", "KR1:", " ", "\n", "X", "%", "de", "from"),
      {
        maxLength: 30,
      },
    )
    .map((parts) => parts.join(" ")),
);

describe("the KR coach on any text", () => {
  it("never throws, and answers in both languages with its own codes only", () => {
    fc.assert(
      fc.property(anyText, fc.option(fc.double(), { nil: undefined }), (title, target) => {
        const found = checkKeyResult(kr(title, undefined, target));
        expect(found.every((f) => ["output", "kpi", "vague"].includes(f.code))).toBe(true);
        for (const lang of ["en", "fr"] as const) {
          const text = krCheckText(kr(title, undefined, target), lang);
          expect(text).not.toMatch(/undefined|NaN|\{\w+\}/);
        }
      }),
      { numRuns: 500 },
    );
  });

  it("reads 50,000 characters without trouble", () => {
    for (const title of [
      "x".repeat(50_000),
      "Launch ".repeat(7_000),
      "٣".repeat(50_000),
      "🚀".repeat(25_000),
      "Increase ".repeat(7_000),
      "from 1 to 2 ".repeat(4_000),
      "Maintenir : 1 ".repeat(4_000),
      `KR1: ${"ab ".repeat(16_000)}`,
    ]) {
      expect(() => krCheckText(kr(title), "fr")).not.toThrow();
    }
    expect(codes(`Increase NPS from 30 to 45 ${"and more ".repeat(5_000)}`)).toEqual([]);
  });

  it("gives the same verdict whatever the casing, the spaces, a list label or an emoji around the sentence", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...corpus),
        fc.constantFrom("upper", "lower", "spaces", "label", "emoji", "bullet"),
        (title, dress) => {
          const dressed =
            dress === "upper"
              ? title.toUpperCase()
              : dress === "lower"
                ? title.toLowerCase()
                : dress === "spaces"
                  ? `  ${title.replace(/ /g, "  ")}\t`
                  : dress === "label"
                    ? `KR2 : ${title}`
                    : dress === "emoji"
                      ? `${title} 🚀`
                      : `- ${title}`;
          expect(codes(dressed)).toEqual(codes(title));
        },
      ),
      { numRuns: 400 },
    );
  });

  it("reads figures in any digit system, and not a year, a quarter or a date", () => {
    const arabic = (text: string) => text.replace(/[0-9]/g, (d) => String.fromCharCode(0x660 + Number(d)));
    const devanagari = (text: string) =>
      text.replace(/[0-9]/g, (d) => String.fromCharCode(0x966 + Number(d)));
    for (const title of corpus) {
      expect(codes(arabic(title))).toEqual(codes(title));
      expect(codes(devanagari(title))).toEqual(codes(title));
    }
    expect(readKr("Win the Belgian market in Q3 2026").figure).toBe(false);
    expect(readKr("Ship the pricing page by 15 March").figure).toBe(false);
    expect(readKr("Publier les résultats d'ici le 7 mars").figure).toBe(false);
    expect(readKr("Install version 10.0 of the package").figure).toBe(false);
    expect(readKr("Increase conversion from X to Y").figure).toBe(true);
    expect(readKr("Doubler le nombre d'inscrits").figure).toBe(true);
  });

  it("calls nothing measurable vague, and a named metric measurable", () => {
    expect(codes("Improve customer happiness")).toEqual(["vague"]);
    expect(codes("Measured by the number of active users")).toEqual([]);
    expect(codes("Mesurés par les erreurs de commande signalées par les clients")).toEqual([]);
    expect(codes("Increase conversion from X to Y")).toEqual([]);
    expect(codes("Increase conversion from x to y")).toEqual([]);
  });

  it("reads a level held to a sign or stated as an average as a KPI, and a level against today's as a change", () => {
    expect(codes("Page load time <2s on every page")).toEqual(["kpi"]);
    expect(codes("Délai de livraison ≤ 48 h")).toEqual(["kpi"]);
    expect(codes("Cinq heures de formation en moyenne")).toEqual(["kpi"]);
    expect(codes("4 tickets per agent on average")).toEqual(["kpi"]);
    expect(codes("Signups per week: 500 (currently 320)")).toEqual([]);
    expect(codes("Achieve >90% of orders shipped the same day")).toEqual([]);
  });

  it("reads counted deliverables and repairs as outputs, and a removal as a measurable change", () => {
    expect(codes("8 nouvelles intégrations livrées")).toEqual(["output"]);
    expect(codes("3 integrations shipped")).toEqual(["output"]);
    expect(codes("Fix the 20 oldest bugs")).toEqual(["output"]);
    expect(codes("Analyse the accounts likely to reach 90 days overdue")).toEqual(["output"]);
    expect(codes("Eliminate manual invoice entry")).toEqual([]);
    expect(codes("Éliminer les doublons de fiches clients")).toEqual([]);
  });
});
