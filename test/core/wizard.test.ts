import { defaultSettings, type Finding, parseOkrs, type Settings } from "../../src/core";
import {
  distinctNames,
  draftCells,
  draftInsert,
  type DraftPayload,
  draftFieldLabels,
  draftSchema,
  insertRefusal,
  insertResult,
  rowsForRules,
  toDraft,
  wizardContextOf,
} from "../../src/core/wizard";
import { UserError } from "../../src/core/user-error";
import { checkDraft } from "../../src/core/draft";
import { day, okrGrid, soundQuarter } from "../helpers/grids";

const today = day("2026-11-15");
const settings: Settings = { ...defaultSettings(today), quarter: "2026-Q4" };
const lastQuarter = [
  {
    quarter: "2026-Q3",
    id: "O-0",
    type: "Objective",
    level: "Team",
    team: "sales",
    owner: "Julien",
    title: "Old",
  },
  { quarter: "2026-Q3", id: "KR-0", type: "Key result", team: "sales", parent: "O-0", title: "Old KR" },
];
const rows = parseOkrs(okrGrid([...soundQuarter(), ...lastQuarter]), "UTC").items;

const payload = {
  objective: { level: "team", team: "Sales", owner: "Ada", kind: "committed", parent: "O-1", title: "Win" },
  krs: [
    { title: "Grow logins from 50 to 200", metric: "increase", unit: "logins", baseline: 50, target: 200 },
  ],
};

describe("the wizard's context", () => {
  const context = wizardContextOf("fr", settings, today, rows);

  it("offers each team and owner once, case aside, for suggestions", () => {
    expect(context.teams).toEqual(["Company", "Sales"]);
    expect(distinctNames(["b", "A", "a", "", "B"])).toEqual(["A", "b"]);
  });

  it("lists this quarter's company objectives and counts objectives per team", () => {
    expect(context.companyObjectives.map((o) => o.id)).toEqual(["O-1"]);
    expect(context.teamCounts).toEqual([
      { team: "Company", objectives: 1 },
      { team: "Sales", objectives: 1 },
    ]);
  });

  it("labels the allowed levels in the user's language", () => {
    expect(context.levels.find((l) => l.key === "team")?.label).toBe("Équipe");
  });

  it("names no ended quarter while the quarter runs, up to its last day", () => {
    expect(context.ended).toBeUndefined();
    expect(wizardContextOf("en", settings, day("2026-12-31"), rows).ended).toBeUndefined();
  });

  it("names the quarter Settings are still on once it has ended, so the wizard says so up front", () => {
    expect(wizardContextOf("en", settings, day("2027-01-05"), rows).ended).toEqual({
      quarter: "2026-Q4",
      end: "2026-12-31",
    });
    // The draft's rules still look at that quarter's rows: nothing else changes.
    const ended = wizardContextOf("fr", settings, day("2027-01-05"), rows);
    expect({ ...ended, ended: undefined, today }).toEqual({ ...context, ended: undefined });
  });

  it("sends the rules this quarter's rows and last quarter's objectives, without notes", () => {
    expect(rowsForRules(rows, settings).map((r) => r.id)).toEqual([
      ...soundQuarter().map((r) => r.id),
      "O-0",
    ]);
    expect(context.rows.every((r) => r.notes === "")).toBe(true);
  });
});

describe("the draft payload", () => {
  it("takes a sound draft", () => {
    expect(draftSchema().safeParse(payload).success).toBe(true);
  });

  it("refuses extra keys, oversized numbers and a draft without key results", () => {
    const extra = { ...payload, objective: { ...payload.objective, __proto__x: 1 } };
    expect(draftSchema().safeParse(extra).success).toBe(false);
    const huge = { ...payload, krs: [{ ...payload.krs[0], target: 1e300 }] };
    expect(draftSchema().safeParse(huge).success).toBe(false);
    expect(draftSchema().safeParse({ ...payload, krs: [] }).success).toBe(false);
  });

  it("names fields as the sheet's headers in the user's language", () => {
    expect(draftFieldLabels("fr").owner).toBe("Responsable");
    expect(draftFieldLabels("en").baseline).toBe("Baseline");
  });
});

describe("writing the draft", () => {
  const draft = {
    objective: {
      level: "team" as const,
      team: "Sales",
      owner: "Ada",
      kind: "committed" as const,
      parent: "O-1",
      title: "Win",
    },
    krs: [
      {
        title: "Grow logins from 50 to 200",
        metric: "increase" as const,
        unit: "logins",
        baseline: 50,
        target: 200,
        weight: undefined,
      },
    ],
  };
  const check = checkDraft(draft, rowsForRules(rows, settings), settings, today, {
    objectiveId: "O-9",
    krIds: ["KR-9"],
  });

  it("writes list values in the spreadsheet's language, and the day created", () => {
    const cells = draftCells(check.rows, today, "fr");
    expect(cells.map((c) => [c.id, c.type, c.level, c.kind, c.metric, c.created])).toEqual([
      ["O-9", "Objectif", "Équipe", "Engagé", "", today],
      ["KR-9", "Résultat clé", "", "", "Augmenter", today],
    ]);
  });

  it("is refused by a blocking finding, else by a missing column", () => {
    const warning: Finding = {
      code: "output-not-outcome",
      severity: "warning",
      sheet: "okrs",
      row: 9,
      params: { words: "x" },
    };
    const owner: Finding = { code: "owner-missing", severity: "warning", sheet: "okrs", row: 9, params: {} };
    const missing: Finding = {
      code: "missing-column",
      severity: "error",
      sheet: "okrs",
      params: { column: "owner" },
    };
    expect(insertRefusal([warning], [])).toBeUndefined();
    expect(insertRefusal([warning, owner], [missing])).toBe(owner);
    expect(insertRefusal([warning], [missing])).toBe(missing);
  });

  it("answers the IDs and rows written", () => {
    const result = insertResult("en", { objectiveId: "O-9", krIds: ["KR-9", "KR-10"] }, "OKRs", 12, 14);
    expect(result).toMatchObject({ objectiveId: "O-9", krIds: ["KR-9", "KR-10"], firstRow: 12, lastRow: 14 });
    expect(result.message).toContain("KR-9, KR-10");
  });
});

describe("inserting a draft", () => {
  const okrs = parseOkrs(okrGrid([...soundQuarter(), ...lastQuarter]), "UTC");
  const draft = toDraft(payload as DraftPayload);
  const at = (over: Partial<Parameters<typeof draftInsert>[1]> = {}) => ({
    userLang: "en" as const,
    okrs,
    settings,
    day: today,
    floor: () => ({ objective: 0, kr: 0 }),
    sheetLang: () => "fr" as const,
    ...over,
  });

  it("issues IDs above the highest ever issued and writes list values in the spreadsheet's language", () => {
    const { ids, values } = draftInsert(draft, at({ floor: () => ({ objective: 20, kr: 40 }) }));
    expect(ids).toEqual({ objectiveId: "O-21", krIds: ["KR-41"] });
    expect(values.map((v) => [v.id, v.type, v.quarter])).toEqual([
      ["O-21", "Objectif", "2026-Q4"],
      ["KR-41", "Résultat clé", "2026-Q4"],
    ]);
  });

  it("refuses, in the user's language, a quarter that has ended, before asking for the IDs", () => {
    let asked = false;
    const late = at({
      userLang: "fr",
      day: settings.quarterEnd + 1,
      floor: () => ((asked = true), { objective: 0, kr: 0 }),
    });
    expect(() => draftInsert(draft, late)).toThrow(/^2026-Q4 s'est terminé le 2026-12-31/);
    expect(asked).toBe(false);
  });

  it("refuses a draft a rule blocks, naming the problem", () => {
    const ownerless = toDraft({ ...payload, objective: { ...payload.objective, owner: "" } } as DraftPayload);
    expect(() => draftInsert(ownerless, at())).toThrow(UserError);
    expect(() => draftInsert(ownerless, at())).toThrow(/^Nothing was written: /);
  });
});
