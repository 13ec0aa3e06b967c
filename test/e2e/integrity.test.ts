/**
 * Data integrity across quarters, end to end through the built bundle: IDs never reused, writes
 * that refuse an ambiguous ID, Move to KPIs that moves, Start next quarter that runs once, the
 * document lock held and released, Set up that adopts only our sheets, Validate's number checks.
 */
import { checkinGridOf, generateCheckins, generateOkrs, okrGridOf } from "../../dev/fixtures";
import { type FakeSheet, World } from "../../dev/gas";
import { type LoadedAddon, loadAddon } from "../../dev/loader";
import type { DraftPayload, InsertResult } from "../../src/core/wizard";

const NOW = "2026-12-20T09:00:00Z";

function start(options: { now?: string; locale?: string; world?: World; email?: string } = {}): LoadedAddon {
  const addon = loadAddon({ locale: "en", now: NOW, ...options });
  addon.ui.answers.push({ button: "NO" });
  addon.run("setUpTemplate");
  return addon;
}

const sheet = (addon: LoadedAddon, name: string): FakeSheet => addon.spreadsheet.sheet(name)!;

// Columns: A Quarter, B ID, C Type, D Level, E Team, F Parent, G Title, H Owner, I Kind, J Metric,
// K Unit, L Baseline, M Target, N Current … Q Score, R Status, S Last check-in, T Created, U Notes.
const PLAN = [
  ["2026-Q2", "O-0", "Objective", "Team", "Sales", "", "Open Ghent", "Ben", "Committed"],
  ["2026-Q3", "O-1", "Objective", "Team", "Sales", "", "Open Brussels", "Ada", "Committed"],
  ["2026-Q4", "O-2", "Objective", "Team", "Sales", "", "Win Brussels", "Ada", "Aspirational"],
  [
    "2026-Q4",
    "KR-1",
    "Key result",
    "",
    "Sales",
    "O-2",
    "Grow partners from 100 to 200",
    "",
    "",
    "Increase",
    "",
    100,
    200,
  ],
  ["2026-Q4", "O-3", "Objective", "Team", "Product", "", "Make booking effortless", "Sofia", "Aspirational"],
  [
    "2026-Q4",
    "KR-2",
    "Key result",
    "",
    "Product",
    "O-3",
    "Cut booking time from 10 to 5 minutes",
    "",
    "",
    "Decrease",
    "min",
    10,
    5,
  ],
  [
    "2026-Q4",
    "KR-9",
    "Key result",
    "",
    "Product",
    "O-3",
    "Keep monthly churn below 2%",
    "",
    "",
    "Threshold",
    "%",
    3,
    2,
  ],
];

function planned(options: Parameters<typeof start>[0] = {}): LoadedAddon {
  const addon = start(options);
  (addon.spreadsheet.sheet("OKRs") ?? sheet(addon, "OKR")).fill(PLAN, 2);
  return addon;
}

function draft(krTitles = ["Grow weekly partner logins from 50 to 200"]): DraftPayload {
  return {
    objective: {
      level: "team",
      team: "Support",
      owner: "Zoé",
      kind: "aspirational",
      parent: "",
      title: "Make partners love our portal",
    },
    krs: krTitles.map((title) => ({ title, metric: "increase", unit: "", baseline: 50, target: 200 })),
  };
}

interface Findings {
  items: { code: string; a1: string; row: number; message: string; sheet: string; krId?: string }[];
}

const rowOf = (addon: LoadedAddon, id: string, name = "OKRs") =>
  sheet(addon, name)
    .values()
    .findIndex((l) => l[1] === id) + 1;

describe("IDs are never reused", () => {
  it("counts the Check-ins log, the KPIs and IDs deleted by hand without a trace", () => {
    const addon = planned();
    // A check-in of a key result deleted long ago, and a KPI moved out of OKRs.
    sheet(addon, "Check-ins").fill([["2026-10-05", "KR-40", 3]], 2);
    sheet(addon, "KPIs").fill([["Sales", "Monthly churn", "", "%", 2, 2.1, "O-12"]], 2);
    const first = addon.run<InsertResult>("insertDraft", draft());
    expect([first.objectiveId, ...first.krIds]).toEqual(["O-13", "KR-41"]);

    // Deleted by hand, every trace gone: the log row, the KPI and the inserted rows.
    sheet(addon, "Check-ins").removeRows(2, 1);
    sheet(addon, "KPIs").removeRows(2, 1);
    sheet(addon, "OKRs").removeRows(first.firstRow, 2);
    const second = addon.run<InsertResult>("insertDraft", draft());
    expect([second.objectiveId, ...second.krIds]).toEqual(["O-14", "KR-42"]);
  });

  it("issues the ID after O-999999999 once", () => {
    const addon = start();
    sheet(addon, "OKRs").fill(
      [["2026-Q4", "O-999999999", "Objective", "Team", "Sales", "", "Win", "Ada"]],
      2,
    );
    expect(addon.run<InsertResult>("insertDraft", draft()).objectiveId).toBe("O-1000000000");
    expect(addon.run<InsertResult>("insertDraft", draft()).objectiveId).toBe("O-1000000001");
  });

  it("gives a row typed by hand without an ID one at the next Validate", () => {
    const addon = planned();
    const okrs = sheet(addon, "OKRs");
    const row = PLAN.length + 2;
    okrs.fill(
      [
        [
          "2026-Q4",
          "",
          "Key result",
          "",
          "Sales",
          "O-2",
          "Sign 20 partners in Liège",
          "",
          "",
          "Increase",
          "",
          0,
          20,
        ],
      ],
      row,
    );
    addon.run("validate");
    expect(okrs.peek(row, 2)?.value).toBe("KR-10");
    expect(addon.spreadsheet.toasts.at(-1)!.message).toMatch(/^New IDs for rows typed without one: KR-10\. /);
    const findings = addon.run<Findings>("getFindings").items;
    expect(findings.filter((f) => f.row === row && f.code === "required")).toEqual([]);
    // Issued means issued: the wizard continues after it.
    expect(addon.run<InsertResult>("insertDraft", draft()).krIds).toEqual(["KR-11"]);
  });

  it("refuses check-ins, moves and carry-overs keyed on an ID that two rows hold, writing nothing", () => {
    const addon = planned();
    const okrs = sheet(addon, "OKRs");
    // An older quarter's row with the same ID, and a key result sharing an objective's ID.
    okrs.fill(
      [
        [
          "2026-Q3",
          "KR-9",
          "Key result",
          "",
          "Product",
          "O-1",
          "Keep churn low",
          "",
          "",
          "Threshold",
          "%",
          3,
          2,
        ],
      ],
      9,
    );
    okrs.fill(
      [["2026-Q4", "O-3", "Key result", "", "Product", "O-3", "Ship search", "", "", "Increase", "", 0, 1]],
      10,
    );
    const before = okrs.values();
    const log = sheet(addon, "Check-ins").values();
    expect(() => addon.run("saveCheckins", { entries: [{ krId: "KR-9", value: 2.5 }] })).toThrow(
      "KR-9 is on more than one row (8, 9): nothing was written.",
    );
    expect(() => addon.run("moveToKpis", { row: 8, krId: "KR-9" })).toThrow(
      "KR-9 is on more than one row (8, 9)",
    );
    expect(() =>
      addon.run("startNextQuarter", { from: "2026-Q4", carry: [{ id: "O-3", owner: "Sofia" }] }),
    ).toThrow("O-3 is on more than one row (6, 10)");
    expect(okrs.values()).toEqual(before);
    expect(sheet(addon, "Check-ins").values()).toEqual(log);
    expect(
      sheet(addon, "Settings")
        .values()
        .find((l) => l[0] === "Current quarter")![1],
    ).toBe("2026-Q4");
    const duplicates = addon.run<Findings>("getFindings").items.filter((f) => f.code === "duplicate-id");
    expect(duplicates.map((f) => f.a1)).toEqual(["B9", "B10"]);
  });

  it("issues each ID once to two people inserting one after the other", () => {
    const world = new World({ timeZone: "Europe/Brussels" });
    const ada = planned({ world });
    const bob = loadAddon({ world, now: NOW, email: "bob@example.com" });
    const first = ada.run<InsertResult>("insertDraft", draft());
    world.spreadsheet.sheet("OKRs")!.removeRows(first.firstRow, 2); // Ada deletes hers at once
    const second = bob.run<InsertResult>("insertDraft", draft());
    expect([first.objectiveId, ...first.krIds, second.objectiveId, ...second.krIds]).toEqual([
      "O-4",
      "KR-10",
      "O-5",
      "KR-11",
    ]);
  });

  it("flags a row that reuses the ID of a key result moved to KPIs", () => {
    const addon = planned();
    addon.run("moveToKpis", { row: rowOf(addon, "KR-9"), krId: "KR-9" });
    const row = PLAN.length + 1;
    sheet(addon, "OKRs").fill(
      [
        [
          "2026-Q4",
          "KR-9",
          "Key result",
          "",
          "Product",
          "O-3",
          "Cut refunds from 40 to 10",
          "",
          "",
          "Decrease",
          "",
          40,
          10,
        ],
      ],
      row,
    );
    expect(addon.run<Findings>("getFindings").items.filter((f) => f.code === "id-on-kpis")).toEqual([
      expect.objectContaining({
        a1: `B${row}`,
        message: expect.stringMatching(/^The ID KR-9 belongs to a key result moved/),
      }),
    ]);
  });

  it("says so in French", () => {
    const addon = start({ locale: "fr" });
    addon.spreadsheet.sheet("OKR")!.fill(PLAN, 2);
    addon.spreadsheet
      .sheet("OKR")!
      .fill([["2026-Q3", "KR-1", "Résultat clé", "", "Sales", "O-1", "x", "", "", "Augmenter", "", 0, 1]], 9);
    expect(() => addon.run("saveCheckins", { entries: [{ krId: "KR-1", value: 150 }] })).toThrow(
      "KR-1 figure sur plusieurs lignes (5, 9) : rien n'a été écrit.",
    );
  });
});

describe("Move to KPIs", () => {
  function withKpiFirst(): LoadedAddon {
    const addon = start();
    const okrs = sheet(addon, "OKRs");
    okrs.fill([[...PLAN[6]!]], 2); // KR-9, the KPI-like one, on the first data row
    okrs.fill(PLAN.slice(0, 6), 3);
    okrs.cell(1, 22).value = "Partner";
    okrs.cell(2, 22).value = "Acme";
    okrs.cell(2, 7).note = "from the board";
    okrs.cell(2, 12).note = "measured in September";
    return addon;
  }

  it("moves the first data row with the user's columns and notes; formulas, other rows and check-ins stay", () => {
    const addon = withKpiFirst();
    const okrs = sheet(addon, "OKRs");
    addon.run("saveCheckins", { entries: [{ krId: "KR-9", value: 2.5 }] });
    const formulas = [okrs.peek(1, 17)!.formula, okrs.peek(1, 18)!.formula];
    expect(formulas[0]).toMatch(/^=OKRSCORE\(/);
    // Typed cells only: an objective left without key results loses its score, as it should.
    const typed = (rows: unknown[][]) => rows.map((l) => l.filter((_, i) => i !== 16 && i !== 17));
    const others = typed(okrs.values().slice(2));
    const krId = addon.run<Findings>("getFindings").items.find((f) => f.code === "kpi-like")!.krId;
    expect(krId).toBe("KR-9");

    expect(addon.run("moveToKpis", { row: 2, krId: "KR-9" })).toBe("KR-9 moved to the KPIs sheet.");

    // The formulas in the header are still there; the row is gone and every other row as it was.
    expect([okrs.peek(1, 17)!.formula, okrs.peek(1, 18)!.formula]).toEqual(formulas);
    expect(okrs.peek(2, 7)!.note).toBe("");
    expect(typed(okrs.values().slice(1))).toEqual(others);

    const kpis = sheet(addon, "KPIs").values();
    expect(kpis[0]).toEqual([
      "Team",
      "KPI",
      "Owner",
      "Unit",
      "Healthy level",
      "Current",
      "Moved from",
      "Notes",
      "Partner",
    ]);
    expect(kpis[1]).toEqual([
      "Product",
      "Keep monthly churn below 2%",
      "",
      "%",
      2,
      2.5,
      "KR-9",
      "3 → 2",
      "Acme",
    ]);
    expect(sheet(addon, "KPIs").peek(2, 2)!.note).toBe("from the board\nBaseline: measured in September");

    // Its check-ins stay in the log, attached to the KPI: not "a check-in for an unknown key result".
    expect(sheet(addon, "Check-ins").values().at(-1)!.slice(1, 3)).toEqual(["KR-9", 2.5]);
    const findings = addon.run<Findings>("getFindings").items;
    expect(findings.filter((f) => f.code === "unknown-kr")).toEqual([]);
    // And its ID stays taken.
    expect(addon.run<InsertResult>("insertDraft", draft()).krIds).toEqual(["KR-10"]);
  });

  it("refuses a key result Validate does not flag as looking like a KPI, writing nothing", () => {
    const addon = planned();
    const before = sheet(addon, "OKRs").values();
    expect(() => addon.run("moveToKpis", { row: rowOf(addon, "KR-1"), krId: "KR-1" })).toThrow(
      "KR-1 was not moved: only a key result that Validate flags as “looks like a KPI” in 2026-Q4 can be moved.",
    );
    expect(sheet(addon, "OKRs").values()).toEqual(before);
    expect(sheet(addon, "KPIs").values()).toHaveLength(1);
  });

  it("creates the KPIs sheet again when it was deleted", () => {
    const addon = planned({ locale: "fr" });
    addon.spreadsheet.removeSheet(sheet(addon, "KPI"));
    addon.run("moveToKpis", { row: rowOf(addon, "KR-9", "OKR"), krId: "KR-9" });
    expect(sheet(addon, "KPI").values()).toEqual([
      ["Équipe", "KPI", "Responsable", "Unité", "Niveau sain", "Actuel", "Déplacé depuis", "Notes"],
      ["Product", "Keep monthly churn below 2%", "", "%", 2, "", "KR-9", "3 → 2"],
    ]);
  });

  it("refuses a key result of another quarter", () => {
    const addon = planned();
    sheet(addon, "OKRs").fill(
      [
        [
          "2026-Q3",
          "KR-20",
          "Key result",
          "",
          "Sales",
          "O-1",
          "Keep churn below 2%",
          "",
          "",
          "Threshold",
          "%",
          3,
          2,
        ],
      ],
      9,
    );
    expect(() => addon.run("moveToKpis", { row: 9, krId: "KR-20" })).toThrow(
      "KR-20 belongs to 2026-Q3, not to the current quarter 2026-Q4: it was not moved.",
    );
  });
});

describe("Start next quarter runs once", () => {
  interface Proposal {
    from: string;
    early?: { end: string; days: number };
    candidates: { id: string; nextOwner: string }[];
  }

  it("asks before an early start, refuses a pick made twice and a retry, and proposes owners Validate accepts", () => {
    const addon = planned({ now: "2026-12-01T09:00:00Z" });
    const proposal = addon.run<Proposal>("getNextQuarter");
    expect(proposal.early).toEqual({ end: "2026-12-31", days: 30 });
    // Ada owned Sales' objective this quarter; Ben owned one before: he is next, not Ada again.
    expect(proposal.candidates.map((c) => [c.id, c.nextOwner])).toEqual([
      ["O-2", "Ben"],
      ["O-3", "Sofia"],
    ]);
    const carry = [{ id: "O-2", owner: "Ben" }];
    const before = sheet(addon, "OKRs").values();
    expect(() => addon.run("startNextQuarter", { from: "2026-Q4", carry })).toThrow(
      "2026-Q4 ends on 2026-12-31, in 30 days. Start 2027-Q1 anyway?",
    );
    expect(() =>
      addon.run("startNextQuarter", {
        from: "2026-Q4",
        early: true,
        carry: [...carry, { id: "o-2", owner: "Ada" }],
      }),
    ).toThrow("Nothing was done: o-2 is picked twice.");
    expect(sheet(addon, "OKRs").values()).toEqual(before);

    addon.run("startNextQuarter", { from: "2026-Q4", early: true, carry });
    const after = sheet(addon, "OKRs").values();
    expect(after.slice(before.length).map((l) => l[1])).toEqual(["O-4", "KR-10"]);

    // A retry, or a colleague's dialog still open on 2026-Q4: refused, nothing written.
    expect(() => addon.run("startNextQuarter", { from: "2026-Q4", early: true, carry })).toThrow(
      "Nothing was done: this dialog starts from 2026-Q4, but Settings have already moved on to 2027-Q1.",
    );
    expect(sheet(addon, "OKRs").values()).toEqual(after);
    expect(
      sheet(addon, "Settings")
        .values()
        .find((l) => l[0] === "Current quarter")![1],
    ).toBe("2027-Q1");

    // The proposed owner is not "the same owner as last quarter".
    const findings = addon.run<Findings>("getFindings").items;
    expect(findings.filter((f) => f.code === "owner-repeated")).toEqual([]);
  });

  it("refuses a colleague's dialog left open on the quarter already started", () => {
    const world = new World({ timeZone: "Europe/Brussels" });
    const ada = planned({ world });
    const bob = loadAddon({ world, now: NOW, email: "bob@example.com", locale: "fr" });
    const fromBob = bob.run<Proposal>("getNextQuarter").from;
    const fromAda = ada.run<Proposal>("getNextQuarter").from;
    ada.run("startNextQuarter", { from: fromAda, carry: [{ id: "O-2", owner: "Ben" }] });
    const after = world.spreadsheet.sheet("OKRs")!.values();
    expect(() =>
      bob.run("startNextQuarter", { from: fromBob, carry: [{ id: "O-2", owner: "Ben" }] }),
    ).toThrow(
      "Rien n'a été fait : cette fenêtre part de 2026-Q4, mais les paramètres sont déjà passés à 2027-Q1.",
    );
    expect(world.spreadsheet.sheet("OKRs")!.values()).toEqual(after);
    expect(world.lock.holder).toBeUndefined();
  });

  it("lets the dialog start without asking two weeks before the end", () => {
    const addon = planned();
    expect(addon.run<Proposal>("getNextQuarter").early).toBeUndefined();
    // An ID picked in another case still carries that objective.
    expect(addon.run("startNextQuarter", { from: "2026-q4", carry: [{ id: "o-3", owner: "Ada" }] })).toMatch(
      /^2027-Q1 started: 1 objective carried/,
    );
    const added = sheet(addon, "OKRs")
      .values()
      .filter((l) => l[0] === "2027-Q1")
      .map((l) => [l[1], l[6]]);
    expect(added).toEqual([
      ["O-4", "Make booking effortless"],
      ["KR-10", "Cut booking time from 10 to 5 minutes"],
      ["KR-11", "Keep monthly churn below 2%"],
    ]);
  });
});

describe("staleness", () => {
  it("counts from a key result's creation: one drafted today is not stale", () => {
    const addon = planned();
    const inserted = addon.run<InsertResult>("insertDraft", draft());
    const stale = addon
      .run<Findings>("getFindings")
      .items.filter((f) => f.code === "stale")
      .map((f) => f.row);
    expect(stale).toEqual([rowOf(addon, "KR-1"), rowOf(addon, "KR-2"), rowOf(addon, "KR-9")]);
    const view = addon.run<{ items: { id: string; stale: boolean; daysSince: number }[] }>("getCheckins", {
      team: "Support",
    });
    expect(view.items).toEqual([
      expect.objectContaining({ id: inserted.krIds[0], stale: false, daysSince: 0 }),
    ]);
  });
});

/** Service calls that change the spreadsheet or its properties (selection and toasts aside). */
const WRITE =
  /^(Range\.(set|clear|insert|delete|protect|merge)|Sheet\.(insert|delete|set(?!Active)|clear|hide)|Spreadsheet\.(insert|delete|rename)|Protection\.set|Properties\.(set|delete))/;

/**
 * The writes made while the document lock was not held, from the order of service calls. A user's
 * own properties (the sidebar's view, the check-in filter) are not the document's.
 */
function unlockedWrites(sequence: readonly string[]): string[] {
  let held = false;
  let userStore = false;
  const out: string[] = [];
  for (const name of sequence) {
    if (name === "Lock.tryLock" || name === "Lock.waitLock") held = true;
    else if (name === "Lock.releaseLock") held = false;
    else if (name.startsWith("PropertiesService."))
      userStore = name === "PropertiesService.getUserProperties";
    else if (WRITE.test(name) && !held && !(userStore && name.startsWith("Properties."))) out.push(name);
  }
  return out;
}

describe("the document lock", () => {
  it.each([
    [
      "set up with the example",
      (a: LoadedAddon) => (a.ui.answers.push({ button: "YES" }), a.run("setUpTemplate")),
    ],
    ["validate", (a: LoadedAddon) => a.run("validate")],
    ["lock the plan", (a: LoadedAddon) => (a.ui.answers.push({ button: "YES" }), a.run("lockPlan"))],
    ["generate the review", (a: LoadedAddon) => a.run("generateReview", { team: "" })],
    [
      "start the next quarter",
      (a: LoadedAddon) =>
        a.run("startNextQuarter", { from: "2026-Q4", carry: [{ id: "O-2", owner: "Ben" }] }),
    ],
    [
      "save a check-in",
      (a: LoadedAddon) => a.run("saveCheckins", { entries: [{ krId: "KR-1", value: 150 }] }),
    ],
    ["insert a draft", (a: LoadedAddon) => a.run("insertDraft", draft())],
    ["move to KPIs", (a: LoadedAddon) => a.run("moveToKpis", { row: rowOf(a, "KR-9"), krId: "KR-9" })],
  ])("is held for every write to %s", (_name, operation) => {
    const addon = _name.startsWith("set up") ? loadAddon({ locale: "en", now: NOW }) : planned();
    // A row typed without an ID, so that Validate writes one.
    if (!_name.startsWith("set up"))
      sheet(addon, "OKRs").fill(
        [
          [
            "2026-Q4",
            "",
            "Key result",
            "",
            "Sales",
            "O-2",
            "Sign 20 partners",
            "",
            "",
            "Increase",
            "",
            0,
            20,
          ],
        ],
        20,
      );
    addon.calls.reset();
    operation(addon);
    const sequence = addon.calls.sequence();
    expect(sequence.filter((name) => WRITE.test(name)).length).toBeGreaterThan(0);
    expect(unlockedWrites(sequence)).toEqual([]);
    expect(addon.world.lock.holder).toBeUndefined();
  });

  it("is released, and the save reported, when flush and release fail after the write", () => {
    const world = new World({ timeZone: "Europe/Brussels" });
    const addon = planned({ world });
    world.lock.failures.flush = 1;
    world.lock.failures.release = 1;
    expect(addon.run("saveCheckins", { entries: [{ krId: "KR-1", value: 150 }] })).toMatchObject({
      saved: 1,
      message: "1 check-in saved.",
    });
    expect(world.lock.failures).toEqual({ release: 0, flush: 0 }); // both failures happened
    expect(world.lock.holder).toBeUndefined();
    expect(world.lock.history.slice(-2)).toEqual(["ada@example.com+", "ada@example.com-"]);
    expect(sheet(addon, "Check-ins").values().at(-1)!.slice(1, 3)).toEqual(["KR-1", 150]);
  });

  it("tells the truth when a save fails after its first write", () => {
    const world = new World({ timeZone: "Europe/Brussels" });
    const addon = planned({ world });
    let writes = 0;
    addon.calls.onCount = (name) => {
      if (name === "Range.setValues" && ++writes === 2) throw new Error("Service Spreadsheets timed out");
    };
    expect(() => addon.run("saveCheckins", { entries: [{ krId: "KR-1", value: 150 }] })).toThrow(
      "Part of this change was already written before it failed (Service Spreadsheets timed out). Check the sheet before you try again.",
    );
    addon.calls.onCount = undefined;
    expect(world.lock.holder).toBeUndefined();
    expect(sheet(addon, "Check-ins").values().at(-1)!.slice(1, 3)).toEqual(["KR-1", 150]);
  });

  it("is taken by Validate, review, move, insert and set up: they wait for a colleague's save", () => {
    const world = new World({ timeZone: "Europe/Brussels" });
    const addon = planned({ world });
    const okrs = sheet(addon, "OKRs");
    const before = okrs.values();
    world.lock.holder = "bob@example.com";
    const busy = "Someone else is saving right now. Please try again in a moment.";
    // A sidebar call refuses to its failure handler; a menu command says it in an alert.
    expect(() => addon.run("generateReview", { team: "" })).toThrow(busy);
    expect(() => addon.run("moveToKpis", { row: rowOf(addon, "KR-9"), krId: "KR-9" })).toThrow(busy);
    expect(() => addon.run("insertDraft", draft())).toThrow(busy);
    for (const command of ["validate", "setUpTemplate"]) {
      const shown = addon.ui.dialogs.length;
      addon.run(command);
      expect(addon.ui.dialogs.slice(shown).map((d) => d.message)).toEqual([busy]);
    }
    expect(addon.ui.shown).toEqual([]); // no findings listed from a Validate that did not run
    expect(okrs.values()).toEqual(before);
    expect(okrs.peek(rowOf(addon, "KR-9"), 7)?.note ?? "").toBe("");
    expect(addon.spreadsheet.allSheets().map((s) => s.name)).not.toContain("Review 2026-Q4");
  });

  it("lets two users share one spreadsheet: a move between Validate's runs marks the right rows", () => {
    const world = new World({ timeZone: "Europe/Brussels" });
    const ada = planned({ world });
    const bob = loadAddon({ world, now: NOW, email: "bob@example.com" });
    const okrs = world.spreadsheet.sheet("OKRs")!;
    const row = rowOf(ada, "KR-9");
    world.lock.onAcquire = (owner) => {
      if (owner !== "ada@example.com") return;
      world.lock.onAcquire = undefined;
      // Bob moved KR-9 a moment before Ada's Validate took the lock.
      world.lock.holder = undefined;
      bob.run("moveToKpis", { row, krId: "KR-9" });
      world.lock.holder = "ada@example.com";
    };
    ada.run("validate");
    expect(world.spreadsheet.sheet("KPIs")!.values()[1]![6]).toBe("KR-9");
    const marked = okrs
      .values()
      .map((_, i) => okrs.peek(i + 1, 7)?.note ?? "")
      .filter((n) => n.includes("KPI"));
    expect(marked).toEqual([]);
  });
});

describe("Set up adopts only our sheets", () => {
  it("leaves a user's OKRs and Settings sheets alone and works on its own beside them", () => {
    const addon = loadAddon({ locale: "en", now: NOW });
    const theirs = addon.spreadsheet.addSheet("OKRs");
    theirs.fill([
      ["Name", "Amount", "Team"],
      ["Lunch", 12, "Sales"],
    ]);
    const settings = addon.spreadsheet.addSheet("Settings");
    settings.fill([["Colour", "Blue"]]);
    addon.ui.answers.push({ button: "NO" });
    addon.run("setUpTemplate");
    expect(theirs.values()).toEqual([
      ["Name", "Amount", "Team"],
      ["Lunch", 12, "Sales"],
    ]);
    expect(theirs.peek(1, 1)).toMatchObject({ fontWeight: "normal", background: null, validation: null });
    expect(theirs.peek(2, 2)).toMatchObject({ validation: null, numberFormat: "" });
    expect(settings.values()).toEqual([["Colour", "Blue"]]);
    expect(sheet(addon, "OKRs (2)").values()[0]!.slice(0, 3)).toEqual(["Quarter", "ID", "Type"]);
    expect(addon.ui.dialogs.at(-1)!.message).toContain(
      "OKRs does not have the template's columns, so it was left exactly as it was",
    );

    // Later operations find ours.
    const inserted = addon.run<InsertResult>("insertDraft", draft());
    expect(inserted.sheet).toBe("OKRs (2)");
    addon.setNow("2027-01-02T09:00:00Z");
    addon.run("startNextQuarter", { from: "2026-Q4", carry: [] });
    expect(settings.values()).toEqual([["Colour", "Blue"]]);
    expect(
      sheet(addon, "Settings (2)")
        .values()
        .find((l) => l[0] === "Current quarter")![1],
    ).toBe("2027-Q1");
    addon.run("validate");
    expect(theirs.values()[1]).toEqual(["Lunch", 12, "Sales"]);
    expect(theirs.peek(2, 1)?.note ?? "").toBe("");
  });

  it("adopts a sheet with our columns in French and leaves the user's own column's style alone", () => {
    const addon = loadAddon({ locale: "en", now: NOW });
    const okrs = addon.spreadsheet.addSheet("OKRs");
    okrs.fill([
      [
        "Trimestre",
        "ID",
        "Type",
        "Niveau",
        "Équipe",
        "Mon budget",
        "Parent",
        "Intitulé",
        "Responsable",
        "Métrique",
        "Départ",
        "Cible",
      ],
    ]);
    addon.ui.answers.push({ button: "NO" });
    addon.run("setUpTemplate");
    expect(addon.spreadsheet.allSheets().map((s) => s.name)).not.toContain("OKRs (2)");
    expect(okrs.peek(1, 1)?.fontWeight).toBe("bold");
    expect(okrs.peek(1, 6)).toMatchObject({ fontWeight: "normal", background: null });
    expect(okrs.peek(2, 6)?.validation ?? null).toBeNull();
    const protectedHeaders = okrs.protections.map((p) => p.range!.api.getA1Notation());
    // Column F, "Mon budget", is the user's: its header is neither styled nor protected.
    expect(protectedHeaders).toEqual(["A1:E1", "G1:V1", "R2:R1000", "S2:S1000"]); // and our computed cells
  });
});

describe("the example quarter", () => {
  it("is not added once IDs were issued: its fixed IDs would be issued twice", () => {
    const addon = planned();
    addon.run<InsertResult>("insertDraft", draft());
    const okrs = sheet(addon, "OKRs");
    okrs.removeRows(2, okrs.values().length - 1); // the user empties the sheet
    addon.ui.answers.push({ button: "YES" });
    addon.run("setUpTemplate");
    expect(okrs.values().filter((l) => l[1] !== "")).toHaveLength(1); // the header only
    expect(addon.ui.dialogs.at(-1)!.message).toContain("The example quarter was not added");
  });
});

describe("Validate's number checks", () => {
  it("reports each bad number on its own row, naming the cell, quoted as typed", () => {
    const addon = planned();
    const okrs = sheet(addon, "OKRs");
    okrs.cell(rowOf(addon, "KR-1"), 13).value = "1e309";
    okrs.cell(rowOf(addon, "KR-2"), 13).value = 1e16;
    okrs.cell(rowOf(addon, "KR-9"), 12).value = "about 3";
    const items = addon.run<Findings>("validateNow").items;
    const numbers = items.filter((f) => ["number-too-large", "not-a-number"].includes(f.code));
    expect(numbers.map((f) => [f.a1, f.message])).toEqual([
      ["M5", 'Target: "1e309" is out of range (numbers must be between -1e15 and 1e15).'],
      ["M7", 'Target: "10000000000000000" is out of range (numbers must be between -1e15 and 1e15).'],
      ["L8", 'Baseline: "about 3" is not a number (write 1.5, 1,5 or 15%).'],
    ]);
    expect(JSON.stringify(items)).not.toContain("Infinity");
    // Typed, not missing: no "Target is required" on top.
    expect(items.filter((f) => f.code === "required" && ["M5", "M7", "L8"].includes(f.a1))).toEqual([]);
    expect(okrs.peek(5, 13)?.note).toContain('"1e309" is out of range');
  });

  it("keeps 1e309 typed in a cell as text, as Sheets does", () => {
    const addon = planned();
    const okrs = sheet(addon, "OKRs");
    okrs.fill([["1e309"]], 20);
    expect(okrs.peek(20, 1)?.value).toBe("1e309");
  });
});

describe("service calls", () => {
  function withKrs(krs: number): LoadedAddon {
    const addon = start({ now: "2026-11-20T09:00:00Z" });
    sheet(addon, "OKRs").fill(okrGridOf(generateOkrs(krs)));
    sheet(addon, "Check-ins").fill(checkinGridOf(generateCheckins(krs, 3)));
    // A KPI-like key result last, and room below it (a full sheet grows once, at any size).
    const okrs = sheet(addon, "OKRs");
    const last = okrs.values().length;
    okrs.fill(
      [
        [
          "2026-Q4",
          "KR-99999",
          "Key result",
          "",
          "Sales",
          "O-1",
          "Keep churn below 2%",
          "",
          "",
          "Threshold",
          "%",
          3,
          2,
        ],
      ],
      last + 1,
    );
    okrs.fill([[""]], last + 20);
    return addon;
  }

  it.each([
    [
      "move a key result to KPIs",
      (a: LoadedAddon) => {
        const kpi = a.run<Findings>("getFindings").items.find((f) => f.krId === "KR-99999")!;
        a.calls.reset();
        a.run("moveToKpis", { row: kpi.row, krId: kpi.krId });
      },
    ],
    [
      "validate with a row typed without an ID",
      (a: LoadedAddon) => {
        const okrs = sheet(a, "OKRs");
        okrs.fill(
          [
            [
              "2026-Q4",
              "",
              "Key result",
              "",
              "Sales",
              "O-1",
              "Sign 20 partners",
              "",
              "",
              "Increase",
              "",
              0,
              20,
            ],
          ],
          okrs.values().length + 1,
        );
        a.calls.reset();
        a.run("validate");
      },
    ],
    ["insert a draft", (a: LoadedAddon) => (a.calls.reset(), a.run("insertDraft", draft()))],
  ])("are the same to %s at 10 and at 2,000 key results", (_name, operation) => {
    const counts = [10, 2000].map((n) => {
      const addon = withKrs(n);
      operation(addon);
      return addon.calls.snapshot();
    });
    expect(counts[1]).toEqual(counts[0]);
  });
});
