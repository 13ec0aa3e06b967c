/**
 * OKR › Validate: reads each sheet once, runs the core validation, marks each finding where it is
 * (a note and a soft background; earlier marks cleared, the user's own kept), and returns the
 * findings for the sidebar's list.
 */
import type { RawCell } from "../core/cells";
import { analyze, type Analysis } from "../core/index";
import { describeFinding } from "../core/describe";
import type { Finding, Severity } from "../core/findings";
import { type Lang, t } from "../core/i18n";
import { applyMarks, changedRows, type Mark } from "../core/marks";
import { nextIds } from "../core/draft";
import { parseCheckins, parseKpis, parseOkrs } from "../core/parse";
import { parseTable } from "../core/parse-table";
import { SHEETS, type SheetKey } from "../core/schema";
import { parseSettings } from "../core/settings";
import { columnLetters } from "../core/template";
import { today } from "./clock";
import { highestIssued, recordIssued } from "./ids";
import { sheetLangOf, userLang as currentUserLang } from "./locale";
import { withDocumentLock } from "./lock";
import { rollupFindings } from "./rollup";
import { Workbook } from "./workbook";
import { updateColumn } from "./writer";

/** One finding as the sidebar shows it. Plain data: it crosses google.script.run. */
export interface FindingItem {
  code: Finding["code"];
  severity: Severity;
  message: string;
  /** The tab's name, to show. */
  sheet: string;
  /** Which of our sheets: selectCell finds it by the ID it remembered, so a renamed tab still works. */
  sheetKey: SheetKey;
  /** The cell to select, e.g. "M5"; empty for a finding about a whole sheet. */
  a1: string;
  row: number;
  /** Set on "looks like a KPI" findings: the key result's ID, for the move to the KPIs sheet. */
  krId?: string;
}

export interface FindingsView {
  /** The user's language: the list's messages are in it. */
  lang: Lang;
  counts: Record<Severity, number>;
  items: FindingItem[];
}

const MARKED: SheetKey[] = ["okrs", "checkins", "kpis", "settings"];

/**
 * The sheets that hold our marks after the last run, as a JSON list of sheet keys: the next run
 * reads the notes and colours of those and of the sheets with findings, not of every sheet.
 */
const MARKED_PROPERTY = "okr.marked";

interface Loaded {
  wb: Workbook;
  grids: Partial<Record<SheetKey, RawCell[][]>>;
  /** Each sheet's data range, as read: marks are read and written on it, no new range needed. */
  ranges: Partial<Record<SheetKey, GoogleAppsScript.Spreadsheet.Range>>;
  analysis: Analysis;
  /** The spreadsheet's language: the notes written on the cells. */
  sheetLang: Lang;
  /** The user's language: the sidebar's list and the toast. */
  userLang: Lang;
  /** IDs given to rows typed without one (Validate only). */
  assigned: string[];
}

function load(assignIds = false): Loaded {
  const wb = Workbook.active();
  const grids: Partial<Record<SheetKey, RawCell[][]>> = {};
  const ranges: Partial<Record<SheetKey, GoogleAppsScript.Spreadsheet.Range>> = {};
  for (const key of MARKED) {
    const read = wb.readRange(key);
    grids[key] = read?.values;
    if (read) ranges[key] = read.range;
  }
  const assigned = assignIds ? assignMissingIds(wb, grids) : [];
  const analysis = analyze(
    { okrs: grids.okrs, checkins: grids.checkins, kpis: grids.kpis, settings: grids.settings },
    today(wb.timeZone),
    wb.timeZone,
  );
  analysis.findings.push(
    ...rollupFindings(wb, grids.settings, grids.okrs, analysis.settings, today(wb.timeZone)),
  );
  const sheetLang = sheetLangOf(wb.ss, analysis.settings);
  return { wb, grids, ranges, analysis, sheetLang, userLang: currentUserLang(), assigned };
}

/**
 * Rows typed by hand with a Type but no ID get the next free IDs, written into the ID column in
 * one write and into the grid read, so the rest of Validate sees them. Runs under the lock.
 */
function assignMissingIds(wb: Workbook, grids: Partial<Record<SheetKey, RawCell[][]>>): string[] {
  const grid = grids.okrs;
  const sheet = wb.find("okrs");
  if (!grid || !sheet) return [];
  const okrs = parseOkrs(grid, wb.timeZone);
  const column = okrs.table.columns.id;
  const missing = okrs.items.filter((r) => r.id === "" && r.type !== undefined);
  if (column === undefined || missing.length === 0) return [];
  const highest = highestIssued(wb, {
    okrs: okrs.items,
    kpis: grids.kpis ? parseKpis(grids.kpis, wb.timeZone).items : [],
    checkins: grids.checkins ? parseCheckins(grids.checkins, wb.timeZone).items : [],
  });
  const krs = missing.filter((r) => r.type === "kr").length;
  const prefix = grids.settings ? parseSettings(grids.settings, 0, wb.timeZone).settings.idPrefix : "";
  const fresh = nextIds([], krs, highest, prefix);
  let objective = highest.objective;
  let kr = 0;
  const updates = new Map<number, string>();
  for (const row of missing) {
    const id = row.type === "kr" ? fresh.krIds[kr++]! : `${prefix ? `${prefix}-` : ""}O-${++objective}`;
    updates.set(row.row, id);
    grid[row.row - 1]![column] = id;
  }
  updateColumn(sheet, grid, column, updates);
  const ids = [...updates.values()];
  recordIssued(wb, ids);
  return ids;
}

/** Where each column of a sheet sits in its grid (Settings is label | value | about). */
function columnsOf(key: SheetKey, grid: RawCell[][]): Record<string, number> {
  if (key === "settings") return { setting: 0, value: 1, help: 2 };
  return parseTable(key, SHEETS[key].columns, grid).columns;
}

/** The column a finding about a whole row points at: the title, or the first column. */
function fallbackColumn(key: SheetKey, columns: Record<string, number>): number {
  return columns.title ?? columns.name ?? columns.krId ?? 0;
}

function view(loaded: Loaded): FindingsView {
  const { wb, grids, analysis, sheetLang, userLang } = loaded;
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  const columnCache = new Map<SheetKey, Record<string, number>>();
  const items = analysis.findings.map((finding): FindingItem => {
    counts[finding.severity]++;
    let a1 = "";
    if (finding.row !== undefined && grids[finding.sheet]) {
      if (!columnCache.has(finding.sheet))
        columnCache.set(finding.sheet, columnsOf(finding.sheet, grids[finding.sheet]!));
      const columns = columnCache.get(finding.sheet)!;
      const column = finding.column !== undefined ? columns[finding.column] : undefined;
      a1 = `${columnLetters(column ?? fallbackColumn(finding.sheet, columns))}${finding.row}`;
    }
    const item: FindingItem = {
      code: finding.code,
      severity: finding.severity,
      message: describeFinding(finding, userLang),
      sheet: wb.nameOf(finding.sheet) ?? SHEETS[finding.sheet].name[sheetLang],
      sheetKey: finding.sheet,
      a1,
      row: finding.row ?? 0,
    };
    if (finding.code === "kpi-like" && finding.sheet === "okrs") {
      const kr = analysis.okrs.find((r) => r.row === finding.row);
      if (kr?.id) item.krId = kr.id;
    }
    return item;
  });
  return { lang: userLang, counts, items };
}

/** The sheets marked by the last run; unknown (never recorded) means none: marks and this record came together. */
function markedBefore(wb: Workbook): Set<SheetKey> {
  try {
    const parsed: unknown = JSON.parse(wb.property(MARKED_PROPERTY) ?? "[]");
    return new Set(Array.isArray(parsed) ? MARKED.filter((key) => parsed.includes(key)) : MARKED);
  } catch {
    return new Set(MARKED);
  }
}

/**
 * Replaces earlier marks with the new ones: two reads and two writes per sheet, whatever its size,
 * and only on the sheets that have findings now or had marks before.
 */
function mark(loaded: Loaded): void {
  const { wb, grids, ranges, analysis, sheetLang } = loaded;
  const before = markedBefore(wb);
  const after = new Set<SheetKey>();
  for (const key of MARKED) {
    const grid = grids[key];
    const range = ranges[key];
    if (!range || !grid || grid.length === 0) continue;
    const findings = analysis.findings.filter((f) => f.sheet === key && f.row !== undefined);
    if (findings.length === 0 && !before.has(key)) continue;
    const columns = columnsOf(key, grid);
    const marks: Mark[] = findings.map((f) => ({
      row: f.row! - 1,
      column: (f.column !== undefined ? columns[f.column] : undefined) ?? fallbackColumn(key, columns),
      severity: f.severity,
      text: describeFinding(f, sheetLang),
    }));
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
  const { loaded, result } = withDocumentLock(currentUserLang(), (progress) => {
    const loaded = load(true);
    if (loaded.assigned.length > 0) progress.wrote();
    mark(loaded);
    return { loaded, result: view(loaded) };
  });
  const { error, warning, info } = result.counts;
  const counts =
    result.items.length === 0
      ? t(result.lang, "validate.clean")
      : t(result.lang, "validate.toast", { errors: error, warnings: warning, notes: info });
  const assigned = loaded.assigned.length
    ? `${t(result.lang, "id.assigned", { ids: loaded.assigned.join(", ") })} `
    : "";
  loaded.wb.ss.toast(assigned + counts, t(result.lang, "validate.toastTitle"), 8);
  return result;
}

/** The findings, without touching the sheet (the sidebar's list when it opens). */
export function currentFindings(): FindingsView {
  return view(load());
}
