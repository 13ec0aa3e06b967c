/**
 * Menu commands: what happens when a user picks an item of the OKR menu, each named as the item's
 * global in main.ts. Each one talks to the user (alerts, toasts, the sidebar) and delegates the
 * work to its module.
 */
import { t } from "../core/i18n";
import { staleReminder } from "./checkins";
import { userLang } from "./locale";
import * as lifecycle from "./lifecycle";
import { Workbook } from "./workbook";
import { openDialog, openSidebar } from "./sidebar";
import * as template from "./template";
import { validateAndMark } from "./validate";

/** Set-up: the sheets in the spreadsheet's language, the questions and the report in the user's. */
export function setUpTemplate(): void {
  const lang = userLang();
  const ui = SpreadsheetApp.getUi();
  const report = template.setUpTemplate(
    lang,
    () =>
      ui.alert(t(lang, "setup.title"), t(lang, "setup.askExample"), ui.ButtonSet.YES_NO) === ui.Button.YES,
    () => {
      const answer = ui.prompt(t(lang, "setup.whoTitle"), t(lang, "setup.whoPrompt"), ui.ButtonSet.OK_CANCEL);
      return answer.getSelectedButton() === ui.Button.OK ? answer.getResponseText() : "";
    },
  );
  const list = (sheets: string[]) => ({ sheets: sheets.join(", "), count: sheets.length });
  const lines = [
    report.created.length ? t(lang, "setup.created", list(report.created)) : "",
    report.kept.length ? t(lang, "setup.kept", list(report.kept)) : "",
    ...report.notes,
    report.exampleRows ? t(lang, "setup.exampleAdded", { count: report.exampleRows }) : "",
    t(lang, "setup.done"),
  ].filter(Boolean);
  ui.alert(t(lang, "setup.title"), lines.join("\n\n"), ui.ButtonSet.OK);
}

export function validate(): void {
  validateAndMark();
  openSidebar("findings");
}

export function checkIn(): void {
  openSidebar("checkin");
}

/**
 * On open, once authorized: a toast when key results have gone without a check-in too long.
 * Never fails the menu: any problem reading the sheet is silently skipped.
 */
export function remindStaleCheckins(e: GoogleAppsScript.Events.SheetsOnOpen | undefined): void {
  if (!e || e.authMode === ScriptApp.AuthMode.NONE) return;
  try {
    const reminder = staleReminder();
    if (!reminder || reminder.count === 0) return;
    const lang = userLang();
    const days = reminder.settings.staleDays;
    const message = t(lang, "checkin.staleToast", { count: reminder.count, days });
    SpreadsheetApp.getActiveSpreadsheet().toast(message, t(lang, "checkin.staleTitle"), 10);
  } catch {
    // The reminder is a courtesy; the menu matters more.
  }
}

export function lockPlan(): void {
  const lang = userLang();
  const ui = SpreadsheetApp.getUi();
  const wb = Workbook.active();
  const { quarter, date, previous } = lifecycle.lockQuestion(lang, wb);
  const question = previous
    ? t(lang, "lock.askAgain", { quarter, previous, date })
    : t(lang, "lock.ask", { quarter, date });
  if (ui.alert(t(lang, "lock.title"), question, ui.ButtonSet.YES_NO) !== ui.Button.YES) return;
  ui.alert(t(lang, "lock.title"), lifecycle.lockPlan(lang, wb), ui.ButtonSet.OK);
}

export function openReview(): void {
  openDialog("review", t(userLang(), "menu.review"));
}

export function openNextQuarter(): void {
  openDialog("nextQuarter", t(userLang(), "next.title"));
}

/** Shows the Settings sheet (quarter, dates, limits, thresholds, language). */
export function openSettings(): void {
  const settings = Workbook.active().find("settings");
  if (settings) settings.activate();
  else {
    const lang = userLang();
    SpreadsheetApp.getUi().alert(
      t(lang, "menu.settings"),
      t(lang, "settings.missing"),
      SpreadsheetApp.getUi().ButtonSet.OK,
    );
  }
}

export function showHelp(): void {
  const lang = userLang();
  const ui = SpreadsheetApp.getUi();
  ui.alert(t(lang, "help.title"), t(lang, "help.body"), ui.ButtonSet.OK);
}
