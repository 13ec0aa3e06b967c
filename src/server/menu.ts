import { type Lang, t } from "../core/i18n";
import { userLang } from "./locale";

/**
 * Menu items in order: the caption's message key and the global function the item runs (an export
 * of main.ts, which calls the function of the same name in its module).
 */
const ITEMS = [
  { label: "menu.setUp", run: "setUpTemplate" },
  { label: "menu.openSidebar", run: "openSidebar" },
  { label: "menu.checkIn", run: "checkIn" },
  { label: "menu.validate", run: "validate" },
  null,
  { label: "menu.lockPlan", run: "lockPlan" },
  { label: "menu.review", run: "openReview" },
  { label: "menu.health", run: "practiceHealth" },
  { label: "menu.nextQuarter", run: "openNextQuarter" },
  { label: "menu.rollUp", run: "rollUpTeams" },
  null,
  { label: "menu.settings", run: "openSettings" },
  { label: "menu.help", run: "showHelp" },
] as const;

/** The global function names the menu calls; the build test checks each one exists in the bundle. */
export const MENU_FUNCTIONS = ITEMS.flatMap((item) => (item ? [item.run] : []));

/**
 * Builds the OKR menu. In AuthMode.NONE (an add-on not yet used in this file) only the Ui may be
 * touched, so the user's locale cannot be read and the menu is in English.
 */
export function buildMenu(e: GoogleAppsScript.Events.SheetsOnOpen | undefined): void {
  const limited = e?.authMode === ScriptApp.AuthMode.NONE;
  const lang: Lang = limited ? "en" : userLang();
  const ui = SpreadsheetApp.getUi();
  const menu = __MENU_KIND__ === "addon" ? ui.createAddonMenu() : ui.createMenu(t(lang, "menu.title"));
  for (const item of ITEMS) {
    if (item) menu.addItem(t(lang, item.label), item.run);
    else menu.addSeparator();
  }
  menu.addToUi();
}
