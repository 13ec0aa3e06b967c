import type { Locator, Page } from "playwright-core";
import { World } from "../../dev/gas";
import { type LoadedAddon, loadAddon } from "../../dev/loader";
import { isoIn } from "../helpers/grids";
import { openHtml, screenshot, serveWith, usePages, hammer } from "../helpers/browser";
import { describedBy, openSidebar, pageShown } from "./sidebar-page";

const NOW = "2026-11-15T10:00:00Z";
const XSS = "<img src=x onerror=alert(1)>";

/** The template with the example quarter, opened from OKR › Weekly check-in. */
function setUp(locale = "en"): LoadedAddon {
  const addon = loadAddon({ locale, now: NOW });
  addon.ui.answers.push({ button: "YES" });
  addon.run("setUpTemplate");
  addon.run("checkIn");
  return addon;
}

const okrName = (addon: LoadedAddon) => (addon.spreadsheet.sheet("OKRs") ? "OKRs" : "OKR");
const logName = (addon: LoadedAddon) => (addon.spreadsheet.sheet("Check-ins") ? "Check-ins" : "Points");

/** A key result's row on the OKRs sheet, by header. */
function okrRow(addon: LoadedAddon, id: string): Record<string, unknown> {
  const values = addon.spreadsheet.sheet(okrName(addon))!.values();
  const line = values.find((l) => l[1] === id)!;
  return Object.fromEntries(values[0]!.map((h, i) => [String(h), line[i]]));
}
const log = (addon: LoadedAddon) => addon.spreadsheet.sheet(logName(addon))!.values().slice(1);
const sheets = (addon: LoadedAddon) => [addon.spreadsheet.sheet(okrName(addon))!.values(), log(addon)];
const iso = (d: unknown) => isoIn(d);

describe("the check-in view in headless Chromium", () => {
  const pages = usePages({ width: 300, height: 900 });
  let page: Page;
  beforeEach(() => {
    page = pages.page;
  });

  const open = (addon: LoadedAddon, serve = serveWith(addon)) =>
    openSidebar(page, serve, undefined, pageShown(addon));

  /** A key result's card: the group named by its legend. */
  const card = (id: string): Locator => page.locator(`fieldset.kr-checkin[data-kr="${id}"]`);
  const save = () => page.getByRole("button", { name: /^(Save check-ins|Enregistrer les points)$/ }).click();
  async function pickTeam(team: string, fr = false): Promise<void> {
    await page.getByLabel(fr ? "Équipe" : "Team", { exact: true }).selectOption(team);
  }

  it("checks in on a team's key result: the log gets a row and the OKRs sheet its new values", async () => {
    const addon = setUp();
    await open(addon);
    await page.getByRole("heading", { name: "Weekly check-in — 2026-Q4" }).waitFor();
    expect(await page.getByRole("navigation", { name: "Views" }).textContent()).toBe("DraftCheck-inFindings");
    expect(
      await page.getByRole("button", { name: "Check-in", exact: true }).getAttribute("aria-current"),
    ).toBe("page");
    await pickTeam("Sales");
    await card("KR-3").waitFor();
    expect(
      await page.locator("fieldset.kr-checkin").evaluateAll((n) => n.map((e) => e.getAttribute("data-kr"))),
    ).toEqual(["KR-1", "KR-2", "KR-3"]);
    expect(await page.getByLabel("Owner", { exact: true }).inputValue()).toBe("");

    // Baseline, target, current, score (0.00), status and last check-in.
    const kr1 = card("KR-1");
    const stats = await kr1
      .locator(".stats > div")
      .evaluateAll((divs) =>
        divs.map((d) => [d.querySelector("dt")?.textContent, d.querySelector("dd")?.textContent]),
      );
    expect(stats).toEqual([
      ["Baseline", "120 parkings"],
      ["Target", "180 parkings"],
      ["Current", "150 parkings"],
      ["Score", "0.50"],
      ["Status", "On track"],
      ["Last check-in", "2026-11-08"],
    ]);
    // Its history, newest first, and the trend as an image with a text alternative.
    expect(await kr1.locator(".history li").allTextContents()).toEqual([
      "2026-11-08 · 150 parkings · confidence 8/10 · New release is out",
      "2026-11-01 · 135 parkings · confidence 7/10 · Onboarding test with 20 users",
      "2026-10-25 · 125 parkings · confidence 6/10 · Two big partners signed",
    ]);
    expect(await kr1.getByRole("img").getAttribute("aria-label")).toBe(
      "Trend of the last check-ins, oldest first: 125, 135, 150",
    );
    expect(await kr1.locator(".sparkline polyline").getAttribute("points")).toMatch(
      /^[\d.]+,[\d.]+( [\d.]+,[\d.]+){2}$/,
    );
    expect(await card("KR-2").locator(".history-none").textContent()).toBe("No check-in yet.");

    await kr1.getByLabel("New value").fill("165");
    await kr1.getByLabel("Confidence (0–10)").selectOption("8");
    await kr1.getByLabel("Comment").fill("Three more partners");
    await page.getByText("Check-ins to save: 1").waitFor();
    await screenshot(page, "checkin-sales");
    await save();
    await page.getByRole("status").getByText("1 check-in saved.").waitFor();

    expect(log(addon).at(-1)).toEqual([
      expect.any(Date),
      "KR-1",
      165,
      8,
      "Three more partners",
      "ada@example.com",
    ]);
    expect(iso(log(addon).at(-1)![0])).toBe("2026-11-15");
    expect(okrRow(addon, "KR-1")).toMatchObject({ Current: 165, Confidence: 8 });
    expect(iso(okrRow(addon, "KR-1")["Last check-in"])).toBe("2026-11-15");

    // The list is fresh: new current value, score and history; the fields are empty again.
    await kr1.locator(".stats").getByText("165 parkings").waitFor();
    expect(await kr1.locator(".stats .last dd").textContent()).toBe("2026-11-15");
    expect(await kr1.locator(".stats").textContent()).toContain("0.75");
    expect(await kr1.locator(".history li").first().textContent()).toBe(
      "2026-11-15 · 165 parkings · confidence 8/10 · Three more partners",
    );
    expect(await kr1.getByLabel("New value").inputValue()).toBe("");
    await screenshot(page, "checkin-saved");

    // The choice is remembered by the server; an owner instead of a team.
    expect(addon.run<{ filter: unknown }>("getCheckins").filter).toEqual({ team: "Sales" });
    await page.getByLabel("Owner", { exact: true }).selectOption("Sofia");
    await card("KR-4").waitFor();
    expect(await page.getByLabel("Team", { exact: true }).inputValue()).toBe("");
    expect(await page.locator("fieldset.kr-checkin").count()).toBe(3);
    expect(addon.run<{ filter: unknown }>("getCheckins").filter).toEqual({ owner: "Sofia" });
  });

  it("asks who is checking in when Google hides the email, offers the owners, and remembers the name", async () => {
    const world = new World({ timeZone: "Europe/Brussels" });
    const ada = loadAddon({ world, now: NOW, locale: "en" });
    ada.ui.answers.push({ button: "YES" });
    ada.run("setUpTemplate");
    const julien = loadAddon({ world, now: NOW, locale: "en", email: "", user: "julien" });
    julien.run("checkIn");
    await open(julien);
    const who = page.getByLabel("Who is checking in");
    await who.waitFor();
    expect(await who.inputValue()).toBe("");
    const offered = await page
      .locator(`datalist[id="${await who.getAttribute("list")}"] option`)
      .evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value));
    expect(offered).toEqual(julien.run<{ owners: string[] }>("getCheckins").owners);
    expect(offered).toContain("Julien");
    expect(await describedBy(who)).toContain("Google does not share your email here");

    // A value but no name: the name is asked for, next to its field, and nothing is written.
    const before = log(julien).length;
    await pickTeam("Sales");
    await card("KR-1").getByLabel("New value").fill("170");
    await save();
    await page.getByText("Some fields need your attention.").waitFor();
    expect(await describedBy(who)).toContain("Say who is checking in");
    expect(await who.getAttribute("aria-invalid")).toBe("true");
    expect(await who.evaluate((n) => n === document.activeElement)).toBe(true);
    expect(log(julien)).toHaveLength(before);

    await who.fill("Julien");
    expect(await who.getAttribute("aria-invalid")).toBeNull();
    await save();
    await page.getByRole("status").getByText("1 check-in saved.").waitFor();
    expect(log(julien).at(-1)![5]).toBe("Julien");

    // Next time (OKR › Weekly check-in again) the name is already there.
    julien.run("checkIn");
    await openHtml(page, pageShown(julien));
    await who.waitFor();
    expect(await page.getByLabel("Who is checking in").inputValue()).toBe("Julien");
  });

  it("says whose account a check-in is saved under when Google shares the email", async () => {
    const addon = setUp();
    await open(addon);
    await page.getByText("Saved as ada@example.com, the Google account you are signed in with.").waitFor();
    expect(await page.getByLabel("Who is checking in").count()).toBe(0);
  });

  it("shows a bad value's error next to its field and writes nothing; 1,5 and 1.7% are numbers", async () => {
    const addon = setUp();
    await open(addon);
    await pickTeam("Sales");
    await card("KR-3").waitFor();
    const before = sheets(addon);
    const value = card("KR-1").getByLabel("New value");
    await value.fill("lots");
    await card("KR-2").getByLabel("Confidence (0–10)").selectOption("5");
    await card("KR-3").getByLabel("New value").fill("1,7%");
    await save();
    await page.locator(".action-slot [role=alert]").getByText("Some fields need your attention.").waitFor();
    expect(await value.getAttribute("aria-invalid")).toBe("true");
    expect(await describedBy(value)).toBe("“lots” is not a number. Type it like 1.5, 1,5 or 15%.");
    expect(await card("KR-1").getByRole("alert").textContent()).toBe(
      "“lots” is not a number. Type it like 1.5, 1,5 or 15%.",
    );
    expect(await page.evaluate(() => document.activeElement?.id)).toBe(await value.getAttribute("id"));
    // A confidence without a value is an error too; a % on a key result counted in % is its unit.
    expect(await describedBy(card("KR-2").getByLabel("New value"))).toContain(
      "Enter the new value too: a confidence or a comment is saved with a value.",
    );
    expect(await describedBy(card("KR-3").getByLabel("New value"))).toContain("Saved as 1.7.");
    await screenshot(page, "checkin-bad-value");
    expect(sheets(addon)).toEqual(before);

    // Fixing the value clears its error as it is typed; nothing to save at all is said so.
    await value.fill("1,5");
    expect(await describedBy(value)).toBe("Saved as 1.5.");
    expect(await value.getAttribute("aria-invalid")).toBeNull();
    await value.fill("");
    await card("KR-2").getByLabel("Confidence (0–10)").selectOption("");
    await card("KR-3").getByLabel("New value").fill("");
    await save();
    await page.getByRole("alert").getByText("Enter a new value for at least one key result.").waitFor();
    expect(sheets(addon)).toEqual(before);

    // In English, commas in groups of three are thousands, as the person typing them means.
    await value.fill("1,500");
    expect(await describedBy(value)).not.toContain("Saved as");
    await card("KR-3").getByLabel("New value").fill("1,7 %");
    await save();
    await page.getByText("2 check-ins saved.").waitFor();
    expect(
      log(addon)
        .slice(-2)
        .map((l) => [l[1], l[2], l[3]]),
    ).toEqual([
      ["KR-1", 1500, ""],
      ["KR-3", 1.7, ""],
    ]);
  });

  it("refuses a value too large for a sheet to keep, next to its field, and writes nothing", async () => {
    const addon = setUp();
    await open(addon);
    await pickTeam("Sales");
    const value = card("KR-1").getByLabel("New value");
    const before = sheets(addon);
    // 17 digits: a sheet keeps 15, so the add-on would read the saved cell as an error.
    await value.fill("12345678901234567");
    await save();
    await page.locator(".action-slot [role=alert]").getByText("Some fields need your attention.").waitFor();
    expect(await describedBy(value)).toBe(
      "“12345678901234567” is too large: a sheet keeps numbers between -1e15 and 1e15.",
    );
    expect(sheets(addon)).toEqual(before);
    await value.fill("-1e16");
    expect(await describedBy(value)).toContain("is too large");
    await value.fill("1e15");
    await save();
    await page.getByText("1 check-in saved.").waitFor();
    expect(log(addon).at(-1)!.slice(1, 3)).toEqual(["KR-1", 1e15]);
  });

  it("marks stale key results, visibly and for screen readers", async () => {
    const addon = setUp();
    await open(addon);
    await pickTeam("Sales");
    await card("KR-2").waitFor();
    const view = addon.run<{ items: { id: string; stale: boolean }[] }>("getCheckins");
    const stale = view.items.filter((i) => i.stale).length;
    expect(stale).toBeGreaterThan(0);
    await page.getByText(`Key results: 3 · without a check-in for over 14 days: ${stale}`).waitFor();
    const kr2 = card("KR-2");
    expect(await kr2.getAttribute("class")).toContain("stale");
    expect(await kr2.locator("legend").textContent()).toBe("KR-2 Launch the new partner portalStale");
    expect(await kr2.locator(".stale-note").textContent()).toBe("No check-in for 45 days (limit 14).");
    // The field says so when it gets focus.
    expect(await describedBy(kr2.getByLabel("New value"))).toContain("No check-in for 45 days (limit 14).");
    expect(await card("KR-1").getAttribute("class")).not.toContain("stale");
    expect(await card("KR-1").locator(".badge").count()).toBe(0);
    const colours = await page.evaluate(() => {
      const style = (id: string) => getComputedStyle(document.querySelector(`[data-kr="${id}"]`)!);
      return [style("KR-1").borderLeftColor, style("KR-2").borderLeftColor];
    });
    expect(colours[0]).not.toBe(colours[1]);
    await screenshot(page, "checkin-stale");

    // The keyboard goes value → confidence → comment, with a visible focus ring.
    const id = () => page.evaluate(() => document.activeElement?.id);
    await kr2.getByLabel("New value").focus();
    await page.keyboard.type("1");
    await page.keyboard.press("Tab");
    expect(await id()).toBe(await kr2.getByLabel("Confidence (0–10)").getAttribute("id"));
    await page.keyboard.press("Tab");
    expect(await id()).toBe(await kr2.getByLabel("Comment").getAttribute("id"));
    expect(await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle)).toBe("solid");
  });

  it("speaks French: labels, statuses, decimal commas and errors", async () => {
    const addon = setUp("fr");
    await open(addon);
    await page.getByRole("heading", { name: "Point hebdomadaire — 2026-Q4" }).waitFor();
    expect(await page.getByRole("navigation", { name: "Vues" }).textContent()).toBe(
      "RédigerPoint hebdoConstats",
    );
    await pickTeam("Ventes", true);
    const kr1 = card("KR-1");
    await kr1.waitFor();
    expect(await kr1.locator(".stats").textContent()).toBe(
      "Départ120 parkingsCible180 parkingsActuel150 parkingsScore0,50StatutEn bonne voieDernier point2026-11-08",
    );
    expect(await kr1.locator(".history li").first().textContent()).toBe(
      "2026-11-08 · 150 parkings · confiance 8/10 · Nouvelle version publiée",
    );
    const value = kr1.getByLabel("Nouvelle valeur");
    await value.fill("beaucoup");
    await page.getByRole("button", { name: "Enregistrer les points" }).click();
    expect(await describedBy(value)).toBe(
      "« beaucoup » n'est pas un nombre. Écrivez-le comme 1,5, 1.5 ou 15 %.",
    );
    await value.fill("2e15");
    expect(await describedBy(value)).toBe(
      "« 2e15 » est trop grand : une feuille garde les nombres entre -1e15 et 1e15.",
    );
    await value.fill("162,5");
    expect(await describedBy(value)).toBe(""); // shown as typed: no "saved as" note
    await kr1.getByLabel("Confiance (0–10)").selectOption("7");
    await screenshot(page, "checkin-fr");
    await page.getByRole("button", { name: "Enregistrer les points" }).click();
    await page.getByText("1 point enregistré.").waitFor();
    expect(okrRow(addon, "KR-1")).toMatchObject({ Actuel: 162.5, Confiance: 7 });
    await kr1.locator(".stats").getByText("162,5 parkings").waitFor();
  });

  it("saves once on a double click, with the loading indicator meanwhile", async () => {
    const addon = setUp();
    const calls: string[] = [];
    let release: () => void = () => undefined;
    await open(addon, async (name, args) => {
      calls.push(name);
      if (name === "saveCheckins") await new Promise<void>((resolve) => (release = resolve));
      return addon.run(name, ...args);
    });
    await pickTeam("Sales");
    await card("KR-1").getByLabel("New value").fill("170");
    const rows = log(addon).length;
    const button = page.getByRole("button", { name: "Save check-ins" });
    await hammer(page, "button[data-action=save-checkins]");
    await page.locator("#status.loading").waitFor();
    expect(await button.isDisabled()).toBe(true);
    release();
    await page.getByText("1 check-in saved.").waitFor();
    expect(calls.filter((c) => c === "saveCheckins")).toHaveLength(1);
    expect(log(addon)).toHaveLength(rows + 1);
  });

  it("saves in one round trip: the answer redraws the view, no second call", async () => {
    const addon = setUp();
    const calls: string[] = [];
    await open(addon, async (name, args) => {
      calls.push(name);
      return addon.run(name, ...args);
    });
    await pickTeam("Sales");
    const kr1 = card("KR-1");
    await kr1.getByLabel("New value").fill("172");
    calls.length = 0;
    await save();
    await page.getByText("1 check-in saved.").waitFor();
    await kr1.locator(".stats").getByText("172 parkings").waitFor();
    expect(calls).toEqual(["saveCheckins"]);
    expect(await page.getByLabel("Team", { exact: true }).inputValue()).toBe("Sales");
  });

  it("shows a server error next to Save and keeps everything typed; saving again works", async () => {
    const addon = setUp();
    await open(addon);
    await pickTeam("Sales");
    const kr1 = card("KR-1");
    await kr1.getByLabel("New value").fill("171");
    await kr1.getByLabel("Confidence (0–10)").selectOption("6");
    await kr1.getByLabel("Comment").fill(XSS);
    const before = sheets(addon);
    addon.world.lock.holder = "bob@example.com";
    await save();
    const alert = page.locator(".checkin > .action-slot [role=alert]");
    await alert.waitFor();
    expect(await alert.textContent()).toBe("Someone else is saving right now. Please try again in a moment.");
    expect(sheets(addon)).toEqual(before);
    expect(await kr1.getByLabel("New value").inputValue()).toBe("171");
    expect(await kr1.getByLabel("Confidence (0–10)").inputValue()).toBe("6");
    expect(await kr1.getByLabel("Comment").inputValue()).toBe(XSS);
    await screenshot(page, "checkin-server-error");

    // Another tab and back: still there.
    await page.getByRole("button", { name: "Findings" }).click();
    await page.getByRole("heading", { name: "Findings" }).waitFor();
    await page.getByRole("button", { name: "Check-in", exact: true }).click();
    await kr1.waitFor();
    expect(await kr1.getByLabel("New value").inputValue()).toBe("171");

    addon.world.lock.holder = undefined;
    await save();
    await page.getByText("1 check-in saved.").waitFor();
    // The comment is text in the sheet and in the history, never markup.
    expect(log(addon).at(-1)!.slice(1, 5)).toEqual(["KR-1", 171, 6, XSS]);
    expect(await kr1.locator(".history li").first().textContent()).toContain(XSS);
    expect(await page.locator(".checkin img").count()).toBe(0);
  });
});
