import { day } from "../helpers/grids";
import { lockHistoryText, parseLockHistory } from "../../src/core/lock-history";

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
