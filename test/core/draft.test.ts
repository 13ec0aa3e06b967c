import {
  blocksInsert,
  checkDraft,
  type Draft,
  draftRows,
  highestIds,
  highWaterOf,
  idsHeld,
  nextIds,
} from "../../src/core/draft";
import { defaultSettings, type Finding, type OkrRow, parseOkrs, type Settings } from "../../src/core";
import { day, okrGrid, soundQuarter } from "../helpers/grids";

const today = day("2026-11-15");
const settings: Settings = defaultSettings(today);
const existing: OkrRow[] = parseOkrs(okrGrid(soundQuarter()), "UTC").items;
const ids = { objectiveId: "new", krIds: ["kr1", "kr2", "kr3", "kr4", "kr5"] };

function draft(objective: Partial<Draft["objective"]> = {}, krs?: Partial<Draft["krs"][number]>[]): Draft {
  return {
    objective: {
      level: "team",
      team: "Sales",
      owner: "Ada",
      kind: "committed",
      parent: "O-1",
      title: "Make partners love our portal",
      ...objective,
    },
    krs: (krs ?? [{}]).map((kr) => ({
      title: "Grow partner logins from 50 to 200",
      metric: "increase",
      unit: "logins",
      baseline: 50,
      target: 200,
      weight: undefined,
      ...kr,
    })),
  };
}

const codes = (findings: Finding[]) => findings.map((f) => f.code);

describe("nextIds", () => {
  it("follows the highest O-n and KR-n of any quarter", () => {
    expect(nextIds([{ id: "O-3" }, { id: "KR-7" }, { id: "kr-2" }, { id: "o-12" }], 2)).toEqual({
      objectiveId: "O-13",
      krIds: ["KR-8", "KR-9"],
    });
  });

  it("starts at 1 and ignores IDs of another shape", () => {
    expect(
      nextIds([{ id: "" }, { id: "OKR-9" }, { id: "O-1a" }, { id: "KR-" }, { id: "O-1234567890123456" }], 1),
    ).toEqual({
      objectiveId: "O-1",
      krIds: ["KR-1"],
    });
  });
});

describe("draftRows", () => {
  it("makes the objective and its key results, in order, trimmed, the key results under the objective", () => {
    const rows = draftRows(
      draft({ team: " Sales ", title: " Win " }, [{}, { title: " Cut churn from 3 to 2 " }]),
      {
        quarter: "2026-Q4",
        created: today,
        objectiveId: "O-4",
        krIds: ["KR-9", "KR-10"],
        firstRow: 12,
      },
    );
    expect(rows.map((r) => [r.row, r.id, r.type, r.parent, r.team, r.title])).toEqual([
      [12, "O-4", "objective", "O-1", "Sales", "Win"],
      [13, "KR-9", "kr", "O-4", "Sales", "Grow partner logins from 50 to 200"],
      [14, "KR-10", "kr", "O-4", "Sales", "Cut churn from 3 to 2"],
    ]);
    expect(rows.every((r) => r.quarter === "2026-Q4" && r.created === today)).toBe(true);
  });

  it("gives a company objective no parent", () => {
    const [objective] = draftRows(draft({ level: "company", parent: "O-1" }), {
      quarter: "2026-Q4",
      created: today,
      objectiveId: "O-4",
      krIds: ["KR-9"],
      firstRow: 2,
    });
    expect(objective!.parent).toBe("");
  });
});

describe("checkDraft", () => {
  it("finds nothing in a sound draft", () => {
    expect(checkDraft(draft(), existing, settings, today, ids).findings).toEqual([]);
  });

  it("finds what OKR › Validate would, on the draft's rows only", () => {
    const flawed = [...existing, { ...existing[2]!, row: 6, id: "KR-3", title: "Launch the portal" }];
    const { rows, findings } = checkDraft(
      draft({}, [
        { title: "Launch the new portal", metric: "milestone", baseline: 0, target: 1 },
        { title: "Keep churn below 2%", metric: "threshold", baseline: 2, target: 2 },
      ]),
      flawed,
      settings,
      today,
      ids,
    );
    expect(findings.map((f) => [f.code, f.row])).toEqual([
      ["output-not-outcome", rows[1]!.row],
      ["kpi-like", rows[2]!.row],
    ]);
    expect(rows[0]!.row).toBe(7);
  });

  it("counts the team's objectives already in the sheet against the focus limit", () => {
    const found = checkDraft(
      draft(),
      existing,
      { ...settings, maxObjectivesPerTeam: 1 },
      today,
      ids,
    ).findings;
    expect(found).toEqual([
      expect.objectContaining({
        code: "too-many-objectives",
        params: expect.objectContaining({ count: 2, limit: 1 }),
      }),
    ]);
  });

  it("leaves out what cannot apply to a draft: its IDs, check-ins not yet due", () => {
    const clash = { objectiveId: "O-1", krIds: ["KR-1"] };
    const found = codes(checkDraft(draft(), existing, settings, day("2026-12-20"), clash).findings);
    expect(found).not.toContain("duplicate-id");
    expect(found).not.toContain("stale");
  });

  it("flags a draft added after the plan was locked", () => {
    const locked = { ...settings, lockDate: day("2026-10-05") };
    expect(codes(checkDraft(draft(), existing, locked, today, ids).findings)).toContain("added-mid-quarter");
  });
});

describe("blocksInsert", () => {
  const limitOne = { ...settings, maxObjectivesPerTeam: 1 };
  it.each<[string, boolean, Draft, Settings]>([
    ["required", true, draft({ title: "" }), settings],
    ["target-equals-baseline", true, draft({}, [{ target: 50 }]), settings],
    ["owner-missing", true, draft({ owner: "" }), settings],
    ["level-not-allowed", true, draft({ level: "individual" }), settings],
    ["unknown-company-objective", true, draft({ parent: "O-2" }), settings],
    ["too-many-krs", true, draft({}, [{}, {}, {}, {}, {}]), settings],
    ["output-not-outcome", false, draft({}, [{ title: "Launch the portal" }]), settings],
    ["kpi-like", false, draft({}, [{ title: "Keep churn below 2%" }]), settings],
    ["too-many-objectives", false, draft(), limitOne],
    ["objective-has-number", false, draft({ title: "Reach 1M€ revenue" }), settings],
  ])("%s blocks the insert: %s", (code, blocks, input, where) => {
    const finding = checkDraft(input, existing, where, today, ids).findings.find((f) => f.code === code);
    expect(finding).toBeDefined();
    expect(blocksInsert(finding!)).toBe(blocks);
  });
});

describe("the ID high-water mark", () => {
  it("reads the document property, a damaged or odd value counting as none", () => {
    expect(highWaterOf('{"objective": 4, "kr": 12}')).toEqual({ objective: 4, kr: 12 });
    expect(highWaterOf(undefined)).toEqual({ objective: 0, kr: 0 });
    expect(highWaterOf("{oops")).toEqual({ objective: 0, kr: 0 });
    expect(highWaterOf('{"objective": -3, "kr": 2.5}')).toEqual({ objective: 0, kr: 0 });
  });

  it("counts every ID a spreadsheet holds: its rows', the KPIs' origins and the log's", () => {
    const held = idsHeld({ okrs: [{ id: "O-1" }], kpis: [{ origin: "KR-9" }], checkins: [{ krId: "KR-4" }] });
    expect(held).toEqual(["O-1", "KR-9", "KR-4"]);
    expect(highestIds(held)).toEqual({ objective: 1, kr: 9 });
  });
});
