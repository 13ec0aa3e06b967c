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
import { isSpreadsheetUrl, type TeamEntry, teamsTable } from "./rollup-teams";
import { CHECKINS, OKRS, type SheetDef } from "./schema";
import { columnLetters, quoteSheet } from "./template";
import { cellText } from "./text";

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

/** The import sheet of a team: "Import · Sales", cut to the 100 characters a sheet name may have. */
export function importSheetName(lang: Lang, team: string): string {
  return t(lang, "rollup.importSheet", { team }).slice(0, 100);
}

/**
 * A sheet's first `width` columns, every row from the first: "'OKRs'!A1:U". An open-ended range
 * reaches the sheet's last row: "Sheet1!A5:A refers to all the cells of the first column of
 * Sheet 1, from row 5 onward" (https://developers.google.com/workspace/sheets/api/guides/concepts).
 */
const columnsA1 = (sheetName: string, width: number) =>
  `${quoteSheet(sheetName)}!A1:${columnLetters(width - 1)}`;

/** An import sheet's columns, every row: what the roll-up formulas and Validate read. */
export const importColumnsA1 = (sheetName: string): string => columnsA1(sheetName, IMPORT_LAYOUT.width);

/** An import sheet's label and formula rows: what a roll-up writes. */
export const importHeadA1 = (sheetName: string): string =>
  importColumnsA1(sheetName) + IMPORT_LAYOUT.importRow;

/**
 * What Validate and the company's review read of the teams rolled up: each team's import sheet
 * columns, in the Teams table's order (`settings`: the Settings grid). A team without a name or a
 * spreadsheet URL is left out; the language its sheets are named in is asked only when a team is in.
 */
export function importsToRead(settings: RawCell[][], sheetLang: () => Lang): string[] {
  const teams = teamsTable(settings).teams.filter((team) => team.name !== "" && isSpreadsheetUrl(team.url));
  if (teams.length === 0) return [];
  const lang = sheetLang();
  return teams.map((team) => importColumnsA1(importSheetName(lang, team.name)));
}

/**
 * The teams a roll-up had (OKRTEAMS' names on the roll-up sheet as it stands, `shown`) that the
 * Teams table of `settings` no longer lists: their import sheets are to go, since they would keep
 * bringing those teams' data into the company spreadsheet. A name still in the table, even on a
 * row left out for its URL, keeps its sheet; names compare in any case. Nothing shown, nothing.
 *
 * @example
 * teamsRemoved([["…", "…", "Team"], […, "Sales"], […, "Ops"]], [["Team", "Spreadsheet URL"], ["Sales", url]])
 * //=> ["Ops"]
 */
export function teamsRemoved(
  shown: readonly (readonly RawCell[])[],
  settings: readonly (readonly RawCell[])[],
): string[] {
  const listed = new Set(teamsTable(settings).teams.map((team) => team.name.toLowerCase()));
  const removed = new Map<string, string>();
  for (const line of shown.slice(1)) {
    const team = cellText(line[ROLLUP_LAYOUT.teamsColumn - 1]).trim();
    const key = team.toLowerCase();
    if (team !== "" && !listed.has(key) && !removed.has(key)) removed.set(key, team);
  }
  return [...removed.values()];
}

/**
 * Whether a sheet's first two rows (the values and formulas of A1:B2) are those Roll up teams
 * writes in the import sheet of `team` (importSheetRows): its name in A1, a spreadsheet's URL in
 * B1, an IMPORTRANGE of B1 in A2. Only such a sheet is ours to delete.
 */
export function isImportSheetOf(
  team: string,
  values: readonly (readonly RawCell[])[],
  formulas: readonly (readonly string[])[],
): boolean {
  const name = cellText(values[0]?.[0]).trim();
  const url = cellText(values[0]?.[1]).trim();
  const formula = String(formulas[1]?.[0] ?? "").replace(/\s+/g, "");
  return (
    name.toLowerCase() === team.trim().toLowerCase() &&
    isSpreadsheetUrl(url) &&
    /^=(IFERROR\()?IMPORTRANGE\(B1,/i.test(formula)
  );
}

/** The Connect cell of the team in row `index` of OKRTEAMS (header first, on row 1). */
export function connectCell(index: number): string {
  return `${columnLetters(ROLLUP_LAYOUT.connectColumn - 1)}${index + 2}`;
}

const blankRow = (width: number): RawCell[] => Array.from({ length: width }, () => "");

/**
 * The IMPORTRANGE of a team's sheet, whatever the language of its spreadsheet: the tab under the
 * company's name for it first, else under the other language's ("OKRs" or "OKR"). IFERROR gives
 * the second only when the first fails (https://support.google.com/docs/answer/3093304), so a
 * team not connected yet still shows #REF!; its Allow access is on the roll-up's Connect cell.
 *
 * @example
 * importFormula("en", OKRS) //=> =IFERROR(IMPORTRANGE(B1,"'OKRs'!A1:U"),IMPORTRANGE(B1,"'OKR'!A1:U"))
 */
export function importFormula(lang: Lang, sheet: SheetDef): string {
  const other: Lang = lang === "en" ? "fr" : "en";
  const importOf = (name: string) => `IMPORTRANGE(B1,"${columnsA1(name, sheet.columns.length)}")`;
  if (sheet.name[lang] === sheet.name[other]) return `=${importOf(sheet.name[lang])}`;
  return `=IFERROR(${importOf(sheet.name[lang])},${importOf(sheet.name[other])})`;
}

/**
 * An import sheet's two rows: the team's name, URL and the day it was first seen connected, then
 * the IMPORTRANGE of its OKRs and of its Check-ins, found in either language (importFormula).
 */
export function importSheetRows(
  lang: Lang,
  team: TeamEntry,
  connectedSince: Day | undefined,
  timeZone: string,
): RawCell[][] {
  const label = [
    asText(team.name),
    asText(team.url),
    connectedSince === undefined ? "" : dateOfDay(connectedSince, timeZone),
  ];
  const formulas = blankRow(IMPORT_LAYOUT.width);
  formulas[IMPORT_LAYOUT.okrsColumn - 1] = importFormula(lang, OKRS);
  formulas[IMPORT_LAYOUT.checkinsColumn - 1] = importFormula(lang, CHECKINS);
  return [[...label, ...blankRow(IMPORT_LAYOUT.width - label.length)], formulas];
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
 * connects it). A Connect cell imports A1 of the team's first sheet: with no sheet name, the range
 * is the first sheet's (https://support.google.com/docs/answer/3093340), whatever the language of
 * the team's tabs, and a bare IMPORTRANGE is the one that offers Allow access. `height` rows at
 * least, so that rows of teams no longer listed are cleared.
 */
export function rollupSheetRows(lang: Lang, sources: RollupSources, height: number): RawCell[][] {
  const width = ROLLUP_LAYOUT.connectColumn;
  const rows = Array.from({ length: Math.max(sources.imports.length + 1, height) }, () => blankRow(width));
  const ranges = sources.imports.map(importColumnsA1).join(", ");
  const args = `${columnsA1(sources.okrs, OKRS.columns.length)}, ${quoteSheet(sources.settings)}!A1:C, ${ranges}`;
  rows[0]![ROLLUP_LAYOUT.objectivesColumn - 1] = `=OKRROLLUP(${args})`;
  rows[0]![ROLLUP_LAYOUT.teamsColumn - 1] = `=OKRTEAMS(${args})`;
  rows[0]![ROLLUP_LAYOUT.connectColumn - 1] = t(lang, "rollup.col.connect");
  sources.imports.forEach((name, i) => {
    rows[i + 1]![ROLLUP_LAYOUT.connectColumn - 1] = `=IMPORTRANGE(${quoteSheet(name)}!B1,"A1")`;
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
