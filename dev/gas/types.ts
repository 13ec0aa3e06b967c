/**
 * The in-memory services are typed against @types/google-apps-script: each fake implements a Pick of
 * the real interface, with the real types it returns swapped for their fakes. When the real API
 * changes a signature we use, the fakes stop compiling.
 */

/** Each real type a faked method may return, with the fake returned in its place. */
type Fakes = [
  [GoogleAppsScript.Spreadsheet.Range, RangeApi],
  [GoogleAppsScript.Spreadsheet.Sheet, SheetApi],
  [GoogleAppsScript.Spreadsheet.Spreadsheet, SpreadsheetApi],
  [GoogleAppsScript.Base.Menu, MenuApi],
  [GoogleAppsScript.HTML.HtmlOutput, HtmlOutputApi],
  [GoogleAppsScript.Spreadsheet.Protection, ProtectionApi],
  [GoogleAppsScript.Spreadsheet.RangeList, RangeListApi],
];

/** R with the first real type of Fakes it extends swapped for its fake; other types as they are. */
export type Swap<R, Left = Fakes> = Left extends [[infer Real, infer Fake], ...infer Rest]
  ? R extends Real
    ? Fake
    : Swap<R, Rest>
  : R;

export type Faked<T, K extends keyof T> = {
  [P in K]: T[P] extends (...args: infer A) => infer R ? (...args: A) => Swap<R> : T[P];
};

export interface RangeApi extends Faked<
  GoogleAppsScript.Spreadsheet.Range,
  | "getValues"
  | "setValues"
  | "getValue"
  | "setValue"
  | "getDisplayValues"
  | "getFormulas"
  | "getFormula"
  | "setFormulas"
  | "setFormula"
  | "getNotes"
  | "setNotes"
  | "getNote"
  | "setNote"
  | "getBackgrounds"
  | "setBackgrounds"
  | "setBackground"
  | "getNumberFormats"
  | "setNumberFormat"
  | "setNumberFormats"
  | "setFontWeight"
  | "setFontWeights"
  | "setFontColor"
  | "setWrap"
  | "getRow"
  | "getColumn"
  | "getNumRows"
  | "getNumColumns"
  | "getLastRow"
  | "getLastColumn"
  | "getA1Notation"
  | "clearContent"
> {
  getSheet(): SheetApi;
  activate(): RangeApi;
  setDataValidation(rule: DataValidationApi | null): RangeApi;
  setDataValidations(rules: (DataValidationApi | null)[][]): RangeApi;
  getDataValidations(): (DataValidationApi | null)[][];
  protect(): ProtectionApi;
}

/** Several ranges of one sheet, formatted in one call each (Sheet.getRangeList). */
export interface RangeListApi extends Faked<
  GoogleAppsScript.Spreadsheet.RangeList,
  "setFontWeight" | "setBackground" | "setNumberFormat" | "setWrap"
> {
  getRanges(): RangeApi[];
}

export interface SheetApi extends Faked<
  GoogleAppsScript.Spreadsheet.Sheet,
  | "getName"
  | "setName"
  | "getIndex"
  | "getSheetId"
  | "getLastRow"
  | "getLastColumn"
  | "getMaxRows"
  | "getMaxColumns"
  | "insertRowsAfter"
  | "insertColumnsAfter"
  | "setFrozenRows"
  | "getFrozenRows"
  | "setColumnWidth"
  | "setColumnWidths"
  | "getColumnWidth"
  | "activate"
  | "setTabColor"
  | "deleteRow"
  | "deleteRows"
  | "insertRowsBefore"
  | "insertRowBefore"
  | "insertRowAfter"
  | "hideSheet"
  | "showSheet"
  | "isSheetHidden"
> {
  moveRows(rows: RangeApi, destinationIndex: number): void;
  getRange(rowOrA1: number | string, column?: number, numRows?: number, numColumns?: number): RangeApi;
  getRangeList(a1Notations: string[]): RangeListApi;
  getDataRange(): RangeApi;
  protect(): ProtectionApi;
  getProtections(type: unknown): ProtectionApi[];
  getConditionalFormatRules(): ConditionalFormatRuleApi[];
  newChart(): ChartBuilderApi;
  insertChart(chart: ChartApi): void;
  getCharts(): ChartApi[];
  removeChart(chart: ChartApi): void;
  clear(): SheetApi;
  setConditionalFormatRules(rules: ConditionalFormatRuleApi[]): void;
}

export interface SpreadsheetApi extends Faked<
  GoogleAppsScript.Spreadsheet.Spreadsheet,
  "getId" | "getName" | "getSpreadsheetTimeZone" | "getSpreadsheetLocale" | "toast" | "getNumSheets"
> {
  getSheets(): SheetApi[];
  getSheetByName(name: string): SheetApi | null;
  getSheetById(id: number): SheetApi | null;
  insertSheet(name?: string, index?: number): SheetApi;
  deleteSheet(sheet: SheetApi): void;
  getActiveSheet(): SheetApi;
  setActiveSheet(sheet: SheetApi): SheetApi;
  getActiveRange(): RangeApi | null;
  setActiveRange(range: RangeApi): RangeApi;
  getRange(a1: string): RangeApi;
}

export interface DataValidationApi extends Faked<
  GoogleAppsScript.Spreadsheet.DataValidation,
  "getCriteriaValues" | "getHelpText" | "getAllowInvalid"
> {
  getCriteriaType(): string;
}

export interface ConditionalFormatRuleApi {
  getRanges(): RangeApi[];
}

export interface ProtectionApi extends Faked<
  GoogleAppsScript.Spreadsheet.Protection,
  "setWarningOnly" | "isWarningOnly" | "setDescription" | "getDescription"
> {
  remove(): void;
}

export interface MenuApi extends Faked<GoogleAppsScript.Base.Menu, "addItem" | "addSeparator" | "addToUi"> {
  addSubMenu(menu: MenuApi): MenuApi;
}

// An interface (not a type alias) so that Swap can refer to it recursively.
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface HtmlOutputApi extends Faked<
  GoogleAppsScript.HTML.HtmlOutput,
  "setTitle" | "getTitle" | "setWidth" | "getWidth" | "setHeight" | "getHeight" | "getContent" | "append"
> {}

/** An embedded chart as built by `sheet.newChart()`: recorded for assertions. */
export interface ChartApi {
  type: string;
  ranges: string[];
  position: { row: number; column: number };
  options: Record<string, unknown>;
}

export interface ChartBuilderApi {
  setChartType(type: string): ChartBuilderApi;
  addRange(range: RangeApi): ChartBuilderApi;
  setPosition(row: number, column: number, offsetX: number, offsetY: number): ChartBuilderApi;
  setOption(name: string, value: unknown): ChartBuilderApi;
  build(): ChartApi;
}
