/**
 * Accessibility of the sidebar and the dialogs (issue 21): axe-core (WCAG 2.1 A and AA) on every
 * view and state in English and French, live regions that speak once, reflow at 200 % and 400 %
 * zoom in the 300 px sidebar, a title and an h1 per view, dialogs that take focus.
 */
import type { Page } from "playwright-core";
import { type LoadedAddon, loadAddon } from "../../dev/loader";
import { axeRules, axeViolations } from "../helpers/axe";
import { bridgeScriptRun, openHtml, screenshot, serveWith, usePages } from "../helpers/browser";
import { openSidebar, pageShown } from "./sidebar-page";

const NOW = "2026-11-15T10:00:00Z";
/** At the end of the quarter, when the review and the next quarter are offered. */
const DIALOG_NOW = "2026-12-30T10:00:00Z";
const LANGS = ["en", "fr"] as const;
type Menu = "checkIn" | "validate" | "openReview" | "openNextQuarter";

function setUp(locale: string, menu?: Menu, now = NOW): LoadedAddon {
  const addon = loadAddon({ locale, now });
  addon.ui.answers.push({ button: "YES" });
  addon.run("setUpTemplate");
  if (menu) addon.run(menu);
  return addon;
}

/** Counts, from now on, the mutations a screen reader would read out: those inside a live region. */
async function countLiveMutations(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { __live: string[]; __updates: number };
    w.__live = [];
    w.__updates = 0;
    const LIVE = '[aria-live]:not([aria-live="off"]), [role="status"], [role="alert"], [role="log"]';
    new MutationObserver((records) => {
      for (const r of records) {
        const node = r.target instanceof Element ? r.target : r.target.parentElement;
        const added = [...r.addedNodes].filter((n): n is Element => n instanceof Element);
        const live = node?.closest(LIVE) ?? added.find((n) => n.matches(LIVE) || n.querySelector(LIVE));
        if (node?.closest(".msgs, .counter, .review-findings, .findings")) w.__updates += 1;
        if (live) w.__live.push(node?.closest(LIVE) ? (node.textContent ?? "") : (live.textContent ?? ""));
      }
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
  });
}
const liveMutations = (page: Page) => page.evaluate(() => (window as unknown as { __live: string[] }).__live);
const updates = (page: Page) => page.evaluate(() => (window as unknown as { __updates: number }).__updates);

describe("accessibility of the sidebar and dialogs in headless Chromium", () => {
  const pages = usePages({ width: 300, height: 900 });
  let page: Page;
  beforeEach(() => {
    page = pages.page;
  });

  async function open(addon: LoadedAddon, dialog = false): Promise<void> {
    const host = () => {
      const w = window as unknown as { google: { script: Record<string, unknown> } };
      w.google.script.host = { close: () => undefined };
    };
    await openSidebar(page, serveWith(addon), dialog ? host : undefined, pageShown(addon));
  }
  const idle = () => page.waitForFunction(() => !document.body.classList.contains("busy"));
  const tab = async (n: number) => {
    await page.locator("nav.tabs button").nth(n).click();
    await idle();
  };
  const next = async () => {
    await page.locator('[data-action="next"]').click();
    await idle();
  };
  const stepTitle = (n: number) =>
    page.locator(".step-title", { hasText: new RegExp(`^(Step|Étape) ${n} `) }).waitFor();

  /** Runs axe on the page as it is now, under a name for the state. */
  async function audit(results: Record<string, string[]>, state: string): Promise<void> {
    results[state] = await axeViolations(page);
  }
  const clean = (results: Record<string, string[]>) =>
    Object.fromEntries(Object.keys(results).map((state) => [state, []]));

  for (const lang of LANGS) {
    it(`finds no WCAG 2.1 A/AA violation on the wizard's steps, with coaching and errors (${lang})`, async () => {
      await open(setUp(lang));
      const results: Record<string, string[]> = {};
      await stepTitle(1);
      await idle();
      expect(await page.title()).toBe(lang === "en" ? "Draft — OKR Sheets" : "Rédiger — OKR Sheets");
      await audit(results, "context");
      // Coaching: the team's counter; an error: Next without an owner.
      await page.locator(".step-body input[list]").first().fill("Sales");
      await page.locator(".step-body input[list]").nth(1).fill("");
      await next();
      await page.locator(".msg.error").first().waitFor();
      await audit(results, "context with errors");
      await page.locator(".step-body input[list]").nth(1).fill("Camille");
      await next();
      await stepTitle(2);
      await next(); // no title: an error
      await page.locator(".step-body .msg.error").first().waitFor();
      await audit(results, "objective with an error");
      await page.locator(".step-body textarea").fill("Reach 1M€ revenue");
      await page.locator(".step-body textarea").blur();
      await page.locator(".step-body .msg").first().waitFor();
      await audit(results, "objective with coaching");
      await next();
      await stepTitle(3);
      await page.locator("fieldset.kr textarea").fill("Keep monthly churn below 2%");
      await page.locator("fieldset.kr input[inputmode=decimal]").first().fill("abc");
      await next();
      await page.locator("fieldset.kr .msg.error").first().waitFor();
      await audit(results, "key results with errors");
      await page.locator("fieldset.kr input[inputmode=decimal]").first().fill("3");
      await page.locator("fieldset.kr input[inputmode=decimal]").nth(1).fill("2");
      await next();
      await stepTitle(4);
      await page.locator(".review-findings .group").first().waitFor();
      await audit(results, "review with findings");
      expect(await page.locator("h1").count()).toBe(1);
      expect(results).toEqual(clean(results));
    });

    it(`finds no WCAG 2.1 A/AA violation on the check-in with an error and the findings with the move confirmation (${lang})`, async () => {
      await open(setUp(lang, "checkIn"));
      const results: Record<string, string[]> = {};
      await page.locator("fieldset.kr-checkin").first().waitFor();
      await idle();
      expect(await page.title()).toBe(lang === "en" ? "Check-in — OKR Sheets" : "Point hebdo — OKR Sheets");
      await audit(results, "check-in");
      const value = page.locator("fieldset.kr-checkin input").first();
      await value.fill("abc");
      await value.blur();
      await page.locator("fieldset.kr-checkin .msg.error").waitFor();
      await page.locator('[data-action="save-checkins"]').click();
      await audit(results, "check-in with an error");
      await tab(2);
      await page.locator(".findings .group").first().waitFor();
      expect(await page.title()).toBe(lang === "en" ? "Findings — OKR Sheets" : "Constats — OKR Sheets");
      await audit(results, "findings");
      await page.locator(".move button").first().click();
      await page.locator(".move .confirm").waitFor();
      await audit(results, "findings with the move confirmation");
      expect(await page.locator("h1").count()).toBe(1);
      expect(results).toEqual(clean(results));
    });

    it(`finds no WCAG 2.1 A/AA violation in the review dialog, which takes focus (${lang})`, async () => {
      const results: Record<string, string[]> = {};
      await open(setUp(lang, "openReview", DIALOG_NOW), true);
      await page.locator('[data-action="generate"]').waitFor();
      // Open, the dialog has focus on its title.
      expect(await page.evaluate(() => document.activeElement?.tagName)).toBe("H1");
      expect(await page.title()).toMatch(/^(Generate quarterly review|Générer la revue trimestrielle) — /);
      await audit(results, "review");
      await page.locator('[data-action="generate"]').click();
      await page.locator(".action-slot .msg.ok").waitFor();
      await audit(results, "review generated");
      expect(await page.locator("h1").count()).toBe(1);
      expect(results).toEqual(clean(results));
    });

    it(`finds no WCAG 2.1 A/AA violation in the review dialog with a closed quarter to choose (${lang})`, async () => {
      const results: Record<string, string[]> = {};
      const addon = setUp(lang, undefined, DIALOG_NOW);
      addon.run("startNextQuarter", { from: "2026-Q4", early: true, carry: [{ id: "O-2", owner: "Ada" }] });
      addon.run("openReview");
      await open(addon, true);
      const quarter = page.locator(".review select").first();
      await quarter.waitFor();
      await audit(results, "review with quarters");
      await quarter.selectOption("2026-Q4");
      await audit(results, "review of a closed quarter");
      await page.locator('[data-action="generate"]').click();
      await page.locator(".action-slot .msg.ok").waitFor();
      await audit(results, "review of a closed quarter generated");
      expect(await page.locator("h1").count()).toBe(1);
      expect(results).toEqual(clean(results));
    });

    it(`finds no WCAG 2.1 A/AA violation in the next-quarter dialog, which takes focus (${lang})`, async () => {
      const results: Record<string, string[]> = {};
      await open(setUp(lang, "openNextQuarter", DIALOG_NOW), true);
      await page.locator('[data-action="start"]').waitFor();
      expect(await page.evaluate(() => document.activeElement?.tagName)).toBe("H1");
      expect(await page.title()).toMatch(/^(Start next quarter|Démarrer le trimestre suivant) — /);
      await audit(results, "next quarter");
      await page.locator(".candidate input[type=text]:enabled").first().fill("");
      await page.locator('[data-action="start"]').click();
      await page.locator(".candidate .msg.error").waitFor();
      await audit(results, "next quarter with an error");
      expect(await page.locator("h1").count()).toBe(1);
      expect(results).toEqual(clean(results));
    });
  }

  it("checks every WCAG 2.1 A/AA rule axe has, among them title, headings and lists", async () => {
    await open(setUp("en"));
    const rules = await axeRules(page);
    expect(rules).toEqual(
      expect.arrayContaining([
        "document-title",
        "list",
        "listitem",
        "label",
        "color-contrast",
        "aria-required-children",
      ]),
    );
    expect(rules.length).toBeGreaterThan(50);
  });

  /** From the context step: a team objective for Sales, then on to the key results step. */
  async function toKeyResults(): Promise<void> {
    await page.locator(".step-body input[list]").first().fill("Sales");
    await page.locator(".step-body input[list]").nth(1).fill("Camille");
    await next();
    await page.locator(".step-body textarea").fill("Make booking effortless for drivers");
    await next();
    await stepTitle(3);
  }

  it("does not speak while a key result title is typed: live regions change only when their text does", async () => {
    await open(setUp("en"));
    await stepTitle(1);
    await idle();
    await toKeyResults();
    await countLiveMutations(page);
    // Slower than the coaching's pause: each key refreshes the coaching and counters.
    await page.locator("fieldset.kr textarea").pressSequentially("Raise NPS from 30 to 45", { delay: 200 });
    await page.waitForTimeout(300);
    const rewrites = await updates(page);
    expect(rewrites).toBeLessThan(12); // rewritten when they say something else, not on each of 23 keys
    expect(await liveMutations(page)).toEqual([]);
    // The team's counter is quiet while its name is typed.
    await page.locator('[data-action="back"]').click();
    await page.locator('[data-action="back"]').click();
    await stepTitle(1);
    await countLiveMutations(page);
    const team = page.locator(".step-body input[list]").first();
    await team.fill("");
    await team.pressSequentially("Marketing", { delay: 200 });
    await page.waitForTimeout(300);
    expect(await page.locator(".counter").first().textContent()).toMatch(/^Marketing /);
    expect(await liveMutations(page)).toEqual([]);
  });

  it("reads the team's counter out once, when the team typed reaches its limit", async () => {
    const addon = setUp("en");
    const settings = addon.spreadsheet.sheet("Settings")!;
    const row = settings.values().findIndex((line) => line[0] === "Max objectives per team") + 1;
    settings.cell(row, 2).value = 1;
    await open(addon);
    await stepTitle(1);
    await idle();
    await countLiveMutations(page);
    await page.locator(".step-body input[list]").first().pressSequentially("Sales", { delay: 200 });
    await page.waitForTimeout(300);
    const said = (await liveMutations(page)).filter(Boolean);
    expect(said).toHaveLength(1);
    expect(said[0]).toMatch(/^Sales already has \d+ objectives? this quarter \(limit 1\)\.$/);
  });

  it("does not speak the check-in counter while a comment is typed, and a fixed error goes quietly", async () => {
    await open(setUp("en", "checkIn"));
    await page.locator("fieldset.kr-checkin").first().waitFor();
    await idle();
    const first = page.locator("fieldset.kr-checkin").first();
    await countLiveMutations(page);
    await first.locator("input").first().pressSequentially("12", { delay: 50 });
    await first.locator("textarea").pressSequentially("Two new parkings signed this week", { delay: 30 });
    expect(await page.locator(".save-row .counter").textContent()).toBe("Check-ins to save: 1");
    expect(await liveMutations(page)).toEqual([]);
    // An error is said once, not again on each key while it stays the same.
    const value = first.locator("input").first();
    await value.fill("abc");
    await value.blur();
    await first.locator(".msg.error").waitFor();
    await countLiveMutations(page);
    await value.pressSequentially("de", { delay: 50 });
    expect(await liveMutations(page)).toEqual([]);
  });

  it("applies a check-in filter chosen with the arrow keys only on Enter", async () => {
    const addon = setUp("en", "checkIn");
    const calls: string[] = [];
    const serve = serveWith(addon);
    await bridgeScriptRun(page, (name, args) => {
      calls.push(name);
      return serve(name, args);
    });
    await openHtml(page, pageShown(addon));
    await page.locator("fieldset.kr-checkin").first().waitFor();
    await idle();
    const before = calls.filter((c) => c === "getCheckins").length;
    const team = page.locator(".filters select").first();
    await team.focus();
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("ArrowDown");
    await page.waitForTimeout(200);
    expect(calls.filter((c) => c === "getCheckins").length).toBe(before);
    await page.keyboard.press("Enter");
    await idle();
    expect(calls.filter((c) => c === "getCheckins").length).toBe(before + 1);
  });

  it("shows disabled inputs as disabled", async () => {
    await open(setUp("en", "openNextQuarter", DIALOG_NOW), true);
    await page.locator('[data-action="start"]').waitFor();
    const boxId = await page.locator(".candidate input[type=checkbox]:checked").first().getAttribute("id");
    const candidate = page.locator(".candidate").filter({ has: page.locator(`[id="${boxId}"]`) });
    const box = candidate.locator("input[type=checkbox]");
    const owner = candidate.locator("input[type=text]");
    const look = () =>
      owner.evaluate((n) => {
        const s = getComputedStyle(n);
        return `${s.backgroundColor} ${s.color} ${s.borderStyle}`;
      });
    const enabled = await look();
    await box.uncheck();
    expect(await owner.isDisabled()).toBe(true);
    expect(await look()).not.toBe(enabled);
  });

  /** How far the page scrolls sideways, in CSS pixels, for each view. */
  async function overflow(lang: string, width: number): Promise<Record<string, number>> {
    await page.setViewportSize({ width, height: 900 });
    const sideways = () =>
      page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    const out: Record<string, number> = {};
    await open(setUp(lang, "checkIn"));
    await page.locator("fieldset.kr-checkin").first().waitFor();
    await idle();
    out.checkin = await sideways();
    await screenshot(page, `zoom-${width}px-${lang}-checkin`);
    await tab(2);
    await page.locator(".findings .group").first().waitFor();
    await page.locator(".move button").first().click();
    out.findings = await sideways();
    await tab(0);
    await stepTitle(1);
    out.context = await sideways();
    await toKeyResults();
    out.keyResults = await sideways();
    await screenshot(page, `zoom-${width}px-${lang}-key-results`);
    await page.locator("fieldset.kr textarea").fill("Raise NPS from 30 to 45");
    await page.locator("fieldset.kr input[inputmode=decimal]").first().fill("30");
    await page.locator("fieldset.kr input[inputmode=decimal]").nth(1).fill("45");
    await next();
    await stepTitle(4);
    out.review = await sideways();
    return out;
  }

  /** A page `width` px wide at 200 % and 400 % zoom: half and a quarter as many CSS pixels. */
  const zoomed = (width: number) =>
    LANGS.flatMap((lang) => [200, 400].map((zoom) => ({ lang, zoom, width: (width * 100) / zoom })));
  // 300 px at 200 % zoom is 150 CSS pixels; at 400 %, 75.
  it.each(zoomed(300))(
    "reflows at $zoom % zoom in the 300 px sidebar: nothing scrolls sideways ($lang)",
    async ({ lang, width }) => {
      const sideways = await overflow(lang, width);
      expect(sideways).toEqual({ checkin: 0, findings: 0, context: 0, keyResults: 0, review: 0 });
    },
  );

  // The dialogs are 520 px wide: 260 CSS pixels at 200 % zoom, 130 at 400 %.
  it.each(zoomed(520))(
    "reflows the next-quarter and review dialogs at $zoom % zoom ($lang)",
    async ({ lang, width }) => {
      await page.setViewportSize({ width, height: 560 });
      const addon = setUp(lang, "openNextQuarter", DIALOG_NOW);
      await open(addon, true);
      await page.locator('[data-action="start"]').waitFor();
      const sideways = () =>
        page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      const out = { nextQuarter: await sideways(), review: -1 };
      // The same page shows the review when the server says so.
      addon.run("openReview");
      await openHtml(page, pageShown(addon));
      await page.locator('[data-action="generate"]').waitFor();
      out.review = await sideways();
      expect(out).toEqual({ nextQuarter: 0, review: 0 });
    },
  );
});
