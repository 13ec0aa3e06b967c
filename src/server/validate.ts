/**
 * OKR › Validate: reads each sheet once, runs the core validation, marks each finding where it is
 * (a note and a soft background; earlier marks cleared, the user's own kept), and returns the
 * findings for the sidebar's list, whose click selects a finding's cell. What to list, mark and
 * toast is decided in core/findings-view.ts.
 */
import {
  findingsView,
  type FindingsView,
  MARKED,
  markedSheets,
  idAssignment,
  marksOf,
  type SheetGrids,
  validateToast,
} from "../core/findings-view";
import { type Lang, t } from "../core/i18n";
import { parsePayload } from "../core/payload-problem";
import { cellRequestSchema } from "../core/payloads";
import { applyMarks, changedRows } from "../core/marks";
import { SHEETS, type SheetKey } from "../core/schema";
import { userError } from "../core/user-error";
import type { Payload } from "./calls";
import { highWater, recordIssued } from "./ids";
import { type Loaded, type LoadedGrids, loadEvenWithoutOkrs } from "./load";
import { userLang as currentUserLang } from "./locale";
import { withDocumentLock } from "./lock";
import { rollupFindings } from "./rollup";
import { formatsLanguageFindings } from "./template";
import { Workbook } from "./workbook";
import { updateColumn } from "./writer";

export type { FindingItem, FindingsView } from "../core/findings-view";

/**
 * The sheets that hold our marks after the last run, as a JSON list of sheet keys: the next run
 * reads the notes and colours of those and of the sheets with findings, not of every sheet.
 */
const MARKED_PROPERTY = "okr.marked";

type Validated = Loaded<GoogleAppsScript.Spreadsheet.Sheet | undefined>;

/**
 * Every sheet we mark, read once with its data range, analysed, with the findings across the
 * rolled-up teams; rows typed without an ID get one first when `assigned` collects them.
 */
function load(assigned?: string[]): Validated {
  const prepare =
    assigned && ((grids: LoadedGrids, wb: Workbook) => assigned.push(...assignMissingIds(wb, grids)));
  const loaded = loadEvenWithoutOkrs(currentUserLang(), { checkins: true, kpis: true, prepare });
  loaded.analysis.findings.push(...rollupFindings(loaded));
  const { wb, sheetLang, parsed } = loaded;
  loaded.analysis.findings.push(...formatsLanguageFindings(wb, sheetLang, parsed.settings.rows.language));
  return loaded;
}

/**
 * Rows typed by hand with a Type but no ID get the next free IDs, written into the ID column in
 * one write and into the grid read, so the rest of Validate sees them. Runs under the lock.
 */
function assignMissingIds(wb: Workbook, grids: LoadedGrids): string[] {
  const sheet = wb.find("okrs");
  const assignment = sheet && idAssignment(grids, wb.timeZone, () => highWater(wb));
  if (!assignment) return [];
  updateColumn(sheet, grids.okrs!, assignment.column, assignment.ids); // the grid too: Validate sees them
  const ids = [...assignment.ids.values()];
  recordIssued(wb, ids);
  return ids;
}

function view({ wb, grids, analysis, sheetLang, userLang }: Validated): FindingsView {
  return findingsView(analysis, grids, { user: userLang, sheet: sheetLang }, (key) => wb.tabOf(key));
}

/**
 * Replaces earlier marks with the new ones: two reads and two writes per sheet, whatever its size,
 * and only on the sheets that have findings now or had marks before.
 */
function mark(loaded: Validated): void {
  const { wb, ranges, analysis, sheetLang } = loaded;
  const grids: SheetGrids = loaded.grids;
  const before = markedSheets(wb.property(MARKED_PROPERTY));
  const after = new Set<SheetKey>();
  for (const key of MARKED) {
    const grid = grids[key];
    const range = ranges[key];
    if (!range || !grid || grid.length === 0) continue;
    const marks = marksOf(key, grid, analysis.findings, sheetLang);
    if (marks.length === 0 && !before.has(key)) continue;
    if (marks.length > 0) after.add(key);
    const [notes, backgrounds] = [range.getNotes(), range.getBackgrounds()];
    const result = applyMarks(notes, backgrounds, marks);
    const rows = result.changed ? changedRows(notes, backgrounds, result) : undefined;
    if (!rows) continue;
    // Only the rows that change: the data range runs to the sheet's end under an array formula.
    const target = wb.find(key)!.getRange(rows.first + 1, 1, rows.last - rows.first + 1, notes[0]!.length);
    target.setNotes(result.notes.slice(rows.first, rows.last + 1));
    // null clears a background: https://developers.google.com/apps-script/reference/spreadsheet/range#setbackgroundscolor
    target.setBackgrounds(result.backgrounds.slice(rows.first, rows.last + 1) as string[][]);
  }
  wb.setProperty(MARKED_PROPERTY, JSON.stringify(MARKED.filter((key) => after.has(key))));
}

/** OKR › Validate and the sidebar's "Validate again": marks the sheet, toasts the counts. */
export function validateAndMark(): FindingsView {
  // Under the lock, read again: a row moved by a colleague between a read and the marks would
  // put notes and colours on the wrong rows.
  const { loaded, assigned, result } = withDocumentLock(currentUserLang(), (progress) => {
    const assigned: string[] = [];
    const loaded = load(assigned);
    if (assigned.length > 0) progress.wrote();
    mark(loaded);
    return { loaded, assigned, result: view(loaded) };
  });
  loaded.wb.ss.toast(validateToast(result, assigned), t(result.lang, "validate.toastTitle"), 8);
  return result;
}

/** The findings, without touching the sheet (the sidebar's list when it opens). */
export function currentFindings(): FindingsView {
  return view(load());
}

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
