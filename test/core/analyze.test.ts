import {
  analyze,
  CHECKINS,
  type ColumnDef,
  KPIS,
  LISTS,
  matchChoice,
  OKRS,
  SETTINGS_SHEET,
} from "../../src/core";
import { day, okrGrid, soundQuarter } from "../helpers/grids";

describe("the schema", () => {
  it.each([OKRS, CHECKINS, KPIS, SETTINGS_SHEET])(
    "has unique keys and headers in each language ($key)",
    (sheet) => {
      const columns = sheet.columns as readonly ColumnDef[];
      for (const pick of [
        (c: ColumnDef) => c.key,
        (c: ColumnDef) => c.header.en,
        (c: ColumnDef) => c.header.fr,
      ]) {
        const values = columns.map(pick);
        expect(new Set(values).size).toBe(values.length);
      }
    },
  );

  it("gives every list column its list, and every list value both labels", () => {
    for (const column of OKRS.columns as readonly ColumnDef[]) {
      if (column.type === "list") expect(LISTS[column.list!]).toBeDefined();
    }
    for (const list of Object.values(LISTS)) {
      for (const choice of list) {
        expect(matchChoice(list, choice.label.en)).toBe(choice.key);
        expect(matchChoice(list, choice.label.fr.toUpperCase())).toBe(choice.key);
      }
    }
  });
});

describe("analyze", () => {
  const today = day("2026-11-15"); // 45 of 91 days: expected progress ≈ 0.49

  it("scores key results, objectives, teams and the company", () => {
    const { scores, findings } = analyze({ okrs: okrGrid(soundQuarter()) }, today, "UTC");
    expect(findings).toEqual([]);
    expect(scores.byRow.get(4)).toEqual({ score: 0.5, status: "on-track" }); // 120 → 150 of 180
    expect(scores.byRow.get(5)).toEqual({ score: 0.5, status: "on-track" }); // 10 → 7 of 4
    expect(scores.byRow.get(3)?.score).toBe(0.5); // O-2, mean of its KRs
    expect(scores.byRow.get(2)?.score).toBe(0.5); // O-1, measured by the team objective under it
    expect(scores.byTeam.get("Sales")).toBe(0.5);
    expect(scores.company).toBe(0.5);
  });

  it("reports a missing OKRs sheet as a finding", () => {
    expect(analyze({ okrs: undefined }, today, "UTC").findings).toEqual([
      { code: "missing-sheet", severity: "error", sheet: "okrs", params: { sheet: "okrs" } },
    ]);
  });

  it("only validates the current quarter", () => {
    const old = soundQuarter().map((r) => ({
      ...r,
      quarter: "2026-Q3",
      id: `${r.id}-old`,
      parent: r.parent ? `${r.parent}-old` : "",
      owner: "",
    }));
    const { findings } = analyze({ okrs: okrGrid([...old, ...soundQuarter()]) }, today, "UTC");
    expect(findings).toEqual([]);
  });
});
