/**
 * The drafting wizard's two endpoints. `wizardContext` gives the sidebar what it needs to coach
 * live: settings, teams, owners, this quarter's company objectives and the rows the validation
 * rules look at. `insertDraft` parses the draft again with zod, checks it with the same rules, and
 * writes the objective and its key results in one batch under the document lock, with new IDs.
 * What to answer and write is decided in core/wizard.ts.
 */
import type { Lang } from "../core/i18n";
import type { OkrRow, Parsed } from "../core/parse";
import { tableWidth } from "../core/table-write";
import {
  draftFieldLabels,
  draftInsert,
  draftSchema,
  type InsertResult,
  insertResult,
  toDraft,
  type WizardContext,
  wizardContextOf,
} from "../core/wizard";
import { userError } from "../core/user-error";
import { highestIssued, recordIssued } from "./ids";
import { load, type Loaded, type LoadOptions } from "./load";
import { withDocumentLock } from "./lock";
import { parsePayload } from "../core/payload-problem";
import { appendOkrRows } from "./writer";

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
    const { ids, values } = draftInsert(draft, {
      userLang,
      okrs,
      settings: parsed.settings.settings,
      day,
      floor: () =>
        highestIssued(wb, { okrs: okrs.items, kpis: parsed.kpis?.items, checkins: parsed.checkins?.items }),
      sheetLang: () => loaded.sheetLang,
    });
    const place = { headerRow: okrs.table.headerRow, columns: okrs.table.columns };
    const first = appendOkrRows(sheet, grid, place, values, { userLang, timeZone: wb.timeZone });
    recordIssued(wb, [ids.objectiveId, ...ids.krIds]);
    sheet.getRange(first, 1, values.length, tableWidth(place)).activate();
    return insertResult(userLang, ids, sheet.getName(), first, first + values.length - 1);
  });
}
