/**
 * The example quarter set-up offers on an empty OKRs sheet: who it is by, and writing it (in the
 * spreadsheet's language, under the document lock taken by src/server/template.ts).
 */
import { examplePlan } from "../core/example";
import { type Lang, t } from "../core/i18n";
import { CHECKINS, OKRS } from "../core/schema";
import { currentUserEmail, resolveAuthor } from "./author";
import { today } from "./clock";
import { highWater, recordIssued } from "./ids";
import { sheetLangOf } from "./locale";
import type { SetupReport } from "../core/template";
import { readAll, Workbook } from "./workbook";
import { writeRows } from "./writer";

/** Writes the example quarter as core/example.ts examplePlan decides, in the spreadsheet's language. */
export function fillExample(userLang: Lang, report: SetupReport, author: string): void {
  const wb = Workbook.active();
  const okrSheet = wb.find("okrs");
  const logSheet = wb.find("checkins");
  if (!okrSheet || !logSheet) return;
  const plan = examplePlan(
    {
      okrs: readAll(okrSheet),
      checkins: readAll(logSheet),
      kpis: () => wb.read("kpis") ?? [],
      settings: () => wb.read("settings") ?? [],
    },
    { day: today(wb.timeZone), timeZone: wb.timeZone, highWater: () => highWater(wb), author },
    (settings) => sheetLangOf(wb.ss, settings),
  );
  if (plan === "ids-issued") report.notes.push(t(userLang, "setup.exampleSkipped"));
  if (typeof plan !== "object") return;
  writeRows(okrSheet, plan.okrs.at, plan.okrs.place, OKRS.columns, plan.okrs.rows, wb.timeZone);
  recordIssued(
    wb,
    plan.okrs.rows.map((r) => String(r.id ?? "")),
  );
  writeRows(
    logSheet,
    plan.checkins.at,
    plan.checkins.place,
    CHECKINS.columns,
    plan.checkins.rows,
    wb.timeZone,
  );
  report.exampleRows = plan.okrs.rows.length;
}

/**
 * The example check-ins' author, by the check-in rule: the email, else the name chosen before,
 * else the name asked now; "" when the person declines (the example then says "Example").
 */
export function exampleAuthor(askName: () => string): string {
  const email = currentUserEmail();
  return resolveAuthor(email) || resolveAuthor(email, askName());
}
