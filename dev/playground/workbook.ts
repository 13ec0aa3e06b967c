/**
 * The spreadsheet as plain data, for .xlsx export and import: what crosses from the worker that
 * holds the in-memory spreadsheet to the server that reads and writes files. Structured-clonable
 * (Dates included), no class instances.
 */
import type { CellValue, FakeSheet, FakeSpreadsheet } from "../gas";
import { FakeConditionalFormatRule, FakeDataValidation } from "../gas/spreadsheet";
import type { FormulaEngine } from "../formula-engine";

export interface CellData {
  row: number;
  column: number;
  /** The value, or for a formula its last result (cached in the file, as Sheets does). */
  value: CellValue;
  formula?: string;
  note?: string;
  /** "#rrggbb"; absent for white. */
  background?: string;
  numberFormat?: string;
  bold?: boolean;
  fontColor?: string;
  /** A formula's array result: the rows and columns it spills over, its own cell included. */
  spill?: { rows: number; columns: number };
  /** A value shown by a formula above or left of it: exported as a value, skipped on import. */
  spilled?: boolean;
  validation?: ValidationData;
}

/** A data validation rule as SpreadsheetApp builds it: VALUE_IN_LIST [["A","B"], true]… */
export interface ValidationData {
  type: string;
  values: unknown[];
  helpText: string;
  allowInvalid: boolean;
}

/** A conditional format rule as SpreadsheetApp builds it: NUMBER_LESS_THAN [0.4], TEXT_EQUAL_TO ["Done"]… */
export interface ConditionalFormatData {
  condition: string;
  values: (number | string)[];
  background?: string;
  fontColor?: string;
  /** A1 ranges of the sheet. */
  ranges: string[];
}

export interface SheetData {
  name: string;
  maxRows: number;
  maxColumns: number;
  frozenRows: number;
  /** Widths in pixels, by 1-based column. */
  columnWidths: [number, number][];
  tabColor?: string;
  conditionalFormats?: ConditionalFormatData[];
  cells: CellData[];
}

export interface WorkbookData {
  sheets: SheetData[];
  activeSheet?: string;
}

const WHITE = "#ffffff";
const BLACK = "#000000";

/** True for a cell without a value, formula, note, colour, format or rule: the snapshot leaves it out. */
export function holdsNothing(data: CellData): boolean {
  return (
    data.value === "" &&
    !data.formula &&
    !data.note &&
    !data.background &&
    !data.numberFormat &&
    !data.bold &&
    !data.fontColor &&
    !data.validation
  );
}

/** Every cell that holds something (a value, formula, note, colour or format), with shown values. */
export function snapshotSheet(sheet: FakeSheet, engine: FormulaEngine | undefined): SheetData {
  const cells: CellData[] = [];
  for (let r = 1; r <= sheet.maxRows; r++) {
    for (let c = 1; c <= sheet.maxColumns; c++) {
      const cell = sheet.peek(r, c);
      const spilled = engine?.isSpilled(sheet, r, c) ?? false;
      if (!cell && !spilled) continue;
      const data: CellData = { row: r, column: c, value: sheet.shownValue(r, c) };
      if (cell) {
        if (cell.formula) {
          data.formula = cell.formula;
          const spill = engine?.spillOf(sheet, r, c);
          if (spill) data.spill = spill;
        }
        if (cell.note) data.note = cell.note;
        if (cell.background && cell.background.toLowerCase() !== WHITE) data.background = cell.background;
        if (cell.numberFormat) data.numberFormat = cell.numberFormat;
        if (cell.fontWeight === "bold") data.bold = true;
        if (cell.fontColor && cell.fontColor.toLowerCase() !== BLACK) data.fontColor = cell.fontColor;
        const rule = cell.validation;
        if (rule) {
          data.validation = {
            type: rule.getCriteriaType(),
            values: structuredClone(rule.getCriteriaValues()),
            helpText: rule.getHelpText(),
            allowInvalid: rule.getAllowInvalid(),
          };
        }
      }
      if (spilled) data.spilled = true;
      if (!holdsNothing(data)) cells.push(data);
    }
  }
  return {
    name: sheet.name,
    maxRows: sheet.maxRows,
    maxColumns: sheet.maxColumns,
    frozenRows: sheet.frozenRows,
    columnWidths: [...sheet.columnWidths.entries()].sort(([a], [b]) => a - b),
    ...(sheet.tabColor ? { tabColor: sheet.tabColor } : {}),
    conditionalFormats: sheet.conditionalRules.map((rule) => ({
      condition: rule.condition,
      values: rule.values.map((v) => (typeof v === "number" ? v : String(v))),
      ...(rule.background ? { background: rule.background } : {}),
      ...(rule.fontColor ? { fontColor: rule.fontColor } : {}),
      ranges: rule.rangesA1(),
    })),
    cells,
  };
}

export function snapshot(spreadsheet: FakeSpreadsheet, engine: FormulaEngine | undefined): WorkbookData {
  return {
    sheets: spreadsheet.allSheets().map((sheet) => snapshotSheet(sheet, engine)),
    activeSheet: spreadsheet.activeSheetName(),
  };
}

/**
 * Fills an empty spreadsheet (a new World's) with the data: its first sheet is renamed, the others
 * added in order. Uncounted, as a file opened in Sheets is not the add-on's doing.
 */
export function load(spreadsheet: FakeSpreadsheet, data: WorkbookData): void {
  if (data.sheets.length === 0) throw new Error("The workbook has no sheet.");
  const first = spreadsheet.allSheets()[0];
  if (!first || spreadsheet.allSheets().length !== 1) throw new Error("Load into a new spreadsheet.");
  data.sheets.forEach((sheetData, index) => {
    const sheet = index === 0 ? first : spreadsheet.addSheet(sheetData.name);
    sheet.name = sheetData.name;
    let rows = sheetData.maxRows;
    let columns = sheetData.maxColumns;
    for (const cell of sheetData.cells) {
      rows = Math.max(rows, cell.row);
      columns = Math.max(columns, cell.column);
    }
    sheet.maxRows = Math.max(1, rows);
    sheet.maxColumns = Math.max(1, columns);
    sheet.frozenRows = sheetData.frozenRows;
    sheet.tabColor = sheetData.tabColor ?? null;
    for (const [column, width] of sheetData.columnWidths) sheet.columnWidths.set(column, width);
    for (const data of sheetData.cells) {
      const cell = sheet.cell(data.row, data.column);
      if (data.formula) {
        cell.formula = data.formula.startsWith("=") ? data.formula : `=${data.formula}`;
        cell.value = "";
      } else if (!data.spilled) {
        cell.value = data.value;
      }
      if (data.note) cell.note = data.note;
      if (data.background) cell.background = data.background;
      if (data.numberFormat) cell.numberFormat = data.numberFormat;
      if (data.bold) cell.fontWeight = "bold";
      if (data.fontColor) cell.fontColor = data.fontColor;
      if (data.validation) {
        const { type, values, helpText, allowInvalid } = data.validation;
        cell.validation = new FakeDataValidation(type, values, helpText, allowInvalid);
      }
    }
    sheet.conditionalRules = (sheetData.conditionalFormats ?? []).flatMap((rule) => {
      const ranges = rule.ranges.flatMap((a1) => {
        try {
          return [sheet.range(a1).api];
        } catch {
          return [];
        }
      });
      if (ranges.length === 0) return [];
      return [
        new FakeConditionalFormatRule(
          rule.condition,
          rule.values,
          rule.background ?? null,
          rule.fontColor ?? null,
          ranges,
        ),
      ];
    });
  });
  const active = spreadsheet.allSheets().find((s) => s.name === data.activeSheet) ?? first;
  spreadsheet.activate(active);
}
