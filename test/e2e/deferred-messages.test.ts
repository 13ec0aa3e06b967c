/**
 * Where the messages ship: dist/Code.js carries the English its formulas and menu can ask for and
 * the French menu; the app (server-app.html) all of English, the French menu and the French labels
 * of Settings' health thresholds table (read by English operations too); the other French
 * messages are the project file messages-fr.html, read with HtmlService on the first French message
 * an execution needs; Sidebar.html carries only what the sidebar can ask for.
 */
import { loadAddon, readDist } from "../../dev/loader";
import type { RecordedMenu } from "../../dev/gas/ui";
import { en } from "../../src/core/i18n/en";
import { fr } from "../../src/core/i18n/fr";
import { sidebarMessages } from "../../src/core/i18n/sidebar";

const NOW = "2026-11-20T09:00:00Z";
const READ = "HtmlService.createHtmlOutputFromFile";
/** The French messages Code.js keeps (scripts/esbuild-options.mjs, residentFrench). */
const resident = (key: string) =>
  key.startsWith("menu.") ||
  key.startsWith("health.signal.") ||
  key === "health.settingsSignal" ||
  key === "health.settingsHealthy";
/** A message as esbuild writes it in a string literal (UTF-8 kept, quotes escaped). */
const inBundle = (code: string, text: string) => code.includes(JSON.stringify(text).slice(1, -1));

describe("the French messages", () => {
  const code = readDist("Code.js");
  const app = JSON.parse(readDist("server-app.html")) as string;
  const file = JSON.parse(readDist("messages-fr.html")) as Record<string, string>;

  it("ship outside the bundles, but for the menu's and the thresholds table's labels", () => {
    expect(inBundle(code, fr["menu.title"])).toBe(true);
    expect(inBundle(app, fr["menu.title"])).toBe(true);
    expect(inBundle(app, fr["health.settingsHealthy"])).toBe(true);
    expect(file["health.settingsHealthy"]).toBeUndefined();
    expect(inBundle(app, fr["review.title"])).toBe(false);
    expect(inBundle(app, en["review.title"])).toBe(true);
    // Code.js keeps only the English its own code can ask for: a menu command's is the app's.
    expect(inBundle(code, en["review.title"])).toBe(false);
    expect(inBundle(code, en["band.red"])).toBe(true);
    expect(file["review.title"]).toBe(fr["review.title"]);
    expect(file["menu.title"]).toBeUndefined();
    // Together, every French message the server has.
    expect(Object.keys(file).length + Object.keys(fr).filter(resident).length).toBe(Object.keys(fr).length);
    expect(Object.keys(file).some(resident)).toBe(false);
  });

  it("are not read to build the French menu in AuthMode.NONE", () => {
    const addon = loadAddon({ locale: "fr", now: NOW });
    addon.run("onOpen", { authMode: "NONE" });
    expect((addon.ui.menus[0] as RecordedMenu).title).toBe(fr["menu.title"]);
    expect(addon.calls.sequence()).not.toContain(READ);
  });

  it("are read once by a French formula call, and never by an English one", () => {
    const french = loadAddon({ locale: "fr", spreadsheetLocale: "fr_FR", now: NOW });
    expect(() => french.run("KRSCORE", "abc", 10, 5)).toThrow("KRSCORE : l'argument « valeur de départ »");
    expect(french.run("OKRBAND", [[0.1], [0.9]])).toEqual([["Rouge"], ["Vert"]]);
    expect(french.calls.sequence().filter((c) => c === READ)).toHaveLength(1);
    const english = loadAddon({ locale: "en", spreadsheetLocale: "en_US", now: NOW });
    expect(english.run("OKRBAND", 0.1)).toBe(en["band.red"]);
    expect(english.calls.sequence()).not.toContain(READ);
  });

  it("escape what HTML could read as markup", () => {
    expect(readDist("messages-fr.html")).not.toMatch(/[<&]/);
  });
});

describe("dist/Sidebar.html", () => {
  const html = readDist("Sidebar.html");

  it("carries the sidebar's messages in both languages", () => {
    expect(inBundle(html, sidebarMessages.en["wizard.title"])).toBe(true);
    expect(inBundle(html, sidebarMessages.fr["wizard.title"])).toBe(true);
    // A core message the sidebar asks for (a check-in's status).
    expect(inBundle(html, en["status.on-track"])).toBe(true);
    expect(inBundle(html, fr["status.on-track"])).toBe(true);
  });

  it("leaves out the server-only messages (the Guide, the lock dialog, formula errors)", () => {
    for (const key of ["guide.row02", "lock.ask", "formula.error.notNumber"] as const) {
      expect([key, inBundle(html, en[key])]).toEqual([key, false]);
      expect([key, inBundle(html, fr[key])]).toEqual([key, false]);
    }
  });
});
