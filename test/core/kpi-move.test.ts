import { analyze, KPIS, type OkrRow, OKRS, parseKpis } from "../../src/core";
import { kpiRowCells, kpiRowPlan, movableKr, type OkrLine, okrRowRemoval } from "../../src/core/kpi-move";
import { day, kpiLikeKr as kpiLike, okrGrid, soundQuarter } from "../helpers/grids";

const today = day("2026-11-25");

describe("which key result may move to KPIs", () => {
  const grid = okrGrid([...soundQuarter(), kpiLike]);
  const analysis = analyze({ okrs: grid }, today, "UTC");
  const row = analysis.okrs.find((r) => r.id === "KR-3")!.row;

  it("takes a key result of this quarter that looks like a KPI", () => {
    expect(movableKr("en", analysis, row, " kr-3 ")).toEqual({ kr: expect.objectContaining({ id: "KR-3" }) });
  });

  it("refuses a row that changed, an objective, a key result that reads as one, or an ID held twice", () => {
    const refusal = (r: number, id: string, a = analysis) => {
      const out = movableKr("en", a, r, id);
      return "refusal" in out ? out.refusal : undefined;
    };
    expect(refusal(row, "KR-1")).toBeDefined();
    const objective = analysis.okrs.find((r) => r.id === "O-2")!.row;
    expect(refusal(objective, "O-2")).toBeDefined();
    const kr1 = analysis.okrs.find((r) => r.id === "KR-1")!.row;
    expect(refusal(kr1, "KR-1")).toBeDefined();
    const twice = analyze(
      { okrs: okrGrid([...soundQuarter(), kpiLike, { ...kpiLike, quarter: "2026-Q3" }]) },
      today,
      "UTC",
    );
    expect(refusal(row, "KR-3", twice)).toContain(String(row + 1));
  });
});

describe("the KPI row a key result becomes", () => {
  const kr = {
    id: "KR-3",
    team: "Sales",
    title: "Keep churn below 2%",
    owner: "",
    unit: "%",
    target: 2,
    baseline: 2,
    current: 1.8,
    metric: "threshold",
    notes: "",
  } as OkrRow;
  const okrHeader = [...OKRS.columns.map((c) => c.header.en), "Budget"];
  const columns = Object.fromEntries(OKRS.columns.map((c, i) => [c.key, i]));
  const cells = okrHeader.map((_, i) => (i === okrHeader.length - 1 ? 1200 : ""));
  const notes = okrHeader.map((_, i) =>
    i === columns.level ? "why" : i === columns.title ? "from the board" : "",
  );
  const line: OkrLine = { kr, columns, header: okrHeader, cells, notes };

  it("fills a sheet without a header with the KPI headers, in the spreadsheet's language", () => {
    let asked = 0;
    const plan = kpiRowPlan([], { headerRow: 0, columns: {} }, line, () => (asked++, "fr"));
    expect(asked).toBe(1);
    expect(plan.added.slice(0, KPIS.columns.length).map((a) => a.text)).toEqual(
      KPIS.columns.map((c) => c.header.fr),
    );
    expect(plan.added.at(-1)).toEqual({ index: KPIS.columns.length, text: "Budget" });
    expect(plan.width).toBe(KPIS.columns.length + 1);
  });

  it("maps our columns, keeps the user's under the same header, and keeps every note", () => {
    const header = [...KPIS.columns.map((c) => c.header.en), "budget"];
    const grid = [header];
    const plan = kpiRowPlan(grid, parseKpis(grid, "UTC").table, line, () => {
      throw new Error("no header is missing: the language is not asked");
    });
    expect(plan.added).toEqual([]);
    expect(plan.values.get(plan.columns.name!)).toBe("'Keep churn below 2%");
    expect(plan.values.get(plan.columns.origin!)).toBe("'KR-3");
    expect(plan.values.get(plan.columns.notes!)).toBe("'2 → 2");
    expect(plan.values.get(header.length - 1)).toBe(1200);
    expect(plan.notes.get(plan.columns.name!)).toBe("from the board\nLevel: why");
  });

  it("writes a decimal baseline in the note as the spreadsheet's language does (2,4 in French)", () => {
    const header = [...KPIS.columns.map((c) => c.header.fr), "budget"];
    const grid = [header];
    const decimal = { ...line, kr: { ...kr, baseline: 2.4 } };
    const noteIn = (lang: "en" | "fr") =>
      kpiRowPlan(grid, parseKpis(grid, "UTC").table, decimal, () => lang).values.get(KPIS.columns.length - 1);
    expect(noteIn("fr")).toBe("'2,4 → 2");
    expect(noteIn("en")).toBe("'2.4 → 2");
  });
});

describe("writing the KPI row and removing the OKR row around formulas", () => {
  it("writes the plan's values and notes, but a formula already in the KPI row stays", () => {
    const plan = {
      values: new Map<number, string | number>([
        [0, "Sales"],
        [2, 3],
      ]),
      notes: new Map([[2, "why"]]),
    };
    expect(kpiRowCells(["", "", "=A1*2", ""], plan)).toEqual({
      values: [["Sales", "", "=A1*2", ""]],
      notes: [["", "", "why", ""]],
    });
  });

  it("deletes a row without formulas; empties one with formulas, writing them back as they were", () => {
    expect(okrRowRemoval(["", "", ""])).toBe("delete");
    expect(okrRowRemoval(["", "=ARRAYFORMULA(OKRSCORE(A2:A))", ""])).toEqual({
      values: [["", "=ARRAYFORMULA(OKRSCORE(A2:A))", ""]],
      notes: [["", "", ""]],
    });
  });
});
