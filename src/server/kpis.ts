/**
 * Moving a "looks like a KPI" key result to the KPIs sheet, nothing lost on the way. Under the
 * document lock the OKRs sheet is read again and the row checked: it still holds that key result,
 * of the current quarter, flagged "looks like a KPI", and no other row holds its ID. The whole row
 * lands on KPIs: our columns mapped to the KPI's, the user's own columns under the same header
 * (added to KPIs when missing), the cell notes beside them, and the ID in "Moved from", which keeps
 * its check-ins attached to the KPI and the ID out of reach of new key results.
 *
 * The OKR row then goes: deleted when it holds no formula (Sheets shifts the rows below and adjusts
 * every reference, as when a user deletes a row); emptied in place when it holds one, so that an
 * array formula anchored there (the Score and Status of older templates) keeps covering the sheet.
 */
import { asText } from "../core/cells";
import { type Lang, t } from "../core/i18n";
import { kpiRowCells, kpiRowPlan, movableKr, type OkrLine, okrRowRemoval } from "../core/kpi-move";
import { endedQuarter } from "../core/next-quarter-start";
import { stripOurNote } from "../core/marks";
import { parseKpis } from "../core/parse";
import { parsePayload } from "../core/payload-problem";
import { moveRequestSchema } from "../core/payloads";
import { KPIS } from "../core/schema";
import { UserError, userError } from "../core/user-error";
import { load } from "./load";
import { withDocumentLock } from "./lock";
import type { Payload } from "./calls";
import { currentFindings, type FindingsView } from "./validate";
import { growTo } from "./sheet-shape";
import { readAll, type Workbook } from "./workbook";
import { nextFreeRow } from "./writer";

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export type MoveRequest = Payload<typeof moveRequestSchema>;

/** Moves a "looks like a KPI" key result to the KPIs sheet; answers the confirmation to show. */
export function moveToKpis(lang: Lang, request: MoveRequest): string {
  const { row, krId: id } = parsePayload(lang, moveRequestSchema(), request);
  return withDocumentLock(lang, (progress) => {
    const loaded = load(lang);
    const { wb, okrSheet, okrGrid, analysis } = loaded;
    // A closed quarter keeps its key results (its scores would change).
    const ended = endedQuarter(analysis.settings, loaded.day);
    if (ended) throw userError(lang, "quarter.ended", ended);
    const movable = movableKr(lang, analysis, row, id);
    if ("refusal" in movable) throw new UserError(movable.refusal);
    const sheetLang = () => loaded.sheetLang;
    // A KPIs sheet deleted by hand is created again, named in the spreadsheet's language.
    const kpiSheet = wb.find("kpis") ?? wb.insert("kpis", KPIS.name[sheetLang()]);
    const table = analysis.okrTable!;
    const width = okrGrid[table.headerRow - 1]!.length;
    const notes = okrSheet
      .getRange(row, 1, 1, width)
      .getNotes()[0]!
      .map((n) => stripOurNote(String(n ?? "")));
    const line: OkrLine = {
      kr: movable.kr,
      columns: table.columns,
      header: okrGrid[table.headerRow - 1]!,
      cells: okrGrid[row - 1]!,
      notes,
    };
    appendKpi(wb, kpiSheet, line, sheetLang);
    progress.wrote();
    removeRow(okrSheet, row, width);
    return t(lang, "kpi.moved", { id: movable.kr.id });
  });
}

/**
 * The findings list's "Move to KPIs": moves the key result, then answers the findings as they
 * stand now, so the list redraws from one call.
 */
export function moveFindingToKpis(
  lang: Lang,
  request: MoveRequest,
): { message: string; findings: FindingsView } {
  return { message: moveToKpis(lang, request), findings: currentFindings() };
}

/**
 * Appends the key result's row to KPIs: one write for any headers added, one for the values (the
 * formulas of the row kept) and one for the notes.
 */
function appendKpi(wb: Workbook, sheet: Sheet, line: OkrLine, sheetLang: () => Lang): void {
  const grid = readAll(sheet);
  const plan = kpiRowPlan(grid, parseKpis(grid, wb.timeZone).table, line, sheetLang);
  const { headerRow, added, width } = plan;
  growTo(sheet, { columns: width });
  if (added.length > 0) {
    const first = added[0]!.index;
    sheet.getRange(headerRow, first + 1, 1, added.length).setValues([added.map((a) => asText(a.text))]);
  }
  const place = { headerRow, columns: plan.columns };
  const at = nextFreeRow(grid.length ? grid : [plan.header], place, KPIS.columns);
  growTo(sheet, { rows: at });
  const range = sheet.getRange(at, 1, 1, width);
  const { values, notes } = kpiRowCells(range.getFormulas()[0]!, plan);
  range.setValues(values);
  range.setNotes(notes);
}

/** Deletes the row, or empties it around its formulas, as core/kpi-move.ts decides. */
function removeRow(sheet: Sheet, row: number, width: number): void {
  const range = sheet.getRange(row, 1, 1, width);
  const removal = okrRowRemoval(range.getFormulas()[0]!);
  if (removal === "delete") sheet.deleteRow(row);
  else range.setValues(removal.values).setNotes(removal.notes);
}
