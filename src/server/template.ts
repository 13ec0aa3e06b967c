/**
 * OKR › Set up template: creates the sheets OKRs, Check-ins, KPIs, Settings and Guide in the
 * spreadsheet's language (its Settings language, else its locale) from the core schema, formats
 * them, and offers an example quarter. On a spreadsheet that already has some of them it only adds
 * what is missing: user data is never overwritten, and the user is told what was done (in the
 * user's language). What to write is decided in core (table-layout, settings-layout,
 * table-format, template); this module reads, asks core, and writes, one read per sheet.
 */
import { asText, type RawCell } from "../core/cells";
import { isoOf } from "../core/dates";
import type { Finding } from "../core/findings";
import { type FocusLimits, guideBold, GUIDE_WIDTHS, guideRows } from "../core/guide";
import { type Lang, t } from "../core/i18n";
import { parseTable } from "../core/parse-table";
import { columnHeader, OKRS, SHEETS } from "../core/schema";
import { parseSettings, type SettingKey } from "../core/settings";
import { completionNotes, recognisedSettings, settingsCompletion } from "../core/settings-layout";
import { HEADER_BACKGROUND } from "../core/table-format";
import {
  addedColumns,
  formattedLayouts,
  formatsLanguageFinding,
  formattingPlan,
  recognisedTable,
  schemaPlace,
  type TableSheet,
  type TablePlace,
  TABLES,
} from "../core/table-layout";
import {
  computedSpan,
  type FormulaPlaces,
  formulaWrites,
  headerRow,
  lacksComputed,
  scoreFormula,
  type SetupReport,
  statusFormula,
  withComputedColumns,
} from "../core/template";
import { AS_OF_PROPERTY } from "./as-of";
import { today } from "./clock";
import { sheetLangOf } from "./locale";
import { withDocumentLock } from "./lock";
import { growTo } from "./sheet-shape";
import { exampleAuthor, fillExample } from "./template-example";
import { formatTable } from "./template-format";
import { readAll, Workbook } from "./workbook";
import { cellValue, nextFreeRow } from "./writer";

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

interface TableState {
  sheet: Sheet;
  place: TablePlace;
  grid: RawCell[][];
  /** Inserted by this set-up: nothing on it to read or keep (no rules, protections or rows). */
  created?: true;
}

/** The language of the sheets and the language of the report to the user. */
interface Langs {
  sheetLang: Lang;
  userLang: Lang;
}

/**
 * Runs the whole set-up; `askExample` decides whether to fill the example quarter, and `askName`
 * asks who is setting up when Google does not share the email ("" if they decline). What is written
 * into the sheets is in `sheetLang` (the Settings language, else the spreadsheet's locale, which a
 * new Settings sheet then records as en or fr); the report's notes are in `userLang`. The sheets
 * are built under the document lock; the question is asked with the lock released (an alert waits
 * for the user), and the example is written under the lock again, after reading the sheets anew.
 */
export function setUpTemplate(userLang: Lang, askExample: () => boolean, askName: () => string): SetupReport {
  const report: SetupReport = { created: [], kept: [], notes: [], exampleRows: 0 };
  // Set up only adds what is missing: a retry after a failure is safe, so no progress is tracked.
  const offer = withDocumentLock(userLang, () => buildSheets(userLang, report));
  if (offer && askExample()) {
    const author = exampleAuthor(askName); // asked, like the example, with the lock released
    withDocumentLock(userLang, () => fillExample(userLang, report, author));
  }
  Workbook.active().find("okrs")?.activate();
  return report;
}

/** Document property: for each table sheet, the layout its formatting was last applied to. */
const FORMATTED_PROPERTY = "okr.formatted";

/**
 * Validate's finding when the tables were formatted in another language than the one the sheets
 * are written in now (core/table-layout.ts decides): the layouts are a document property, read
 * with the others when the workbook opened, so this costs no call.
 */
export function formatsLanguageFindings(wb: Workbook, sheetLang: Lang, languageRow?: number): Finding[] {
  const recorded = formattedLayouts(wb.property(FORMATTED_PROPERTY));
  const finding = formatsLanguageFinding(recorded, sheetLang, languageRow);
  return finding ? [finding] : [];
}

/** Creates or completes every sheet; true when the example quarter may be offered. */
function buildSheets(userLang: Lang, report: SetupReport): boolean {
  const wb = Workbook.active();
  const day = today(wb.timeZone);
  // Never write into a Settings sheet that is not ours: ours goes beside it.
  const found = wb.find("settings");
  const foundGrid = found ? readAll(found) : [];
  const ours =
    !found ||
    wb.remembered("settings") ||
    foundGrid.length === 0 ||
    recognisedSettings(foundGrid, day, wb.timeZone);
  if (found && !ours) report.notes.push(t(userLang, "setup.notOurs", { sheet: found.getName() }));
  const settingsSheet = ours ? found : undefined;
  const settingsGrid = ours ? foundGrid : [];
  // What Settings hold, their defaults where they are missing (as ensureSettings writes them).
  const current = parseSettings(settingsGrid, day, wb.timeZone).settings;
  const sheetLang = sheetLangOf(wb.ss, current);
  const langs = { sheetLang, userLang };
  const tables: Partial<Record<TableSheet, TableState>> = {};
  for (const key of TABLES) {
    const state = ensureTable(wb, key, langs, report);
    if (state) tables[key] = state;
  }
  const settings = ensureSettings(wb, settingsSheet, settingsGrid, langs, day, report);
  // The Guide states the focus limits Settings hold, as the wizard does.
  ensureGuide(wb, sheetLang, report, current);

  const okrs = tables.okrs;
  if (okrs && settings) addComputedFormulas(okrs, settings, langs, report);
  const tablesFound = TABLES.flatMap((key) => {
    const state = tables[key];
    if (!state) return [];
    return [
      {
        key,
        sheetId: wb.idOf(key),
        place: state.place,
        created: state.created === true,
        name: wb.nameOf(key)!,
      },
    ];
  });
  const plan = formattingPlan(formattedLayouts(wb.property(FORMATTED_PROPERTY)), tablesFound, langs);
  for (const { key, place, created } of tablesFound)
    if (plan.format.includes(key)) formatTable(tables[key]!.sheet, SHEETS[key], place, sheetLang, created);
  wb.setProperty(FORMATTED_PROPERTY, JSON.stringify(plan.layouts));
  if (plan.note) report.notes.push(plan.note);
  return (
    okrs !== undefined &&
    tables.checkins !== undefined &&
    nextFreeRow(okrs.grid, okrs.place, OKRS.columns) === okrs.place.headerRow + 1
  );
}

/** Finds or creates a table sheet and makes sure its header row has every schema column. */
function ensureTable(
  wb: Workbook,
  key: TableSheet,
  { sheetLang, userLang }: Langs,
  report: SetupReport,
): TableState | undefined {
  const def = SHEETS[key];
  let existing = wb.find(key);
  let grid = existing ? readAll(existing) : [];
  if (existing && !wb.remembered(key) && grid.length > 0 && !recognisedTable(key, grid)) {
    // A sheet of the user's that only shares our name: left alone, ours goes beside it.
    report.notes.push(t(userLang, "setup.notOurs", { sheet: existing.getName() }));
    existing = undefined;
    grid = [];
  }
  const header = headerRow(def, sheetLang);
  if (!existing) {
    const sheet = wb.insert(key, def.name[sheetLang]);
    sheet.getRange(1, 1, 1, header.length).setValues([header]);
    report.created.push(wb.nameOf(key)!);
    return { sheet, place: schemaPlace(key), grid: [header], created: true };
  }
  wb.remember(key, existing);
  const name = wb.nameOf(key)!;
  if (grid.length === 0) {
    existing.getRange(1, 1, 1, header.length).setValues([header]);
    report.kept.push(name);
    return { sheet: existing, place: schemaPlace(key), grid: [header] };
  }
  const table = parseTable(key, def.columns, grid);
  if (table.headerRow === 0) {
    report.notes.push(t(userLang, "setup.noHeader", { sheet: name }));
    return undefined;
  }
  report.kept.push(name);
  let columns = table.columns;
  // Score and Status whose header cells show an error: their header row's formulas, read only then.
  if (key === "okrs" && lacksComputed(columns)) {
    const formulas = existing.getRange(table.headerRow, 1, 1, existing.getMaxColumns()).getFormulas()[0];
    columns = withComputedColumns(columns, formulas ?? []);
  }
  const added = addedColumns(key, columns, grid, sheetLang);
  if (added) {
    growTo(existing, { columns: added.start + added.headers.length });
    existing.getRange(table.headerRow, added.start + 1, 1, added.headers.length).setValues([added.headers]);
    columns = added.columns;
    const list = added.headers.join(", ");
    report.notes.push(t(userLang, "setup.columnsAdded", { sheet: name, columns: list }));
  }
  return { sheet: existing, place: { headerRow: table.headerRow, columns }, grid };
}

/**
 * Finds or creates Settings (as read by the caller) and adds what it lacks, as
 * core/settings-layout.ts decides, in one write; tells the user what was added to their sheet.
 */
function ensureSettings(
  wb: Workbook,
  existing: Sheet | undefined,
  grid: RawCell[][],
  { sheetLang, userLang }: Langs,
  day: number,
  report: SetupReport,
): { name: string; rows: Partial<Record<SettingKey, number>> } {
  const sheet = existing ?? wb.insert("settings", SHEETS.settings.name[sheetLang]);
  if (existing) wb.remember("settings", existing);
  const name = wb.nameOf("settings")!;
  (existing ? report.kept : report.created).push(name);
  const found = parseSettings(grid, day, wb.timeZone);
  const completion = settingsCompletion(found, grid.length, day, sheetLang);
  if (!completion) return { name, rows: found.rows };
  const { missing, rows, headerRanges } = completion;
  // Text as text (never a formula), a day as a date.
  const newRows = rows.map((line) => line.map((cell) => cellValue(cell, cell.value, wb.timeZone)));
  sheet.getRange(grid.length + 1, 1, newRows.length, 3).setValues(newRows);
  // The sheet's header and the quarters table's header: one RangeList, styled in two calls.
  if (headerRanges.length > 0)
    sheet.getRangeList(headerRanges).setFontWeight("bold").setBackground(HEADER_BACKGROUND);
  if (grid.length === 0) {
    sheet.setFrozenRows(1);
    SHEETS.settings.columns.forEach((c, i) => sheet.setColumnWidth(i + 1, c.width));
  }
  report.notes.push(...completionNotes(completion, grid.length, { sheetLang, userLang }));
  // "As of" was written as today: the day's next operations need not read Settings to check it.
  if (missing.includes("asOf")) wb.setProperty(AS_OF_PROPERTY, isoOf(day));
  const newGrid = [...grid, ...(newRows as RawCell[][])];
  return { name, rows: parseSettings(newGrid, day, wb.timeZone).rows };
}

function ensureGuide(wb: Workbook, sheetLang: Lang, report: SetupReport, limits: FocusLimits): void {
  if (wb.find("guide")) {
    report.kept.push(wb.nameOf("guide")!);
    return;
  }
  const sheet = wb.insert("guide", SHEETS.guide.name[sheetLang]);
  const rows = guideRows(sheetLang, limits).map((row) => row.map(asText));
  sheet.getRange(1, 1, rows.length, 2).setValues(rows);
  sheet.getRangeList(guideBold(rows.length)).setFontWeight("bold");
  sheet.getRange(1, 1, rows.length, 2).setWrap(true);
  GUIDE_WIDTHS.forEach((width, i) => sheet.setColumnWidth(i + 1, width));
  report.created.push(wb.nameOf("guide")!);
}

/**
 * One array formula per computed column, in its header cell (see core/template.ts for why), placed
 * as core's formulaPlacement decides: the header row and the row below, of both columns, in one read.
 */
function addComputedFormulas(
  okrs: TableState,
  settings: { name: string; rows: Partial<Record<SettingKey, number>> },
  { sheetLang, userLang }: Langs,
  report: SetupReport,
): void {
  const places: FormulaPlaces = {
    columns: okrs.place.columns,
    headerRow: okrs.place.headerRow,
    settingsSheet: settings.name,
    settingsRows: settings.rows,
  };
  const formulas = { score: scoreFormula(places), status: statusFormula(places) };
  const span = computedSpan(places, formulas);
  if (!span) return;
  const read = okrs.sheet
    .getRange(places.headerRow, span.left + 1, 2, span.width)
    .getFormulas() as string[][];
  const writes = formulaWrites(places, formulas, { ...span, formulas: read }, okrs.grid);
  for (const { key, column, formula, placement } of writes) {
    if (placement === "update" || placement === "write")
      okrs.sheet.getRange(places.headerRow, column + 1).setFormula(formula);
    else if (placement === "move-up")
      okrs.sheet.getRange(places.headerRow, column + 1, 2, 1).setFormulas([[formula], [""]]);
    else if (placement === "skip") {
      const header = columnHeader("okrs", key, sheetLang);
      report.notes.push(t(userLang, "setup.formulaSkipped", { sheet: okrs.sheet.getName(), column: header }));
    }
  }
}
