/**
 * The drafting wizard's two endpoints. `wizardContext` gives the sidebar what it needs to coach
 * live: settings, teams, owners, this quarter's company objectives and the rows the validation
 * rules look at. `insertDraft` parses the draft again with zod, checks it with the same rules, and
 * writes the objective and its key results in one batch under the document lock, with new IDs.
 * What to answer and write is decided in core/wizard.ts.
 */
import type { Day } from "../core/dates";
import { checkDraft, nextIds } from "../core/draft";
import { describeFinding } from "../core/describe";
import type { Lang } from "../core/i18n";
import { parseCheckins, parseKpis, parseOkrs } from "../core/parse";
import { OKRS } from "../core/schema";
import { parseSettings, type Settings } from "../core/settings";
import {
  draftCells,
  draftFieldLabels,
  draftSchema,
  type InsertResult,
  insertRefusal,
  insertResult,
  rowsForRules,
  toDraft,
  type WizardContext,
  wizardContextOf,
} from "../core/wizard";
import { today } from "./clock";
import { userError } from "./errors";
import { highestIssued, recordIssued } from "./ids";
import { sheetLangOf } from "./locale";
import { withDocumentLock } from "./lock";
import { parsePayload } from "./payload";
import { readAll, Workbook } from "./workbook";
import { nextFreeRow, writeRows } from "./writer";

export type { DraftPayload, InsertResult, WizardContext } from "../core/wizard";

interface Sheets {
  wb: Workbook;
  day: Day;
  settings: Settings;
  okrs: ReturnType<typeof parseOkrs>;
  grid: ReturnType<typeof readAll>;
}

function readSheets(userLang: Lang): Sheets {
  const wb = Workbook.active();
  const sheet = wb.find("okrs");
  if (!sheet) throw userError(userLang, "error.noOkrSheet");
  const grid = readAll(sheet);
  const okrs = parseOkrs(grid, wb.timeZone);
  if (okrs.table.headerRow === 0) throw userError(userLang, "error.noOkrSheet");
  const day = today(wb.timeZone);
  const settings = parseSettings(wb.read("settings") ?? [], day, wb.timeZone).settings;
  return { wb, day, settings, okrs, grid };
}

/** The wizard's context, read from the OKRs and Settings sheets (one read each). */
export function wizardContext(userLang: Lang): WizardContext {
  const { day, settings, okrs } = readSheets(userLang);
  return wizardContextOf(userLang, settings, day, okrs.items);
}

/**
 * Writes a drafted objective and its key results below the last row of the OKRs sheet, after
 * parsing the payload and checking the draft with the validation rules: a finding that blocks an
 * insert (see blocksInsert) refuses the whole draft, and nothing is written. The new rows are
 * selected.
 */
export function insertDraft(userLang: Lang, request: unknown): InsertResult {
  const draft = toDraft(parsePayload(userLang, draftSchema(), request, draftFieldLabels(userLang)));
  return withDocumentLock(userLang, () => {
    // Read under the lock: someone may have added rows since the wizard opened.
    const { wb, day, settings, okrs, grid } = readSheets(userLang);
    const floor = highestIssued(wb, {
      okrs: okrs.items,
      kpis: parseKpis(wb.read("kpis") ?? [], wb.timeZone).items,
      checkins: parseCheckins(wb.read("checkins") ?? [], wb.timeZone).items,
    });
    const ids = nextIds(okrs.items, draft.krs.length, floor, settings.idPrefix);
    const { rows, findings } = checkDraft(draft, rowsForRules(okrs.items, settings), settings, day, ids);
    const refusal = insertRefusal(findings, okrs.table.findings);
    if (refusal)
      throw userError(userLang, "wizard.error.refused", { message: describeFinding(refusal, userLang) });
    // List values in the spreadsheet's language; the answer in the user's.
    const values = draftCells(rows, day, sheetLangOf(wb.ss, settings));
    const sheet = wb.find("okrs")!;
    const place = { headerRow: okrs.table.headerRow, columns: okrs.table.columns };
    const first = nextFreeRow(grid, place, OKRS.columns);
    writeRows(sheet, first, place, OKRS.columns, values, wb.timeZone);
    recordIssued(wb, [ids.objectiveId, ...ids.krIds]);
    const width = Math.max(1, ...Object.values(place.columns).map((c) => c + 1));
    sheet.getRange(first, 1, values.length, width).activate();
    return insertResult(userLang, ids, sheet.getName(), first, first + values.length - 1);
  });
}
