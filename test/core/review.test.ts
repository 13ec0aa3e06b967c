import {
  analyze,
  buildReview,
  carryCandidates,
  carryOverCells,
  carryOverRows,
  parseOkrs,
  reviewCellValue,
  reviewLayout,
  reviewOptionsOf,
  reviewQuarterOf,
  reviewQuarters,
  requestedReview,
} from "../../src/core";
import { checkinGrid, day, okrGrid, type RowSpec } from "../helpers/grids";

/**
 * A whole quarter, computed by hand (2026-Q4: 2026-10-01 → 2026-12-31, plan locked 2026-10-05,
 * reviewed on 2026-12-31).
 *
 *   KR-1  100 → 200, final 180             0.8    (140 before the last two weeks: 0.4)
 *   KR-2  10 → 5 (decrease), final 5       1.0    (9 before: 0.2)
 *   KR-3  0 → 10 "Launch…", final 4        0.4    (4 before: 0.4)
 *   KR-4  threshold 3 → 2, final 1.5       1.0    (no check-in before: 0)
 *   O-2 (Sales, committed) = mean(0.8, 1.0) = 0.9 → needs an explanation
 *   O-3 (Product)          = mean(0.4, 1.0) = 0.7
 *   O-1 (Company)          = mean(O-2, O-3) = 0.8 = overall
 *   rush = late progress / all progress = (0.4 + 0.8 + 0 + 1) / (0.8 + 1 + 0.4 + 1) = 2.2 / 3.2
 */
const Q = "2026-Q4";
const row = (spec: RowSpec): RowSpec => ({ quarter: Q, created: "2026-10-01", ...spec });
const OKRS: RowSpec[] = [
  {
    quarter: "2026-Q3",
    id: "O-0",
    type: "Objective",
    level: "Team",
    team: "Sales",
    title: "Open Brussels",
    owner: "Julien",
  },
  row({
    id: "O-1",
    type: "Objective",
    level: "Company",
    team: "Company",
    title: "Become the app drivers love",
    owner: "Maxime",
    kind: "Aspirational",
  }),
  row({
    id: "O-2",
    type: "Objective",
    level: "Team",
    team: "Sales",
    parent: "O-1",
    title: "Win Brussels",
    owner: "Julien",
    kind: "Committed",
  }),
  row({
    id: "KR-1",
    type: "Key result",
    team: "Sales",
    parent: "O-2",
    title: "Grow partners from 100 to 200",
    metric: "Increase",
    baseline: 100,
    target: 200,
    current: 180,
  }),
  row({
    id: "KR-2",
    type: "Key result",
    team: "Sales",
    parent: "O-2",
    title: "Cut onboarding from 10 to 5 days",
    metric: "Decrease",
    baseline: 10,
    target: 5,
    current: 5,
  }),
  row({
    id: "O-3",
    type: "Objective",
    level: "Team",
    team: "Product",
    parent: "O-1",
    title: "Make booking effortless",
    owner: "Sofia",
    kind: "Aspirational",
    created: "2026-11-02",
  }),
  row({
    id: "KR-3",
    type: "Key result",
    team: "Product",
    parent: "O-3",
    title: "Launch 10 partner integrations",
    metric: "Increase",
    baseline: 0,
    target: 10,
    current: 4,
    created: "2026-11-02",
  }),
  row({
    id: "KR-4",
    type: "Key result",
    team: "Product",
    parent: "O-3",
    title: "Keep churn below 2%",
    metric: "Threshold",
    baseline: 3,
    target: 2,
    current: 1.5,
  }),
];
const CHECKINS: RowSpec[] = [
  { date: "2026-10-12", krId: "KR-1", value: 120 },
  { date: "2026-10-12", krId: "KR-2", value: 9 },
  { date: "2026-11-02", krId: "KR-1", value: 140 },
  { date: "2026-11-09", krId: "KR-3", value: 2 },
  { date: "2026-11-16", krId: "KR-3", value: 4 },
  { date: "2026-12-21", krId: "KR-1", value: 180 },
  { date: "2026-12-28", krId: "KR-2", value: 5 },
  { date: "2026-12-28", krId: "KR-4", value: 1.5 },
];
const SETTINGS = [
  ["Current quarter", Q],
  ["Plan locked on", "2026-10-05"],
];

function reviewOf(team: string) {
  const today = day("2026-12-31");
  const a = analyze(
    { okrs: okrGrid(OKRS), checkins: checkinGrid(CHECKINS), settings: SETTINGS },
    today,
    "UTC",
  );
  return {
    a,
    review: buildReview({
      okrs: a.okrs,
      checkins: a.checkins,
      scores: a.scores,
      settings: a.settings,
      today,
      team,
    }),
  };
}

describe("buildReview on the fixture quarter", () => {
  const { review } = reviewOf("");

  it("scores the quarter as computed by hand", () => {
    expect(review.overall).toBeCloseTo(0.8);
    expect(
      review.rows.map((r) => [r.id, r.score === undefined ? undefined : Number(r.score.toFixed(4))]),
    ).toEqual([
      ["O-1", 0.8],
      ["O-2", 0.9],
      ["KR-1", 0.8],
      ["KR-2", 1],
      ["O-3", 0.7],
      ["KR-3", 0.4],
      ["KR-4", 1],
    ]);
    expect(review.distribution).toEqual({ red: 0, yellow: 1, green: 3, none: 0 });
  });

  it("marks the committed objective below 1.0 and counts check-ins", () => {
    expect(review.rows.filter((r) => r.needsExplanation).map((r) => r.id)).toEqual(["O-2"]);
    expect(review.rows.filter((r) => r.type === "kr").map((r) => [r.id, r.final, r.checkins])).toEqual([
      ["KR-1", 180, 3],
      ["KR-2", 5, 2],
      ["KR-3", 4, 2],
      ["KR-4", 1.5, 1],
    ]);
  });

  it("computes the insights named after the lessons", () => {
    expect(review.insights).toEqual({
      focus: { teams: 3, teamsOverLimit: 0, maxObjectives: 1, objectiveLimit: 3, maxKrs: 2, krLimit: 4 },
      kpiLike: 1,
      outputs: 1,
      regularity: { weeksWithCheckin: 6, weeks: 14 }, // 92 days: 13 weeks and a day
      rush: expect.closeTo(2.2 / 3.2, 10),
      midQuarter: 2,
      // Sales has only Julien: keeping him is no repeat the rotation rule can fault.
      ownerRotation: { repeated: 0, owners: 3 },
    });
  });

  it("charts the objectives' scores", () => {
    expect(review.chart.map((p) => [p.label, Number(p.score.toFixed(4))])).toEqual([
      ["Become the app drivers love", 0.8],
      ["Win Brussels", 0.9],
      ["Make booking effortless", 0.7],
    ]);
  });

  it("reviews one team on its own", () => {
    const sales = reviewOf("sales").review;
    expect(sales.rows.map((r) => r.id)).toEqual(["O-2", "KR-1", "KR-2"]);
    expect(sales.overall).toBeCloseTo(0.9);
    expect(sales.distribution).toEqual({ red: 0, yellow: 0, green: 2, none: 0 });
  });

  it("lays out a sheet in the user's language", () => {
    const layout = reviewLayout(review, "fr");
    expect(layout.cells[0]![0]!.value).toBe("Revue trimestrielle — 2026-Q4");
    expect(layout.cells[layout.tableHeaderRow - 1]!.map((c) => c.value)).toEqual(
      expect.arrayContaining(["Valeur finale", "À reconduire ?"]),
    );
    const o2 = layout.cells.find((line) => line[1]!.value === "O-2")!;
    expect(o2[layout.columns.explain]!.value).toBe("Engagé, sous 1,0 : expliquez pourquoi");
    expect(o2[layout.columns.score]!.background).toBe("#b7e1cd");
  });

  it("puts the carry-over checkboxes on the table's rows of that column only", () => {
    const layout = reviewLayout(review, "en");
    const boxes = carryOverCells(layout);
    const rows = boxes.flatMap((line, i) => (line.some(Boolean) ? [i + 1] : []));
    expect(rows[0]).toBe(layout.tableHeaderRow + 1);
    expect(rows).toHaveLength(layout.tableRows);
    expect(boxes.every((line) => line.every((box, c) => !box || c === layout.columns.carryOver))).toBe(true);
  });

  it("writes days as dates, user text as text and numbers as they are", () => {
    expect(reviewCellValue({ kind: "date", value: day("2026-10-01") }, "Europe/Brussels")).toEqual(
      new Date("2026-09-30T22:00:00.000Z"),
    );
    expect(reviewCellValue({ kind: "text", value: "=HYPERLINK(1)" }, "UTC")).toBe("'=HYPERLINK(1)");
    expect(reviewCellValue({ kind: "score", value: 0.75 }, "UTC")).toBe(0.75);
    expect(reviewCellValue({ kind: "text", value: undefined }, "UTC")).toBe("");
  });
});

describe("a quarter reviewed after the next one started", () => {
  /** 2027-Q1 started on 2027-01-04 with O-2 carried over (O-4, KR-5) and checked in on 2027-01-11. */
  const NEXT: RowSpec[] = [
    ...OKRS,
    {
      quarter: "2027-Q1",
      id: "O-4",
      type: "Objective",
      level: "Team",
      team: "Sales",
      parent: "",
      title: "Win Brussels",
      owner: "Ada",
      kind: "Committed",
      created: "2027-01-04",
    },
    {
      quarter: "2027-Q1",
      id: "KR-5",
      type: "Key result",
      team: "Sales",
      parent: "O-4",
      title: "Grow partners from 180 to 200",
      metric: "Increase",
      baseline: 180,
      target: 200,
      current: 190,
      created: "2027-01-04",
    },
  ];
  const today = day("2027-01-12");
  const a = analyze(
    {
      okrs: okrGrid(NEXT),
      checkins: checkinGrid([...CHECKINS, { date: "2027-01-11", krId: "KR-5", value: 190 }]),
      settings: [
        ["Current quarter", "2027-Q1"],
        ["Plan locked on", "2027-01-04"],
      ],
    },
    today,
    "UTC",
  );
  const locks = new Map([
    ["2026-Q4", day("2026-10-05")],
    ["2027-Q1", day("2027-01-04")],
  ]);
  const closed = (team: string, quarter = "2026-Q4") =>
    buildReview({
      okrs: a.okrs,
      checkins: a.checkins,
      scores: a.scores,
      settings: a.settings,
      today,
      team,
      quarter,
      locks,
    });

  it("shows the quarter as it ended: the same rows, scores, statuses and insights as on its last day", () => {
    const ended = reviewOf("").review;
    const review = closed("");
    expect(review.quarter).toBe("2026-Q4");
    expect(review.generated).toBe(today);
    expect({ ...review, generated: 0 }).toEqual({ ...ended, generated: 0 });
    expect(review.rows.map((r) => [r.id, r.status])).toEqual([
      ["O-1", "at-risk"],
      ["O-2", "on-track"],
      ["KR-1", "at-risk"],
      ["KR-2", "done"],
      ["O-3", "at-risk"],
      ["KR-3", "off-track"],
      ["KR-4", "done"],
    ]);
  });

  it("reviews one team of the closed quarter, and takes any spelling of it", () => {
    expect({ ...closed("Sales", "Q4 2026"), generated: 0 }).toEqual({
      ...reviewOf("sales").review,
      generated: 0,
      team: "Sales",
    });
  });

  it("counts nothing mid-quarter without the quarter's lock date (Settings hold the current one's only)", () => {
    const review = buildReview({
      okrs: a.okrs,
      checkins: a.checkins,
      scores: a.scores,
      settings: a.settings,
      today,
      team: "",
      quarter: "2026-Q4",
    });
    expect(review.insights.midQuarter).toBe(0);
  });

  it("still reviews the current quarter by default, and when asked by name", () => {
    const current = buildReview({
      okrs: a.okrs,
      checkins: a.checkins,
      scores: a.scores,
      settings: a.settings,
      today,
      team: "",
    });
    expect(current.quarter).toBe("2027-Q1");
    expect(current.rows.map((r) => [r.id, r.final, r.checkins])).toEqual([
      ["O-4", undefined, 0],
      ["KR-5", 190, 1],
    ]);
    expect(closed("", "2027-Q1")).toEqual(current);
  });

  it("offers the current quarter first, then the quarters with rows, most recent first", () => {
    expect(reviewQuarters(a.okrs, "2027-Q1")).toEqual(["2027-Q1", "2026-Q4", "2026-Q3"]);
    // A current quarter without rows yet is offered all the same; text that is no quarter is not.
    expect(
      reviewQuarters([{ quarter: "2026-Q3" }, { quarter: "someday" }, { quarter: "2026-Q4" }], "2027-Q2"),
    ).toEqual(["2027-Q2", "2026-Q4", "2026-Q3"]);
    expect(reviewOptionsOf("fr", a.okrs, "2027-Q1")).toEqual({
      lang: "fr",
      quarter: "2027-Q1",
      teams: ["Sales"],
      quarters: [
        { quarter: "2027-Q1", teams: ["Sales"] },
        { quarter: "2026-Q4", teams: ["Product", "Sales"] },
        { quarter: "2026-Q3", teams: ["Sales"] },
      ],
    });
  });

  it("answers a request: the quarter it names, the company's rows only for all teams, a refusal otherwise", () => {
    const asked = { team: "", quarter: "2026-q4", locks, today };
    let companyRead = 0;
    const company = () => (companyRead++, undefined);
    expect(requestedReview("en", a, asked, company)).toEqual(closed(""));
    expect(requestedReview("en", a, { ...asked, team: "Sales", quarter: undefined }, company).quarter).toBe(
      "2027-Q1",
    );
    expect(companyRead).toBe(1);
    const theirs = {
      okrs: [],
      checkins: [],
      scores: { byRow: new Map(), byTeam: new Map(), company: undefined },
    };
    expect(requestedReview("en", a, { ...asked, quarter: "" }, () => theirs).rows).toEqual([]);
    expect(() => requestedReview("fr", a, { ...asked, quarter: "2025-Q1" }, company)).toThrow(/2025-Q1/);
  });

  it("names the quarter a request asks for, or none for a quarter it does not offer", () => {
    const offered = ["2027-Q1", "2026-Q4"];
    expect(reviewQuarterOf(undefined, offered)).toBe("2027-Q1");
    expect(reviewQuarterOf("", offered)).toBe("2027-Q1");
    expect(reviewQuarterOf("2026-q4", offered)).toBe("2026-Q4");
    expect(reviewQuarterOf("T4 2026", offered)).toBe("2026-Q4");
    expect(reviewQuarterOf("2025-Q1", offered)).toBeUndefined();
    expect(reviewQuarterOf("<img src=x>", offered)).toBeUndefined();
  });
});

describe("the next quarter", () => {
  const { a } = reviewOf("");

  it("proposes aspirational objectives below 0.7 and those marked carry over, with the next owner", () => {
    const candidates = carryCandidates(a.okrs, a.scores, a.settings, new Set(["o-2"]));
    expect(candidates.map((c) => [c.id, c.proposed, c.reasons, c.nextOwner])).toEqual([
      ["O-1", false, [], "Maxime"],
      ["O-2", true, ["carry"], "Julien"],
      ["O-3", false, [], "Sofia"],
    ]);
  });

  it("copies text, metric, target and weights with the last value as the new baseline and new IDs", () => {
    const rows = carryOverRows(a.okrs, [{ id: "O-2", owner: "Ada" }], Q, "2027-Q1", day("2027-01-02"));
    expect(rows).toEqual([
      expect.objectContaining({
        quarter: "2027-Q1",
        id: "O-4",
        type: "objective",
        owner: "Ada",
        parent: "",
        title: "Win Brussels",
        kind: "committed",
      }),
      expect.objectContaining({ id: "KR-5", parent: "O-4", baseline: 180, target: 200, metric: "increase" }),
      // Cut onboarding from 10 to 5 days reached 5: the last value would equal the target.
      expect.objectContaining({ id: "KR-6", parent: "O-4", baseline: 10, target: 5, metric: "decrease" }),
    ]);
    expect(rows[1]).not.toHaveProperty("current");
  });

  it("keeps the baseline of a key result that reached or passed its target, so it stays measurable the same way", () => {
    const okrs = parseOkrs(
      okrGrid([
        { quarter: Q, id: "O-1", type: "Objective", level: "Team", team: "Sales", title: "Win Brussels" },
        ...[
          ["KR-1", "Increase", 100, 200, 230], // passed: 230 as a baseline would turn it into a decrease
          ["KR-2", "Decrease", 10, 5, 5], // reached: 5 would equal the target
          ["KR-3", "Threshold", 3, 2, 1.5], // stays below 2: 1.5 would turn it into "stay above"
          ["KR-4", "Milestone", 0, 1, 1],
          ["KR-5", "Increase", 20, 40, 21], // short of its target: the last value, as before
          ["KR-6", "Threshold", 3, 2, 2.5],
        ].map(([id, metric, baseline, target, current]) => ({
          quarter: Q,
          id: String(id),
          type: "Key result",
          team: "Sales",
          parent: "O-1",
          title: `Key result ${String(id)}`,
          metric: String(metric),
          baseline: Number(baseline),
          target: Number(target),
          current: Number(current),
        })),
      ]),
      "UTC",
    ).items;
    const rows = carryOverRows(okrs, [{ id: "O-1", owner: "Ada" }], Q, "2027-Q1", day("2027-01-02"));
    expect(rows.slice(1).map((r) => [r.notes, r.baseline, r.target])).toEqual([
      [`← KR-1 (${Q})`, 100, 200],
      [`← KR-2 (${Q})`, 10, 5],
      [`← KR-3 (${Q})`, 3, 2],
      [`← KR-4 (${Q})`, 0, 1],
      [`← KR-5 (${Q})`, 21, 40],
      [`← KR-6 (${Q})`, 2.5, 2],
    ]);
  });
});
