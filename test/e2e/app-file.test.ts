/**
 * Code by kind of execution: dist/Code.js holds what a recalculation and onOpen need, and the app
 * (dist/server-app.html: the menu commands, the sidebar's and dialogs' calls, the company roll-up's
 * formulas) is read with HtmlService and evaluated on first need, once per execution.
 */
import * as acorn from "acorn";
import { APP_GLOBAL, loadAddon, readDist, type LoadedAddon } from "../../dev/loader";
import type { RecordedMenu } from "../../dev/gas/ui";

const NOW = "2026-11-20T09:00:00Z";
const READ = "HtmlService.createHtmlOutputFromFile";
/** The team formulas: every custom formula but the company roll-up's and the KR coach's. */
const RESIDENT_FORMULAS = [
  "KRSCORE",
  "OKRSCORE",
  "OKRSTATUSES",
  "OKRSTATUS",
  "OKRBAND",
  "OKRPACE",
  "OKRHEALTH",
];

const reads = (addon: LoadedAddon) => addon.calls.sequence().filter((call) => call === READ).length;

/** An add-on set up on a spreadsheet, then loaded again on it without the app file at all. */
function withoutApp(locale = "en"): LoadedAddon {
  const full = loadAddon({ locale, now: NOW });
  full.ui.answers.push({ button: "YES" }, { button: "OK", text: "Ada" });
  full.run("setUpTemplate");
  full.calls.reset(); // one call log for the spreadsheet's world: the set-up's reads are not ours
  return loadAddon({
    world: full.world,
    locale,
    now: NOW,
    files: { "server-app": undefined as unknown as string },
  });
}

describe("dist/server-app.html", () => {
  const file = readDist("server-app.html");
  const code = JSON.parse(file) as string;

  it("holds no markup (no < nor &), though its code needs them", () => {
    expect(file).not.toMatch(/[<&]/);
    // The escaping matters: the code compares with < and writes &.
    expect(code).toMatch(/</);
    expect(code).toMatch(/&/);
    // ">" means nothing outside a tag: left as it is, it does not cost six bytes each.
    expect(file).toMatch(/=>/);
  });

  it("is one script that sets the app's global and nothing else", () => {
    const program = acorn.parse(code, { ecmaVersion: 2020, sourceType: "script" });
    expect(program.body).toHaveLength(1);
    expect(code).toContain(`globalThis.${APP_GLOBAL}=`);
  });
});

describe("a recalculation and onOpen in AuthMode.NONE", () => {
  it("build the menu without the app", () => {
    const addon = withoutApp("fr");
    addon.calls.reset();
    addon.run("onOpen", { authMode: "NONE" });
    expect((addon.ui.menus.at(-1) as RecordedMenu).items.length).toBeGreaterThan(5);
    expect(reads(addon)).toBe(0);
  });

  it("recalculate every team formula without the app, in both languages", () => {
    for (const locale of ["en", "fr"]) {
      const addon = withoutApp(locale);
      // Every formula cell the set-up wrote with its example quarter (Score, Status…), evaluated
      // by the team formulas of this add-on, which has no app file to read.
      const okrs = addon.spreadsheet
        .sheet(locale === "fr" ? "OKR" : "OKRs")!
        .values()
        .flat();
      expect(okrs.filter((v) => typeof v === "string" && /^#/.test(v))).toEqual([]);
      expect(okrs.filter((v) => typeof v === "number" && v > 0 && v <= 1).length).toBeGreaterThan(3);
      expect(addon.run("KRSCORE", 0, 10, 5)).toBe(0.5);
      expect(addon.run("OKRSCORE", [[0.5], [1]])).toBe(0.75);
      expect(addon.run("OKRBAND", 0.9)).toBe(locale === "fr" ? "Vert" : "Green");
      expect(addon.run("OKRPACE", "2026-10-01", "2026-12-31", "2026-11-15")).toBeGreaterThan(0);
      expect(addon.run("OKRSTATUS", 0.5, "2026-10-01", "2026-12-31", "2026-11-15")).toEqual(
        expect.any(String),
      );
      expect(() => addon.run("KRSCORE", "abc", 10, 5)).toThrow(/KRSCORE/);
      // No project file read in English (in French, the French messages: the app file is absent).
      if (locale === "en") expect(reads(addon)).toBe(0);
      // OKRHEALTH knows its labels in both languages (the French messages, not the app).
      expect(() => addon.run("OKRHEALTH", [["x"]], "Focus", "2026-Q4")).toThrow(/OKRHEALTH/);
      expect(addon.context[APP_GLOBAL as keyof typeof addon.context]).toBeUndefined();
    }
  });

  it("leave no team formula in the app", () => {
    const stubs = readDist("Code.js");
    for (const name of RESIDENT_FORMULAS) {
      expect(stubs).toMatch(new RegExp(`function ${name}\\([^)]*\\) \\{\\n  return OKR_\\.${name}\\.apply`));
    }
    expect(stubs).toMatch(/function OKRROLLUP\([^)]*\) \{\n {2}return OKR_\.loadApp\(\)\.OKRROLLUP\.apply/);
    expect(stubs).toMatch(/function KRCHECK\([^)]*\) \{\n {2}return OKR_\.loadApp\(\)\.KRCHECK\.apply/);
  });
});

describe("an app execution", () => {
  it("reads the app once, and each new execution reads it again", () => {
    const addon = loadAddon({ locale: "en", now: NOW });
    addon.run("showHelp");
    expect(reads(addon)).toBe(1);
    expect(addon.calls.get("HtmlOutput.getContent")).toBe(1);
    expect(addon.ui.dialogs.at(-1)?.title).toBe("OKR Sheets");
    addon.run("showHelp");
    expect(reads(addon)).toBe(2);
    expect(addon.context[APP_GLOBAL as keyof typeof addon.context]).toBeUndefined();
  });

  it("works in a fresh execution after a recalculation, and onOpen outside NONE loads it", () => {
    const addon = loadAddon({ locale: "en", now: NOW });
    expect(addon.run("OKRBAND", 0.1)).toBe("Red");
    expect(reads(addon)).toBe(0);
    addon.run("onOpen", { authMode: "LIMITED" });
    expect(reads(addon)).toBe(1);
    expect(addon.run("getSidebarContext")).toMatchObject({ lang: "en", menu: "menu" });
    expect(reads(addon)).toBe(2);
  });

  it("answers KRCHECK, the KR coach's formula, with the app read once per recalculation", () => {
    const addon = loadAddon({ locale: "en", now: NOW });
    expect(addon.run("KRCHECK", "Launch the new website")).toMatch(/^output:/);
    expect(reads(addon)).toBe(1);
    expect(addon.run("KRCHECK", [["Raise NPS from 30 to 45"], ["Post 30 times on Instagram"]])).toEqual([
      [""],
      [expect.stringMatching(/^output:/)],
    ]);
    expect(reads(addon)).toBe(2);
  });

  it("fails plainly when the app file is missing", () => {
    const addon = withoutApp();
    expect(() => addon.run("showHelp")).toThrow("No HTML file named server-app");
  });
});
