/**
 * Set-up's example quarter: written only on an empty OKRs sheet of a spreadsheet that never issued
 * an ID (its IDs are fixed), in the spreadsheet's language, below the headers as found.
 */
import { examplePlan } from "../../src/core/example";
import { checkinGrid, day, okrGrid, soundQuarter } from "../helpers/grids";

const at = {
  day: day("2026-11-20"),
  timeZone: "UTC",
  author: "",
  highWater: () => ({ objective: 0, kr: 0 }),
};
const settings = () => [
  ["Setting", "Value"],
  ["Current quarter", "2026-Q4"],
  ["Language", "fr"],
];
const empty = () => ({ okrs: okrGrid([]), checkins: checkinGrid([]), kpis: () => [], settings });

describe("the example quarter", () => {
  it("goes under the headers, in the Settings language, with the O-1, KR-1… IDs and its check-ins", () => {
    const plan = examplePlan(empty(), at, (s) => (s.language === "fr" ? "fr" : "en"));
    if (typeof plan !== "object") throw new Error(`no plan: ${plan}`);
    expect(plan.okrs.at).toBe(2);
    expect(plan.okrs.rows[0]).toMatchObject({ id: "O-1", type: "Objectif", quarter: "2026-Q4" });
    expect(plan.checkins.at).toBe(2);
    expect(plan.checkins.rows.length).toBeGreaterThan(0);
    // No author given: the example says who it is by in the sheet's language.
    expect(new Set(plan.checkins.rows.map((r) => r.author))).toEqual(new Set(["Exemple"]));
  });

  it("is skipped when the spreadsheet issued an ID before, in the log or the high-water mark", () => {
    const logged = {
      ...empty(),
      checkins: checkinGrid([{ date: day("2026-10-05"), krId: "KR-3", value: 1 }]),
    };
    expect(examplePlan(logged, at, () => "en")).toBe("ids-issued");
    const deleted = { ...at, highWater: () => ({ objective: 2, kr: 0 }) };
    expect(examplePlan(empty(), deleted, () => "en")).toBe("ids-issued");
  });

  it("writes nothing, and reads no other sheet, once the OKRs sheet has rows", () => {
    const read: string[] = [];
    const grids = {
      ...empty(),
      okrs: okrGrid(soundQuarter()),
      kpis: () => (read.push("kpis"), []),
      settings: () => (read.push("settings"), settings()),
    };
    expect(examplePlan(grids, at, () => "en")).toBeUndefined();
    expect(read).toEqual([]);
  });
});
