/**
 * Score and Status each hold one array formula, in their header cell (see core/template.ts). A user
 * who types over that cell ("Score" over the formula that shows "Score") leaves a header that reads
 * right while nothing computes the column any more. The values alone tell: where the formula would
 * answer a row (a key result with a current value has a score; a row with an ID in a quarter has a
 * status), a column empty on every row under a header that names it has lost its formula. No
 * formula is read: Validate keeps its one read of values per sheet.
 */
import { isBlank, type RawCell } from "./cells";
import type { Finding } from "./findings";
import type { OkrRow } from "./parse";
import type { Table } from "./parse-table";
import { canonicalQuarter } from "./quarters";
import { krScoreValue } from "./scoring";
import { COMPUTED, type ComputedColumn } from "./template";

/** Whether OKRSCORE answers a number on this row: a key result whose current value scores. */
function scores(item: OkrRow): boolean {
  if (item.type !== "kr" || item.id === "") return false;
  const { baseline, target, current } = item;
  if (baseline === undefined || target === undefined || current === undefined) return false;
  return Number.isFinite(krScoreValue(baseline, target, current, item.metric));
}

/**
 * Whether OKRSTATUSES answers a status on this row, given what its Score cell shows: a row with an
 * ID in a quarter, whose score is a number from 0 to 1, or that has neither score nor current value.
 */
function hasStatus(item: OkrRow, cells: Record<string, RawCell>): boolean {
  if (item.id === "" || canonicalQuarter(item.quarter) === undefined) return false;
  const score = cells.score;
  if (typeof score === "number") return score >= 0 && score <= 1;
  return isBlank(score) && isBlank(cells.current);
}

const EXPECTED: Record<ComputedColumn, (item: OkrRow, cells: Record<string, RawCell>) => boolean> = {
  score: scores,
  status: hasStatus,
};

/**
 * The computed columns whose header names them but whose formula is gone, each a finding on its
 * header cell.
 *
 * @example header "Score" typed over the formula, KR-1 with a current value, Score empty below
 * //=> [{ code: "computed-replaced", row: 1, column: "score", … }]
 */
export function replacedFormulas(table: Table, items: readonly OkrRow[]): Finding[] {
  if (table.headerRow === 0 || items.length !== table.rows.length) return [];
  const findings: Finding[] = [];
  for (const key of COMPUTED) {
    if (table.columns[key] === undefined) continue;
    // A header that shows an error is a formula that is there and fails (computed-failed/-blocked).
    if (table.findings.some((f) => f.column === key && f.code.startsWith("computed-"))) continue;
    const rows = table.rows;
    const empty = rows.every((row) => isBlank(row.cells[key]));
    if (!empty || !items.some((item, i) => EXPECTED[key](item, rows[i]!.cells))) continue;
    findings.push({
      code: "computed-replaced",
      severity: "error",
      sheet: table.sheet,
      row: table.headerRow,
      column: key,
      params: { column: key },
    });
  }
  return findings;
}
