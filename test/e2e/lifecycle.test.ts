import { checkinGridOf, generateCheckins, generateOkrs, okrGridOf } from "../../dev/fixtures";
import { type FakeSheet, World } from "../../dev/gas";
import { type LoadedAddon, loadAddon } from "../../dev/loader";

import { isoIn } from "../helpers/grids";
import { shownContext } from "../helpers/page";
function start(now: string, locale = "en"): LoadedAddon {
  const addon = loadAddon({ locale, now });
  addon.ui.answers.push({ button: "NO" });
  addon.run("setUpTemplate");
  return addon;
}

const sheet = (addon: LoadedAddon, name: string): FakeSheet => addon.spreadsheet.sheet(name)!;
const byId = (addon: LoadedAddon, id: string) => {
  const values = sheet(addon, "OKRs").values();
  const line = values.find((l) => l[1] === id);
  return line && Object.fromEntries(values[0]!.map((h, i) => [String(h), line[i]]));
};
const iso = (d: unknown) => isoIn(d);

/** The fixture quarter of test/core/review.test.ts, typed into the sheet on 2026-10-02. */
const PLAN = [
  ["2026-Q3", "O-0", "Objective", "Team", "Sales", "", "Open Brussels", "Julien", "Committed"],
  [
    "2026-Q4",
    "O-1",
    "Objective",
    "Company",
    "Company",
    "",
    "Become the app drivers love",
    "Maxime",
    "Aspirational",
  ],
  ["2026-Q4", "O-2", "Objective", "Team", "Sales", "O-1", "Win Brussels", "Julien", "Committed"],
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
  [
    "2026-Q4",
    "KR-2",
    "Key result",
    "",
    "Sales",
    "O-2",
    "Cut onboarding from 10 to 5 days",
    "",
    "",
    "Decrease",
    "",
    10,
    5,
  ],
  [
    "2026-Q4",
    "O-3",
    "Objective",
    "Team",
    "Product",
    "O-1",
    "Make booking effortless",
    "Sofia",
    "Aspirational",
  ],
  [
    "2026-Q4",
    "KR-4",
    "Key result",
    "",
    "Product",
    "O-3",
    "Keep churn below 2%",
    "",
    "",
    "Threshold",
    "",
    3,
    2,
  ],
];
const KR3 = [
  "2026-Q4",
  "KR-3",
  "Key result",
  "",
  "Product",
  "O-3",
  "Launch 10 partner integrations",
  "",
  "",
  "Increase",
  "",
  0,
  10,
];

describe("a whole quarter, from the menu", () => {
  it("locks, checks in weekly, reviews with the hand-computed numbers, and starts the next quarter", () => {
    const addon = start("2026-10-02T09:00:00Z");
    sheet(addon, "OKRs").fill(PLAN, 2);

    // Lock the plan on 2026-10-05: the plan's rows get their Created date.
    addon.setNow("2026-10-05T09:00:00Z");
    addon.ui.answers.push({ button: "YES" });
    addon.run("lockPlan");
    expect(addon.ui.dialogs.at(-1)!.message).toBe("Plan for 2026-Q4 locked on 2026-10-05.");
    expect(iso(byId(addon, "KR-1")!.Created)).toBe("2026-10-05");
    expect(byId(addon, "O-0")!.Created).toBe(""); // last quarter's rows are not touched

    // A key result typed in later is flagged "added mid-quarter".
    addon.setNow("2026-11-02T09:00:00Z");
    sheet(addon, "OKRs").fill([KR3], PLAN.length + 2);
    const findings = addon.run<{ items: { code: string; message: string }[] }>("getFindings").items;
    expect(findings).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          code: "added-mid-quarter",
          message: expect.stringMatching(/after the plan was locked on 2026-10-05/),
        }),
      ]),
    );

    // Weekly check-ins, time passed in.
    const checkIn = (date: string, entries: { krId: string; value: number }[]) => {
      addon.setNow(`${date}T16:00:00Z`);
      addon.run("saveCheckins", { entries });
    };
    checkIn("2026-10-12", [
      { krId: "KR-1", value: 120 },
      { krId: "KR-2", value: 9 },
    ]);
    checkIn("2026-11-02", [{ krId: "KR-1", value: 140 }]);
    checkIn("2026-11-09", [{ krId: "KR-3", value: 2 }]);
    checkIn("2026-11-16", [{ krId: "KR-3", value: 4 }]);
    checkIn("2026-12-21", [{ krId: "KR-1", value: 180 }]);
    checkIn("2026-12-28", [
      { krId: "KR-2", value: 5 },
      { krId: "KR-4", value: 1.5 },
    ]);

    // The review, on the last day.
    addon.setNow("2026-12-31T17:00:00Z");
    addon.run("openReview");
    expect(addon.ui.shown.at(-1)).toMatchObject({ kind: "modal", title: "Generate quarterly review" });
    expect(shownContext(addon)).toMatchObject({ view: "review" });
    expect(addon.run("getReviewOptions")).toEqual({
      lang: "en",
      quarter: "2026-Q4",
      teams: ["Product", "Sales"],
      quarters: [
        { quarter: "2026-Q4", teams: ["Product", "Sales"] },
        { quarter: "2026-Q3", teams: ["Sales"] },
      ],
    });
    const result = addon.run<{ sheet: string }>("generateReview", { team: "" });
    expect(result.sheet).toBe("Review 2026-Q4");
    const review = sheet(addon, "Review 2026-Q4");
    const cells = review.values();
    const value = (label: string, offset = 1) => cells.find((l) => l[0] === label)?.[offset];
    expect(value("Overall score")).toBeCloseTo(0.8);
    expect(cells.find((l) => l[0] === "Key results by band")!.slice(1, 9)).toEqual([
      "Red",
      0,
      "Yellow",
      1,
      "Green",
      3,
      "No score",
      0,
    ]);
    const table = cells.findIndex((l) => l[0] === "Type");
    const rows = cells
      .slice(table + 1, table + 8)
      .map((l) => [l[1], Number((l[10] as number).toFixed(4)), l[12], l[14]]);
    expect(rows).toEqual([
      ["O-1", 0.8, "", ""],
      ["O-2", 0.9, "", "Committed, below 1.0: explain why"],
      ["KR-1", 0.8, 3, ""],
      ["KR-2", 1, 2, ""],
      ["O-3", 0.7, "", ""],
      ["KR-4", 1, 1, ""],
      ["KR-3", 0.4, 2, ""],
    ]);
    expect(value("Check-in regularity")).toBeCloseTo(6 / 14);
    expect(value("End-of-quarter rush")).toBeCloseTo(2.2 / 3.2);
    expect(value("Added mid-quarter")).toBe(1);
    // Sales has no other owner than Julien: keeping him is not a repeat the rotation rule faults.
    expect(value("Owner rotation")).toBe(0);
    expect(review.charts).toHaveLength(1);
    // A bar chart of the scores, drawn from the label and score columns of its data block.
    const [chart] = review.charts;
    expect(chart).toMatchObject({ type: "BAR", ranges: [expect.stringMatching(/^A\d+:B\d+$/)] });
    expect(review.peek(chart!.position.row, 1)?.value).toBe("Chart data");
    expect(review.peek(table + 3, 11)?.background).toBe("#b7e1cd");

    // Generating again never overwrites: a second sheet with the next free name.
    expect(addon.run<{ sheet: string }>("generateReview", { team: "Sales" }).sheet).toBe(
      "Review 2026-Q4 Sales",
    );
    expect(addon.run<{ sheet: string }>("generateReview", { team: "" }).sheet).toBe("Review 2026-Q4 (2)");
    expect(cells).toEqual(sheet(addon, "Review 2026-Q4").values());

    // The team ticks "Carry over?" for O-2 in the latest review.
    const latest = sheet(addon, "Review 2026-Q4 (2)");
    latest.cell(table + 3, 18).value = true;

    // Start the next quarter.
    addon.setNow("2027-01-02T09:00:00Z");
    const before = sheet(addon, "OKRs").values();
    const proposal = addon.run<{
      from: string;
      to: string;
      candidates: { id: string; proposed: boolean; nextOwner: string }[];
    }>("getNextQuarter");
    expect(proposal).toMatchObject({ from: "2026-Q4", to: "2027-Q1" });
    expect(proposal.candidates.map((c) => [c.id, c.proposed, c.nextOwner])).toEqual([
      ["O-1", false, "Maxime"],
      ["O-2", true, "Julien"],
      ["O-3", false, "Sofia"],
    ]);
    expect(addon.run("startNextQuarter", { from: "2026-Q4", carry: [{ id: "O-2", owner: "Ada" }] })).toBe(
      "2027-Q1 started: 1 objective carried over. Settings now point to 2027-Q1.",
    );
    const after = sheet(addon, "OKRs").values();
    expect(after.slice(0, before.length)).toEqual(before); // the previous quarter stays as it was
    expect(
      after.slice(before.length).map((l) => [l[0], l[1], l[2], l[6], l[7], l[11], l[12], l[13]]),
    ).toEqual([
      ["2027-Q1", "O-4", "Objective", "Win Brussels", "Ada", "", "", ""],
      ["2027-Q1", "KR-5", "Key result", "Grow partners from 100 to 200", "", 180, 200, ""],
      // It reached 5 days: its baseline stays 10 (5 would equal the target, an error in 2027-Q1).
      ["2027-Q1", "KR-6", "Key result", "Cut onboarding from 10 to 5 days", "", 10, 5, ""],
    ]);
    const settings = sheet(addon, "Settings").values();
    expect(settings.find((l) => l[0] === "Current quarter")![1]).toBe("2027-Q1");
    const row = settings.find((l) => l[0] === "2027-Q1")!;
    expect([iso(row[1]), iso(row[2])]).toEqual(["2027-01-01", "2027-03-31"]); // its row of the quarters table
    expect(settings.find((l) => l[0] === "Plan locked on")![1]).toBe("");
  });

  it("refuses to carry over something that is not an objective of the quarter, writing nothing", () => {
    const addon = start("2026-12-30T09:00:00Z");
    sheet(addon, "OKRs").fill(PLAN, 2);
    const before = sheet(addon, "OKRs").values();
    expect(() =>
      addon.run("startNextQuarter", { from: "2026-Q4", carry: [{ id: "KR-1", owner: "Ada" }] }),
    ).toThrow("KR-1 is not an objective of 2026-Q4.");
    expect(() => addon.run("startNextQuarter", { from: "2026-Q4", carry: [{ id: "O-2" }] })).toThrow(
      /refused/,
    );
    expect(sheet(addon, "OKRs").values()).toEqual(before);
  });

  it("refuses to carry over into a sheet whose Created column was deleted by hand, writing nothing", () => {
    const addon = start("2026-12-30T09:00:00Z");
    const okrs = sheet(addon, "OKRs");
    okrs.fill(PLAN, 2);
    const created = okrs.values()[0]!.indexOf("Created") + 1;
    // Deleting a column by hand: the cells to its right move left, formulas with them.
    for (let r = 1; r <= okrs.lastRow(); r++) {
      for (let c = created; c <= okrs.lastColumn(); c++) {
        const [to, from] = [okrs.cell(r, c), okrs.peek(r, c + 1)];
        [to.value, to.formula] = [from?.value ?? "", from?.formula ?? ""];
      }
    }
    const before = okrs.values();
    const settings = sheet(addon, "Settings").values();
    expect(() =>
      addon.run("startNextQuarter", { from: "2026-Q4", carry: [{ id: "O-2", owner: "Ada" }], early: true }),
    ).toThrow(
      "Nothing was written: The column Created is missing from the header row: run OKR › Set up template to add it back.",
    );
    expect(okrs.values()).toEqual(before);
    expect(sheet(addon, "Settings").values()).toEqual(settings);
  });

  it("speaks French", () => {
    const addon = start("2026-12-30T09:00:00Z", "fr");
    sheet(addon, "OKR").fill(PLAN, 2);
    const result = addon.run<{ sheet: string; message: string }>("generateReview", { team: "" });
    expect(result).toEqual({
      sheet: "Revue 2026-Q4",
      message: "La revue est prête dans la feuille « Revue 2026-Q4 ».",
    });
    expect(sheet(addon, "Revue 2026-Q4").values()[0]![0]).toBe("Revue trimestrielle — 2026-Q4");
  });
});

describe("a quarter reviewed after the next one started", () => {
  /** An English spreadsheet shared by Ada (English) and Bruno (French). */
  function team(now: string) {
    const world = new World({ timeZone: "Europe/Brussels", locale: "en_US" });
    const ada = loadAddon({ world, locale: "en", now });
    const bruno = loadAddon({ world, locale: "fr", now });
    ada.ui.answers.push({ button: "NO" });
    ada.run("setUpTemplate");
    const at = (date: string) => {
      for (const addon of [ada, bruno]) addon.setNow(date);
    };
    return { world, ada, bruno, at, sheet: (name: string) => world.spreadsheet.sheet(name)! };
  }

  it("reviews the closed quarter as it ended, with its own check-ins, lock date and carry-over boxes", () => {
    const { world, ada, bruno, at, sheet } = team("2026-10-02T09:00:00Z");
    const names = () => world.spreadsheet.allSheets().map((s) => s.name);
    sheet("OKRs").fill([...PLAN, KR3], 2);
    at("2026-10-05T09:00:00Z");
    ada.ui.answers.push({ button: "YES" });
    ada.run("lockPlan");
    // KR-3 was typed in after the lock: its Created date says so.
    const created = sheet("OKRs").values()[0]!.indexOf("Created") + 1;
    sheet("OKRs").cell(PLAN.length + 2, created).value = "2026-11-02";
    const checkIn = (date: string, entries: { krId: string; value: number }[]) => {
      at(`${date}T16:00:00Z`);
      ada.run("saveCheckins", { entries });
    };
    checkIn("2026-10-12", [
      { krId: "KR-1", value: 120 },
      { krId: "KR-2", value: 9 },
    ]);
    checkIn("2026-11-02", [{ krId: "KR-1", value: 140 }]);
    checkIn("2026-11-09", [{ krId: "KR-3", value: 2 }]);
    checkIn("2026-11-16", [{ krId: "KR-3", value: 4 }]);
    checkIn("2026-12-21", [{ krId: "KR-1", value: 180 }]);
    checkIn("2026-12-28", [
      { krId: "KR-2", value: 5 },
      { krId: "KR-4", value: 1.5 },
    ]);

    // The quarter-end rush: 2027-Q1 is started before anyone wrote the review of 2026-Q4.
    at("2027-01-04T09:00:00Z");
    bruno.run("startNextQuarter", { from: "2026-Q4", carry: [{ id: "O-2", owner: "Ada" }] });
    ada.ui.answers.push({ button: "YES" });
    ada.run("lockPlan");
    // A check-in in the new quarter, on the carried key result: it is 2027-Q1's, not 2026-Q4's.
    checkIn("2027-01-11", [{ krId: "KR-5", value: 190 }]);

    at("2027-01-12T09:00:00Z");
    // The dialog offers the current quarter first, then those with rows, most recent first.
    expect(ada.run("getReviewOptions")).toEqual({
      lang: "en",
      quarter: "2027-Q1",
      teams: ["Sales"],
      quarters: [
        { quarter: "2027-Q1", teams: ["Sales"] },
        { quarter: "2026-Q4", teams: ["Product", "Sales"] },
        { quarter: "2026-Q3", teams: ["Sales"] },
      ],
    });

    // 2027-Q1's review, with O-4 ticked "Carry over?".
    ada.calls.reset();
    expect(ada.run<{ sheet: string }>("generateReview", { team: "" }).sheet).toBe("Review 2027-Q1");
    const currentCalls = ada.calls.snapshot();
    const q1 = sheet("Review 2027-Q1");
    const q1Table = q1.values().findIndex((l) => l[0] === "Type");
    expect(q1.values()[q1Table + 1]![1]).toBe("O-4");
    q1.cell(q1Table + 2, 18).value = true;

    // Now 2026-Q4's, in the same numbers as on its last day (test "a whole quarter, from the menu").
    ada.calls.reset();
    const result = ada.run<{ sheet: string; message: string }>("generateReview", {
      team: "",
      quarter: "2026-Q4",
    });
    const calls = ada.calls.snapshot();
    expect(result).toEqual({
      sheet: "Review 2026-Q4",
      message: "The review is ready on the sheet “Review 2026-Q4”.",
    });
    const cells = sheet("Review 2026-Q4").values();
    expect(cells[0]![0]).toBe("Quarterly review — 2026-Q4");
    const value = (label: string) => cells.find((l) => l[0] === label)?.[1];
    expect(value("Overall score")).toBeCloseTo(0.8);
    const table = cells.findIndex((l) => l[0] === "Type");
    expect(
      cells
        .slice(table + 1, table + 8)
        .map((l) => [l[1], Number((l[10] as number).toFixed(4)), l[11], l[12], l[9]]),
    ).toEqual([
      ["O-1", 0.8, "At risk", "", ""],
      ["O-2", 0.9, "On track", "", ""],
      ["KR-1", 0.8, "At risk", 3, 180], // not 2027-Q1's 190 on KR-5
      ["KR-2", 1, "Done", 2, 5],
      ["O-3", 0.7, "At risk", "", ""],
      ["KR-4", 1, "Done", 1, 1.5],
      ["KR-3", 0.4, "Off track", 2, 4],
    ]);
    expect(cells.slice(table + 8).some((l) => l[1] === "O-4" || l[1] === "KR-5")).toBe(false);
    expect(value("Check-in regularity")).toBeCloseTo(6 / 14);
    expect(value("End-of-quarter rush")).toBeCloseTo(2.2 / 3.2);
    // 2026-Q4's own lock date (2026-10-05, from the lock history), not 2027-Q1's.
    expect(value("Added mid-quarter")).toBe(1);
    // Ada owns Sales' objective in 2027-Q1: no owner 2026-Q4 could have handed it to back then.
    expect(value("Owner rotation")).toBe(0);
    // Its carry-over boxes, on its own table's rows.
    const review = sheet("Review 2026-Q4");
    expect(review.peek(table + 2, 18)?.validation).toBeTruthy();
    // The same service calls as the current quarter's review: the lock history comes with the
    // properties the workbook opened with.
    expect(calls).toEqual(currentCalls);

    // Start next quarter still reads 2027-Q1's latest review, not the newer sheet of 2026-Q4.
    review.cell(table + 4, 18).value = true; // KR-1's row of 2026-Q4
    const proposal = ada.run<{ from: string; candidates: { id: string; proposed: boolean }[] }>(
      "getNextQuarter",
    );
    expect(proposal.from).toBe("2027-Q1");
    expect(proposal.candidates.map((c) => [c.id, c.proposed])).toEqual([["O-4", true]]);

    // A quarter the dialog does not offer is refused by name, in each person's language.
    const before = names();
    expect(() => ada.run("generateReview", { team: "", quarter: "2025-Q1" })).toThrow(
      "There is nothing to review for 2025-Q1: it is not the current quarter and no row of the OKRs sheet is in it. Pick a quarter from the list.",
    );
    expect(() => bruno.run("generateReview", { team: "", quarter: "T9 2026" })).toThrow(
      "Rien à passer en revue pour T9 2026 : ce n'est pas le trimestre en cours et aucune ligne de la feuille OKRs n'en fait partie. Choisissez un trimestre dans la liste.",
    );
    expect(names()).toEqual(before);

    // Bruno reviews Sales of 2026-Q4 in French words, on the English spreadsheet.
    expect(bruno.run<{ message: string }>("generateReview", { team: "Sales", quarter: "2026-q4" })).toEqual({
      sheet: "Review 2026-Q4 Sales",
      message: "La revue est prête dans la feuille « Review 2026-Q4 Sales ».",
    });
  });
});

describe("a quarter that ended while Settings stayed on it", () => {
  /** A French spreadsheet shared by Ada (English) and Bruno (French). */
  function team(now: string) {
    const world = new World({ timeZone: "Europe/Paris", locale: "fr_FR" });
    const ada = loadAddon({ world, locale: "en", now });
    const bruno = loadAddon({ world, locale: "fr", now });
    bruno.ui.answers.push({ button: "NO" });
    bruno.run("setUpTemplate");
    return {
      ada,
      bruno,
      okrs: world.spreadsheet.sheet("OKR")!,
      settings: world.spreadsheet.sheet("Paramètres")!,
    };
  }
  const draft = (title: string) => ({
    objective: { level: "team", team: "Produit", owner: "Sofia", kind: "aspirational", parent: "", title },
    krs: [
      {
        title: "Passer le NPS de 30 à 50",
        metric: "increase",
        baseline: 30,
        target: 50,
        unit: "",
        weight: 1,
      },
    ],
  });

  it("is not drafted into nor locked again: each person is told to start the next quarter first", () => {
    const { ada, bruno, okrs, settings } = team("2027-01-04T09:00:00Z");
    bruno.run("insertDraft", draft("Rendre la réservation facile"));
    ada.ui.answers.push({ button: "YES" });
    ada.run("lockPlan");

    // Three weeks into Q2, nobody has run Start next quarter: Settings still say 2027-Q1.
    for (const addon of [ada, bruno]) addon.setNow("2027-04-20T09:00:00Z");
    ada.run("onOpen", { authMode: "LIMITED", source: ada.spreadsheet.api });
    const closed = okrs.values();
    expect(closed.slice(1).map((r) => r[17])).toEqual(["En retard", "En retard"]);
    const lockRow = () => settings.values().find((l) => l[0] === "Plan verrouillé le")!;
    expect(iso(lockRow()[1])).toBe("2027-01-04");

    expect(() => bruno.run("insertDraft", draft("Nouveau"))).toThrow(
      "2027-Q1 s'est terminé le 2027-03-31 et les paramètres y sont restés : rien n'a été écrit. Démarrez d'abord le trimestre suivant (OKR › Démarrer le trimestre suivant).",
    );
    ada.ui.answers.push({ button: "YES" });
    ada.run("lockPlan");
    ada.ui.answers.splice(0);
    expect(ada.ui.dialogs.at(-1)).toMatchObject({
      title: "Lock the plan",
      message:
        "2027-Q1 ended on 2027-03-31 and Settings are still on it: nothing was written. Start the next quarter first (OKR › Start next quarter).",
    });
    expect(okrs.values()).toEqual(closed);
    expect(iso(lockRow()[1])).toBe("2027-01-04");

    // Once the next quarter is started, both work again, in 2027-Q2.
    bruno.run("startNextQuarter", { from: "2027-Q1", carry: [] });
    const inserted = bruno.run<{ firstRow: number }>("insertDraft", draft("Nouveau"));
    expect(okrs.values()[inserted.firstRow - 1]![0]).toBe("2027-Q2");
    ada.ui.answers.push({ button: "YES" });
    ada.run("lockPlan");
    expect(ada.ui.dialogs.at(-1)!.message).toBe("Plan for 2027-Q2 locked on 2027-04-20.");
  });
  it("keeps its key results: one that looks like a KPI is not moved out of it", () => {
    const { ada, bruno, okrs } = team("2027-01-04T09:00:00Z");
    const { objectiveId } = bruno.run<{ objectiveId: string }>(
      "insertDraft",
      draft("Rendre la réservation facile"),
    );
    const row = okrs.lastRow() + 1;
    const title = "Maintenir la disponibilité au-dessus de 99 %";
    okrs.fill(
      [["2027-Q1", "KR-9", "Résultat clé", "", "Produit", objectiveId, title, "", "", "Seuil", "%", 99, 99]],
      row,
    );
    for (const addon of [ada, bruno]) addon.setNow("2027-04-20T09:00:00Z");
    const finding = ada
      .run<{ items: { code: string; row: number; krId?: string }[] }>("getFindings")
      .items.find((f) => f.code === "kpi-like")!;
    expect(finding).toMatchObject({ row, krId: "KR-9" });
    const closed = okrs.values();
    expect(() => ada.run("moveToKpis", { row, krId: "KR-9" })).toThrow(
      "2027-Q1 ended on 2027-03-31 and Settings are still on it: nothing was written. Start the next quarter first (OKR › Start next quarter).",
    );
    expect(okrs.values()).toEqual(closed);
  });
});

describe("service calls", () => {
  function withKrs(krs: number): LoadedAddon {
    const addon = start("2026-11-20T09:00:00Z");
    sheet(addon, "OKRs").fill(okrGridOf(generateOkrs(krs)));
    sheet(addon, "Check-ins").fill(checkinGridOf(generateCheckins(krs, 3)));
    return addon;
  }

  it.each([
    ["lock the plan", (a: LoadedAddon) => (a.ui.answers.push({ button: "YES" }), a.run("lockPlan"))],
    ["generate the review", (a: LoadedAddon) => a.run("generateReview", { team: "" })],
    [
      "start the next quarter",
      (a: LoadedAddon) =>
        a.run("startNextQuarter", {
          from: "2026-Q4",
          early: true,
          carry: [
            { id: "O-1", owner: "Ada" },
            { id: "O-2", owner: "Bob" },
          ],
        }),
    ],
    [
      "save a check-in",
      (a: LoadedAddon) =>
        a.run("saveCheckins", {
          entries: [
            { krId: "KR-1", value: 3 },
            { krId: "KR-6", value: 4 },
          ],
        }),
    ],
  ])("are the same to %s at 10 and at 2,000 key results", (_name, operation) => {
    const counts = [10, 2000].map((n) => {
      const addon = withKrs(n);
      addon.calls.reset();
      operation(addon);
      return addon.calls.snapshot();
    });
    // Nothing may differ. The new review sheet is sized to its content in one call, which shrinks
    // a short review (deleteRows) and grows a long one (insertRowsAfter): counted as one.
    const sized = ({ "Sheet.deleteRows": shrunk = 0, ...rest }: Record<string, number>) =>
      shrunk ? { ...rest, "Sheet.insertRowsAfter": (rest["Sheet.insertRowsAfter"] ?? 0) + shrunk } : rest;
    expect(sized(counts[1]!)).toEqual(sized(counts[0]!));
  });
});
