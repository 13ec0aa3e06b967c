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
import { asText, isBlank, type RawCell } from "../core/cells";
import { type Lang, sheetLanguage, t } from "../core/i18n";
import { analyze, type Analysis } from "../core/analyze";
import { stripOurNote } from "../core/marks";
import { type OkrRow, parseKpis } from "../core/parse";
import {
  type ColumnDef,
  columnHeader,
  type KpiColumn,
  KPIS,
  type OkrColumn,
  type RowCells,
} from "../core/schema";
import { normalize } from "../core/text";
import { today } from "./clock";
import { userError } from "./errors";
import { uniqueRow } from "./ids";
import { withDocumentLock } from "./lock";
import { readAll, Workbook } from "./workbook";
import { nextFreeRow } from "./writer";

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Cell = string | number | boolean | Date;

/** Which KPIs column receives each OKRs column (the rest go into notes). */
const KPI_COLUMN_OF: Partial<Record<OkrColumn, KpiColumn>> & Record<string, KpiColumn | undefined> = {
  team: "team",
  title: "name",
  owner: "owner",
  unit: "unit",
  target: "target",
  current: "current",
  id: "origin",
  notes: "notes",
};

export function moveKeyResultToKpis(lang: Lang, row: number, id: string): string {
  return withDocumentLock(lang, (progress) => {
    const wb = Workbook.active();
    const okrSheet = wb.find("okrs");
    if (!okrSheet) throw userError(lang, "error.noOkrSheet");
    const okrGrid = readAll(okrSheet);
    const analysis = analyze(
      { okrs: okrGrid, settings: wb.read("settings") },
      today(wb.timeZone),
      wb.timeZone,
    );
    const kr = checkMovable(lang, analysis, row, id);
    // A KPIs sheet deleted by hand is created again, named in the spreadsheet's language.
    const kpiSheet =
      wb.find("kpis") ??
      wb.insert("kpis", KPIS.name[sheetLanguage(analysis.settings.language, wb.ss.getSpreadsheetLocale())]);
    const table = analysis.okrTable!;
    const width = okrGrid[table.headerRow - 1]!.length;
    const notes = okrSheet
      .getRange(row, 1, 1, width)
      .getNotes()[0]!
      .map((n) => stripOurNote(String(n ?? "")));
    appendKpi(wb, kpiSheet, analysis, kr, okrGrid[row - 1]!, notes, okrGrid[table.headerRow - 1]!);
    progress.wrote();
    removeRow(okrSheet, row, width);
    return t(lang, "kpi.moved", { id: kr.id });
  });
}

/** The key result on that row, when it may be moved; a clear refusal otherwise. */
function checkMovable(lang: Lang, analysis: Analysis, row: number, id: string): OkrRow {
  const kr = analysis.okrs.find((r) => r.row === row);
  if (!kr || kr.id.toLowerCase() !== id.trim().toLowerCase())
    throw userError(lang, "error.rowChanged", { row, id });
  if (kr.type !== "kr") throw userError(lang, "error.notKeyResult", { id });
  uniqueRow(lang, analysis.okrs, kr.id);
  const quarter = analysis.settings.quarter;
  if (kr.quarter !== quarter)
    throw userError(lang, "kpi.otherQuarter", { id: kr.id, quarter: kr.quarter, current: quarter });
  if (!analysis.findings.some((f) => f.code === "kpi-like" && f.sheet === "okrs" && f.row === row))
    throw userError(lang, "kpi.notKpiLike", { id: kr.id, quarter });
  return kr;
}

/** The last column holding anything in a header line, plus one (0 for an empty line). */
function usedWidth(line: readonly RawCell[]): number {
  for (let i = line.length; i > 0; i--) if (!isBlank(line[i - 1])) return i;
  return 0;
}

/**
 * Appends the key result's row to KPIs: one write for any headers added, one for the values (the
 * formulas of the row kept) and one for the notes.
 */
function appendKpi(
  wb: Workbook,
  sheet: Sheet,
  analysis: Analysis,
  kr: OkrRow,
  line: readonly RawCell[],
  notes: readonly string[],
  okrHeader: readonly RawCell[],
): void {
  const grid = readAll(sheet);
  const found = parseKpis(grid, wb.timeZone).table;
  const headerRow = found.headerRow || 1;
  const header = [...(grid[headerRow - 1] ?? [])];
  const columns: Record<string, number> = found.headerRow ? { ...found.columns } : {};
  const added: { index: number; text: string }[] = [];
  let next = usedWidth(header);
  const place = (text: string): number => {
    added.push({ index: next, text });
    header[next] = text;
    return next++;
  };
  const sheetLang = (): Lang => sheetLanguage(analysis.settings.language, wb.ss.getSpreadsheetLocale());
  let lang: Lang | undefined;
  for (const column of KPIS.columns as readonly ColumnDef[]) {
    if (columns[column.key] === undefined) columns[column.key] = place(column.header[(lang ??= sheetLang())]);
  }
  const okrColumns = analysis.okrTable!.columns;
  const ours = new Set(Object.values(okrColumns));
  const kpiOurs = new Set(Object.values(columns));
  const values = new Map<number, Cell>();
  const cellNotes = new Map<number, string>();
  const leftover: string[] = [];
  for (const [key, index] of Object.entries(okrColumns)) {
    const target = KPI_COLUMN_OF[key];
    const note = notes[index] ?? "";
    if (target === undefined) {
      if (note)
        leftover.push(`${String(okrHeader[index] ?? columnHeader("okrs", key as OkrColumn, "en"))}: ${note}`);
      continue;
    }
    if (note) cellNotes.set(columns[target]!, note);
  }
  // The user's own columns: same header on KPIs, else a new one.
  for (let i = 0; i < line.length; i++) {
    const title = String(okrHeader[i] ?? "").trim();
    if (ours.has(i) || title === "" || (isBlank(line[i]) && !notes[i])) continue;
    let at = header.findIndex((h, j) => !kpiOurs.has(j) && normalize(h) === normalize(title));
    if (at < 0) at = place(title);
    values.set(at, cellOf(line[i]));
    if (notes[i]) cellNotes.set(at, notes[i]!);
  }
  const metricNote = kr.metric ? `${kr.baseline ?? ""} → ${kr.target ?? ""}` : "";
  const schemaValues: RowCells<"kpis", Cell> = {
    team: asText(kr.team),
    name: asText(kr.title),
    owner: asText(kr.owner),
    unit: asText(kr.unit),
    target: kr.target,
    current: kr.current,
    origin: asText(kr.id),
    notes: asText([kr.notes, metricNote].filter(Boolean).join(" · ")),
  };
  for (const [key, value] of Object.entries(schemaValues))
    if (value !== undefined) values.set(columns[key]!, value);
  if (leftover.length) {
    const name = columns.name!;
    cellNotes.set(name, [cellNotes.get(name), ...leftover].filter(Boolean).join("\n"));
  }
  const width = Math.max(next, usedWidth(header));
  if (width > sheet.getMaxColumns())
    sheet.insertColumnsAfter(sheet.getMaxColumns(), width - sheet.getMaxColumns());
  if (added.length > 0) {
    const first = added[0]!.index;
    sheet.getRange(headerRow, first + 1, 1, added.length).setValues([added.map((a) => asText(a.text))]);
  }
  const at = nextFreeRow(grid.length ? grid : [header], { headerRow, columns }, KPIS.columns);
  if (at > sheet.getMaxRows()) sheet.insertRowsAfter(sheet.getMaxRows(), at - sheet.getMaxRows());
  const range = sheet.getRange(at, 1, 1, width);
  const formulas = range.getFormulas()[0]!;
  range.setValues([formulas.map((formula, i) => (formula ? formula : (values.get(i) ?? "")))]);
  range.setNotes([formulas.map((_, i) => cellNotes.get(i) ?? "")]);
}

/** A cell value as it should be written again: text kept as text. */
function cellOf(value: RawCell): Cell {
  if (value === null || value === undefined) return "";
  return typeof value === "string" ? asText(value) : value;
}

/**
 * Deletes the row, unless it holds a formula: then its values and notes are emptied and its
 * formulas written back as they were, so no formula of the sheet is lost or moved.
 */
function removeRow(sheet: Sheet, row: number, width: number): void {
  const range = sheet.getRange(row, 1, 1, width);
  const formulas = range.getFormulas()[0]!;
  if (formulas.every((f) => !f)) {
    sheet.deleteRow(row);
    return;
  }
  range.setValues([formulas.map((f) => f || "")]);
  range.setNotes([formulas.map(() => "")]);
}
