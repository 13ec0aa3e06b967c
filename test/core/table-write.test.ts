import { dateOfDay, dayFromIso } from "../../src/core/dates";
import { CHECKINS, type ColumnDef } from "../../src/core/schema";
import {
  cellValue,
  columnRuns,
  tableWidth,
  columnWrite,
  inputColumns,
  nextFreeRow,
  rowSpan,
  runValues,
  withRows,
} from "../../src/core/table-write";

const TZ = "Europe/Paris";
const text: ColumnDef = { key: "title", header: { en: "Title", fr: "Titre" }, type: "text", width: 100 };
const date: ColumnDef = { key: "date", header: { en: "Date", fr: "Date" }, type: "date", width: 100 };
const computed: ColumnDef = {
  key: "score",
  header: { en: "Score", fr: "Score" },
  type: "computed",
  width: 100,
};
const number: ColumnDef = {
  key: "target",
  header: { en: "Target", fr: "Cible" },
  type: "number",
  width: 100,
};

describe("nextFreeRow: where an append starts", () => {
  const place = { headerRow: 2, columns: { title: 0, score: 1 } };

  it("is under the last row holding anything, a formula's output aside", () => {
    const grid = [
      ["intro", ""],
      ["Title", "Score"],
      ["Grow", 0.5],
      ["", 0],
      ["", ""],
    ];
    expect(nextFreeRow(grid, place, [text, computed])).toBe(4);
  });

  it("is the row under the header of an empty table", () => {
    expect(
      nextFreeRow(
        [
          ["intro", ""],
          ["Title", "Score"],
          ["", 0.3],
        ],
        place,
        [text, computed],
      ),
    ).toBe(3);
  });
});

describe("cellValue: a value as written", () => {
  it("writes a day as the start of that day in the spreadsheet's time zone", () => {
    const day = dayFromIso("2026-04-01")!;
    expect(cellValue(date, day, TZ)).toEqual(dateOfDay(day, TZ));
  });

  it("writes user text as text, so a leading = is no formula", () => {
    expect(cellValue(text, "=IMPORTRANGE(1)", TZ)).toBe("'=IMPORTRANGE(1)");
    expect(cellValue(text, "Grow", TZ)).toBe("Grow");
  });

  it("leaves blanks and non-finite numbers empty, keeps booleans", () => {
    expect(cellValue(number, undefined, TZ)).toBe("");
    expect(cellValue(number, Number.NaN, TZ)).toBe("");
    expect(cellValue(number, 12, TZ)).toBe(12);
    expect(cellValue(text, true, TZ)).toBe(true);
  });
});

describe("the columns a write touches", () => {
  it("skips computed columns and those the table lacks, one write per run of neighbours", () => {
    const byIndex = inputColumns({ headerRow: 1, columns: { title: 0, score: 1, target: 2, date: 4 } }, [
      text,
      computed,
      number,
      date,
      { key: "owner", header: { en: "Owner", fr: "Responsable" }, type: "text", width: 100 },
    ]);
    expect([...byIndex.keys()].sort()).toEqual([0, 2, 4]);
    expect(columnRuns([...byIndex.keys()])).toEqual([[0], [2], [4]]);
    expect(columnRuns([3, 1, 2, 7, 8])).toEqual([
      [1, 2, 3],
      [7, 8],
    ]);
    expect(runValues([0], byIndex, [{ title: "=1" }, { title: "Plain" }], TZ)).toEqual([["'=1"], ["Plain"]]);
  });
});

describe("withRows: the grid as the sheet reads back", () => {
  it("inserts the rows at their place, days as dates and text as typed, without changing the grid", () => {
    const place = { headerRow: 1, columns: Object.fromEntries(CHECKINS.columns.map((c, i) => [c.key, i])) };
    const grid = [CHECKINS.columns.map((c) => c.header.en)];
    const day = dayFromIso("2026-04-02")!;
    const out = withRows(
      grid,
      3,
      place,
      CHECKINS.columns,
      [{ date: day, krId: "KR-1", value: 3, comment: "=x" }],
      TZ,
    );
    expect(grid).toHaveLength(1);
    expect(out).toHaveLength(3);
    expect(out[1]).toEqual(["", "", "", "", "", ""]);
    expect(out[2]).toEqual([dateOfDay(day, TZ), "KR-1", 3, "", "=x", ""]);
  });
});

describe("updating one column", () => {
  it("spans the rows concerned, even for a very large set", () => {
    const rows = Array.from({ length: 300_000 }, (_, i) => i + 5);
    expect(rowSpan(rows)).toEqual({ first: 5, last: 300_004 });
  });

  it("writes the updates, keeps formulas as formulas and the rest as read (text as text)", () => {
    const grid = [["h"], ["a"], ["=b"], [7], ["c"]];
    const formulas = [[""], ["=SUM(1)"], [""], [""]];
    const updates = new Map<number, string | number>([
      [2, "=new"],
      [5, 9],
    ]);
    expect(columnWrite(formulas, 2, grid, 0, updates)).toEqual([["'=new"], ["=SUM(1)"], [7], [9]]);
  });
});

describe("tableWidth", () => {
  it("spans from A to the table's last column, at least one", () => {
    expect(tableWidth({ headerRow: 1, columns: { id: 0, title: 4, quarter: 2 } })).toBe(5);
    expect(tableWidth({ headerRow: 1, columns: {} })).toBe(1);
  });
});
