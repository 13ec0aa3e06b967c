/**
 * .xlsx export and import with exceljs: values, formulas (with their last result cached, as Sheets
 * exports them), notes, backgrounds, conditional formats, number formats, bold, font colours,
 * frozen rows, column widths and tab colours. Dates keep their calendar day: .xlsx dates have no
 * time zone, so a date is written as the wall-clock time it shows in the spreadsheet's zone and read
 * back into that zone.
 *
 * Formulas are written as Google Sheets writes a function Excel lacks (the add-on's custom
 * functions, whole-column ranges such as B2:B): IFERROR(__xludf.DUMMYFUNCTION("formula"), result),
 * and each cell an array result spilled into as IFERROR(__xludf.DUMMYFUNCTION("""COMPUTED_VALUE"""),
 * result). Excel then shows the results; the import (ours, and Google Sheets') reads the formulas
 * back and leaves the spilled cells to the formula. A formula the playground could not evaluate is
 * written as it is, for Excel to compute. Excel array formulas (t="array") are read too.
 */
import * as ExcelJS from "exceljs";
import type { CellValue } from "../gas";
import { isDate } from "../gas";
import { displayValue, fromWallClock, wallClock } from "./display";
import { PLAYGROUND_ERROR } from "../formula-engine";
import {
  type CellData,
  type ConditionalFormatData,
  holdsNothing,
  type SheetData,
  type ValidationData,
  type WorkbookData,
} from "./workbook";
import { IMPORT_LIMITS, type ImportLimits } from "./zipcheck";

export { IMPORT_LIMITS };

const EXCEL_ERRORS = new Set(["#N/A", "#REF!", "#NAME?", "#DIV/0!", "#NULL!", "#VALUE!", "#NUM!"]);

function toExcelDate(date: Date, timeZone: string): Date {
  const w = wallClock(date, timeZone);
  return new Date(Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second));
}

function fromExcelDate(date: Date, timeZone: string): Date {
  return fromWallClock(
    {
      year: date.getUTCFullYear(),
      month: date.getUTCMonth() + 1,
      day: date.getUTCDate(),
      hour: date.getUTCHours(),
      minute: date.getUTCMinutes(),
      second: date.getUTCSeconds(),
    },
    timeZone,
  );
}

const argb = (color: string) => `FF${color.replace(/^#/, "").toUpperCase()}`;

/** "#RRGGBB" or "#RGB" colours only; anything else is left out. */
function hexColor(color: string | undefined): string | undefined {
  if (!color) return undefined;
  const six = /^#([0-9a-f]{6})$/i.exec(color);
  if (six) return `#${six[1]!.toLowerCase()}`;
  const three = /^#([0-9a-f])([0-9a-f])([0-9a-f])$/i.exec(color);
  return three
    ? `#${three
        .slice(1)
        .map((x) => x + x)
        .join("")
        .toLowerCase()}`
    : undefined;
}

/** Excel refuses some sheet names that Sheets allows: too long, or with []:*?/\ in them. */
function excelSheetName(name: string, taken: Set<string>): string {
  const base =
    name
      .replace(/[[\]:*?/\\]/g, "_")
      .replace(/^'+|'+$/g, "")
      .slice(0, 31) || "Sheet";
  let candidate = base;
  for (let n = 2; taken.has(candidate.toLowerCase()); n++) {
    const suffix = ` (${n})`;
    candidate = base.slice(0, 31 - suffix.length) + suffix;
  }
  taken.add(candidate.toLowerCase());
  return candidate;
}

function result(value: CellValue, timeZone: string): ExcelJS.CellFormulaValue["result"] {
  if (isDate(value)) return toExcelDate(value, timeZone);
  if (typeof value === "string" && EXCEL_ERRORS.has(value)) {
    return { error: value as ExcelJS.CellErrorValue["error"] };
  }
  return value;
}

/** Days since 1899-12-30: how a date is written inside a formula. */
function serial(date: Date, timeZone: string): number {
  return (toExcelDate(date, timeZone).getTime() - Date.UTC(1899, 11, 30)) / 86_400_000;
}

/** A value as an Excel formula literal (text literals are limited to 255 characters). */
function literal(value: CellValue, timeZone: string): string {
  if (typeof value === "number") return String(value).toUpperCase();
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (isDate(value)) return String(serial(value, timeZone));
  if (EXCEL_ERRORS.has(value)) return value;
  return `"${value.slice(0, 255).replace(/"/g, '""')}"`;
}

const quoted = (text: string) => `"${text.replace(/"/g, '""')}"`;

/** Excel's limits (https://support.microsoft.com/office/excel-specifications-and-limits-1672b34d-7043-467e-8e27-269d656771c3). */
export const EXCEL_LIMITS = { text: 32_767, formula: 8_192, prompt: 255, list: 255 };

/** What an export had to change for Excel to open the file, by cell ("Sheet!A1"). */
export interface ExportReport {
  /** Text cut at 32,767 characters (a note in the cell says so). */
  cut: string[];
  /** Infinity or NaN, written as the text the user saw. */
  notFinite: string[];
}

/** A cell's value as Excel can hold it: no Infinity or NaN, no text longer than Excel takes. */
function excelSafe(data: CellData, timeZone: string, where: string, report: ExportReport): CellData {
  let { value, note } = data;
  if (typeof value === "number" && !Number.isFinite(value)) {
    value = displayValue(value, data.numberFormat ?? "", timeZone).text;
    report.notFinite.push(where);
  }
  if (typeof value === "string" && value.length > EXCEL_LIMITS.text) {
    const full = value.length;
    value = value.slice(0, EXCEL_LIMITS.text);
    const said = `Cut at ${EXCEL_LIMITS.text.toLocaleString("en-US")} characters, Excel's limit for a cell; the full text had ${full.toLocaleString("en-US")}.`;
    note = (note ? `${said}\n\n${note}` : said).slice(0, EXCEL_LIMITS.text);
    report.cut.push(where);
  } else if (note && note.length > EXCEL_LIMITS.text) {
    note = note.slice(0, EXCEL_LIMITS.text);
    report.cut.push(where);
  }
  const formula = data.formula && data.formula.length <= EXCEL_LIMITS.formula ? data.formula : undefined;
  return { ...data, value, ...(note ? { note } : {}), formula };
}

function writeCell(
  sheet: ExcelJS.Worksheet,
  original: CellData,
  timeZone: string,
  report: ExportReport,
): void {
  const cell = sheet.getCell(original.row, original.column);
  const data = excelSafe(original, timeZone, `${sheet.name}!${cell.address}`, report);
  const cannot = typeof data.value === "string" && data.value.startsWith(PLAYGROUND_ERROR);
  if (data.formula && cannot) {
    cell.value = { formula: data.formula.replace(/^=/, "") };
  } else if (data.formula || data.spilled) {
    const inner = data.formula ? quoted(data.formula.replace(/^=/, "")) : quoted(quoted("COMPUTED_VALUE"));
    cell.value = {
      formula: `IFERROR(__xludf.DUMMYFUNCTION(${inner}),${literal(data.value, timeZone)})`,
      result: result(data.value, timeZone),
    };
  } else if (data.value !== "") {
    cell.value = isDate(data.value) ? toExcelDate(data.value, timeZone) : data.value;
  }
  if (data.note) cell.note = data.note;
  const background = hexColor(data.background);
  if (background) cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: argb(background) } };
  const numberFormat = data.numberFormat || (isDate(data.value) ? "yyyy-mm-dd" : "");
  if (numberFormat) cell.numFmt = numberFormat;
  const color = hexColor(data.fontColor);
  if (data.bold || color) {
    cell.font = { ...(data.bold ? { bold: true } : {}), ...(color ? { color: { argb: argb(color) } } : {}) };
  }
  const validation = data.validation && excelValidation(data.validation, timeZone);
  if (validation) cell.dataValidation = validation;
}

const NUMBER_OPERATORS: Record<string, ExcelJS.DataValidationOperator> = {
  NUMBER_BETWEEN: "between",
  NUMBER_GREATER_THAN: "greaterThan",
  NUMBER_GREATER_THAN_OR_EQUAL_TO: "greaterThanOrEqual",
};

/** SpreadsheetApp's validation as Excel's, where Excel has one (not checkboxes). */
function excelValidation(rule: ValidationData, timeZone: string): ExcelJS.DataValidation | undefined {
  const common = {
    allowBlank: true,
    showErrorMessage: !rule.allowInvalid,
    ...(rule.helpText ? { showInputMessage: true, prompt: rule.helpText.slice(0, EXCEL_LIMITS.prompt) } : {}),
  };
  const operator = NUMBER_OPERATORS[rule.type];
  if (operator) {
    const bounds = rule.values.filter((v): v is number => typeof v === "number" && Number.isFinite(v));
    return bounds.length ? { ...common, type: "decimal", operator, formulae: bounds } : undefined;
  }
  if (rule.type === "VALUE_IN_LIST" && Array.isArray(rule.values[0])) {
    const list = (rule.values[0] as unknown[]).map((v) =>
      literal(v as CellValue, timeZone).replace(/^"|"$/g, ""),
    );
    const formula = `"${list.join(",")}"`;
    if (list.some((v) => v.includes(",")) || formula.length > EXCEL_LIMITS.list) return undefined;
    return { ...common, type: "list", formulae: [formula] };
  }
  if (rule.type === "CUSTOM_FORMULA" && typeof rule.values[0] === "string") {
    return { ...common, type: "custom", formulae: [rule.values[0].replace(/^=/, "")] };
  }
  return undefined;
}

/** SpreadsheetApp's conditions and OOXML's "cell is" operators (exceljs types only four of them). */
const OPERATORS: Record<string, string> = {
  NUMBER_LESS_THAN: "lessThan",
  NUMBER_LESS_THAN_OR_EQUAL_TO: "lessThanOrEqual",
  NUMBER_GREATER_THAN: "greaterThan",
  NUMBER_GREATER_THAN_OR_EQUAL_TO: "greaterThanOrEqual",
  NUMBER_EQUAL_TO: "equal",
  NUMBER_NOT_EQUAL_TO: "notEqual",
  NUMBER_BETWEEN: "between",
  NUMBER_NOT_BETWEEN: "notBetween",
  TEXT_EQUAL_TO: "equal",
};

function writeConditionalFormats(sheet: ExcelJS.Worksheet, rules: ConditionalFormatData[]): void {
  rules.forEach((rule, index) => {
    const operator = OPERATORS[rule.condition];
    const background = hexColor(rule.background);
    const color = hexColor(rule.fontColor);
    if (!operator || rule.ranges.length === 0 || (!background && !color)) return;
    const formulae = rule.values.map((v) => (typeof v === "number" ? v : quoted(String(v))));
    sheet.addConditionalFormatting({
      ref: rule.ranges.join(" "),
      rules: [
        {
          type: "cellIs",
          operator: operator as ExcelJS.CellIsOperators,
          formulae,
          priority: index + 1,
          style: {
            ...(background
              ? { fill: { type: "pattern", pattern: "solid", bgColor: { argb: argb(background) } } }
              : {}),
            ...(color ? { font: { color: { argb: argb(color) } } } : {}),
          },
        },
      ],
    });
  });
}

/** The workbook as an .xlsx file that Excel opens; what had to change for it goes in `report`. */
export async function exportXlsx(
  data: WorkbookData,
  timeZone: string,
  report: ExportReport = { cut: [], notFinite: [] },
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "OKR Sheets playground";
  const taken = new Set<string>();
  for (const sheetData of data.sheets) {
    const frozen = sheetData.frozenRows > 0;
    const sheet = workbook.addWorksheet(excelSheetName(sheetData.name, taken), {
      views: [frozen ? { state: "frozen", ySplit: sheetData.frozenRows, xSplit: 0 } : { state: "normal" }],
      ...(sheetData.tabColor && hexColor(sheetData.tabColor)
        ? { properties: { tabColor: { argb: argb(hexColor(sheetData.tabColor)!) } } }
        : {}),
    });
    for (const [column, width] of sheetData.columnWidths) {
      sheet.getColumn(column).width = Math.max(1, Math.round(((width - 5) / 7) * 100) / 100);
    }
    for (const cell of sheetData.cells) writeCell(sheet, cell, timeZone, report);
    writeConditionalFormats(sheet, sheetData.conditionalFormats ?? []);
  }
  // Excel computes what it can on opening; the add-on's functions fall back on their results.
  workbook.calcProperties.fullCalcOnLoad = true;
  const active = data.sheets.findIndex((s) => s.name === data.activeSheet);
  if (active >= 0) workbook.views = [{ activeTab: active } as ExcelJS.WorkbookView];
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** Google Sheets' export of a function Excel lacks: IFERROR(__xludf.DUMMYFUNCTION("…"), result). */
const DUMMY = /^\s*IFERROR\(\s*__xludf\.DUMMYFUNCTION\(\s*"((?:[^"]|"")*)"\s*\)\s*,[\s\S]*\)\s*$/i;

function importedFormula(text: string): { formula: string } | { spilled: true } {
  const dummy = DUMMY.exec(text);
  if (dummy) {
    const inner = dummy[1]!.replace(/""/g, '"');
    if (inner === '"COMPUTED_VALUE"') return { spilled: true };
    return { formula: `=${inner.replace(/^=/, "")}` };
  }
  return { formula: `=${text.replace(/^=/, "").replace(/_xlfn\.|_xlws\./g, "")}` };
}

function plainValue(value: unknown, timeZone: string): CellValue {
  if (value === null || value === undefined) return "";
  if (typeof value === "number" || typeof value === "string" || typeof value === "boolean") return value;
  if (isDate(value)) return fromExcelDate(value, timeZone);
  if (typeof value === "object") {
    const object = value as Record<string, unknown>;
    if (Array.isArray(object.richText)) {
      return (object.richText as { text?: string }[]).map((part) => part.text ?? "").join("");
    }
    if (typeof object.error === "string") return object.error;
    if (typeof object.text === "string") return object.text;
    if ("result" in object) return plainValue(object.result, timeZone);
  }
  return "";
}

function noteText(note: unknown): string {
  if (typeof note === "string") return note;
  const texts = (note as { texts?: { text?: string }[] } | undefined)?.texts;
  return Array.isArray(texts) ? texts.map((t) => t.text ?? "").join("") : "";
}

function argbColor(color: Partial<ExcelJS.Color> | undefined): string | undefined {
  const value = color?.argb;
  return typeof value === "string" && /^[0-9a-f]{8}$/i.test(value)
    ? `#${value.slice(2).toLowerCase()}`
    : undefined;
}

function readSheet(
  sheet: ExcelJS.Worksheet,
  timeZone: string,
  budget: { cells: number },
  limits: ImportLimits,
): SheetData {
  if (sheet.rowCount > limits.rows || sheet.columnCount > limits.columns) {
    throw new Error(
      `The sheet "${sheet.name}" is too large for the playground (${limits.rows} rows and ${limits.columns} columns at most).`,
    );
  }
  // Every add-on read spans the sheet's rows × columns: that is what is capped, not each alone.
  budget.cells -= sheet.rowCount * sheet.columnCount;
  if (budget.cells < 0) {
    throw new Error(
      `The sheets span more than ${limits.cells.toLocaleString("en-US")} cells (rows × columns); the playground takes no more.`,
    );
  }
  const cells: CellData[] = [];
  const arrays: { row: number; column: number; bottom: number; right: number }[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, r) => {
    row.eachCell({ includeEmpty: true }, (cell, c) => {
      const data: CellData = { row: r, column: c, value: "" };
      const raw = cell.value as unknown;
      const formulaText = cell.type === ExcelJS.ValueType.Formula ? cell.formula : undefined;
      if (formulaText) {
        const imported = importedFormula(formulaText);
        data.value = plainValue((raw as { result?: unknown })?.result, timeZone);
        if ("spilled" in imported) data.spilled = true;
        else data.formula = imported.formula;
        const shared = raw as { shareType?: string; ref?: string };
        const ref =
          shared?.shareType === "array" && shared.ref
            ? /^([A-Z]+)(\d+):([A-Z]+)(\d+)$/i.exec(shared.ref)
            : null;
        if (ref && data.formula) {
          const bottom = Number(ref[4]);
          const right = sheet.getColumn(ref[3]!).number;
          arrays.push({ row: r, column: c, bottom, right });
        }
      } else if (cell.type !== ExcelJS.ValueType.Merge) {
        data.value = plainValue(raw, timeZone);
      }
      const note = noteText(cell.note);
      if (note) data.note = note;
      const fill = cell.fill;
      if (fill?.type === "pattern" && fill.pattern === "solid") {
        const background = argbColor(fill.fgColor);
        if (background && background !== "#ffffff") data.background = background;
      }
      if (cell.numFmt && cell.numFmt !== "General") data.numberFormat = cell.numFmt;
      if (cell.font?.bold) data.bold = true;
      const color = argbColor(cell.font?.color);
      if (color && color !== "#000000") data.fontColor = color;
      if (!holdsNothing(data) || data.spilled) cells.push(data);
    });
  });
  // The cells an array formula spills into hold its results: they are the formula's, not values.
  for (const data of cells) {
    if (data.formula) continue;
    const inside = arrays.some(
      (x) =>
        data.row >= x.row &&
        data.row <= x.bottom &&
        data.column >= x.column &&
        data.column <= x.right &&
        !(data.row === x.row && data.column === x.column),
    );
    if (inside) data.spilled = true;
  }
  const view = sheet.views?.[0] as { state?: string; ySplit?: number } | undefined;
  const columnWidths: [number, number][] = [];
  for (let c = 1; c <= sheet.columnCount; c++) {
    const width = sheet.getColumn(c).width;
    if (typeof width === "number" && width > 0) columnWidths.push([c, Math.round(width * 7 + 5)]);
  }
  const tabColor = argbColor((sheet.properties as { tabColor?: Partial<ExcelJS.Color> }).tabColor);
  const conditionalFormats = readConditionalFormats(sheet);
  return {
    name: sheet.name,
    maxRows: Math.max(1000, sheet.rowCount),
    maxColumns: Math.max(26, sheet.columnCount),
    frozenRows: view?.state === "frozen" ? Math.max(0, Math.floor(view.ySplit ?? 0)) : 0,
    columnWidths,
    ...(tabColor ? { tabColor } : {}),
    ...(conditionalFormats.length ? { conditionalFormats } : {}),
    cells,
  };
}

/** A formula operand of a conditional format: a number, or a text literal "…". */
function operand(formula: unknown): number | string | undefined {
  const text = String(formula ?? "").trim();
  if (/^-?(\d+(\.\d*)?|\.\d+)(e[+-]?\d+)?$/i.test(text)) return Number(text);
  const string = /^"((?:[^"]|"")*)"$/.exec(text);
  return string ? string[1]!.replace(/""/g, '"') : undefined;
}

/** The "cell is" conditional formats, in priority order; other kinds are left out. */
function readConditionalFormats(sheet: ExcelJS.Worksheet): ConditionalFormatData[] {
  const found: (ConditionalFormatData & { priority: number })[] = [];
  const all = (sheet as unknown as { conditionalFormattings?: ExcelJS.ConditionalFormattingOptions[] })
    .conditionalFormattings;
  for (const format of all ?? []) {
    const ranges = String(format.ref ?? "")
      .split(/\s+/)
      .filter((r) => /^[A-Z]{1,3}\d+(:[A-Z]{1,3}\d+)?$/i.test(r));
    for (const rule of format.rules ?? []) {
      if (rule.type !== "cellIs" || !rule.operator) continue;
      const values = (rule.formulae ?? []).map(operand);
      if (values.some((v) => v === undefined)) continue;
      const text = typeof values[0] === "string";
      const condition = text
        ? rule.operator === "equal"
          ? "TEXT_EQUAL_TO"
          : undefined
        : Object.keys(OPERATORS).find((key) => OPERATORS[key] === rule.operator && key !== "TEXT_EQUAL_TO");
      const style = rule.style as
        | {
            fill?: { bgColor?: Partial<ExcelJS.Color>; fgColor?: Partial<ExcelJS.Color> };
            font?: { color?: Partial<ExcelJS.Color> };
          }
        | undefined;
      const background = argbColor(style?.fill?.bgColor) ?? argbColor(style?.fill?.fgColor);
      const fontColor = argbColor(style?.font?.color);
      if (!condition || ranges.length === 0 || (!background && !fontColor)) continue;
      found.push({
        condition,
        values: values as (number | string)[],
        ...(background ? { background } : {}),
        ...(fontColor ? { fontColor } : {}),
        ranges,
        priority: rule.priority ?? found.length + 1,
      });
    }
  }
  return found.sort((a, b) => a.priority - b.priority).map(({ priority: _priority, ...rule }) => rule);
}

/** Reads an .xlsx file; throws a clear Error when it is not one or is too large. */
export async function importXlsx(
  file: Buffer | Uint8Array,
  timeZone: string,
  limits: ImportLimits = IMPORT_LIMITS,
): Promise<WorkbookData> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(file as unknown as ExcelJS.Buffer);
  } catch {
    throw new Error("This is not an .xlsx file that the playground can read.");
  }
  const sheets = workbook.worksheets;
  if (sheets.length === 0) throw new Error("The workbook has no sheet.");
  if (sheets.length > limits.sheets) throw new Error("The workbook has too many sheets for the playground.");
  const budget = { cells: limits.cells };
  const data = sheets.map((sheet) => readSheet(sheet, timeZone, budget, limits));
  const names = new Set<string>();
  for (const sheet of data) {
    if (names.has(sheet.name.toLowerCase())) throw new Error(`Two sheets are named "${sheet.name}".`);
    names.add(sheet.name.toLowerCase());
  }
  const activeTab = (workbook.views?.[0] as { activeTab?: number } | undefined)?.activeTab;
  const active = typeof activeTab === "number" ? data[activeTab]?.name : undefined;
  return { sheets: data, ...(active ? { activeSheet: active } : {}) };
}
