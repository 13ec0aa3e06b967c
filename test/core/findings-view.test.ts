import { analyze, type Finding } from "../../src/core";
import {
  findingsView,
  idAssignment,
  markedSheets,
  marksOf,
  missingIds,
  validateToast,
} from "../../src/core/findings-view";
import { checkinGrid, day, kpiLikeKr as kpiLike, okrGrid, soundQuarter } from "../helpers/grids";

const today = day("2026-11-25");
const grid = okrGrid([...soundQuarter(), kpiLike]);
const analysis = analyze({ okrs: grid }, today, "UTC");

describe("the sidebar's list of findings", () => {
  const asked: string[] = [];
  const view = findingsView(analysis, { okrs: grid }, { user: "fr", sheet: "en" }, (key) => {
    asked.push(key);
    return key === "okrs" ? { name: "Mes OKR", id: 7 } : undefined;
  });

  it("counts the findings by severity", () => {
    const total = view.counts.error + view.counts.warning + view.counts.info;
    expect(total).toBe(analysis.findings.length);
    expect(view.lang).toBe("fr");
  });

  it("points a row's finding at its cell, on the tab as named now, with the KPI move's ID", () => {
    const item = view.items.find((i) => i.code === "kpi-like")!;
    const row = analysis.okrs.find((r) => r.id === "KR-3")!.row;
    expect(item).toMatchObject({ sheet: "Mes OKR", sheetKey: "okrs", sheetId: 7, a1: `G${row}`, row });
    expect(item.krId).toBe("KR-3");
    expect(grid[0]![6]).toBe("Title");
  });

  it("asks for each sheet's tab once, however many findings it has", () => {
    expect(view.items.filter((i) => i.sheetKey === "okrs").length).toBeGreaterThan(1);
    expect(asked.filter((key) => key === "okrs")).toEqual(["okrs"]);
  });

  it("names a sheet without a tab in the spreadsheet's language, without a cell", () => {
    const none = analyze({ okrs: undefined }, today, "UTC");
    const missing = findingsView(none, {}, { user: "en", sheet: "fr" }, () => undefined).items;
    expect(missing).toContainEqual(
      expect.objectContaining({ code: "missing-sheet", sheet: "OKR", a1: "", row: 0 }),
    );
  });
});

describe("marks", () => {
  it("marks a sheet's row findings, notes in the spreadsheet's language, whole rows at the title", () => {
    const findings: Finding[] = [
      ...analysis.findings,
      { code: "owner-missing", severity: "warning", sheet: "okrs", row: 3, params: {} },
    ];
    const marks = marksOf("okrs", grid, findings, "fr");
    expect(marks.map((m) => [m.row, m.column])).toContainEqual([2, 6]);
    expect(marks.every((m) => m.text !== "")).toBe(true);
    expect(marksOf("kpis", grid, findings, "fr")).toEqual([]);
  });

  it("remembers the marked sheets; an unreadable record means all of them", () => {
    expect(markedSheets(undefined)).toEqual(new Set());
    expect(markedSheets('["settings","guide"]')).toEqual(new Set(["settings"]));
    expect(markedSheets("{")).toEqual(new Set(["okrs", "checkins", "kpis", "settings"]));
  });
});

describe("IDs for rows typed without one", () => {
  it("follows the highest issued, objectives and key results apart, with the prefix", () => {
    const rows = [
      { row: 2, id: "O-1", type: "objective" as const },
      { row: 3, id: "", type: "kr" as const },
      { row: 4, id: "", type: undefined },
      { row: 5, id: "", type: "objective" as const },
      { row: 6, id: "", type: "kr" as const },
    ];
    expect(missingIds(rows, { objective: 4, kr: 9 }, "SALES")).toEqual(
      new Map([
        [3, "SALES-KR-10"],
        [5, "SALES-O-5"],
        [6, "SALES-KR-11"],
      ]),
    );
  });
});

describe("the toast", () => {
  const view = { lang: "en" as const, counts: { error: 1, warning: 2, info: 0 }, items: [{}] as never[] };
  it("says the counts, after the IDs given", () => {
    const toast = validateToast(view, ["O-5", "KR-10"]);
    expect(toast.indexOf("O-5, KR-10")).toBeLessThan(toast.indexOf("1"));
    expect(validateToast({ ...view, items: [] }, [])).not.toContain("2");
  });
});

describe("IDs for rows typed by hand, from the sheets as read", () => {
  const typed = okrGrid([
    ...soundQuarter(),
    { quarter: "2026-Q4", type: "Key result", team: "Sales", parent: "O-2", title: "Typed by hand" },
  ]);
  const kpis = [
    ["Quarter", "KPI", "Moved from"],
    ["2026-Q4", "Uptime", "KR-40"],
  ];
  const log = checkinGrid([{ date: day("2026-11-02"), krId: "KR-52", value: 3 }]);

  it("gives the next ID above every ID the sheets hold and the high-water mark, in the ID column", () => {
    const assignment = idAssignment({ okrs: typed, kpis, checkins: log }, "UTC", () => ({
      objective: 7,
      kr: 0,
    }));
    expect(assignment).toEqual({ column: 1, ids: new Map([[typed.length, "KR-53"]]) });
    const higher = idAssignment({ okrs: typed }, "UTC", () => ({ objective: 0, kr: 60 }));
    expect(higher?.ids.get(typed.length)).toBe("KR-61");
  });

  it("gives none when every row has its ID, or the sheet has no ID column", () => {
    expect(
      idAssignment({ okrs: grid, kpis, checkins: log }, "UTC", () => ({ objective: 0, kr: 0 })),
    ).toBeUndefined();
    const noIdColumn = typed.map((line) => line.filter((_, i) => i !== 1));
    expect(idAssignment({ okrs: noIdColumn }, "UTC", () => ({ objective: 0, kr: 0 }))).toBeUndefined();
    expect(idAssignment({ okrs: undefined }, "UTC", () => ({ objective: 0, kr: 0 }))).toBeUndefined();
  });
});
