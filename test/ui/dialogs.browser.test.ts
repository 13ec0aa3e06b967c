import type { Locator, Page } from "playwright-core";
import { type LoadedAddon, loadAddon } from "../../dev/loader";
import { screenshot, serveWith, usePages } from "../helpers/browser";
import { openSidebar, pageShown } from "./sidebar-page";
import { isoIn } from "../helpers/grids";

const NOW = "2026-12-30T10:00:00Z";
const XSS = "<img src=x onerror=alert(1)>";

/** The template with the example quarter, then a menu item that opens a dialog. */
function setUp(menuItem: "openReview" | "openNextQuarter", locale = "en"): LoadedAddon {
  const addon = loadAddon({ locale, now: NOW });
  addon.ui.answers.push({ button: "YES" });
  addon.run("setUpTemplate");
  addon.run(menuItem);
  return addon;
}

const iso = (d: unknown) => isoIn(d);

describe("the review and next-quarter dialogs in headless Chromium", () => {
  const pages = usePages({ width: 520, height: 560 });
  let page: Page;
  beforeEach(() => {
    page = pages.page;
  });

  /** Opens the built page as Sheets shows a dialog: google.script.host.close() is there. */
  async function open(addon: LoadedAddon, options: { host?: boolean } = {}): Promise<void> {
    const host = () => {
      const w = window as unknown as { google: { script: Record<string, unknown> }; __closed?: number };
      w.google.script.host = { close: () => (w.__closed = (w.__closed ?? 0) + 1) };
    };
    await openSidebar(page, serveWith(addon), options.host === false ? undefined : host, pageShown(addon));
  }
  const closed = () => page.evaluate(() => (window as unknown as { __closed?: number }).__closed ?? 0);

  it("generates the review for all teams, then for one team, and closes", async () => {
    const addon = setUp("openReview");
    expect(addon.ui.shown.at(-1)).toMatchObject({ kind: "modal", width: 520, height: 560 });
    await open(addon);
    await page.getByRole("heading", { name: "Quarterly review — 2026-Q4" }).waitFor();
    expect(await page.getByRole("navigation").count()).toBe(0); // a dialog has no tabs
    const all = page.getByLabel("All teams");
    expect(await all.isChecked()).toBe(true);
    expect(
      await page
        .getByLabel("Team", { exact: true })
        .locator("option")
        .evaluateAll((o) => o.map((n) => n.textContent)),
    ).toEqual(["Product", "Sales"]);
    await screenshot(page, "dialog-review");

    await page.getByRole("button", { name: "Generate the review" }).click();
    await page.getByRole("status").getByText("The review is ready on the sheet “Review 2026-Q4”.").waitFor();
    expect(addon.spreadsheet.sheet("Review 2026-Q4")?.values()[0]![0]).toBe("Quarterly review — 2026-Q4");
    await screenshot(page, "dialog-review-done");

    // One team: picking it in the list chooses "One team".
    await page.getByLabel("Team", { exact: true }).selectOption("Sales");
    expect(await page.getByLabel("One team").isChecked()).toBe(true);
    await page.getByRole("button", { name: "Generate the review" }).click();
    await page.getByText("The review is ready on the sheet “Review 2026-Q4 Sales”.").waitFor();
    const sales = addon.spreadsheet.sheet("Review 2026-Q4 Sales")!.values();
    const ids = sales.map((l) => l[1]);
    expect(ids).toContain("O-2");
    expect(ids).not.toContain("O-3"); // Product's objective is left out

    // Back to all teams: a new sheet, the first one is never overwritten.
    await all.check();
    await page.getByRole("button", { name: "Generate the review" }).click();
    await page.getByText("The review is ready on the sheet “Review 2026-Q4 (2)”.").waitFor();

    await page.getByRole("button", { name: "Close" }).click();
    expect(await closed()).toBe(1);
  });

  it("reviews the quarter that closed after the next one started, its teams and words following the choice", async () => {
    const addon = loadAddon({ locale: "en", now: NOW });
    addon.ui.answers.push({ button: "YES" });
    addon.run("setUpTemplate");
    // The quarter-end rush: 2027-Q1 is started (carrying Sales' O-2) before the review is written.
    addon.run("startNextQuarter", { from: "2026-Q4", early: true, carry: [{ id: "O-2", owner: "Ada" }] });
    addon.run("openReview");
    await open(addon);
    await page.getByRole("heading", { name: "Quarterly review — 2027-Q1" }).waitFor();
    const quarter = page.getByLabel("Quarter", { exact: true });
    const texts = (select: Locator) =>
      select.locator("option").evaluateAll((o) => o.map((n) => n.textContent));
    expect(await texts(quarter)).toEqual(["2027-Q1 (current)", "2026-Q4"]);
    expect(await quarter.inputValue()).toBe("2027-Q1");
    expect(await quarter.getAttribute("aria-describedby")).toBeTruthy();
    await page
      .getByText(
        "A quarter that has ended is reviewed as it ended: its final scores and statuses, its own check-ins.",
      )
      .waitFor();
    const team = page.getByLabel("Team", { exact: true });
    expect(await texts(team)).toEqual(["Sales"]);
    await team.selectOption("Sales");
    expect(await page.getByLabel("One team").isChecked()).toBe(true);

    // 2026-Q4: its own teams; Sales is still there, so the choice stays.
    await quarter.selectOption("2026-Q4");
    expect(await texts(team)).toEqual(["Product", "Sales"]);
    expect(await team.inputValue()).toBe("Sales");
    await page.getByText("Creates a new sheet for 2026-Q4 with scores").waitFor();
    await screenshot(page, "dialog-review-closed-quarter");
    await page.getByRole("button", { name: "Generate the review" }).click();
    await page
      .getByRole("status")
      .getByText("The review is ready on the sheet “Review 2026-Q4 Sales”.")
      .waitFor();
    const sales = addon.spreadsheet.sheet("Review 2026-Q4 Sales")!.values();
    expect(sales[0]![0]).toBe("Quarterly review — 2026-Q4");
    expect(sales.map((l) => l[1])).toContain("O-2");
    expect(sales.map((l) => l[1])).not.toContain("O-4"); // 2027-Q1's copy of it

    // All teams of 2026-Q4.
    await page.getByLabel("All teams").check();
    await page.getByRole("button", { name: "Generate the review" }).click();
    await page.getByText("The review is ready on the sheet “Review 2026-Q4”.").waitFor();
    expect(addon.spreadsheet.sheet("Review 2026-Q4")!.values()[0]![0]).toBe("Quarterly review — 2026-Q4");

    // Back to the current quarter: its teams again, and its review.
    await quarter.selectOption("2027-Q1");
    expect(await texts(team)).toEqual(["Sales"]);
    await page.getByRole("button", { name: "Generate the review" }).click();
    await page.getByText("The review is ready on the sheet “Review 2027-Q1”.").waitFor();
  });

  it("offers no quarter to choose when only the current one can be reviewed", async () => {
    const addon = setUp("openReview", "fr");
    await open(addon);
    await page.getByRole("heading", { name: "Revue trimestrielle — 2026-Q4" }).waitFor();
    expect(await page.getByLabel("Trimestre", { exact: true }).count()).toBe(0);
  });

  it("speaks French, and has no Close button where the page cannot be closed", async () => {
    const addon = setUp("openReview", "fr");
    await open(addon, { host: false });
    await page.getByRole("heading", { name: "Revue trimestrielle — 2026-Q4" }).waitFor();
    await page.getByLabel("Une équipe").check();
    await page.getByLabel("Équipe", { exact: true }).selectOption("Ventes");
    expect(await page.getByRole("button", { name: "Fermer" }).count()).toBe(0);
    await page.getByRole("button", { name: "Générer la revue" }).click();
    await page.getByText("La revue est prête dans la feuille « Revue 2026-Q4 Ventes ».").waitFor();
    expect(addon.spreadsheet.sheet("Revue 2026-Q4 Ventes")).toBeDefined();
  });

  it("starts the next quarter carrying one objective with an edited owner; Settings move", async () => {
    const addon = setUp("openNextQuarter");
    const okrs = addon.spreadsheet.sheet("OKRs")!;
    // Hostile text in the sheet is shown as text.
    const o3 = okrs.values().findIndex((l) => l[1] === "O-3") + 1;
    okrs.cell(o3, 8).value = XSS;
    const proposal = addon.run<{ candidates: { id: string; proposed: boolean; nextOwner: string }[] }>(
      "getNextQuarter",
    );
    await open(addon);
    await page.getByRole("heading", { name: "Start next quarter" }).waitFor();
    expect(await page.getByRole("navigation").count()).toBe(0);
    await page
      .getByText(
        "Pick the objectives to carry over from 2026-Q4 into 2027-Q1. Their key results come along with the last value as the new baseline; owners rotate.",
      )
      .waitFor();
    const group = (id: string): Locator => page.getByRole("group", { name: new RegExp(`^${id} — `) });
    for (const c of proposal.candidates) {
      const box = group(c.id).getByRole("checkbox");
      expect([c.id, await box.isChecked()]).toEqual([c.id, c.proposed]);
      expect([c.id, await group(c.id).getByLabel("Next owner").inputValue()]).toEqual([c.id, c.nextOwner]);
    }
    expect(proposal.candidates.some((c) => c.proposed)).toBe(true);
    // The reasons, the score and the current owner.
    const product = group("O-3");
    expect(await product.locator(".reasons").textContent()).toBe("Aspirational, below 0.7");
    expect(await product.locator(".meta").textContent()).toMatch(
      new RegExp(`^Product · Owner: ${XSS.replace(/[()]/g, "\\$&")} · Score \\d\\.\\d\\d$`),
    );
    expect(await page.locator(".next-quarter img").count()).toBe(0);
    // The team's owners as suggestions.
    const suggestions = await group("O-2")
      .locator("datalist option")
      .evaluateAll((o) => o.map((n) => (n as HTMLOptionElement).value));
    expect(suggestions).toContain("Julien");
    await screenshot(page, "dialog-next-quarter");

    // Only O-2, owned next by Ada. Unticked objectives cannot be edited.
    for (const c of proposal.candidates)
      await group(c.id)
        .getByRole("checkbox")
        .setChecked(c.id === "O-2");
    expect(await product.getByLabel("Next owner").isDisabled()).toBe(true);
    await page.getByText("Objectives to carry over: 1 of 3").waitFor();
    const owner = group("O-2").getByLabel("Next owner");
    await owner.fill("");
    const before = okrs.values();
    await page.getByRole("button", { name: "Start 2027-Q1" }).click();
    await group("O-2").getByRole("alert").getByText("Name the next owner of O-2.").waitFor();
    expect(await owner.getAttribute("aria-invalid")).toBe("true");
    expect(await page.evaluate(() => document.activeElement?.id)).toBe(await owner.getAttribute("id"));
    expect(okrs.values()).toEqual(before);

    await owner.fill("Ada");
    expect(await group("O-2").getByRole("alert").count()).toBe(0);
    await page.getByRole("button", { name: "Start 2027-Q1" }).click();
    await page
      .getByRole("status")
      .getByText("2027-Q1 started: 1 objective carried over. Settings now point to 2027-Q1.")
      .waitFor();
    await screenshot(page, "dialog-next-quarter-done");
    // The form is gone: Start cannot run twice.
    expect(await page.getByRole("button", { name: /^Start/ }).count()).toBe(0);

    const after = okrs.values();
    expect(after.slice(0, before.length)).toEqual(before);
    const added = after.slice(before.length).filter((l) => l[0] === "2027-Q1");
    expect(added[0]).toEqual(
      expect.arrayContaining(["2027-Q1", "Objective", "Win the Brussels market", "Ada"]),
    );
    expect(added.slice(1).every((l) => l[2] === "Key result")).toBe(true);
    expect(added.length).toBe(4); // O-2 and its three key results
    const settings = addon.spreadsheet.sheet("Settings")!.values();
    expect(settings.find((l) => l[0] === "Current quarter")![1]).toBe("2027-Q1");
    // The new quarter's dates: its row of the quarters table.
    expect(iso(settings.find((l) => l[0] === "2027-Q1")![1])).toBe("2027-01-01");

    await page.getByRole("button", { name: "Close" }).click();
    expect(await closed()).toBe(1);
  });

  it("asks in the page before starting more than two weeks early, then starts once", async () => {
    const addon = loadAddon({ locale: "fr", now: "2026-12-01T10:00:00Z" });
    addon.ui.answers.push({ button: "YES" });
    addon.run("setUpTemplate");
    addon.run("openNextQuarter");
    await open(addon);
    await page.getByRole("button", { name: "Démarrer 2027-Q1" }).click();
    await page
      .getByRole("alert")
      .getByText("2026-Q4 se termine le 2026-12-31, dans 30 jours. Démarrer 2027-Q1 quand même ?", {
        exact: false,
      })
      .waitFor();
    const settings = () =>
      addon.spreadsheet
        .sheet("Paramètres")!
        .values()
        .find((l) => l[0] === "Trimestre en cours")![1];
    expect(settings()).toBe("2026-Q4");
    await page.getByRole("button", { name: "Démarrer 2027-Q1 quand même" }).click();
    await page
      .getByRole("status")
      .getByText(/^2027-Q1/)
      .waitFor();
    expect(settings()).toBe("2027-Q1");
  });

  it("shows a server error next to Start and keeps the choices", async () => {
    const addon = setUp("openNextQuarter");
    await open(addon);
    const box = page.getByRole("group", { name: /^O-1 — / }).getByRole("checkbox");
    await box.setChecked(true);
    addon.world.lock.holder = "bob@example.com";
    await page.getByRole("button", { name: "Start 2027-Q1" }).click();
    await page
      .locator(".action-slot [role=alert]")
      .getByText("Someone else is saving right now. Please try again in a moment.")
      .waitFor();
    expect(await box.isChecked()).toBe(true);
    const settings = addon.spreadsheet.sheet("Settings")!.values();
    expect(settings.find((l) => l[0] === "Current quarter")![1]).toBe("2026-Q4");
  });
});
