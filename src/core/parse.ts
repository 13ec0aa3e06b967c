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
import {
  CHECKINS,
  KINDS,
  KPIS,
  LEVELS,
  METRIC_CHOICES,
  OKRS,
  ROW_TYPES,
  type Kind,
  type Level,
  type RowType,
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

export function parseOkrs(grid: RawCell[][], timeZone: string): Parsed<OkrRow> {
  const table = parseTable("okrs", OKRS.columns, grid);
  const findings = [...table.findings];
  const col = (key: string) => columnDef(OKRS.columns, key);
  const [baseline, target, current] = [col("baseline"), col("target"), col("current")];
  const [weight, confidence] = [col("weight"), col("confidence")];
  const items = table.rows.map((row): OkrRow => {
    const read = new CellReader("okrs", row, timeZone, findings);
    const quarterText = read.text("quarter");
    return {
      row: row.row,
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
  return { table, items, findings };
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
  const table = parseTable("checkins", CHECKINS.columns, grid);
  const findings = [...table.findings];
  const col = (key: string) => columnDef(CHECKINS.columns, key);
  const [value, confidence] = [col("value"), col("confidence")];
  const items = table.rows.map((row): CheckinRow => {
    const read = new CellReader("checkins", row, timeZone, findings);
    return {
      row: row.row,
      date: read.day("date"),
      krId: read.text("krId"),
      value: read.number(value),
      confidence: read.number(confidence),
      comment: read.text("comment"),
      author: read.text("author"),
    };
  });
  return { table, items, findings };
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
  const table = parseTable("kpis", KPIS.columns, grid);
  const findings = [...table.findings];
  const col = (key: string) => columnDef(KPIS.columns, key);
  const [target, current] = [col("target"), col("current")];
  const items = table.rows.map((row): KpiRow => {
    const read = new CellReader("kpis", row, timeZone, findings);
    return {
      row: row.row,
      team: read.text("team"),
      name: read.text("name"),
      owner: read.text("owner"),
      unit: read.text("unit"),
      target: read.number(target),
      current: read.number(current),
      origin: read.text("origin"),
      notes: read.text("notes"),
    };
  });
  return { table, items, findings };
}
