/**
 * OKR › Set up template: creates the sheets OKRs, Check-ins, KPIs, Settings and Guide in the
 * spreadsheet's language (its Settings language, else its locale) from the core schema, formats
 * them, and offers an example quarter. On a spreadsheet that already has some of them it only adds
 * what is missing: user data is never overwritten, and the user is told what was done (in the
 * user's language).
 */
import type { RawCell } from "../core/cells";
import { isoOf } from "../core/dates";
import { exampleQuarter } from "../core/example";
import { type FocusLimits, guideRows } from "../core/guide";
import { type Lang, t } from "../core/i18n";
import { parseCheckins, parseKpis, parseOkrs } from "../core/parse";
import { parseTable } from "../core/parse-table";
import {
  type ColumnDef,
  DEFAULT_WIDTH,
  OKRS,
  SETTINGS_SHEET,
  SHEETS,
  type SheetDef,
  type SheetKey,
  listLabels,
} from "../core/schema";
import { defaultSettings, parseSettings, SETTING_DEFS, type SettingKey } from "../core/settings";
import {
  columnLetters,
  type FormulaPlaces,
  headerRow,
  scoreFormula,
  settingsAdditions,
  statusFormula,
} from "../core/template";
import { AS_OF_PROPERTY } from "./as-of";
import { currentUserEmail, resolveAuthor } from "./author";
import { today } from "./clock";
import { sheetLangOf } from "./locale";
import { normalize } from "../core/text";
import { highestIssued, recordIssued } from "./ids";
import { withDocumentLock } from "./lock";
import { cellValue, nextFreeRow, type TablePlace, writeRows } from "./writer";
import { NEW_SHEET, readAll, Workbook } from "./workbook";

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

const HEADER_BACKGROUND = "#e8eaed";
const TABLES: SheetKey[] = ["okrs", "checkins", "kpis"];
const PROTECTION_NOTE = "OKR Sheets: header row";

export interface SetupReport {
  created: string[];
  kept: string[];
  notes: string[];
  exampleRows: number;
}

interface TableState {
  sheet: Sheet;
  place: TablePlace;
  grid: RawCell[][];
  /** Inserted by this set-up: nothing on it to read or keep (no rules, protections or rows). */
  created?: true;
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
  const tables: Partial<Record<SheetKey, TableState>> = {};
  for (const key of TABLES) {
    const state = ensureTable(wb, key, langs, report);
    if (state) tables[key] = state;
  }
  const settings = ensureSettings(wb, settingsSheet, settingsGrid, langs, day, report);
  // The Guide states the focus limits Settings hold, as the wizard does.
  ensureGuide(wb, sheetLang, report, current);

  const okrs = tables.okrs;
  if (okrs && settings) addComputedFormulas(okrs, settings, langs, report);
  const formatted = formattedBefore(wb);
  for (const key of TABLES) {
    const state = tables[key];
    if (!state) continue;
    const signature = formatSignature(wb, key, state, sheetLang);
    if (signature !== undefined && formatted[key] === signature) continue;
    format(state, SHEETS[key], sheetLang, key === "okrs" ? sheetLang : undefined);
    if (signature !== undefined) formatted[key] = signature;
  }
  wb.setProperty(FORMATTED_PROPERTY, JSON.stringify(formatted));
  return (
    okrs !== undefined &&
    tables.checkins !== undefined &&
    nextFreeRow(okrs.grid, okrs.place, OKRS.columns) === okrs.place.headerRow + 1
  );
}

/**
 * Document property: for each table sheet, the layout its formatting was last applied to (the
 * sheet, its header row, where each of our columns sits, the language). A set-up that finds the
 * same layout leaves the formatting alone, at no call: formatting a sheet that is already right
 * would otherwise cost some forty calls. Rows that Sheets adds below take the format of the row
 * above them, so a longer sheet needs nothing new either.
 */
const FORMATTED_PROPERTY = "okr.formatted";

function formattedBefore(wb: Workbook): Partial<Record<SheetKey, string>> {
  try {
    const parsed: unknown = JSON.parse(wb.property(FORMATTED_PROPERTY) ?? "{}");
    return parsed && typeof parsed === "object" ? (parsed as Partial<Record<SheetKey, string>>) : {};
  } catch {
    return {};
  }
}

/** The layout a table's formatting depends on; undefined for a sheet not remembered by id. */
function formatSignature(wb: Workbook, key: SheetKey, state: TableState, lang: Lang): string | undefined {
  const id = wb.idOf(key);
  if (id === undefined) return undefined;
  const columns = Object.entries(state.place.columns).sort(([a], [b]) => a.localeCompare(b));
  return JSON.stringify([FORMAT_VERSION, id, state.place.headerRow, columns, lang]);
}

/** Raised whenever format() changes what it applies, so every sheet is formatted anew once. */
const FORMAT_VERSION = 1;

/**
 * Writes the example quarter when the OKRs sheet is still empty and no ID was ever issued here
 * (its IDs are fixed: O-1, KR-1…, and an ID is never issued twice), in the spreadsheet's language.
 */
function fillExample(userLang: Lang, report: SetupReport, author: string): void {
  const wb = Workbook.active();
  const day = today(wb.timeZone);
  const okrSheet = wb.find("okrs");
  const logSheet = wb.find("checkins");
  if (!okrSheet || !logSheet) return;
  const okrs = parseOkrs(readAll(okrSheet), wb.timeZone);
  const logGrid = readAll(logSheet);
  const log = parseCheckins(logGrid, wb.timeZone);
  if (okrs.table.headerRow === 0 || log.table.headerRow === 0 || okrs.items.length > 0) return;
  const issued = highestIssued(wb, {
    okrs: [],
    checkins: log.items,
    kpis: parseKpis(wb.read("kpis") ?? [], wb.timeZone).items,
  });
  if (issued.objective > 0 || issued.kr > 0) {
    report.notes.push(t(userLang, "setup.exampleSkipped"));
    return;
  }
  const quarterSettings = parseSettings(wb.read("settings") ?? [], day, wb.timeZone).settings;
  const sheetLang = sheetLangOf(wb.ss, quarterSettings);
  const example = exampleQuarter(
    sheetLang,
    quarterSettings.quarter,
    quarterSettings.quarterStart,
    day,
    author || t(sheetLang, "setup.exampleAuthor"),
  );
  const okrPlace = { headerRow: okrs.table.headerRow, columns: okrs.table.columns };
  const logPlace = { headerRow: log.table.headerRow, columns: log.table.columns };
  writeRows(okrSheet, okrPlace.headerRow + 1, okrPlace, OKRS.columns, example.okrs, wb.timeZone);
  recordIssued(
    wb,
    example.okrs.map((r) => String(r.id ?? "")),
  );
  writeRows(
    logSheet,
    nextFreeRow(logGrid, logPlace, SHEETS.checkins.columns),
    logPlace,
    SHEETS.checkins.columns,
    example.checkins,
    wb.timeZone,
  );
  report.exampleRows = example.okrs.length;
}

/**
 * The example check-ins' author, by the check-in rule: the email, else the name chosen before,
 * else the name asked now; "" when the person declines (the example then says "Example").
 */
function exampleAuthor(askName: () => string): string {
  const email = currentUserEmail();
  return resolveAuthor(email) || resolveAuthor(email, askName());
}

/** The language of the sheets and the language of the report to the user. */
interface Langs {
  sheetLang: Lang;
  userLang: Lang;
}

/** Finds or creates a table sheet and makes sure its header row has every schema column. */
function ensureTable(
  wb: Workbook,
  key: SheetKey,
  { sheetLang, userLang }: Langs,
  report: SetupReport,
): TableState | undefined {
  const def = SHEETS[key];
  let existing = wb.find(key);
  let grid = existing ? readAll(existing) : [];
  if (existing && !wb.remembered(key) && grid.length > 0 && !recognised(key, grid)) {
    // A sheet of the user's that only shares our name: left alone, ours goes beside it.
    report.notes.push(t(userLang, "setup.notOurs", { sheet: existing.getName() }));
    existing = undefined;
    grid = [];
  }
  if (!existing) {
    const sheet = wb.insert(key, def.name[sheetLang]);
    const header = headerRow(def, sheetLang);
    sheet.getRange(1, 1, 1, header.length).setValues([header]);
    report.created.push(wb.nameOf(key)!);
    const columns = Object.fromEntries(def.columns.map((c, i) => [c.key, i]));
    return { sheet, place: { headerRow: 1, columns }, grid: [header], created: true };
  }
  wb.remember(key, existing);
  const name = wb.nameOf(key)!;
  if (grid.length === 0) {
    const header = headerRow(def, sheetLang);
    existing.getRange(1, 1, 1, header.length).setValues([header]);
    report.kept.push(name);
    return {
      sheet: existing,
      place: { headerRow: 1, columns: Object.fromEntries(def.columns.map((c, i) => [c.key, i])) },
      grid: [header],
    };
  }
  const table = parseTable(key, def.columns, grid);
  if (table.headerRow === 0) {
    report.notes.push(t(userLang, "setup.noHeader", { sheet: name }));
    return undefined;
  }
  report.kept.push(name);
  if (key === "okrs") findComputedHeaders(existing, table);
  const missing = (def.columns as readonly ColumnDef[]).filter((c) => table.columns[c.key] === undefined);
  if (missing.length > 0) {
    // New headers go after the last column the user wrote in, so none of their columns moves.
    // (A loop, not Math.max(...rows): spreading 200,000 rows overflows the call stack.)
    let lastUsed = 0;
    for (const line of grid) {
      for (let i = line.length; i > lastUsed; i--) {
        if (line[i - 1] !== "") {
          lastUsed = i;
          break;
        }
      }
    }
    const start = lastUsed;
    if (start + missing.length > existing.getMaxColumns()) {
      existing.insertColumnsAfter(
        existing.getMaxColumns(),
        start + missing.length - existing.getMaxColumns(),
      );
    }
    existing
      .getRange(table.headerRow, start + 1, 1, missing.length)
      .setValues([missing.map((c) => c.header[sheetLang])]);
    missing.forEach((c, i) => (table.columns[c.key] = start + i));
    report.notes.push(
      t(userLang, "setup.columnsAdded", {
        sheet: name,
        columns: missing.map((c) => c.header[sheetLang]).join(", "),
      }),
    );
  }
  return { sheet: existing, place: { headerRow: table.headerRow, columns: table.columns }, grid };
}

/**
 * A sheet is ours when its header row holds most of our required columns, in English or French
 * (any order, a few rows down, extra columns of the user's alongside).
 */
function recognised(key: SheetKey, grid: RawCell[][]): boolean {
  const def = SHEETS[key];
  const required = (def.columns as readonly ColumnDef[]).filter((c) => c.required !== undefined);
  const table = parseTable(key, def.columns, grid);
  if (table.headerRow === 0) return false;
  const found = required.filter((c) => table.columns[c.key] !== undefined).length;
  return 2 * found > required.length;
}

/** Settings are ours when most of our settings are there, or when it has our header row. */
function recognisedSettings(grid: RawCell[][], day: number, timeZone: string): boolean {
  const found = Object.keys(parseSettings(grid, day, timeZone).rows).length;
  const first = normalize(grid[0]?.[0]);
  const header = [SETTINGS_SHEET.columns[0].header.en, SETTINGS_SHEET.columns[0].header.fr].map(normalize);
  return 2 * found > SETTING_DEFS.length || header.includes(first);
}

/**
 * The Score and Status header cells hold our formulas, which show an error instead of the header
 * when, say, a value typed below blocks the array: they are still our columns, not missing ones.
 * Read only in that case (one call).
 */
function findComputedHeaders(
  sheet: Sheet,
  table: { headerRow: number; columns: Record<string, number> },
): void {
  if (table.columns.score !== undefined && table.columns.status !== undefined) return;
  const formulas = sheet.getRange(table.headerRow, 1, 1, sheet.getMaxColumns()).getFormulas()[0] ?? [];
  formulas.forEach((formula, index) => {
    if (/^=OKRSCORE\(/i.test(formula)) table.columns.score ??= index;
    if (/^=OKRSTATUS(ES)?\(/i.test(formula)) table.columns.status ??= index;
  });
}

/**
 * Finds or creates Settings (as read by the caller); adds the rows of settings it lacks, with their
 * defaults (the language as en or fr, the sheet language, not "auto": the spreadsheet keeps one
 * language whoever opens it; "as of" today), and the quarters table when there is none (calendar
 * quarters of this year and the next; an older sheet's own dates for the current quarter are
 * kept). Nothing already there is changed or moved.
 */
function ensureSettings(
  wb: Workbook,
  existing: Sheet | undefined,
  grid: RawCell[][],
  { sheetLang, userLang }: Langs,
  day: number,
  report: SetupReport,
): { sheet: Sheet; name: string; grid: RawCell[][]; rows: Partial<Record<SettingKey, number>> } | undefined {
  const def = SHEETS.settings;
  let sheet = existing;
  if (!sheet) {
    sheet = wb.insert("settings", def.name[sheetLang]);
  } else {
    wb.remember("settings", sheet);
  }
  const name = wb.nameOf("settings")!;
  (existing ? report.kept : report.created).push(name);
  const found = parseSettings(grid, day, wb.timeZone);
  const defaults = {
    ...defaultSettings(day),
    quarter: found.settings.quarter,
    asOf: day,
    language: sheetLang,
  };
  const missing = SETTING_DEFS.filter((d) => found.rows[d.key] === undefined).map((d) => d.key);
  const needsTable = found.tableHeaderRow === undefined;
  if (missing.length === 0 && !needsTable) return { sheet, name, grid, rows: found.rows };
  const { rows, tableHeader } = settingsAdditions({
    existingRows: grid.length,
    missing,
    needsTable,
    values: defaults,
    knownQuarters: found.settings.quarters,
    today: day,
    lang: sheetLang,
  });
  const newRows = rows.map((line) =>
    line.map((cell) => cellValue(valueColumn(cell.type), cell.value, wb.timeZone)),
  );
  sheet.getRange(grid.length + 1, 1, newRows.length, 3).setValues(newRows);
  // The sheet's header and the quarters table's header: one RangeList, styled in two calls.
  const headers = [grid.length === 0 ? "A1:C1" : "", tableHeader ? `A${tableHeader}:C${tableHeader}` : ""];
  if (headers.some(Boolean))
    sheet.getRangeList(headers.filter(Boolean)).setFontWeight("bold").setBackground(HEADER_BACKGROUND);
  if (grid.length === 0) {
    sheet.setFrozenRows(1);
    (def.columns as readonly ColumnDef[]).forEach((c, i) => sheet!.setColumnWidth(i + 1, c.width));
  } else if (missing.length > 0) {
    report.notes.push(
      t(userLang, "setup.settingsAdded", {
        settings: missing.map((k) => SETTING_DEFS.find((d) => d.key === k)!.label[sheetLang]).join(", "),
      }),
    );
  }
  if (tableHeader !== undefined && grid.length > 0) report.notes.push(t(userLang, "setup.quartersAdded"));
  // "As of" was written as today: the day's next operations need not read Settings to check it.
  if (missing.includes("asOf")) wb.setProperty(AS_OF_PROPERTY, isoOf(day));
  const newGrid = [...grid, ...(newRows as RawCell[][])];
  return { sheet, name, grid: newGrid, rows: parseSettings(newGrid, day, wb.timeZone).rows };
}

const valueColumn = (type: ColumnDef["type"]): ColumnDef => ({
  key: "value",
  header: { en: "", fr: "" },
  type,
  width: 0,
});

function ensureGuide(wb: Workbook, sheetLang: Lang, report: SetupReport, limits: FocusLimits): void {
  const existing = wb.find("guide");
  if (existing) {
    report.kept.push(wb.nameOf("guide")!);
    return;
  }
  const sheet = wb.insert("guide", SHEETS.guide.name[sheetLang]);
  const rows = guideRows(sheetLang, limits).map(([topic, text]) => [
    cellValue(TEXT, topic, wb.timeZone),
    cellValue(TEXT, text, wb.timeZone),
  ]);
  sheet.getRange(1, 1, rows.length, 2).setValues(rows);
  // The title row and the topics column, bold in one call.
  sheet.getRangeList(["A1:B1", `A1:A${rows.length}`]).setFontWeight("bold");
  sheet.getRange(1, 1, rows.length, 2).setWrap(true);
  sheet.setColumnWidth(1, 200);
  sheet.setColumnWidth(2, 640);
  report.created.push(wb.nameOf("guide")!);
}

const TEXT: ColumnDef = { key: "text", header: { en: "", fr: "" }, type: "text", width: 0 };

/**
 * One array formula per computed column, in its header cell (see core/template.ts for why), unless
 * the user has values of their own there. A formula of an older set-up in the first data row moves
 * up into the header cell; ours already in the header cell is brought up to date.
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
  const keys = (["score", "status"] as const).filter(
    (key) => okrs.place.columns[key] !== undefined && formulas[key] !== undefined,
  );
  if (keys.length === 0) return;
  // The header cell and the one below it, of both columns, in one read.
  const indexes = keys.map((key) => okrs.place.columns[key]!);
  const left = Math.min(...indexes);
  const span = okrs.sheet
    .getRange(places.headerRow, left + 1, 2, Math.max(...indexes) - left + 1)
    .getFormulas() as string[][];
  for (const key of keys) {
    const column = okrs.place.columns[key]!;
    const formula = formulas[key]!;
    const ours = key === "score" ? /^=OKRSCORE\(/i : /^=OKRSTATUS(ES)?\(/i;
    const [inHeader, inFirstRow] = [span[0]![column - left] ?? "", span[1]![column - left] ?? ""];
    const header = () => okrs.sheet.getRange(places.headerRow, column + 1);
    if (ours.test(inHeader)) {
      if (inHeader !== formula) header().setFormula(formula);
      continue;
    }
    if (ours.test(inFirstRow)) {
      okrs.sheet.getRange(places.headerRow, column + 1, 2, 1).setFormulas([[formula], [""]]);
      continue;
    }
    const hasValues = okrs.grid
      .slice(okrs.place.headerRow)
      .some((line) => line[column] !== "" && line[column] !== undefined);
    if (hasValues) {
      const name = OKRS.columns.find((c) => c.key === key)!.header[sheetLang];
      report.notes.push(t(userLang, "setup.formulaSkipped", { sheet: okrs.sheet.getName(), column: name }));
      continue;
    }
    header().setFormula(formula);
  }
}

/**
 * Frozen header, widths, native validation (dropdowns, numbers, dates, each with help), number
 * formats, header protection (warning only) and, on OKRs, conditional formats for score and status.
 * A fixed number of calls per column, whatever the number of rows.
 */
function format(state: TableState, def: SheetDef, lang: Lang, okrsLang: Lang | undefined): void {
  const { sheet, place } = state;
  const columns = (def.columns as readonly ColumnDef[])
    .filter((c) => place.columns[c.key] !== undefined)
    .map((c) => ({ def: c, index: place.columns[c.key]! }))
    .sort((a, b) => a.index - b.index);
  sheet.setFrozenRows(place.headerRow);
  // Only our headers are styled: a user's own column between ours keeps its look.
  const headerRuns = runsOf(columns, () => "").map((run) => {
    const row = place.headerRow;
    return `${columnLetters(run[0]!.index)}${row}:${columnLetters(run[run.length - 1]!.index)}${row}`;
  });
  if (headerRuns.length > 0)
    sheet.getRangeList(headerRuns).setFontWeight("bold").setBackground(HEADER_BACKGROUND);
  const first = place.headerRow + 1;
  const rows = Math.max(1, (state.created ? NEW_SHEET.rows : sheet.getMaxRows()) - place.headerRow);
  const block = <T>(run: readonly unknown[], cell: (i: number) => T): T[][] =>
    Array.from({ length: rows }, () => run.map((_, i) => cell(i)));
  // One call per run of neighbouring columns: widths (Sheets' default left alone), native
  // validation, number formats. Columns without a rule are never touched, so a user's own
  // dropdown on, say, Team is kept.
  for (const run of runsOf(
    columns.filter((c) => c.def.width !== DEFAULT_WIDTH),
    (c) => c.def.width,
  )) {
    sheet.setColumnWidths(run[0]!.index + 1, run.length, run[0]!.def.width);
  }
  const ruled = columns.flatMap((c) => {
    const rule = validationRule(c.def, lang);
    return rule ? [{ ...c, rule }] : [];
  });
  // A new sheet holds our columns only: one call for all of them (null: no rule on that column).
  const ruleAt = (index: number) => ruled.find((r) => r.index === index)?.rule ?? null;
  for (const run of state.created && ruled.length > 0 ? [columns] : runsOf(ruled, () => "")) {
    const rules = block(run, (i) => ruleAt(run[i]!.index));
    sheet
      .getRange(first, run[0]!.index + 1, rows, run.length)
      .setDataValidations(rules as GoogleAppsScript.Spreadsheet.DataValidation[][]);
  }
  for (const run of runsOf(
    columns.filter((c) => c.def.numberFormat),
    () => "",
  )) {
    const formats = block(run, (i) => run[i]!.def.numberFormat!);
    sheet.getRange(first, run[0]!.index + 1, rows, run.length).setNumberFormats(formats);
  }
  const protections = state.created ? [] : sheet.getProtections(SpreadsheetApp.ProtectionType.RANGE);
  if (!protections.some((p) => p.getDescription() === PROTECTION_NOTE)) {
    // Our headers only: a user's own column keeps its header free.
    for (const run of runsOf(columns, () => "")) {
      sheet
        .getRange(place.headerRow, run[0]!.index + 1, 1, run.length)
        .protect()
        .setDescription(PROTECTION_NOTE)
        .setWarningOnly(true);
    }
  }
  if (okrsLang) {
    conditionalFormats(sheet, place, rows, okrsLang, state.created === true);
    protectComputed(sheet, place, rows, okrsLang, protections);
  }
}

const COMPUTED_NOTE = "OKR Sheets: computed column";

/**
 * Warning-only protection on the Score and Status cells below the header: typing there would
 * block the column's array formula (Sheets then shows #REF! in the header cell and leaves the
 * column empty), so Sheets asks before an edit, and the description says why.
 */
function protectComputed(
  sheet: Sheet,
  place: TablePlace,
  rows: number,
  lang: Lang,
  protections: GoogleAppsScript.Spreadsheet.Protection[],
): void {
  if (protections.some((p) => p.getDescription().startsWith(COMPUTED_NOTE))) return;
  for (const key of ["score", "status"] as const) {
    const index = place.columns[key];
    if (index === undefined) continue;
    const header = OKRS.columns.find((c) => c.key === key)!.header[lang];
    sheet
      .getRange(place.headerRow + 1, index + 1, rows, 1)
      .protect()
      .setDescription(`${COMPUTED_NOTE} — ${t(lang, "setup.computedProtection", { column: header })}`)
      .setWarningOnly(true);
  }
}

/** Runs of items at neighbouring column indexes that share a key (items sorted by index). */
function runsOf<T extends { index: number }>(items: readonly T[], key: (item: T) => unknown): T[][] {
  const out: T[][] = [];
  for (const item of items) {
    const last = out[out.length - 1];
    const previous = last?.[last.length - 1];
    if (last && previous && previous.index === item.index - 1 && key(previous) === key(item)) last.push(item);
    else out.push([item]);
  }
  return out;
}

/** Native validation with its help, in the spreadsheet's language. */
function validationRule(
  column: ColumnDef,
  sheetLang: Lang,
): GoogleAppsScript.Spreadsheet.DataValidation | undefined {
  // A builder only for the columns that get a rule (a text column gets none).
  const builder = () => SpreadsheetApp.newDataValidation().setAllowInvalid(true);
  if (column.type === "list" && column.list) {
    const values = listLabels(column.list, sheetLang);
    return builder()
      .requireValueInList(values, true)
      .setHelpText(t(sheetLang, "validation.list", { values: values.join(", ") }))
      .build();
  }
  if (column.type === "number") {
    if (column.min !== undefined && column.max !== undefined) {
      const help = t(sheetLang, "validation.range", { min: column.min, max: column.max });
      return builder().requireNumberBetween(column.min, column.max).setHelpText(help).build();
    }
    return builder().requireNumberBetween(-1e15, 1e15).setHelpText(t(sheetLang, "validation.number")).build();
  }
  if (column.type === "date")
    return builder().requireDate().setHelpText(t(sheetLang, "validation.date")).build();
  return undefined;
}

const BAND_COLORS = { red: "#f4c7c3", yellow: "#fce8b2", green: "#b7e1cd" };

/** Score bands and status colours; the user's own rules on other ranges are kept. */
function conditionalFormats(
  sheet: Sheet,
  place: TablePlace,
  rows: number,
  lang: Lang,
  created: boolean,
): void {
  const first = place.headerRow + 1;
  const range = (key: string) => {
    const index = place.columns[key];
    return index === undefined ? undefined : sheet.getRange(first, index + 1, rows, 1);
  };
  const score = range("score");
  const status = range("status");
  // The sheet's own rules apply to its own ranges: the A1 notation is enough to recognise ours.
  // A new sheet has none to keep.
  const ours = created
    ? new Set()
    : new Set([score?.getA1Notation(), status?.getA1Notation()].filter(Boolean));
  const kept = created
    ? []
    : sheet
        .getConditionalFormatRules()
        .filter((rule) => !rule.getRanges().some((r) => ours.has(r.getA1Notation())));
  const rules: GoogleAppsScript.Spreadsheet.ConditionalFormatRule[] = [];
  const rule = () => SpreadsheetApp.newConditionalFormatRule();
  if (score) {
    rules.push(rule().whenNumberLessThan(0.4).setBackground(BAND_COLORS.red).setRanges([score]).build());
    rules.push(rule().whenNumberLessThan(0.7).setBackground(BAND_COLORS.yellow).setRanges([score]).build());
    rules.push(
      rule().whenNumberGreaterThanOrEqualTo(0.7).setBackground(BAND_COLORS.green).setRanges([score]).build(),
    );
  }
  if (status) {
    const colors = {
      "on-track": BAND_COLORS.green,
      "at-risk": BAND_COLORS.yellow,
      "off-track": BAND_COLORS.red,
      done: "#a8dab5",
    } as const;
    for (const [key, color] of Object.entries(colors)) {
      rules.push(
        rule()
          .whenTextEqualTo(t(lang, `status.${key}` as "status.done"))
          .setBackground(color)
          .setRanges([status])
          .build(),
      );
    }
  }
  sheet.setConditionalFormatRules([...kept, ...rules]);
}
