/**
 * Time and formulas, end to end on the built bundle: each row judged in its own quarter, statuses
 * that follow Settings' "as of" day (moved by onOpen and by every operation, never by the clock
 * alone), formulas that survive what users do to rows, and errors that stay on their own row.
 */
import { loadAddon, type LoadedAddon } from "../../dev/loader";
import { type FakeSheet, isDate } from "../../dev/gas";
import { isoIn } from "../helpers/grids";
import { VOLATILE_MESSAGE } from "../../dev/formula-engine";
import { generateOkrs, okrGridOf } from "../../dev/fixtures";

const sheet = (addon: LoadedAddon, name: string): FakeSheet => {
  const found = addon.spreadsheet.sheet(name);
  if (!found) throw new Error(`no sheet ${name}`);
  return found;
};

function setUp(
  now: string,
  options: { locale?: string; spreadsheetLocale?: string; example?: boolean } = {},
) {
  const addon = loadAddon({
    now,
    locale: options.locale ?? "en",
    spreadsheetLocale: options.spreadsheetLocale,
  });
  addon.ui.answers.push({ button: options.example === false ? "NO" : "YES" }, { button: "OK" });
  addon.run("setUpTemplate");
  addon.ui.answers.length = 0;
  return addon;
}

const iso = (value: unknown) => (isDate(value) ? isoIn(value) : String(value));

/** Every row's ID, Score and Status, as the sheet shows them. */
function table(addon: LoadedAddon, okrsName = "OKRs") {
  const okrs = sheet(addon, okrsName);
  const values = okrs.values();
  const [id, score, status] = [1, 16, 17];
  return values.slice(1).map((l) => ({ id: String(l[id]), score: l[score], status: String(l[status]) }));
}

const statuses = (addon: LoadedAddon) => table(addon).map((r) => `${r.id}:${r.status}`);
const asOf = (addon: LoadedAddon) =>
  iso(
    sheet(addon, "Settings")
      .values()
      .find((l) => l[0] === "As of")![1],
  );
const open = (addon: LoadedAddon, authMode: string) =>
  addon.run("onOpen", { authMode, source: addon.spreadsheet.api });

describe("statuses follow Settings' “as of” day, not the clock", () => {
  it("stay as they were three weeks later with no edit, and move once the spreadsheet is opened", () => {
    const addon = setUp("2026-11-10T09:00:00Z");
    expect(asOf(addon)).toBe("2026-11-10");
    const before = statuses(addon);
    expect(before).toContain("KR-1:On track"); // 0.5 at 44% of the quarter
    const runs = addon.engine!.runs;

    addon.setNow("2026-12-01T09:00:00Z");
    expect(statuses(addon)).toEqual(before); // Sheets would not rerun a custom function either
    expect(addon.engine!.runs).toBe(runs);

    open(addon, "NONE"); // an add-on not yet used in this file may only build its menu
    expect(asOf(addon)).toBe("2026-11-10");
    expect(statuses(addon)).toEqual(before);

    open(addon, "LIMITED");
    expect(asOf(addon)).toBe("2026-12-01");
    const after = statuses(addon);
    expect(after).toContain("KR-1:At risk"); // 0.5 at 67% of the quarter
    expect(after).not.toEqual(before);
  });

  it("moves with any operation, and is written only when it changed", () => {
    const addon = setUp("2026-11-10T09:00:00Z");
    addon.setNow("2026-11-17T09:00:00Z");
    addon.run("getFindings");
    expect(asOf(addon)).toBe("2026-11-17");
    addon.calls.reset();
    open(addon, "FULL");
    addon.run("getFindings");
    expect(addon.calls.get("Range.setValue")).toBe(0);
    // A day typed by hand holds for the rest of the day; the next day brings it back to today.
    sheet(addon, "Settings").fill([["As of", "2026-10-20"]], 3);
    open(addon, "LIMITED");
    expect(asOf(addon)).toBe("2026-10-20");
    addon.setNow("2026-11-18T09:00:00Z");
    open(addon, "LIMITED");
    expect(asOf(addon)).toBe("2026-11-18");
  });

  describe("a value that is not a day, typed after the day's first operation", () => {
    const statusHeader = (addon: LoadedAddon) => sheet(addon, "OKRs").values()[0]![17];
    /** The day's first operation has run: the add-on remembers As of as brought to today. */
    function broughtToday() {
      const addon = setUp("2026-11-10T09:00:00Z");
      addon.setNow("2026-11-17T09:00:00Z");
      addon.run("getFindings");
      expect(asOf(addon)).toBe("2026-11-17");
      return addon;
    }

    it.each([
      ["blank", "", "getCheckins", [{}]],
      ["a word", "hier", "getFindings", []],
      ["a word", "yesterday", "validateNow", []],
      ["blank", "", "getWizardContext", []],
      ["blank", "", "getReviewOptions", []],
      ["blank", "", "saveCheckins", [{ entries: [{ krId: "KR-1", value: 150 }] }]],
    ])(
      "is %s (%j): %s brings it back to today, and the statuses with it",
      (_what, typed, operation, args) => {
        const addon = broughtToday();
        const before = statuses(addon);
        addon.run(operation, ...args); // the first run may mark the sheet: the second is the measure
        addon.calls.reset();
        addon.run(operation, ...args);
        const right = addon.calls.snapshot();
        sheet(addon, "Settings").api.getRange(3, 2).setValue(typed);
        expect(statusHeader(addon)).toBe("#ERROR!"); // the whole Status column is gone
        addon.calls.reset();
        const answer = addon.run<{ items?: { code: string; a1: string }[] }>(operation, ...args);
        expect(asOf(addon)).toBe("2026-11-17");
        // The same calls as with As of right (Settings read once), and the As of cell written.
        const more = (name: string) => (right[name] ?? 0) + 1;
        expect(addon.calls.snapshot()).toEqual({
          ...right,
          "Sheet.getRange": more("Sheet.getRange"),
          "Range.setValue": more("Range.setValue"),
        });
        expect(statusHeader(addon)).toBe("Status");
        if (operation !== "saveCheckins") expect(statuses(addon)).toEqual(before);
        if (answer?.items) {
          // Nothing left to correct: neither the cell nor the Status formula, read before the write.
          const stale = answer.items.filter((f) => ["setting-invalid", "computed-failed"].includes(f.code));
          expect(stale).toEqual([]);
          expect(sheet(addon, "OKRs").peek(1, 18)?.note ?? "").toBe("");
        }
      },
    );

    it("is fixed on open too, when the stale check-in reminder reads Settings anyway", () => {
      const addon = broughtToday();
      sheet(addon, "Settings").api.getRange(3, 2).setValue("");
      open(addon, "LIMITED");
      expect(asOf(addon)).toBe("2026-11-17");
    });

    it("costs no call when As of is right: the same calls as before the user typed anything", () => {
      const addon = broughtToday();
      const counts = () => {
        addon.calls.reset();
        addon.run("getCheckins", {});
        return addon.calls.snapshot();
      };
      const right = counts();
      expect(right["Range.setValue"] ?? 0).toBe(0);
      // A day typed by hand is a day to look back on, as the Guide says: kept, at no cost.
      sheet(addon, "Settings").fill([["As of", "2026-10-20"]], 3);
      expect(counts()).toEqual(right);
      expect(asOf(addon)).toBe("2026-10-20");
    });
  });

  it("costs the same service calls on open at 10 and at 2,000 key results", () => {
    const counts = [10, 2000].map((n) => {
      const addon = setUp("2026-11-10T09:00:00Z", { example: false });
      sheet(addon, "OKRs").fill(okrGridOf(generateOkrs(n)).slice(1), 2);
      addon.setNow("2026-11-24T09:00:00Z");
      addon.calls.reset();
      open(addon, "LIMITED");
      return addon.calls.snapshot();
    });
    expect(counts[1]).toEqual(counts[0]);
    expect(counts[0]!["Range.setValue"]).toBe(1);
  });
});

describe("Sheets' recalculation rules in the offline runtime", () => {
  it("reruns a custom function only when one of its arguments changed", () => {
    const addon = setUp("2026-11-10T09:00:00Z");
    table(addon);
    const runs = addon.engine!.runs;
    sheet(addon, "OKRs").cell(3, 21).value = "a note"; // Notes: a cell no formula reads
    table(addon);
    expect(addon.engine!.runs).toBe(runs);
    const okrs = sheet(addon, "OKRs");
    okrs.cell(4, 14).value = 165; // KR-1's Current, as a user types it
    const after = table(addon);
    expect(addon.engine!.runs).toBeGreaterThan(runs);
    expect(after.find((r) => r.id === "KR-1")!.score).toBe(0.75);
  });

  it("refuses TODAY(), NOW() and RAND() as arguments, directly or through a cell", () => {
    const addon = setUp("2026-11-10T09:00:00Z");
    const settings = sheet(addon, "Settings");
    settings.fill([["As of", "=TODAY()"]], 3);
    const okrs = sheet(addon, "OKRs");
    expect(okrs.values()[0]![17]).toBe("#ERROR!");
    const header = { row: 1, column: 18 };
    expect(addon.engine!.result(okrs, header.row, header.column).error).toBe(VOLATILE_MESSAGE);
    okrs.fill([['=OKRPACE("2026-10-01","2026-12-31",NOW())']], 40);
    expect(addon.engine!.result(okrs, 40, 1)).toEqual({ value: "#ERROR!", error: VOLATILE_MESSAGE });
    expect(VOLATILE_MESSAGE).toBe(
      "This function is not allowed to reference a cell with NOW(), RAND(), or RANDBETWEEN().",
    );
  });
});

describe("each row judged in its own quarter", () => {
  it("keeps a closed quarter's final state after Start next quarter, never Not started", () => {
    const addon = setUp("2026-12-31T09:00:00Z");
    const lastDay = table(addon);
    expect(lastDay.map((r) => r.status)).toContain("Not started"); // KR-6: no check-in yet
    expect(addon.run("startNextQuarter", { from: "2026-Q4", carry: [] })).toMatch(/2027-Q1/);
    addon.setNow("2027-01-12T09:00:00Z");
    open(addon, "LIMITED");
    const settings = sheet(addon, "Settings").values();
    expect(settings.find((l) => l[0] === "Current quarter")!.slice(1)).toEqual([
      "2027-Q1",
      "The quarter you plan and check in, now 2027-Q1. OKR › Start next quarter moves it on; each quarter's dates are in the quarters table below.",
    ]);
    const closed = table(addon);
    expect(closed.map((r) => r.status)).not.toContain("Not started");
    closed.forEach((row, i) => {
      expect(row.score).toEqual(lastDay[i]!.score); // scores are what they were at the end
      // The state each row ended in; a key result never scored ended off track.
      expect(row.status).toBe(lastDay[i]!.status === "Not started" ? "Off track" : lastDay[i]!.status);
    });
  });

  it("shows the same final state in the check-in view and the review once the quarter is over", () => {
    const addon = setUp("2026-12-20T09:00:00Z");
    addon.setNow("2027-01-05T09:00:00Z"); // Q4 is over, the next quarter not started yet
    const view = addon.run<{ items: { id: string; status: string }[] }>("getCheckins", {});
    const sheetStatus = new Map(table(addon).map((r) => [r.id, r.status]));
    expect(view.items.length).toBeGreaterThan(3);
    const labels = { "on-track": "On track", "at-risk": "At risk", "off-track": "Off track", done: "Done" };
    for (const item of view.items) {
      expect(item.status).not.toBe("not-started");
      expect(sheetStatus.get(item.id)).toBe(labels[item.status as keyof typeof labels]);
    }
  });

  it("adds the new quarter to the quarters table when it lacks it", () => {
    const addon = setUp("2026-12-20T09:00:00Z");
    const settings = sheet(addon, "Settings");
    const row = settings.values().findIndex((l) => l[0] === "2027-Q1") + 1;
    settings.fill([["", "", ""]], row); // the user cleared it
    addon.run("startNextQuarter", { from: "2026-Q4", carry: [], early: true });
    const after = settings.values();
    expect(after.filter((l) => l[0] === "2027-Q1").map((l) => l.map(iso))).toEqual([
      ["2027-Q1", "2027-01-01", "2027-03-31"],
    ]);
    expect(after.find((l) => l[0] === "Current quarter")![1]).toBe("2027-Q1");
  });

  it("uses the quarters table's own dates for each row (a fiscal calendar)", () => {
    const addon = setUp("2026-11-10T09:00:00Z");
    const settings = sheet(addon, "Settings");
    const row = settings.values().findIndex((l) => l[0] === "2026-Q4") + 1;
    // Q4 of this fiscal year runs from 1 November to 31 January: on 10 November, barely begun.
    settings.fill([["2026-Q4", "2026-11-01", "2027-01-31"]], row);
    expect(table(addon).find((r) => r.id === "KR-4")!.status).toBe("On track"); // 0.33 at 10%
    const review = addon.run<{ lang: string; quarter: string }>("getReviewOptions");
    expect(review.quarter).toBe("2026-Q4");
  });

  it("gives each row its own quarter's status, rows of several quarters side by side", () => {
    const addon = setUp("2026-11-10T09:00:00Z", { example: false });
    const okrs = sheet(addon, "OKRs");
    const kr = (quarter: string, id: string, current: number | string) => [
      quarter,
      id,
      "Key result",
      "",
      "Sales",
      "O-1",
      `Grow ${id}`,
      "",
      "",
      "Increase",
      "",
      0,
      10,
      current,
    ];
    okrs.fill(
      [
        kr("2026-Q3", "KR-1", 7), // closed at 0.7: at risk
        kr("2026-Q3", "KR-2", ""), // closed, never scored
        kr("2026-Q4", "KR-3", 5), // 0.5 at 44%: on track
        kr("2026-Q4", "KR-4", ""), // open, no check-in yet
        kr("2027-Q1", "KR-5", 5), // not begun
        kr("2026-Q4", "KR-6", "abc"), // a bad number: no score, no status
      ],
      2,
    );
    expect(table(addon).map((r) => [r.id, r.score, r.status])).toEqual([
      ["KR-1", 0.7, "At risk"],
      ["KR-2", "", "Off track"],
      ["KR-3", 0.5, "On track"],
      ["KR-4", "", "Not started"],
      ["KR-5", 0.5, "Not started"],
      ["KR-6", "", ""],
    ]);
  });
});

describe("the Score and Status formulas survive what users do to rows", () => {
  /** Every row with an ID has a status, and every key result with a Current value a score. */
  function expectCovered(addon: LoadedAddon) {
    const okrs = sheet(addon, "OKRs");
    const values = okrs.values();
    expect(values[0]!.slice(16, 18)).toEqual(["Score", "Status"]);
    for (const line of values.slice(1)) {
      if (line[1] === "") continue;
      expect(line[17]).not.toBe("");
      if (line[13] !== "") expect(typeof line[16]).toBe("number");
    }
    expect(String(okrs.peek(1, 17)?.formula)).toMatch(/^=OKRSCORE\(B1:B,/);
    expect(String(okrs.peek(1, 18)?.formula)).toMatch(/^=OKRSTATUSES\(Q1:Q,/);
  }

  it("deleting the first data row, inserting above it, moving and sorting rows", () => {
    const addon = setUp("2026-11-10T09:00:00Z");
    const okrs = sheet(addon, "OKRs");
    const api = addon.spreadsheet.api.getSheetByName("OKRs")!;
    api.deleteRow(2);
    expectCovered(addon);
    api.insertRowsBefore(2, 1);
    okrs.fill(
      [["2026-Q4", "KR-9", "Key result", "", "Sales", "O-2", "Grow leads", "", "", "Increase", "", 0, 10, 8]],
      2,
    );
    expectCovered(addon);
    expect(table(addon)[0]).toEqual({ id: "KR-9", score: 0.8, status: "On track" });
    okrs.moveRows(2, 1, 6);
    expectCovered(addon);
    okrs.sortRows(2, okrs.lastRow() - 1, 7);
    expectCovered(addon);
    api.deleteRows(2, 3);
    expectCovered(addon);
  });

  it("rewrites references as Sheets does, in the offline runtime", () => {
    const addon = setUp("2026-11-10T09:00:00Z", { example: false });
    const okrs = sheet(addon, "OKRs");
    okrs.fill([["=KRSCORE(L2,M2,N2)", "=KRSCORE(L2:L5,M2:M5,N2:N5)"]], 20);
    okrs.insertRows(2, 1);
    expect([okrs.peek(21, 1)?.formula, okrs.peek(21, 2)?.formula]).toEqual([
      "=KRSCORE(L3,M3,N3)",
      "=KRSCORE(L3:L6,M3:M6,N3:N6)",
    ]);
    okrs.insertRows(4, 2); // inside the range: it grows
    expect(okrs.peek(23, 2)?.formula).toBe("=KRSCORE(L3:L8,M3:M8,N3:N8)");
    okrs.removeRows(3, 1); // the single cell's row is gone
    expect([okrs.peek(22, 1)?.formula, okrs.peek(22, 2)?.formula]).toEqual([
      "=KRSCORE(#REF!,#REF!,#REF!)",
      "=KRSCORE(L3:L7,M3:M7,N3:N7)",
    ]);
    // The header-cell formulas and Settings references never moved.
    expect(okrs.peek(1, 18)?.formula).toContain("'Settings'!$B$3");
  });

  it("warns before typing over a computed cell", () => {
    const addon = setUp("2026-11-10T09:00:00Z");
    const okrs = sheet(addon, "OKRs");
    const computed = okrs.protections.filter((p) => p.description.startsWith("OKR Sheets: computed column"));
    expect(computed.map((p) => [p.range?.a1(), p.warningOnly])).toEqual([
      ["Q2:Q1000", true],
      ["R2:R1000", true],
    ]);
    expect(computed[0]!.description).toMatch(/Score is computed by the formula in its header cell/);
  });

  it("names the cell typed over a computed column when the user went ahead anyway", () => {
    const addon = setUp("2026-11-10T09:00:00Z");
    const okrs = sheet(addon, "OKRs");
    okrs.cell(5, 17).value = 0.9; // typed in Score, Q5: Sheets shows #REF! in Q1
    expect(okrs.values()[0]![16]).toBe("#REF!");
    const items = addon.run<{ items: { code: string; a1: string; message: string }[] }>("getFindings").items;
    const blocked = items.filter((f) => f.code === "computed-blocked");
    expect(blocked).toEqual([
      expect.objectContaining({
        a1: "Q5",
        message: expect.stringMatching(/^Score is computed by the formula in its header.*Clear this cell/),
      }),
    ]);
    expect(items.filter((f) => f.code === "missing-column")).toEqual([]);
    okrs.cell(5, 17).value = "";
    expect(okrs.values()[0]![16]).toBe("Score");
    const after = addon.run<{ items: { code: string }[] }>("getFindings").items;
    expect(after.filter((f) => f.code === "computed-blocked")).toEqual([]);
  });

  it.each([
    ["Q1", "Score", "en"],
    ["R1", "Status", "en"],
    ["Q1", "Score", "fr_BE"],
    ["R1", "Statut", "fr_BE"],
  ])(
    "names %s when its formula is typed over with its own header (%s, %s), and Set up puts it back",
    (a1, header, locale) => {
      const column = a1 === "Q1" ? 17 : 18;
      const addon = setUp("2026-11-10T09:00:00Z", {
        locale,
        spreadsheetLocale: locale === "en" ? "en_US" : locale,
      });
      const okrs = addon.spreadsheet.sheet(locale === "en" ? "OKRs" : "OKR")!;
      const formula = okrs.peek(1, column)!.formula;
      expect(formula).toMatch(/^=OKRSTATUSES\(|^=OKRSCORE\(/);
      okrs.api.getRange(1, column).setValue(header); // the header reads the same; nothing computes below
      expect(okrs.values()[0]![column - 1]).toBe(header);
      expect(
        okrs
          .values()
          .slice(1)
          .every((line) => line[column - 1] === ""),
      ).toBe(true);
      const replaced = () =>
        addon
          .run<{ items: { code: string; a1: string; message: string }[] }>("getFindings")
          .items.filter((f) => f.code === "computed-replaced");
      expect(replaced()).toEqual([
        expect.objectContaining({
          a1,
          message:
            locale === "en"
              ? `${header} is computed by a formula in this header cell, and text typed here replaced it: nothing fills the column any more. Run OKR › Set up template to put the formula back.`
              : `La colonne ${header} est calculée par une formule dans cette cellule d'en-tête, et le texte tapé ici l'a remplacée : plus rien ne remplit la colonne. Lancez OKR › Préparer le modèle pour remettre la formule.`,
        }),
      ]);
      addon.run("setUpTemplate");
      expect(okrs.peek(1, column)?.formula).toBe(formula);
      expect(
        okrs
          .values()
          .slice(1)
          .some((line) => line[column - 1] !== ""),
      ).toBe(true);
      expect(replaced()).toEqual([]);
    },
  );

  it("says nothing of an empty Score column while no key result has a current value", () => {
    const addon = setUp("2026-11-10T09:00:00Z", { example: false });
    const okrs = sheet(addon, "OKRs");
    okrs.fill(
      [
        ["2026-Q4", "O-1", "Objective", "Team", "Sales", "", "Win Brussels", "Ada", "Aspirational"],
        [
          "2026-Q4",
          "KR-1",
          "Key result",
          "",
          "Sales",
          "O-1",
          "Grow partners",
          "",
          "",
          "Increase",
          "",
          100,
          200,
        ],
      ],
      2,
    );
    expect(okrs.values()[1]![16]).toBe("");
    const items = addon.run<{ items: { code: string }[] }>("getFindings").items;
    expect(items.filter((f) => f.code.startsWith("computed-"))).toEqual([]);
  });

  // A cleared or mistyped As of no longer stands: the operation writes today there (see above).
  it.each([["Language", 11, "de", ["Score", "Status"]]])(
    "names the Settings cell, and the formula as failing rather than blocked, when %s holds %j",
    (setting, row, typed, failing) => {
      const addon = setUp("2026-11-10T09:00:00Z");
      sheet(addon, "Settings").api.getRange(row, 2).setValue(typed);
      // The formulas reading that setting fail in their header cell; nothing is typed below them.
      const header = sheet(addon, "OKRs").values()[0]!;
      expect(failing.map((name) => header[name === "Score" ? 16 : 17])).toEqual(failing.map(() => "#ERROR!"));
      const items = addon.run<{ items: { code: string; a1: string; message: string }[] }>(
        "getFindings",
      ).items;
      // "Clear this cell" on Q1 or R1 would have the user delete the formula itself.
      expect(items.filter((f) => f.code === "computed-blocked")).toEqual([]);
      expect(items.filter((f) => f.code === "computed-failed").map((f) => f.a1)).toEqual(
        failing.map((name) => (name === "Score" ? "Q1" : "R1")),
      );
      expect(items.filter((f) => f.code === "setting-invalid")).toEqual([
        expect.objectContaining({
          a1: `B${row}`,
          message: `The setting ${setting} cannot use "${typed}": the add-on uses the default, but the Score and Status formulas that read it show #ERROR! until you correct it.`,
        }),
      ]);
    },
  );
});

describe("one language in the spreadsheet, whoever sets it up", () => {
  it.each([
    ["a French user on an English spreadsheet", "fr", "en_US", ["On track", "At risk", "Off track", "Done"]],
    [
      "an English user on a French spreadsheet",
      "en",
      "fr_BE",
      ["En bonne voie", "À risque", "En retard", "Atteint"],
    ],
  ])(
    "%s: statuses in the spreadsheet's language, all coloured",
    (_who, locale, spreadsheetLocale, labels) => {
      const addon = setUp("2026-11-10T09:00:00Z", { locale, spreadsheetLocale });
      const okrsName = addon.spreadsheet.allSheets().find((s) => /^OKR/.test(s.name))!.name;
      const okrs = sheet(addon, okrsName);
      const rules = okrs.conditionalRules.filter((r) => r.condition === "TEXT_EQUAL_TO");
      expect(rules.map((r) => r.values[0])).toEqual(labels);
      const shown = table(addon, okrsName).map((r) => r.status);
      expect(shown.length).toBeGreaterThan(5);
      for (const status of shown) {
        if (status === "Not started" || status === "Pas commencé") continue;
        expect(labels).toContain(status);
      }
      expect(okrs.values()[0]![17]).toBe(spreadsheetLocale === "fr_BE" ? "Statut" : "Status");
    },
  );
});

describe("errors stay where they start", () => {
  it("a bad number leaves its own row without score and status, and nothing spreads", () => {
    const addon = setUp("2026-11-10T09:00:00Z");
    const okrs = sheet(addon, "OKRs");
    const before = table(addon);
    okrs.cell(4, 14).value = "12O"; // KR-1's Current, a typo
    const after = table(addon);
    expect(after.find((r) => r.id === "KR-1")).toEqual({ id: "KR-1", score: "", status: "" });
    for (const row of after) {
      if (row.id === "KR-1" || row.id === "O-1" || row.id === "O-2") continue;
      expect(row).toEqual(before.find((r) => r.id === row.id));
      expect(String(row.score)).not.toMatch(/OKRSCORE|NaN/);
    }
    expect(after.find((r) => r.id === "KR-6")!.status).toBe("Not started"); // no check-in yet
  });
});

describe("set up on a spreadsheet of an older version", () => {
  it("adds As of and the quarters table to Settings, keeps every value, and moves the formulas into the headers", () => {
    const addon = loadAddon({ now: "2026-11-10T09:00:00Z", locale: "en" });
    const settings = addon.spreadsheet.addSheet("Settings");
    settings.fill([
      ["Setting", "Value", "About"],
      ["Current quarter", "2026-Q4", "As 2026-Q4."],
      ["Quarter start", "2026-10-05", "First day of the quarter."],
      ["Quarter end", "2027-01-08", "Last day of the quarter."],
      ["On track from (score ÷ pace)", 0.8, ""],
      ["At risk from (score ÷ pace)", 0.5, ""],
      ["Language", "auto", ""],
    ]);
    const before = settings.values();
    const okrs = addon.spreadsheet.addSheet("OKRs");
    okrs.fill(okrGridOf(generateOkrs(4)));
    okrs.cell(2, 17).formula = "=OKRSCORE(B2:B,C2:C,F2:F,L2:L,M2:M,N2:N,J2:J,O2:O)"; // the old place
    addon.ui.answers.push({ button: "OK" });
    addon.run("setUpTemplate");
    const after = settings.values();
    expect(after.slice(0, before.length)).toEqual(before); // nothing changed or moved
    const added = after.slice(before.length).map((l) => l.map(iso));
    expect(added).toEqual(
      expect.arrayContaining([
        ["As of", "2026-11-10", expect.any(String)],
        ["Plan locked on", "", expect.any(String)],
        ["Quarter", "Start", "End"],
        ["2026-Q4", "2026-10-05", "2027-01-08"], // its own dates, kept
        ["2027-Q1", "2027-01-01", "2027-03-31"],
      ]),
    );
    expect(okrs.peek(2, 17)?.formula ?? "").toBe("");
    expect(okrs.peek(1, 17)?.formula).toMatch(/^=OKRSCORE\(B1:B,/);
    expect(okrs.values()[0]!.slice(16, 18)).toEqual(["Score", "Status"]);
    expect(table(addon).every((r) => r.status !== "")).toBe(true);
  });

  it("does not add a second Score column when the header cell shows an error", () => {
    const addon = setUp("2026-11-10T09:00:00Z");
    const okrs = sheet(addon, "OKRs");
    okrs.cell(5, 17).value = 0.9; // typed over a computed cell: the array is blocked
    expect(okrs.values()[0]![16]).toBe("#REF!");
    const width = okrs.lastColumn();
    addon.ui.answers.push({ button: "OK" });
    addon.run("setUpTemplate");
    expect(okrs.lastColumn()).toBe(width);
  });
});

describe("a renamed Settings tab", () => {
  it("keeps the formulas working: Sheets renames the references, the add-on finds the tab by its id", () => {
    const addon = setUp("2026-11-10T09:00:00Z");
    const before = statuses(addon);
    addon.spreadsheet.api.getSheetByName("Settings")!.setName("Réglages d'équipe");
    const okrs = sheet(addon, "OKRs");
    expect(okrs.peek(1, 18)?.formula).toContain("'Réglages d''équipe'!$A:$C");
    expect(statuses(addon)).toEqual(before);
    addon.setNow("2026-12-01T09:00:00Z");
    open(addon, "LIMITED");
    expect(
      iso(
        sheet(addon, "Réglages d'équipe")
          .values()
          .find((l) => l[0] === "As of")![1],
      ),
    ).toBe("2026-12-01");
    expect(statuses(addon)).toContain("KR-1:At risk");
  });
});
