import { OKRS, schemaPlace } from "../../src/core";
import {
  columnLetters,
  computedColumnsIn,
  computedSpan,
  formulaPlacement,
  formulaWrites,
  hasValuesBelow,
  lacksComputed,
  scoreFormula,
  setupReportText,
  statusFormula,
  withComputedColumns,
} from "../../src/core/template";

const settingsRows = { asOf: 3, onTrack: 8, atRisk: 9, language: 11 };
const places = { ...schemaPlace("okrs"), settingsSheet: "Param'ètres", settingsRows };

describe("the computed columns' formulas", () => {
  it("name each column where it is, from the header row down, and Settings' cells by row", () => {
    expect(scoreFormula(places)).toBe(
      "=OKRSCORE(B1:B,C1:C,F1:F,L1:L,M1:M,N1:N,J1:J,O1:O,'Param''ètres'!$B$11)",
    );
    expect(statusFormula(places)).toBe(
      "=OKRSTATUSES(Q1:Q,N1:N,A1:A,'Param''ètres'!$A:$C,'Param''ètres'!$B$3,'Param''ètres'!$B$8,'Param''ètres'!$B$9,B1:B,'Param''ètres'!$B$11)",
    );
  });

  it("follow columns the user moved, and a header row further down", () => {
    const columns = { ...places.columns, id: 30, current: 2 };
    expect(scoreFormula({ ...places, columns, headerRow: 4 })).toMatch(/^=OKRSCORE\(AE4:AE,C4:C,/);
  });

  it("are not written when a column or a Settings row they need is missing", () => {
    const { weight: _weight, ...withoutWeight } = places.columns;
    expect(scoreFormula({ ...places, columns: withoutWeight })).toBeUndefined();
    expect(statusFormula({ ...places, settingsRows: { ...settingsRows, asOf: undefined } })).toBeUndefined();
  });
});

describe("columnLetters", () => {
  it("counts A to Z, then AA", () => {
    expect([0, 25, 26, 701, 702].map(columnLetters)).toEqual(["A", "Z", "AA", "ZZ", "AAA"]);
  });
});

describe("where set-up puts a computed column's formula", () => {
  const formula = "=OKRSCORE(B1:B)";
  const found = { inHeader: "", inFirstRow: "", hasValues: false };

  it("writes it in an empty column, and never over the user's values", () => {
    expect(formulaPlacement("score", formula, found)).toBe("write");
    expect(formulaPlacement("score", formula, { ...found, hasValues: true })).toBe("skip");
  });

  it("brings ours in the header cell up to date, and leaves it when it already is", () => {
    expect(formulaPlacement("score", formula, { ...found, inHeader: "=okrscore(A1:A)" })).toBe("update");
    expect(formulaPlacement("score", formula, { ...found, inHeader: formula, hasValues: true })).toBe("keep");
  });

  it("moves an older set-up's formula up from the first data row, OKRSTATUS included", () => {
    expect(formulaPlacement("status", "=OKRSTATUSES(Q1:Q)", { ...found, inFirstRow: "=OKRSTATUS(Q2)" })).toBe(
      "move-up",
    );
    expect(
      formulaPlacement("score", formula, { ...found, inFirstRow: "=OKRSTATUS(Q2)", hasValues: true }),
    ).toBe("skip");
  });

  it("finds our columns by their formulas when their headers show an error", () => {
    const row: string[] = OKRS.columns.map((c) => c.header.en);
    row[3] = "=OKRSCORE(B1:B)";
    row[7] = "=OKRSTATUSES(Q1:Q)";
    row[9] = "=OKRSCORE(C1:C)";
    expect(computedColumnsIn(row)).toEqual({ score: 3, status: 7 });
  });

  it("adds Score and Status found by their formulas, only where the header did not find them", () => {
    expect(lacksComputed({ score: 3, status: 7 })).toBe(false);
    expect(lacksComputed({ score: 3 })).toBe(true);
    const formulas = ["Quarter", "=OKRSCORE(B1:B)", "=OKRSTATUSES(Q1:Q)"];
    expect(withComputedColumns({ quarter: 0, score: 5 }, formulas)).toEqual({
      quarter: 0,
      score: 5,
      status: 2,
    });
    expect(withComputedColumns({ quarter: 0 }, ["Quarter", "Budget"])).toEqual({ quarter: 0 });
  });

  it("reads both columns in one span and places each formula from what the span shows", () => {
    const formulas = { score: scoreFormula(places)!, status: statusFormula(places)! };
    const { score, status } = places.columns as { score: number; status: number };
    const span = computedSpan(places, formulas)!;
    expect(span).toEqual({
      keys: ["score", "status"],
      left: Math.min(score, status),
      width: Math.abs(status - score) + 1,
    });
    const read = [Array<string>(span.width).fill(""), Array<string>(span.width).fill("")];
    read[1]![status - span.left] = "=OKRSTATUS(Q2)";
    const grid = [OKRS.columns.map((c) => c.header.en), OKRS.columns.map((_, i) => (i === score ? 0.5 : ""))];
    expect(formulaWrites(places, formulas, { ...span, formulas: read }, grid)).toEqual([
      { key: "score", column: score, formula: formulas.score, placement: "skip" },
      { key: "status", column: status, formula: formulas.status, placement: "move-up" },
    ]);
    expect(computedSpan(places, {})).toBeUndefined();
  });

  it("sees the user's values below the header only", () => {
    expect(hasValuesBelow([["Score"], ["", ""]], 1, 0)).toBe(false);
    expect(hasValuesBelow([[""], ["x"], [0]], 2, 0)).toBe(true);
  });
});

describe("the set-up report", () => {
  it("says what was created and kept, the notes, the example, then that the template is ready", () => {
    const report = { created: ["Guide"], kept: ["OKRs", "Settings"], notes: ["A note."], exampleRows: 9 };
    expect(setupReportText("en", report).split("\n\n")).toEqual([
      "Sheet created: Guide.",
      "Sheets kept as they were, with your data: OKRs, Settings.",
      "A note.",
      "Example quarter added: 9 objectives and key results.",
      "The template is ready.",
    ]);
  });

  it("leaves out what did not happen, in the user's language", () => {
    const report = { created: [], kept: ["OKR"], notes: [], exampleRows: 0 };
    expect(setupReportText("fr", report).split("\n\n")).toHaveLength(2);
  });
});
