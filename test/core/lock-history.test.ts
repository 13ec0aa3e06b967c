import { analyze, OKRS } from "../../src/core";
import { lockDating, lockHistoryText, parseLockHistory } from "../../src/core/lock-history";
import { day, okrGrid, soundQuarter } from "../helpers/grids";

describe("the lock history", () => {
  it("reads each quarter's lock date under its canonical label, skipping what it cannot read", () => {
    const locks = parseLockHistory(`{"2026-q4": "2026-10-05", "2026-Q3": "soon", "later": "2026-01-01"}`);
    expect([...locks]).toEqual([["2026-Q4", day("2026-10-05")]]);
  });

  it("is empty when the property is missing or damaged", () => {
    expect(parseLockHistory(undefined).size).toBe(0);
    expect(parseLockHistory("{oops").size).toBe(0);
    expect(parseLockHistory("[1]").size).toBe(0);
    expect(parseLockHistory("null").size).toBe(0);
  });

  it("records a quarter's date, keeping the others and replacing its own", () => {
    const locks = parseLockHistory(`{"2026-Q3": "2026-07-06", "2026-Q4": "2026-10-01"}`);
    const text = lockHistoryText(locks, "2026-Q4", day("2026-10-05"));
    expect(JSON.parse(text)).toEqual({ "2026-Q3": "2026-07-06", "2026-Q4": "2026-10-05" });
    expect(locks.get("2026-Q4")).toBe(day("2026-10-01"));
  });
});

describe("locking the plan dates the undated rows", () => {
  const settings = [
    ["Setting", "Value"],
    ["Quarter", "2026-Q4"],
  ];
  const lockDay = new Date("2026-10-05T00:00:00Z");

  it("writes the lock day in Created on the current quarter's rows without one, and nowhere else", () => {
    const rows = soundQuarter();
    rows[0] = { ...rows[0], created: "2026-10-01" };
    rows.push({ ...rows[1], id: "O-9", quarter: "2026-Q3" });
    const analysis = analyze({ okrs: okrGrid(rows), settings }, day("2026-10-05"), "UTC");
    const dating = lockDating(analysis, lockDay)!;
    expect(dating.column).toBe(OKRS.columns.findIndex((c) => c.key === "created"));
    const current = analysis.okrs.filter((r) => r.quarter === "2026-Q4");
    expect([...dating.updates.keys()]).toEqual(current.slice(1).map((r) => r.row));
    expect([...dating.updates.values()].every((d) => d === lockDay)).toBe(true);
  });

  it("dates nothing on a table without a Created column", () => {
    const header = OKRS.columns.filter((c) => c.key !== "created").map((c) => c.header.en);
    const analysis = analyze({ okrs: [header], settings }, day("2026-10-05"), "UTC");
    expect(lockDating(analysis, lockDay)).toBeUndefined();
  });
});
