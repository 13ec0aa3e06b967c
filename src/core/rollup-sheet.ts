/**
 * What OKR › Roll up teams writes, and where: each team's hidden import sheet (its label row and
 * two IMPORTRANGE formulas) and the Company roll-up sheet (OKRROLLUP, OKRTEAMS and one Connect
 * cell per team). Pure: src/server/rollup.ts reads the sheets, calls these and writes the result.
 *
 * The add-on never opens another spreadsheet (its scope is `spreadsheets.currentonly`): Sheets
 * moves each team's data through IMPORTRANGE once a person has clicked Allow access on a cell that
 * imports from it (https://support.google.com/docs/answer/3093340).
 */
import { asText, type RawCell } from "./cells";
import { type Day, dateOfDay, isoOf, parseDay } from "./dates";
import { type Lang, t } from "./i18n";
import { IMPORT_LAYOUT } from "./rollup-import";
import { type TeamEntry, teamsTable } from "./rollup-teams";
import { CHECKINS, OKRS } from "./schema";
import { columnLetters, quoteSheet } from "./template";

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

/**
 * The number formats of OKRROLLUP's columns, set once on a new roll-up sheet (scores as 0.00 and
 * days as dates, as on the OKRs sheet): 1-based columns.
 */
export const ROLLUP_FORMATS = [
  { column: ROLLUP_LAYOUT.objectivesColumn + 3, format: "0.00" },
  { column: ROLLUP_LAYOUT.objectivesColumn + 6, format: "yyyy-mm-dd" },
] as const;

/** 1-based column → letters ("A", "Z", "AA"). */
export const columnLetter = (column: number): string => columnLetters(column - 1);

/** The import sheet of a team: "Import · Sales", cut to the 100 characters a sheet name may have. */
export function importSheetName(lang: Lang, team: string): string {
  return t(lang, "rollup.importSheet", { team }).slice(0, 100);
}

/** An import sheet's label and formula rows, as A1 notation. */
export function importHeadA1(sheetName: string): string {
  return `${quoteSheet(sheetName)}!A1:${columnLetter(IMPORT_LAYOUT.width)}${IMPORT_LAYOUT.importRow}`;
}

/** An import sheet's columns, every row: what the roll-up formulas and Validate read. */
export function importColumnsA1(sheetName: string): string {
  return `${quoteSheet(sheetName)}!A:${columnLetter(IMPORT_LAYOUT.width)}`;
}

/** A sheet's schema columns from A1, open-ended: "'OKRs'!A1:U". */
const schemaRange = (sheetName: string, width: number) =>
  `${quoteSheet(sheetName)}!A1:${columnLetter(width)}`;

const blankRow = (width: number): RawCell[] => Array.from({ length: width }, () => "");

/**
 * An import sheet's two rows: the team's name, URL and the day it was first seen connected, then
 * the IMPORTRANGE of its OKRs and of its Check-ins. The team's sheets are named in its language,
 * assumed the company's.
 */
export function importSheetRows(
  lang: Lang,
  team: TeamEntry,
  connectedSince: Day | undefined,
  timeZone: string,
): RawCell[][] {
  const label = blankRow(IMPORT_LAYOUT.width);
  label[0] = asText(team.name);
  label[1] = asText(team.url);
  label[2] = connectedSince === undefined ? "" : dateOfDay(connectedSince, timeZone);
  const formulas = blankRow(IMPORT_LAYOUT.width);
  formulas[IMPORT_LAYOUT.okrsColumn - 1] =
    `=IMPORTRANGE(B1,"${schemaRange(OKRS.name[lang], OKRS.columns.length)}")`;
  formulas[IMPORT_LAYOUT.checkinsColumn - 1] =
    `=IMPORTRANGE(B1,"${schemaRange(CHECKINS.name[lang], CHECKINS.columns.length)}")`;
  return [label, formulas];
}

/** The sheets the roll-up formulas read, by name. */
export interface RollupSources {
  okrs: string;
  settings: string;
  imports: string[];
}

/**
 * The roll-up sheet's cells from A1: OKRROLLUP and OKRTEAMS over the company's OKRs, Settings and
 * the import sheets, and the Connect column (a one-cell IMPORTRANGE per team, whose Allow access
 * connects it). `height` rows at least, so that rows of teams no longer listed are cleared.
 */
export function rollupSheetRows(lang: Lang, sources: RollupSources, height: number): RawCell[][] {
  const width = ROLLUP_LAYOUT.connectColumn;
  const rows = Array.from({ length: Math.max(sources.imports.length + 1, height, 1) }, () => blankRow(width));
  const ranges = sources.imports.map((name) => schemaRange(name, IMPORT_LAYOUT.width)).join(", ");
  const args = `${schemaRange(sources.okrs, OKRS.columns.length)}, ${quoteSheet(sources.settings)}!A1:C, ${ranges}`;
  rows[0]![ROLLUP_LAYOUT.objectivesColumn - 1] = `=OKRROLLUP(${args})`;
  rows[0]![ROLLUP_LAYOUT.teamsColumn - 1] = `=OKRTEAMS(${args})`;
  rows[0]![ROLLUP_LAYOUT.connectColumn - 1] = t(lang, "rollup.col.connect");
  sources.imports.forEach((name, i) => {
    rows[i + 1]![ROLLUP_LAYOUT.connectColumn - 1] =
      `=IMPORTRANGE(${quoteSheet(name)}!B1,"${quoteSheet(OKRS.name[lang])}!A1")`;
  });
  return rows;
}

/**
 * The day each team (by URL) was first seen connected: those remembered (`stored`, as
 * storedConnections wrote it), plus those the roll-up sheet shows connected now (`shown`, its
 * values before this run), first seen `today`. The roll-up names teams, the memory keys URLs: the
 * Teams table maps one to the other.
 */
export function connectedSince(
  stored: string | null | undefined,
  settingsGrid: readonly (readonly RawCell[])[],
  shown: readonly (readonly RawCell[])[],
  lang: Lang,
  today: Day,
): Map<string, Day> {
  const known = new Map<string, Day>();
  try {
    const days = JSON.parse(stored ?? "{}") as Record<string, unknown>;
    for (const [url, iso] of Object.entries(days)) {
      const day = parseDay(iso, "UTC");
      if (day !== undefined) known.set(url, day);
    }
  } catch {
    // A damaged memory only forgets the days: teams are then as if never connected.
  }
  const ok = [t(lang, "rollup.state.connected"), t(lang, "rollup.state.empty")];
  const column = ROLLUP_LAYOUT.teamsColumn - 1;
  const connected = new Set<string>();
  for (const line of shown.slice(1)) {
    const team = String(line[column] ?? "");
    const state = String(line[column + 1] ?? "");
    if (team !== "" && ok.includes(state)) connected.add(team.toLowerCase());
  }
  for (const entry of teamsTable(settingsGrid).teams) {
    if (connected.has(entry.name.toLowerCase()) && !known.has(entry.url)) known.set(entry.url, today);
  }
  return known;
}

/** The days of connectedSince as remembered: `{url: "yyyy-mm-dd"}`. */
export function storedConnections(days: ReadonlyMap<string, Day>): string {
  return JSON.stringify(Object.fromEntries([...days].map(([url, day]) => [url, isoOf(day)])));
}
