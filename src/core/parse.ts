/**
 * The template's sheets read into typed rows that remember their sheet row: the OKRs, the
 * Check-ins log and the KPIs. The header and columns are found by src/core/parse-table.ts, each
 * cell read by src/core/cell-reader.ts; nothing here throws: every problem becomes a finding.
 */
import type { RawCell } from "./cells";
import { CellReader, columnDef } from "./cell-reader";
import type { Day } from "./dates";
import type { Finding } from "./findings";
import { parseTable, type Table } from "./parse-table";
import { canonicalQuarter } from "./quarters";
import { replacedFormulas } from "./replaced-formulas";
import {
  CHECKINS,
  KINDS,
  KPIS,
  LEVELS,
  METRIC_CHOICES,
  OKRS,
  ROW_TYPES,
  type ColumnDef,
  type Kind,
  type Level,
  type RowType,
  type SheetKey,
} from "./schema";
import type { Metric } from "./scoring";

/** One row of the OKRs sheet: an objective or a key result. */
export interface OkrRow {
  row: number;
  /** The canonical quarter ("2026-Q4") when readable, else the text as typed. */
  quarter: string;
  id: string;
  type: RowType | undefined;
  level: Level | undefined;
  team: string;
  parent: string;
  title: string;
  owner: string;
  kind: Kind | undefined;
  metric: Metric | undefined;
  unit: string;
  baseline: number | undefined;
  target: number | undefined;
  current: number | undefined;
  weight: number | undefined;
  confidence: number | undefined;
  lastCheckIn: Day | undefined;
  created: Day | undefined;
  notes: string;
}

export interface Parsed<T> {
  table: Table;
  items: T[];
  findings: Finding[];
}

/**
 * A table sheet's rows, each read by `rowOf` through a reader that adds the problems it meets to
 * the findings (the number columns' definitions are looked up once, by the caller, not per row).
 */
function parseSheet<T>(
  sheet: SheetKey,
  columns: readonly ColumnDef[],
  grid: RawCell[][],
  timeZone: string,
  rowOf: (read: CellReader, row: number) => T,
): Parsed<T> {
  const table = parseTable(sheet, columns, grid);
  const findings = [...table.findings];
  const items = table.rows.map((row) => rowOf(new CellReader(sheet, row, timeZone, findings), row.row));
  return { table, items, findings };
}

export function parseOkrs(grid: RawCell[][], timeZone: string): Parsed<OkrRow> {
  const col = (key: string) => columnDef(OKRS.columns, key);
  const [baseline, target, current] = [col("baseline"), col("target"), col("current")];
  const [weight, confidence] = [col("weight"), col("confidence")];
  const parsed = parseSheet("okrs", OKRS.columns, grid, timeZone, (read, row): OkrRow => {
    const quarterText = read.text("quarter");
    return {
      row,
      quarter: canonicalQuarter(quarterText) ?? quarterText,
      id: read.text("id"),
      type: read.choice<RowType>("type", ROW_TYPES),
      level: read.choice<Level>("level", LEVELS),
      team: read.text("team"),
      parent: read.text("parent"),
      title: read.text("title"),
      owner: read.text("owner"),
      kind: read.choice<Kind>("kind", KINDS),
      metric: read.choice<Metric>("metric", METRIC_CHOICES),
      unit: read.text("unit"),
      baseline: read.number(baseline),
      target: read.number(target),
      current: read.number(current),
      weight: read.number(weight),
      confidence: read.number(confidence),
      lastCheckIn: read.day("lastCheckIn"),
      created: read.day("created"),
      notes: read.text("notes"),
    };
  });
  parsed.findings.push(...replacedFormulas(parsed.table, parsed.items));
  return parsed;
}

/** One row of the Check-ins log. */
export interface CheckinRow {
  row: number;
  date: Day | undefined;
  krId: string;
  value: number | undefined;
  confidence: number | undefined;
  comment: string;
  author: string;
}

export function parseCheckins(grid: RawCell[][], timeZone: string): Parsed<CheckinRow> {
  const col = (key: string) => columnDef(CHECKINS.columns, key);
  const [value, confidence] = [col("value"), col("confidence")];
  return parseSheet("checkins", CHECKINS.columns, grid, timeZone, (read, row): CheckinRow => ({
    row,
    date: read.day("date"),
    krId: read.text("krId"),
    value: read.number(value),
    confidence: read.number(confidence),
    comment: read.text("comment"),
    author: read.text("author"),
  }));
}

/** One row of the KPIs sheet. */
export interface KpiRow {
  row: number;
  team: string;
  name: string;
  owner: string;
  unit: string;
  target: number | undefined;
  current: number | undefined;
  origin: string;
  notes: string;
}

export function parseKpis(grid: RawCell[][], timeZone: string): Parsed<KpiRow> {
  const col = (key: string) => columnDef(KPIS.columns, key);
  const [target, current] = [col("target"), col("current")];
  return parseSheet("kpis", KPIS.columns, grid, timeZone, (read, row): KpiRow => ({
    row,
    team: read.text("team"),
    name: read.text("name"),
    owner: read.text("owner"),
    unit: read.text("unit"),
    target: read.number(target),
    current: read.number(current),
    origin: read.text("origin"),
    notes: read.text("notes"),
  }));
}
