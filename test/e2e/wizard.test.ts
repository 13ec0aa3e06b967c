import { type LoadedAddon, loadAddon } from "../../dev/loader";
import { generateOkrs, okrGridOf } from "../../dev/fixtures";
import type { FakeSheet } from "../../dev/gas";
import { isDate } from "../../dev/gas";
import { dayFromIso } from "../../src/core/dates";
import { OKRS } from "../../src/core/schema";
import type { DraftPayload, InsertResult, WizardContext } from "../../src/core/wizard";
import { isoIn } from "../helpers/grids";

const NOW = "2026-11-15T10:00:00Z";

function setUp(locale = "en"): LoadedAddon {
  const addon = loadAddon({ locale, now: NOW });
  addon.ui.answers.push({ button: "YES" });
  addon.run("setUpTemplate");
  return addon;
}

function okrSheet(addon: LoadedAddon): FakeSheet {
  const sheet = addon.spreadsheet.allSheets().find((s) => s.name === "OKRs" || s.name === "OKR");
  if (!sheet) throw new Error("no OKRs sheet");
  return sheet;
}

/** The OKRs sheet's rows as records by column key (the template's column order). */
function records(addon: LoadedAddon): Record<string, unknown>[] {
  const [, ...rows] = okrSheet(addon).values();
  return rows.map((line) => Object.fromEntries(OKRS.columns.map((c, i) => [c.key, line[i]])));
}

const column = (key: string) => OKRS.columns.findIndex((c) => c.key === key) + 1;

function draft(overrides: Partial<DraftPayload["objective"]> = {}, krs?: DraftPayload["krs"]): DraftPayload {
  return {
    objective: {
      level: "team",
      team: "Sales",
      owner: "Ada",
      kind: "aspirational",
      parent: "O-1",
      title: "Make partners love our portal",
      ...overrides,
    },
    krs: krs ?? [
      {
        title: "Grow weekly partner logins from 50 to 200",
        metric: "increase",
        unit: "logins",
        baseline: 50,
        target: 200,
        weight: 2,
      },
      {
        title: "Cut partner support tickets from 40 to 10",
        metric: "decrease",
        unit: "tickets",
        baseline: 40,
        target: 10,
      },
    ],
  };
}

/** Anything that is not plain JSON data (a Date, a function, undefined) would not cross google.script.run. */
function plainJson(value: unknown): boolean {
  if (value === null || ["string", "number", "boolean"].includes(typeof value)) return true;
  if (Array.isArray(value)) return value.every(plainJson);
  if (typeof value === "object" && !isDate(value))
    return Object.values(value as object).every((v) => v === undefined || plainJson(v));
  return false;
}

describe("getWizardContext", () => {
  it("gives the quarter, the allowed levels, the limits, teams, owners and this quarter's rows", () => {
    const addon = setUp();
    const context = addon.run<WizardContext>("getWizardContext");
    expect(context.lang).toBe("en");
    expect(context.settings).toMatchObject({
      quarter: "2026-Q4",
      maxObjectivesPerTeam: 3,
      maxKrsPerObjective: 4,
      allowedLevels: ["company", "team"],
    });
    expect(context.today).toBe(dayFromIso("2026-11-15"));
    expect(context.levels).toEqual([
      { key: "company", label: "Company" },
      { key: "team", label: "Team" },
    ]);
    expect(context.teams).toEqual(["Company", "Product", "Sales"]);
    expect(context.owners).toEqual(["Julien", "Maxime", "Sofia"]);
    expect(context.companyObjectives).toEqual([
      { id: "O-1", title: "Become the parking app drivers recommend", team: "Company" },
    ]);
    expect(context.teamCounts).toEqual(
      expect.arrayContaining([
        { team: "Sales", objectives: 1 },
        { team: "Product", objectives: 1 },
        { team: "Company", objectives: 1 },
      ]),
    );
    expect(context.rows.map((r) => r.id)).toEqual([
      "O-1",
      "O-2",
      "KR-1",
      "KR-2",
      "KR-3",
      "O-3",
      "KR-4",
      "KR-5",
      "KR-6",
    ]);
    expect(plainJson(context)).toBe(true);
  });

  it("labels the levels in French for a French user", () => {
    const context = setUp("fr").run<WizardContext>("getWizardContext");
    expect(context.lang).toBe("fr");
    expect(context.levels.map((l) => l.label)).toEqual(["Entreprise", "Équipe"]);
  });

  it("sends last quarter's objectives too, for the owner-rotation rule", () => {
    const addon = setUp();
    const sheet = okrSheet(addon);
    sheet.fill([["2026-Q3", "O-90", "Objective", "Team", "Sales", "", "Old objective", "Ada"]], 11);
    sheet.fill([["2026-Q3", "KR-90", "Key result", "", "Sales", "O-90", "Old key result"]], 12);
    sheet.fill([["2025-Q1", "O-91", "Objective", "Team", "Sales", "", "Older objective", "Bob"]], 13);
    const ids = addon.run<WizardContext>("getWizardContext").rows.map((r) => r.id);
    expect(ids).toContain("O-90");
    expect(ids).not.toContain("KR-90");
    expect(ids).not.toContain("O-91");
  });

  it("says the template is missing in the user's language", () => {
    const addon = loadAddon({ locale: "fr", now: NOW });
    expect(() => addon.run("getWizardContext")).toThrow(/Préparer le modèle/);
  });
});

describe("insertDraft", () => {
  it("writes the objective and its key results with new IDs, labels, Created and the quarter", () => {
    const addon = setUp();
    const result = addon.run<InsertResult>("insertDraft", draft());
    expect(result).toEqual({
      objectiveId: "O-4",
      krIds: ["KR-7", "KR-8"],
      sheet: "OKRs",
      firstRow: 11,
      lastRow: 13,
      message: "Inserted O-4 (KR-7, KR-8) in OKRs, rows 11 to 13.",
    });
    const rows = records(addon).slice(9);
    expect(rows).toHaveLength(3);
    expect(rows[0]).toMatchObject({
      quarter: "2026-Q4",
      id: "O-4",
      type: "Objective",
      level: "Team",
      team: "Sales",
      parent: "O-1",
      title: "Make partners love our portal",
      owner: "Ada",
      kind: "Aspirational",
      metric: "",
      baseline: "",
    });
    expect(rows[1]).toMatchObject({
      quarter: "2026-Q4",
      id: "KR-7",
      type: "Key result",
      level: "",
      team: "Sales",
      parent: "O-4",
      title: "Grow weekly partner logins from 50 to 200",
      owner: "",
      kind: "",
      metric: "Increase",
      unit: "logins",
      baseline: 50,
      target: 200,
      weight: 2,
    });
    expect(rows[2]).toMatchObject({ id: "KR-8", metric: "Decrease", baseline: 40, target: 10, weight: "" });
    for (const row of rows) {
      expect(isDate(row.created)).toBe(true);
      expect(isoIn(row.created)).toBe("2026-11-15");
    }
  });

  it("leaves the Score and Status formulas alone and selects the new rows", () => {
    const addon = setUp();
    addon.run("insertDraft", draft());
    const sheet = okrSheet(addon);
    expect(sheet.peek(1, column("score"))?.formula).toMatch(/^=OKRSCORE\(/);
    for (const row of [11, 12, 13]) {
      expect(sheet.peek(row, column("score"))?.formula ?? "").toBe("");
      expect(sheet.peek(row, column("status"))?.value ?? "").toBe("");
    }
    expect(addon.spreadsheet.activeRangeA1()).toBe("OKRs!A11:U13");
  });

  it("writes the list labels in French for a French user", () => {
    const addon = setUp("fr");
    addon.run("insertDraft", draft({ team: "Ventes", kind: "committed" }));
    const rows = records(addon).slice(9);
    expect(rows[0]).toMatchObject({ type: "Objectif", level: "Équipe", kind: "Engagé" });
    expect(rows[1]).toMatchObject({ type: "Résultat clé", metric: "Augmenter" });
    expect(rows[2]).toMatchObject({ metric: "Diminuer" });
  });

  it("writes a company objective without a parent, even when one is sent", () => {
    const addon = setUp();
    addon.run("insertDraft", draft({ level: "company", team: "Company", parent: "O-1" }));
    expect(records(addon)[9]).toMatchObject({ level: "Company", parent: "" });
  });

  it("gives IDs that stay unique over several inserts, after the highest of any quarter", () => {
    const addon = setUp();
    okrSheet(addon).fill([["2025-Q3", "O-41", "Objective", "Team", "Ops", "", "Old", "Bob"]], 11);
    okrSheet(addon).fill([["2025-Q3", "kr-99", "Key result", "", "Ops", "O-41", "Old KR 10 to 20"]], 12);
    const results = ["Sales", "Product", "Ops"].map((team) =>
      addon.run<InsertResult>("insertDraft", draft({ team, parent: "" })),
    );
    expect(results.map((r) => r.objectiveId)).toEqual(["O-42", "O-43", "O-44"]);
    expect(results.flatMap((r) => r.krIds)).toEqual([
      "KR-100",
      "KR-101",
      "KR-102",
      "KR-103",
      "KR-104",
      "KR-105",
    ]);
    const ids = records(addon).map((r) => String(r.id).toLowerCase());
    expect(new Set(ids).size).toBe(ids.length);
    expect(results[2]!.firstRow).toBe(results[1]!.lastRow + 1);
  });

  it("writes text that looks like a formula, a number or a date as text", () => {
    const addon = setUp();
    const injection = '=IMPORTXML("http://x","//a")';
    addon.run(
      "insertDraft",
      draft({ title: injection, team: "+SUM(1)", owner: "@me" }, [
        { title: "=1+1", metric: "increase", unit: "-1+1", baseline: 1, target: 2 },
        { title: "2026-10-01", metric: "increase", unit: "TRUE", baseline: 1, target: 2 },
      ]),
    );
    const sheet = okrSheet(addon);
    const cells = [
      [11, "title", injection],
      [11, "team", "+SUM(1)"],
      [11, "owner", "@me"],
      [12, "title", "=1+1"],
      [12, "unit", "-1+1"],
      [13, "title", "2026-10-01"],
      [13, "unit", "TRUE"],
    ] as const;
    for (const [row, key, text] of cells) {
      expect([key, sheet.peek(row, column(key))]).toEqual([
        key,
        expect.objectContaining({ value: text, formula: "" }),
      ]);
    }
  });
});

describe("insertDraft refuses a bad payload and writes nothing", () => {
  const ok = draft();
  const kr = ok.krs[0]!;
  const cases: [string, unknown, RegExp][] = [
    [
      "a Date for a number",
      { ...ok, krs: [{ ...kr, baseline: new Date() }] },
      /refused: Key results › entry 1 › Baseline: must be a number/,
    ],
    ["undefined in the array", { ...ok, krs: [undefined] }, /refused/],
    ["an extra key", { ...ok, extra: 1 }, /refused/],
    ["an extra key in the objective", { ...ok, objective: { ...ok.objective, row: 2 } }, /refused/],
    [
      "a __proto__ key",
      JSON.parse(
        `{"objective":${JSON.stringify(ok.objective)},"krs":${JSON.stringify(ok.krs)},"__proto__":{"x":1}}`,
      ),
      /refused.*__proto__/,
    ],
    [
      "a __proto__ key in a key result",
      {
        ...ok,
        krs: [
          JSON.parse(
            `{"title":"a 1 to 2","metric":"increase","unit":"","baseline":1,"target":2,"__proto__":{"polluted":true}}`,
          ),
        ],
      },
      /refused.*__proto__/,
    ],
    [
      "a constructor key",
      { ...ok, objective: { ...ok.objective, constructor: "x" } },
      /refused.*constructor/,
    ],
    ["a number sent as a string", { ...ok, krs: [{ ...kr, baseline: "50" }] }, /refused/],
    ["NaN", { ...ok, krs: [{ ...kr, target: NaN }] }, /refused/],
    ["Infinity", { ...ok, krs: [{ ...kr, weight: Infinity }] }, /refused/],
    ["a huge number", { ...ok, krs: [{ ...kr, target: 1e300 }] }, /refused/],
    ["an oversized title", { ...ok, objective: { ...ok.objective, title: "x".repeat(50_000) } }, /refused/],
    ["an oversized team", { ...ok, objective: { ...ok.objective, team: "x".repeat(101) } }, /refused/],
    ["an oversized array", { ...ok, krs: Array.from({ length: 51 }, () => kr) }, /refused/],
    ["no key result", { ...ok, krs: [] }, /refused/],
    ["an unknown level", { ...ok, objective: { ...ok.objective, level: "galaxy" } }, /refused/],
    ["an unknown metric", { ...ok, krs: [{ ...kr, metric: "up" }] }, /refused/],
    ["null", null, /refused/],
    ["an array", [ok], /refused/],
    ["a string", JSON.stringify(ok), /refused/],
    [
      "a level not allowed here",
      draft({ level: "individual" }),
      /Nothing was written: The level Individual is not used/,
    ],
    [
      "more key results than the limit",
      draft(
        {},
        Array.from({ length: 5 }, () => kr),
      ),
      /Nothing was written: Too many key results/,
    ],
    ["no owner", draft({ owner: "  " }), /Nothing was written: Every objective needs an owner/],
    ["no title", draft({ title: "" }), /Nothing was written: Title is required/],
    [
      "a parent that is not a company objective",
      draft({ parent: "O-2" }),
      /Nothing was written: O-2 is not a company objective/,
    ],
    [
      "a target equal to the baseline",
      draft({}, [{ ...kr, baseline: 5, target: 5 }]),
      /Nothing was written: Target equals baseline/,
    ],
  ];

  it.each(cases)("refuses %s", (_name, payload, message) => {
    const addon = setUp();
    const before = okrSheet(addon).values();
    expect(() => addon.run("insertDraft", payload)).toThrow(message);
    expect(okrSheet(addon).values()).toEqual(before);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("refuses in French for a French user", () => {
    const addon = setUp("fr");
    expect(() => addon.run("insertDraft", { ...draft(), extra: 1 })).toThrow(/La demande a été refusée/);
  });

  it("tells the user to retry when someone else is saving, and writes nothing", () => {
    const addon = setUp();
    const before = okrSheet(addon).values();
    addon.world.lock.holder = "bob";
    expect(() => addon.run("insertDraft", draft())).toThrow(/Someone else is saving/);
    expect(okrSheet(addon).values()).toEqual(before);
  });

  it.each(["Unit", "Weight", "Kind", "Created"])(
    "refuses when the sheet's %s column was deleted by hand, rather than drop what goes there",
    (header) => {
      const addon = setUp();
      const sheet = okrSheet(addon);
      const at = sheet.values()[0]!.indexOf(header);
      // Deleting a column by hand: the cells to its right move left, formulas with them.
      for (let r = 1; r <= sheet.lastRow(); r++) {
        for (let c = at + 1; c <= sheet.lastColumn(); c++) {
          const [to, from] = [sheet.cell(r, c), sheet.peek(r, c + 1)];
          [to.value, to.formula] = [from?.value ?? "", from?.formula ?? ""];
        }
      }
      const before = sheet.values();
      expect(() => addon.run("insertDraft", draft())).toThrow(
        `Nothing was written: The column ${header} is missing from the header row: run OKR › Set up template to add it back.`,
      );
      expect(sheet.values()).toEqual(before);
    },
  );

  it("refuses without an OKRs sheet", () => {
    const addon = loadAddon({ now: NOW });
    expect(() => addon.run("insertDraft", draft())).toThrow(/Set up template/);
  });
});

describe("IDs issued while waiting for the lock", () => {
  it("are above the ones another person's operation recorded before this one took the lock", () => {
    const addon = setUp();
    // The operation opened its workbook, document properties included, before waiting for the
    // lock; meanwhile another person issued IDs up to O-20 and KR-50 and deleted their rows.
    addon.world.lock.onAcquire = () => {
      addon.world.properties.document.set("okr.ids.highest", JSON.stringify({ objective: 20, kr: 50 }));
    };
    const result = addon.run<InsertResult>("insertDraft", draft());
    expect(result).toMatchObject({ objectiveId: "O-21", krIds: ["KR-51", "KR-52"] });
  });
});

describe("service calls", () => {
  it("are the same for the context and an insert at 10 and at 2,000 key results", () => {
    const counts = [10, 2000].map((n) => {
      const addon = setUp();
      okrSheet(addon).fill(okrGridOf(generateOkrs(n)));
      addon.calls.reset();
      addon.run("getWizardContext");
      addon.run("insertDraft", draft({ parent: "O-0" }));
      return addon.calls.snapshot();
    });
    // A full sheet costs nothing more: the rows are inserted after the last one at any size.
    expect(counts[1]).toEqual(counts[0]);
    expect(counts[0]!["Sheet.insertRowsAfter"]).toBe(1);
    expect(counts[0]!["Sheet.getMaxRows"]).toBeUndefined();
    // Context: OKRs, Settings. Insert: OKRs, Settings, and KPIs and Check-ins for the IDs issued there.
    expect(counts[0]!["Range.getValues"]).toBe(6);
    expect(counts[0]!["Range.setValues"]).toBe(2);
  });
});
