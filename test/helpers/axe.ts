import { readFileSync } from "node:fs";
import type { Page } from "playwright-core";

/** axe-core's own build, loaded into the page from node_modules (nothing comes from the network). */
const AXE_SOURCE = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");

/** WCAG 2.1 levels A and AA, as axe tags them. */
export const WCAG21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

interface AxeApi {
  run(
    context: Document,
    options: { runOnly: { type: "tag"; values: string[] }; resultTypes: string[] },
  ): Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }>;
  getRules(tags: string[]): { ruleId: string }[];
}

async function loadAxe(page: Page): Promise<void> {
  if (await page.evaluate(() => "axe" in window)) return;
  await page.addScriptTag({ content: AXE_SOURCE });
}

/** Every WCAG 2.1 A/AA violation axe finds on the page, as "rule (impact): targets". */
export async function axeViolations(page: Page): Promise<string[]> {
  await loadAxe(page);
  return page.evaluate(async (tags) => {
    const axe = (window as unknown as { axe: AxeApi }).axe;
    const result = await axe.run(document, {
      runOnly: { type: "tag", values: tags },
      resultTypes: ["violations"],
    });
    return result.violations.map(
      (v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`,
    );
  }, WCAG21_AA);
}

/** The rules axe runs for those tags. */
export async function axeRules(page: Page): Promise<string[]> {
  await loadAxe(page);
  return page.evaluate(
    (tags) => (window as unknown as { axe: AxeApi }).axe.getRules(tags).map((r) => r.ruleId),
    WCAG21_AA,
  );
}
