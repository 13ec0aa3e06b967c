/**
 * Writing rows into a table sheet in one batch: after the last row that holds anything, only into
 * our input columns (never over the Score and Status formulas, never into a user's own columns),
 * user text as text (formula injection), days as dates.
 */
import { asText, isBlank, type RawCell } from "../core/cells";
import { dateOfDay } from "../core/dates";
import type { ColumnDef } from "../core/schema";

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
export type RowValues = Record<string, string | number | boolean | undefined>;

export interface TablePlace {
  /** 1-based header row. */
  headerRow: number;
  /** 0-based column index of each schema column present. */
  columns: Record<string, number>;
}

/** 1-based row after the last one holding anything outside the computed columns. */
export function nextFreeRow(grid: RawCell[][], place: TablePlace, defs: readonly ColumnDef[]): number {
  const computed = new Set(defs.filter((d) => d.type === "computed").map((d) => place.columns[d.key]));
  for (let r = grid.length - 1; r >= place.headerRow; r--) {
    if (grid[r]!.some((value, c) => !computed.has(c) && !isBlank(value))) return r + 2;
  }
  return place.headerRow + 1;
}

/**
 * A value as it should be written in a column of that type: a day as the instant it starts in the
 * spreadsheet's time zone (what Sheets stores for a typed date, so the cell has no time of day).
 */
export function cellValue(
  def: ColumnDef,
  value: RowValues[string],
  timeZone: string,
): string | number | boolean | Date {
  if (value === undefined || value === "") return "";
  if (def.type === "date" && typeof value === "number") return dateOfDay(value, timeZone);
  if (typeof value === "number") return Number.isFinite(value) ? value : "";
  if (typeof value === "boolean") return value;
  return asText(value);
}

/** Runs of consecutive column indexes, so each run is one setValues. */
function runs(indexes: number[]): number[][] {
  const sorted = [...indexes].sort((a, b) => a - b);
  const out: number[][] = [];
  for (const i of sorted) {
    const last = out[out.length - 1];
    if (last && last[last.length - 1] === i - 1) last.push(i);
    else out.push([i]);
  }
  return out;
}

/**
 * Writes rows starting at a 1-based row (the row after the table's last one, or the first row
 * under the header); days as dates in the spreadsheet's `timeZone`.
 *
 * Below a table's last row, the rows are inserted first, after that row, inside the ranges set-up
 * formatted; inserted rows take the look of the row before them
 * (https://developers.google.com/sheets/api/reference/rest/v4/spreadsheets/request#insertdimensionrequest).
 * The blank rows below stay spare and the sheet never fills up, so an append costs the same one
 * call at any size (no size to read, nothing to grow). Under a bare header, whose look new rows
 * must not take, the sheet's blank rows are used, after reading its size (one call; grown in the
 * rare case it is too short).
 * Service calls: one insertRowsAfter or one getMaxRows, one setValues per run of columns.
 */
export function writeRows(
  sheet: Sheet,
  at: number,
  place: TablePlace,
  defs: readonly ColumnDef[],
  rows: RowValues[],
  timeZone: string,
): void {
  if (rows.length === 0) return;
  if (at - 1 > place.headerRow) sheet.insertRowsAfter(at - 1, rows.length);
  else {
    const maxRows = sheet.getMaxRows();
    const lastNeeded = at + rows.length - 1;
    if (lastNeeded > maxRows) sheet.insertRowsAfter(maxRows, lastNeeded - maxRows);
  }
  const inputs = defs.filter((d) => d.type !== "computed" && place.columns[d.key] !== undefined);
  const byIndex = new Map(inputs.map((d) => [place.columns[d.key]!, d]));
  for (const run of runs([...byIndex.keys()])) {
    const values = rows.map((row) =>
      run.map((index) => cellValue(byIndex.get(index)!, row[byIndex.get(index)!.key], timeZone)),
    );
    sheet.getRange(at, run[0]! + 1, rows.length, run.length).setValues(values);
  }
}

/**
 * A grid with rows written at a 1-based row as the sheet reads them back (text as typed, days as
 * dates), so the caller can answer from it without reading the sheet again. The grid is not
 * changed: the answer is a copy, as long as needed.
 */
export function withRows(
  grid: RawCell[][],
  at: number,
  place: TablePlace,
  defs: readonly ColumnDef[],
  rows: RowValues[],
  timeZone: string,
): RawCell[][] {
  const width = Math.max(grid[0]?.length ?? 0, ...Object.values(place.columns).map((c) => c + 1));
  const out = grid.map((line) => [...line, ...Array<RawCell>(Math.max(0, width - line.length)).fill("")]);
  while (out.length < at - 1) out.push(Array<RawCell>(width).fill(""));
  const inputs = defs.filter((d) => d.type !== "computed" && place.columns[d.key] !== undefined);
  const lines = rows.map((row) => {
    const line = Array<RawCell>(width).fill("");
    for (const def of inputs) {
      const value = row[def.key];
      line[place.columns[def.key]!] =
        def.type === "date" && typeof value === "number"
          ? dateOfDay(value, timeZone)
          : value === undefined || (typeof value === "number" && !Number.isFinite(value))
            ? ""
            : value;
    }
    return line;
  });
  out.splice(at - 1, 0, ...lines);
  return out;
}

/**
 * Sets some cells of one column in a single write over the span of rows concerned. Cells in
 * between keep what they hold: formulas are written back as formulas, text as text.
 * Service calls: one getFormulas and one setValues, whatever the number of rows.
 */
export function updateColumn(
  sheet: Sheet,
  grid: RawCell[][],
  column: number,
  updates: ReadonlyMap<number, string | number | boolean | Date>,
): void {
  if (updates.size === 0) return;
  // A loop, not Math.min(...rows): spreading 200,000 rows (locking a large plan) overflows the stack.
  let first = Infinity;
  let last = -Infinity;
  for (const row of updates.keys()) {
    if (row < first) first = row;
    if (row > last) last = row;
  }
  const range = sheet.getRange(first, column + 1, last - first + 1, 1);
  const formulas = range.getFormulas();
  const values = formulas.map(([formula], i) => {
    const row = first + i;
    const next = updates.get(row);
    if (next !== undefined) return [typeof next === "string" ? asText(next) : next];
    if (formula) return [formula];
    const kept = grid[row - 1]?.[column] ?? "";
    return [typeof kept === "string" ? asText(kept) : (kept as number | boolean | Date)];
  });
  range.setValues(values);
}
