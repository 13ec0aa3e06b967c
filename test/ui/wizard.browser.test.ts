import type { Page } from "playwright-core";
import { type LoadedAddon, loadAddon, readDist } from "../../dev/loader";
import type { FakeSheet } from "../../dev/gas";
import { OKRS } from "../../src/core/schema";
import { bridgeScriptRun, openHtml, screenshot, serveWith, usePages, hammer } from "../helpers/browser";
import { describedBy, openSidebar, pageShown } from "./sidebar-page";
import { axeViolations } from "../helpers/axe";

const NOW = "2026-11-15T10:00:00Z";
const XSS = [
  "<img src=x onerror=alert(1)>",
  "</script><script>window.__pwned=1</script>",
  "<?= 1 ?>",
] as const;

function setUp(locale = "en"): LoadedAddon {
  const addon = loadAddon({ locale, now: NOW });
  addon.ui.answers.push({ button: "YES" });
  addon.run("setUpTemplate");
  return addon;
}

function okrSheet(addon: LoadedAddon): FakeSheet {
  return addon.spreadsheet.allSheets().find((s) => s.name === "OKRs" || s.name === "OKR")!;
}

/** The OKRs sheet's data rows as records by column key. */
function records(addon: LoadedAddon): Record<string, unknown>[] {
  const [, ...rows] = okrSheet(addon).values();
  return rows.map((line) => Object.fromEntries(OKRS.columns.map((c, i) => [c.key, line[i]])));
}

describe("the drafting wizard in headless Chromium", () => {
  const pages = usePages({ width: 300, height: 700 }, async (page) => {
    expect(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined();
  });
  let page: Page;
  beforeEach(() => {
    page = pages.page;
  });

  const open = (addon: LoadedAddon, serve = serveWith(addon)) =>
    openSidebar(page, serve, undefined, pageShown(addon));

  const next = () => page.getByRole("button", { name: /^(Next|Suivant)$/ }).click();
  const back = () => page.getByRole("button", { name: /^(Back|Retour)$/ }).click();
  const stepTitle = (name: RegExp | string) => page.locator(".step-title", { hasText: name }).waitFor();
  /** The hint and messages of a field, as its aria-describedby names them. */
  const describedByLabel = (label: string | RegExp, nth = 0) =>
    describedBy(page.getByLabel(label, { exact: typeof label === "string" }).nth(nth));

  it("keeps Next in sight at 300 × 600 px on a team objective's context step", async () => {
    await page.setViewportSize({ width: 300, height: 600 });
    await open(setUp());
    await stepTitle("Step 1 of 4: Context");
    await page.getByLabel("Level").selectOption("team");
    await page.getByLabel("Team", { exact: true }).fill("Marketing");
    await page.getByLabel("Owner").fill("Léa");
    await page.getByLabel("Company objective it supports").selectOption("O-1");
    const nextButton = page.getByRole("button", { name: "Next" });
    // The step is taller than the sidebar, yet Next sits within it, above the bottom edge.
    expect(await page.evaluate(() => document.documentElement.scrollHeight)).toBeGreaterThan(600);
    const box = (await nextButton.boundingBox())!;
    expect(box.y + box.height).toBeLessThanOrEqual(600);
    expect(box.y).toBeGreaterThan(0);
    await next();
    await stepTitle("Step 2 of 4: Objective");
  });

  it("offers right after the insert to move a key result that looks like a KPI to the KPIs sheet", async () => {
    const addon = setUp();
    await open(addon);
    await stepTitle("Step 1 of 4: Context");
    await page.getByLabel("Level").selectOption("team");
    await page.getByLabel("Team", { exact: true }).fill("Sales");
    await page.getByLabel("Owner").fill("Julien");
    await page.getByLabel("Company objective it supports").selectOption("O-1");
    await next();
    await page.getByLabel("Objective", { exact: true }).fill("Make every partner proud to work with us");
    await next();
    await page.getByLabel("Title").fill("Grow partner NPS from 20 to 40");
    await page.getByLabel("Baseline").fill("20");
    await page.getByLabel("Target").fill("40");
    await page.getByRole("button", { name: "Add a key result" }).click();
    await page.getByLabel("Title").nth(1).fill("Keep partner churn below 2%");
    await page.getByLabel("Baseline").nth(1).fill("3");
    await page.getByLabel("Target").nth(1).fill("2");
    await page.getByLabel("Metric").nth(1).selectOption({ label: "Decrease" });
    await next();
    await stepTitle("Step 4 of 4: Review");
    await page
      .getByText(/Looks like a KPI/)
      .first()
      .waitFor();
    await page.getByRole("button", { name: "Insert into the sheet" }).click();
    await page.getByText(/^Inserted O-4 \(KR-7, KR-8\)/).waitFor();
    expect(await page.getByRole("button", { name: /to the KPIs sheet$/ }).allTextContents()).toEqual([
      "Move KR-8 to the KPIs sheet",
    ]);
    await page.getByRole("button", { name: "Move KR-8 to the KPIs sheet" }).click();
    await page.getByRole("button", { name: "Move KR-8 to the KPIs sheet" }).waitFor({ state: "detached" });
    expect(records(addon).map((r) => r.id)).not.toContain("KR-8");
    expect(records(addon).map((r) => r.id)).toContain("KR-7");
    const kpis = addon.spreadsheet.allSheets().find((s) => s.name === "KPIs")!;
    expect(kpis.values().flat()).toContain("Keep partner churn below 2%");
  });

  it("drafts a company objective, then a team objective with two key results", async () => {
    const addon = setUp();
    await open(addon);
    await stepTitle("Step 1 of 4: Context");
    await page.getByLabel("Level").selectOption("company");
    expect(await page.getByLabel("Team", { exact: true }).inputValue()).toBe("Company");
    await page.getByLabel("Owner").fill("Camille");
    await page.getByLabel(/^Aspirational/).check();
    await page.getByText("Company already has 1 objective this quarter (limit 3).").waitFor();
    expect(await page.getByLabel(/^Aspirational/).isChecked()).toBe(true);
    await screenshot(page, "wizard-1-context");
    await next();

    await stepTitle("Step 2 of 4: Objective");
    await page.getByLabel("Objective", { exact: true }).fill("Be the parking brand Belgians trust most");
    expect(await page.textContent(".tips")).toContain("Make booking effortless for drivers");
    await screenshot(page, "wizard-2-objective");
    await next();

    await stepTitle("Step 3 of 4: Key results");
    await page.getByLabel("Title").fill("Raise NPS from 30 to 45");
    await page.getByLabel("Baseline").fill("30");
    await page.getByLabel("Target").fill("45");
    await page.getByLabel("Unit").fill("points");
    await screenshot(page, "wizard-3-key-results");
    await next();

    await stepTitle("Step 4 of 4: Review");
    await page.locator(".review-findings").waitFor();
    expect(await page.textContent(".summary")).toContain("Be the parking brand Belgians trust most");
    await screenshot(page, "wizard-4-review");
    await page.getByRole("button", { name: "Insert into the sheet" }).click();
    await page.getByText("Inserted O-4 (KR-7) in OKRs, rows 11 to 12.").waitFor();
    await screenshot(page, "wizard-5-done");
    expect(records(addon).slice(9)).toEqual([
      expect.objectContaining({
        id: "O-4",
        type: "Objective",
        level: "Company",
        team: "Company",
        kind: "Aspirational",
      }),
      expect.objectContaining({ id: "KR-7", parent: "O-4", baseline: 30, target: 45, unit: "points" }),
    ]);
    expect(addon.spreadsheet.activeRangeA1()).toBe("OKRs!A11:U12");

    // A team objective under the new company objective, with two key results.
    await page.getByRole("button", { name: "Draft another objective" }).click();
    await stepTitle("Step 1 of 4: Context");
    await page.getByLabel("Level").selectOption("team");
    await page.getByLabel("Team", { exact: true }).fill("Marketing");
    await page.getByLabel("Owner").fill("Léa");
    await page.getByLabel("Company objective it supports").selectOption("O-4");
    await next();
    await page.getByLabel("Objective", { exact: true }).fill("Make Brussels drivers think of us first");
    await next();
    await page.getByLabel("Title").fill("Grow weekly bookings in Brussels from 800 to 1,200");
    await page.getByLabel("Baseline").fill("800");
    await page.getByLabel("Target").fill("1 200");
    await page.getByRole("button", { name: "Add a key result" }).click();
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe("TEXTAREA");
    await page.getByLabel("Title").nth(1).fill("Cut the time to a first booking from 10 to 4 minutes");
    await page.getByLabel("Metric").nth(1).selectOption({ label: "Decrease" });
    await page.getByLabel("Baseline").nth(1).fill("10");
    await page.getByLabel("Target").nth(1).fill("4");
    await page.getByLabel("Unit").nth(1).fill("minutes");
    await page.getByLabel("Weight").nth(1).fill("0,5");
    await next();
    await stepTitle("Step 4 of 4: Review");
    await page.getByRole("button", { name: "Insert into the sheet" }).click();
    await page.getByText("Inserted O-5 (KR-8, KR-9) in OKRs, rows 13 to 15.").waitFor();
    expect(records(addon).slice(11)).toEqual([
      expect.objectContaining({ id: "O-5", level: "Team", team: "Marketing", owner: "Léa", parent: "O-4" }),
      expect.objectContaining({ id: "KR-8", team: "Marketing", parent: "O-5", baseline: 800, target: 1200 }),
      expect.objectContaining({ id: "KR-9", metric: "Decrease", baseline: 10, target: 4, weight: 0.5 }),
    ]);
  });

  it.each([
    [
      "en",
      "Sales",
      /An output, not an outcome \(launch\)/,
      /An output, not an outcome \(launch\)/,
      /Looks like a KPI, not an OKR \(keep, threshold\)/,
    ],
    [
      "fr",
      "Ventes",
      /Une activité, pas un résultat \(launch\)/,
      /Une activité, pas un résultat \(lancer\)/,
      /Ressemble à un KPI, pas à un OKR \(keep, seuil\)/,
    ],
  ])(
    "coaches live in %s: an output and a KPI among the key results",
    async (locale, team, output, reviewed, kpi) => {
      const addon = setUp(locale);
      await open(addon);
      const fr = locale === "fr";
      await stepTitle(fr ? "Étape 1 sur 4 : Contexte" : "Step 1 of 4: Context");
      await page.getByLabel(fr ? "Équipe" : "Team", { exact: true }).fill(team);
      await page.getByLabel(fr ? "Responsable" : "Owner").fill("Zoé");
      await page
        .getByText(
          fr
            ? `${team} a déjà 1 objectif ce trimestre (limite 3).`
            : `${team} already has 1 objective this quarter (limit 3).`,
        )
        .waitFor();
      await next();
      await page
        .getByLabel(fr ? "Objectif" : "Objective", { exact: true })
        .fill(fr ? "Gagner 30 % de parts" : "Win 30% market share");
      await page
        .getByText(fr ? /Un objectif est qualitatif.*30/ : /Objectives are qualitative.*30%/)
        .waitFor();
      await next();
      const title = fr ? "Intitulé" : "Title";
      await page.getByLabel(title).fill("Launch the new portal");
      await page.getByText(output).waitFor();
      expect(await describedByLabel(title)).toMatch(output);
      if (fr) {
        await page.getByLabel(title).fill("Lancer le nouveau portail");
        await page.getByText(/Une activité, pas un résultat \(lancer\)/).waitFor();
      }
      await page.getByLabel(fr ? "Départ" : "Baseline").fill("0");
      await page.getByLabel(fr ? "Cible" : "Target").fill("1");
      await page.getByRole("button", { name: fr ? "Ajouter un résultat clé" : "Add a key result" }).click();
      await page.getByLabel(title).nth(1).fill("Keep churn below 2%");
      await page
        .getByLabel(fr ? "Métrique" : "Metric")
        .nth(1)
        .selectOption("threshold");
      await page
        .getByLabel(fr ? "Départ" : "Baseline")
        .nth(1)
        .fill("2");
      await page
        .getByLabel(fr ? "Cible" : "Target")
        .nth(1)
        .fill("2");
      await page.getByText(kpi).waitFor();
      expect(await describedByLabel(title, 1)).toMatch(kpi);
      await screenshot(page, `wizard-3-coaching-${locale}`);
      await next();
      await page.locator(".review-findings .group.warning").waitFor();
      await screenshot(page, `wizard-4-review-coaching-${locale}`);
      // French typography: a space before the colon.
      expect(await page.textContent(".summary")).toContain(fr ? "(Seuil : 2 → 2)" : "(Threshold: 2 → 2)");
      const review = (await page.textContent(".review-findings")) ?? "";
      expect(review).toMatch(fr ? /Avertissements \(2\)/ : /Warnings \(2\)/);
      expect(review).toMatch(reviewed);
      expect(review).toMatch(kpi);
      expect(review).toMatch(fr ? /Remarques \(1\)/ : /Notes \(1\)/);
      // Warnings coach, they do not block: the draft can be inserted.
      expect(
        await page
          .getByRole("button", { name: fr ? "Insérer dans la feuille" : "Insert into the sheet" })
          .isEnabled(),
      ).toBe(true);
      // A finding in the review takes the user to its field.
      await page.locator(".review-findings button", { hasText: kpi }).click();
      await stepTitle(fr ? "Étape 3 sur 4" : "Step 3 of 4");
      expect(await page.evaluate(() => (document.activeElement as HTMLTextAreaElement).value)).toBe(
        "Keep churn below 2%",
      );
    },
  );

  it("counts the team's objectives against the focus limit and blocks what must be fixed", async () => {
    const addon = setUp();
    await open(addon);
    await page.getByLabel("Team", { exact: true }).fill("Product");
    await page.getByText("Product already has 1 objective this quarter (limit 3).").waitFor();
    // Next with no owner: the error is announced next to the field, which gets focus.
    await next();
    await page.getByRole("alert").getByText("Some fields need your attention.").waitFor();
    expect(await page.getByLabel("Owner").getAttribute("aria-invalid")).toBe("true");
    expect(await describedByLabel("Owner")).toContain("Every objective needs an owner.");
    expect(await page.evaluate(() => document.activeElement?.id)).toBe(
      await page.getByLabel("Owner").getAttribute("id"),
    );
    await page.getByLabel("Owner").fill("Sam");
    await next();
    await next();
    await stepTitle("Step 2 of 4");
    expect(await describedByLabel("Objective")).toContain("Title is required.");
    await page.getByLabel("Objective", { exact: true }).fill("Delight drivers");
    await next();
    await page.getByLabel("Baseline").fill("abc");
    await next();
    await stepTitle("Step 3 of 4");
    expect(await describedByLabel("Baseline")).toContain('Baseline: "abc" is not a number');
    expect(await describedByLabel("Title")).toContain("Title is required.");
    // Up to the limit of key results, not one more.
    const add = page.getByRole("button", { name: "Add a key result" });
    for (let i = 0; i < 3; i++) await add.click();
    expect(await add.isDisabled()).toBe(true);
    await page.getByText("4 of 4 key results.").waitFor();
    await page.getByText("That is the limit of 4 key results").waitFor();
    await page.getByRole("button", { name: "Remove key result 4" }).click();
    expect(await add.isDisabled()).toBe(false);
  });

  it("keeps what was typed going back and forth, and after closing and reopening the sidebar", async () => {
    const addon = setUp();
    await open(addon);
    await page.getByLabel("Team", { exact: true }).fill("Ops");
    await page.getByLabel("Owner").fill("Nina");
    await page.getByLabel(/^Aspirational/).check();
    await next();
    await page.getByLabel("Objective", { exact: true }).fill("Make every parking easy to find");
    await next();
    await page.getByLabel("Title").fill("Cut search time from 6 to 2 minutes");
    await page.getByLabel("Target").fill("2");
    await back();
    await back();
    expect(await page.getByLabel("Team", { exact: true }).inputValue()).toBe("Ops");
    expect(await page.getByLabel("Owner").inputValue()).toBe("Nina");
    expect(await page.getByLabel(/^Aspirational/).isChecked()).toBe(true);
    await next();
    expect(await page.getByLabel("Objective", { exact: true }).inputValue()).toBe(
      "Make every parking easy to find",
    );
    await next();
    expect(await page.getByLabel("Title").inputValue()).toBe("Cut search time from 6 to 2 minutes");
    expect(await page.getByLabel("Target").inputValue()).toBe("2");

    // The findings tab and back: still there.
    await page.getByRole("button", { name: "Findings" }).click();
    await page.getByRole("heading", { name: "Findings" }).waitFor();
    await page.getByRole("button", { name: "Draft" }).click();
    expect(await page.getByLabel("Title").inputValue()).toBe("Cut search time from 6 to 2 minutes");

    // Closing and reopening the sidebar.
    await page.reload();
    await page.getByText("Your draft was restored").waitFor();
    await stepTitle("Step 3 of 4");
    expect(await page.getByLabel("Title").inputValue()).toBe("Cut search time from 6 to 2 minutes");
    await page.getByLabel("Baseline").fill("6");
    await next();
    await page.getByRole("button", { name: "Insert into the sheet" }).click();
    await page.getByText(/^Inserted O-4/).waitFor();
    // Inserted: the draft is gone.
    await page.reload();
    await stepTitle("Step 1 of 4");
    expect(await page.getByLabel("Team", { exact: true }).inputValue()).toBe("");
    expect(await page.getByText("Your draft was restored").count()).toBe(0);
  });

  it("says up front that the quarter has ended, keeps the draft, and inserts once the next quarter is started", async () => {
    const addon = loadAddon({ locale: "en", now: "2026-12-30T10:00:00Z" });
    addon.ui.answers.push({ button: "YES" });
    addon.run("setUpTemplate");
    // Nobody has started 2027-Q1 yet: Settings are still on 2026-Q4.
    addon.setNow("2027-01-06T10:00:00Z");
    await open(addon);
    await stepTitle("Step 1 of 4: Context");
    const notice =
      "2026-Q4 ended on 2026-12-31 and Settings are still on it: a draft cannot be inserted into it. Start the next quarter first (OKR › Start next quarter). What you type here is kept meanwhile.";
    const alert = page.locator(".step-body").getByRole("alert");
    expect(await alert.textContent()).toBe(notice);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, "wizard-quarter-ended");
    await draftToReview();
    // Said once: on the way back it is still there to read, but not announced again.
    await back();
    await back();
    await back();
    await stepTitle("Step 1 of 4");
    expect(await page.getByText(notice).isVisible()).toBe(true);
    expect(await page.getByRole("alert").count()).toBe(0);
    await next();
    await next();
    await next();

    // Insert is still refused by the server, and nothing is lost.
    const before = okrSheet(addon).values();
    await page.getByRole("button", { name: "Insert into the sheet" }).click();
    await page
      .locator(".action-slot [role=alert]")
      .getByText(/^2026-Q4 ended on 2026-12-31/)
      .waitFor();
    expect(okrSheet(addon).values()).toEqual(before);
    await page.reload();
    await page.getByText("Your draft was restored").waitFor();
    await stepTitle("Step 4 of 4");

    // Once 2027-Q1 is started the notice is gone, and the same draft goes in.
    addon.run("startNextQuarter", { from: "2026-Q4", carry: [] });
    await page.reload();
    await stepTitle("Step 4 of 4");
    await back();
    await back();
    await back();
    await stepTitle("Step 1 of 4");
    expect(await page.getByText(notice).count()).toBe(0);
    expect(await page.getByLabel("Team", { exact: true }).inputValue()).toBe("Data");
    await next();
    await next();
    await next();
    await page.getByRole("button", { name: "Insert into the sheet" }).click();
    await page.getByText(/^Inserted O-\d+/).waitFor();
    expect(
      records(addon)
        .filter((r) => r.title === "Know our drivers")
        .map((r) => r.quarter),
    ).toEqual(["2027-Q1"]);
  });

  it("says so in French too", async () => {
    const addon = loadAddon({ locale: "fr", now: "2026-12-30T10:00:00Z" });
    addon.ui.answers.push({ button: "YES" });
    addon.run("setUpTemplate");
    addon.setNow("2027-01-06T10:00:00Z");
    await open(addon);
    await stepTitle("Étape 1 sur 4 : Contexte");
    expect(await page.locator(".step-body").getByRole("alert").textContent()).toBe(
      "2026-Q4 s'est terminé le 2026-12-31 et les paramètres y sont restés : un brouillon ne peut pas y être inséré. Démarrez d'abord le trimestre suivant (OKR › Démarrer le trimestre suivant). Ce que vous saisissez ici est conservé en attendant.",
    );
  });

  async function draftToReview(team = "Data"): Promise<void> {
    await page.getByLabel("Team", { exact: true }).fill(team);
    await page.getByLabel("Owner").fill("Ike");
    await next();
    await page.getByLabel("Objective", { exact: true }).fill("Know our drivers");
    await next();
    await page.getByLabel("Title").fill("Grow weekly active drivers from 1000 to 1500");
    await page.getByLabel("Baseline").fill("1000");
    await page.getByLabel("Target").fill("1500");
    await next();
    await stepTitle("Step 4 of 4");
  }

  it("names the menu where the build puts it", async () => {
    const addon = setUp();
    let menu = "";
    await open(addon, (name, args) => {
      const answer = addon.run(name, ...args);
      return name === "getSidebarContext" && menu ? { ...(answer as object), menu } : answer;
    });
    await draftToReview();
    await page.getByText("Your draft, checked by the same rules as OKR › Validate.").waitFor();
    // The add-on build answers menu "addon": its items sit under Extensions.
    menu = "addon";
    await page.reload();
    await stepTitle("Step 4 of 4");
    await page
      .getByText("Your draft, checked by the same rules as Extensions › OKR Sheets › Validate.")
      .waitFor();
  });

  it("shows the server's error next to Insert, writes nothing, and inserts on retry", async () => {
    const addon = setUp();
    await open(addon);
    await draftToReview();
    const before = okrSheet(addon).values();
    addon.world.lock.holder = "bob";
    await page.getByRole("button", { name: "Insert into the sheet" }).click();
    const alert = page.locator(".action-slot [role=alert]");
    await alert.waitFor();
    expect(await alert.textContent()).toBe("Someone else is saving right now. Please try again in a moment.");
    expect(okrSheet(addon).values()).toEqual(before);
    await screenshot(page, "wizard-error");
    addon.world.lock.holder = undefined;
    await page.getByRole("button", { name: "Insert into the sheet" }).click();
    await page.getByText(/^Inserted O-4 \(KR-7\)/).waitFor();
  });

  it("inserts once on a double click, and shows the loading indicator meanwhile", async () => {
    const addon = setUp();
    const calls: string[] = [];
    let release: () => void = () => undefined;
    await open(addon, async (name, args) => {
      calls.push(name);
      if (name === "insertDraft") await new Promise<void>((resolve) => (release = resolve));
      return addon.run(name, ...args);
    });
    await draftToReview();
    const insert = page.getByRole("button", { name: "Insert into the sheet" });
    await hammer(page, "button[data-action=insert]");
    await page.locator("#status.loading").waitFor();
    expect(await insert.isDisabled()).toBe(true);
    release();
    await page.getByText(/^Inserted O-4/).waitFor();
    expect(calls.filter((c) => c === "insertDraft")).toHaveLength(1);
    expect(records(addon).filter((r) => r.type === "Objective")).toHaveLength(4);
  });

  it("shows hostile text from the sheet and from the user as text, running nothing", async () => {
    const addon = setUp();
    const sheet = okrSheet(addon);
    sheet.fill([["2026-Q4", "O-50", "Objective", "Company", XSS[0], "", XSS[1], XSS[2]]], 11);
    await page.addInitScript(() => {
      (window as unknown as { alert: () => void }).alert = () => {
        (window as unknown as { __pwned: number }).__pwned = 1;
      };
    });
    await open(addon);
    await stepTitle("Step 1 of 4");
    const options = await page
      .locator("datalist option")
      .evaluateAll((nodes) => nodes.map((n) => (n as HTMLOptionElement).value));
    expect(options).toEqual(expect.arrayContaining([XSS[0], XSS[2]]));
    await page.getByLabel("Company objective it supports").selectOption("O-50");
    expect(await page.getByLabel("Company objective it supports").textContent()).toContain(XSS[1]);
    await page.getByLabel("Team", { exact: true }).fill(XSS[0]);
    await page.getByLabel("Owner").fill(XSS[2]);
    await next();
    await page.getByLabel("Objective", { exact: true }).fill(XSS[1]);
    await next();
    await page.getByLabel("Title").fill(XSS.join(" "));
    await page.getByLabel("Unit").fill(XSS[2]);
    await page.getByLabel("Baseline").fill(XSS[0]);
    await page.getByLabel("Target").fill(XSS[1].slice(0, 40));
    await page.getByLabel("Weight").fill(XSS[2]);
    await next();
    expect(await describedByLabel("Baseline")).toContain(`"${XSS[0]}" is not a number`);
    await page.getByLabel("Baseline").fill("1");
    await page.getByLabel("Target").fill("2");
    await page.getByLabel("Weight").fill("");
    await next();
    await stepTitle("Step 4 of 4");
    const summary = (await page.textContent(".summary")) ?? "";
    for (const text of XSS) expect(summary).toContain(text);
    await page.getByRole("button", { name: "Insert into the sheet" }).click();
    await page.getByText(/^Inserted O-51/).waitFor();
    expect(records(addon).find((r) => r.id === "O-51")).toMatchObject({
      team: XSS[0],
      owner: XSS[2],
      title: XSS[1],
    });
    // The findings list shows the sheet's text too (team names in messages).
    await page.getByRole("button", { name: "Findings" }).click();
    await page.locator(".findings .group").first().waitFor();
    expect(await page.locator("img").count()).toBe(0);
    expect(await page.locator("script").count()).toBe(1);
  });
});

describe("the findings list in headless Chromium", () => {
  const pages = usePages({ width: 300, height: 800 });
  let page: Page;
  beforeEach(() => {
    page = pages.page;
  });

  it("opens on the findings after OKR › Validate, grouped by severity, and selects a finding's cell", async () => {
    const addon = setUp();
    addon.run("validate");
    const view = addon.run<{
      counts: Record<string, number>;
      items: { code: string; a1: string; message: string }[];
    }>("getFindings");
    await bridgeScriptRun(page, serveWith(addon));
    await openHtml(page, pageShown(addon));
    await page.getByRole("heading", { name: "Findings" }).waitFor();
    expect(await page.getByRole("button", { name: "Findings" }).getAttribute("aria-current")).toBe("page");
    const headings = await page.locator(".findings h2").allTextContents();
    expect(headings).toEqual(
      [
        view.counts.error ? `Errors (${view.counts.error})` : "",
        view.counts.warning ? `Warnings (${view.counts.warning})` : "",
        view.counts.info ? `Notes (${view.counts.info})` : "",
      ].filter(Boolean),
    );
    await screenshot(page, "findings-en");
    const output = view.items.find((i) => i.code === "output-not-outcome")!;
    await page.getByRole("button", { name: output.message }).click();
    await page.getByText(`Selected OKRs!${output.a1}.`).waitFor();
    expect(addon.spreadsheet.activeRangeA1()).toBe(`OKRs!${output.a1}`);
    // With the keyboard: Enter on another finding, in a tab renamed since the list was drawn and no
    // longer found by name (its ID forgotten too, as in a template from before IDs were kept).
    addon.world.properties.document.delete("okr.sheetIds");
    addon.spreadsheet.api.getSheetByName("OKRs")!.setName("Our goals");
    const other = view.items.find((i) => i.a1 && i.a1 !== output.a1)!;
    await page.locator("button.finding", { hasText: `OKRs!${other.a1}` }).focus();
    await page.keyboard.press("Enter");
    await page.getByText(`Selected OKRs!${other.a1}.`).waitFor();
    expect(addon.spreadsheet.activeRangeA1()).toBe(`Our goals!${other.a1}`);
  });

  it("moves a KPI-like key result to the KPIs sheet after a confirmation, and refreshes the list in the same call", async () => {
    const addon = setUp();
    const calls: string[] = [];
    await bridgeScriptRun(page, async (name, args) => {
      calls.push(name);
      return addon.run(name, ...args);
    });
    await openHtml(page, readDist("Sidebar.html"));
    await page.getByRole("button", { name: "Findings" }).click();
    await page.locator(".findings .group").first().waitFor();
    await page.getByRole("button", { name: "Move to KPIs" }).click();
    await page.getByText("Move KR-3 to the KPIs sheet? It leaves the OKRs sheet.").waitFor();
    await page.getByRole("button", { name: "Cancel" }).click();
    expect(records(addon).some((r) => r.id === "KR-3")).toBe(true);
    await page.getByRole("button", { name: "Move to KPIs" }).click();
    calls.length = 0;
    await page.getByRole("button", { name: "Move KR-3" }).click();
    await page.getByText("KR-3 moved to the KPIs sheet.").waitFor();
    expect(calls).toEqual(["moveFindingToKpis"]);
    expect(records(addon).some((r) => r.id === "KR-3")).toBe(false);
    expect(addon.spreadsheet.sheet("KPIs")!.values()[1]).toEqual(
      expect.arrayContaining(["Keep monthly churn below 2%", "KR-3"]),
    );
    expect(await page.getByRole("button", { name: "Move to KPIs" }).count()).toBe(0);
  });

  it("validates again on request, and speaks French", async () => {
    const addon = setUp("fr");
    await bridgeScriptRun(page, serveWith(addon));
    await openHtml(page, readDist("Sidebar.html"));
    await page.getByRole("button", { name: "Constats" }).click();
    await page.locator(".findings .group.warning h2").waitFor();
    expect(await page.locator(".findings .group.warning h2").textContent()).toMatch(
      /^Avertissements \(\d+\)$/,
    );
    const toasts = addon.spreadsheet.toasts.length;
    await page.getByRole("button", { name: "Valider à nouveau" }).click();
    await page.waitForFunction(() => !document.body.classList.contains("busy"));
    expect(addon.spreadsheet.toasts.length).toBe(toasts + 1);
    await page.getByRole("button", { name: "Déplacer vers KPI" }).waitFor();
    await screenshot(page, "findings-fr");
  });
});
