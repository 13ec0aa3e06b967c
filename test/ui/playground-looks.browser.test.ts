/**
 * `npm start -- --locale=fr` looks like Sheets in French: the playground's own menus and labels
 * are French, numbers show a decimal comma, toasts sit bottom right clear of the sidebar and can
 * be closed, every column of a sheet can be reached, a new sheet opens at A1, the review's chart
 * is drawn, and File › New blank spreadsheet starts from nothing.
 */
import { join } from "node:path";
import type { Browser, Locator, Page } from "playwright-core";
import { type Playground, startPlayground } from "../../dev/playground/server";
import { launchChromium } from "../helpers/browser";

const ROOT = join(__dirname, "..", "..");

describe("the playground in French, in headless Chromium", () => {
  let playground: Playground;
  let browser: Browser;
  let page: Page;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    [playground, browser] = await Promise.all([
      startPlayground({
        root: ROOT,
        port: 0,
        now: "2026-11-15T10:00:00Z",
        timeZone: "Europe/Paris",
        locale: "fr",
      }),
      launchChromium(),
    ]);
    page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    page.setDefaultTimeout(10_000);
    page.on("pageerror", (error) => pageErrors.push(String(error)));
    await page.goto(playground.url);
    await page.locator("body[data-ready=true]").waitFor();
  });
  afterAll(async () => {
    await browser?.close();
    await playground?.close();
  });
  afterEach(() => expect(pageErrors).toEqual([]));

  const cell = (a1: string): Locator => page.locator(`#grid td[data-cell="${a1}"]`);

  async function menu(title: string, item: string): Promise<void> {
    await page.getByRole("button", { name: title, exact: true }).click();
    await page.getByRole("menuitem", { name: item, exact: true }).click();
  }

  it("speaks French in its own chrome and writes decimals with a comma", async () => {
    expect(await page.locator("html").getAttribute("lang")).toBe("fr");
    await page.getByRole("button", { name: "Fichier", exact: true }).click();
    expect(await page.getByRole("menu", { name: "Fichier" }).getByRole("menuitem").allTextContents()).toEqual(
      [
        "Nouvelle feuille de calcul vierge",
        "Ouvrir l’exemple d’entreprise (4 classeurs)",
        "Importer un fichier .xlsx…",
        "Exporter au format .xlsx",
        "Revenir à l’exemple",
      ],
    );
    await page.keyboard.press("Escape");
    expect(await page.getByLabel("Barre de formule").count()).toBe(1);
    expect(await page.getByLabel("Cellule sélectionnée").count()).toBe(1);
    // The example's first key result scores 0.5: "0,50" as Sheets shows it in French.
    expect(await cell("Q4").textContent()).toBe("0,50");
  });

  it("reaches every column of the sheet, up to Z", async () => {
    const headers = await page.locator("#grid thead th").allTextContents();
    expect(headers.at(-1)).toBe("Z");
    await cell("Z1").scrollIntoViewIfNeeded();
    await cell("Z1").click();
    expect(await page.getByLabel("Cellule sélectionnée").inputValue()).toBe("Z1");
  });

  it("shows toasts bottom right, left of the open sidebar, and lets the user close them", async () => {
    await menu("OKR", "Valider");
    await page.frameLocator("#sidebar-frame").locator(".finding-item").first().waitFor();
    const toast = page.locator(".toast").first();
    await toast.waitFor();
    const [box, sidebar, viewport] = [
      (await toast.boundingBox())!,
      (await page.locator("#sidebar").boundingBox())!,
      page.viewportSize()!,
    ];
    expect(box.x + box.width).toBeLessThanOrEqual(sidebar.x);
    expect(box.y + box.height).toBeGreaterThan(viewport.height / 2);
    await toast.getByRole("button", { name: "Ignorer" }).click();
    await toast.waitFor({ state: "detached" });
  });

  it("opens the new review sheet at A1 and draws its bar chart from the chart's data", async () => {
    await page.locator("#grid-scroll").evaluate((grid) => (grid.scrollLeft = 900));
    await menu("OKR", "Générer la revue trimestrielle");
    const dialog = page.frameLocator("#modal-frame");
    await dialog.getByRole("button", { name: "Générer la revue" }).click();
    await dialog.getByText(/La revue est prête/).waitFor();
    await dialog.getByRole("button", { name: "Fermer" }).click();
    await page.getByRole("tab", { name: /^Revue /, selected: true }).waitFor();
    expect(await page.locator("#grid-scroll").evaluate((grid) => [grid.scrollLeft, grid.scrollTop])).toEqual([
      0, 0,
    ]);
    expect(await page.getByLabel("Cellule sélectionnée").inputValue()).toBe("A1");
    // Column A is wide enough for its labels.
    const label = cell("A4");
    expect(await label.evaluate((td) => td.scrollWidth <= td.clientWidth)).toBe(true);

    const chart = page.getByRole("img", { name: "Scores des objectifs" });
    await chart.waitFor();
    // One bar per objective, its length in proportion to its score.
    const bars = await chart.locator("rect.chart-bar").evaluateAll((rects) =>
      rects.map((r) => ({
        width: Number(r.getAttribute("width")),
        score: Number(r.textContent!.split(": ")[1]),
      })),
    );
    expect(bars).toHaveLength(3);
    const perPoint = bars[0]!.width / bars[0]!.score;
    for (const { width, score } of bars) expect(width).toBeCloseTo(score * perPoint, 3);
    // The chart sits beside its data, not over the table.
    const data = page.locator("#grid td", { hasText: "Données du graphique" });
    const [chartBox, dataBox] = [await chart.boundingBox(), await data.boundingBox()];
    expect(Math.abs(chartBox!.y - dataBox!.y)).toBeLessThan(30);
  });

  it("starts from a blank spreadsheet with File › New blank spreadsheet, where Set up template works", async () => {
    await menu("Fichier", "Nouvelle feuille de calcul vierge");
    await page.getByRole("tab", { name: "Feuille 1", selected: true }).waitFor();
    expect(await page.getByRole("tab").count()).toBe(1);
    expect(await page.locator("#grid td:not(:empty)").count()).toBe(0);
    await menu("OKR", "Préparer le modèle");
    const alert = page.getByRole("alertdialog");
    await alert.getByRole("button", { name: "Non" }).click();
    await alert.filter({ hasText: /Le modèle est prêt/ }).waitFor();
    await alert.getByRole("button", { name: "OK" }).click();
    await alert.waitFor({ state: "hidden" });
    await page.getByRole("tab", { name: "Paramètres" }).waitFor();
    expect(await page.getByRole("tab").count()).toBeGreaterThan(4);
  });
});
