/**
 * Messages name the menu where the build puts it: "OKR › …" for the top-level menu, "Extensions ›
 * OKR Sheets › …" for the add-on. And an add-on's user properties and browser storage are shared by
 * every spreadsheet its user opens, so the hand-off between views travels in the page, not in them.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadAddon, readDist, readDistFiles } from "../../dev/loader";
import { shownContext } from "../helpers/page";

const ROOT = join(__dirname, "..", "..");

/** dist/Code.js and its project files (the app…) built as the add-on flavour, once for the file. */
const addonBuild = (() => {
  let build: { code: string; files: Record<string, string> } | undefined;
  return () => {
    if (build === undefined) {
      const outdir = mkdtempSync(join(tmpdir(), "okr-addon-"));
      execFileSync(process.execPath, [join(ROOT, "scripts/build.mjs"), "--menu=addon", `--outdir=${outdir}`]);
      build = { code: readFileSync(join(outdir, "Code.js"), "utf8"), files: readDistFiles(outdir) };
    }
    return build;
  };
})();

describe("the menu path in messages", () => {
  it("is OKR › … in the top-level menu build", () => {
    const addon = loadAddon({ locale: "en" });
    addon.run("openSettings");
    expect(addon.ui.dialogs.at(-1)?.message).toBe(
      "There is no Settings sheet yet: run OKR › Set up template first.",
    );
    expect(addon.run("getSidebarContext")).toMatchObject({ menu: "menu" });
  });

  it("is Extensions › OKR Sheets › … in the add-on build, in English and in French", () => {
    const english = loadAddon({ locale: "en", ...addonBuild() });
    english.run("openSettings");
    expect(english.ui.dialogs.at(-1)?.message).toBe(
      "There is no Settings sheet yet: run Extensions › OKR Sheets › Set up template first.",
    );
    english.run("showHelp");
    expect(english.ui.dialogs.at(-1)?.message).toContain("from the Extensions › OKR Sheets menu");
    expect(english.run("getSidebarContext")).toMatchObject({ menu: "addon" });

    const french = loadAddon({ locale: "fr", ...addonBuild() });
    french.run("openSettings");
    expect(french.ui.dialogs.at(-1)?.message).toContain(
      "lancez d'abord Extensions › OKR Sheets › Préparer le modèle",
    );
  });

  it("names the add-on's menu in the Guide sheet, with no OKR › left", () => {
    const addon = loadAddon({ locale: "en", ...addonBuild(), now: "2026-11-15T10:00:00Z" });
    addon.ui.answers.push({ button: "NO" });
    addon.run("setUpTemplate");
    const guide = addon.spreadsheet.sheet("Guide")!.values().flat().map(String).join("\n");
    expect(guide).toContain("Extensions › OKR Sheets › Lock plan");
    expect(guide).not.toMatch(/(^|[^s]) OKR ›|^OKR ›/m);
  });

  it("names it in the Settings help texts too, and keeps doing so when the quarter moves on", () => {
    const addon = loadAddon({ locale: "en", ...addonBuild(), now: "2026-12-28T10:00:00Z" });
    addon.ui.answers.push({ button: "NO" });
    addon.run("setUpTemplate");
    const help = () =>
      addon.spreadsheet
        .sheet("Settings")!
        .values()
        .map((l) => String(l[2]))
        .join("\n");
    expect(help()).toContain("Set by Extensions › OKR Sheets › Lock plan.");
    expect(help()).toContain("now 2026-Q4. Extensions › OKR Sheets › Start next quarter moves it on");
    addon.run("startNextQuarter", { from: "2026-Q4", carry: [] });
    expect(help()).toContain("now 2027-Q1. Extensions › OKR Sheets › Start next quarter moves it on");
    expect(help()).not.toMatch(/(^|[^s]) OKR ›|^OKR ›/m);
  });
});

describe("the view hand-off between the menu and the sidebar", () => {
  it("travels in the page the menu opens: nothing stored, nothing for another spreadsheet to take", () => {
    const first = loadAddon({ spreadsheetId: "sheet-A", email: "ada@example.com" });
    const second = loadAddon({ spreadsheetId: "sheet-B", email: "ada@example.com" });

    first.run("checkIn"); // opens the sidebar of spreadsheet A on the check-in view
    expect(shownContext(first)).toEqual({
      lang: "en",
      view: "checkin",
      menu: "menu",
      spreadsheetId: "sheet-A",
    });
    const stored = [...(first.world.properties.users.get("ada@example.com")?.keys() ?? [])];
    expect(stored.filter((key) => key.startsWith("okr.sidebar"))).toEqual([]);
    // A page without the context (opened some other way) asks, and opens on home.
    expect(second.run("getSidebarContext")).toMatchObject({ view: "home", spreadsheetId: "sheet-B" });
    expect(first.run("getSidebarContext")).toMatchObject({ view: "home", spreadsheetId: "sheet-A" });
  });

  it("cannot be closed early by the text it carries", () => {
    const addon = loadAddon({ spreadsheetId: "</script><script>alert(1)</script>" });
    addon.run("openSidebar");
    const html = addon.ui.shown.at(-1)!.html;
    expect(html.match(/<\/script>/g)!.length).toBe(
      (readDist("Sidebar.html").match(/<\/script>/g) ?? []).length + 1,
    );
    expect(shownContext(addon)).toMatchObject({ spreadsheetId: "</script><script>alert(1)</script>" });
  });

  it("remembers the check-in filter per spreadsheet", () => {
    const first = loadAddon({
      spreadsheetId: "sheet-A",
      email: "ada@example.com",
      now: "2026-11-15T10:00:00Z",
    });
    const second = loadAddon({
      spreadsheetId: "sheet-B",
      email: "ada@example.com",
      now: "2026-11-15T10:00:00Z",
    });
    second.world.properties.users.set(
      "ada@example.com",
      first.world.properties.users.get("ada@example.com") ?? new Map(),
    );
    for (const addon of [first, second]) {
      addon.ui.answers.push({ button: "YES" }, { button: "OK" });
      addon.run("setUpTemplate");
    }
    first.run("getCheckins", { team: "Sales" });
    expect(first.run("getCheckins")).toMatchObject({ filter: { team: "Sales" } });
    expect(second.run("getCheckins")).not.toMatchObject({ filter: { team: "Sales" } });
  });
});
