import {
  analyze,
  HEALTH_DEFAULTS,
  type Health,
  healthBand,
  healthLayout,
  parseThresholds,
  practiceHealth,
  samePerson,
  type Signal,
  thresholdRows,
} from "../../src/core";
import { checkinGrid, day, okrGrid, type RowSpec } from "../helpers/grids";

/**
 * Four quarters and a gap, computed by hand, judged on 2026-12-20 (2026-Q4 is the current quarter,
 * locked 2026-10-04 in Settings; the history has 2025-Q4 locked 2025-10-05 and 2026-Q2 2026-04-03).
 *
 * 2025-Q4 (14 weeks). Sales O-1 "Win Brussels" (Ada, committed): KR-1 100→200 at 200 (1.0), KR-2
 *   "Launch the partner portal" 0→1 at 1 (1.0, an output, created after the lock). Ops O-2 "Cut
 *   costs" (Ben, aspirational): KR-3 "Keep churn below 2%" 3→2 at 2.5 (0.5, a KPI). Check-ins: KR-1 Oct 6 (120, "Ada"), Dec 29 (200); KR-3 Nov 3 (2.5, ben@x.com).
 * 2026-Q1 (13 weeks). Sales O-3 "Win Brussels" (Ada) ← O-1: KR-4 200→300 at 250 (0.5). Ops O-4
 *   "Cut costs" (Ben, carried by hand: same title): KR-5 100→80 at 84 (0.8). Check-ins: KR-4 Jan 5,
 *   Feb 2, Mar 2 (210, 230, 250, ada@x.com); KR-5 Jan 12 (90), Mar 30 (84), both by Cleo.
 * 2026-Q2 (13 weeks). Sales O-5 "Win Brussels" (Dan) ← O-3: KR-6 300→400, weekly check-ins by Dan
 *   at 300 + 5w, 400 in week 12 (1.0). O-6 "Open Antwerp" (Ada): KR-7 0→10 at 5 (0.5). O-7 "Open
 *   Ghent" (Eve, aspirational): no key result, created after the lock.
 * 2026-Q3: no OKRs.
 * 2026-Q4 (12 weeks so far). Ops O-8 "Automate invoicing" (Ben): KR-8 10→2 at 6 (0.5), check-ins Oct 5
 *   and Nov 2 by Ben; KR-9 "Hold uptime at 99.9%" (a KPI, no value, no Created date).
 */
const rows: RowSpec[] = [];
const objective = (
  quarter: string,
  id: string,
  team: string,
  title: string,
  owner: string,
  more: RowSpec = {},
) =>
  rows.push({
    quarter,
    id,
    type: "Objective",
    level: "Team",
    team,
    title,
    owner,
    kind: "Committed",
    ...more,
  });
const kr = (
  quarter: string,
  id: string,
  team: string,
  parent: string,
  title: string,
  values: number[],
  more: RowSpec = {},
) =>
  rows.push({
    quarter,
    id,
    type: "Key result",
    team,
    parent,
    title,
    metric: values[0]! > values[1]! ? "Decrease" : "Increase",
    baseline: values[0]!,
    target: values[1]!,
    current: values[2] ?? "",
    ...more,
  });
const Q425 = { created: "2025-10-01" };
objective("2025-Q4", "O-1", "Sales", "Win Brussels", "Ada", Q425);
kr("2025-Q4", "KR-1", "Sales", "O-1", "Grow partners from 100 to 200", [100, 200, 200], Q425);
kr("2025-Q4", "KR-2", "Sales", "O-1", "Launch the partner portal", [0, 1, 1], { created: "2025-11-10" });
objective("2025-Q4", "O-2", "Ops", "Cut costs", "Ben", { kind: "Aspirational", ...Q425 });
kr("2025-Q4", "KR-3", "Ops", "O-2", "Keep churn below 2%", [3, 2, 2.5], Q425);
objective("2026-Q1", "O-3", "Sales", "Win Brussels", "Ada", { notes: "← O-1 (2025-Q4)" });
kr("2026-Q1", "KR-4", "Sales", "O-3", "Grow partners from 200 to 300", [200, 300, 250]);
objective("2026-Q1", "O-4", "Ops", "Cut costs", "Ben", { kind: "Aspirational" });
kr("2026-Q1", "KR-5", "Ops", "O-4", "Reduce cloud costs from 100 to 80", [100, 80, 84]);
const Q226 = { created: "2026-04-01" };
objective("2026-Q2", "O-5", "Sales", "Win Brussels", "Dan", { notes: "← O-3 (2026-Q1)", ...Q226 });
kr("2026-Q2", "KR-6", "Sales", "O-5", "Grow partners from 300 to 400", [300, 400, 400], Q226);
objective("2026-Q2", "O-6", "Sales", "Open Antwerp", "Ada", Q226);
kr("2026-Q2", "KR-7", "Sales", "O-6", "Grow Antwerp partners from 0 to 10", [0, 10, 5], Q226);
objective("2026-Q2", "O-7", "Sales", "Open Ghent", "Eve", { kind: "Aspirational", created: "2026-05-01" });
objective("2026-Q4", "O-8", "Ops", "Automate invoicing", "Ben", { created: "2026-10-01" });
kr("2026-Q4", "KR-8", "Ops", "O-8", "Cut invoice time from 10 to 2 days", [10, 2, 6], {
  created: "2026-10-01",
});
kr("2026-Q4", "KR-9", "Ops", "O-8", "Hold uptime at 99.9%", [99, 99.9]);

const checkins: RowSpec[] = [
  { date: "2025-10-06", krId: "KR-1", value: 120, author: "Ada" },
  { date: "2025-12-29", krId: "KR-1", value: 200, author: "Ada" },
  { date: "2025-11-03", krId: "KR-3", value: 2.5, author: "ben@x.com" },
  ...["2026-01-05", "2026-02-02", "2026-03-02"].map((date, i) => ({
    date,
    krId: "KR-4",
    value: 210 + 20 * i,
    author: "ada@x.com",
  })),
  { date: "2026-01-12", krId: "KR-5", value: 90, author: "Cleo" },
  { date: "2026-03-30", krId: "KR-5", value: 84, author: "Cleo" },
  ...Array.from({ length: 13 }, (_, w) => ({
    date: new Date(Date.UTC(2026, 3, 1 + 7 * w)).toISOString().slice(0, 10),
    krId: "KR-6",
    value: w === 12 ? 400 : 300 + 5 * w,
    author: "dan@x.com",
  })),
  { date: "2026-10-05", krId: "KR-8", value: 8, author: "ben@x.com" },
  { date: "2026-11-02", krId: "KR-8", value: 6, author: "Ben" },
];

const TODAY = day("2026-12-20");
const settingsGrid = [
  ["Setting", "Value"],
  ["Current quarter", "2026-Q4"],
  ["Plan locked on", "2026-10-04"],
];

function build(): Health {
  const a = analyze(
    {
      okrs: okrGrid(rows),
      checkins: checkinGrid(checkins),
      settings: settingsGrid,
    },
    TODAY,
    "UTC",
  );
  return practiceHealth({
    okrs: a.okrs,
    checkins: a.checkins,
    settings: a.settings,
    locks: new Map([
      ["2025-Q4", day("2025-10-05")],
      ["2026-Q2", day("2026-04-03")],
    ]),
    thresholds: HEALTH_DEFAULTS,
    today: TODAY,
  });
}

const health = build();
const QUARTERS = ["2025-Q4", "2026-Q1", "2026-Q2", "2026-Q3", "2026-Q4"];
/** A signal's values over the five quarters for a team ('' for all). */
const values = (signal: Signal, team = "") =>
  health.byTeam.find((t) => t.team === team)!.quarters.map((q) => q.signals[signal].value);
const details = (signal: Signal, team = "") =>
  health.byTeam.find((t) => t.team === team)!.quarters.map((q) => q.signals[signal].detail);
const close = (list: (number | undefined)[]) =>
  list.map((v) => (v === undefined ? v : Math.round(v * 1e4) / 1e4));

describe("practice health, four quarters by hand", () => {
  it("shows every quarter from the first to the current one, the empty one as a gap", () => {
    expect(health.quarters).toEqual(QUARTERS);
    expect(health.teams).toEqual(["Ops", "Sales"]);
    expect(health.byTeam[0]!.quarters.map((q) => q.gap)).toEqual([false, false, false, true, false]);
    // A gap is no value at all, never a zero.
    for (const signal of ["focus", "regularity", "outcomes"] as const)
      expect(values(signal)[3]).toBeUndefined();
  });

  it("focus: objectives among their team's first three with one to four key results", () => {
    // 2026-Q2: O-7 has no key result → 2 of 3.
    expect(close(values("focus"))).toEqual([1, 1, 0.6667, undefined, 1]);
    expect(details("focus")[2]).toMatchObject({ focused: 2, objectives: 3, maxObjectives: 3, maxKrs: 1 });
  });

  it("outcome share: key results with no output, KPI or vague finding", () => {
    // 2025-Q4: KR-2 is an output, KR-3 a KPI → 1 of 3; 2026-Q4: KR-9 a KPI → 1 of 2.
    expect(close(values("outcomeShare"))).toEqual([0.3333, 1, 1, undefined, 0.5]);
  });

  it("KPI leakage: KPI-like key results left in the OKRs", () => {
    expect(close(values("kpiLeakage"))).toEqual([0.3333, 0, 0, undefined, 0.5]);
    expect(details("kpiLeakage")[0]).toEqual({ kpiLike: 1, krs: 3 });
    expect(details("kpiLeakage", "Sales")[0]).toEqual({ kpiLike: 0, krs: 2 });
  });

  it("check-in regularity: weeks with a check-in out of the quarter's weeks so far", () => {
    // 2025-Q4 weeks 0, 12 (KR-1) and 4 (KR-3) of 14; 2026-Q1 weeks 0, 4, 8, 1, 12 of 13; 2026-Q2 all
    // 13; 2026-Q4 weeks 0 and 4 of the 12 begun by 2026-12-20.
    expect(details("regularity")).toEqual([
      { weeks: 3, of: 14 },
      { weeks: 5, of: 13 },
      { weeks: 13, of: 13 },
      {},
      { weeks: 2, of: 12 },
    ]);
    expect(details("regularity", "Sales")[0]).toEqual({ weeks: 2, of: 14 });
    expect(details("regularity", "Ops")[0]).toEqual({ weeks: 1, of: 14 });
    // Ops has no OKRs in 2026-Q2: nothing to measure there, for Ops only.
    expect(values("regularity", "Ops")[2]).toBeUndefined();
  });

  it("end-of-quarter rush: progress in the last two weeks over all progress, once the quarter is over", () => {
    // 2025-Q4: KR-1 0.2 → 1 late (0.8), KR-2 0 → 1 late (1), KR-3 0.5 before → 0: 1.8 / 2.5.
    // 2026-Q1: KR-4 none late, KR-5 0.5 → 0.8 (0.3): 0.3 / 1.3. 2026-Q2: KR-6 0.5 → 1, KR-7 0 → 0.5: 1 / 1.5.
    expect(close(values("rush"))).toEqual([0.72, 0.2308, 0.6667, undefined, undefined]);
    expect(close(values("rush", "Sales"))[0]).toBe(0.9);
  });

  it("scope churn: rows added after the lock, only where a lock date is known", () => {
    // 2025-Q4: KR-2 of 5; 2026-Q1 no lock; 2026-Q2: O-7 of 5; 2026-Q4 (Settings): KR-9 undated, 1 of 3.
    expect(close(values("churn"))).toEqual([0.2, undefined, 0.2, undefined, 0.3333]);
    expect(close(values("churn", "Ops"))).toEqual([0, undefined, undefined, undefined, 0.3333]);
  });

  it("owner continuity: objectives whose owner checked in, and owners kept from the quarter before", () => {
    // 2026-Q1: Ben's KR-5 was checked in by Cleo; 2026-Q2: only Dan checked in (Ada's KR-7 had none,
    // Eve's O-7 has no key result).
    expect(close(values("continuity"))).toEqual([1, 0.5, 0.3333, undefined, 1]);
    expect(details("continuity").map((d) => d.repeated)).toEqual([0, 2, 1, undefined, 0]);
  });

  it("outcomes: average objective score, committed at 1.0, aspirational at 0.7 or more", () => {
    expect(close(values("outcomes"))).toEqual([0.75, 0.65, 0.75, undefined, 0.5]);
    expect(details("outcomes")[0]).toMatchObject({
      committedDone: 1,
      committed: 1,
      aspirationalMet: 0,
      aspirational: 1,
    });
    expect(details("outcomes")[1]).toMatchObject({
      committedDone: 0,
      committed: 1,
      aspirationalMet: 1,
      aspirational: 1,
    });
    expect(details("outcomes")[2]).toMatchObject({
      committedDone: 1,
      committed: 2,
      aspirationalMet: 0,
      scored: 2,
    });
  });

  it("carry-over: objectives carried from the quarter before, and carried again", () => {
    // 2026-Q1: both (O-3 by its note, O-4 by its title); 2026-Q2: O-5, a second time; 2026-Q4 follows a gap.
    expect(close(values("carryOver"))).toEqual([undefined, 1, 0.3333, undefined, 0]);
    expect(details("carryOver")[2]).toEqual({ carried: 1, objectives: 3, again: 1 });
  });

  it("bands each value against its threshold and gives the trend against the last measured quarter", () => {
    const regularity = health.byTeam[0]!.quarters.map((q) => [
      q.signals.regularity.band,
      q.signals.regularity.trend,
    ]);
    expect(regularity).toEqual([
      ["red", undefined],
      ["red", "up"],
      ["green", "up"],
      [undefined, undefined],
      ["red", "down"],
    ]);
    expect(healthBand("churn", 0.2, 0.1)).toBe("yellow");
    expect(healthBand("churn", 0.3, 0.1)).toBe("red");
    expect(healthBand("outcomes", 0.6, 0.6)).toBe("green");
  });

  it("names its findings after the lessons", () => {
    const kinds = health.findings.map((f) =>
      f.kind === "worse" || f.kind === "better" || f.kind === "below" ? `${f.kind}:${f.signal}` : f.kind,
    );
    expect(kinds).toEqual([
      "gap",
      "better:focus",
      "worse:outcomeShare",
      "worse:kpiLeakage",
      "worse:regularity",
      "worse:rush",
      "worse:churn",
      "better:continuity",
      "worse:outcomes",
      "better:carryOver",
      "carried",
      "noLock",
    ]);
    const layout = healthLayout(health, "en", { today: TODAY });
    const texts = layout.cells.map((line) => line[1]!.value);
    expect(texts).toContain("No OKRs in 2026-Q3: shown as a gap, not as zero.");
    expect(texts).toContain("Check-ins are thinning: 13 of 13 weeks in 2026-Q2, 2 of 12 weeks in 2026-Q4.");
    expect(texts).toContain("Sales has carried the same objective 3 quarters in a row: “Win Brussels”.");
    expect(texts).toContain("Scores are falling: 0.75 in 2026-Q2, 0.5 in 2026-Q4.");
    const fr = healthLayout(health, "fr", { today: TODAY }).cells.map((line) => line[1]!.value);
    expect(fr).toContain(
      "Les points se raréfient : 13 semaines sur 13 en 2026-Q2, 2 semaines sur 12 en 2026-Q4.",
    );
    expect(fr).toContain("Sales a reporté le même objectif 3 trimestres de suite : « Win Brussels ».");
  });

  it("links each finding to the cells it comes from", () => {
    const layout = healthLayout(health, "en", { today: TODAY });
    const row = layout.signalRows.regularity;
    const finding = layout.cells.find((line) => String(line[1]!.value).startsWith("Check-ins are thinning"))!;
    // 2026-Q2 is column E, 2026-Q4 column G.
    expect(finding[0]!.link).toEqual({ sheet: "health", a1: `E${row}:G${row}` });
    expect(layout.cells[row - 1]!.slice(4, 7).map((c) => c.value)).toEqual([1, "—", 2 / 12]);
    const carried = layout.cells.find((line) => String(line[1]!.value).startsWith("Sales has carried"))!;
    // O-5 is on the OKRs sheet's row 11 (the header, then O-1 … KR-5).
    expect(carried[0]!.link).toEqual({ sheet: "okrs", a1: "11:11" });
  });
});

describe("practice health thresholds in Settings", () => {
  it("uses the defaults without a table, and a table found by its header wherever it sits", () => {
    expect(parseThresholds(settingsGrid).thresholds).toEqual(HEALTH_DEFAULTS);
    const table = thresholdRows("fr");
    table[4]![1] = "70 %";
    table[5]![1] = "beaucoup";
    const parsed = parseThresholds([...settingsGrid, [], ...table]);
    expect(parsed.headerRow).toBe(5);
    expect(parsed.thresholds.regularity).toBeCloseTo(0.7, 10);
    expect(parsed.thresholds.rush).toBe(HEALTH_DEFAULTS.rush);
    expect(parsed.invalid).toEqual([{ row: 10, signal: "rush", value: "beaucoup" }]);
  });

  it("appends a table that reads back as the defaults, shares typed as percentages", () => {
    for (const lang of ["en", "fr"] as const) {
      const table = thresholdRows(lang);
      expect(table.slice(1).map((line) => line[1])).toEqual([
        "90%",
        "80%",
        "10%",
        "80%",
        "30%",
        "10%",
        "80%",
        0.6,
        "30%",
      ]);
      expect(parseThresholds(table)).toEqual({ thresholds: HEALTH_DEFAULTS, headerRow: 1, invalid: [] });
    }
  });
});

describe("samePerson", () => {
  it("matches an owner to a check-in's author by name or address", () => {
    expect(samePerson("ada@x.com", "Ada")).toBe(true);
    expect(samePerson("ada.martin@x.com", "Ada Martin")).toBe(true);
    expect(samePerson("Cleo", "Ben")).toBe(false);
    expect(samePerson("", "Ben")).toBe(false);
  });

  it("reads a compound name as its address writes it (Jean-Pierre, jean-pierre.dupont@…)", () => {
    expect(samePerson("jean-pierre.dupont@x.fr", "Jean-Pierre Dupont")).toBe(true);
    expect(samePerson("jean-pierre@x.fr", "Jean-Pierre")).toBe(true);
    expect(samePerson("anne-sophie.le-gall@x.fr", "Anne-Sophie Le Gall")).toBe(true);
    expect(samePerson("chloe.martin@x.fr", "Chloé")).toBe(true);
    expect(samePerson("jean.dupont@x.fr", "Jean-Pierre Dupont")).toBe(false);
  });
});
