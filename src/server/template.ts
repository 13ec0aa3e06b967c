/**
 * OKR › Set up template: creates the sheets OKRs, Check-ins, KPIs, Settings and Guide in the user's
 * language from the core schema, formats them, and offers an example quarter. On a spreadsheet that
 * already has some of them it only adds what is missing: user data is never overwritten, and the
 * user is told what was done.
 */
import type { RawCell } from "../core/cells";
import { exampleQuarter } from "../core/example";
import { guideRows } from "../core/guide";
import { type Lang, t } from "../core/i18n";
import { parseTable } from "../core/parse";
import {
  type ColumnDef,
  DEFAULT_WIDTH,
  OKRS,
  SHEETS,
  type SheetDef,
  type SheetKey,
  listLabels,
} from "../core/schema";
import { defaultSettings, parseSettings, SETTING_DEFS, type SettingKey } from "../core/settings";
import { type FormulaPlaces, headerRow, scoreFormula, settingRow, statusFormula } from "../core/template";
import { currentUserEmail, resolveAuthor } from "./author";
import { today } from "./clock";
import { cellValue, nextFreeRow, type TablePlace, writeRows } from "./writer";
import { readAll, Workbook } from "./workbook";

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
}

/**
 * Runs the whole set-up; `askExample` decides whether to fill the example quarter, and `askName`
 * asks who is setting up when Google does not share the email ("" if they decline).
 */
export function setUpTemplate(lang: Lang, askExample: () => boolean, askName: () => string): SetupReport {
  const wb = Workbook.active();
  const report: SetupReport = { created: [], kept: [], notes: [], exampleRows: 0 };
  const day = today(wb.timeZone);

  const tables: Partial<Record<SheetKey, TableState>> = {};
  for (const key of TABLES) {
    const state = ensureTable(wb, key, lang, report);
    if (state) tables[key] = state;
  }
  const settings = ensureSettings(wb, lang, day, report);
  ensureGuide(wb, lang, report);

  const okrs = tables.okrs;
  if (okrs && settings) addComputedFormulas(okrs, settings, lang, report);
  for (const key of TABLES) {
    const state = tables[key];
    if (state) format(state, SHEETS[key], lang, key === "okrs");
  }

  const checkins = tables.checkins;
  if (
    okrs &&
    checkins &&
    nextFreeRow(okrs.grid, okrs.place, OKRS.columns) === okrs.place.headerRow + 1 &&
    askExample()
  ) {
    const quarterSettings = parseSettings(settings?.grid ?? [], day, wb.timeZone).settings;
    const author = exampleAuthor(lang, askName);
    const example = exampleQuarter(lang, quarterSettings.quarter, quarterSettings.quarterStart, day, author);
    writeRows(okrs.sheet, okrs.place.headerRow + 1, okrs.place, OKRS.columns, example.okrs, wb.timeZone);
    writeRows(
      checkins.sheet,
      nextFreeRow(checkins.grid, checkins.place, SHEETS.checkins.columns),
      checkins.place,
      SHEETS.checkins.columns,
      example.checkins,
      wb.timeZone,
    );
    report.exampleRows = example.okrs.length;
  }
  okrs?.sheet.activate();
  return report;
}

/**
 * The example check-ins' author, by the check-in rule: the email, else the name chosen before,
 * else the name asked now; someone who declines to give one gets the word "Example", never "".
 */
function exampleAuthor(lang: Lang, askName: () => string): string {
  const email = currentUserEmail();
  return resolveAuthor(email) || resolveAuthor(email, askName()) || t(lang, "setup.exampleAuthor");
}

/** Finds or creates a table sheet and makes sure its header row has every schema column. */
function ensureTable(wb: Workbook, key: SheetKey, lang: Lang, report: SetupReport): TableState | undefined {
  const def = SHEETS[key];
  const existing = wb.find(key);
  if (!existing) {
    const sheet = wb.insert(key, def.name[lang]);
    const header = headerRow(def, lang);
    sheet.getRange(1, 1, 1, header.length).setValues([header]);
    report.created.push(sheet.getName());
    const columns = Object.fromEntries(def.columns.map((c, i) => [c.key, i]));
    return { sheet, place: { headerRow: 1, columns }, grid: [header] };
  }
  const grid = readAll(existing);
  const name = existing.getName();
  if (grid.length === 0) {
    const header = headerRow(def, lang);
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
    report.notes.push(t(lang, "setup.noHeader", { sheet: name }));
    return undefined;
  }
  report.kept.push(name);
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
      .setValues([missing.map((c) => c.header[lang])]);
    missing.forEach((c, i) => (table.columns[c.key] = start + i));
    report.notes.push(
      t(lang, "setup.columnsAdded", { sheet: name, columns: missing.map((c) => c.header[lang]).join(", ") }),
    );
  }
  return { sheet: existing, place: { headerRow: table.headerRow, columns: table.columns }, grid };
}

/** Finds or creates Settings; adds the rows of settings it lacks, with their defaults. */
function ensureSettings(
  wb: Workbook,
  lang: Lang,
  day: number,
  report: SetupReport,
): { sheet: Sheet; grid: RawCell[][]; rows: Partial<Record<SettingKey, number>> } | undefined {
  const def = SHEETS.settings;
  const defaults = defaultSettings(day);
  const toCells = (key: SettingKey) => {
    const [label, value, help] = settingRow(key, defaults, lang);
    const valueColumn: ColumnDef = {
      key: "value",
      header: { en: "", fr: "" },
      type: SETTING_TYPES[key],
      width: 0,
    };
    return [label, cellValue(valueColumn, value, wb.timeZone), help];
  };
  let sheet = wb.find("settings");
  let grid: RawCell[][] = [];
  if (!sheet) {
    sheet = wb.insert("settings", def.name[lang]);
    report.created.push(sheet.getName());
  } else {
    grid = readAll(sheet);
    report.kept.push(sheet.getName());
  }
  const found = parseSettings(grid, day, wb.timeZone).rows;
  const missing = SETTING_DEFS.filter((d) => found[d.key] === undefined).map((d) => d.key);
  if (missing.length === 0) return { sheet, grid, rows: found };
  const rows: unknown[][] = [];
  if (grid.length === 0) rows.push(headerRow(def, lang));
  rows.push(...missing.map(toCells));
  const start = grid.length + 1;
  sheet.getRange(start, 1, rows.length, 3).setValues(rows);
  if (grid.length === 0) {
    sheet.getRange(1, 1, 1, 3).setFontWeight("bold").setBackground(HEADER_BACKGROUND);
    sheet.setFrozenRows(1);
    (def.columns as readonly ColumnDef[]).forEach((c, i) => sheet!.setColumnWidth(i + 1, c.width));
  } else {
    report.notes.push(
      t(lang, "setup.settingsAdded", {
        settings: missing.map((k) => SETTING_DEFS.find((d) => d.key === k)!.label[lang]).join(", "),
      }),
    );
  }
  const newGrid = [...grid, ...(rows as RawCell[][])];
  return { sheet, grid: newGrid, rows: parseSettings(newGrid, day, wb.timeZone).rows };
}

const SETTING_TYPES: Record<SettingKey, ColumnDef["type"]> = {
  quarter: "text",
  quarterStart: "date",
  quarterEnd: "date",
  lockDate: "date",
  maxObjectivesPerTeam: "number",
  maxKrsPerObjective: "number",
  allowedLevels: "text",
  onTrack: "number",
  atRisk: "number",
  staleDays: "number",
  language: "text",
};

function ensureGuide(wb: Workbook, lang: Lang, report: SetupReport): void {
  const existing = wb.find("guide");
  if (existing) {
    report.kept.push(existing.getName());
    return;
  }
  const sheet = wb.insert("guide", SHEETS.guide.name[lang]);
  const rows = guideRows(lang).map(([topic, text]) => [
    cellValue(TEXT, topic, wb.timeZone),
    cellValue(TEXT, text, wb.timeZone),
  ]);
  sheet.getRange(1, 1, rows.length, 2).setValues(rows);
  sheet.getRange(1, 1, 1, 2).setFontWeight("bold");
  sheet.getRange(1, 1, rows.length, 1).setFontWeight("bold");
  sheet.getRange(1, 1, rows.length, 2).setWrap(true);
  sheet.setColumnWidth(1, 200);
  sheet.setColumnWidth(2, 640);
  report.created.push(sheet.getName());
}

const TEXT: ColumnDef = { key: "text", header: { en: "", fr: "" }, type: "text", width: 0 };

/** One array formula per computed column, unless the user already has values there. */
function addComputedFormulas(
  okrs: TableState,
  settings: { sheet: Sheet; rows: Partial<Record<SettingKey, number>> },
  lang: Lang,
  report: SetupReport,
): void {
  const places: FormulaPlaces = {
    columns: okrs.place.columns,
    firstRow: okrs.place.headerRow + 1,
    settingsSheet: settings.sheet.getName(),
    settingsRows: settings.rows,
  };
  const formulas = { score: scoreFormula(places), status: statusFormula(places) };
  for (const key of ["score", "status"] as const) {
    const column = okrs.place.columns[key];
    const formula = formulas[key];
    if (column === undefined || formula === undefined) continue;
    const hasValues = okrs.grid
      .slice(okrs.place.headerRow)
      .some((line) => line[column] !== "" && line[column] !== undefined);
    const cell = okrs.sheet.getRange(places.firstRow, column + 1);
    if (hasValues) {
      if (!String(cell.getFormula()).startsWith(`=${key === "score" ? "OKRSCORE" : "OKRSTATUS"}(`)) {
        const header = OKRS.columns.find((c) => c.key === key)!.header[lang];
        report.notes.push(t(lang, "setup.formulaSkipped", { sheet: okrs.sheet.getName(), column: header }));
      }
      continue;
    }
    cell.setFormula(formula);
  }
}

/**
 * Frozen header, widths, native validation (dropdowns, numbers, dates, each with help), number
 * formats, header protection (warning only) and, on OKRs, conditional formats for score and status.
 * A fixed number of calls per column, whatever the number of rows.
 */
function format(state: TableState, def: SheetDef, lang: Lang, isOkrs: boolean): void {
  const { sheet, place } = state;
  const columns = (def.columns as readonly ColumnDef[])
    .filter((c) => place.columns[c.key] !== undefined)
    .map((c) => ({ def: c, index: place.columns[c.key]! }))
    .sort((a, b) => a.index - b.index);
  const width = Math.max(...columns.map((c) => c.index)) + 1;
  sheet.setFrozenRows(place.headerRow);
  sheet.getRange(place.headerRow, 1, 1, width).setFontWeight("bold").setBackground(HEADER_BACKGROUND);
  const first = place.headerRow + 1;
  const rows = Math.max(1, sheet.getMaxRows() - place.headerRow);
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
  for (const run of runsOf(ruled, () => "")) {
    sheet
      .getRange(first, run[0]!.index + 1, rows, run.length)
      .setDataValidations(block(run, (i) => run[i]!.rule));
  }
  for (const run of runsOf(
    columns.filter((c) => c.def.numberFormat),
    () => "",
  )) {
    const formats = block(run, (i) => run[i]!.def.numberFormat!);
    sheet.getRange(first, run[0]!.index + 1, rows, run.length).setNumberFormats(formats);
  }
  const protections = sheet.getProtections(SpreadsheetApp.ProtectionType.RANGE);
  if (!protections.some((p) => p.getDescription() === PROTECTION_NOTE)) {
    sheet
      .getRange(place.headerRow, 1, 1, width)
      .protect()
      .setDescription(PROTECTION_NOTE)
      .setWarningOnly(true);
  }
  if (isOkrs) conditionalFormats(sheet, place, rows, lang);
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

const HELP = {
  list: { en: "Pick one of: {values}.", fr: "Choisissez parmi : {values}." },
  number: { en: "A number, such as 120, 1.5 or 15%.", fr: "Un nombre, par exemple 120, 1,5 ou 15 %." },
  range: { en: "A number from {min} to {max}.", fr: "Un nombre de {min} à {max}." },
  date: { en: "A date, such as 2026-10-01.", fr: "Une date, par exemple 2026-10-01." },
};

function validationRule(
  column: ColumnDef,
  lang: Lang,
): GoogleAppsScript.Spreadsheet.DataValidation | undefined {
  // A builder only for the columns that get a rule (a text column gets none).
  const builder = () => SpreadsheetApp.newDataValidation().setAllowInvalid(true);
  if (column.type === "list" && column.list) {
    const values = listLabels(column.list, lang);
    return builder()
      .requireValueInList(values, true)
      .setHelpText(HELP.list[lang].replace("{values}", values.join(", ")))
      .build();
  }
  if (column.type === "number") {
    if (column.min !== undefined && column.max !== undefined) {
      const help = HELP.range[lang].replace("{min}", String(column.min)).replace("{max}", String(column.max));
      return builder().requireNumberBetween(column.min, column.max).setHelpText(help).build();
    }
    return builder().requireNumberBetween(-1e15, 1e15).setHelpText(HELP.number[lang]).build();
  }
  if (column.type === "date") return builder().requireDate().setHelpText(HELP.date[lang]).build();
  return undefined;
}

const BAND_COLORS = { red: "#f4c7c3", yellow: "#fce8b2", green: "#b7e1cd" };

/** Score bands and status colours; the user's own rules on other ranges are kept. */
function conditionalFormats(sheet: Sheet, place: TablePlace, rows: number, lang: Lang): void {
  const first = place.headerRow + 1;
  const range = (key: string) => {
    const index = place.columns[key];
    return index === undefined ? undefined : sheet.getRange(first, index + 1, rows, 1);
  };
  const score = range("score");
  const status = range("status");
  const ours = new Set([score?.getA1Notation(), status?.getA1Notation()].filter(Boolean));
  // The sheet's own rules apply to its own ranges: the A1 notation is enough to recognise ours.
  const kept = sheet
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
