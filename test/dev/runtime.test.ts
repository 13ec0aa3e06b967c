import { createRuntime } from "../../dev/gas";

/** The offline runtime must behave like Sheets where the add-on depends on it. */
describe("the in-memory SpreadsheetApp", () => {
  function sheet() {
    const runtime = createRuntime();
    const app = runtime.globals.SpreadsheetApp as {
      getActiveSpreadsheet(): GoogleAppsScript.Spreadsheet.Spreadsheet;
    };
    return { runtime, ss: app.getActiveSpreadsheet() };
  }

  it("returns numbers, strings, booleans, Dates and '' from getValues", () => {
    const { ss } = sheet();
    const range = ss.getSheets()[0]!.getRange("A1:E1");
    const date = new Date(2026, 9, 1);
    range.setValues([[1.5, "text", true, date, ""]]);
    expect(range.getValues()).toEqual([[1.5, "text", true, date, ""]]);
  });

  it("turns a written string starting with = into a formula, and keeps '= as text", () => {
    const { ss } = sheet();
    const range = ss.getSheets()[0]!.getRange("A1:B1");
    range.setValues([['=IMPORTXML("http://x","//a")', "'=1+1"]]);
    expect(range.getFormulas()).toEqual([['=IMPORTXML("http://x","//a")', ""]]);
    expect(range.getValues()).toEqual([["", "=1+1"]]);
  });

  it("interprets typed-looking text as Sheets does", () => {
    const { ss } = sheet();
    const range = ss.getSheets()[0]!.getRange("A1:D1");
    range.setValues([["1.5", "10%", "TRUE", "+1+1"]]);
    expect(range.getValues()[0]!.slice(0, 3)).toEqual([1.5, 0.1, true]);
    expect(range.getFormulas()[0]![3]).toBe("=+1+1");
  });

  it("throws Sheets' own error when the data does not fit the range", () => {
    const { ss } = sheet();
    const range = ss.getSheets()[0]!.getRange(1, 1, 3, 2);
    expect(() => range.setValues([[1, 2]])).toThrow(
      "The number of rows in the data does not match the number of rows in the range. The data has 1 but the range has 3.",
    );
    expect(() => range.setValues([[1], [2], [3]])).toThrow(/number of columns in the data does not match/);
  });

  it("sets a formula in every cell of a multi-cell range, relative references moved as when filling", () => {
    const { ss } = sheet();
    const range = ss.getSheets()[0]!.getRange("B2:C4");
    range.setFormula("=A1");
    expect(range.getFormulas()).toEqual([
      ["=A1", "=B1"],
      ["=A2", "=B2"],
      ["=A3", "=B3"],
    ]);
    range.setFormula('=SUM($A$1:A1)+Sheet2!A$1+COUNT(A:A)+SUM(1:1)&"A1"');
    expect(range.getFormulas()[2]).toEqual([
      '=SUM($A$1:A3)+Sheet2!A$1+COUNT(A:A)+SUM(3:3)&"A1"',
      '=SUM($A$1:B3)+Sheet2!B$1+COUNT(B:B)+SUM(3:3)&"A1"',
    ]);
    expect(range.getFormula()).toBe('=SUM($A$1:A1)+Sheet2!A$1+COUNT(A:A)+SUM(1:1)&"A1"');
  });

  it("keeps a single cell's formula as given, and moves open ranges but not function names when filling", () => {
    const { ss } = sheet();
    const first = ss.getSheets()[0]!;
    first.getRange("A1").setFormula("=LOG10(B2:B)+ATAN2(1,2)");
    expect(first.getRange("A1").getFormula()).toBe("=LOG10(B2:B)+ATAN2(1,2)");
    first.getRange("A1:A2").setFormula("=LOG10(B2:B)");
    expect(first.getRange("A2").getFormula()).toBe("=LOG10(B3:B)");
    const left = first.getRange("B1:C1");
    left.setFormula("=A1");
    expect(left.getFormulas()).toEqual([["=A1", "=B1"]]);
  });

  it("throws Sheets' own error for a duplicate sheet name", () => {
    const { ss } = sheet();
    ss.insertSheet("OKRs");
    expect(() => ss.insertSheet("OKRs")).toThrow(
      'A sheet with the name "OKRs" already exists. Please enter another name.',
    );
  });

  it("refuses ranges outside the grid", () => {
    const { ss } = sheet();
    expect(() => ss.getSheets()[0]!.getRange(1001, 1)).toThrow(/outside the dimensions/);
  });

  it("refuses NaN in a cell, which Sheets would show as an error", () => {
    const { ss } = sheet();
    expect(() =>
      ss
        .getSheets()[0]!
        .getRange("A1")
        .setValues([[NaN]]),
    ).toThrow(/NaN written to Sheet1!A1/);
  });

  it("counts every call", () => {
    const { runtime, ss } = sheet();
    runtime.calls.reset();
    const range = ss.getSheets()[0]!.getRange("A1:B2");
    range.getValues();
    range.setBackgrounds([
      ["#fff", "#fff"],
      ["#fff", "#fff"],
    ]);
    expect(runtime.calls.snapshot()).toEqual({
      "Range.getValues": 1,
      "Range.setBackgrounds": 1,
      "Sheet.getRange": 1,
      "Spreadsheet.getSheets": 1,
    });
  });

  it("formats every range of a RangeList in one call per setter", () => {
    const { runtime, ss } = sheet();
    const tab = ss.getSheets()[0]!;
    runtime.calls.reset();
    tab
      .getRangeList(["A1:C1", "A5:B5"])
      .setFontWeight("bold")
      .setBackground("#e8eaed")
      .setNumberFormat("0.00");
    expect(runtime.calls.snapshot()).toEqual({
      "RangeList.setBackground": 1,
      "RangeList.setFontWeight": 1,
      "RangeList.setNumberFormat": 1,
      "Sheet.getRangeList": 1,
    });
    const fake = runtime.spreadsheet.allSheets()[0]!;
    for (const [row, columns] of [
      [1, 3],
      [5, 2],
    ] as const) {
      for (let column = 1; column <= columns; column++) {
        expect(fake.peek(row, column)).toMatchObject({
          fontWeight: "bold",
          background: "#e8eaed",
          numberFormat: "0.00",
        });
      }
    }
    expect(fake.peek(2, 1)?.fontWeight ?? "normal").toBe("normal");
    expect(() => tab.getRangeList(["A1:ZZZ1"])).toThrow();
  });
});
