/**
 * What the playground's page, its server and the worker that runs the add-on say to each other.
 * Types only: the page imports them too.
 */
import type { Dialog, RecordedMenu } from "../gas";

export type { Dialog, RecordedMenu };

/** A sidebar or dialog the add-on showed: the page loads its HTML from /ui/<id>. */
export interface ShownUi {
  id: number;
  kind: "sidebar" | "modal" | "modeless";
  title: string;
  width: number;
  height: number;
}

export interface Toast {
  title: string;
  message: string;
}

/** The active sheet, and the selected range on it (A1) when the add-on selected one. */
export interface Active {
  sheet: string;
  range?: string;
}

/** What a call changed besides its result: the page refreshes the grid when `version` moved. */
export interface Effects {
  version: number;
  shown: ShownUi[];
  toasts: Toast[];
  active: Active;
}

/**
 * One step of a call: it either ended (with the function's result as JSON, or the error's message)
 * or it is waiting for the user's answer to an alert or prompt (POST /api/answer with the token).
 */
export type Step =
  | { kind: "dialog"; token: string; dialog: Dialog }
  | { kind: "done"; ok: true; value: unknown; effects: Effects }
  | { kind: "done"; ok: false; message: string; effects: Effects };

export type Align = "left" | "right" | "center";

/** A cell of the grid as the page draws it; cells with nothing to show are left out. */
export interface CellView {
  row: number;
  column: number;
  a1: string;
  text: string;
  align: Align;
  /** What the formula bar shows (the formula, or the value as one would type it). */
  edit: string;
  formula?: boolean;
  spilled?: boolean;
  note?: string;
  /** Why a formula shows an error (#ERROR!, #REF!, #PLAYGROUND…). */
  error?: string;
  background?: string;
  bold?: boolean;
  color?: string;
}

/**
 * A chart the add-on inserted (sheet.newChart()…insertChart), with the data of its ranges: the
 * first column gives the labels, each other column a series (named by its header when the first
 * row is one).
 */
export interface ChartView {
  type: string;
  title: string;
  /** The cell its top-left corner sits on. */
  row: number;
  column: number;
  labels: string[];
  /** An empty cell is null: a line chart leaves a gap there, as Sheets does. */
  series: { name: string; values: (number | null)[] }[];
  /** The value axis' bounds when the add-on set them (hAxis for a bar chart, vAxis otherwise). */
  min?: number;
  max?: number;
}

export interface SheetView {
  name: string;
  /** Rows and columns drawn (the data and some room), at most maxRows × maxColumns. */
  rows: number;
  columns: number;
  maxRows: number;
  maxColumns: number;
  /** The data goes on below what is drawn. */
  truncated: boolean;
  frozenRows: number;
  /** Width in pixels of columns 1…columns. */
  widths: number[];
  cells: CellView[];
  charts: ChartView[];
}

export interface State {
  sheets: { name: string; tabColor?: string }[];
  sheet: SheetView;
  active: Active;
  version: number;
  menus: RecordedMenu[];
  locale: string;
  /** The spreadsheets open side by side (File › Open…), once there are several. */
  files?: { id: string; name: string; active: boolean }[];
}

export type ButtonName = "OK" | "CANCEL" | "YES" | "NO" | "CLOSE";

export interface Answer {
  button: ButtonName;
  text?: string;
}
