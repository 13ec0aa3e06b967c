import { type LoadedAddon, loadAddon } from "../../dev/loader";
import { checkinGridOf, generateCheckins, generateOkrs, okrGridOf } from "../../dev/fixtures";
import type { FakeSheet } from "../../dev/gas";
import { shownContext } from "../helpers/page";

const NOW = "2026-11-15T10:00:00Z";

function setUp(options: { locale?: string; example?: boolean; addon?: LoadedAddon } = {}): LoadedAddon {
  const addon = options.addon ?? loadAddon({ locale: options.locale ?? "en", now: NOW });
  addon.ui.answers.push({ button: options.example === false ? "NO" : "YES" });
  addon.run("setUpTemplate");
  return addon;
}

const sheet = (addon: LoadedAddon, name: string): FakeSheet => {
  const found = addon.spreadsheet.sheet(name);
  if (!found) throw new Error(`no sheet ${name}`);
  return found;
};

describe("OKR › Set up template on an empty spreadsheet", () => {
  it("creates the five sheets in English with headers, frozen rows, validation and formats", () => {
    const addon = setUp({ example: false });
    expect(addon.spreadsheet.allSheets().map((s) => s.name)).toEqual([
      "Sheet1",
      "OKRs",
      "Check-ins",
      "KPIs",
      "Settings",
      "Guide",
    ]);
    const okrs = sheet(addon, "OKRs");
    expect(okrs.values()[0]).toEqual(
      expect.arrayContaining(["Quarter", "ID", "Type", "Title", "Score", "Status", "Last check-in"]),
    );
    expect(okrs.frozenRows).toBe(1);
    expect(okrs.peek(2, 3)?.validation?.getCriteriaValues()[0]).toEqual(["Objective", "Key result"]);
    expect(okrs.peek(2, 3)?.validation?.getHelpText()).toContain("Objective, Key result");
    expect(okrs.peek(2, 16)?.validation?.getCriteriaValues()).toEqual([0, 10]);
    expect(okrs.peek(2, 17)?.numberFormat).toBe("0.00");
    expect(okrs.protections[0]).toMatchObject({ warningOnly: true });
    expect(okrs.conditionalRules.map((r) => [r.condition, r.values])).toEqual(
      expect.arrayContaining([
        ["NUMBER_LESS_THAN", [0.4]],
        ["NUMBER_LESS_THAN", [0.7]],
        ["NUMBER_GREATER_THAN_OR_EQUAL_TO", [0.7]],
        ["TEXT_EQUAL_TO", ["On track"]],
      ]),
    );
    expect(sheet(addon, "Settings").values()[1]).toEqual([
      "Current quarter",
      "2026-Q4",
      "The quarter you plan and check in, now 2026-Q4. OKR › Start next quarter moves it on; each quarter's dates are in the quarters table below.",
    ]);
    expect(
      sheet(addon, "Guide")
        .values()
        .map((l) => l[0]),
    ).toEqual(expect.arrayContaining(["Outcome, not output", "KPI, not OKR", "Two levels"]));
  });

  it("states in the Guide the focus limits Settings hold, the ones the wizard applies", () => {
    const focus = (addon: LoadedAddon) =>
      sheet(addon, "Guide")
        .values()
        .find((line) => line[0] === "Focus")?.[1];
    const addon = setUp({ example: false });
    expect(focus(addon)).toContain("At most 3 objectives per team and 1 to 4 key results per objective");
    // Settings changed, the Guide deleted: set up again writes it with the new limits.
    const settings = sheet(addon, "Settings");
    const row = settings.values().findIndex((line) => line[0] === "Max key results per objective") + 1;
    settings.cell(row, 2).value = 5;
    addon.spreadsheet.removeSheet(sheet(addon, "Guide"));
    setUp({ addon, example: false });
    expect(focus(addon)).toContain("1 to 5 key results per objective");
    expect(
      addon.run<{ settings: { maxKrsPerObjective: number } }>("getWizardContext").settings,
    ).toMatchObject({
      maxKrsPerObjective: 5,
    });
  });

  it("puts one array formula in each of Score and Status, in the header cell, with no empty argument", () => {
    const okrs = sheet(setUp({ example: false }), "OKRs");
    expect(okrs.peek(1, 17)?.formula).toBe(
      "=OKRSCORE(B1:B,C1:C,F1:F,L1:L,M1:M,N1:N,J1:J,O1:O,'Settings'!$B$11)",
    );
    expect(okrs.peek(1, 18)?.formula).toBe(
      "=OKRSTATUSES(Q1:Q,N1:N,A1:A,'Settings'!$A:$C,'Settings'!$B$3,'Settings'!$B$8,'Settings'!$B$9,B1:B,'Settings'!$B$11)",
    );
    for (const formula of [okrs.peek(1, 17)?.formula, okrs.peek(1, 18)?.formula]) {
      expect(formula).not.toMatch(/\(,|,,|,\)/);
    }
    // The headers read as headers (the formulas answer them), and no data row holds a formula.
    expect(okrs.values()[0]!.slice(16, 18)).toEqual(["Score", "Status"]);
    expect(okrs.peek(2, 17)?.formula ?? "").toBe("");
    expect(okrs.peek(2, 18)?.formula ?? "").toBe("");
  });

  it("speaks French to a French user, down to dropdowns and the guide", () => {
    const addon = setUp({ locale: "fr_BE", example: true });
    expect(addon.spreadsheet.allSheets().map((s) => s.name)).toEqual([
      "Sheet1",
      "OKR",
      "Points",
      "KPI",
      "Paramètres",
      "Guide",
    ]);
    const okrs = sheet(addon, "OKR");
    expect(okrs.values()[0]).toEqual(expect.arrayContaining(["Trimestre", "Intitulé", "Départ", "Cible"]));
    expect(okrs.peek(2, 3)?.validation?.getCriteriaValues()[0]).toEqual(["Objectif", "Résultat clé"]);
    expect(okrs.values()[1]).toEqual(
      expect.arrayContaining(["Devenir l'appli de parking que les conducteurs recommandent"]),
    );
    expect(okrs.peek(1, 18)?.formula).toContain("'Paramètres'!$B$3");
    expect(addon.ui.dialogs[0]?.message).toMatch(/trimestre d'exemple/);
  });

  it("fills the example quarter and its check-ins when the user says yes", () => {
    const addon = setUp({ example: true });
    const okrs = sheet(addon, "OKRs").values();
    expect(okrs.slice(1).map((l) => l[1])).toEqual([
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
    expect(sheet(addon, "Check-ins").values().length).toBeGreaterThan(3);
    expect(addon.ui.dialogs[1]?.message).toContain("Example quarter added: 9");
  });
});

describe("OKR › Set up template on a spreadsheet with user data", () => {
  function withUserData(): LoadedAddon {
    const addon = loadAddon({ locale: "en", now: NOW });
    const okrs = addon.spreadsheet.addSheet("My OKRs");
    okrs.fill([
      ["Title", "ID", "Type", "Quarter", "Team", "Owner", "My own column"],
      ["Win Brussels", "O-1", "Objective", "2026-Q4", "Sales", "Ada", "keep me"],
    ]);
    okrs.cell(2, 1).note = "my note";
    okrs.cell(2, 1).background = "#123456";
    addon.spreadsheet.addSheet("Settings").fill([["Max objectives per team", 5]]);
    return addon;
  }

  it("leaves user data alone, adds what is missing and says what it did", () => {
    const addon = withUserData();
    // Our OKRs sheet is found by name only; "My OKRs" is the user's, so a new OKRs sheet appears.
    setUp({ addon, example: false });
    const mine = sheet(addon, "My OKRs");
    expect(mine.values()).toEqual([
      ["Title", "ID", "Type", "Quarter", "Team", "Owner", "My own column"],
      ["Win Brussels", "O-1", "Objective", "2026-Q4", "Sales", "Ada", "keep me"],
    ]);
    expect(mine.peek(2, 1)).toMatchObject({ note: "my note", background: "#123456" });
    // One row of the user's is not our Settings sheet: never written into, ours goes beside it.
    expect(sheet(addon, "Settings").values()).toEqual([["Max objectives per team", 5]]);
    const settings = sheet(addon, "Settings (2)").values();
    expect(settings.map((l) => l[0])).toEqual(
      expect.arrayContaining(["Current quarter", "Stale after (days without check-in)"]),
    );
    const summary = addon.ui.dialogs.at(-1)!.message;
    expect(summary).toContain("Settings does not have the template's columns");
    expect(summary).toMatch(/created: .*Settings \(2\)/i);
  });

  it("adds missing columns to an OKRs sheet after the user's own, and fills nothing over data", () => {
    const addon = withUserData();
    sheet(addon, "My OKRs").name = "OKRs";
    setUp({ addon, example: true });
    const okrs = sheet(addon, "OKRs").values();
    expect(okrs[0]!.slice(0, 7)).toEqual([
      "Title",
      "ID",
      "Type",
      "Quarter",
      "Team",
      "Owner",
      "My own column",
    ]);
    expect(okrs[0]).toEqual(expect.arrayContaining(["Baseline", "Target", "Score", "Status", "Created"]));
    expect(okrs[1]!.slice(0, 7)).toEqual([
      "Win Brussels",
      "O-1",
      "Objective",
      "2026-Q4",
      "Sales",
      "Ada",
      "keep me",
    ]);
    expect(okrs).toHaveLength(2); // data present: no example offered
    expect(addon.ui.dialogs.at(-1)!.message).toMatch(/Columns added to OKRs: Level, Parent/);
  });

  it("runs twice without changing anything the first run or the user wrote", () => {
    const addon = setUp({ example: true });
    const before = addon.spreadsheet.allSheets().map((s) => [s.name, s.values()]);
    setUp({ addon, example: true });
    expect(addon.spreadsheet.allSheets().map((s) => [s.name, s.values()])).toEqual(before);
  });
});

describe("OKR › Settings", () => {
  it("shows the Settings sheet", () => {
    const addon = setUp({ example: false });
    expect(addon.spreadsheet.activeSheetName()).toBe("OKRs");
    addon.run("openSettings");
    expect(addon.spreadsheet.activeSheetName()).toBe("Settings");
  });
});

describe("OKR › Validate", () => {
  it("marks each finding with a note and a soft colour, and lists them in the sidebar", () => {
    const addon = setUp({ example: true });
    addon.run("validate");
    const okrs = sheet(addon, "OKRs");
    const launch = okrs.values().findIndex((l) => l[6] === "Launch the new partner portal") + 1;
    expect(okrs.peek(launch, 7)?.note).toMatch(/^⚑ An output, not an outcome \(launch, milestone\)/);
    expect(okrs.peek(launch, 7)?.background).toBe("#fef6df");
    expect(addon.ui.shown.at(-1)).toMatchObject({ kind: "sidebar", title: "OKR" });
    expect(shownContext(addon)).toMatchObject({ lang: "en", view: "findings" });
    expect(addon.spreadsheet.toasts.at(-1)?.message).toMatch(/^\d+ errors, \d+ warnings, \d+ notes\.$/);
    const view = addon.run<{ items: { code: string; sheet: string; a1: string; krId?: string }[] }>(
      "getFindings",
    );
    expect(view.items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ code: "output-not-outcome", sheet: "OKRs", a1: `G${launch}` }),
        expect.objectContaining({ code: "kpi-like", krId: "KR-3" }),
      ]),
    );
  });

  it("clears only its own marks on the next run, keeping the user's notes and colours", () => {
    const addon = setUp({ example: true });
    addon.run("validate");
    const okrs = sheet(addon, "OKRs");
    const launch = okrs.values().findIndex((l) => l[6] === "Launch the new partner portal") + 1;
    okrs.cell(launch, 7).note = `${okrs.peek(launch, 7)!.note}\n\nask Julien`;
    okrs.cell(2, 8).background = "#00ff00"; // the user's own colour on a sound cell
    okrs.cell(launch, 10).value = "Increase"; // the milestone is now a metric
    okrs.cell(launch, 7).value = "Grow partner logins from 50 to 200";
    addon.run("validate");
    // Cleared with null, never painted white (white would hide banding).
    expect(okrs.peek(launch, 7)).toMatchObject({ note: "ask Julien", background: null });
    expect(okrs.peek(2, 8)?.background).toBe("#00ff00");
  });

  it("works in French", () => {
    const addon = setUp({ locale: "fr", example: true });
    addon.run("validate");
    const view = addon.run<{ items: { message: string }[] }>("getFindings");
    expect(view.items.map((i) => i.message)).toEqual(
      expect.arrayContaining([expect.stringMatching(/^Ressemble à un KPI/)]),
    );
    expect(addon.spreadsheet.toasts.at(-1)?.title).toBe("Validation OKR");
  });

  it.each(["fr", "en"])(
    "finds nothing to say on the example's sound key results, and a rewrite for its output (%s)",
    (locale) => {
      const addon = setUp({ locale, example: true });
      addon.run("validate");
      const { items } = addon.run<{ items: { code: string; krId?: string; message: string }[] }>(
        "getFindings",
      );
      // KR-1, KR-4 and KR-5 are the example's sound key results ("Faire passer la note… de 3,9 à 4,5").
      expect(items.filter((i) => ["KR-1", "KR-4", "KR-5"].includes(i.krId ?? ""))).toEqual([]);
      expect(items.find((i) => i.code === "output-not-outcome")?.message).toContain(
        locale === "fr"
          ? "« Faire passer <nouveau portail partenaires : adoption> de X à Y d'ici <date> »"
          : '"Increase <new partner portal adoption> from X to Y by <date>"',
      );
    },
  );

  it("copes with renamed tabs, reordered and extra columns, rows inserted and an empty sheet", () => {
    const addon = setUp({ example: true });
    const okrs = sheet(addon, "OKRs");
    okrs.name = "Our goals";
    const grid = okrs.values();
    // Reverse the columns, add one of the user's, insert a blank row in the middle.
    const reordered = grid.map((line) => ["extra", ...[...line].reverse()]);
    reordered.splice(
      4,
      0,
      reordered[0]!.map(() => ""),
    );
    const fresh = addon.spreadsheet.addSheet("tmp");
    fresh.fill(reordered);
    addon.spreadsheet.removeSheet(okrs);
    fresh.name = "OKRs";
    addon.spreadsheet.removeSheet(sheet(addon, "KPIs"));
    addon.spreadsheet.addSheet("KPIs");
    expect(() => addon.run("validate")).not.toThrow();
    const view = addon.run<{ items: { code: string; a1: string }[] }>("getFindings");
    expect(view.items).toEqual(expect.arrayContaining([expect.objectContaining({ code: "kpi-like" })]));
  });

  it("moves a KPI-like key result to the KPIs sheet, nothing lost", () => {
    const addon = setUp({ example: true });
    const view = addon.run<{ items: { code: string; row: number; krId?: string }[] }>("getFindings");
    const kpi = view.items.find((i) => i.code === "kpi-like")!;
    const okrsBefore = sheet(addon, "OKRs").values().length;
    expect(addon.run("moveToKpis", { row: kpi.row, krId: kpi.krId })).toBe("KR-3 moved to the KPIs sheet.");
    expect(sheet(addon, "OKRs").values()).toHaveLength(okrsBefore - 1);
    expect(
      sheet(addon, "OKRs")
        .values()
        .some((l) => l[1] === "KR-3"),
    ).toBe(false);
    expect(sheet(addon, "KPIs").values()[1]).toEqual([
      "Sales",
      "Keep monthly churn below 2%",
      "",
      "%",
      2,
      1.8,
      "KR-3",
      "2.4 → 2",
    ]);
  });

  it("refuses a stale or forged move request and writes nothing", () => {
    const addon = setUp({ example: true });
    const before = sheet(addon, "OKRs").values();
    expect(() => addon.run("moveToKpis", { row: 3, krId: "KR-3" })).toThrow("Row 3 no longer holds KR-3");
    expect(() => addon.run("moveToKpis", { row: 3, krId: "KR-3", __proto__: { x: 1 }, extra: 1 })).toThrow(
      /The request was refused/,
    );
    expect(() => addon.run("moveToKpis", { row: "3", krId: "KR-3" })).toThrow(/refused: row/);
    expect(sheet(addon, "OKRs").values()).toEqual(before);
    expect(sheet(addon, "KPIs").values()).toHaveLength(1);
  });

  it("selects a finding's cell", () => {
    const addon = setUp({ example: true });
    addon.run("selectCell", { sheet: "okrs", a1: "G5" });
    expect(addon.spreadsheet.activeRangeA1()).toBe("OKRs!G5");
    expect(() => addon.run("selectCell", { sheet: "okrs", a1: "G5; DROP" })).toThrow(/refused/);
  });

  it("selects a finding's cell in a tab renamed since the findings were listed", () => {
    const addon = setUp({ example: true });
    const [item] = (addon.run("getFindings") as { items: { sheet: string; sheetKey: string; a1: string }[] })
      .items;
    expect(item).toMatchObject({ sheet: "OKRs", sheetKey: "okrs" });
    addon.spreadsheet.api.getSheetByName("OKRs")!.setName("Our goals");
    addon.run("selectCell", { sheet: item!.sheetKey, a1: item!.a1 });
    expect(addon.spreadsheet.activeRangeA1()).toBe(`Our goals!${item!.a1}`);
  });

  it("selects it by the tab's ID, even in a sheet found by its name and renamed since", () => {
    const addon = setUp({ example: true });
    addon.world.properties.document.delete("okr.sheetIds"); // a template from before IDs were kept
    type Item = { sheetKey: string; sheetId: number; a1: string };
    const [item] = (addon.run("getFindings") as { items: Item[] }).items;
    const okrs = addon.spreadsheet.api.getSheetByName("OKRs")!;
    expect(item!.sheetId).toBe(okrs.getSheetId());
    okrs.setName("Our goals");
    addon.run("selectCell", { sheet: item!.sheetKey, sheetId: item!.sheetId, a1: item!.a1 });
    expect(addon.spreadsheet.activeRangeA1()).toBe(`Our goals!${item!.a1}`);
    expect(() => addon.run("selectCell", { sheet: "okrs", sheetId: "1", a1: "G5" })).toThrow(/refused/);
  });

  it.each(["en", "fr"])("names the sheet deleted since the findings were listed, in %s", (locale) => {
    const addon = setUp({ example: true, locale });
    type Item = { sheetKey: string; sheetId: number; a1: string };
    const item = (addon.run("getFindings") as { items: Item[] }).items.find((i) => i.sheetKey === "okrs")!;
    const okrs = addon.spreadsheet.api.getSheetById(item.sheetId)!;
    addon.spreadsheet.api.deleteSheet(okrs);
    const name = locale === "fr" ? "OKR" : "OKRs";
    const setUpItem = locale === "fr" ? "Préparer le modèle" : "Set up template";
    expect(() =>
      addon.run("selectCell", { sheet: item.sheetKey, sheetId: item.sheetId, a1: item.a1 }),
    ).toThrow(new RegExp(`^[^:]*${name}[^:]*: .*${setUpItem}`));
    expect(addon.logs.filter((l) => l.level === "error")).toEqual([]);
  });
});

describe("service calls", () => {
  function withKrs(krs: number): LoadedAddon {
    const addon = setUp({ example: false });
    sheet(addon, "OKRs").fill(okrGridOf(generateOkrs(krs)));
    sheet(addon, "Check-ins").fill(checkinGridOf(generateCheckins(krs, 2)));
    return addon;
  }

  it("are the same for Validate at 10 and at 2,000 key results", () => {
    const counts = [10, 2000].map((n) => {
      const addon = withKrs(n);
      addon.calls.reset();
      addon.run("validate");
      return addon.calls.snapshot();
    });
    expect(counts[1]).toEqual(counts[0]);
    expect(counts[0]!["Range.getValues"]).toBe(4);
  });

  it("are the same for Set up at 10 and at 2,000 key results", () => {
    const counts = [10, 2000].map((n) => {
      const addon = withKrs(n);
      addon.calls.reset();
      setUp({ addon, example: false });
      return addon.calls.snapshot();
    });
    expect(counts[1]).toEqual(counts[0]);
  });

  it("validates 5,000 key results without trouble", () => {
    const addon = withKrs(5000);
    const view = addon.run<{ items: unknown[] }>("validateNow");
    expect(view.items.length).toBeGreaterThan(100);
  });
});

describe("formula injection", () => {
  it("writes user text that looks like a formula as text", () => {
    const addon = setUp({ example: false });
    const okrs = sheet(addon, "OKRs");
    okrs.fill(
      [
        [
          "2026-Q4",
          "KR-1",
          "Key result",
          "",
          "Sales",
          "O-404",
          '=IMPORTXML("http://x","//a")',
          "",
          "",
          "Increase",
          "",
          1,
          1,
          2,
        ],
      ],
      2,
    );
    okrs.cell(2, 7).value = '=IMPORTXML("http://x","//a")'; // as text, as if typed with a leading apostrophe
    okrs.cell(2, 7).formula = "";
    const view = addon.run<{ items: { row: number; code: string }[] }>("getFindings");
    const kr = view.items.find((i) => i.code === "kpi-like")!;
    addon.run("moveToKpis", { row: kr.row, krId: "KR-1" });
    const kpis = sheet(addon, "KPIs");
    expect(kpis.peek(2, 2)).toMatchObject({ value: '=IMPORTXML("http://x","//a")', formula: "" });
  });
});
