/** What the sidebar's browser tests share: opening the built page, and reading what a field says. */
import type { Locator, Page } from "playwright-core";
import { type LoadedAddon, readDist } from "../../dev/loader";
import { bridgeScriptRun, openHtml } from "../helpers/browser";

/**
 * The page the add-on last showed (a sidebar or a dialog: dist/Sidebar.html with the view the menu
 * chose written into it, server/sidebar.ts), else dist/Sidebar.html as a page opened some other way.
 */
export function pageShown(addon: LoadedAddon): string {
  return addon.ui.shown.at(-1)?.html ?? readDist("Sidebar.html");
}

/**
 * Opens a page (by default dist/Sidebar.html) with `serve` answering its google.script.run calls;
 * `init` runs in the page before it (to give it a google.script.host, as Sheets' dialogs have).
 */
export async function openSidebar(
  page: Page,
  serve: Parameters<typeof bridgeScriptRun>[1],
  init?: () => void,
  html = readDist("Sidebar.html"),
): Promise<void> {
  await bridgeScriptRun(page, serve);
  if (init) await page.addInitScript(init);
  await openHtml(page, html);
}

/** The texts a control's aria-describedby points to (its hint and messages), in order. */
export async function describedBy(control: Locator): Promise<string> {
  const ids = ((await control.getAttribute("aria-describedby")) ?? "").split(" ").filter(Boolean);
  const texts = await Promise.all(ids.map((id) => control.page().locator(`[id="${id}"]`).textContent()));
  return texts.join(" ");
}
