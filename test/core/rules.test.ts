import {
  defaultSettings,
  type Finding,
  parseCheckins,
  parseOkrs,
  RULES,
  ruleContext,
  type Settings,
  validate,
} from "../../src/core";
import { checkinGrid, day, okrGrid, type RowSpec, soundQuarter } from "../helpers/grids";

const today = day("2026-11-26");

function run(
  rule: keyof typeof RULES,
  rows: RowSpec[],
  settings: Partial<Settings> = {},
  checkins: RowSpec[] = [],
): Finding[] {
  const okrs = parseOkrs(okrGrid(rows), "UTC").items;
  const ctx = ruleContext({
    okrs,
    checkins: parseCheckins(checkinGrid(checkins), "UTC").items,
    settings: { ...defaultSettings(today), ...settings },
    today,
  });
  return RULES[rule](ctx);
}

const kr = (spec: RowSpec): RowSpec => ({
  quarter: "2026-Q4",
  id: "KR-9",
  type: "Key result",
  team: "Sales",
  parent: "O-2",
  metric: "Increase",
  baseline: 0,
  target: 10,
  lastCheckIn: "2026-11-20",
  ...spec,
});
const objective = (spec: RowSpec): RowSpec => ({
  quarter: "2026-Q4",
  type: "Objective",
  level: "Team",
  team: "Sales",
  owner: "Ada",
  parent: "O-1",
  title: "Delight our customers",
  ...spec,
});

describe("a sound quarter", () => {
  it("has no finding at all", () => {
    const okrs = parseOkrs(okrGrid(soundQuarter()), "UTC").items;
    expect(validate({ okrs, settings: defaultSettings(today), today })).toEqual([]);
  });
});

describe("structure", () => {
  it("requires the values each row type needs", () => {
    const findings = run("required", [
      { quarter: "2026-Q4", id: "KR-1", type: "Key result", team: "Sales", title: "Grow from 1 to 2" },
    ]);
    expect(findings.map((f) => f.column)).toEqual(["parent", "metric", "baseline", "target"]);
    expect(findings[0]).toMatchObject({ code: "required", severity: "error", sheet: "okrs", row: 2 });
  });

  it("flags a duplicate ID on the second row, naming the first", () => {
    const findings = run("duplicateIds", [...soundQuarter(), kr({ id: "kr-1", title: "Again 1 to 2" })]);
    expect(findings).toEqual([
      {
        code: "duplicate-id",
        severity: "error",
        sheet: "okrs",
        row: 6,
        column: "id",
        params: { id: "kr-1", firstRow: 4 },
      },
    ]);
  });

  it("flags a key result whose objective does not exist, or is a key result", () => {
    const findings = run("parents", [
      ...soundQuarter(),
      kr({ parent: "O-404", title: "x 1" }),
      kr({ id: "KR-8", parent: "KR-1", title: "y 1" }),
    ]);
    expect(findings.map((f) => [f.code, f.params])).toEqual([
      ["unknown-parent", { parent: "O-404" }],
      ["parent-not-objective", { parent: "KR-1" }],
    ]);
  });

  it("flags a team objective linked to something that is not a company objective", () => {
    const findings = run("parents", [...soundQuarter(), objective({ id: "O-3", parent: "O-2" })]);
    expect(findings).toEqual([
      expect.objectContaining({ code: "unknown-company-objective", row: 6, params: { parent: "O-2" } }),
    ]);
  });

  it("flags target = baseline on increasing and decreasing key results only", () => {
    expect(run("targetEqualsBaseline", [kr({ baseline: 40, target: 40, title: "Stay at 40" })])).toEqual([
      expect.objectContaining({ code: "target-equals-baseline", column: "target", params: { value: "40" } }),
    ]);
    expect(run("targetEqualsBaseline", [kr({ metric: "Threshold", baseline: 40, target: 40 })])).toEqual([]);
  });

  it("flags a weight that is not positive", () => {
    expect(
      run("weights", [kr({ weight: 0 }), kr({ weight: -2 }), kr({ weight: 2 })]).map((f) => f.params),
    ).toEqual([{ value: "0" }, { value: "-2" }]);
  });

  it("flags a Quarter that is not a quarter", () => {
    expect(run("quarters", [kr({ quarter: "2026-Q5" })])).toEqual([
      expect.objectContaining({ code: "unknown-quarter", params: { quarter: "2026-Q5" } }),
    ]);
  });

  it("flags a check-in for an unknown key result", () => {
    const findings = run("checkinKrs", soundQuarter(), {}, [
      { date: "2026-11-02", krId: "KR-404", value: 3 },
    ]);
    expect(findings).toEqual([
      {
        code: "unknown-kr",
        severity: "warning",
        sheet: "checkins",
        row: 2,
        column: "krId",
        params: { id: "KR-404" },
      },
    ]);
  });
});

describe("focus", () => {
  const objectives = (n: number) => Array.from({ length: n }, (_, i) => objective({ id: `O-${i + 10}` }));

  it("flags each objective past the team's limit (default 3)", () => {
    const findings = run("tooManyObjectives", objectives(5));
    expect(findings.map((f) => f.row)).toEqual([5, 6]);
    expect(findings[0]?.params).toEqual({ team: "Sales", quarter: "2026-Q4", count: 5, limit: 3 });
  });

  it("follows the limit in Settings", () => {
    expect(run("tooManyObjectives", objectives(5), { maxObjectivesPerTeam: 5 })).toEqual([]);
  });

  it("flags an objective with more key results than the limit (default 4)", () => {
    const krs = Array.from({ length: 5 }, (_, i) => kr({ id: `KR-${i}`, title: `Grow ${i} to 10` }));
    expect(run("tooManyKrs", [objective({ id: "O-2" }), ...krs])).toEqual([
      expect.objectContaining({
        code: "too-many-krs",
        row: 2,
        params: { objective: "O-2", count: 5, limit: 4 },
      }),
    ]);
  });

  it("flags an objective without key results, but not a company objective measured by its teams", () => {
    const findings = run("objectiveWithoutKrs", [...soundQuarter(), objective({ id: "O-3", parent: "O-1" })]);
    expect(findings).toEqual([
      expect.objectContaining({ code: "objective-without-krs", row: 6, params: { objective: "O-3" } }),
    ]);
  });
});

describe("KPI mix-up", () => {
  it.each([
    ["Keep churn below 2%", "keep"],
    ["Maintain NPS above 40", "maintain"],
    ["Stay above 95% uptime", "stay above"],
    ["Maintenir le taux de satisfaction à 90 %", "maintenir"],
    ["Garder le churn sous 2 %", "garder"],
    ["Rester au-dessus de 95 % de disponibilité", "rester au-dessus"],
    ["Hold churn at 2%", "hold"],
    ["Uptime: 99.9%", "uptime: 99.9%"],
    ["Délai moyen de paiement : 38 jours", "délai moyen de paiement : 38"],
    ["Never miss a payroll date", "never"],
    ["Aucun incident de sécurité majeur", "aucun"],
    ["Less than 2 major priority bugs found in production", "less than"],
  ])("flags %p and names %p", (title, words) => {
    expect(run("kpiLike", [kr({ title })])).toEqual([
      {
        code: "kpi-like",
        severity: "warning",
        sheet: "okrs",
        row: 2,
        column: "title",
        params: expect.objectContaining({ words }),
      },
    ]);
  });

  it("names the measure a KPI keeps, for the hint that turns it into a change", () => {
    expect(run("kpiLike", [kr({ title: "Keep monthly churn below 2%" })])[0]?.params).toEqual({
      words: "keep",
      metric: "monthly churn",
    });
    expect(run("kpiLike", [kr({ title: "Uptime: 99.9%" })])[0]?.params).toEqual({
      words: "uptime: 99.9%",
      metric: "uptime",
    });
  });

  it("flags a threshold metric and a target equal to the baseline", () => {
    expect(run("kpiLike", [kr({ title: "Uptime 99.9%", metric: "Threshold" })])[0]?.params).toEqual({
      words: "threshold",
    });
    expect(
      run("kpiLike", [kr({ title: "Uptime at 99.9%", baseline: 99.9, target: 99.9 })])[0]?.params,
    ).toEqual({ words: "target = baseline" });
  });

  it("leaves an outcome alone, even with a bound or a guardrail beside its change", () => {
    expect(run("kpiLike", [kr({ title: "Raise NPS from 30 to 45" })])).toEqual([]);
    expect(run("kpiLike", [kr({ title: "Reduce the time to first reply to no more than 2 h" })])).toEqual([]);
    expect(
      run("kpiLike", [kr({ title: "Increase NPS from 30 to 45 while keeping churn below 2%" })]),
    ).toEqual([]);
  });
});

describe("output instead of outcome", () => {
  it.each([
    ["Launch the new onboarding flow", "launch"],
    ["Implement a CRM", "implement"],
    ["Run five customer workshops", "run"],
    ["Hire 2 sales reps", "hire"],
    ["Mettre en place un CRM", "mettre en place"],
    ["Lancer l'application mobile", "lancer"],
    ["Organiser 3 événements clients", "organiser"],
    ["Recruter deux commerciaux", "recruter"],
    ["Créer un programme de fidélité", "créer"],
    ["KR1: Launch. Then measure", "launch"],
    ["Launching the referral programme", "launching"],
    ["Lancez le programme ambassadeurs", "lancez"],
    ["Nous avons déployé le nouvel outil", "déployé"],
    ["Our team runs 6 interviews", "runs"],
    ["L'organisation de 3 ateliers", "organisation"],
    ["Mise en œuvre du CRM", "mise en œuvre"],
    ["Envoyer la newsletter chaque semaine", "envoyer"],
    ["Renegotiate the supplier contracts", "renegotiate"],
    ["100 calls", "100 calls"],
    ["30 rendez-vous", "30 rendez-vous"],
    ["Refonte terminée", "refonte"],
    ["New pricing live", "new"],
    ["Weekly demo to sales", "weekly demo"],
    ["chaque trimestre, lancer une mise à jour", "lancer"],
  ])("flags %p and names %p", (title, words) => {
    expect(run("outputNotOutcome", [kr({ title })])).toEqual([
      {
        code: "output-not-outcome",
        severity: "warning",
        sheet: "okrs",
        row: 2,
        column: "title",
        params: expect.objectContaining({ words }),
      },
    ]);
  });

  it("names what the activity acts on, for the hint that turns it into an outcome", () => {
    expect(run("outputNotOutcome", [kr({ title: "Launch the partner portal" })])[0]?.params).toEqual({
      words: "launch",
      object: "partner portal",
    });
    expect(run("outputNotOutcome", [kr({ title: "Hire 2 sales reps" })])[0]?.params).toEqual({
      words: "hire",
    });
  });

  it.each([
    "Ship the new checkout to raise conversion by 10%",
    "Build time from 20 to 5 min",
    "Release frequency from monthly to weekly",
    "Faire passer la note sur les stores de 3,9 à 4,5",
    "Delivery within 24 h for 95% of orders",
    "Run-rate revenue from $1M to $2M",
    "Launch new dashboard so that bounce rate drops from 50 percent to 35 percent",
    "Hold churn at 2%",
  ])("does not call %p an activity", (title) => {
    expect(run("outputNotOutcome", [kr({ title })])).toEqual([]);
  });

  it("flags a milestone metric", () => {
    expect(run("outputNotOutcome", [kr({ title: "Pricing", metric: "Milestone" })])[0]?.params).toEqual({
      words: "milestone",
    });
  });

  it("does not flag an outcome that mentions a launch", () => {
    expect(
      run("outputNotOutcome", [kr({ title: "Grow weekly bookings after the launch from 200 to 300" })]),
    ).toEqual([]);
  });
});

describe("vague key results", () => {
  it("flags a key result with no figure and no target", () => {
    expect(run("notMeasurable", [kr({ title: "Improve customer happiness", target: "" })])).toEqual([
      expect.objectContaining({ code: "not-measurable", column: "title" }),
    ]);
  });

  it("accepts a figure in the text or a target", () => {
    expect(
      run("notMeasurable", [
        kr({ title: "Improve customer happiness", target: 45 }),
        kr({ title: "NPS to 45", target: "" }),
      ]),
    ).toEqual([]);
  });
});

describe("objectives are qualitative", () => {
  it("flags figures but not years or quarters", () => {
    expect(
      run("objectiveHasNumber", [objective({ title: "Reach 1M€ revenue and 20% margin" })])[0]?.params,
    ).toEqual({ words: "1M€, 20%" });
    expect(run("objectiveHasNumber", [objective({ title: "Win Brussels in 2026, starting Q4" })])).toEqual(
      [],
    );
  });
});

describe("levels", () => {
  it("flags levels outside the allowed set (Company and Team by default)", () => {
    expect(
      run("levelsAllowed", [objective({ level: "Individual" }), objective({ level: "Department" })]).map(
        (f) => f.params,
      ),
    ).toEqual([
      { level: "individual", allowed: "company, team" },
      { level: "department", allowed: "company, team" },
    ]);
  });

  it("follows the allowed levels in Settings", () => {
    expect(
      run("levelsAllowed", [objective({ level: "Department" })], {
        allowedLevels: ["company", "department", "team"],
      }),
    ).toEqual([]);
  });
});

describe("owners", () => {
  it("flags an objective without an owner", () => {
    expect(run("ownerMissing", [objective({ owner: "" })])).toEqual([
      expect.objectContaining({ code: "owner-missing", column: "owner" }),
    ]);
  });

  it("notes the same owner as last quarter for the team, when the team has another", () => {
    const findings = run("ownerRepeated", [
      objective({ quarter: "2026-Q2", id: "O-9", owner: "Ben" }),
      objective({ quarter: "2026-Q3", id: "O-0", owner: "Ada" }),
      objective({ id: "O-2", owner: "ada" }),
      objective({ id: "O-5", team: "Ops", owner: "Ada" }),
    ]);
    expect(findings).toEqual([
      expect.objectContaining({
        code: "owner-repeated",
        severity: "info",
        row: 4,
        params: { owner: "ada", previousQuarter: "2026-Q3" },
      }),
    ]);
  });

  it("does not fault a team whose only owner keeps the objective", () => {
    const findings = run("ownerRepeated", [
      objective({ quarter: "2026-Q3", id: "O-0", owner: "Ada" }),
      objective({ id: "O-2", owner: "Ada" }),
    ]);
    expect(findings).toEqual([]);
  });
});

describe("mid-quarter additions", () => {
  it("flags rows created after the plan lock date", () => {
    const findings = run(
      "addedMidQuarter",
      [objective({ id: "O-2", created: "2026-10-02" }), kr({ created: "2026-11-02", title: "x 1" })],
      { lockDate: day("2026-10-05") },
    );
    expect(findings).toEqual([
      expect.objectContaining({
        code: "added-mid-quarter",
        row: 3,
        params: { created: "2026-11-02", lockDate: "2026-10-05" },
      }),
    ]);
  });

  it("flags nothing before the plan is locked", () => {
    expect(run("addedMidQuarter", [kr({ created: "2026-11-02" })])).toEqual([]);
  });
});

describe("stale key results", () => {
  it("flags a key result without a check-in for more than 14 days", () => {
    const findings = run("stale", [
      kr({ lastCheckIn: "2026-11-01" }),
      kr({ id: "KR-8", lastCheckIn: "2026-11-12" }),
    ]);
    expect(findings).toEqual([
      expect.objectContaining({ code: "stale", row: 2, params: { days: 25, lastCheckIn: "2026-11-01" } }),
    ]);
  });

  it("counts from the quarter's start when there was never a check-in", () => {
    expect(run("stale", [kr({ lastCheckIn: "" })])[0]?.params).toEqual({ days: 56, lastCheckIn: "" });
  });

  it("is quiet outside the quarter", () => {
    expect(
      run("stale", [kr({ lastCheckIn: "" })], {
        quarterStart: day("2027-01-01"),
        quarterEnd: day("2027-03-31"),
      }),
    ).toEqual([]);
  });
});
