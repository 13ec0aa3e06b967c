import { OKRS, parseCheckins, parseOkrs, parseTable, type RawCell } from "../../src/core";
import { checkinGrid, day, okrGrid, soundQuarter } from "../helpers/grids";

describe("parseOkrs", () => {
  it("reads typed rows that remember their sheet row", () => {
    const { items, findings } = parseOkrs(okrGrid(soundQuarter()), "UTC");
    expect(findings).toEqual([]);
    expect(items).toHaveLength(4);
    expect(items[2]).toMatchObject({
      row: 4,
      quarter: "2026-Q4",
      id: "KR-1",
      type: "kr",
      parent: "O-2",
      metric: "increase",
      baseline: 120,
      target: 180,
      current: 150,
      lastCheckIn: day("2026-11-20"),
    });
  });

  it("matches French headers and French list values", () => {
    const { items } = parseOkrs(
      okrGrid(
        [
          {
            quarter: "2026 T4",
            id: "O-1",
            type: "Objectif",
            level: "Équipe",
            kind: "Engagé",
            title: "Gagner Bruxelles",
          },
        ],
        "fr",
      ),
      "UTC",
    );
    expect(items[0]).toMatchObject({
      quarter: "2026-Q4",
      type: "objective",
      level: "team",
      kind: "committed",
    });
  });

  it("ignores case, accents and spacing in headers, column order and extra columns", () => {
    const grid = [
      ["  my notes ", "TITRE", "résultat", "id", "TYPE", "Baseline", "cible", "actuel"],
      ["x", "Grow signups from 10 to 20", "", "KR-1", "kr", "10", "20", "1,5e1"],
    ];
    const { items } = parseOkrs(grid, "UTC");
    expect(items[0]).toMatchObject({
      id: "KR-1",
      type: "kr",
      title: "Grow signups from 10 to 20",
      baseline: 10,
      target: 20,
      current: 15,
    });
  });

  it("finds a header row moved a few rows down and skips blank rows", () => {
    const grid = [
      ["OKRs of Q4"],
      [],
      ...okrGrid(soundQuarter()).slice(0, 2),
      ["", " ", "", "\u200b"],
      ...okrGrid(soundQuarter()).slice(2),
    ];
    const { items, table } = parseOkrs(grid, "UTC");
    expect(table.headerRow).toBe(3);
    expect(items.map((i) => i.row)).toEqual([4, 6, 7, 8]);
  });

  it("accepts numbers written as 1.5, 1,5 and 15%", () => {
    const { items } = parseOkrs(
      okrGrid([{ id: "KR-1", baseline: "1.5", target: "1,5", current: "15%" }]),
      "UTC",
    );
    expect(items[0]).toMatchObject({ baseline: 1.5, target: 1.5, current: 0.15 });
  });

  it("reports text in a number column with its cell, and keeps going", () => {
    const { items, findings } = parseOkrs(
      okrGrid([{ id: "KR-1", type: "Key result", baseline: "about ten", target: "#N/A" }]),
      "UTC",
    );
    expect(items[0]?.baseline).toBeUndefined();
    expect(findings).toEqual([
      {
        code: "not-a-number",
        severity: "error",
        sheet: "okrs",
        row: 2,
        column: "baseline",
        params: { column: "baseline", value: "about ten" },
      },
      {
        code: "not-a-number",
        severity: "error",
        sheet: "okrs",
        row: 2,
        column: "target",
        params: { column: "target", value: "#N/A" },
      },
    ]);
  });

  it("reports a value outside its list", () => {
    const { findings } = parseOkrs(okrGrid([{ id: "O-1", type: "Goal" }]), "UTC");
    expect(findings).toContainEqual(
      expect.objectContaining({
        code: "not-in-list",
        row: 2,
        column: "type",
        params: { column: "type", value: "Goal" },
      }),
    );
  });

  it("reports a confidence outside 0–10", () => {
    const { findings } = parseOkrs(okrGrid([{ id: "KR-1", confidence: 11 }]), "UTC");
    expect(findings[0]).toMatchObject({ code: "out-of-range", column: "confidence" });
  });

  it("reports a missing required column once, on the header row", () => {
    const grid = okrGrid(soundQuarter()).map((line) =>
      line.filter((_, i) => OKRS.columns[i]?.key !== "team"),
    );
    const { findings } = parseOkrs(grid, "UTC");
    expect(findings).toEqual([
      { code: "missing-column", severity: "error", sheet: "okrs", row: 1, params: { column: "team" } },
    ]);
  });

  it("blames a computed column's error on the first cell typed below it, else on its formula", () => {
    const score = OKRS.columns.findIndex((c) => c.key === "score");
    const withHeader = (cell: string, typed: string | number) => {
      // A header formula that shows an error fills nothing below it.
      const grid = okrGrid(soundQuarter()).map((line) => line.map((v, i) => (i === score ? "" : v)));
      grid[0]![score] = cell;
      grid[2]![score] = typed;
      return parseOkrs(grid, "UTC");
    };
    const blocked = withHeader("#REF!", 0.9);
    expect(blocked.findings.filter((f) => f.code === "computed-blocked")).toEqual([
      {
        code: "computed-blocked",
        severity: "error",
        sheet: "okrs",
        row: 3,
        column: "score",
        params: { column: "score" },
      },
    ]);
    // An argument fails (a Settings value, a deleted row): nothing to clear; the header is named.
    const failing = withHeader("#ERROR!", "");
    const structure = ["computed-blocked", "computed-failed", "missing-column"];
    expect(failing.findings.filter((f) => structure.includes(f.code))).toEqual([
      {
        code: "computed-failed",
        severity: "error",
        sheet: "okrs",
        row: 1,
        column: "score",
        params: { column: "score" },
      },
    ]);
  });

  it("names the header of a computed column that its formula no longer fills, and only then", () => {
    const column = (key: string) => OKRS.columns.findIndex((c) => c.key === key);
    const replaced = (change: (grid: RawCell[][]) => void) => {
      const grid = okrGrid(soundQuarter()).map((line) => [...line]);
      change(grid);
      return parseOkrs(grid, "UTC").findings.filter((f) => f.code === "computed-replaced");
    };
    const emptied = (key: string) => (grid: RawCell[][]) =>
      grid.slice(1).forEach((line) => (line[column(key)] = ""));
    // Typed over the Score header: no score below although KR-1 scores 0.5.
    expect(replaced(emptied("score"))).toEqual([
      {
        code: "computed-replaced",
        severity: "error",
        sheet: "okrs",
        row: 1,
        column: "score",
        params: { column: "score" },
      },
    ]);
    expect(replaced(emptied("status")).map((f) => f.column)).toEqual(["status"]);
    // Nothing to compute yet: no current value on any key result, so no score anywhere is right.
    expect(
      replaced((grid) => {
        emptied("score")(grid);
        grid.slice(1).forEach((line) => (line[column("current")] = ""));
      }),
    ).toEqual([]);
    // Rows without a quarter get no status: an empty Status column is right then.
    expect(
      replaced((grid) => {
        emptied("status")(grid);
        grid.slice(1).forEach((line) => (line[column("quarter")] = "someday"));
      }),
    ).toEqual([]);
    // A header that shows an error is a formula that fails, not one that is gone.
    expect(
      replaced((grid) => {
        emptied("score")(grid);
        grid[0]![column("score")] = "#ERROR!";
      }),
    ).toEqual([]);
  });

  it("quotes a date typed where a choice or a number goes as the day, in the sheet's zone", () => {
    const column = (key: string) => OKRS.columns.findIndex((c) => c.key === key);
    const grid = okrGrid(soundQuarter()).map((line) => [...line]);
    // Midnight in Brussels, as Sheets stores a day typed there: the day before in UTC.
    const typed = new Date("2026-01-04T23:00:00Z");
    grid[2]![column("type")] = typed;
    grid[3]![column("weight")] = typed;
    const { findings } = parseOkrs(grid, "Europe/Brussels");
    const quoted = findings.filter((f) => f.code === "not-in-list" || f.code === "not-a-number");
    expect(quoted.map((f) => [f.code, f.row, (f.params as { value: string }).value])).toEqual([
      ["not-in-list", 3, "2026-01-05"],
      ["not-a-number", 4, "2026-01-05"],
    ]);
  });

  it("reads nothing, without throwing, from a sheet with no recognisable header", () => {
    expect(
      parseTable("okrs", OKRS.columns, [
        ["a", "b"],
        [1, 2],
      ]).rows,
    ).toEqual([]);
    expect(parseOkrs([], "UTC").items).toEqual([]);
  });
});

describe("parseCheckins", () => {
  it("reads the log with dates as Dates or text", () => {
    const { items } = parseCheckins(
      checkinGrid([
        {
          date: new Date("2026-10-05T00:00:00Z"),
          krId: "KR-1",
          value: 130,
          confidence: 7,
          comment: "good week",
        },
        { date: "19/10/2026", krId: "KR-1", value: "140" },
        { date: "10/26/2026", krId: "KR-1", value: "150" },
        { date: "2026-11-02", krId: "KR-1", value: "160" },
      ]),
      "UTC",
    );
    expect(items.map((i) => [i.date, i.value])).toEqual([
      [day("2026-10-05"), 130],
      [day("2026-10-19"), 140],
      [day("2026-10-26"), 150],
      [day("2026-11-02"), 160],
    ]);
  });

  it("asks on the cell about a text date that reads two ways (day first or month first)", () => {
    const { items, findings } = parseCheckins(
      checkinGrid([{ date: "12/10/2026", krId: "KR-1", value: "140" }]),
      "UTC",
    );
    expect(items[0]!.date).toBeUndefined();
    expect(findings).toEqual([
      {
        code: "ambiguous-date",
        severity: "warning",
        sheet: "checkins",
        row: 2,
        column: "date",
        params: { column: "date", value: "12/10/2026", dayFirst: "2026-10-12", monthFirst: "2026-12-10" },
      },
    ]);
  });
});
