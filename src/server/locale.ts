import { deferMessages, type Lang, langFromLocale, setMenuKind, sheetLanguage } from "../core/i18n";
import type { Settings } from "../core/settings";

// Every message names the menu where this build puts it: "OKR › …" or "Extensions › OKR Sheets › …".
setMenuKind(__MENU_KIND__);

// Code.js carries the French menu only; the rest of the French catalogue is the project file
// messages-fr.html (scripts/build.mjs), read on the first French message an execution needs.
// HtmlService needs no authorization scope, and custom functions may use it ("HTML: can generate
// HTML", https://developers.google.com/apps-script/guides/sheets/functions#using_apps_script_services).
deferMessages(
  "fr",
  () =>
    JSON.parse(HtmlService.createHtmlOutputFromFile("messages-fr").getContent()) as Record<string, string>,
);

/**
 * The user's language from their locale: dialogs, sidebars, alerts and toasts. Session needs no
 * authorization; should it fail all the same (an unusual account, a trigger context), English is
 * the answer rather than an error.
 */
export function userLang(): Lang {
  // Read once per execution (each one starts with a fresh global scope): a command and the sidebar
  // it opens both ask, and each Session call is a round trip.
  if (known === undefined) {
    try {
      known = langFromLocale(Session.getActiveUserLocale());
    } catch {
      known = "en";
    }
  }
  return known;
}
let known: Lang | undefined;

/**
 * The spreadsheet's language: everything the add-on writes into it (headers, list values, notes,
 * the review, the Guide). The Settings language, or while it is "auto" the spreadsheet's locale.
 */
export function sheetLangOf(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  settings: Pick<Settings, "language"> | undefined,
): Lang {
  const chosen = settings?.language;
  if (chosen === "en" || chosen === "fr") return chosen;
  let locale: string | undefined;
  try {
    locale = ss.getSpreadsheetLocale();
  } catch {
    locale = undefined;
  }
  return sheetLanguage(chosen, locale);
}
