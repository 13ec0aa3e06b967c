/**
 * Shaping a sheet: growing it to fit a grid, and giving a generated sheet the widths, frozen rows
 * and chart that core/sheet-shape.ts describes.
 */
import type { ChartSpec, SheetShape } from "../core/sheet-shape";

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Range = GoogleAppsScript.Spreadsheet.Range;

/** The grid of a sheet just inserted: Sheets gives every new sheet 1,000 rows and 26 columns. */
export const NEW_SHEET = { rows: 1000, columns: 26 } as const;

/**
 * Sizes a sheet just inserted to `rows` rows, in one call whether it grows or shrinks (its size is
 * known: nothing to read), so the calls do not depend on the content's height; columns are only
 * added when the content is wider than the new sheet.
 */
export function sizeNewSheet(sheet: Sheet, rows: number, columns: number): void {
  if (rows > NEW_SHEET.rows) sheet.insertRowsAfter(NEW_SHEET.rows, rows - NEW_SHEET.rows);
  else if (rows < NEW_SHEET.rows) sheet.deleteRows(rows + 1, NEW_SHEET.rows - rows);
  if (columns > NEW_SHEET.columns) sheet.insertColumnsAfter(NEW_SHEET.columns, columns - NEW_SHEET.columns);
}

/**
 * Grows the sheet to at least `rows` rows and `columns` columns; a size not asked for is not read.
 * Answers whether columns were added.
 */
export function growTo(sheet: Sheet, { rows, columns }: { rows?: number; columns?: number }): boolean {
  const maxRows = rows === undefined ? 0 : sheet.getMaxRows();
  const maxColumns = columns === undefined ? 0 : sheet.getMaxColumns();
  const addColumns = columns === undefined ? 0 : columns - maxColumns;
  if (addColumns > 0) sheet.insertColumnsAfter(maxColumns, addColumns);
  if (rows !== undefined && maxRows < rows) sheet.insertRowsAfter(maxRows, rows - maxRows);
  return addColumns > 0;
}

/**
 * The sheet's grid, `rows` × `columns` from A1, and whether the sheet had to grow. Sheets refuses
 * a range outside the sheet ("The coordinates of the range are outside the dimensions of the
 * sheet"), so the sheet's size is read, and the sheet grown, only then: a sheet already large
 * enough (ours, sized by the last run, or new, 1,000 × 26) costs no call for it.
 */
export function gridOf(sheet: Sheet, rows: number, columns: number): { range: Range; grown: boolean } {
  try {
    return { range: sheet.getRange(1, 1, rows, columns), grown: false };
  } catch {
    const grown = growTo(sheet, { rows, columns });
    return { range: sheet.getRange(1, 1, rows, columns), grown };
  }
}

/** Gives a generated sheet its widths (one call per entry), frozen rows and chart. */
export function shapeSheet(sheet: Sheet, { widths, frozenRows, chart }: SheetShape): void {
  for (const { column, width, count } of widths) {
    if (count === undefined) sheet.setColumnWidth(column, width);
    else sheet.setColumnWidths(column, count, width);
  }
  if (frozenRows !== undefined) sheet.setFrozenRows(frozenRows);
  if (chart) insertChart(sheet, chart);
}

function insertChart(sheet: Sheet, spec: ChartSpec): void {
  const { data, anchor } = spec;
  let builder = sheet
    .newChart()
    .setChartType(Charts.ChartType[spec.type])
    .addRange(sheet.getRange(data.row, data.column, data.rows, data.columns))
    .setPosition(anchor.row, anchor.column, 0, 0)
    .setOption("title", spec.title);
  for (const [name, value] of Object.entries(spec.options)) builder = builder.setOption(name, value);
  sheet.insertChart(builder.build());
}
