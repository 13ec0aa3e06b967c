import { asOfWrite, findingsAfterAsOfWritten } from "../../src/core/as-of";
import type { RawCell } from "../../src/core/cells";
import type { Finding } from "../../src/core/findings";
import { parseSettings } from "../../src/core/settings";
import { day } from "../helpers/grids";

const today = day("2026-11-17");
const settings = (asOf: RawCell, language: RawCell = "en"): RawCell[][] => [
  ["Setting", "Value", "About"],
  ["Current quarter", "2026-Q4", ""],
  ["As of", asOf, ""],
  ["Language", language, ""],
];

describe("asOfWrite", () => {
  it("returns the As of row, to write on the day's first operation whatever it shows but today", () => {
    expect(asOfWrite(settings("2026-11-16"), today, "UTC", true)).toEqual({ row: 3, write: true });
    expect(asOfWrite(settings("2026-11-17"), today, "UTC", true)).toEqual({ row: 3, write: false });
    expect(asOfWrite(settings(new Date("2026-11-17T00:00:00Z")), today, "UTC", true)).toEqual({
      row: 3,
      write: false,
    });
  });

  it("keeps a day typed later in the day: a day to look back on, until tomorrow", () => {
    expect(asOfWrite(settings("2026-10-20"), today, "UTC", false)).toEqual({ row: 3, write: false });
    expect(asOfWrite(settings("20/10/2026"), today, "UTC", false)).toEqual({ row: 3, write: false });
    expect(asOfWrite(settings("2027-01-05"), today, "UTC", false)).toEqual({ row: 3, write: false });
  });

  it.each([[""], ["   "], ["hier"], ["yesterday"], ["#REF!"], [42], [true], ["2026-13-40"]])(
    "writes today later in the day over a cell that shows no day: %j",
    (shown) => {
      expect(asOfWrite(settings(shown), today, "UTC", false)).toEqual({ row: 3, write: true });
    },
  );

  describe("edge cases", () => {
    it("returns undefined when Settings has no As of row, or no Settings at all", () => {
      expect(
        asOfWrite(
          [
            ["Setting", "Value"],
            ["Language", "fr"],
          ],
          today,
          "UTC",
          false,
        ),
      ).toBeUndefined();
      expect(asOfWrite([], today, "UTC", true)).toBeUndefined();
    });

    it("finds the row by its French label too", () => {
      const grid = [
        ["Paramètre", "Valeur"],
        ["Langue", "fr"],
        ["À la date du", "hier"],
      ];
      expect(asOfWrite(grid, today, "Europe/Brussels", false)).toEqual({ row: 3, write: true });
    });
  });
});

describe("findingsAfterAsOfWritten", () => {
  const failed = (column: string): Finding => ({
    code: "computed-failed",
    severity: "error",
    sheet: "okrs",
    row: 1,
    column,
    params: { column },
  });
  const other: Finding = {
    code: "required",
    severity: "error",
    sheet: "okrs",
    row: 4,
    column: "title",
    params: { column: "title" },
  };

  it("drops the Status formula's failure read before As of was written, and nothing else", () => {
    const parsed = parseSettings(settings(new Date("2026-11-17T00:00:00Z")), today, "UTC");
    expect(findingsAfterAsOfWritten([failed("status"), other], parsed)).toEqual([other]);
    expect(findingsAfterAsOfWritten([failed("score"), other], parsed)).toEqual([failed("score"), other]);
  });

  it("keeps it when the Language setting fails the formula too", () => {
    const parsed = parseSettings(settings(new Date("2026-11-17T00:00:00Z"), "de"), today, "UTC");
    expect(findingsAfterAsOfWritten([failed("score"), failed("status")], parsed)).toEqual([
      failed("score"),
      failed("status"),
    ]);
  });
});
