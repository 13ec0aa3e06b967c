/**
 * OKR › Roll up teams, and the custom formulas of the Company roll-up sheet.
 *
 * The add-on never opens another spreadsheet (its scope is `spreadsheets.currentonly`): each team's
 * OKRs and Check-ins come in through IMPORTRANGE, which a person connects once with Allow access
 * (https://support.google.com/docs/answer/3093340). The command only writes formulas; Sheets
 * moves the data and keeps it live, and OKRROLLUP / OKRTEAMS compute from it on every change.
 */
import type { RawCell } from "../core/cells";
import { dateOfDay, isoOf, parseDay, type Day } from "../core/dates";
import type { FormulaArg } from "../core/grid";
import { type Lang, type MessageKey, sheetLanguage, t, tKey } from "../core/i18n";
import {
  companyWithTeams,
  IMPORT_LAYOUT,
  isSpreadsheetUrl,
  readTeamImport,
  ROLLUP_LAYOUT,
  rollUp,
  type Rollup,
  type TeamImport,
  TEAMS_TABLE_HEADERS,
  teamsTable,
} from "../core/rollup";
import type { Finding } from "../core/findings";
import { qualifiedId } from "../core/identity";
import { type CheckinRow, type OkrRow, parseOkrs } from "../core/parse";
import { type QuarterScores, scoreQuarter } from "../core/quarter-scores";
import { CHECKINS, OKRS } from "../core/schema";
import { parseSettings, quarterDatesOf, type Settings } from "../core/settings";
import { asText } from "../core/cells";
import { UserError, userError } from "./errors";
import { today } from "./clock";
import { userLang } from "./locale";
import { withDocumentLock } from "./lock";
import { readAll, Workbook } from "./workbook";

type Out = string | number | Date;

// ------------------------------------------------------------------------------------ formulas

/** What a roll-up formula knows: the spreadsheet's time zone and locale (read-only getters). */
function spreadsheetFacts(): { timeZone: string; locale: string | undefined } {
  try {
    const ss = SpreadsheetApp.getActiveSpreadsheet();
    return { timeZone: ss.getSpreadsheetTimeZone(), locale: ss.getSpreadsheetLocale() };
  } catch {
    return { timeZone: "UTC", locale: undefined };
  }
}

const grid = (value: FormulaArg): RawCell[][] => (Array.isArray(value) ? value : [[value]]);

interface Computed {
  lang: Lang;
  rollup: Rollup;
  timeZone: string;
}

/** Reads the arguments and rolls up; a bad argument is a localized Error, shown on #ERROR!. */
function compute(companyOkrs: FormulaArg, settingsGrid: FormulaArg, imports: FormulaArg[]): Computed {
  const { timeZone, locale } = spreadsheetFacts();
  const parsed = parseSettings(grid(settingsGrid), 0, timeZone).settings;
  const lang = sheetLanguage(parsed.language, locale);
  // A custom function may not read the clock (it reruns only when an argument changes): the
  // shared "as of" day comes from Settings, an argument.
  if (parsed.asOf === undefined) throw new Error(t(lang, "rollup.asOfMissing"));
  const settings = parsed as Settings & { asOf: Day };
  const teams = imports
    .map((value) => readTeamImport(grid(value), timeZone))
    .filter((team): team is TeamImport => team !== undefined);
  const rollup = rollUp(
    {
      companyOkrs: grid(companyOkrs),
      companyPrefix: settings.idPrefix,
      quarter: settings.quarter,
      dates: quarterDatesOf(settings, settings.quarter)!,
      asOf: settings.asOf,
      thresholds: { onTrack: settings.onTrack, atRisk: settings.atRisk },
      teams,
      timeZone,
    },
    settings.maxObjectivesPerTeam,
  );
  return { lang, rollup, timeZone };
}

function formula(run: () => Out[][]): Out[][] {
  try {
    return run();
  } catch (error) {
    // Sheets shows only the message on #ERROR!; no stack of ours.
    // eslint-disable-next-line preserve-caught-error
    throw new Error(String((error as { message?: unknown } | null)?.message ?? error));
  }
}

/** OKRROLLUP(company_okrs, settings, imports…): one row per company objective of the quarter. */
export function okrRollupFormula(
  companyOkrs: FormulaArg,
  settings: FormulaArg,
  imports: FormulaArg[],
): Out[][] {
  return formula(() => {
    const { lang, rollup, timeZone } = compute(companyOkrs, settings, imports);
    const header = (
      ["id", "objective", "teams", "score", "band", "status", "lastCheckIn", "notes"] as const
    ).map((key) => t(lang, `rollup.col.${key}`));
    const rows = rollup.objectives.map((o): Out[] => {
      const notes = [
        o.teams.length === 0 ? t(lang, "rollup.note.unserved") : "",
        o.unscored > 0 ? t(lang, "rollup.note.unscored", { count: o.unscored }) : "",
      ].filter(Boolean);
      return [
        o.id,
        o.title,
        o.teams.length === 0 ? 0 : `${o.teams.length}: ${o.teams.join(", ")}`,
        o.score ?? "",
        o.band ? tKey(lang, `band.${o.band}` as MessageKey) : "",
        o.status ? tKey(lang, `status.${o.status}` as MessageKey) : "",
        o.lastCheckIn === undefined ? "" : dateOfDay(o.lastCheckIn, timeZone),
        notes.join(" "),
      ];
    });
    return [header, ...rows];
  });
}

/** OKRTEAMS(company_okrs, settings, imports…): one row per team, its connection said plainly. */
export function okrTeamsFormula(
  companyOkrs: FormulaArg,
  settings: FormulaArg,
  imports: FormulaArg[],
): Out[][] {
  return formula(() => {
    const { lang, rollup } = compute(companyOkrs, settings, imports);
    const header = (["team", "connection", "objectives", "aligned"] as const).map((key) =>
      t(lang, `rollup.col.${key}`),
    );
    const rows = rollup.teams.map(({ team, objectives, aligned }, index): Out[] => {
      const counted = team.connection.state === "connected";
      return [
        team.name,
        connectionText(lang, team, index),
        counted ? objectives : "",
        counted ? aligned : "",
      ];
    });
    return [header, ...rows];
  });
}

function connectionText(lang: Lang, team: TeamImport, index: number): string {
  const c = team.connection;
  const sheet = t(lang, "rollup.importSheet", { team: team.name });
  switch (c.state) {
    case "connected":
      return t(lang, "rollup.state.connected");
    case "empty":
      return t(lang, "rollup.state.empty");
    case "loading":
      return t(lang, "rollup.state.loading");
    case "not-connected":
      return t(lang, "rollup.state.not-connected", { cell: connectCell(index) });
    case "unreachable":
      return t(lang, "rollup.state.unreachable", { since: isoOf(c.since) });
    case "error":
      return t(lang, "rollup.state.error", { code: c.code, sheet });
    case "old-template":
      return t(lang, "rollup.state.old-template", { columns: c.missing.join(", ") });
  }
}

/** The Connect cell of the team in row `index` of OKRTEAMS (header first, on row 1). */
function connectCell(index: number): string {
  return `${columnLetter(ROLLUP_LAYOUT.connectColumn)}${index + 2}`;
}

function columnLetter(column: number): string {
  let letters = "";
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26))
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

// ------------------------------------------------------------------------------------- command

/** Document property: `{url: "yyyy-mm-dd"}`, the day a roll-up first saw each team connected. */
export const CONNECTED_PROPERTY = "okr.rollup.connected";

const quote = (name: string) => `'${name.replace(/'/g, "''")}'`;

export interface RollupReport {
  sheet: string;
  teams: number;
  notes: string[];
}

/**
 * OKR › Roll up teams: checks the Teams table's URLs for shape, writes each team's hidden import
 * sheet and the Company roll-up sheet. Service calls: a fixed number, plus per team one range
 * lookup and one write (and, the first time only, the import sheet's creation).
 */
export function rollUpTeams(lang: Lang): RollupReport {
  return withDocumentLock(lang, (progress) => {
    const wb = Workbook.active();
    const settingsSheet = wb.find("settings");
    if (!settingsSheet) throw userError(lang, "rollup.noSettings");
    const settingsGrid = readAll(settingsSheet);
    const day = today(wb.timeZone);
    const settings = parseSettings(settingsGrid, day, wb.timeZone).settings;
    const sheetLang = sheetLanguage(settings.language, wb.ss.getSpreadsheetLocale());
    const table = teamsTable(settingsGrid);
    if (table.headerRow === undefined) {
      const row = settingsGrid.length + 2;
      settingsSheet.getRange(settingsGrid.length + 1, 1, 2, 2).setValues([
        ["", ""],
        [TEAMS_TABLE_HEADERS.team[sheetLang], TEAMS_TABLE_HEADERS.url[sheetLang]],
      ]);
      settingsSheet.getRange(row, 1, 1, 2).setFontWeight("bold");
      throw userError(lang, "rollup.tableAdded", { row });
    }
    const notes: string[] = [];
    const seen = new Set<string>();
    const teams = table.teams.filter((team) => {
      if (!isSpreadsheetUrl(team.url) || team.name === "") {
        notes.push(t(lang, "rollup.badUrl", { row: team.row, url: team.url }));
        return false;
      }
      const key = team.name.toLowerCase();
      if (seen.has(key)) {
        notes.push(t(lang, "rollup.twice", { row: team.row, team: team.name }));
        return false;
      }
      seen.add(key);
      return true;
    });
    if (teams.length === 0) throw userError(lang, "rollup.noTeams", { row: table.headerRow });

    // The roll-up as it stands tells which teams are connected now: remember the day first seen.
    const rollupName = t(sheetLang, "rollup.sheet");
    let rollupSheet = wb.ss.getSheetByName(rollupName);
    const before = rollupSheet ? readAll(rollupSheet) : [];
    const connected = connectedSince(wb, settingsGrid, before, sheetLang, day);

    const okrsName = wb.nameOf("okrs") ?? OKRS.name[sheetLang];
    const settingsName = settingsSheet.getName();
    const importNames: string[] = [];
    for (const team of teams) {
      const name = t(sheetLang, "rollup.importSheet", { team: team.name }).slice(0, 100);
      importNames.push(name);
      const since = connected.get(team.url);
      const label: RawCell[] = [
        asText(team.name),
        asText(team.url),
        since === undefined ? "" : dateOfDay(since, wb.timeZone),
      ];
      const cells: unknown[][] = [
        [...label, ...Array.from({ length: IMPORT_LAYOUT.width - label.length }, () => "")],
        Array.from({ length: IMPORT_LAYOUT.width }, () => ""),
      ];
      // The team's sheets are named in its language, assumed the company's.
      cells[1]![IMPORT_LAYOUT.okrsColumn - 1] =
        `=IMPORTRANGE(B1,"${quote(OKRS.name[sheetLang])}!A1:${columnLetter(OKRS.columns.length)}")`;
      cells[1]![IMPORT_LAYOUT.checkinsColumn - 1] =
        `=IMPORTRANGE(B1,"${quote(CHECKINS.name[sheetLang])}!A1:${columnLetter(CHECKINS.columns.length)}")`;
      importRange(wb, name).setValues(cells);
      progress.wrote();
    }

    // The roll-up sheet: two formulas over the import sheets, and one Connect cell per team.
    if (!rollupSheet) {
      rollupSheet = wb.ss.insertSheet(rollupName);
      // Scores as 0.00 and days as dates, as on the OKRs sheet: set once, on the new sheet.
      const rows = rollupSheet.getMaxRows() - 1;
      rollupSheet.getRange(2, ROLLUP_LAYOUT.objectivesColumn + 3, rows, 1).setNumberFormat("0.00");
      rollupSheet.getRange(2, ROLLUP_LAYOUT.objectivesColumn + 6, rows, 1).setNumberFormat("yyyy-mm-dd");
    }
    const ranges = importNames.map((n) => `${quote(n)}!A1:${columnLetter(IMPORT_LAYOUT.width)}`).join(", ");
    const args = `${quote(okrsName)}!A1:${columnLetter(OKRS.columns.length)}, ${quote(settingsName)}!A1:C, ${ranges}`;
    const height = Math.max(teams.length + 1, before.length, 1);
    const width = ROLLUP_LAYOUT.connectColumn;
    const out: unknown[][] = Array.from({ length: height }, () => Array.from({ length: width }, () => ""));
    out[0]![ROLLUP_LAYOUT.objectivesColumn - 1] = `=OKRROLLUP(${args})`;
    out[0]![ROLLUP_LAYOUT.teamsColumn - 1] = `=OKRTEAMS(${args})`;
    out[0]![ROLLUP_LAYOUT.connectColumn - 1] = t(sheetLang, "rollup.col.connect");
    importNames.forEach((n, i) => {
      out[i + 1]![ROLLUP_LAYOUT.connectColumn - 1] =
        `=IMPORTRANGE(${quote(n)}!B1,"${quote(OKRS.name[sheetLang])}!A1")`;
    });
    rollupSheet.getRange(1, 1, height, width).setValues(out);
    wb.setProperty(
      CONNECTED_PROPERTY,
      JSON.stringify(Object.fromEntries([...connected].map(([u, d]) => [u, isoOf(d)]))),
    );
    return { sheet: rollupName, teams: teams.length, notes };
  });
}

/** The import sheet's first two rows, creating the hidden sheet the first time. */
function importRange(wb: Workbook, name: string): GoogleAppsScript.Spreadsheet.Range {
  const a1 = `${quote(name)}!A1:${columnLetter(IMPORT_LAYOUT.width)}2`;
  try {
    return wb.ss.getRange(a1);
  } catch {
    const sheet = wb.ss.getSheetByName(name) ?? wb.ss.insertSheet(name);
    const columns = sheet.getMaxColumns();
    if (columns < IMPORT_LAYOUT.width) sheet.insertColumnsAfter(columns, IMPORT_LAYOUT.width - columns);
    sheet.hideSheet();
    return sheet.getRange(1, 1, 2, IMPORT_LAYOUT.width);
  }
}

/** The day each team (by URL) was first seen connected: remembered, plus those connected now. */
function connectedSince(
  wb: Workbook,
  settingsGrid: RawCell[][],
  before: RawCell[][],
  lang: Lang,
  day: Day,
): Map<string, Day> {
  const known = new Map<string, Day>();
  try {
    const stored = JSON.parse(wb.property(CONNECTED_PROPERTY) ?? "{}") as Record<string, unknown>;
    for (const [url, iso] of Object.entries(stored)) {
      const d = parseDay(iso, "UTC");
      if (d !== undefined) known.set(url, d);
    }
  } catch {
    // A damaged property only forgets the days: teams are then as if never connected.
  }
  const ok = [t(lang, "rollup.state.connected"), t(lang, "rollup.state.empty")];
  const column = ROLLUP_LAYOUT.teamsColumn - 1;
  const urls = new Map<string, string>();
  for (const line of before.slice(1)) {
    const team = String(line[column] ?? "");
    const state = String(line[column + 1] ?? "");
    if (team !== "" && ok.includes(state)) urls.set(team.toLowerCase(), team);
  }
  // The roll-up names teams, the property keys URLs: the Teams table maps one to the other.
  const table = teamsTable(settingsGrid);
  for (const entry of table.teams) {
    if (urls.has(entry.name.toLowerCase()) && !known.has(entry.url)) known.set(entry.url, day);
  }
  return known;
}

export function rollUpCommand(): void {
  const lang = userLang();
  const ui = SpreadsheetApp.getUi();
  try {
    const report = rollUpTeams(lang);
    const lines = [...report.notes, t(lang, "rollup.done", { count: report.teams, sheet: report.sheet })];
    ui.alert(t(lang, "rollup.title"), lines.join("\n\n"), ui.ButtonSet.OK);
  } catch (error) {
    if (!(error instanceof UserError)) throw error;
    ui.alert(t(lang, "rollup.title"), error.message, ui.ButtonSet.OK);
  }
}

// ------------------------------------------------------------------------------------ Validate

/**
 * Validate in a company spreadsheet: Parent links and focus across the imported teams. Reads each
 * team's import sheet as Sheets shows it (two calls per team); a team that is not connected is
 * left out, as the roll-up leaves it out. No Teams table: nothing to check, no call.
 */
export function rollupFindings(
  wb: Workbook,
  settingsGrid: RawCell[][] | undefined,
  okrsGrid: RawCell[][] | undefined,
  settings: Settings,
  day: Day,
): Finding[] {
  if (!settingsGrid || !okrsGrid) return [];
  const teams = readImports(wb, settingsGrid, settings);
  if (teams.length === 0) return [];
  const rollup = rollUp(
    {
      companyOkrs: okrsGrid,
      companyPrefix: settings.idPrefix,
      quarter: settings.quarter,
      dates: quarterDatesOf(settings, settings.quarter)!,
      asOf: settings.asOf ?? day,
      thresholds: { onTrack: settings.onTrack, atRisk: settings.atRisk },
      teams,
      timeZone: wb.timeZone,
    },
    settings.maxObjectivesPerTeam,
  );
  const companyRows = new Map(
    parseOkrs(okrsGrid, wb.timeZone).items.map((r) => [qualifiedId(r.id, settings.idPrefix), r.row] as const),
  );
  return rollup.problems.map((p): Finding => {
    const str = (key: string) => String(p.params[key] ?? "");
    switch (p.code) {
      case "rollup-unknown-parent":
        return {
          code: p.code,
          severity: "warning",
          sheet: "okrs",
          params: { team: p.team, id: p.id, parent: str("parent") },
        };
      case "rollup-team-parent":
        return {
          code: p.code,
          severity: "warning",
          sheet: "okrs",
          params: { team: p.team, id: p.id, parent: str("parent"), other: str("other") },
        };
      case "rollup-unserved":
        return {
          code: p.code,
          severity: "warning",
          sheet: "okrs",
          row: companyRows.get(qualifiedId(p.id, settings.idPrefix)),
          column: "title",
          params: { id: qualifiedId(p.id, settings.idPrefix), title: str("title") },
        };
      case "rollup-too-many":
        return {
          code: p.code,
          severity: "warning",
          sheet: "okrs",
          params: { count: Number(p.params.count), max: Number(p.params.max) },
        };
    }
  });
}

/**
 * The teams' import sheets as Sheets shows them, in the Teams table's order: two calls per team
 * (a sheet not rolled up yet is skipped). No Teams table: no call.
 */
function readImports(
  wb: Workbook,
  settingsGrid: RawCell[][],
  settings: Settings,
  full = false,
): TeamImport[] {
  const { teams: entries } = teamsTable(settingsGrid);
  if (entries.length === 0) return [];
  const sheetLang = sheetLanguage(settings.language, wb.ss.getSpreadsheetLocale());
  const teams: TeamImport[] = [];
  for (const entry of entries) {
    if (entry.name === "" || !isSpreadsheetUrl(entry.url)) continue;
    const name = t(sheetLang, "rollup.importSheet", { team: entry.name }).slice(0, 100);
    let values: RawCell[][];
    try {
      values = wb.ss
        .getRange(`${quote(name)}!A:${columnLetter(IMPORT_LAYOUT.width)}`)
        .getValues() as RawCell[][];
    } catch {
      continue; // Not rolled up yet.
    }
    const team = readTeamImport(values, wb.timeZone, full);
    if (team) teams.push(team);
  }
  return teams;
}

/**
 * The quarterly review of the whole company: in a company spreadsheet with connected teams, the
 * review of all teams takes in their rows and check-ins, scored as the teams score them (the
 * company's objectives from the team objectives under them). Undefined elsewhere.
 */
export function companyReviewInput(
  wb: Workbook,
  settingsGrid: RawCell[][],
  analysis: { okrs: OkrRow[]; checkins: CheckinRow[]; settings: Settings },
  day: Day,
): { okrs: OkrRow[]; checkins: CheckinRow[]; scores: QuarterScores } | undefined {
  const { settings } = analysis;
  const teams = readImports(wb, settingsGrid, settings, true).filter(
    (team) => team.connection.state === "connected",
  );
  if (teams.length === 0) return undefined;
  const merged = companyWithTeams(analysis, settings.idPrefix, teams);
  const scores = scoreQuarter(
    merged.okrs.filter((r) => r.quarter === settings.quarter),
    {
      start: settings.quarterStart,
      end: settings.quarterEnd,
      today: day,
      onTrack: settings.onTrack,
      atRisk: settings.atRisk,
    },
  );
  return { ...merged, scores };
}
