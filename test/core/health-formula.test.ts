/**
 * OKRHEALTH on the values Sheets passes (src/core/health-formula.ts): the figure found by names,
 * or a message in the spreadsheet's language naming the argument at fault.
 */
import type { FormulaHost } from "../../src/core/formula-call";
import { okrHealthFormula } from "../../src/core/health-formula";

/** A Practice health sheet as its cells come: a block for all teams, then one for Sales. */
const TABLE = [
  ["All teams", "Healthy", "2026-Q3", "2026-Q4"],
  ["Focus", "3 to 5", 0.5, 0.75],
  ["Check-in regularity", "80%", "", 0.43],
  ["", "", "", ""],
  ["Team: Sales", "Healthy", "2026-Q3", "2026-Q4"],
  ["Focus", "3 to 5", 1, 0.25],
];

const host = (locale: string): FormulaHost => ({ locale: () => locale, timeZone: () => "UTC" });
const message = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    return (error as Error).message;
  }
  return "no error";
};

describe("okrHealthFormula", () => {
  it("finds a signal by its name in either language, for all teams or a team, a range standing for a value", () => {
    expect(okrHealthFormula(host("en_US"), TABLE, "Check-in regularity", "2026-Q4")).toBe(0.43);
    expect(okrHealthFormula(host("en_US"), TABLE, "Régularité des points", "2026-Q4")).toBe(0.43);
    expect(okrHealthFormula(host("en_US"), TABLE, [["Focus"]], "2026-Q4", [["Sales"]])).toBe(0.25);
    expect(okrHealthFormula(host("en_US"), TABLE, "Check-in regularity", "2026-Q3")).toBe("");
  });

  it("names the unknown signal and lists the known ones, in the spreadsheet's language", () => {
    expect(message(() => okrHealthFormula(host("en_US"), TABLE, "Happiness", "2026-Q4"))).toBe(
      'OKRHEALTH: unknown signal "Happiness"; one of Focus, Outcome share, KPI leakage, Check-in regularity, End-of-quarter rush, Scope churn, Owner continuity, Average score, Carry-over.',
    );
    expect(message(() => okrHealthFormula(host("fr_FR"), TABLE, "Bonheur", "2026-Q4"))).toMatch(
      /^OKRHEALTH : signal inconnu « Bonheur » ; l'un de Focus, Part de résultats, /,
    );
  });

  it("says which quarter or team the sheet lacks, and when the table is not the Practice health sheet", () => {
    expect(message(() => okrHealthFormula(host("en_US"), TABLE, "Focus", "2025-Q1"))).toBe(
      'OKRHEALTH: no quarter "2025-Q1" in the Practice health sheet.',
    );
    expect(message(() => okrHealthFormula(host("en_US"), TABLE, "Focus", "2026-Q4", "Legal"))).toBe(
      'OKRHEALTH: no team "Legal" in the Practice health sheet.',
    );
    expect(message(() => okrHealthFormula(host("en_US"), "x", "Focus", "2026-Q4"))).toMatch(
      /^OKRHEALTH: the first argument must be the Practice health sheet's cells \(OKR › Practice health makes it\)/,
    );
  });

  it("answers in English when the spreadsheet's locale cannot be read", () => {
    const broken: FormulaHost = {
      locale: () => {
        throw new Error("no access");
      },
      timeZone: () => "UTC",
    };
    expect(message(() => okrHealthFormula(broken, TABLE, "Focus", "2025-Q1"))).toBe(
      'OKRHEALTH: no quarter "2025-Q1" in the Practice health sheet.',
    );
  });
});
