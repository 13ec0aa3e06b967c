/**
 * The drafting wizard's two endpoints. `wizardContext` gives the sidebar what it needs to coach
 * live: settings, teams, owners, this quarter's company objectives and the rows the validation
 * rules look at. `insertDraft` parses the draft again with zod, checks it with the same rules, and
 * writes the objective and its key results in one batch under the document lock, with new IDs.
 * What to answer and write is decided in core/wizard.ts.
 */
import { checkDraft, nextIds } from "../core/draft";
import { describeFinding } from "../core/describe";
import { endedQuarter } from "../core/next-quarter-start";
import type { Lang } from "../core/i18n";
import type { OkrRow, Parsed } from "../core/parse";
import { OKRS } from "../core/schema";
import { lostColumn, tableWidth } from "../core/table-write";
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
import { userError } from "./errors";
import { highestIssued, recordIssued } from "./ids";
import { load, type Loaded, type LoadOptions } from "./load";
import { withDocumentLock } from "./lock";
import { parsePayload } from "./payload";
import { nextFreeRow, writeRows } from "./writer";

export type { DraftPayload, InsertResult, WizardContext } from "../core/wizard";

/** The OKRs sheet with a table on it, and Settings (the log and KPIs when asked): one read each. */
function loadWithTable(userLang: Lang, also?: LoadOptions): Loaded & { okrs: Parsed<OkrRow> } {
  const loaded = load(userLang, also);
  const okrs = loaded.parsed.okrs!;
  if (okrs.table.headerRow === 0) throw userError(userLang, "error.noOkrSheet");
  return Object.assign(loaded, { okrs });
}

/** The wizard's context, read from the OKRs and Settings sheets (one read each). */
export function wizardContext(userLang: Lang): WizardContext {
  const { day, parsed, okrs } = loadWithTable(userLang);
  return wizardContextOf(userLang, parsed.settings.settings, day, okrs.items);
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
    const loaded = loadWithTable(userLang, { checkins: true, kpis: true });
    const { wb, day, okrs, okrSheet: sheet, okrGrid: grid, parsed } = loaded;
    const settings = parsed.settings.settings;
    const ended = endedQuarter(settings, day);
    if (ended) throw userError(userLang, "quarter.ended", ended);
    const floor = highestIssued(wb, {
      okrs: okrs.items,
      kpis: parsed.kpis?.items,
      checkins: parsed.checkins?.items,
    });
    const ids = nextIds(okrs.items, draft.krs.length, floor, settings.idPrefix);
    const { rows, findings } = checkDraft(draft, rowsForRules(okrs.items, settings), settings, day, ids);
    const refusal = insertRefusal(findings, okrs.table.findings);
    if (refusal)
      throw userError(userLang, "wizard.error.refused", { message: describeFinding(refusal, userLang) });
    // List values in the spreadsheet's language; the answer in the user's.
    const values = draftCells(rows, day, loaded.sheetLang);
    const place = { headerRow: okrs.table.headerRow, columns: okrs.table.columns };
    const lost = lostColumn("okrs", place.columns, OKRS.columns, values);
    if (lost) throw userError(userLang, "wizard.error.refused", { message: describeFinding(lost, userLang) });
    const first = nextFreeRow(grid, place, OKRS.columns);
    writeRows(sheet, first, place, OKRS.columns, values, wb.timeZone);
    recordIssued(wb, [ids.objectiveId, ...ids.krIds]);
    sheet.getRange(first, 1, values.length, tableWidth(place)).activate();
    return insertResult(userLang, ids, sheet.getName(), first, first + values.length - 1);
  });
}
