/**
 * Menu commands: what happens when a user picks an item of the OKR menu, each named as the item's
 * global in main.ts. Each one talks to the user (alerts, toasts, the sidebar) and delegates the
 * work to its module.
 */
import { t } from "../core/i18n";
import { setupReportText } from "../core/template";
import { menuCommand } from "./calls";
import { staleReminder } from "./checkins";
import { generateHealth } from "./health";
import { userLang } from "./locale";
import * as lifecycle from "./lifecycle";
import * as rollup from "./rollup";
import { Workbook } from "./workbook";
import { openDialog, openSidebar } from "./sidebar";
import * as template from "./template";
import { validateAndMark } from "./validate";

/** Set-up: the sheets in the spreadsheet's language, the questions and the report in the user's. */
export function setUpTemplate(): void {
  menuCommand("setup.title", (lang, getUi) => {
    const ui = getUi();
    const report = template.setUpTemplate(
      lang,
      () =>
        ui.alert(t(lang, "setup.title"), t(lang, "setup.askExample"), ui.ButtonSet.YES_NO) === ui.Button.YES,
      () => {
        const answer = ui.prompt(
          t(lang, "setup.whoTitle"),
          t(lang, "setup.whoPrompt"),
          ui.ButtonSet.OK_CANCEL,
        );
        return answer.getSelectedButton() === ui.Button.OK ? answer.getResponseText() : "";
      },
    );
    return setupReportText(lang, report);
  });
}

/** Marks the findings in the sheet, then lists them in the sidebar (or says why not, in an alert). */
export function validate(): void {
  menuCommand("menu.validate", () => {
    validateAndMark();
    openSidebar("findings");
  });
}

export function checkIn(): void {
  menuCommand("menu.checkIn", () => openSidebar("checkin"));
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

/** Asks before recording today as the plan's lock date (again, when it was locked before). */
export function lockPlan(): void {
  menuCommand("lock.title", (lang, getUi) => {
    const ui = getUi();
    const wb = Workbook.active();
    const { quarter, date, previous } = lifecycle.lockQuestion(lang, wb);
    const question = previous
      ? t(lang, "lock.askAgain", { quarter, previous, date })
      : t(lang, "lock.ask", { quarter, date });
    if (ui.alert(t(lang, "lock.title"), question, ui.ButtonSet.YES_NO) !== ui.Button.YES) return;
    return lifecycle.lockPlan(lang, wb);
  });
}

export function openReview(): void {
  menuCommand("menu.review", (lang) => openDialog("review", t(lang, "menu.review")));
}

export function openNextQuarter(): void {
  menuCommand("next.title", (lang) => openDialog("nextQuarter", t(lang, "next.title")));
}

/** Shows the Settings sheet (quarter, dates, limits, thresholds, language). */
export function openSettings(): void {
  const settings = Workbook.active().find("settings");
  if (settings) settings.activate();
  else menuCommand("menu.settings", (lang) => t(lang, "settings.missing"));
}

export function showHelp(): void {
  menuCommand("help.title", (lang) => t(lang, "help.body"));
}

/** Generates the Practice health sheet, then says where it is in a toast (or why not, in an alert). */
export function practiceHealth(): void {
  menuCommand("menu.health", (lang) => ({ toast: generateHealth(lang).message }));
}

/** Writes the teams' import sheets and the Company roll-up sheet, then says what it did. */
export function rollUpTeams(): void {
  menuCommand("rollup.title", (lang) => {
    const report = rollup.rollUpTeams(lang);
    return [...report.notes, t(lang, "rollup.done", { count: report.teams, sheet: report.sheet })].join(
      "\n\n",
    );
  });
}
