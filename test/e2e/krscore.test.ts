import { loadAddon } from "../../dev/loader";

describe("KRSCORE from the built bundle", () => {
  const addon = loadAddon({ locale: "en" });
  const KRSCORE = (...args: unknown[]) => addon.run("KRSCORE", ...args);

  it("scores single values", () => {
    expect(KRSCORE(100, 200, 150)).toBe(0.5);
    expect(KRSCORE(40, 20, 30)).toBe(0.5);
  });

  it("accepts numbers written as text", () => {
    expect(KRSCORE("0", "10", "2,5")).toBe(0.25);
    expect(KRSCORE(0, "100%", "15%")).toBeCloseTo(0.15);
  });

  it("gives no score, not 0, without a current value", () => {
    expect(KRSCORE(0, 10, "")).toBe("");
  });

  it("scores a 2-D range row by row", () => {
    expect(KRSCORE([[0], [40], [0]], [[10], [20], [10]], [[5], [30], [""]])).toEqual([[0.5], [0.5], [""]]);
  });

  it("broadcasts a single value against a range", () => {
    expect(KRSCORE(0, 10, [[0], [10], [20]])).toEqual([[0], [1], [1]]);
  });

  it("refuses ranges of different shapes with a clear message", () => {
    expect(() => KRSCORE([[0], [0]], [[1], [1], [1]], 1)).toThrow(
      "KRSCORE: target must have the same shape as baseline (2×1).",
    );
  });

  it("refuses text that is not a number, naming the argument", () => {
    expect(() => KRSCORE("abc", 10, 5)).toThrow('KRSCORE: baseline must be a number, got "abc".');
  });

  it("explains target = baseline instead of returning NaN", () => {
    expect(() => KRSCORE(5, 5, 5)).toThrow(/target equals the baseline/);
  });

  it("speaks French in a French spreadsheet", () => {
    const fr = loadAddon({ locale: "en_US", spreadsheetLocale: "fr_FR" });
    expect(() => fr.run("KRSCORE", "abc", 10, 5)).toThrow(
      "KRSCORE : l'argument « valeur de départ » doit être un nombre, reçu « abc ».",
    );
  });
});
