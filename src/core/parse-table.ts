/**
 * Finding a sheet's header row and its schema columns in a raw cell grid (as `getValues` returns
 * it), then the rows under it. Headers are matched in English or French, ignoring case, accents
 * and spacing; columns may be in any order, extra columns are ignored, blank rows skipped, and the
 * header row may sit a few rows down. Nothing here throws: every problem becomes a finding.
 */
import { isBlank, type RawCell } from "./cells";
import type { Finding } from "./findings";
import type { ColumnDef, SheetKey } from "./schema";
import { normalize } from "./text";

/** How far down the header row is looked for (a title or a blank line above it is fine). */
const HEADER_SEARCH_ROWS = 10;

export interface TableRow {
  /** 1-based row in the sheet. */
  row: number;
  cells: Record<string, RawCell>;
}

export interface Table {
  sheet: SheetKey;
  /** 1-based row of the headers; 0 when none was found. */
  headerRow: number;
  /** 0-based index in the grid of each schema column that was found. */
  columns: Record<string, number>;
  rows: TableRow[];
  findings: Finding[];
}

const headerIndexes = new WeakMap<readonly ColumnDef[], Map<string, string>>();

function headerIndex(columns: readonly ColumnDef[]): Map<string, string> {
  let index = headerIndexes.get(columns);
  if (!index) {
    index = new Map();
    for (const c of columns) {
      for (const name of [c.key, c.header.en, c.header.fr, ...(c.aliases ?? [])]) {
        if (!index.has(normalize(name))) index.set(normalize(name), c.key);
      }
    }
    headerIndexes.set(columns, index);
  }
  return index;
}

/** Maps a header row to column keys: the first column with a header wins when two say the same. */
function matchHeaders(line: RawCell[], columns: readonly ColumnDef[]): Record<string, number> {
  const index = headerIndex(columns);
  const found: Record<string, number> = {};
  line.forEach((cell, i) => {
    const key = index.get(normalize(cell));
    if (key !== undefined && found[key] === undefined) found[key] = i;
  });
  return found;
}

/** What Sheets shows in a cell whose formula fails (getValues returns the text). */
const SHEETS_ERROR = /^#(REF!|ERROR!|N\/A|VALUE!|NAME\?|DIV\/0!|NUM!|NULL!)$/;

/**
 * A computed column (Score, Status) whose header cell shows an error instead of its name: its
 * array formula lives in that header cell, and Sheets shows #REF! there when something typed below
 * stops the array from expanding ("Array result was not expanded because it would overwrite data").
 * The column is still ours: it is recorded in `found`, and the finding points at the first cell
 * typed below the header, which is what blocks it; with none, the formula itself fails
 * (computed-failed, on the header). The only formulas in our header rows are ours,
 * so the error cells are taken, in order, as the computed columns not found by name.
 *
 * @example header [..., "#REF!", "Status"], "0.9" typed in Q5 → computed-blocked on Q5, column score
 */
function blockedComputedColumns(
  sheet: SheetKey,
  columns: readonly ColumnDef[],
  grid: RawCell[][],
  headerRow: number,
  found: Record<string, number>,
): Finding[] {
  const missing = columns.filter((c) => c.type === "computed" && found[c.key] === undefined);
  if (missing.length === 0 || headerRow === 0) return [];
  const header = grid[headerRow - 1] ?? [];
  const taken = new Set(Object.values(found));
  const errors = header
    .map((cell, index) => ({ cell, index }))
    .filter(({ cell, index }) => !taken.has(index) && typeof cell === "string" && SHEETS_ERROR.test(cell));
  const findings: Finding[] = [];
  missing.forEach((column, i) => {
    const index = errors[i]?.index;
    if (index === undefined) return;
    found[column.key] = index;
    let row = headerRow;
    for (let r = headerRow; r < grid.length; r++) {
      if (!isBlank(grid[r]?.[index])) {
        row = r + 1;
        break;
      }
    }
    // Nothing typed below: the formula fails on an argument (a Settings value or a deleted row).
    findings.push({
      code: row === headerRow ? "computed-failed" : "computed-blocked",
      severity: "error",
      sheet,
      row,
      column: column.key,
      params: { column: column.key },
    });
  });
  return findings;
}

/**
 * Reads a sheet's grid against its schema columns.
 *
 * @example
 * parseTable("checkins", CHECKINS.columns, [["Date", "KR ID", "Valeur"], ["2026-10-05", "KR-1", "1,5"]]).rows[0].cells.value //=> "1,5"
 */
export function parseTable(sheet: SheetKey, columns: readonly ColumnDef[], grid: RawCell[][]): Table {
  let headerRow = 0;
  let found: Record<string, number> = {};
  const limit = Math.min(grid.length, HEADER_SEARCH_ROWS);
  for (let r = 0; r < limit; r++) {
    const candidate = matchHeaders(grid[r] ?? [], columns);
    if (Object.keys(candidate).length > Object.keys(found).length) {
      found = candidate;
      headerRow = r + 1;
    }
  }
  const findings: Finding[] = [];
  if (Object.keys(found).length < Math.min(2, columns.length)) {
    return { sheet, headerRow: 0, columns: {}, rows: [], findings };
  }
  findings.push(...blockedComputedColumns(sheet, columns, grid, headerRow, found));
  for (const column of columns) {
    if (column.required === undefined || found[column.key] !== undefined) continue;
    findings.push({
      code: "missing-column",
      severity: "error",
      sheet,
      row: headerRow,
      params: { column: column.key },
    });
  }
  const keys = Object.keys(found);
  const indexes = keys.map((k) => found[k] as number);
  const dataIndexes = keys
    .filter((k) => columns.find((c) => c.key === k)?.type !== "computed")
    .map((k) => found[k] as number);
  // Every row's cells share one shape, cloned from this template: objects built key by key from
  // 20 computed names fall into dictionary mode, which made reading them the slowest part of parsing.
  const template: Record<string, RawCell> = Object.fromEntries(keys.map((key) => [key, undefined]));
  const rows: TableRow[] = [];
  for (let r = headerRow; r < grid.length; r++) {
    const line = grid[r] ?? [];
    if (dataIndexes.every((i) => isBlank(line[i]))) continue;
    const cells = { ...template };
    for (let k = 0; k < keys.length; k++) cells[keys[k]!] = line[indexes[k]!];
    rows.push({ row: r + 1, cells });
  }
  return { sheet, headerRow, columns: found, rows, findings };
}
