import {
  checkKeyResult,
  krCheckText,
  scoreColumn as scoreColumns,
  KR_CHECKS,
  type ScoreColumns,
} from "../../src/core/formula-results";
import {
  defaultSettings,
  describeFinding,
  type Finding,
  parseOkrs,
  rollUpScores,
  ruleContext,
  RULES,
  scoreQuarter,
} from "../../src/core";
import { day, okrGrid, type RowSpec } from "../helpers/grids";

const kr = (title: string, baseline?: number, target?: number) => ({
  title,
  metric: undefined,
  baseline,
  target,
});
/** One row of OKRSCORE's column form, as the tests write it. */
interface ColumnRow {
  id: string;
  type: ScoreColumns["types"][number];
  parent: string;
  score: number | undefined;
  weight: number | undefined;
}
const row = (spec: Partial<ColumnRow>): ColumnRow => ({
  id: "",
  type: undefined,
  parent: "",
  score: undefined,
  weight: undefined,
  ...spec,
});

/** scoreColumn over rows written one by one. */
const scoreColumn = (rows: readonly ColumnRow[]) =>
  scoreColumns({
    ids: rows.map((r) => r.id),
    types: rows.map((r) => r.type),
    parents: rows.map((r) => r.parent),
    scores: rows.map((r) => r.score),
    weights: rows.map((r) => r.weight),
  });

describe("scoreColumn", () => {
  it("scores key results, objectives from their key results, company objectives from their teams", () => {
    expect(
      scoreColumn([
        row({ id: "O-1", type: "objective" }),
        row({ id: "O-2", type: "objective", parent: "O-1" }),
        row({ id: "KR-1", type: "kr", parent: "O-2", score: 1, weight: 3 }),
        row({ id: "KR-2", type: "kr", parent: "O-2", score: 0 }),
        row({}),
        row({ id: "O-3", type: "objective", parent: "O-1" }),
        row({ id: "KR-3", type: "kr", parent: "O-3", score: 0.25 }),
        row({ id: "KR-4", type: "kr", parent: "O-3", score: undefined, weight: 10 }),
        row({ id: "O-4", type: "objective" }),
      ]),
    ).toEqual([0.5, 0.75, 1, 0, undefined, 0.25, 0.25, undefined, undefined]);
  });

  it("keeps a company objective's own key results when it has some", () => {
    expect(
      scoreColumn([
        row({ id: "O-1", type: "objective" }),
        row({ id: "KR-0", type: "kr", parent: "O-1", score: 0.1 }),
        row({ id: "O-2", type: "objective", parent: "O-1" }),
        row({ id: "KR-1", type: "kr", parent: "O-2", score: 0.9 }),
      ])[0],
    ).toBe(0.1);
  });

  it("agrees with scoreQuarter on a template-shaped quarter", () => {
    const specs: RowSpec[] = [
      { id: "O-1", type: "Objective", level: "Company", team: "Company", title: "Be loved" },
      { id: "O-2", type: "Objective", level: "Team", team: "Sales", parent: "O-1", title: "Win Brussels" },
      { id: "KR-1", type: "Key result", parent: "O-2", baseline: 120, target: 180, current: 150 },
      { id: "KR-2", type: "Key result", parent: "O-2", baseline: 10, target: 4, current: 7, weight: 2 },
      { id: "O-3", type: "Objective", level: "Team", team: "Ops", parent: "O-1", title: "Run smoothly" },
      { id: "KR-3", type: "Key result", parent: "O-3", baseline: 0, target: 100, current: 90, weight: 3 },
      { id: "KR-4", type: "Key result", parent: "O-3", baseline: 0, target: 10 },
      { id: "O-4", type: "Objective", level: "Team", team: "Ops", title: "Alone" },
    ].map((s) => ({ quarter: "2026-Q4", team: "Sales", metric: "Increase", ...s }));
    const okrs = parseOkrs(okrGrid(specs), "UTC").items;
    const today = day("2026-11-15");
    const settings = defaultSettings(today);
    const expected = scoreQuarter(okrs, {
      start: settings.quarterStart,
      end: settings.quarterEnd,
      today,
      onTrack: 0.9,
      atRisk: 0.6,
    });
    const scores = scoreColumn(
      okrs.map((r) => ({
        id: r.id,
        type: r.type,
        parent: r.parent,
        score:
          r.type === "kr" && r.current !== undefined
            ? (r.current - (r.baseline as number)) / ((r.target as number) - (r.baseline as number))
            : undefined,
        weight: r.weight,
      })),
    );
    expect(scores).toEqual(okrs.map((r) => expected.byRow.get(r.row)?.score));
    expect(scores[0]).toBeCloseTo((0.5 + 0.9) / 2);
  });

  it("takes linear time", () => {
    const rows: ColumnRow[] = [];
    for (let i = 0; i < 20_000; i++) {
      rows.push(row({ id: `O-${i}`, type: "objective", parent: "O-top" }));
      rows.push(row({ id: `KR-${i}`, type: "kr", parent: `O-${i}`, score: 0.5 }));
    }
    rows.push(row({ id: "O-top", type: "objective" }));
    const start = Date.now();
    const scores = scoreColumn(rows);
    expect(scores[rows.length - 1]).toBe(0.5);
    // Quadratic work on 40,000 rows would take many seconds; linear takes milliseconds.
    expect(Date.now() - start).toBeLessThan(2000);
  });
});

describe("rollUpScores", () => {
  it("leaves rows of other types without a score", () => {
    const columns = {
      ids: ["O-1", "X"],
      types: ["objective" as const, undefined],
      parents: ["", "O-1"],
      weights: [undefined, undefined],
      krScores: [1, 1],
    };
    expect(rollUpScores(columns, () => false).scores).toEqual([undefined, undefined]);
  });
});

describe("checkKeyResult and krCheckText", () => {
  it("answers '' for a sound key result", () => {
    expect(checkKeyResult(kr("Raise NPS from 30 to 45", 30, 45))).toEqual([]);
    expect(krCheckText(kr("Raise NPS from 30 to 45", 30, 45), "en")).toBe("");
  });

  it("finds output, kpi and vague in that order, joined with '; '", () => {
    expect(checkKeyResult(kr("Launch and keep the app")).map((c) => c.code)).toEqual(["output", "kpi"]);
    expect(checkKeyResult(kr("Improve happiness")).map((c) => c.code)).toEqual(["vague"]);
    const text = krCheckText(kr("Launch and keep the app"), "en");
    expect(text).toMatch(/^output: An output, not an outcome \(launch\): [^;]*; kpi: Looks like a KPI/);
    expect(text.endsWith(".")).toBe(true);
  });

  it("uses the validator's rules and messages for the same key result", () => {
    const titles = [
      "Launch the new onboarding",
      "Keep churn below 2%",
      "Improve happiness",
      "Grow from 1 to 2",
    ];
    const specs = titles.map((title, i) => ({
      quarter: "2026-Q4",
      id: `KR-${i}`,
      type: "Key result",
      team: "Sales",
      parent: "O-1",
      title,
      metric: "Increase",
      baseline: i === 2 ? "" : 1,
      target: i === 2 ? "" : 2,
    }));
    const today = day("2026-11-15");
    const okrs = parseOkrs(okrGrid(specs), "UTC").items;
    const ctx = ruleContext({ okrs, settings: defaultSettings(today), today });
    const byRule: Finding[] = [
      ...RULES.outputNotOutcome(ctx),
      ...RULES.kpiLike(ctx),
      ...RULES.notMeasurable(ctx),
    ];
    expect(okrs.map((item) => krCheckText(item, "en") !== "")).toEqual([true, true, true, false]);
    for (const lang of ["en", "fr"] as const) {
      okrs.forEach((item) => {
        const expected = KR_CHECKS.flatMap(({ code, finding }) =>
          byRule
            .filter((f) => f.row === item.row && f.code === finding)
            .map((f) => `${code}: ${describeFinding(f, lang)}`),
        );
        const joined = expected
          .map((m, i) => (i < expected.length - 1 ? m.replace(/\.$/, "") : m))
          .join("; ");
        expect(krCheckText(item, lang)).toBe(joined);
      });
    }
  });

  it("shares one answer between rows with the same problems", () => {
    const cache = new Map<string, string>();
    const first = krCheckText(kr("Launch the app", 0, 1), "fr", cache);
    expect(first).toMatch(/^output: Une activité, pas un résultat \(launch\)/);
    expect(krCheckText(kr("Launch  the app", 2, 3), "fr", cache)).toBe(first);
    expect(krCheckText(kr("Launch the app", 0, 1), "fr", cache)).toBe(first);
    // One answer for the two problems alike, one entry for each row's inputs.
    expect(new Set(cache.values()).size).toBe(1);
    expect(cache.size).toBe(3);
  });
});
