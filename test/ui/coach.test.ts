import { defaultSettings, parseOkrs } from "../../src/core";
import type { WizardContext } from "../../src/core/wizard";
import { coach, stepOf } from "../../src/ui/wizard/coach";
import { emptyKr, emptyState, toPayload, type WizardState } from "../../src/ui/wizard/state";
import { day, okrGrid, soundQuarter } from "../helpers/grids";

const today = day("2026-11-15");
const context: WizardContext = {
  lang: "en",
  settings: defaultSettings(today),
  today,
  levels: [
    { key: "company", label: "Company" },
    { key: "team", label: "Team" },
  ],
  teams: ["Company", "Sales"],
  owners: ["Julien", "Maxime"],
  companyObjectives: [{ id: "O-1", title: "Become the parking app Belgians love", team: "Company" }],
  teamCounts: [
    { team: "Company", objectives: 1 },
    { team: "Sales", objectives: 1 },
  ],
  rows: parseOkrs(okrGrid(soundQuarter()), "UTC").items,
};

function state(overrides: Partial<WizardState> = {}): WizardState {
  return {
    ...emptyState(),
    level: "team",
    team: "Sales",
    owner: "Ada",
    parent: "O-1",
    title: "Make partners love our portal",
    krs: [{ ...emptyKr(), title: "Grow partner logins from 50 to 200", baseline: "50", target: "200" }],
    ...overrides,
  };
}

const where = (s: WizardState, lang: "en" | "fr" = "en") =>
  coach(context, s, lang).notes.map((n) => [n.field, n.finding.code]);

describe("coach", () => {
  it("finds nothing in a sound draft, and counts the team's objectives", () => {
    const coaching = coach(context, state(), "en");
    expect(coaching.notes).toEqual([]);
    expect(coaching.team).toEqual({ name: "Sales", count: 1, limit: 3 });
    expect(coach(context, state({ team: " sales " }), "en").team?.count).toBe(1);
    expect(coach(context, state({ team: "" }), "en").team).toBeUndefined();
  });

  it("puts each finding next to its field, in the user's language", () => {
    const s = state({
      owner: "",
      title: "Reach 1M€ revenue",
      krs: [
        { ...emptyKr(), title: "Launch the new portal", baseline: "0", target: "1" },
        { ...emptyKr(), title: "Keep churn below 2%", metric: "threshold", baseline: "2", target: "2" },
      ],
    });
    expect(where(s)).toEqual(
      expect.arrayContaining([
        ["owner", "owner-missing"],
        ["title", "objective-has-number"],
        ["kr.0.title", "output-not-outcome"],
        ["kr.1.title", "kpi-like"],
      ]),
    );
    const notes = coach(context, s, "fr").notes;
    expect(notes.find((n) => n.finding.code === "kpi-like")?.message).toMatch(/^Ressemble à un KPI/);
    expect(notes.find((n) => n.finding.code === "owner-missing")?.blocking).toBe(true);
    expect(notes.find((n) => n.finding.code === "kpi-like")?.blocking).toBe(false);
  });

  it("reads numbers as the sheet does, and says which one cannot be read", () => {
    const s = state({
      krs: [{ ...emptyKr(), title: "Grow NPS", baseline: "1,5", target: "abc", weight: "50%" }],
    });
    const notes = coach(context, s, "en").notes;
    expect(notes.map((n) => [n.field, n.message])).toEqual([
      ["kr.0.target", 'Target: "abc" is not a number (write 1.5, 1,5 or 15%).'],
      [
        "kr.0.title",
        'Not measurable: no figure, no target and no named metric. Say from what to what: "Grow NPS from X to Y by <date>".',
      ],
    ]);
    expect(toPayload(s)).toBeUndefined();
    const fixed = toPayload({ ...s, krs: [{ ...s.krs[0]!, target: "3" }] });
    expect(fixed?.krs[0]).toEqual({
      title: "Grow NPS",
      metric: "increase",
      unit: "",
      baseline: 1.5,
      target: 3,
      weight: 0.5,
    });
  });

  it("says a required value is missing on the field", () => {
    expect(where(state({ team: "", title: "", krs: [emptyKr()] }))).toEqual(
      expect.arrayContaining([
        ["team", "required"],
        ["title", "required"],
        ["kr.0.title", "required"],
        ["kr.0.baseline", "required"],
        ["kr.0.target", "required"],
      ]),
    );
  });

  it("warns once when the plan is locked, not on every key result", () => {
    const locked = { ...context, settings: { ...context.settings, lockDate: day("2026-10-05") } };
    const s = state({ krs: [state().krs[0]!, state().krs[0]!] });
    const notes = coach(locked, s, "en").notes.filter((n) => n.finding.code === "added-mid-quarter");
    expect(notes.map((n) => n.field)).toEqual(["objective"]);
  });

  it("knows the step of each field", () => {
    expect(["team", "owner", "parent", "objective", "title", "kr.0.title", "kr.2"].map(stepOf)).toEqual([
      "context",
      "context",
      "context",
      "context",
      "objective",
      "krs",
      "krs",
    ]);
  });
});

describe("toPayload", () => {
  it("reads 1,500 as the person typing it means it: 1500 in English, 1.5 in French", () => {
    const typed = state();
    const thousands = { ...typed, krs: [{ ...typed.krs[0]!, baseline: "1,500", target: "2,000.5" }] };
    expect(toPayload(thousands, "en")!.krs[0]).toMatchObject({ baseline: 1500, target: 2000.5 });
    const french = { ...typed, krs: [{ ...typed.krs[0]!, baseline: "1,500", target: "2,5" }] };
    expect(toPayload(french, "fr")!.krs[0]).toMatchObject({ baseline: 1.5, target: 2.5 });
  });

  it("sends trimmed text, numbers as numbers, no parent for a company objective, no weight when empty", () => {
    expect(toPayload(state({ level: "company", team: " Company ", owner: " Max " }))).toEqual({
      objective: {
        level: "company",
        team: "Company",
        owner: "Max",
        kind: "committed",
        parent: "",
        title: "Make partners love our portal",
      },
      krs: [
        {
          title: "Grow partner logins from 50 to 200",
          metric: "increase",
          unit: "",
          baseline: 50,
          target: 200,
        },
      ],
    });
  });
});
