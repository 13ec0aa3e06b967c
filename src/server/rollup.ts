/**
 * OKR › Roll up teams: reads Settings and the roll-up sheet as they stand, and writes what
 * src/core/rollup-sheet.ts lays out: each team's hidden import sheet and the Company roll-up sheet.
 * The command only writes formulas; Sheets moves the data through IMPORTRANGE and keeps it live,
 * and OKRROLLUP / OKRTEAMS (src/core/rollup-formulas.ts) compute from it on every change.
 * Also reads the import sheets for Validate and the company's quarterly review.
 */
import type { RawCell } from "../core/cells";
import type { Finding } from "../core/findings";
import { type Lang, t } from "../core/i18n";
import type { CheckinRow, OkrRow } from "../core/parse";
import type { QuarterScores } from "../core/quarter-scores";
import { companyReview } from "../core/rollup";
import { rollupFindings as findingsOfRollup } from "../core/rollup-findings";
import { IMPORT_LAYOUT, readTeamImport, type TeamImport } from "../core/rollup-import";
import {
  connectedSince,
  importHeadA1,
  importSheetName,
  importSheetRows,
  importsToRead,
  isImportSheetOf,
  ROLLUP_FORMATS,
  rollupSheetRows,
  storedConnections,
  teamsRemoved,
} from "../core/rollup-sheet";
import { teamsTable, teamsTableStart, teamsToRollUp } from "../core/rollup-teams";
import { OKRS } from "../core/schema";
import { userError } from "../core/user-error";
import { type Loaded as LoadedAny, loadEvenWithoutOkrs } from "./load";
import { withDocumentLock } from "./lock";
import { growTo } from "./sheet-shape";
import { readAll, Workbook } from "./workbook";

/** Document property: `{url: "yyyy-mm-dd"}`, the day a roll-up first saw each team connected. */
export const CONNECTED_PROPERTY = "okr.rollup.connected";

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
    const loaded = loadEvenWithoutOkrs(lang, { okrs: false });
    const { wb, settingsSheet, settingsGrid, day, sheetLang } = loaded;
    if (!settingsSheet) throw userError(lang, "rollup.noSettings");
    const table = teamsTable(settingsGrid);
    if (table.headerRow === undefined) {
      const start = teamsTableStart(sheetLang);
      settingsSheet.getRange(settingsGrid.length + 1, 1, start.length, 2).setValues(start);
      const row = settingsGrid.length + start.length;
      settingsSheet.getRange(row, 1, 1, 2).setFontWeight("bold");
      throw userError(lang, "rollup.tableAdded", { row });
    }
    const { teams, notes } = teamsToRollUp(table.teams, lang);
    if (teams.length === 0) throw userError(lang, "rollup.noTeams", { row: table.headerRow });

    // The roll-up as it stands tells which teams are connected now: remember the day first seen.
    const rollupName = t(sheetLang, "rollup.sheet");
    let rollupSheet = wb.ss.getSheetByName(rollupName);
    const before = rollupSheet ? readAll(rollupSheet) : [];
    const stored = wb.property(CONNECTED_PROPERTY);
    const connected = connectedSince(stored, settingsGrid, before, sheetLang, day);

    const sources = {
      okrs: wb.nameOf("okrs") ?? OKRS.name[sheetLang],
      settings: settingsSheet.getName(),
      imports: teams.map((team) => importSheetName(sheetLang, team.name)),
    };
    teams.forEach((team, i) => {
      const rows = importSheetRows(sheetLang, team, connected.get(team.url), wb.timeZone);
      importHead(wb, sources.imports[i]!).setValues(rows);
      progress.wrote();
    });

    if (!rollupSheet) {
      rollupSheet = wb.ss.insertSheet(rollupName);
      // Set once, on the new sheet: a person may format the columns their own way afterwards.
      const rows = rollupSheet.getMaxRows() - 1;
      for (const { column, format } of ROLLUP_FORMATS)
        rollupSheet.getRange(2, column, rows, 1).setNumberFormat(format);
    }
    const out = rollupSheetRows(sheetLang, sources, before.length);
    rollupSheet.getRange(1, 1, out.length, out[0]!.length).setValues(out);
    wb.setProperty(CONNECTED_PROPERTY, storedConnections(connected));
    // Once no roll-up formula reads them: the import sheets of teams no longer listed.
    notes.push(...removeImports(wb, lang, sheetLang, teamsRemoved(before, settingsGrid)));
    return { sheet: rollupName, teams: teams.length, notes };
  });
}

/**
 * Deletes the import sheet of each team removed from the Teams table, if it is ours (a sheet of
 * that name a person reuses is left alone), and says what it did. No team removed: no call.
 */
function removeImports(wb: Workbook, lang: Lang, sheetLang: Lang, removed: string[]): string[] {
  return removed.flatMap((team) => {
    const name = importSheetName(sheetLang, team);
    const sheet = wb.ss.getSheetByName(name);
    if (!sheet) return [];
    const head = sheet.getRange(1, 1, IMPORT_LAYOUT.importRow, 2);
    if (!isImportSheetOf(team, head.getValues() as RawCell[][], head.getFormulas()))
      return [t(lang, "rollup.notOurs", { sheet: name })];
    wb.ss.deleteSheet(sheet);
    return [t(lang, "rollup.removed", { team, sheet: name })];
  });
}

/** The import sheet's first two rows, creating the hidden sheet the first time. */
function importHead(wb: Workbook, name: string): GoogleAppsScript.Spreadsheet.Range {
  try {
    return wb.ss.getRange(importHeadA1(name));
  } catch {
    const sheet = wb.ss.getSheetByName(name) ?? wb.ss.insertSheet(name);
    growTo(sheet, { columns: IMPORT_LAYOUT.width });
    sheet.hideSheet();
    return sheet.getRange(1, 1, IMPORT_LAYOUT.importRow, IMPORT_LAYOUT.width);
  }
}

/** What the roll-up reads of a loaded workbook (server/load). */
type Loaded = Pick<LoadedAny, "wb" | "grids" | "day" | "analysis" | "sheetLang">;

/**
 * Validate in a company spreadsheet: Parent links and focus across the imported teams. Reads each
 * team's import sheet as Sheets shows it (two calls per team). No Teams table: nothing to check,
 * no call.
 */
export function rollupFindings(loaded: Loaded): Finding[] {
  const { wb, grids, analysis, day } = loaded;
  if (!grids.okrs) return [];
  const teams = readImports(loaded);
  return findingsOfRollup(grids.okrs, teams, analysis.settings, day, wb.timeZone);
}

/**
 * The teams' import sheets as Sheets shows them, in the Teams table's order: two calls per team
 * (a sheet not rolled up yet is skipped). No Teams table: no call.
 */
function readImports(loaded: Loaded, full = false): TeamImport[] {
  const { wb, grids } = loaded;
  const teams: TeamImport[] = [];
  for (const a1 of importsToRead(grids.settings, () => loaded.sheetLang)) {
    let values: RawCell[][];
    try {
      values = wb.ss.getRange(a1).getValues() as RawCell[][];
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
  loaded: Loaded,
): { okrs: OkrRow[]; checkins: CheckinRow[]; scores: QuarterScores } | undefined {
  return companyReview(loaded.analysis, readImports(loaded, true), loaded.day);
}
