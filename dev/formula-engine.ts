/**
 * Formula cells evaluated as Sheets does for the add-on's custom functions: the playground's
 * formulas, and those of every e2e test on the built bundle (dev/loader.ts installs it).
 *
 * A formula is parsed into calls, references and literals. A call to one of the bundle's custom
 * functions (its uppercase globals) runs that function in the bundle's context; a range argument
 * arrives as a 2-D array (an open-ended range such as B2:B stops at the sheet's last row with data),
 * a single cell as its value, another sheet's cells through 'Sheet name'!A1, an empty argument as ''.
 * An array result spills into the cells below and to the right, unless one of them holds something
 * (then the formula shows #REF!, as in Sheets). A function the playground does not know (SUM, TODAY…)
 * or an operator shows "#PLAYGROUND: cannot evaluate …" rather than a silent blank.
 *
 * Recalculation follows Sheets' rule for custom functions: a custom function reruns only when the
 * value of one of its arguments changed (Google: "Custom function arguments must be deterministic";
 * https://developers.google.com/apps-script/guides/sheets/functions), never because time passed;
 * an argument that is, or refers to a cell holding, NOW(), TODAY(), RAND() or RANDBETWEEN() is an
 * error. Results are recomputed on read after any change to the spreadsheet (its `version`), but
 * a custom function whose arguments are the same answers what it answered last time, uncalled.
 */
import type { CellValue, FakeSheet, FakeSpreadsheet } from "./gas";
import { columnLetter } from "./gas/a1";
import { isDate } from "./gas";

export type CustomFunction = (...args: unknown[]) => unknown;

/** The bundle's custom function of that (uppercase) name, or undefined. */
export type FunctionLookup = (name: string) => CustomFunction | undefined;

/** An evaluated formula: what its own cell shows, the whole array when it spills, and why it failed. */
export interface FormulaResult {
  value: CellValue;
  values?: CellValue[][];
  /** The message Sheets shows when hovering an error (#ERROR!, #REF!…), or the playground's own. */
  error?: string;
  /** An IMPORTRANGE not connected yet: the source spreadsheet's ID, which Allow access connects. */
  importFrom?: string;
}

export const PLAYGROUND_ERROR = "#PLAYGROUND";

// ------------------------------------------------------------------------------------------ parsing

/** One end of a reference; a missing row or column is open (B2:B, A:A, 2:2). */
interface End {
  row?: number;
  column?: number;
}

export type FormulaNode =
  | { kind: "literal"; value: CellValue }
  | { kind: "empty" }
  | { kind: "ref"; sheet?: string; start: End; end?: End }
  | { kind: "call"; name: string; args: FormulaNode[] };

/** A formula the playground cannot evaluate, with what to say about it. */
export class CannotEvaluate extends Error {
  constructor(readonly what: string) {
    super(`${PLAYGROUND_ERROR}: cannot evaluate ${what}`);
  }
}

class FormulaFault extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly importFrom?: string,
  ) {
    super(message);
  }
}

const CELL_END = /^\$?([A-Za-z]{1,3})?\$?(\d+)?/;
const REFERENCE =
  /^(\$?[A-Za-z]{1,3}\$?\d+|\$?[A-Za-z]{1,3}|\$?\d+)(?::(\$?[A-Za-z]{1,3}\$?\d+|\$?[A-Za-z]{1,3}|\$?\d+))?(?![\w$(.!])/;
const NAME = /^[A-Za-z_][A-Za-z0-9_.]*/;
const BARE_SHEET = /^([\p{L}_][\p{L}\p{N}_.]*)!/u;
const NUMBER = /^(\d+(\.\d*)?|\.\d+)(e[+-]?\d+)?/i;

function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

function end(text: string): End {
  const [, letters, digits] = CELL_END.exec(text) ?? [];
  return {
    column: letters ? columnNumber(letters) : undefined,
    row: digits ? Number(digits) : undefined,
  };
}

class Parser {
  private pos = 0;

  constructor(private readonly text: string) {}

  parse(): FormulaNode {
    const node = this.expression();
    this.skipSpaces();
    if (this.pos < this.text.length) throw new CannotEvaluate("");
    return node;
  }

  private skipSpaces(): void {
    while (/\s/.test(this.text.charAt(this.pos))) this.pos++;
  }

  private rest(): string {
    return this.text.slice(this.pos);
  }

  private expression(): FormulaNode {
    this.skipSpaces();
    const rest = this.rest();
    const sign = rest.charAt(0);
    if (sign === "-" || sign === "+") {
      this.pos++;
      this.skipSpaces();
      const number = NUMBER.exec(this.rest());
      if (!number) throw new CannotEvaluate("");
      this.pos += number[0].length;
      return { kind: "literal", value: (sign === "-" ? -1 : 1) * Number(number[0]) };
    }
    if (sign === '"') return this.string();
    if (sign === "(") {
      this.pos++;
      const inner = this.expression();
      this.skipSpaces();
      if (this.text.charAt(this.pos) !== ")") throw new CannotEvaluate("");
      this.pos++;
      return inner;
    }
    const quoted = /^'((?:[^']|'')+)'!/.exec(rest);
    const bare = quoted ? undefined : BARE_SHEET.exec(rest);
    const prefix = quoted ?? bare;
    if (prefix) {
      this.pos += prefix[0].length;
      const sheet = quoted ? (quoted[1] ?? "").replace(/''/g, "'") : (prefix[1] ?? "");
      const ref = this.reference();
      if (!ref) throw new CannotEvaluate("");
      return { ...ref, sheet };
    }
    const ref = this.reference();
    if (ref) return ref;
    const number = NUMBER.exec(rest);
    if (number) {
      this.pos += number[0].length;
      return { kind: "literal", value: Number(number[0]) };
    }
    const name = NAME.exec(rest);
    if (name) {
      this.pos += name[0].length;
      this.skipSpaces();
      if (this.text.charAt(this.pos) === "(") {
        this.pos++;
        return { kind: "call", name: name[0].toUpperCase(), args: this.args() };
      }
      const upper = name[0].toUpperCase();
      if (upper === "TRUE" || upper === "FALSE") return { kind: "literal", value: upper === "TRUE" };
      throw new CannotEvaluate(name[0]);
    }
    throw new CannotEvaluate("");
  }

  private reference(): (FormulaNode & { kind: "ref" }) | undefined {
    const match = REFERENCE.exec(this.rest());
    if (!match) return undefined;
    const start = end(match[1] ?? "");
    const finish = match[2] === undefined ? undefined : end(match[2]);
    // A lone column ("B") or row ("2") is a name or a number, not a reference; ranges may be open.
    if (!finish && (start.row === undefined || start.column === undefined)) return undefined;
    this.pos += match[0].length;
    return { kind: "ref", start, end: finish };
  }

  private string(): FormulaNode {
    let value = "";
    this.pos++;
    for (;;) {
      if (this.pos >= this.text.length) throw new CannotEvaluate("");
      const ch = this.text.charAt(this.pos++);
      if (ch !== '"') value += ch;
      else if (this.text.charAt(this.pos) === '"') {
        value += '"';
        this.pos++;
      } else return { kind: "literal", value };
    }
  }

  private args(): FormulaNode[] {
    const args: FormulaNode[] = [];
    this.skipSpaces();
    if (this.text.charAt(this.pos) === ")") {
      this.pos++;
      return args;
    }
    for (;;) {
      this.skipSpaces();
      const ch = this.text.charAt(this.pos);
      if (ch === "," || ch === ";" || ch === ")") args.push({ kind: "empty" });
      else args.push(this.expression());
      this.skipSpaces();
      const next = this.text.charAt(this.pos++);
      if (next === ")") return args;
      if (next !== "," && next !== ";") throw new CannotEvaluate("");
    }
  }
}

/** The names called in a formula's text, in order (to name the culprit of a formula we cannot parse). */
function calledNames(formula: string): string[] {
  const names: string[] = [];
  const pattern = /("(?:[^"]|"")*")|([A-Za-z_][A-Za-z0-9_.]*)\s*\(/g;
  for (let match = pattern.exec(formula); match; match = pattern.exec(formula)) {
    if (match[2]) names.push(match[2].toUpperCase());
  }
  return names;
}

/** Parses a formula ("=…"); throws CannotEvaluate naming what the playground cannot evaluate. */
export function parseFormula(formula: string, known: (name: string) => boolean): FormulaNode {
  const body = formula.replace(/^\s*=/, "");
  try {
    return new Parser(body).parse();
  } catch (error) {
    if (!(error instanceof CannotEvaluate) || error.what) throw error;
    const unknown = calledNames(body).find((name) => !known(name));
    const shown = formula.length > 60 ? `${formula.slice(0, 59)}…` : formula;
    throw new CannotEvaluate(unknown ?? shown);
  }
}

// --------------------------------------------------------------------------------------- evaluation

type Value = CellValue | CellValue[][];

interface Layout {
  /** Formula cells, by row then column. */
  anchors: { row: number; column: number }[];
  /** Spilled values by cell key, once every anchor of the sheet is evaluated. */
  spills?: Map<number, CellValue>;
  building: boolean;
}

const key = (row: number, column: number) => row * 32768 + column;

/** Sheets' volatile functions, which a custom function may not take as an argument. */
const VOLATILE = new Set(["NOW", "TODAY", "RAND", "RANDBETWEEN"]);
const VOLATILE_IN_TEXT = /\b(NOW|TODAY|RAND|RANDBETWEEN)\s*\(/i;
export const VOLATILE_MESSAGE =
  "This function is not allowed to reference a cell with NOW(), RAND(), or RANDBETWEEN().";

function callsVolatile(node: FormulaNode): boolean {
  return node.kind === "call" && (VOLATILE.has(node.name) || node.args.some(callsVolatile));
}

/** Arguments as a comparable text: same text, same values (Dates by instant). */
function fingerprintOf(args: readonly Value[]): string {
  return JSON.stringify(args, function (this: Record<string, unknown>, name: string, value: unknown) {
    const raw = this[name];
    return isDate(raw) ? `\u0000date:${raw.getTime()}` : value;
  });
}

/**
 * Evaluates formula cells for a FakeSpreadsheet: plug it in with `install()`, which sets the
 * spreadsheet's `evaluator` and `spilled` hooks.
 */
export class FormulaEngine {
  private results = new Map<FakeSheet, Map<number, FormulaResult>>();
  private layouts = new Map<FakeSheet, Layout>();
  private readonly stack: { sheet: FakeSheet; key: number; circular: boolean; calls: number; id: string }[] =
    [];
  private readonly parsed = new Map<string, FormulaNode | CannotEvaluate>();
  /** Each custom-function call's last arguments and answer, by cell, formula and call. */
  private readonly memo = new Map<string, { fingerprint: string; out?: unknown; error?: string }>();
  /** The spreadsheet version the results are for. */
  private seen = -1;
  /** Set while reading a range that holds a volatile formula. */
  private sawVolatile = false;
  /** How many times a custom function actually ran: what a test counts to prove a rerun or none. */
  runs = 0;

  constructor(
    private readonly spreadsheet: FakeSpreadsheet,
    private readonly lookup: FunctionLookup,
    /** The custom functions' names, listed in the message of a formula the playground cannot evaluate. */
    private readonly names: readonly string[] = [],
  ) {}

  install(): this {
    this.spreadsheet.evaluator = (sheet, row, column) => this.result(sheet, row, column).value;
    this.spreadsheet.spilled = (sheet, row, column) => this.spilled(sheet, row, column);
    return this;
  }

  /** After a change anywhere in the spreadsheet, results are recomputed (not necessarily rerun). */
  private sync(): void {
    // Both only grow, so their sum moves on any change here or in a spreadsheet we import from.
    const version = this.spreadsheet.version + this.spreadsheet.importVersion();
    if (version === this.seen || this.stack.length > 0) return;
    this.invalidate();
    this.seen = version;
  }

  /** Forgets every result: the next read recalculates. */
  invalidate(): void {
    if (this.results.size === 0 && this.layouts.size === 0) return;
    this.results = new Map();
    this.layouts = new Map();
  }

  /** The result of the formula in a cell (which must hold one). */
  result(sheet: FakeSheet, row: number, column: number): FormulaResult {
    this.sync();
    const k = key(row, column);
    let bySheet = this.results.get(sheet);
    const cached = bySheet?.get(k);
    if (cached) return cached;
    const onStack = this.stack.findIndex((frame) => frame.sheet === sheet && frame.key === k);
    if (onStack >= 0) {
      for (const frame of this.stack.slice(onStack)) frame.circular = true;
      return { value: "#REF!", error: "Circular dependency detected." };
    }
    const formula = sheet.peek(row, column)?.formula ?? "";
    const frame = {
      sheet,
      key: k,
      circular: false,
      calls: 0,
      id: `${sheet.sheetId}!${row}:${column}=${formula}`,
    };
    this.stack.push(frame);
    let result: FormulaResult;
    try {
      result = this.compute(sheet, row, column, formula);
    } finally {
      this.stack.pop();
    }
    if (frame.circular) result = { value: "#REF!", error: "Circular dependency detected." };
    if (!bySheet) {
      bySheet = new Map();
      this.results.set(sheet, bySheet);
    }
    bySheet.set(k, result);
    return result;
  }

  /** The value spilled into an empty cell by an array formula above or left of it, if any. */
  spilled(sheet: FakeSheet, row: number, column: number): CellValue | undefined {
    this.sync();
    const layout = this.layout(sheet);
    if (layout.anchors.length === 0) return undefined;
    // While one of the sheet's own formulas is being evaluated, the map cannot be complete yet.
    const evaluating = this.stack.some((frame) => frame.sheet === sheet);
    if (!layout.spills && !layout.building && !evaluating) {
      layout.building = true;
      try {
        const spills = new Map<number, CellValue>();
        for (const anchor of layout.anchors) {
          const { values, error } = this.result(sheet, anchor.row, anchor.column);
          if (!values || error) continue;
          values.forEach((line, r) =>
            line.forEach((value, c) => {
              if (r || c) spills.set(key(anchor.row + r, anchor.column + c), value);
            }),
          );
        }
        layout.spills = spills;
      } finally {
        layout.building = false;
      }
    }
    if (layout.spills) return layout.spills.get(key(row, column));
    // Asked while the sheet's own formulas are being evaluated: look at the others above-left.
    for (const anchor of layout.anchors) {
      if (anchor.row > row) break;
      if (anchor.column > column || (anchor.row === row && anchor.column === column)) continue;
      const k = key(anchor.row, anchor.column);
      if (this.stack.some((frame) => frame.sheet === sheet && frame.key === k)) continue;
      const { values, error } = this.result(sheet, anchor.row, anchor.column);
      const value = !error ? values?.[row - anchor.row]?.[column - anchor.column] : undefined;
      if (value !== undefined) return value;
    }
    return undefined;
  }

  /** Where a formula cell's array spills (rows × columns), for export. */
  spillOf(sheet: FakeSheet, row: number, column: number): { rows: number; columns: number } | undefined {
    const { values, error } = this.result(sheet, row, column);
    if (!values || error) return undefined;
    return { rows: values.length, columns: values[0]?.length ?? 1 };
  }

  /** Whether a cell shows a value spilled by a formula elsewhere. */
  isSpilled(sheet: FakeSheet, row: number, column: number): boolean {
    const cell = sheet.peek(row, column);
    if (cell && (cell.value !== "" || cell.formula)) return false;
    return this.spilled(sheet, row, column) !== undefined;
  }

  private layout(sheet: FakeSheet): Layout {
    let layout = this.layouts.get(sheet);
    if (!layout) {
      const anchors: Layout["anchors"] = [];
      const rows = sheet.lastRow();
      const columns = sheet.lastColumn();
      for (let r = 1; r <= rows; r++) {
        for (let c = 1; c <= columns; c++) if (sheet.peek(r, c)?.formula) anchors.push({ row: r, column: c });
      }
      layout = { anchors, building: false };
      this.layouts.set(sheet, layout);
    }
    return layout;
  }

  private node(formula: string): FormulaNode {
    let node = this.parsed.get(formula);
    if (!node) {
      try {
        node = parseFormula(formula, (name) => this.lookup(name) !== undefined);
      } catch (error) {
        if (!(error instanceof CannotEvaluate)) throw error;
        node = error;
      }
      if (this.parsed.size > 5000) this.parsed.clear();
      this.parsed.set(formula, node);
    }
    if (node instanceof CannotEvaluate) throw node;
    return node;
  }

  private compute(sheet: FakeSheet, row: number, column: number, formula: string): FormulaResult {
    let value: Value;
    try {
      value = this.evaluate(this.node(formula), sheet);
    } catch (error) {
      if (error instanceof CannotEvaluate) {
        const names = this.names.length ? ` (${this.names.join(", ")})` : "";
        return {
          value: error.message,
          error: `The playground evaluates only the add-on's custom functions${names}, with cells, ranges, numbers and text as arguments.`,
        };
      }
      if (error instanceof FormulaFault)
        return error.importFrom === undefined
          ? { value: error.code, error: error.message }
          : { value: error.code, error: error.message, importFrom: error.importFrom };
      return { value: "#ERROR!", error: (error as Error)?.message ?? String(error) };
    }
    if (!Array.isArray(value)) return { value };
    const values = value;
    const height = values.length;
    const width = values[0]?.length ?? 0;
    if (height === 0 || width === 0) return { value: "" };
    if (height === 1 && width === 1) return { value: values[0]![0]! };
    const lastRow = Math.min(row + height - 1, sheet.maxRows);
    const lastColumn = Math.min(column + width - 1, sheet.maxColumns);
    for (let r = row; r <= lastRow; r++) {
      for (let c = column; c <= lastColumn; c++) {
        if (r === row && c === column) continue;
        const cell = sheet.peek(r, c);
        if (cell && (cell.value !== "" || cell.formula)) {
          const a1 = `${columnLetter(c)}${r}`;
          return {
            value: "#REF!",
            error: `Array result was not expanded because it would overwrite data in ${a1}.`,
          };
        }
      }
    }
    const clipped = values.slice(0, lastRow - row + 1).map((line) => line.slice(0, lastColumn - column + 1));
    return { value: clipped[0]![0]!, values: clipped };
  }

  private evaluate(node: FormulaNode, sheet: FakeSheet): Value {
    switch (node.kind) {
      case "literal":
        return node.value;
      case "empty":
        return "";
      case "ref":
        return this.read(node, sheet);
      case "call": {
        if (node.name === "IMPORTRANGE" && this.spreadsheet.importer) return this.importRange(node, sheet);
        if (node.name === "IFERROR" && !this.lookup(node.name)) return this.ifError(node, sheet);
        const fn = this.lookup(node.name);
        if (!fn && node.name === "HYPERLINK") return this.hyperlink(node, sheet);
        if (!fn) throw new CannotEvaluate(node.name);
        if (node.args.some(callsVolatile)) throw new FormulaFault("#ERROR!", VOLATILE_MESSAGE);
        let volatile = false;
        const args = node.args.map((arg) => {
          this.sawVolatile = false;
          const value = this.evaluate(arg, sheet);
          volatile ||= this.sawVolatile;
          return value;
        });
        if (volatile) throw new FormulaFault("#ERROR!", VOLATILE_MESSAGE);
        const frame = this.stack[this.stack.length - 1];
        const memoKey = frame ? `${frame.id}#${frame.calls++}` : undefined;
        const fingerprint = fingerprintOf(args);
        const known = memoKey === undefined ? undefined : this.memo.get(memoKey);
        let out: unknown;
        if (known && known.fingerprint === fingerprint) {
          if (known.error !== undefined) throw new FormulaFault("#ERROR!", known.error);
          out = known.out;
        } else {
          this.runs++;
          try {
            out = fn(...args);
          } catch (error) {
            const message = (error as Error)?.message ?? String(error);
            if (memoKey !== undefined) this.memo.set(memoKey, { fingerprint, error: message });
            throw new FormulaFault("#ERROR!", message);
          }
          if (memoKey !== undefined) this.memo.set(memoKey, { fingerprint, out });
        }
        return normalize(out);
      }
    }
  }

  /** HYPERLINK(url, [label]) shows its label (else its URL): the one built-in the add-on writes. */
  private hyperlink(node: FormulaNode & { kind: "call" }, sheet: FakeSheet): Value {
    const [url, label] = node.args.map((arg) => this.evaluate(arg, sheet));
    const shown = label === undefined || label === "" ? url : label;
    if (Array.isArray(shown)) throw new CannotEvaluate("HYPERLINK over a range");
    return shown ?? "";
  }

  /**
   * Sheets' IFERROR(value, [value_if_error]): the first argument unless it is an error, else the
   * second (blank when absent); https://support.google.com/docs/answer/3093304. An array passes
   * through whole. What fails inside is handled, so an IMPORTRANGE in it offers no Allow access
   * of its own: the cell shows no prompt, only the fallback or its error. (An error shown by a
   * referenced cell is read as its text here: no formula of the add-on relies on catching it.)
   */
  private ifError(node: FormulaNode & { kind: "call" }, sheet: FakeSheet): Value {
    if (node.args.length < 1 || node.args.length > 2)
      throw new FormulaFault(
        "#N/A",
        "Wrong number of arguments to IFERROR. Expected between 1 and 2 arguments.",
      );
    try {
      return this.evaluate(node.args[0]!, sheet);
    } catch (error) {
      if (!(error instanceof FormulaFault)) throw error;
    }
    if (node.args.length < 2) return "";
    try {
      return this.evaluate(node.args[1]!, sheet);
    } catch (error) {
      if (error instanceof FormulaFault && error.importFrom !== undefined)
        throw new FormulaFault(error.code, error.message);
      throw error;
    }
  }

  /** The last row a formula of the sheet spills into (formulas being evaluated are left out). */
  private spillBottom(sheet: FakeSheet): number {
    let bottom = 0;
    for (const anchor of this.layout(sheet).anchors) {
      const k = key(anchor.row, anchor.column);
      if (this.stack.some((frame) => frame.sheet === sheet && frame.key === k)) continue;
      const { values, error } = this.result(sheet, anchor.row, anchor.column);
      if (values && !error) bottom = Math.max(bottom, anchor.row + values.length - 1);
    }
    return bottom;
  }

  /** Sheets' IMPORTRANGE(url, range) from another spreadsheet of the Drive (dev/gas/drive.ts). */
  private importRange(node: FormulaNode & { kind: "call" }, sheet: FakeSheet): Value {
    if (node.args.length !== 2)
      throw new FormulaFault("#N/A", "Wrong number of arguments to IMPORTRANGE. Expected 2 arguments.");
    const [url, range] = node.args.map((arg) => this.evaluate(arg, sheet));
    if (Array.isArray(url) || Array.isArray(range))
      throw new FormulaFault("#VALUE!", "IMPORTRANGE takes a URL and a range as text.");
    const result = this.spreadsheet.importer!(String(url), String(range));
    if ("error" in result)
      throw new FormulaFault(result.error.code, result.error.message, result.error.source);
    return result.values;
  }

  private read(node: FormulaNode & { kind: "ref" }, from: FakeSheet): Value {
    let sheet = from;
    if (node.sheet !== undefined) {
      const found = this.spreadsheet.sheet(node.sheet);
      if (!found) throw new FormulaFault("#REF!", `Unresolved sheet name '${node.sheet}'.`);
      sheet = found;
    }
    const { start, end } = node;
    // On another sheet, an open-ended range (A1:C) also takes in the rows its formulas spill into
    // (an import sheet's IMPORTRANGE): Sheets' ranges run to the sheet's end.
    const lastRow = () => Math.max(sheet.lastRow(), sheet === from ? 0 : this.spillBottom(sheet), 1);
    const lastColumn = () => Math.max(sheet.lastColumn(), 1);
    let top = start.row ?? 1;
    let left = start.column ?? 1;
    let bottom = end ? (end.row ?? lastRow()) : top;
    let right = end ? (end.column ?? lastColumn()) : left;
    if (end && start.row !== undefined && end.row === undefined) bottom = Math.max(lastRow(), top);
    if (end && start.column !== undefined && end.column === undefined) right = Math.max(lastColumn(), left);
    if (bottom < top) [top, bottom] = [bottom, top];
    if (right < left) [left, right] = [right, left];
    if (bottom > sheet.maxRows || right > sheet.maxColumns) {
      throw new FormulaFault("#REF!", "Range is outside the sheet.");
    }
    const volatile = (r: number, c: number) => {
      const formula = sheet.peek(r, c)?.formula;
      if (formula && VOLATILE_IN_TEXT.test(formula)) this.sawVolatile = true;
    };
    if (top === bottom && left === right) {
      const value = sheet.shownValue(top, left);
      volatile(top, left);
      return value;
    }
    const values: CellValue[][] = [];
    for (let r = top; r <= bottom; r++) {
      const line: CellValue[] = [];
      for (let c = left; c <= right; c++) {
        line.push(sheet.shownValue(r, c));
        volatile(r, c);
      }
      values.push(line);
    }
    return values;
  }
}

/** What a custom function returned, as cells: arrays become rows (a flat array is a column). */
function normalize(out: unknown): Value {
  if (Array.isArray(out)) {
    const rows = (out as unknown[]).map((line) => (Array.isArray(line) ? (line as unknown[]) : [line]));
    const width = Math.max(0, ...rows.map((line) => line.length));
    return rows.map((line) => Array.from({ length: width }, (_, c) => scalar(line[c])));
  }
  return scalar(out);
}

function scalar(value: unknown): CellValue {
  if (value === undefined || value === null) return "";
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw new FormulaFault("#NUM!", "The result is not a finite number.");
    return value;
  }
  if (typeof value === "string" || typeof value === "boolean") return value;
  if (isDate(value)) return new Date(value.getTime());
  if (Array.isArray(value)) throw new FormulaFault("#ERROR!", "A result cell holds an array.");
  return String(value);
}
