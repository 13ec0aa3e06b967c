import { analyze } from "../../src/core";
import { idHolder } from "../../src/core/identity";
import { day, kpiLikeKr as kpiLike, okrGrid, soundQuarter } from "../helpers/grids";

const today = day("2026-11-25");

describe("the one row that holds an ID", () => {
  it("finds the row whatever the case and spaces, and nothing for an unknown ID", () => {
    const { okrs } = analyze({ okrs: okrGrid([...soundQuarter(), kpiLike]) }, today, "UTC");
    const kr3 = okrs.find((r) => r.id === "KR-3")!;
    expect(idHolder(okrs, " kr-3 ")).toEqual({ row: kr3 });
    expect(idHolder(okrs, "KR-99")).toEqual({ row: undefined });
  });

  it("refuses an ID that several rows hold, in any quarter, naming the rows", () => {
    const grid = okrGrid([...soundQuarter(), kpiLike, { ...kpiLike, quarter: "2026-Q3" }]);
    const { okrs } = analyze({ okrs: grid }, today, "UTC");
    const rows = okrs.filter((r) => r.id === "KR-3").map((r) => r.row);
    expect(rows).toHaveLength(2);
    expect(idHolder(okrs, "KR-3")).toEqual({
      refusal: { key: "id.ambiguous", params: { id: "KR-3", rows: rows.join(", ") } },
    });
  });
});
