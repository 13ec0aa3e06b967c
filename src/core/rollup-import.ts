/**
 * A team's hidden import sheet in the company spreadsheet, read as a custom function receives it.
 * The team's OKRs and Check-ins arrive there through IMPORTRANGE (so the add-on keeps its
 * `spreadsheets.currentonly` scope).
 *
 * An import sheet describes itself, so that a formula needs nothing else to know whose it is:
 * row 1 holds the team's name, its spreadsheet URL and the day a roll-up first saw it connected;
 * row 2 holds the IMPORTRANGE of the team's OKRs (from column A) and of its Check-ins (from column
 * IMPORT_LAYOUT.checkinsColumn). A cell that shows "#REF!" there is a connection problem, never a
 * zero: the team is listed with what to do, and nothing it holds is counted.
 */
import { isBlank, parseNumber, type RawCell } from "./cells";
import { matchChoice } from "./choices";
import { type Day, parseDay } from "./dates";
import { type CheckinRow, parseCheckins, parseOkrs, type OkrRow } from "./parse";
import { parseTable, type Table } from "./parse-table";
import { canonicalQuarter } from "./quarters";
import { CHECKINS, type ColumnDef, LEVELS, OKRS, ROW_TYPES } from "./schema";
import { cellText } from "./text";

/** Where an import sheet keeps things (1-based). */
export const IMPORT_LAYOUT = {
  /** Row 1: name, URL, connected since. */
  labelRow: 1,
  /** Row 2: the IMPORTRANGE formulas. */
  importRow: 2,
  okrsColumn: 1,
  /** One blank column after the OKRs' schema columns. */
  checkinsColumn: OKRS.columns.length + 2,
  /** Columns an import sheet needs. */
  width: OKRS.columns.length + 1 + CHECKINS.columns.length,
} as const;

/** The columns a team's OKRs must have for the roll-up to read them: older templates lack some. */
const NEEDED_OKR_COLUMNS = [
  "quarter",
  "id",
  "type",
  "level",
  "parent",
  "title",
  "score",
  "lastCheckIn",
] as const;

export type Connection =
  | { state: "connected" }
  | { state: "not-connected" }
  | { state: "unreachable"; since: Day }
  | { state: "loading" }
  | { state: "error"; code: string }
  | { state: "old-template"; missing: string[] }
  | { state: "empty" };

export interface TeamImport {
  name: string;
  url: string;
  /** The day a roll-up first saw this team connected (row 1, column C). */
  connectedSince: Day | undefined;
  connection: Connection;
  okrs: OkrRow[];
  /** The Score cell of each OKRs row, by row number in the team's sheet. */
  scores: Map<number, number | undefined>;
  /** The latest check-in of each key result, by upper-case ID. */
  lastCheckIns: Map<string, Day>;
  /** The team's Check-ins log, as imported. */
  checkins: CheckinRow[];
}

const isError = (v: RawCell) => typeof v === "string" && /^#[A-Z0-9/!?]+[!?A]?$/.test(v.trim());

function block(grid: readonly RawCell[][], from: number, column: number, width: number): RawCell[][] {
  const out: RawCell[][] = [];
  for (let r = from - 1; r < grid.length; r++) {
    const line = grid[r] ?? [];
    out.push(Array.from({ length: width }, (_, c) => line[column - 1 + c] ?? ""));
  }
  // Trailing blank rows (an open-ended range) are no rows.
  while (out.length > 0 && out[out.length - 1]!.every(isBlank)) out.pop();
  return out;
}

function missingColumns(
  found: Record<string, number>,
  needed: readonly string[],
  defs: readonly ColumnDef[],
) {
  return needed
    .filter((key) => found[key] === undefined)
    .map((key) => defs.find((d) => d.key === key)!.header.en);
}

/**
 * The OKRs rows as the roll-up needs them: quarter, ID, type, level, team, parent, title and last
 * check-in; other fields are left empty. A formula over 50 teams reads thousands of rows per call.
 */
function rollupRows(grid: RawCell[][], table: Table, timeZone: string): OkrRow[] {
  const at = table.columns;
  const text = (line: readonly RawCell[], key: string) =>
    at[key] === undefined ? "" : cellText(line[at[key]!]).trim();
  const rows: OkrRow[] = [];
  for (let r = table.headerRow; r < grid.length; r++) {
    const line = grid[r]!;
    const id = text(line, "id");
    if (id === "") continue;
    const quarter = text(line, "quarter");
    rows.push({
      row: r + 1,
      quarter: canonicalQuarter(quarter) ?? quarter,
      id,
      type: matchChoice(ROW_TYPES, line[at.type!]),
      level: at.level === undefined ? undefined : matchChoice(LEVELS, line[at.level]),
      team: text(line, "team"),
      parent: text(line, "parent"),
      title: text(line, "title"),
      owner: "",
      kind: undefined,
      metric: undefined,
      unit: "",
      baseline: undefined,
      target: undefined,
      current: undefined,
      weight: undefined,
      confidence: undefined,
      lastCheckIn: parseDay(line[at.lastCheckIn!], timeZone),
      created: undefined,
      notes: "",
    });
  }
  return rows;
}

/**
 * Reads one import sheet's cells (as a custom function receives the range, row 1 first).
 * Undefined for a sheet with no team name (not an import sheet).
 */
export function readTeamImport(
  grid: readonly RawCell[][],
  timeZone: string,
  /** Every column (the review needs them); else only what the roll-up reads, which is faster. */
  full = false,
): TeamImport | undefined {
  const label = grid[IMPORT_LAYOUT.labelRow - 1] ?? [];
  const name = cellText(label[0]).trim();
  if (name === "") return undefined;
  const team: TeamImport = {
    name,
    url: cellText(label[1]).trim(),
    connectedSince: parseDay(label[2], timeZone),
    connection: { state: "connected" },
    okrs: [],
    scores: new Map(),
    lastCheckIns: new Map(),
    checkins: [],
  };
  const first = grid[IMPORT_LAYOUT.importRow - 1]?.[IMPORT_LAYOUT.okrsColumn - 1];
  if (typeof first === "string" && /^loading/i.test(first.trim())) {
    team.connection = { state: "loading" };
    return team;
  }
  if (first === "#REF!") {
    team.connection =
      team.connectedSince === undefined
        ? { state: "not-connected" }
        : { state: "unreachable", since: team.connectedSince };
    return team;
  }
  if (isError(first ?? "")) {
    team.connection = { state: "error", code: cellText(first) };
    return team;
  }
  const okrGrid = block(grid, IMPORT_LAYOUT.importRow, IMPORT_LAYOUT.okrsColumn, OKRS.columns.length);
  if (okrGrid.length === 0) {
    team.connection = { state: "empty" };
    return team;
  }
  // The header first: an older template is said, not read.
  const table = parseTable("okrs", OKRS.columns, okrGrid.slice(0, 10));
  const missing = missingColumns(table.columns, NEEDED_OKR_COLUMNS, OKRS.columns);
  if (table.headerRow === 0 || missing.length > 0) {
    team.connection = { state: "old-template", missing };
    return team;
  }
  team.okrs = full ? parseOkrs(okrGrid, timeZone).items : rollupRows(okrGrid, table, timeZone);
  const scoreAt = table.columns["score"]!;
  for (const row of team.okrs) {
    const raw = okrGrid[row.row - 1]?.[scoreAt];
    const score = isBlank(raw) || isError(raw) ? undefined : parseNumber(raw);
    team.scores.set(row.row, score && score.ok ? score.value : undefined);
  }
  const checkinGrid = block(
    grid,
    IMPORT_LAYOUT.importRow,
    IMPORT_LAYOUT.checkinsColumn,
    CHECKINS.columns.length,
  );
  if (checkinGrid.length > 0 && !isError(checkinGrid[0]![0] ?? "")) {
    team.checkins = parseCheckins(checkinGrid, timeZone).items;
    for (const c of team.checkins) {
      if (c.date === undefined || c.krId === "") continue;
      const key = c.krId.trim().toUpperCase();
      const known = team.lastCheckIns.get(key);
      if (known === undefined || c.date > known) team.lastCheckIns.set(key, c.date);
    }
  }
  return team;
}
