/**
 * One playground spreadsheet with the add-on loaded: the built dist/Code.js in a fresh `vm` over
 * the in-memory services, formula cells evaluated by the bundle's custom functions, the OKR menu as
 * onOpen built it. Everything here is synchronous, like Apps Script; the worker (worker.ts) owns a
 * session and the server talks to it through messages.
 */
import * as acorn from "acorn";
import {
  type CellValue,
  type Dialog,
  type DialogAnswer,
  type Drive,
  type FakeSheet,
  interpretInput,
  World,
} from "../gas";
import { columnLetter } from "../gas/a1";
import { FakeConditionalFormatRule, FakeRange } from "../gas/spreadsheet";
import type { ChartApi } from "../gas/types";
import { type LoadedAddon, loadAddon } from "../loader";
import { displayValue, editText } from "./display";
import type { FormulaEngine } from "../formula-engine";
import type { Active, CellView, ChartView, Effects, RecordedMenu, SheetView, State } from "./protocol";
import { load, snapshot, type WorkbookData } from "./workbook";

export interface SessionOptions {
  /** dist/Code.js and dist/Sidebar.html. */
  code: string;
  sidebarHtml: string;
  /** The other project files of dist/ (messages-fr…), by name, when this process cannot read dist/. */
  files?: Record<string, string>;
  /** The user's locale ("en", "fr"…); the spreadsheet's follows it. */
  locale?: string;
  email?: string;
  /** The spreadsheet's time zone; by default this machine's, which is the zone typed dates are in. */
  timeZone?: string;
  /** Pins the add-on's clock (e.g. "2026-11-15T10:00:00Z"), for reproducible screenshots. */
  now?: string;
  /** A custom function running longer shows #ERROR! "Exceeded maximum execution time" (Sheets: 30 s). */
  formulaTimeoutMs?: number;
}

/** A sidebar or dialog as the add-on showed it, its HTML included (the server keeps it for /ui/<id>). */
export interface ShownWithHtml {
  kind: "sidebar" | "modal" | "modeless";
  title: string;
  width: number;
  height: number;
  html: string;
}

export type SessionEffects = Omit<Effects, "shown"> & { shown: ShownWithHtml[] };

export type RunOutcome =
  | { ok: true; json: string; effects: SessionEffects }
  | { ok: false; message: string; effects: SessionEffects };

/** Rows drawn past the data, and the most drawn. */
const ROOM_ROWS = 30;
const MAX_DRAWN_ROWS = 2000;
/** Columns drawn at most: every column a sheet has, as Sheets does, up to this. */
const MAX_DRAWN_COLUMNS = 300;

/** The top-level functions of a script, as Apps Script lists them: those not ending in "_". */
export function scriptFunctions(code: string): string[] {
  const program = acorn.parse(code, { ecmaVersion: "latest", sourceType: "script" });
  return program.body.flatMap((statement) =>
    statement.type === "FunctionDeclaration" && statement.id && !statement.id.name.endsWith("_")
      ? [statement.id.name]
      : [],
  );
}

function defaultTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC";
}

function spreadsheetLocale(locale: string): string {
  if (/^fr/i.test(locale)) return "fr_FR";
  if (/^en/i.test(locale)) return "en_US";
  return locale;
}

/** Whether a conditional format rule applies to a value (the conditions SpreadsheetApp builds). */
function matches(rule: FakeConditionalFormatRule, value: CellValue): boolean {
  const [a, b] = rule.values as unknown[];
  const n = typeof value === "number" ? value : undefined;
  switch (rule.condition) {
    case "NUMBER_LESS_THAN":
      return n !== undefined && n < Number(a);
    case "NUMBER_LESS_THAN_OR_EQUAL_TO":
      return n !== undefined && n <= Number(a);
    case "NUMBER_GREATER_THAN":
      return n !== undefined && n > Number(a);
    case "NUMBER_GREATER_THAN_OR_EQUAL_TO":
      return n !== undefined && n >= Number(a);
    case "NUMBER_EQUAL_TO":
      return n !== undefined && n === Number(a);
    case "NUMBER_NOT_EQUAL_TO":
      return n !== undefined && n !== Number(a);
    case "NUMBER_BETWEEN":
      return n !== undefined && n >= Number(a) && n <= Number(b);
    case "NUMBER_NOT_BETWEEN":
      return n !== undefined && (n < Number(a) || n > Number(b));
    case "TEXT_EQUAL_TO":
      return typeof value === "string" && value !== "" && value.toLowerCase() === String(a).toLowerCase();
    case "TEXT_CONTAINS":
      return typeof value === "string" && value.toLowerCase().includes(String(a).toLowerCase());
    default:
      return false;
  }
}

export class PlaygroundSession {
  readonly world: World;
  readonly addon: LoadedAddon;
  readonly engine: FormulaEngine;
  /** The functions google.script.run and the menu may call. */
  readonly functions: readonly string[];
  readonly locale: string;
  readonly timeZone: string;
  menus: RecordedMenu[] = [];
  /** Moves on every write: the page redraws when it changed. */
  version = 0;
  private shownSeen = 0;
  private toastsSeen = 0;

  /**
   * A new spreadsheet: with `data`, the workbook as an .xlsx import gave it; without, the template
   * set up with the example quarter (OKR › Set up template, example question answered Yes).
   */
  constructor(
    options: SessionOptions,
    data?: WorkbookData,
    /** One of several spreadsheets on a Drive (File › Open…): its ID and name; set up without the example. */
    place?: { drive: Drive; id: string; name: string },
  ) {
    this.locale = options.locale ?? "en";
    this.timeZone = options.timeZone ?? defaultTimeZone();
    this.world = new World({
      timeZone: this.timeZone,
      locale: spreadsheetLocale(this.locale),
      ...(place && { drive: place.drive, spreadsheetId: place.id, name: place.name }),
    });
    if (data) load(this.world.spreadsheet, data);
    this.addon = loadAddon({
      world: this.world,
      code: options.code,
      files: { ...options.files, Sidebar: options.sidebarHtml },
      locale: this.locale,
      email: options.email ?? "ada@example.com",
      timeZone: this.timeZone,
      now: options.now,
      formulaTimeoutMs: options.formulaTimeoutMs,
      // The add-on's log in the terminal that runs `npm start`, as the execution log shows it.
      onLog: ({ level, message }) => console.error(`[${level}] ${message}`),
    });
    const globals = this.addon.context as Record<string, unknown>;
    this.functions = scriptFunctions(options.code).filter((name) => typeof globals[name] === "function");
    // The loader plugs the formula evaluator in; the playground shares it.
    this.engine = this.addon.engine!;
    // A write to a sheet (not a read, an alert or a property) drops the formula results.
    this.world.calls.onCount = (name) => {
      if (/^(Range|Sheet|Spreadsheet)\.(?!get|is|has|toast)/.test(name)) this.changed();
    };
    this.open();
    if (!data) {
      this.addon.ui.answers.push({ button: place ? "NO" : "YES" }, { button: "OK" });
      this.addon.run("setUpTemplate");
      this.addon.ui.answers.length = 0;
    }
    this.shownSeen = this.addon.ui.shown.length;
    this.toastsSeen = this.world.spreadsheet.toasts.length;
  }

  /** Answers alerts and prompts once the spreadsheet is open (the worker asks the browser). */
  set respond(respond: ((dialog: Dialog) => DialogAnswer) | undefined) {
    this.addon.ui.respond = respond;
  }

  /** Runs onOpen as Sheets does for an authorized user, and keeps the menu it built. */
  open(): void {
    const before = this.addon.ui.menus.length;
    this.addon.run("onOpen", { authMode: "FULL", source: this.world.spreadsheet.api });
    this.menus = this.addon.ui.menus.slice(before);
  }

  private changed(): void {
    this.engine.invalidate();
    this.version++;
  }

  /** Runs a global function as google.script.run does: JSON arguments in, a JSON result out. */
  run(name: string, argsJson: string): RunOutcome {
    let outcome: { ok: true; json: string } | { ok: false; message: string };
    if (!this.functions.includes(name)) {
      outcome = { ok: false, message: `Script function not found: ${name}` };
    } else {
      try {
        // Parsed in the add-on's own realm, as Apps Script hands arguments over.
        const parse = (this.addon.context as { JSON: JSON }).JSON.parse;
        const args = parse(argsJson) as unknown;
        if (!Array.isArray(args)) throw new Error("Arguments must be an array.");
        const value = this.addon.run(name, ...(args as unknown[]));
        outcome = { ok: true, json: JSON.stringify(value) ?? "null" };
      } catch (error) {
        const message = (error as Error)?.message;
        outcome = { ok: false, message: typeof message === "string" ? message : String(error) };
      }
    }
    return { ...outcome, effects: this.effects() };
  }

  private effects(): SessionEffects {
    const ui = this.addon.ui;
    const shown = ui.shown.slice(this.shownSeen).map((s) => ({
      kind: s.kind,
      title: s.title,
      width: s.kind === "sidebar" ? 300 : (s.width ?? 600),
      height: s.height ?? 500,
      html: s.html,
    }));
    this.shownSeen = ui.shown.length;
    const toasts = this.world.spreadsheet.toasts.slice(this.toastsSeen);
    this.toastsSeen = this.world.spreadsheet.toasts.length;
    return { version: this.version, shown, toasts, active: this.active() };
  }

  active(): Active {
    const ss = this.world.spreadsheet;
    const sheet = ss.activeSheetName() ?? ss.allSheets()[0]!.name;
    const range = ss.activeRangeA1();
    const prefix = `${sheet}!`;
    return range?.startsWith(prefix) ? { sheet, range: range.slice(prefix.length) } : { sheet };
  }

  private sheet(name: string): FakeSheet {
    const sheet = this.world.spreadsheet.sheet(name);
    if (!sheet) throw new Error(`No sheet named "${name}".`);
    return sheet;
  }

  /** Writes what the user typed into a cell, as Sheets reads typing: "=…" is a formula, "12" a number. */
  edit(sheetName: string, row: number, column: number, input: string): void {
    const sheet = this.sheet(sheetName);
    if (row > sheet.maxRows || column > sheet.maxColumns) throw new Error("The cell is outside the sheet.");
    const cell = sheet.cell(row, column);
    const typed = interpretInput(input, cell.numberFormat, sheet.spreadsheet.inputContext());
    cell.formula = typed.kind === "formula" ? typed.formula : "";
    cell.value = typed.kind === "value" ? typed.value : "";
    this.changed();
  }

  /** Makes a sheet active (its tab was clicked), and selects a cell or range on it. */
  select(sheetName: string, a1?: string): void {
    const sheet = this.sheet(sheetName);
    const ss = this.world.spreadsheet;
    ss.activate(sheet);
    if (a1) ss.setActive(sheet.range(a1));
  }

  state(sheetName?: string): State {
    const ss = this.world.spreadsheet;
    const name = sheetName && ss.sheet(sheetName) ? sheetName : this.active().sheet;
    return {
      // Hidden sheets have no tab, as in Sheets (View › Hidden sheets shows them there).
      sheets: ss
        .allSheets()
        .filter((s) => !s.hidden)
        .map((s) => (s.tabColor ? { name: s.name, tabColor: s.tabColor } : { name: s.name })),
      sheet: this.view(this.sheet(name)),
      active: this.active(),
      version: this.version,
      menus: this.menus,
      locale: this.locale,
    };
  }

  /** The cells to draw: shown values formatted, notes, colours (conditional ones applied), errors. */
  view(sheet: FakeSheet): SheetView {
    const dataRows = sheet.lastRow();
    const rows = Math.min(sheet.maxRows, Math.max(dataRows + ROOM_ROWS, 40), MAX_DRAWN_ROWS);
    const columns = Math.min(Math.max(sheet.maxColumns, sheet.lastColumn()), MAX_DRAWN_COLUMNS);
    const locale = this.world.spreadsheet.inputContext().locale;
    const rules = sheet.conditionalRules.map((rule) => ({
      rule,
      rects: rule.ranges.map((range) => FakeRange.of(range).rect),
    }));
    const cells: CellView[] = [];
    for (let r = 1; r <= rows; r++) {
      for (let c = 1; c <= columns; c++) {
        const cell = sheet.peek(r, c);
        const value = sheet.shownValue(r, c);
        if (!cell && value === "") continue;
        const format = cell?.numberFormat ?? "";
        const { text, align } = displayValue(value, format, this.timeZone, locale);
        const view: CellView = {
          row: r,
          column: c,
          a1: `${columnLetter(c)}${r}`,
          text,
          align,
          edit: editText(
            cell?.formula ? "" : (cell?.value ?? ""),
            cell?.formula ?? "",
            format,
            this.timeZone,
            locale,
          ),
        };
        if (cell?.formula) {
          view.formula = true;
          const error = this.engine.result(sheet, r, c).error;
          if (error) view.error = error;
        } else if ((!cell || cell.value === "") && value !== "") view.spilled = true;
        if (cell?.note) view.note = cell.note;
        let background =
          cell?.background && cell.background.toLowerCase() !== "#ffffff" ? cell.background : "";
        const rule = rules.find(
          ({ rule, rects }) =>
            rule.background &&
            rects.some(
              (x) => r >= x.row && r < x.row + x.numRows && c >= x.column && c < x.column + x.numColumns,
            ) &&
            matches(rule, value),
        );
        if (rule?.rule.background) background = rule.rule.background;
        if (background) view.background = background;
        if (cell?.fontWeight === "bold") view.bold = true;
        if (cell?.fontColor && cell.fontColor.toLowerCase() !== "#000000") view.color = cell.fontColor;
        if (view.text || view.note || view.background || view.bold || view.formula) cells.push(view);
      }
    }
    const widths = Array.from({ length: columns }, (_, i) => sheet.columnWidths.get(i + 1) ?? 100);
    return {
      name: sheet.name,
      rows,
      columns,
      maxRows: sheet.maxRows,
      maxColumns: sheet.maxColumns,
      truncated: rows < Math.min(sheet.maxRows, dataRows),
      frozenRows: sheet.frozenRows,
      widths,
      cells,
      charts: sheet.charts.map((chart) => chartView(sheet, chart)),
    };
  }

  /** The whole spreadsheet as data, for an .xlsx export. */
  snapshot(): WorkbookData {
    return snapshot(this.world.spreadsheet, this.engine);
  }
}

/** A chart's data as its ranges hold it: labels down the first column, one series per other column. */
function chartView(sheet: FakeSheet, chart: ChartApi): ChartView {
  const grid = chart.ranges.flatMap((a1) => {
    const { row, column, numRows, numColumns } = sheet.range(a1.replace(/^.*!/, "")).rect;
    return Array.from({ length: numRows }, (_, r) =>
      Array.from({ length: numColumns }, (_, c) => sheet.shownValue(row + r, column + c)),
    );
  });
  const header = grid[0] && grid[0].slice(1).some((v) => typeof v !== "number") ? grid.shift() : undefined;
  const width = Math.max(0, ...grid.map((line) => line.length));
  const title = chart.options.title;
  const axis = (chart.options[chart.type === "BAR" ? "hAxis" : "vAxis"] ?? {}) as Record<string, unknown>;
  const bound = (value: unknown) => (typeof value === "number" ? value : undefined);
  return {
    ...(bound(axis.minValue) !== undefined && { min: bound(axis.minValue) }),
    ...(bound(axis.maxValue) !== undefined && { max: bound(axis.maxValue) }),
    type: chart.type,
    title: typeof title === "string" ? title : "",
    row: chart.position.row,
    column: chart.position.column,
    labels: grid.map((line) => String(line[0] ?? "")),
    series: Array.from({ length: width - 1 }, (_, i) => ({
      name: String(header?.[i + 1] ?? ""),
      values: grid.map((line) => (typeof line[i + 1] === "number" ? (line[i + 1] as number) : null)),
    })),
  };
}
