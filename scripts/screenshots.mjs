#!/usr/bin/env node
/**
 * `npm run screenshots`: starts the playground (as `npm start` does, on a free port, with the clock
 * pinned to 2026-11-15 so the pictures do not change from day to day), drives it in headless
 * Chromium and writes 1280×800 PNGs to docs/screenshots/, which the README shows.
 *
 * Chromium: CHROMIUM_PATH, else the system's, else the one shipped in @sparticuz/chromium.
 */
import { mkdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { launchChromium } from "./chromium.mjs";
import { loadPlayground, root } from "./playground.mjs";

const OUT = join(root, "docs", "screenshots");
async function main() {
  const { startPlayground } = await loadPlayground();
  const playground = await startPlayground({
    root,
    port: 0,
    now: "2026-11-15T10:00:00Z",
    timeZone: "Europe/Brussels",
  });
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    page.setDefaultTimeout(15_000);
    mkdirSync(OUT, { recursive: true });
    const shot = async (name) => {
      await page.waitForTimeout(300);
      const path = join(OUT, `${name}.png`);
      await page.screenshot({ path });
      console.log(`${path} (${Math.round(statSync(path).size / 1024)} kB)`);
    };
    const menu = async (title, item) => {
      await page.getByRole("button", { name: title, exact: true }).click();
      if (item) await page.getByRole("menuitem", { name: item, exact: true }).click();
    };
    const sidebar = page.frameLocator("#sidebar-frame");

    await page.goto(playground.url);
    await page.locator("body[data-ready=true]").waitFor();

    // Scores and statuses computed by the add-on's own formulas, the OKR menu open.
    await page.locator("#grid-scroll").evaluate((grid) => (grid.scrollLeft = 560));
    await page.locator('#grid td[data-cell="Q2"]').click();
    await menu("OKR");
    await shot("playground-scores");
    await page.keyboard.press("Escape");

    // OKR › Validate: the findings in the sidebar, notes and colours in the sheet.
    await page.locator("#grid-scroll").evaluate((grid) => (grid.scrollLeft = 0));
    await menu("OKR", "Validate");
    await sidebar.locator(".finding-item").first().waitFor();
    await page
      .locator(".toast")
      .first()
      .waitFor({ state: "detached", timeout: 10_000 })
      .catch(() => undefined);
    await page.locator('#grid td[data-cell="G5"]').click();
    await shot("playground");

    // The drafting wizard, coaching a key result.
    await menu("OKR", "Open the OKR sidebar");
    await sidebar.locator(".step-title", { hasText: "Step 1 of 4" }).waitFor();
    await sidebar.getByLabel("Team", { exact: true }).fill("Marketing");
    await sidebar.getByLabel("Owner").fill("Léa");
    await sidebar.getByRole("button", { name: "Next" }).click();
    await sidebar.getByLabel("Objective", { exact: true }).fill("Make Brussels drivers think of us first");
    await sidebar.getByRole("button", { name: "Next" }).click();
    await sidebar.getByLabel("Title").fill("Launch a radio campaign");
    await sidebar
      .getByText(/An output, not an outcome/)
      .first()
      .waitFor();
    await shot("playground-wizard");

    // OKR › Generate quarterly review: the dialog, then the new sheet.
    await menu("OKR", "Generate quarterly review");
    const dialog = page.frameLocator("#modal-frame");
    await dialog.getByRole("button", { name: "Generate the review" }).click();
    await dialog.getByText(/The review is ready/).waitFor();
    await shot("playground-review");
    await dialog.getByRole("button", { name: "Close" }).click();
    await page.locator("#sidebar-close").click();
    await page.getByRole("tab", { name: /^Review / }).click();
    await page.locator("#grid td", { hasText: "Quarterly review" }).first().waitFor();
    // Down to the insights and the chart the add-on inserted beside its data.
    const chart = page.locator(".chart svg");
    await chart.waitFor();
    await page
      .locator("#grid-scroll")
      .evaluate((grid) => (grid.scrollTop = grid.querySelector(".chart").offsetTop - 340));
    await shot("playground-review-sheet");

    // OKR › Practice health, over the example quarter and three earlier ones typed in (2026-Q3 left
    // empty: a gap), check-ins thinning as the year goes.
    await typeHistory(playground.url);
    await page.reload();
    await page.locator("body[data-ready=true]").waitFor();
    await menu("OKR", "Practice health");
    await page.getByRole("tab", { name: "Practice health" }).click();
    await page.locator("#grid td", { hasText: "Findings" }).first().waitFor();
    await page.locator(".chart svg").waitFor();
    await page
      .locator(".toast")
      .first()
      .waitFor({ state: "detached", timeout: 10_000 })
      .catch(() => undefined);
    // From the findings down, so the chart beside the table shows whole.
    await page.locator("#grid-scroll").evaluate((grid) => (grid.scrollTop = 66));
    await shot("playground-health");
    // One spreadsheet per team: the company example, rolled up, two teams connected, one not yet.
    await page
      .locator("#sidebar-close")
      .click()
      .catch(() => undefined);
    await menu("File", "Open the company example (4 spreadsheets)");
    await page.getByRole("tab", { name: "OKRs" }).waitFor();
    await menu("OKR", "Roll up teams");
    await page.locator("#alert-buttons button", { hasText: "OK" }).click();
    await page.getByRole("tab", { name: "Company roll-up" }).click();
    for (const a1 of ["N2", "N3"]) {
      await page.locator(`#grid td[data-cell="${a1}"]`).click();
      await page.locator("#alert-buttons button", { hasText: "OK" }).click();
      await page.locator(`#grid td[data-cell="K${a1.slice(1)}"]`, { hasText: "Connected" }).waitFor();
    }
    await page.locator('#grid td[data-cell="A1"]').click();
    await shot("playground-company");
  } finally {
    await browser.close();
    await playground.close();
  }
}

/** Types earlier quarters into the playground's OKRs and Check-ins sheets, cell by cell, as a user would. */
async function typeHistory(url) {
  const { fetch, URL } = globalThis;
  const post = async (path, body) => {
    const response = await fetch(new URL(path, url), {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
  };
  const lastRow = async (sheet) => {
    const state = await (await fetch(new URL(`/api/state?sheet=${encodeURIComponent(sheet)}`, url))).json();
    return Math.max(1, ...state.sheet.cells.filter((c) => c.text !== "").map((c) => c.row));
  };
  const type = async (sheet, lines) => {
    let row = (await lastRow(sheet)) + 1;
    for (const line of lines) {
      for (const [i, input] of line.entries()) {
        if (input !== "") await post("/api/edit", { sheet, row, column: i + 1, input: String(input) });
      }
      row++;
    }
  };
  const okrs = [];
  const checkins = [];
  const history = [
    { quarter: "2025-Q4", start: "2025-10-06", weeks: 13, step: 1 },
    { quarter: "2026-Q1", start: "2026-01-05", weeks: 12, step: 1 },
    { quarter: "2026-Q2", start: "2026-04-06", weeks: 12, step: 3 },
  ];
  history.forEach(({ quarter, start, weeks, step }, q) => {
    const n = 101 + q * 10;
    const carried = q > 0 ? `← O-${n - 10} (${history[q - 1].quarter})` : "";
    okrs.push(
      [
        quarter,
        `O-${n}`,
        "Objective",
        "Team",
        "Sales",
        "",
        "Win the Brussels market",
        "Julien",
        "Committed",
        "",
        "",
        "",
        "",
        "",
        "",
        "",
        "",
        "",
        "",
        "",
        carried,
      ],
      [
        quarter,
        `KR-${n}`,
        "Key result",
        "",
        "Sales",
        `O-${n}`,
        `Grow partners from ${100 * (q + 1)} to ${100 * (q + 2)}`,
        "",
        "",
        "Increase",
        "",
        100 * (q + 1),
        100 * (q + 2),
        100 * (q + 1) + 60 + 10 * q,
      ],
      [
        quarter,
        `KR-${n + 1}`,
        "Key result",
        "",
        "Sales",
        `O-${n}`,
        q === 2 ? "Launch the partner portal" : "Cut onboarding from 10 to 5 days",
        "",
        "",
        q === 2 ? "Milestone" : "Decrease",
        "",
        q === 2 ? 0 : 10,
        q === 2 ? 1 : 5,
        q === 2 ? 1 : 6,
      ],
      [
        quarter,
        `O-${n + 1}`,
        "Objective",
        "Team",
        "Product",
        "",
        "Make booking effortless",
        "Sofia",
        "Aspirational",
      ],
      [
        quarter,
        `KR-${n + 2}`,
        "Key result",
        "",
        "Product",
        `O-${n + 1}`,
        "Raise booking conversion from 20 to 30%",
        "",
        "",
        "Increase",
        "",
        20,
        30,
        26 - 2 * q,
      ],
    );
    for (let w = 0; w < weeks; w += step) {
      const date = new Date(Date.parse(`${start}T12:00:00Z`) + w * 7 * 86_400_000).toISOString().slice(0, 10);
      checkins.push([date, `KR-${n}`, 100 * (q + 1) + 5 * w, 7, "", "julien@example.com"]);
      if (w % (2 * step) === 0) checkins.push([date, `KR-${n + 2}`, 20 + w / 2, 6, "", "sofia@example.com"]);
    }
  });
  await type("OKRs", okrs);
  await type("Check-ins", checkins);
}

main().catch((error) => {
  console.error(error?.stack ?? error);
  process.exit(1);
});
