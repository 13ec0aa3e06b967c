/**
 * The sidebar's small actions on the sheet, which have no module of their own: select a finding's
 * cell, move a "looks like a KPI" key result to the KPIs sheet. Every argument is untrusted: it is
 * parsed with zod before use.
 */
import type { Lang } from "../core/i18n";
import { parsePayload } from "../core/payload-problem";
import { cellRequestSchema, moveRequestSchema } from "../core/payloads";
import { SHEETS } from "../core/schema";
import type { Payload } from "./calls";
import { moveKeyResultToKpis } from "./kpis";
import { userError } from "../core/user-error";
import { currentFindings, type FindingsView } from "./validate";
import { Workbook } from "./workbook";

export type CellRequest = Payload<typeof cellRequestSchema>;

/**
 * Selects a finding's cell. The cell travels with its tab's ID, so a tab renamed since the findings
 * were listed still works; without one (or when that tab is gone), the sheet is found by its key
 * (the ID remembered when it was created, then its name).
 */
export function selectCell(lang: Lang, request: CellRequest): void {
  const { sheet, sheetId, a1 } = parsePayload(lang, cellRequestSchema(), request);
  const wb = Workbook.active();
  const target = (sheetId === undefined ? null : wb.ss.getSheetById(sheetId)) ?? wb.find(sheet);
  if (!target) throw userError(lang, "finding.missing-sheet", { sheet: SHEETS[sheet].name[lang] });
  target.getRange(a1).activate();
}

export type MoveRequest = Payload<typeof moveRequestSchema>;

/** Moves a "looks like a KPI" key result to the KPIs sheet; answers the confirmation to show. */
export function moveToKpis(lang: Lang, request: MoveRequest): string {
  const { row, krId } = parsePayload(lang, moveRequestSchema(), request);
  return moveKeyResultToKpis(lang, row, krId);
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
