/**
 * OKR › Validate's pure part: the findings as the sidebar lists them, the marks they leave on each
 * sheet, the IDs given to rows typed without one, and the toast's words.
 */
import type { Analysis, WorkbookGrids } from "./analyze";
import type { RawCell } from "./cells";
import { describeFinding } from "./describe";
import type { Finding, Severity } from "./findings";
import { highestIds, type HighestIds, idsHeld } from "./draft";
import { type Lang, t } from "./i18n";
import type { Mark } from "./marks";
import { type OkrRow, parseCheckins, parseKpis, parseOkrs } from "./parse";
import { parseTable } from "./parse-table";
import { SHEETS, type SheetKey } from "./schema";
import { parseSettings } from "./settings";
import { columnLetters } from "./template";

/** One finding as the sidebar shows it. Plain data: it crosses google.script.run. */
export interface FindingItem {
  code: Finding["code"];
  severity: Severity;
  message: string;
  /** The tab's name, to show. */
  sheet: string;
  /**
   * Which of our sheets, and its tab's ID when it has one: selectCell finds the tab by that ID, so
   * a tab renamed since the list was drawn still works (by the key when the tab is gone).
   */
  sheetKey: SheetKey;
  sheetId?: number;
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

/** The sheets Validate reads and marks. */
export const MARKED: SheetKey[] = ["okrs", "checkins", "kpis", "settings"];

export type SheetGrids = Partial<Record<SheetKey, RawCell[][]>>;

/** Where each column of a sheet sits in its grid (Settings is label | value | about). */
function columnsOf(key: SheetKey, grid: RawCell[][]): Record<string, number> {
  if (key === "settings") return { setting: 0, value: 1, help: 2 };
  return parseTable(key, SHEETS[key].columns, grid).columns;
}

/** The 0-based column a finding points at: its own, else the title (or the first) for a whole row. */
function findingColumn(finding: Finding, columns: Record<string, number>): number {
  const own = finding.column !== undefined ? columns[finding.column] : undefined;
  return own ?? columns.title ?? columns.name ?? columns.krId ?? 0;
}

/**
 * The sidebar's list. `tabOf` gives a sheet's tab, its name and ID (asked once per sheet with
 * findings); a sheet without a tab is named in the spreadsheet's language.
 */
export function findingsView(
  analysis: Pick<Analysis, "findings" | "okrs">,
  grids: SheetGrids,
  lang: { user: Lang; sheet: Lang },
  tabOf: (key: SheetKey) => { name: string; id: number } | undefined,
): FindingsView {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  const columnCache = new Map<SheetKey, Record<string, number>>();
  const tabs = new Map<SheetKey, { name: string; id: number } | undefined>();
  const tab = (key: SheetKey) => {
    if (!tabs.has(key)) tabs.set(key, tabOf(key));
    return tabs.get(key);
  };
  const items = analysis.findings.map((finding): FindingItem => {
    counts[finding.severity]++;
    let a1 = "";
    const grid = grids[finding.sheet];
    if (finding.row !== undefined && grid) {
      if (!columnCache.has(finding.sheet)) columnCache.set(finding.sheet, columnsOf(finding.sheet, grid));
      a1 = `${columnLetters(findingColumn(finding, columnCache.get(finding.sheet)!))}${finding.row}`;
    }
    const item: FindingItem = {
      code: finding.code,
      severity: finding.severity,
      message: describeFinding(finding, lang.user),
      sheet: tab(finding.sheet)?.name ?? SHEETS[finding.sheet].name[lang.sheet],
      sheetKey: finding.sheet,
      a1,
      row: finding.row ?? 0,
    };
    const id = tab(finding.sheet)?.id;
    if (id !== undefined) item.sheetId = id;
    if (finding.code === "kpi-like" && finding.sheet === "okrs") {
      const kr = analysis.okrs.find((r) => r.row === finding.row);
      if (kr?.id) item.krId = kr.id;
    }
    return item;
  });
  return { lang: lang.user, counts, items };
}

/** The marks of one sheet's findings (0-based rows), their notes in the spreadsheet's language. */
export function marksOf(
  key: SheetKey,
  grid: RawCell[][],
  findings: readonly Finding[],
  sheetLang: Lang,
): Mark[] {
  const mine = findings.filter((f) => f.sheet === key && f.row !== undefined);
  if (mine.length === 0) return [];
  const columns = columnsOf(key, grid);
  return mine.map((f) => ({
    row: f.row! - 1,
    column: findingColumn(f, columns),
    severity: f.severity,
    text: describeFinding(f, sheetLang),
  }));
}

/**
 * The sheets marked by the last run, from the recorded JSON list; never recorded means none (marks
 * and this record came together), unreadable means all.
 *
 * @example
 * markedSheets('["kpis","okrs","nope"]') //=> new Set(["okrs", "kpis"])
 */
export function markedSheets(recorded: string | undefined): Set<SheetKey> {
  try {
    const parsed: unknown = JSON.parse(recorded ?? "[]");
    return new Set(Array.isArray(parsed) ? MARKED.filter((key) => parsed.includes(key)) : MARKED);
  } catch {
    return new Set(MARKED);
  }
}

/**
 * The next free IDs for rows typed with a Type but no ID, by 1-based row, in sheet order.
 *
 * @example
 * missingIds([{ row: 4, id: "", type: "objective" }, { row: 5, id: "", type: "kr" }], { objective: 2, kr: 7 }, "")
 * //=> new Map([[4, "O-3"], [5, "KR-8"]])
 */
export function missingIds(
  okrs: readonly Pick<OkrRow, "row" | "id" | "type">[],
  highest: HighestIds,
  idPrefix: string,
): Map<number, string> {
  const p = idPrefix ? `${idPrefix}-` : "";
  let { objective, kr } = highest;
  const ids = new Map<number, string>();
  for (const row of okrs) {
    if (row.id !== "" || row.type === undefined) continue;
    ids.set(row.row, row.type === "kr" ? `${p}KR-${++kr}` : `${p}O-${++objective}`);
  }
  return ids;
}

/**
 * Rows typed by hand with a Type but no ID: the OKRs sheet's ID column and the IDs those rows get,
 * by 1-based row, above every ID the sheets hold and the high-water mark. Undefined when no row
 * lacks one (the other sheets are parsed, and the mark asked for, only when one does).
 */
export function idAssignment(
  grids: WorkbookGrids,
  timeZone: string,
  highWater: () => HighestIds,
): { column: number; ids: Map<number, string> } | undefined {
  const okrs = grids.okrs && parseOkrs(grids.okrs, timeZone);
  const column = okrs?.table.columns.id;
  if (!okrs || column === undefined || !okrs.items.some((r) => r.id === "" && r.type !== undefined)) return;
  const held = idsHeld({
    okrs: okrs.items,
    kpis: grids.kpis && parseKpis(grids.kpis, timeZone).items,
    checkins: grids.checkins && parseCheckins(grids.checkins, timeZone).items,
  });
  const { idPrefix } = parseSettings(grids.settings ?? [], 0, timeZone).settings;
  return { column, ids: missingIds(okrs.items, highestIds(held, highWater()), idPrefix) };
}

/** The toast after Validate: the IDs given, then the counts. */
export function validateToast(view: FindingsView, assigned: readonly string[]): string {
  const { error, warning, info } = view.counts;
  const counts =
    view.items.length === 0
      ? t(view.lang, "validate.clean")
      : t(view.lang, "validate.toast", { errors: error, warnings: warning, notes: info });
  return assigned.length ? `${t(view.lang, "id.assigned", { ids: assigned.join(", ") })} ${counts}` : counts;
}
