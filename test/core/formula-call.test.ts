/**
 * The custom formulas' argument handling, without Apps Script: the spreadsheet comes through a
 * FormulaHost. (test/e2e/formulas.test.ts runs the same formulas through dist/Code.js.)
 */
import type { FormulaHost } from "../../src/core/formula-call";
import {
  krScoreFormula,
  okrPaceFormula,
  okrScoreFormula,
  okrStatusFormula,
} from "../../src/core/formula-functions";

/** A spreadsheet's locale and time zone, counting how often each is read. */
function host(locale: string, timeZone = "Europe/Brussels") {
  const reads = { locale: 0, timeZone: 0 };
  const api: FormulaHost = {
    locale: () => {
      reads.locale++;
      return locale;
    },
    timeZone: () => {
      reads.timeZone++;
      return timeZone;
    },
  };
  return { api, reads };
}

const failing: FormulaHost = {
  locale: () => {
    throw new Error("no spreadsheet");
  },
  timeZone: () => {
    throw new Error("no spreadsheet");
  },
};

describe("a custom formula's call", () => {
  it("answers in the spreadsheet locale's language, naming the formula and the argument", () => {
    expect(() => krScoreFormula(host("fr_FR").api, "abc", 10, 5)).toThrow(
      "KRSCORE : l'argument « valeur de départ » doit être un nombre, reçu « abc ».",
    );
    expect(() => krScoreFormula(host("en_US").api, "abc", 10, 5)).toThrow(
      'KRSCORE: baseline must be a number, got "abc".',
    );
  });

  it("answers in English when the spreadsheet cannot be read, rather than failing", () => {
    expect(krScoreFormula(failing, 0, 10, 5)).toBe(0.5);
    expect(() => krScoreFormula(failing, "", 10, 5)).toThrow("KRSCORE: baseline is required.");
  });

  it("gives a bad row of a range its message and scores the others", () => {
    expect(krScoreFormula(host("en").api, [[0], ["x"], [0]], [[10], [10], [10]], [[5], [5], [""]])).toEqual([
      [0.5],
      ['KRSCORE: baseline must be a number, got "x".'],
      [""],
    ]);
  });

  it("reads the time zone only for a Date, once per call", () => {
    const text = host("en");
    expect(okrPaceFormula(text.api, "2026-10-01", "2026-12-31", "2026-11-15")).toBeCloseTo(45 / 91, 2);
    expect(text.reads.timeZone).toBe(0);
    const dates = host("en", "UTC");
    const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
    const starts = [[day("2026-10-01")], [day("2026-10-01")]];
    okrStatusFormula(dates.api, [[0.5], [0.1]], starts, [["2026-12-31"], ["2026-12-31"]], "2026-11-15");
    expect(dates.reads).toEqual({ locale: 1, timeZone: 1 });
  });

  it("scores OKRs columns with their header row, objectives from their key results", () => {
    const col = (...values: unknown[]) => values.map((v) => [v]) as never;
    const answer = okrScoreFormula(
      host("en").api,
      col("ID", "O-1", "KR-1", "KR-2", ""),
      col("Type", "Objective", "Key result", "Key result", ""),
      col("Parent", "", "O-1", "O-1", ""),
      col("Baseline", "", 0, 0, ""),
      col("Target", "", 10, 10, ""),
      col("Current", "", 10, "ten", ""),
      col("Metric", "", "Increase", "", ""),
      col("Weight", "", 1, "", ""),
    );
    // KR-2's bad current value leaves it without a score (Validate names it), not the objective.
    expect(answer).toEqual([["Score"], [1], [1], [""], [""]]);
  });
});
