/**
 * The example quarter set-up offers on an empty OKRs sheet: who it is by, and writing it (in the
 * spreadsheet's language, under the document lock taken by src/server/template.ts).
 */
import { exampleQuarter } from "../core/example";
import { type Lang, t } from "../core/i18n";
import { parseCheckins, parseKpis, parseOkrs } from "../core/parse";
import { OKRS, SHEETS } from "../core/schema";
import { parseSettings } from "../core/settings";
import { currentUserEmail, resolveAuthor } from "./author";
import { today } from "./clock";
import { highestIssued, recordIssued } from "./ids";
import { sheetLangOf } from "./locale";
import type { SetupReport } from "./template";
import { readAll, Workbook } from "./workbook";
import { nextFreeRow, writeRows } from "./writer";

/**
 * Writes the example quarter when the OKRs sheet is still empty and no ID was ever issued here
 * (its IDs are fixed: O-1, KR-1…, and an ID is never issued twice), in the spreadsheet's language.
 */
export function fillExample(userLang: Lang, report: SetupReport, author: string): void {
  const wb = Workbook.active();
  const day = today(wb.timeZone);
  const okrSheet = wb.find("okrs");
  const logSheet = wb.find("checkins");
  if (!okrSheet || !logSheet) return;
  const okrs = parseOkrs(readAll(okrSheet), wb.timeZone);
  const logGrid = readAll(logSheet);
  const log = parseCheckins(logGrid, wb.timeZone);
  if (okrs.table.headerRow === 0 || log.table.headerRow === 0 || okrs.items.length > 0) return;
  const issued = highestIssued(wb, {
    okrs: [],
    checkins: log.items,
    kpis: parseKpis(wb.read("kpis") ?? [], wb.timeZone).items,
  });
  if (issued.objective > 0 || issued.kr > 0) {
    report.notes.push(t(userLang, "setup.exampleSkipped"));
    return;
  }
  const quarterSettings = parseSettings(wb.read("settings") ?? [], day, wb.timeZone).settings;
  const sheetLang = sheetLangOf(wb.ss, quarterSettings);
  const example = exampleQuarter(
    sheetLang,
    quarterSettings.quarter,
    quarterSettings.quarterStart,
    day,
    author || t(sheetLang, "setup.exampleAuthor"),
  );
  const okrPlace = { headerRow: okrs.table.headerRow, columns: okrs.table.columns };
  const logPlace = { headerRow: log.table.headerRow, columns: log.table.columns };
  writeRows(okrSheet, okrPlace.headerRow + 1, okrPlace, OKRS.columns, example.okrs, wb.timeZone);
  recordIssued(
    wb,
    example.okrs.map((r) => String(r.id ?? "")),
  );
  writeRows(
    logSheet,
    nextFreeRow(logGrid, logPlace, SHEETS.checkins.columns),
    logPlace,
    SHEETS.checkins.columns,
    example.checkins,
    wb.timeZone,
  );
  report.exampleRows = example.okrs.length;
}

/**
 * The example check-ins' author, by the check-in rule: the email, else the name chosen before,
 * else the name asked now; "" when the person declines (the example then says "Example").
 */
export function exampleAuthor(askName: () => string): string {
  const email = currentUserEmail();
  return resolveAuthor(email) || resolveAuthor(email, askName());
}
