/**
 * The pure parts of the quarter lifecycle (lock plan, review, start next quarter): what Settings
 * gains, which teams a review is offered for, which IDs were ticked "Carry over?", and when a start
 * is refused.
 */
import {
  carriedOverIds,
  checkStart,
  defaultSettings,
  earliness,
  endedQuarter,
  followingQuarter,
  isReviewSheetOf,
  lockQuestionOf,
  nextQuarterProposalOf,
  parseOkrs,
  parseSettings,
  quarterHelpLanguage,
  reviewTeams,
  settingsUpdate,
  startPlan,
  withLabels,
} from "../../src/core";
import { settingHelp } from "../../src/core/setting-rows";
import { day, okrGrid } from "../helpers/grids";

const TODAY = day("2026-12-20");

describe("settingsUpdate", () => {
  const grid = [
    ["Setting", "Value", "Help"],
    ["Current quarter", "2026-Q4", settingHelp("quarter", "fr", "2026-Q4")],
    ["Plan locked on", "2026-10-04", ""],
  ];
  const { rows } = parseSettings(grid, TODAY, "UTC");

  it("changes the value cells of the rows Settings has, and the quarter's help in its own language", () => {
    const change = settingsUpdate({
      grid,
      rows,
      values: { quarter: "2027-Q1", lockDate: "" },
      lang: "en",
      currentQuarter: "2026-Q4",
      timeZone: "UTC",
    });
    expect([...change.updates]).toEqual([
      [2, "2027-Q1"],
      [3, ""],
    ]);
    expect(change.quarterHelp).toEqual({ row: 2, text: settingHelp("quarter", "fr", "2027-Q1") });
    expect(change.appended).toEqual([]);
  });

  it("leaves a help the user wrote, appends missing settings as text, and a quarter row with its dates", () => {
    const own = grid.map((line, i) => (i === 1 ? [line[0], line[1], "our own words"] : line));
    const change = settingsUpdate({
      grid: own,
      rows: { quarter: 2 },
      values: { quarter: "2027-Q1", idPrefix: "=1+1" },
      lang: "fr",
      currentQuarter: "2026-Q4",
      quarter: { quarter: "2027-Q1", start: day("2027-01-01"), end: day("2027-03-31") },
      timeZone: "UTC",
    });
    expect(change.quarterHelp).toBeUndefined();
    expect(change.appended[0]![1]).toBe("'=1+1");
    expect(change.appended[1]).toEqual([
      "2027-Q1",
      new Date("2027-01-01T00:00:00Z"),
      new Date("2027-03-31T00:00:00Z"),
    ]);
  });

  it("recognises our quarter help in either language, whatever quarter it names", () => {
    expect(quarterHelpLanguage(settingHelp("quarter", "en", "2031-Q2"))).toBe("en");
    expect(quarterHelpLanguage(settingHelp("quarter", "fr", "FY27-Q1"))).toBe("fr");
    expect(quarterHelpLanguage("The quarter we are in")).toBeUndefined();
    expect(quarterHelpLanguage(42)).toBeUndefined();
  });
});

describe("review helpers", () => {
  it("offers a review for each team with a team objective this quarter, once, in name order", () => {
    const okrs = parseOkrs(
      okrGrid([
        { quarter: "2026-Q4", id: "O-1", type: "Objective", level: "Team", team: "Sales", title: "A" },
        { quarter: "2026-Q4", id: "O-2", type: "Objective", level: "Team", team: "Ops", title: "B" },
        { quarter: "2026-Q4", id: "O-3", type: "Objective", level: "Team", team: "Sales", title: "C" },
        { quarter: "2026-Q4", id: "O-4", type: "Objective", level: "Company", team: "Board", title: "D" },
        { quarter: "2026-Q3", id: "O-5", type: "Objective", level: "Team", team: "Legal", title: "E" },
      ]),
      "UTC",
    ).items;
    expect(reviewTeams(okrs, "2026-Q4")).toEqual(["Ops", "Sales"]);
  });

  it("finds a quarter's review sheets by name in either language, and the IDs ticked in one", () => {
    expect(isReviewSheetOf("Revue 2026-Q4 (2)", "2026-Q4")).toBe(true);
    expect(isReviewSheetOf("Review 2026-Q3", "2026-Q4")).toBe(false);
    const grid = [
      ["Review 2026-Q4"],
      [],
      ["Title", "ID", "À reconduire ?"],
      ["Grow", "O-1", true],
      ["Keep", "O-2", false],
      ["Win", "O-3", true],
    ];
    expect([...carriedOverIds(grid)]).toEqual(["o-1", "o-3"]);
    expect(carriedOverIds([["Title", "ID"]]).size).toBe(0);
  });
});

describe("followingQuarter", () => {
  const on = (quarters: { label: string; start: string; end: string }[], current: string) => {
    const table = quarters.map((q) => ({ label: q.label, start: day(q.start), end: day(q.end) }));
    const row = table.find((q) => q.label === current)!;
    return {
      ...defaultSettings(row.start),
      quarter: current,
      quarterStart: row.start,
      quarterEnd: row.end,
      quarters: table,
    };
  };

  it("takes the next quarter's row of the table when there is one", () => {
    const settings = on(
      [
        { label: "2027-Q4", start: "2027-11-01", end: "2028-01-31" },
        { label: "2028-Q1", start: "2028-02-01", end: "2028-04-30" },
      ],
      "2027-Q4",
    );
    expect(followingQuarter(settings)).toEqual({
      quarter: "2028-Q1",
      start: day("2028-02-01"),
      end: day("2028-04-30"),
    });
  });

  it("starts a quarter missing from the table the day after the current one ends, for three months", () => {
    // A fiscal year (February to January): the row added for 2029-Q1 must not overlap 2028-Q4.
    const fiscal = on([{ label: "2028-Q4", start: "2028-11-01", end: "2029-01-31" }], "2028-Q4");
    expect(followingQuarter(fiscal)).toEqual({
      quarter: "2029-Q1",
      start: day("2029-02-01"),
      end: day("2029-04-30"),
    });
    // Calendar quarters stay calendar quarters.
    const calendar = on([{ label: "2028-Q4", start: "2028-10-01", end: "2028-12-31" }], "2028-Q4");
    expect(followingQuarter(calendar)).toEqual({
      quarter: "2029-Q1",
      start: day("2029-01-01"),
      end: day("2029-03-31"),
    });
    const august = on([{ label: "2029-Q2", start: "2029-05-01", end: "2029-07-31" }], "2029-Q2");
    expect(followingQuarter(august)).toEqual({
      quarter: "2029-Q3",
      start: day("2029-08-01"),
      end: day("2029-10-31"),
    });
  });
});

describe("checkStart", () => {
  const okrs = parseOkrs(
    okrGrid([
      { quarter: "2026-Q4", id: "O-1", type: "Objective", level: "Team", team: "Ops", title: "Grow" },
      { quarter: "2026-Q4", id: "KR-1", type: "Key result", team: "Ops", parent: "O-1", title: "Grow 1" },
      { quarter: "2026-Q4", id: "O-2", type: "Objective", level: "Team", team: "Ops", title: "Keep" },
      { quarter: "2026-Q3", id: "O-3", type: "Objective", level: "Team", team: "Ops", title: "Old" },
      { quarter: "2026-Q4", id: "O-4", type: "Objective", level: "Team", team: "Ops", title: "Twice" },
      { quarter: "2026-Q4", id: "KR-2", type: "Key result", team: "Ops", parent: "O-4", title: "A" },
      { quarter: "2026-Q3", id: "KR-2", type: "Key result", team: "Ops", parent: "O-3", title: "B" },
    ]),
    "UTC",
  ).items;
  const settings = { quarter: "2026-Q4", quarterEnd: day("2026-12-31") };
  const start = (
    carry: { id: string; owner: string }[],
    extra: { asked?: string; early?: boolean; on?: string } = {},
  ) =>
    checkStart(okrs, settings, day(extra.on ?? "2026-12-28"), {
      asked: extra.asked ?? "2026-q4",
      carry,
      confirmedEarly: extra.early ?? false,
      to: "2027-Q1",
    });

  it("answers the picks with the IDs as the sheet spells them", () => {
    expect(start([{ id: " o-1 ", owner: "Ada" }])).toEqual({ picks: [{ id: "O-1", owner: "Ada" }] });
  });

  it("refuses a second start, a pick made twice, another quarter's objective and a shared ID", () => {
    const refusal = (result: ReturnType<typeof start>) => ("refusal" in result ? result.refusal : undefined);
    expect(refusal(start([], { asked: "2026-Q3" }))).toEqual({
      key: "next.alreadyStarted",
      params: { from: "2026-Q3", current: "2026-Q4" },
    });
    expect(
      refusal(
        start([
          { id: "O-1", owner: "" },
          { id: "o-1", owner: "" },
        ]),
      )?.key,
    ).toBe("next.pickedTwice");
    expect(refusal(start([{ id: "O-3", owner: "" }]))).toEqual({
      key: "next.unknownObjective",
      params: { id: "O-3", from: "2026-Q4" },
    });
    expect(refusal(start([{ id: "O-4", owner: "" }]))).toEqual({
      key: "id.ambiguous",
      params: { id: "KR-2", rows: "7, 8" },
    });
  });

  it("asks before starting more than two weeks early", () => {
    expect(earliness(settings, day("2026-12-17"))).toBeUndefined();
    expect(earliness(settings, day("2026-12-01"))).toEqual({ end: "2026-12-31", days: 30 });
    const early = start([], { on: "2026-12-01" });
    expect("refusal" in early && early.refusal.key).toBe("next.tooEarly");
    expect(start([], { on: "2026-12-01", early: true })).toEqual({ picks: [] });
  });

  it("knows when the current quarter is over and Settings were not moved on", () => {
    const q4 = { quarter: "2026-Q4", quarterEnd: day("2026-12-31") };
    expect(endedQuarter(q4, day("2026-12-31"))).toBeUndefined();
    expect(endedQuarter(q4, day("2027-01-01"))).toEqual({ quarter: "2026-Q4", end: "2026-12-31" });
  });

  it("writes the lists' labels in the spreadsheet's language", () => {
    expect(withLabels({ type: "objective", level: "team", kind: "committed", title: "Grow" }, "fr")).toEqual({
      type: "Objectif",
      level: "Équipe",
      kind: "Engagé",
      metric: undefined,
      title: "Grow",
    });
  });

  it("plans the whole start: the next quarter, rows with IDs above the floor, labelled; the floor asked only then", () => {
    const full = parseSettings([], day("2026-12-28"), "UTC").settings;
    const analysis = { okrs, settings: { ...full, quarter: "2026-Q4" }, settingsQuarterRows: new Map() };
    const floor = jest.fn(() => ({ objective: 9, kr: 20 }));
    const plan = startPlan(
      analysis,
      day("2026-12-28"),
      { asked: "2026-Q4", carry: [{ id: "O-1", owner: "Ada" }], confirmedEarly: false },
      floor,
      () => "fr",
    );
    expect("refusal" in plan).toBe(false);
    if ("refusal" in plan) return;
    expect(plan.next.quarter).toBe("2027-Q1");
    expect(plan.quarterMissing).toBe(true);
    expect(plan.rows.map((r) => [r.id, r.type])).toEqual([
      ["O-10", "Objectif"],
      ["KR-21", "Résultat clé"],
    ]);
    floor.mockClear();
    const refused = startPlan(
      analysis,
      day("2026-12-28"),
      { asked: "2026-Q3", carry: [], confirmedEarly: false },
      floor,
      () => "en",
    );
    expect("refusal" in refused && refused.refusal.key).toBe("next.alreadyStarted");
    expect(floor).not.toHaveBeenCalled();
    const unknown = startPlan(
      { ...analysis, settings: { ...analysis.settings, quarter: "next" } },
      day("2026-12-28"),
      { asked: "next", carry: [], confirmedEarly: false },
      floor,
      () => "en",
    );
    expect("refusal" in unknown && unknown.refusal).toEqual({
      key: "finding.unknown-quarter",
      params: { quarter: "next" },
    });
  });
});

describe("the next-quarter proposal and the lock question", () => {
  const settings = {
    ...defaultSettings(day("2026-10-01")),
    quarter: "2026-Q4",
    quarterStart: day("2026-10-01"),
    quarterEnd: day("2026-12-31"),
  };
  // A quarter without rows: nothing to carry over, which is all the proposal reads of the analysis.
  const analysisOn = (quarter: string) =>
    ({
      settings: { ...settings, quarter },
      okrs: [],
      scores: { byRow: new Map(), byTeam: new Map(), company: undefined },
    }) as never;
  const analysis = analysisOn("2026-Q4");

  it("proposes the following quarter, and asks first when the current one ends in more than two weeks", () => {
    const late = nextQuarterProposalOf("en", analysis, day("2026-12-28"), () => new Set());
    expect(late).toEqual({ lang: "en", from: "2026-Q4", to: "2027-Q1", candidates: [] });
    const early = nextQuarterProposalOf("fr", analysis, day("2026-11-30"), () => new Set());
    expect(early.early).toEqual({ end: "2026-12-31", days: 31 });
  });

  it("refuses, naming it, a quarter it cannot follow", () => {
    expect(() => nextQuarterProposalOf("en", analysisOn("Autumn"), TODAY, () => new Set())).toThrow(/Autumn/);
  });

  it("asks to lock today, naming the lock date it replaces, and refuses a quarter that is over", () => {
    expect(lockQuestionOf("en", settings, day("2026-10-05"))).toEqual({
      quarter: "2026-Q4",
      date: "2026-10-05",
      previous: "",
    });
    const locked = { ...settings, lockDate: day("2026-10-02") };
    expect(lockQuestionOf("en", locked, day("2026-10-05")).previous).toBe("2026-10-02");
    expect(() => lockQuestionOf("en", settings, day("2027-01-02"))).toThrow(/^2026-Q4 ended on 2026-12-31/);
  });
});
