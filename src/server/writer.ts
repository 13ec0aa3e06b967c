/**
 * Writing rows into a table sheet in one batch: after the last row that holds anything, only into
 * our input columns (never over the Score and Status formulas, never into a user's own columns),
 * user text as text (formula injection), days as dates. What goes where is decided in
 * core/table-write.ts; this module makes the calls. Also a laid-out sheet painted in four calls.
 */
import type { RawCell } from "../core/cells";
import type { Lang } from "../core/i18n";
import { type ColumnDef, OKRS } from "../core/schema";
import type { Paint } from "../core/sheet-paint";
import {
  columnRuns,
  columnWrite,
  inputColumns,
  lostColumn,
  nextFreeRow,
  rowSpan,
  runValues,
  type RowValues,
  type TablePlace,
  type WrittenCell,
} from "../core/table-write";
import { refusedBy } from "../core/user-error";

export { cellValue, nextFreeRow, type RowValues, type TablePlace, withRows } from "../core/table-write";

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

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
  const byIndex = inputColumns(place, defs);
  for (const run of columnRuns([...byIndex.keys()])) {
    const values = runValues(run, byIndex, rows, timeZone);
    sheet.getRange(at, run[0]! + 1, rows.length, run.length).setValues(values);
  }
}

/**
 * Appends rows to the OKRs table after its last row (writeRows), or refuses before any write when the
 * table lost a column they fill (core/table-write.ts lostColumn). Answers the first row written.
 */
export function appendOkrRows(
  sheet: Sheet,
  grid: RawCell[][],
  place: TablePlace,
  rows: RowValues[],
  to: { userLang: Lang; timeZone: string },
): number {
  const lost = lostColumn("okrs", place.columns, OKRS.columns, rows);
  if (lost) throw refusedBy(to.userLang, lost);
  const at = nextFreeRow(grid, place, OKRS.columns);
  writeRows(sheet, at, place, OKRS.columns, rows, to.timeZone);
  return at;
}

/**
 * Sets some cells of one column in a single write over the span of rows concerned. Cells in
 * between keep what they hold: formulas are written back as formulas, text as text. The grid
 * read follows, so what is drawn from it afterwards is the sheet as it now stands.
 * Service calls: one getFormulas and one setValues, whatever the number of rows.
 */
export function updateColumn(
  sheet: Sheet,
  grid: RawCell[][],
  column: number,
  updates: ReadonlyMap<number, WrittenCell>,
): void {
  if (updates.size === 0) return;
  const { first, last } = rowSpan(updates.keys());
  const range = sheet.getRange(first, column + 1, last - first + 1, 1);
  range.setValues(columnWrite(range.getFormulas(), first, grid, column, updates));
  for (const [row, value] of updates) {
    const line = grid[row - 1];
    if (line) line[column] = value;
  }
}

/** Writes a laid-out sheet's grids on its range (core/sheet-paint.ts). Service calls: four. */
export function paint(range: GoogleAppsScript.Spreadsheet.Range, grids: Paint<unknown>): void {
  range.setNumberFormats(grids.numberFormats);
  range.setValues(grids.values);
  // null clears a background: https://developers.google.com/apps-script/reference/spreadsheet/range#setbackgroundscolor
  range.setBackgrounds(grids.backgrounds as string[][]);
  range.setFontWeights(grids.fontWeights);
}
