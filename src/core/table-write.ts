/**
 * Deciding what a write into a table sheet puts where, the pure part of the server's writer: the
 * row after the table's last one, each value as it should be written, the runs of columns that
 * make one write each, and the grid as the sheet reads back after the write.
 */
import { asText, isBlank, type RawCell } from "./cells";
import { dateOfDay } from "./dates";
import type { Finding } from "./findings";
import type { ColumnDef, SheetKey } from "./schema";

export type RowValues = Record<string, string | number | boolean | undefined>;
export type WrittenCell = string | number | boolean | Date;

export interface TablePlace {
  /** 1-based header row. */
  headerRow: number;
  /** 0-based column index of each schema column present. */
  columns: Record<string, number>;
}

/**
 * 1-based row after the last one holding anything outside the computed columns.
 *
 * @example
 * nextFreeRow([["ID"], ["O-1"], [""]], { headerRow: 1, columns: { id: 0 } }, []) //=> 3
 */
export function nextFreeRow(grid: RawCell[][], place: TablePlace, defs: readonly ColumnDef[]): number {
  const computed = new Set(defs.filter((d) => d.type === "computed").map((d) => place.columns[d.key]));
  for (let r = grid.length - 1; r >= place.headerRow; r--) {
    if (grid[r]!.some((value, c) => !computed.has(c) && !isBlank(value))) return r + 2;
  }
  return place.headerRow + 1;
}

/**
 * A value as it should be written in a column of that type: a day as the instant it starts in the
 * spreadsheet's time zone (what Sheets stores for a typed date, so the cell has no time of day),
 * text as text (a leading "=" does not become a formula).
 */
export function cellValue(
  def: Pick<ColumnDef, "type">,
  value: RowValues[string],
  timeZone: string,
): WrittenCell {
  if (value === undefined || value === "") return "";
  if (def.type === "date" && typeof value === "number") return dateOfDay(value, timeZone);
  if (typeof value === "number") return Number.isFinite(value) ? value : "";
  if (typeof value === "boolean") return value;
  return asText(value);
}

/**
 * The columns from A to the table's last one (at least one).
 *
 * @example
 * tableWidth({ headerRow: 1, columns: { id: 0, title: 4 } }) //=> 5
 */
export function tableWidth(place: TablePlace): number {
  return Math.max(1, ...Object.values(place.columns).map((c) => c + 1));
}

/**
 * The missing column for the first input column the rows fill that the table lacks (deleted by
 * hand, or a tab of that name that is not ours): writing them would drop that part of each row.
 *
 * @example lostColumn("checkins", { date: 0, krId: 1 }, CHECKINS.columns, [{ date: 1, krId: "KR-1", value: 2 }]).params //=> { column: "value" }
 */
export function lostColumn(
  sheet: SheetKey,
  columns: Record<string, number>,
  defs: readonly ColumnDef[],
  rows: readonly object[],
): Finding | undefined {
  const filled = (key: string) => rows.some((row) => !isBlank((row as Record<string, unknown>)[key]));
  const lost = defs.find((d) => d.type !== "computed" && columns[d.key] === undefined && filled(d.key));
  return lost && { code: "missing-column", severity: "error", sheet, params: { column: lost.key } };
}

/** The schema's input columns present in the table, by their 0-based index. */
export function inputColumns(place: TablePlace, defs: readonly ColumnDef[]): Map<number, ColumnDef> {
  const inputs = defs.filter((d) => d.type !== "computed" && place.columns[d.key] !== undefined);
  return new Map(inputs.map((d) => [place.columns[d.key]!, d]));
}

/**
 * Runs of consecutive column indexes, so each run is one write.
 *
 * @example
 * columnRuns([4, 0, 1, 2]) //=> [[0, 1, 2], [4]]
 */
export function columnRuns(indexes: number[]): number[][] {
  const sorted = [...indexes].sort((a, b) => a - b);
  const out: number[][] = [];
  for (const i of sorted) {
    const last = out[out.length - 1];
    if (last && last[last.length - 1] === i - 1) last.push(i);
    else out.push([i]);
  }
  return out;
}

/** The rows' values for one run of columns, as written. */
export function runValues(
  run: readonly number[],
  byIndex: ReadonlyMap<number, ColumnDef>,
  rows: readonly RowValues[],
  timeZone: string,
): WrittenCell[][] {
  return rows.map((row) =>
    run.map((index) => cellValue(byIndex.get(index)!, row[byIndex.get(index)!.key], timeZone)),
  );
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
  const lines = rows.map((row) => {
    const line = Array<RawCell>(width).fill("");
    for (const [index, def] of inputColumns(place, defs)) {
      const value = row[def.key];
      line[index] =
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
 * The first and last 1-based row of a set of updates. A loop, not Math.min(...rows): spreading
 * 200,000 rows (locking a large plan) overflows the stack.
 */
export function rowSpan(rows: Iterable<number>): { first: number; last: number } {
  let first = Infinity;
  let last = -Infinity;
  for (const row of rows) {
    if (row < first) first = row;
    if (row > last) last = row;
  }
  return { first, last };
}

/**
 * The values of one column over rows `first`… as they should be written back: the updates, else
 * the formula the cell holds, else what the grid read (text kept as text).
 */
export function columnWrite(
  formulas: readonly (readonly string[])[],
  first: number,
  grid: readonly RawCell[][],
  column: number,
  updates: ReadonlyMap<number, WrittenCell>,
): WrittenCell[][] {
  return formulas.map(([formula], i) => {
    const row = first + i;
    const next = updates.get(row);
    if (next !== undefined) return [typeof next === "string" ? asText(next) : next];
    if (formula) return [formula];
    const kept = grid[row - 1]?.[column] ?? "";
    return [typeof kept === "string" ? asText(kept) : (kept as number | boolean | Date)];
  });
}
