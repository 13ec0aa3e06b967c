import {
  HEALTH_FORMATS,
  healthCellValue,
  paintOf,
  rememberedHealthSheet,
  thresholdCells,
} from "../../src/core";

describe("a laid-out sheet as the grids one range takes", () => {
  it("gives each cell its kind's format, its value, its colour (null clears) and its weight", () => {
    const cells = [
      [
        { kind: "text" as const, value: "Team", bold: true },
        { kind: "percent" as const, value: 0.5, background: "#fce8b2" },
      ],
    ];
    expect(paintOf(cells, HEALTH_FORMATS, (c) => c.value)).toEqual({
      numberFormats: [["", "0%"]],
      values: [["Team", 0.5]],
      backgrounds: [[null, "#fce8b2"]],
      fontWeights: [["bold", "normal"]],
    });
  });
});

describe("Practice health as written", () => {
  const ids = { health: 11, okrs: 22 };

  it("links a finding to its cells on the right tab, quotes doubled, and writes user text as text", () => {
    const link = { sheet: "health" as const, a1: "B4:D4" };
    expect(healthCellValue({ kind: "text", value: 'The "big" one', link }, ids)).toBe(
      '=HYPERLINK("#gid=11&range=B4:D4","The ""big"" one")',
    );
    expect(healthCellValue({ kind: "text", value: "=1+1" }, ids)).toBe("'=1+1");
    expect(healthCellValue({ kind: "score", value: 0.4 }, ids)).toBe(0.4);
  });

  it("reads what the property remembers, old bare ids included, and nothing from a broken one", () => {
    expect(rememberedHealthSheet('{"id":7,"columns":15}')).toEqual({ id: 7, columns: 15 });
    expect(rememberedHealthSheet('{"id":7}')).toEqual({ id: 7, columns: 0 });
    expect(rememberedHealthSheet("7")).toEqual({ id: 7, columns: 0 });
    expect(rememberedHealthSheet("{oops")).toBeUndefined();
    expect(rememberedHealthSheet('{"columns":3}')).toBeUndefined();
    expect(rememberedHealthSheet(undefined)).toBeUndefined();
  });

  it("types the thresholds' values as shares and writes labels and help as text", () => {
    const cells = thresholdCells("en");
    expect(cells[0]).toEqual(["Practice health signal", "Healthy at", "About the signal"]);
    expect(cells[1]!.slice(0, 2)).toEqual(["Focus", "90%"]);
    const score = cells.find((line) => line[0] === "Average score")!;
    expect(score[1]).toBe(0.6);
    // Help text is written as text: the leading apostrophe keeps Sheets from reading it as a value.
    expect(String(score[2])).toMatch(/^'At least/);
  });
});
