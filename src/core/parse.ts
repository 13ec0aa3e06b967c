/**
 * Parsing raw cell grids (as `getValues` returns them) into typed rows that remember their sheet
 * row. Headers are matched in English or French, ignoring case, accents and spacing; columns may be
 * in any order, extra columns are ignored, blank rows skipped, and the header row may sit a few rows
 * down. Nothing here throws: every problem becomes a finding.
 */
import { isBlank, MAX_MAGNITUDE, type NumberResult, parseNumber, type RawCell } from "./cells";
import { matchChoice } from "./choices";
import { type Day, parseDay } from "./dates";
import type { Finding } from "./findings";
import { canonicalQuarter } from "./quarters";
import {
  type ColumnDef,
  CHECKINS,
  KINDS,
  KPIS,
  LEVELS,
  LISTS,
  METRIC_CHOICES,
  OKRS,
  ROW_TYPES,
  type Kind,
  type Level,
  type RowType,
  type SheetKey,
} from "./schema";
import type { Metric } from "./scoring";
import { cellText, normalize } from "./text";

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

/** Reads typed values out of a row, reporting each cell that cannot be read. */
class CellReader {
  constructor(
    private readonly sheet: SheetKey,
    private readonly row: TableRow,
    private readonly timeZone: string,
    private readonly findings: Finding[],
  ) {}

  private at(column: string) {
    return { sheet: this.sheet, row: this.row.row, column };
  }

  text(column: string): string {
    return cellText(this.row.cells[column]);
  }

  number(column: ColumnDef): number | undefined {
    const raw = this.row.cells[column.key];
    const read = parseNumber(raw);
    // Beyond ±1e15 digits are lost: reported as out of range, like an overflow.
    const parsed: NumberResult =
      read.ok && Math.abs(read.value) > MAX_MAGNITUDE ? { ok: false, reason: "too-large" } : read;
    if (parsed.ok) {
      const { min, max } = column;
      if ((min !== undefined && parsed.value < min) || (max !== undefined && parsed.value > max)) {
        this.findings.push({
          code: "out-of-range",
          severity: "error",
          ...this.at(column.key),
          params: { column: column.key, value: String(raw), min: String(min ?? ""), max: String(max ?? "") },
        });
        return undefined;
      }
      return parsed.value;
    }
    if (parsed.reason === "too-large") {
      // Quoted as typed: a number cell holding 1e309 would otherwise read "Infinity".
      this.findings.push({
        code: "number-too-large",
        severity: "error",
        ...this.at(column.key),
        params: { column: column.key, value: shorten(typeof raw === "number" ? asTyped(raw) : raw) },
      });
    } else if (parsed.reason === "not-a-number") {
      this.findings.push({
        code: "not-a-number",
        severity: "error",
        ...this.at(column.key),
        params: { column: column.key, value: shorten(raw) },
      });
    }
    return undefined;
  }

  day(column: string): Day | undefined {
    const raw = this.row.cells[column];
    if (isBlank(raw)) return undefined;
    const day = parseDay(raw, this.timeZone);
    if (day === undefined) {
      this.findings.push({
        code: "not-a-date",
        severity: "warning",
        ...this.at(column),
        params: { column, value: shorten(raw) },
      });
    }
    return day;
  }

  choice<K extends string>(column: string, list: (typeof LISTS)[keyof typeof LISTS]): K | undefined {
    const raw = this.row.cells[column];
    if (isBlank(raw)) return undefined;
    const key = matchChoice(list, raw);
    if (key === undefined) {
      this.findings.push({
        code: "not-in-list",
        severity: "error",
        ...this.at(column),
        params: { column, value: shorten(raw) },
      });
    }
    return key as K | undefined;
  }
}

/** A number as a user would type it: 1e+21 → "1e21", infinities as "1e309" (what overflows to them). */
function asTyped(value: number): string {
  if (!Number.isFinite(value)) return value > 0 ? "1e309" : "-1e309";
  return String(value).replace("e+", "e");
}

/** A value as the user would recognise it in a message, cut short (a cell may hold 50,000 characters). */
export function shorten(value: unknown, max = 60): string {
  const text = typeof value === "string" ? value : String(value);
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** A column's definition: looked up once per sheet, not once per row and column. */
function columnDef(columns: readonly ColumnDef[], key: string): ColumnDef {
  return columns.find((c) => c.key === key) as ColumnDef;
}

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
