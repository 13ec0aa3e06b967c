/**
 * The company roll-up across team spreadsheets. Each team's OKRs and Check-ins arrive through
 * IMPORTRANGE on a hidden import sheet of the company spreadsheet (so the add-on keeps its
 * `spreadsheets.currentonly` scope); the roll-up formulas read those sheets as ranges.
 *
 * An import sheet describes itself, so that a formula needs nothing else to know whose it is:
 * row 1 holds the team's name, its spreadsheet URL and the day a roll-up first saw it connected;
 * row 2 holds the IMPORTRANGE of the team's OKRs (from column A) and of its Check-ins (from column
 * IMPORT_LAYOUT.checkinsColumn). A cell that shows "#REF!" there is a connection problem, never a
 * zero: the team is listed with what to do, and nothing it holds is counted.
 */
import { isBlank, parseNumber, type RawCell } from "./cells";
import { type Day, parseDay } from "./dates";
import { type PaceThresholds, paceStatus, type Status } from "./pace";
import { type CheckinRow, parseCheckins, parseOkrs, parseTable, type OkrRow, type Table } from "./parse";
import { matchChoice } from "./choices";
import { canonicalQuarter, type QuarterDates } from "./quarters";
import { CHECKINS, type ColumnDef, LEVELS, OKRS, ROW_TYPES } from "./schema";
import { band, type Band } from "./scoring";
import { defaultIdPrefix, prefixOf, qualifiedId } from "./identity";
import { cellText, normalize } from "./text";

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

// ---------------------------------------------------------------------------------- team imports

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

// ---------------------------------------------------------------------------------------- roll-up

export interface RollupInput {
  /** The company spreadsheet's OKRs grid (header row included). */
  companyOkrs: RawCell[][];
  /** The company spreadsheet's ID prefix (Settings), "" for none. */
  companyPrefix: string;
  quarter: string;
  dates: QuarterDates;
  asOf: Day;
  thresholds: PaceThresholds;
  teams: TeamImport[];
  timeZone: string;
}

export interface CompanyObjective {
  id: string;
  title: string;
  /** Teams with at least one objective of the quarter under it. */
  teams: string[];
  /** Mean of the team objectives' scores; undefined when none has a score. */
  score: number | undefined;
  band: Band | undefined;
  status: Status | undefined;
  /** Team objectives under it without a score: left out of the mean, and said. */
  unscored: number;
  lastCheckIn: Day | undefined;
}

/** A cross-team problem Validate reports: which team, which row, what. */
export interface RollupProblem {
  code: "rollup-unknown-parent" | "rollup-team-parent" | "rollup-unserved" | "rollup-too-many";
  team: string;
  id: string;
  params: Record<string, string | number>;
}

export interface Rollup {
  objectives: CompanyObjective[];
  /** Per team: objectives of the quarter, and how many of them serve a company objective. */
  teams: { team: TeamImport; objectives: number; aligned: number }[];
  problems: RollupProblem[];
}

const isObjective = (r: OkrRow) => r.type === "objective";

/**
 * Scores each company objective of the quarter from the team objectives whose Parent names it,
 * and lists cross-team problems. Teams that are not connected contribute nothing and are listed.
 */
export function rollUp(input: RollupInput, maxObjectives: number): Rollup {
  const quarter = canonicalQuarter(input.quarter) ?? input.quarter;
  const company = parseOkrs(input.companyOkrs, input.timeZone).items.filter(
    (r) => isObjective(r) && r.quarter === quarter && r.level === "company",
  );
  const byId = new Map<
    string,
    { row: OkrRow; scores: (number | undefined)[]; teams: Set<string>; last?: Day }
  >();
  for (const row of company) {
    byId.set(qualifiedId(row.id, input.companyPrefix), { row, scores: [], teams: new Set() });
  }
  const teamIds = new Map<string, string>();
  for (const team of input.teams) {
    for (const row of team.okrs)
      if (isObjective(row)) teamIds.set(qualifiedId(row.id, prefixOfTeam(team)), team.name);
  }
  const problems: RollupProblem[] = [];
  const teams: Rollup["teams"] = [];
  let companyWide = 0;
  for (const team of input.teams) {
    const prefix = prefixOfTeam(team);
    const mine = team.okrs.filter((r) => r.quarter === quarter);
    const objectives = mine.filter((r) => isObjective(r) && r.level !== "company");
    const krsOf = new Map<string, OkrRow[]>();
    for (const kr of mine) {
      if (kr.type !== "kr") continue;
      const key = kr.parent.trim().toUpperCase();
      krsOf.set(key, [...(krsOf.get(key) ?? []), kr]);
    }
    let aligned = 0;
    for (const objective of objectives) {
      companyWide++;
      const parent = objective.parent.trim();
      if (parent === "") continue;
      const target = byId.get(parent.toUpperCase()) ?? byId.get(qualifiedId(parent, input.companyPrefix));
      if (!target) {
        const other = teamIds.get(qualifiedId(parent, prefix));
        problems.push({
          code: other && other !== team.name ? "rollup-team-parent" : "rollup-unknown-parent",
          team: team.name,
          id: objective.id,
          params: { id: objective.id, team: team.name, parent, other: other ?? "" },
        });
        continue;
      }
      aligned++;
      target.teams.add(team.name);
      target.scores.push(team.scores.get(objective.row));
      for (const kr of krsOf.get(objective.id.trim().toUpperCase()) ?? []) {
        const days = [kr.lastCheckIn, team.lastCheckIns.get(kr.id.trim().toUpperCase())];
        for (const day of days)
          if (day !== undefined && (target.last === undefined || day > target.last)) target.last = day;
      }
    }
    teams.push({ team, objectives: objectives.length, aligned });
  }
  const objectives = company.map((row): CompanyObjective => {
    const entry = byId.get(qualifiedId(row.id, input.companyPrefix))!;
    const known = entry.scores.filter((s): s is number => s !== undefined);
    const score = known.length ? known.reduce((a, b) => a + b, 0) / known.length : undefined;
    if (entry.teams.size === 0)
      problems.push({
        code: "rollup-unserved",
        team: "",
        id: row.id,
        params: { id: row.id, title: row.title },
      });
    return {
      id: qualifiedId(row.id, input.companyPrefix),
      title: row.title,
      teams: [...entry.teams],
      score,
      band: score === undefined ? undefined : band(score),
      status:
        entry.teams.size === 0
          ? undefined
          : paceStatus(
              score,
              { start: input.dates.start, end: input.dates.end, today: input.asOf },
              input.thresholds,
            ),
      unscored: entry.scores.length - known.length,
      lastCheckIn: entry.last,
    };
  });
  const limit =
    maxObjectives * Math.max(1, teams.filter((t) => t.team.connection.state === "connected").length);
  if (companyWide > limit)
    problems.push({ code: "rollup-too-many", team: "", id: "", params: { count: companyWide, max: limit } });
  return { objectives, teams, problems };
}

/**
 * The company's rows of a quarter with every connected team's rows beside them, for the company's
 * quarterly review: team IDs qualified (SALES-KR-3) so that none collides, a team objective's
 * Parent pointing at the company's own row, team rows numbered after the company's (row numbers
 * key the scores; they are not cells of this spreadsheet). Teams not connected bring nothing.
 */
export function companyWithTeams(
  company: { okrs: readonly OkrRow[]; checkins: readonly CheckinRow[] },
  companyPrefix: string,
  teams: readonly TeamImport[],
): { okrs: OkrRow[]; checkins: CheckinRow[] } {
  const ownIds = new Map(company.okrs.map((r) => [qualifiedId(r.id, companyPrefix), r.id] as const));
  const okrs = [...company.okrs];
  const checkins = [...company.checkins];
  let next = Math.max(0, ...company.okrs.map((r) => r.row)) + 1;
  for (const team of teams) {
    if (team.connection.state !== "connected") continue;
    const prefix = prefixOfTeam(team);
    for (const row of team.okrs) {
      const parent =
        row.type === "objective"
          ? (ownIds.get(row.parent.trim().toUpperCase()) ??
            ownIds.get(qualifiedId(row.parent, companyPrefix)) ??
            "")
          : qualifiedId(row.parent, prefix);
      okrs.push({
        ...row,
        row: next++,
        id: qualifiedId(row.id, prefix),
        parent,
        team: row.team || team.name,
      });
    }
    for (const c of team.checkins) checkins.push({ ...c, row: next++, krId: qualifiedId(c.krId, prefix) });
  }
  return { okrs, checkins };
}

/**
 * A team's ID prefix, as the company sees it: the prefix its IDs carry (SALES-O-3 → SALES), else
 * one made from its name in the Teams table ("Sales" → SALES).
 */
function prefixOfTeam(team: TeamImport): string {
  for (const row of team.okrs) {
    const prefix = prefixOf(row.id);
    if (prefix !== "") return prefix;
  }
  return defaultIdPrefix(team.name);
}

// ------------------------------------------------------------------------------ the roll-up sheet

/** Where the Company roll-up sheet keeps things (1-based columns). */
export const ROLLUP_LAYOUT = {
  /** OKRROLLUP: one row per company objective, header first. */
  objectivesColumn: 1,
  objectivesWidth: 8,
  /** OKRTEAMS: one row per team, header first. */
  teamsColumn: 10,
  teamsWidth: 4,
  /** One IMPORTRANGE of a single cell per team, row by row with OKRTEAMS: its Allow access. */
  connectColumn: 14,
} as const;

/** The headers of the Teams table in Settings, found by them like the quarters table. */
export const TEAMS_TABLE_HEADERS = {
  team: { en: "Team", fr: "Équipe" },
  url: { en: "Spreadsheet URL", fr: "URL du classeur" },
} as const;

export interface TeamEntry {
  /** 1-based Settings row. */
  row: number;
  name: string;
  url: string;
}

/**
 * The Teams table of Settings: the row whose first two cells are its headers (either language),
 * then one team per row until the first row with neither a name nor a URL.
 *
 * @example
 * teamsTable([["Team", "Spreadsheet URL"], ["Sales", "https://docs.google.com/spreadsheets/d/abc/edit"]])
 * //=> { headerRow: 1, teams: [{ row: 2, name: "Sales", url: "https://docs.google.com/spreadsheets/d/abc/edit" }] }
 */
export function teamsTable(grid: readonly (readonly RawCell[])[]): {
  headerRow: number | undefined;
  teams: TeamEntry[];
} {
  const names = [TEAMS_TABLE_HEADERS.team.en, TEAMS_TABLE_HEADERS.team.fr].map(normalize);
  const urls = [TEAMS_TABLE_HEADERS.url.en, TEAMS_TABLE_HEADERS.url.fr].map(normalize);
  const at = grid.findIndex(
    (line) => names.includes(normalize(line[0])) && urls.includes(normalize(line[1])),
  );
  if (at < 0) return { headerRow: undefined, teams: [] };
  const teams: TeamEntry[] = [];
  for (let i = at + 1; i < grid.length; i++) {
    const name = cellText(grid[i]![0]).trim();
    const url = cellText(grid[i]![1]).trim();
    if (name === "" && url === "") break;
    teams.push({ row: i + 1, name, url });
  }
  return { headerRow: at + 1, teams };
}

/**
 * Whether a URL has the shape of a Google Sheets spreadsheet's: checked for shape only, since the
 * add-on cannot fetch it (its scope reaches the current spreadsheet only).
 *
 * @example
 * isSpreadsheetUrl("https://docs.google.com/spreadsheets/d/1AbC_def-123456789/edit#gid=0") //=> true
 * isSpreadsheetUrl("https://example.com/d/x") //=> false
 */
export function isSpreadsheetUrl(url: string): boolean {
  return /^https:\/\/docs\.google\.com\/spreadsheets\/(u\/\d+\/)?d\/[A-Za-z0-9_-]{10,}(\/[^\s]*)?$/.test(
    url.trim(),
  );
}
