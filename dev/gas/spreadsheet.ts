import { type GridRect, parseA1, toA1 } from "./a1";
import { CallLog, counted, LOCAL_BUILDERS } from "./calls";
import { type CellValue, type InputContext, interpretInput, isDate } from "./input";
import { formatDate } from "./services";
import {
  deletion,
  fillFormula,
  insertion,
  permutation,
  renameInFormula,
  type RowChange,
  shiftReferences,
} from "./references";
import type {
  ChartApi,
  ChartBuilderApi,
  ConditionalFormatRuleApi,
  DataValidationApi,
  ProtectionApi,
  RangeApi,
  RangeListApi,
  SheetApi,
  SpreadsheetApi,
} from "./types";

/** One cell of the in-memory grid. */
export interface Cell {
  value: CellValue;
  formula: string;
  note: string;
  /** null when never set or cleared with null; "#ffffff" only when white was written explicitly. */
  background: string | null;
  numberFormat: string;
  fontWeight: string;
  fontColor: string;
  validation: DataValidationApi | null;
}

const WHITE = "#ffffff";

function emptyCell(): Cell {
  return {
    value: "",
    formula: "",
    note: "",
    background: null,
    numberFormat: "",
    fontWeight: "normal",
    fontColor: "#000000",
    validation: null,
  };
}

/** Computes the value a formula cell shows; the playground plugs in the bundle's custom formulas. */
export type FormulaEvaluator = (sheet: FakeSheet, row: number, column: number, formula: string) => CellValue;

/**
 * The value an array formula spills into an empty cell below or right of it, or undefined: the
 * playground plugs it in next to the evaluator, so that spilled cells read as Sheets shows them.
 */
export type SpillLookup = (sheet: FakeSheet, row: number, column: number) => CellValue | undefined;

/** What IMPORTRANGE answers: the source's values, or the error Sheets shows (code and hover text). */
export type ImportResult =
  | { values: CellValue[][] }
  /** `source`: the spreadsheet whose Allow access would fix it (not connected yet). */
  | { error: { code: string; message: string; source?: string } };

export interface SpreadsheetOptions {
  /** What getId() answers (default "fake-spreadsheet-id"): tests of two spreadsheets set their own. */
  id?: string;
  name?: string;
  timeZone?: string;
  locale?: string;
  calls: CallLog;
}

export class FakeSpreadsheet {
  readonly calls: CallLog;
  readonly toasts: { message: string; title: string }[] = [];
  evaluator: FormulaEvaluator | undefined;
  spilled: SpillLookup | undefined;
  /** Today, for dates typed without a year; the loader ties it to the bundle's clock. */
  now: () => number = () => Date.now();
  /** Moves on every change to a cell or to the rows of a sheet: formula results are then recomputed. */
  version = 0;
  /**
   * IMPORTRANGE from another spreadsheet of the same Drive (dev/gas/drive.ts plugs it in), and the
   * version of everything it can import: when that moves, formula results are recomputed too.
   */
  importer: ((url: string, range: string) => ImportResult) | undefined;
  importVersion: () => number = () => 0;
  private readonly sheets: FakeSheet[] = [];
  private activeSheet: FakeSheet | undefined;
  private activeRange: FakeRange | undefined;
  private nextSheetId = 1;
  readonly api: SpreadsheetApi;

  constructor(
    private readonly options: SpreadsheetOptions,
    firstSheetName = "Sheet1",
  ) {
    this.calls = options.calls;
    this.api = counted<SpreadsheetApi>(this.facade(), "Spreadsheet", this.calls);
    this.addSheet(firstSheetName, 0);
  }

  get timeZone(): string {
    return this.options.timeZone ?? "Europe/Brussels";
  }

  /** What typing in a cell depends on: the spreadsheet's locale, time zone and today. */
  inputContext(): InputContext {
    return { locale: this.options.locale ?? "en_US", timeZone: this.timeZone, now: this.now };
  }

  /** Direct access for tests, without counting. */
  sheet(name: string): FakeSheet | undefined {
    return this.sheets.find((s) => s.name === name);
  }

  allSheets(): readonly FakeSheet[] {
    return this.sheets;
  }

  activeSheetName(): string | undefined {
    return this.activeSheet?.name;
  }

  /** Makes a sheet the active one, as clicking its tab would. */
  activate(sheet: FakeSheet): void {
    this.activeSheet = sheet;
  }

  activeRangeA1(): string | undefined {
    return this.activeRange ? `${this.activeRange.sheet.name}!${this.activeRange.a1()}` : undefined;
  }

  addSheet(name: string, index = this.sheets.length): FakeSheet {
    if (this.sheets.some((s) => s.name.toLowerCase() === name.toLowerCase())) {
      throw new Error(`A sheet with the name "${name}" already exists. Please enter another name.`);
    }
    const sheet = new FakeSheet(this, name, this.nextSheetId++);
    this.sheets.splice(Math.max(0, Math.min(index, this.sheets.length)), 0, sheet);
    this.activeSheet = sheet;
    return sheet;
  }

  removeSheet(sheet: FakeSheet): void {
    if (this.sheets.length === 1) throw new Error("You can't remove all the sheets in a document.");
    const at = this.sheets.indexOf(sheet);
    if (at < 0) throw new Error("Sheet not found.");
    this.sheets.splice(at, 1);
    if (this.activeSheet === sheet) this.activeSheet = this.sheets[0];
  }

  /** After rows of `changed` moved: every formula's references to it, on every sheet, follow. */
  shiftFormulas(changed: FakeSheet, change: RowChange): void {
    const named = (name: string) => name === changed.name;
    for (const sheet of this.sheets) sheet.rewriteFormulas(sheet === changed, named, change);
    this.version++;
  }

  indexOf(sheet: FakeSheet): number {
    return this.sheets.indexOf(sheet) + 1;
  }

  setActive(range: FakeRange): void {
    this.activeSheet = range.sheet;
    this.activeRange = range;
  }

  private facade(): SpreadsheetApi {
    return {
      getId: () => this.options.id ?? "fake-spreadsheet-id",
      getName: () => this.options.name ?? "OKR Sheets",
      getSpreadsheetTimeZone: () => this.timeZone,
      getSpreadsheetLocale: () => this.options.locale ?? "en_US",
      getNumSheets: () => this.sheets.length,
      toast: (message?: string, title?: string) => {
        this.toasts.push({ message: String(message ?? ""), title: String(title ?? "") });
      },
      getSheets: () => this.sheets.map((s) => s.api),
      getSheetByName: (name: string) => this.sheets.find((s) => s.name === name)?.api ?? null,
      getSheetById: (id: number) => this.sheets.find((s) => s.sheetId === id)?.api ?? null,
      insertSheet: (name?: string, index?: number) => {
        const sheetName = name ?? `Sheet${this.nextSheetId}`;
        return this.addSheet(sheetName, index ?? this.sheets.length).api;
      },
      deleteSheet: (sheet: SheetApi) => this.removeSheet(this.resolve(sheet)),
      getActiveSheet: () => (this.activeSheet ?? (this.sheets[0] as FakeSheet)).api,
      setActiveSheet: (sheet: SheetApi) => {
        this.activeSheet = this.resolve(sheet);
        return sheet;
      },
      getActiveRange: () => this.activeRange?.api ?? null,
      setActiveRange: (range: RangeApi) => {
        const fake = FakeRange.of(range);
        this.setActive(fake);
        return range;
      },
      getRange: (a1: string) => {
        const bang = a1.lastIndexOf("!");
        const sheetName = bang >= 0 ? a1.slice(0, bang).replace(/^'(.*)'$/, "$1") : undefined;
        const sheet =
          sheetName === undefined ? this.activeSheet : this.sheets.find((s) => s.name === sheetName);
        if (!sheet) throw new Error(`Range not found`);
        return sheet.range(bang >= 0 ? a1.slice(bang + 1) : a1).api;
      },
    };
  }

  private resolve(sheet: SheetApi): FakeSheet {
    const found = this.sheets.find((s) => s.api === sheet || s.name === sheet.getName());
    if (!found) throw new Error("Sheet not found.");
    return found;
  }
}

export class FakeSheet {
  readonly api: SheetApi;
  private grid: Cell[][] = [];
  maxRows = 1000;
  maxColumns = 26;
  frozenRows = 0;
  tabColor: string | null = null;
  hidden = false;
  readonly columnWidths = new Map<number, number>();
  conditionalRules: FakeConditionalFormatRule[] = [];
  readonly protections: FakeProtection[] = [];
  readonly charts: ChartApi[] = [];

  constructor(
    readonly spreadsheet: FakeSpreadsheet,
    public name: string,
    readonly sheetId: number,
  ) {
    this.api = counted<SheetApi>(this.facade(), "Sheet", spreadsheet.calls, LOCAL_BUILDERS);
  }

  /** The cell at 1-based row and column, created on first touch: for writing (formulas recompute). */
  cell(row: number, column: number): Cell {
    this.spreadsheet.version++;
    let line = this.grid[row - 1];
    if (!line) {
      line = [];
      this.grid[row - 1] = line;
    }
    let cell = line[column - 1];
    if (!cell) {
      cell = emptyCell();
      line[column - 1] = cell;
    }
    return cell;
  }

  peek(row: number, column: number): Cell | undefined {
    return this.grid[row - 1]?.[column - 1];
  }

  /** The value a cell shows: its value, or its formula's value when an evaluator is plugged in. */
  shownValue(row: number, column: number): CellValue {
    const cell = this.peek(row, column);
    if (!cell || (cell.value === "" && !cell.formula)) {
      return this.spreadsheet.spilled?.(this, row, column) ?? "";
    }
    if (cell.formula) {
      const evaluate = this.spreadsheet.evaluator;
      return evaluate ? evaluate(this, row, column, cell.formula) : "";
    }
    return cell.value;
  }

  /** Test helper: every shown value in the data range, as getValues would return them, uncounted. */
  values(): CellValue[][] {
    const rows = this.lastRow();
    const columns = this.lastColumn();
    return Array.from({ length: rows }, (_, r) =>
      Array.from({ length: columns }, (_, c) => this.shownValue(r + 1, c + 1)),
    );
  }

  lastRow(): number {
    for (let r = this.grid.length; r > 0; r--) {
      if (this.grid[r - 1]?.some((c) => c && (c.value !== "" || c.formula !== ""))) return r;
    }
    return 0;
  }

  lastColumn(): number {
    let last = 0;
    for (const line of this.grid) {
      if (!line) continue;
      for (let c = line.length; c > last; c--) {
        const cell = line[c - 1];
        if (cell && (cell.value !== "" || cell.formula !== "")) {
          last = c;
          break;
        }
      }
    }
    return last;
  }

  /**
   * Test and benchmark set-up, uncounted: writes values from a 1-based row as a user typing them
   * would (so "=…" becomes a formula), growing the sheet as needed.
   */
  fill(values: unknown[][], startRow = 1): void {
    const width = Math.max(0, ...values.map((line) => line.length));
    this.maxRows = Math.max(this.maxRows, startRow + values.length - 1);
    this.maxColumns = Math.max(this.maxColumns, width);
    values.forEach((line, r) =>
      line.forEach((value, c) => {
        const cell = this.cell(startRow + r, c + 1);
        const interpreted = interpretInput(value ?? "", cell.numberFormat, this.spreadsheet.inputContext());
        cell.formula = interpreted.kind === "formula" ? interpreted.formula : "";
        cell.value = interpreted.kind === "value" ? interpreted.value : "";
      }),
    );
  }

  /**
   * Deletes rows as Sheets does: the rows below move up, and every formula's references to them
   * follow (a reference to a deleted cell becomes #REF!); deleting every row is refused.
   */
  removeRows(row: number, howMany: number): void {
    if (row < 1 || howMany < 1 || row + howMany - 1 > this.maxRows) {
      throw new Error("Those rows are out of bounds.");
    }
    if (howMany >= this.maxRows) throw new Error("You can't delete all the rows on the sheet.");
    this.grid.splice(row - 1, howMany);
    this.maxRows -= howMany;
    this.spreadsheet.shiftFormulas(this, deletion(row, howMany));
  }

  /** Inserts empty rows before `row` as Sheets does; references at or below it shift down. */
  insertRows(row: number, howMany: number): void {
    if (row < 1 || howMany < 1 || row > this.maxRows + 1) throw new Error("Those rows are out of bounds.");
    if (this.grid.length >= row) this.grid.splice(row - 1, 0, ...Array.from({ length: howMany }, () => []));
    this.maxRows += howMany;
    this.spreadsheet.shiftFormulas(this, insertion(row, howMany));
  }

  /**
   * Moves rows from..from+count-1 so they sit before row `before` (Sheet.moveRows), as dragging them
   * does; references to the moved cells go with them.
   */
  moveRows(from: number, count: number, before: number): void {
    const last = from + count - 1;
    if (from < 1 || count < 1 || last > this.maxRows || before < 1 || before > this.maxRows + 1) {
      throw new Error("Those rows are out of bounds.");
    }
    if (before >= from && before <= last + 1) return;
    while (this.grid.length < Math.max(last, before)) this.grid.push([]);
    const moved = this.grid.splice(from - 1, count);
    const at = before > last ? before - count : before;
    this.grid.splice(at - 1, 0, ...moved);
    const map = (r: number) => {
      if (r >= from && r <= last) return at + (r - from);
      if (before > last) return r > last && r < before ? r - count : r;
      return r >= before && r < from ? r + count : r;
    };
    this.spreadsheet.shiftFormulas(this, permutation(map));
  }

  /**
   * Sorts rows first..first+count-1 by a column (Range.sort): the cells move; references elsewhere
   * are not rewritten (Sheets does not follow sorted cells).
   */
  sortRows(first: number, count: number, column: number, ascending = true): void {
    while (this.grid.length < first + count - 1) this.grid.push([]);
    const rows = this.grid.slice(first - 1, first - 1 + count);
    const key = (line: Cell[] | undefined) => line?.[column - 1]?.value ?? "";
    rows.sort((a, b) => {
      const [x, y] = [key(a), key(b)];
      // Empty cells go last, whatever the order.
      if (x === "" || y === "") return x === y ? 0 : x === "" ? 1 : -1;
      const order =
        typeof x === "number" && typeof y === "number" ? x - y : String(x).localeCompare(String(y));
      return ascending ? order : -order;
    });
    this.grid.splice(first - 1, count, ...rows);
    this.spreadsheet.version++;
  }

  /** Renames the tab as Sheets does: every formula that names it follows. */
  rename(name: string): void {
    const from = this.name;
    this.name = name;
    for (const sheet of this.spreadsheet.allSheets()) {
      sheet.eachFormula((cell) => (cell.formula = renameInFormula(cell.formula, from, name)));
    }
    this.spreadsheet.version++;
  }

  private eachFormula(visit: (cell: Cell) => void): void {
    for (const line of this.grid) {
      if (!line) continue;
      for (const cell of line) if (cell?.formula) visit(cell);
    }
  }

  /** Rewrites this sheet's formulas after a row change on some sheet (see FakeSpreadsheet.shiftFormulas). */
  rewriteFormulas(own: boolean, named: (name: string) => boolean, change: RowChange): void {
    this.eachFormula((cell) => (cell.formula = shiftReferences(cell.formula, own, named, change)));
  }

  range(a1: string): FakeRange {
    const rect = parseA1(a1, this.maxRows, this.maxColumns);
    if (!rect) throw new Error(`Range not found`);
    return this.rangeAt(rect);
  }

  rangeAt(rect: GridRect): FakeRange {
    if (rect.row < 1) throw new Error("The starting row of the range is too small.");
    if (rect.column < 1) throw new Error("The starting column of the range is too small.");
    if (rect.numRows < 1) throw new Error("The number of rows in the range must be at least 1.");
    if (rect.numColumns < 1) throw new Error("The number of columns in the range must be at least 1.");
    if (rect.row + rect.numRows - 1 > this.maxRows || rect.column + rect.numColumns - 1 > this.maxColumns) {
      throw new Error("The coordinates of the range are outside the dimensions of the sheet.");
    }
    return new FakeRange(this, rect);
  }

  private facade(): SheetApi {
    return {
      getName: () => this.name,
      setName: (name: string) => {
        if (
          this.spreadsheet.allSheets().some((s) => s !== this && s.name.toLowerCase() === name.toLowerCase())
        ) {
          throw new Error(`A sheet with the name "${name}" already exists. Please enter another name.`);
        }
        this.rename(name);
        return this.api;
      },
      getIndex: () => this.spreadsheet.indexOf(this),
      getSheetId: () => this.sheetId,
      getLastRow: () => this.lastRow(),
      getLastColumn: () => this.lastColumn(),
      getMaxRows: () => this.maxRows,
      getMaxColumns: () => this.maxColumns,
      insertRowsAfter: (after: number, howMany: number) => {
        this.insertRows(after + 1, howMany);
        return this.api;
      },
      insertRowsBefore: (before: number, howMany: number) => {
        this.insertRows(before, howMany);
        return this.api;
      },
      insertRowBefore: (before: number) => {
        this.insertRows(before, 1);
        return this.api;
      },
      insertRowAfter: (after: number) => {
        this.insertRows(after + 1, 1);
        return this.api;
      },
      moveRows: (rows: RangeApi, destinationIndex: number) => {
        const { row, numRows } = FakeRange.of(rows).rect;
        this.moveRows(row, numRows, destinationIndex);
      },
      deleteRow: (row: number) => {
        this.removeRows(row, 1);
        return this.api;
      },
      deleteRows: (row: number, howMany: number) => {
        this.removeRows(row, howMany);
        return this.api;
      },
      insertColumnsAfter: (_after: number, howMany: number) => {
        this.maxColumns += howMany;
        return this.api;
      },
      setFrozenRows: (rows: number) => {
        this.frozenRows = rows;
      },
      getFrozenRows: () => this.frozenRows,
      setColumnWidth: (column: number, width: number) => {
        this.columnWidths.set(column, width);
        return this.api;
      },
      setColumnWidths: (startColumn: number, numColumns: number, width: number) => {
        for (let c = startColumn; c < startColumn + numColumns; c++) this.columnWidths.set(c, width);
        return this.api;
      },
      getColumnWidth: (column: number) => this.columnWidths.get(column) ?? 100,
      activate: () => {
        this.spreadsheet.activate(this);
        return this.api;
      },
      setTabColor: (color: string | null) => {
        this.tabColor = color;
        return this.api;
      },
      hideSheet: () => {
        if (this.spreadsheet.allSheets().every((s) => s === this || s.hidden))
          throw new Error("You can't hide all the sheets in a document.");
        this.hidden = true;
        return this.api;
      },
      showSheet: () => {
        this.hidden = false;
        return this.api;
      },
      isSheetHidden: () => this.hidden,
      getRange: (rowOrA1: number | string, column?: number, numRows?: number, numColumns?: number) => {
        if (typeof rowOrA1 === "string") return this.range(rowOrA1).api;
        if (column === undefined)
          throw new Error("Exception: The parameters (number) don't match the method signature.");
        return this.rangeAt({ row: rowOrA1, column, numRows: numRows ?? 1, numColumns: numColumns ?? 1 }).api;
      },
      getRangeList: (a1Notations: string[]) =>
        new FakeRangeList(
          this,
          a1Notations.map((a1) => this.range(a1)),
        ).api,
      getDataRange: () =>
        this.rangeAt({
          row: 1,
          column: 1,
          numRows: Math.max(1, this.lastRow()),
          numColumns: Math.max(1, this.lastColumn()),
        }).api,
      protect: () => {
        const protection = new FakeProtection(this, undefined);
        this.protections.push(protection);
        return protection.api;
      },
      getProtections: () => this.protections.map((p) => p.api),
      getConditionalFormatRules: () => this.conditionalRules.map((r) => r.api),
      newChart: () => {
        const chart: ChartApi = { type: "", ranges: [], position: { row: 1, column: 1 }, options: {} };
        // A builder is assembled locally by Apps Script: not counted, only insertChart is.
        const builder: ChartBuilderApi = {
          setChartType: (type: string) => ((chart.type = type), builder),
          addRange: (range: RangeApi) => (chart.ranges.push(FakeRange.of(range).a1()), builder),
          setPosition: (row: number, column: number) => ((chart.position = { row, column }), builder),
          setOption: (name: string, value: unknown) => ((chart.options[name] = value), builder),
          build: () => chart,
        };
        return builder;
      },
      insertChart: (chart: ChartApi) => {
        this.charts.push(chart);
      },
      getCharts: () => [...this.charts],
      removeChart: (chart: ChartApi) => {
        const at = this.charts.indexOf(chart);
        if (at < 0) throw new Error("Exception: Chart not found.");
        this.charts.splice(at, 1);
      },
      // Sheet.clear(): contents and formats go; the sheet's size, widths and charts stay.
      clear: () => {
        this.spreadsheet.version++;
        this.grid = [];
        return this.api;
      },
      setConditionalFormatRules: (rules: ConditionalFormatRuleApi[]) => {
        this.conditionalRules = rules.map((r) => FakeConditionalFormatRule.of(r));
      },
    };
  }
}

const rangeOfFacade = new WeakMap<object, FakeRange>();

/** How each format setter writes one cell, the same for a whole range (setNote) as per cell (setNotes). */
const writeNote = (cell: Cell, note: unknown) => (cell.note = note === null ? "" : String(note));
const writeBackground = (cell: Cell, color: unknown) =>
  (cell.background = color === null ? null : String(color));
const writeNumberFormat = (cell: Cell, format: unknown) => (cell.numberFormat = String(format));
const writeFontWeight = (cell: Cell, weight: unknown) =>
  (cell.fontWeight = weight === null ? "normal" : String(weight));

type Grid<T> = T[][];

export class FakeRange {
  readonly api: RangeApi;

  constructor(
    readonly sheet: FakeSheet,
    readonly rect: GridRect,
  ) {
    this.api = counted<RangeApi>(this.facade(), "Range", sheet.spreadsheet.calls);
    rangeOfFacade.set(this.api, this);
  }

  static of(range: RangeApi): FakeRange {
    const fake = rangeOfFacade.get(range);
    if (!fake) throw new Error("Not a range of this spreadsheet.");
    return fake;
  }

  a1(): string {
    return toA1(this.rect);
  }

  private map<T>(read: (row: number, column: number) => T): Grid<T> {
    const { row, column, numRows, numColumns } = this.rect;
    return Array.from({ length: numRows }, (_, r) =>
      Array.from({ length: numColumns }, (_, c) => read(row + r, column + c)),
    );
  }

  private checkShape(data: unknown): asserts data is unknown[][] {
    if (!Array.isArray(data) || data.some((line) => !Array.isArray(line))) {
      throw new Error("The parameters don't match the method signature.");
    }
    if (data.length !== this.rect.numRows) {
      throw new Error(
        `The number of rows in the data does not match the number of rows in the range. The data has ${data.length} but the range has ${this.rect.numRows}.`,
      );
    }
    for (const line of data as unknown[][]) {
      if (line.length !== this.rect.numColumns) {
        throw new Error(
          `The number of columns in the data does not match the number of columns in the range. The data has ${line.length} but the range has ${this.rect.numColumns}.`,
        );
      }
    }
  }

  /** A setter of one value for every cell of the range (setNote, setBackground…). */
  private setAll<V>(write: (cell: Cell, value: V) => void): (value: V) => RangeApi {
    return (value) => {
      this.each(
        this.map(() => value),
        (cell) => write(cell, value),
      );
      return this.api;
    };
  }

  /** A setter of one value per cell (setNotes, setBackgrounds…): the grid must match the range's shape. */
  private setEach<V>(write: (cell: Cell, value: V) => void): (values: V[][]) => RangeApi {
    return (values) => {
      this.checkShape(values);
      this.each(values, (cell, value) => write(cell, value as V));
      return this.api;
    };
  }

  private each(
    data: unknown[][],
    write: (cell: Cell, value: unknown, row: number, column: number) => void,
  ): void {
    data.forEach((line, r) =>
      line.forEach((value, c) => {
        const row = this.rect.row + r;
        const column = this.rect.column + c;
        write(this.sheet.cell(row, column), value, row, column);
      }),
    );
  }

  /** The dev runtime is stricter than Sheets on purpose: NaN, Infinity and undefined in a cell are bugs. */
  private writeValue(cell: Cell, value: unknown, row: number, column: number): void {
    if (value === undefined || (typeof value === "number" && !Number.isFinite(value))) {
      throw new Error(
        `dev runtime: ${String(value)} written to ${this.sheet.name}!${toA1({ row, column, numRows: 1, numColumns: 1 })}`,
      );
    }
    if (typeof value === "object" && value !== null && !isDate(value)) {
      throw new Error("The parameters don't match the method signature.");
    }
    const interpreted = interpretInput(value, cell.numberFormat, this.sheet.spreadsheet.inputContext());
    if (interpreted.kind === "formula") {
      cell.formula = interpreted.formula;
      cell.value = "";
    } else {
      cell.formula = "";
      cell.value = interpreted.value;
    }
  }

  private facade(): RangeApi {
    return {
      getValues: () => this.map((r, c) => this.sheet.shownValue(r, c)),
      setValues: (values: unknown[][]) => {
        this.checkShape(values);
        this.each(values, (cell, value, r, c) => this.writeValue(cell, value, r, c));
        return this.api;
      },
      getValue: () => this.sheet.shownValue(this.rect.row, this.rect.column),
      setValue: (value: unknown) => {
        this.writeValue(
          this.sheet.cell(this.rect.row, this.rect.column),
          value,
          this.rect.row,
          this.rect.column,
        );
        return this.api;
      },
      getDisplayValues: () =>
        this.map((r, c) => {
          const v = this.sheet.shownValue(r, c);
          return isDate(v) ? formatDate(v, this.sheet.spreadsheet.timeZone, "yyyy-MM-dd") : String(v);
        }),
      getFormulas: () => this.map((r, c) => this.sheet.peek(r, c)?.formula ?? ""),
      getFormula: () => this.sheet.peek(this.rect.row, this.rect.column)?.formula ?? "",
      setFormulas: (formulas: string[][]) => {
        this.checkShape(formulas);
        this.each(formulas, (cell, f) => {
          cell.formula = String(f);
          cell.value = "";
        });
        return this.api;
      },
      // Sheets sets the formula in every cell of the range, its relative references moved as when
      // filling (the Sheets API's RepeatCellRequest documents the same: =A1 into B2:C4 gives B3 =A2).
      setFormula: (formula: string) => {
        this.each(
          this.map(() => formula),
          (cell, _, row, column) => {
            cell.formula = fillFormula(String(formula), row - this.rect.row, column - this.rect.column);
            cell.value = "";
          },
        );
        return this.api;
      },
      getNotes: () => this.map((r, c) => this.sheet.peek(r, c)?.note ?? ""),
      setNotes: this.setEach(writeNote),
      getNote: () => this.sheet.peek(this.rect.row, this.rect.column)?.note ?? "",
      setNote: this.setAll(writeNote),
      getBackgrounds: () => this.map((r, c) => this.sheet.peek(r, c)?.background ?? WHITE),
      setBackgrounds: this.setEach(writeBackground),
      setBackground: this.setAll(writeBackground),
      getNumberFormats: () => this.map((r, c) => this.sheet.peek(r, c)?.numberFormat ?? ""),
      setNumberFormat: this.setAll(writeNumberFormat),
      setNumberFormats: this.setEach(writeNumberFormat),
      setFontWeight: this.setAll(writeFontWeight),
      setFontWeights: this.setEach(writeFontWeight),
      setFontColor: this.setAll(
        (cell, color: string | null) => (cell.fontColor = color === null ? "#000000" : String(color)),
      ),
      setWrap: () => this.api,
      getRow: () => this.rect.row,
      getColumn: () => this.rect.column,
      getNumRows: () => this.rect.numRows,
      getNumColumns: () => this.rect.numColumns,
      getLastRow: () => this.rect.row + this.rect.numRows - 1,
      getLastColumn: () => this.rect.column + this.rect.numColumns - 1,
      getA1Notation: () => this.a1(),
      clearContent: () => {
        this.each(
          this.map(() => ""),
          (cell) => {
            cell.value = "";
            cell.formula = "";
          },
        );
        return this.api;
      },
      getSheet: () => this.sheet.api,
      activate: () => {
        this.sheet.spreadsheet.setActive(this);
        return this.api;
      },
      setDataValidation: this.setAll((cell, rule: DataValidationApi | null) => (cell.validation = rule)),
      setDataValidations: this.setEach(
        (cell, rule: DataValidationApi | null | undefined) => (cell.validation = rule ?? null),
      ),
      getDataValidations: () => this.map((r, c) => this.sheet.peek(r, c)?.validation ?? null),
      protect: () => {
        const protection = new FakeProtection(this.sheet, this);
        this.sheet.protections.push(protection);
        return protection.api;
      },
    };
  }
}

/**
 * Sheet.getRangeList: each setter applies to every range in one call
 * (https://developers.google.com/apps-script/reference/spreadsheet/range-list), counted as
 * `RangeList.method`; what it does to each range is the Range method's own, not counted again.
 */
export class FakeRangeList {
  readonly api: RangeListApi;

  constructor(
    readonly sheet: FakeSheet,
    readonly ranges: FakeRange[],
  ) {
    const each = (apply: (range: RangeApi) => unknown) => {
      sheet.spreadsheet.calls.uncounted(() => ranges.forEach((r) => apply(r.api)));
      return this.api;
    };
    this.api = counted<RangeListApi>(
      {
        getRanges: () => ranges.map((r) => r.api),
        setFontWeight: (weight: GoogleAppsScript.Spreadsheet.FontWeight | null) =>
          each((r) => r.setFontWeight(weight)),
        setBackground: (color: string | null) => each((r) => r.setBackground(color)),
        setNumberFormat: (format: string) => each((r) => r.setNumberFormat(format)),
        setWrap: (wrap: boolean) => each((r) => r.setWrap(wrap)),
      },
      "RangeList",
      sheet.spreadsheet.calls,
    );
  }
}

export class FakeProtection {
  readonly api: ProtectionApi;
  warningOnly = false;
  description = "";

  constructor(
    readonly sheet: FakeSheet,
    readonly range: FakeRange | undefined,
  ) {
    this.api = counted<ProtectionApi>(
      {
        setWarningOnly: (warningOnly: boolean) => {
          this.warningOnly = warningOnly;
          return this.api;
        },
        isWarningOnly: () => this.warningOnly,
        setDescription: (description: string) => {
          this.description = description;
          return this.api;
        },
        getDescription: () => this.description,
        remove: () => {
          const at = sheet.protections.indexOf(this);
          if (at >= 0) sheet.protections.splice(at, 1);
        },
      },
      "Protection",
      sheet.spreadsheet.calls,
    );
  }
}

/** Data validation rules, built as SpreadsheetApp.newDataValidation() builds them. */
export class FakeDataValidation implements DataValidationApi {
  constructor(
    readonly criteriaType: string,
    readonly criteriaValues: unknown[],
    readonly helpText: string,
    readonly allowInvalid: boolean,
  ) {}
  getCriteriaType(): string {
    return this.criteriaType;
  }
  getCriteriaValues(): unknown[] {
    return this.criteriaValues;
  }
  getHelpText(): string {
    return this.helpText;
  }
  getAllowInvalid(): boolean {
    return this.allowInvalid;
  }
}

export class FakeDataValidationBuilder {
  private criteriaType = "";
  private criteriaValues: unknown[] = [];
  private helpText = "";
  private allowInvalid = true;

  private criteria(type: string, values: unknown[]): this {
    this.criteriaType = type;
    this.criteriaValues = values;
    return this;
  }
  requireValueInList(values: string[], showDropdown = true): this {
    return this.criteria("VALUE_IN_LIST", [values, showDropdown]);
  }
  requireNumberBetween(start: number, end: number): this {
    return this.criteria("NUMBER_BETWEEN", [start, end]);
  }
  requireNumberGreaterThan(n: number): this {
    return this.criteria("NUMBER_GREATER_THAN", [n]);
  }
  requireNumberGreaterThanOrEqualTo(n: number): this {
    return this.criteria("NUMBER_GREATER_THAN_OR_EQUAL_TO", [n]);
  }
  requireDate(): this {
    return this.criteria("DATE_IS_VALID_DATE", []);
  }
  requireCheckbox(): this {
    return this.criteria("CHECKBOX", []);
  }
  requireFormulaSatisfied(formula: string): this {
    return this.criteria("CUSTOM_FORMULA", [formula]);
  }
  setAllowInvalid(allow: boolean): this {
    this.allowInvalid = allow;
    return this;
  }
  setHelpText(text: string): this {
    this.helpText = text;
    return this;
  }
  build(): FakeDataValidation {
    return new FakeDataValidation(this.criteriaType, this.criteriaValues, this.helpText, this.allowInvalid);
  }
}

const ruleOfFacade = new WeakMap<object, FakeConditionalFormatRule>();

export class FakeConditionalFormatRule {
  readonly api: ConditionalFormatRuleApi;
  constructor(
    readonly condition: string,
    readonly values: unknown[],
    readonly background: string | null,
    readonly fontColor: string | null,
    readonly ranges: RangeApi[],
  ) {
    this.api = { getRanges: () => this.ranges };
    ruleOfFacade.set(this.api, this);
    ruleOfFacade.set(this, this);
  }
  static of(rule: ConditionalFormatRuleApi): FakeConditionalFormatRule {
    const fake = ruleOfFacade.get(rule);
    if (!fake) throw new Error("Not a conditional format rule.");
    return fake;
  }
  /** The A1 notations the rule applies to, for assertions. */
  rangesA1(): string[] {
    return this.ranges.map((r) => FakeRange.of(r).a1());
  }
}

export class FakeConditionalFormatRuleBuilder {
  private condition = "";
  private values: unknown[] = [];
  private background: string | null = null;
  private fontColor: string | null = null;
  private ranges: RangeApi[] = [];

  private when(condition: string, values: unknown[]): this {
    this.condition = condition;
    this.values = values;
    return this;
  }
  whenNumberLessThan(n: number): this {
    return this.when("NUMBER_LESS_THAN", [n]);
  }
  whenNumberGreaterThanOrEqualTo(n: number): this {
    return this.when("NUMBER_GREATER_THAN_OR_EQUAL_TO", [n]);
  }
  whenNumberBetween(a: number, b: number): this {
    return this.when("NUMBER_BETWEEN", [a, b]);
  }
  whenTextEqualTo(text: string): this {
    return this.when("TEXT_EQUAL_TO", [text]);
  }
  whenFormulaSatisfied(formula: string): this {
    return this.when("CUSTOM_FORMULA", [formula]);
  }
  setBackground(color: string | null): this {
    this.background = color;
    return this;
  }
  setFontColor(color: string | null): this {
    this.fontColor = color;
    return this;
  }
  setRanges(ranges: RangeApi[]): this {
    this.ranges = ranges;
    return this;
  }
  build(): ConditionalFormatRuleApi {
    return new FakeConditionalFormatRule(
      this.condition,
      this.values,
      this.background,
      this.fontColor,
      this.ranges,
    ).api;
  }
}
