/**
 * Helpers the custom formulas share once their arguments are read (src/core/formula-call.ts): the
 * cell-by-cell walk over ranges, days read once per call, status labels made once per call, and the
 * OKRs sheet's header cells.
 */
import { isBlank, isDate, type RawCell } from "./cells";
import { type Day, isoOf, parseDay } from "./dates";
import { type Arg, type Call, type Out, Problem } from "./formula-call";
import { type FormulaArg, isRange } from "./grid";
import { type Lang, t } from "./i18n";
import { DEFAULT_THRESHOLDS, type Status } from "./pace";
import { OKRS } from "./schema";
import { normalize } from "./text";

/**
 * Reads days for one call, remembering those already read: a column of dates repeats a few days,
 * and finding a Date's day in a time zone is the slow part.
 */
export class DayReader {
  /** Date instants and texts already read → their day. */
  private readonly days = new Map<number | string, Day>();

  constructor(
    private readonly call: Call,
    private readonly name: Arg,
  ) {}

  /** A required day: a Date, or text such as 2026-10-01 or 01/10/2026 (in the locale's order). */
  read(value: RawCell): Day {
    const date = isDate(value);
    const key = date ? value.getTime() : typeof value === "string" ? value : undefined;
    const known = key === undefined ? undefined : this.days.get(key);
    if (known !== undefined) return known;
    if (isBlank(value)) {
      throw this.call.problem("formula.error.missing", { argument: this.call.arg(this.name) });
    }
    // The time zone only matters for a Date; text dates need no call to read it, and are read in
    // the spreadsheet locale's order (03/04/2027 is March 4 in en_US, 3 April in en_GB and fr_*).
    const day = parseDay(value, date ? this.call.timeZone() : "UTC", this.call.dayOrder());
    if (day === undefined) {
      throw this.call.problem("formula.error.notDate", {
        argument: this.call.arg(this.name),
        value: this.call.shown(value),
      });
    }
    if (key !== undefined) this.days.set(key, day);
    return day;
  }
}

/**
 * Runs `compute` on every cell of the arguments' common shape (single values are broadcast), or
 * once when every argument is a single value. `compute` gets the cells in argument order, in one
 * array reused from cell to cell. A problem in one cell of a range becomes that cell's text.
 */
export function overCells(
  call: Call,
  names: readonly Arg[],
  values: readonly FormulaArg[],
  compute: (cells: readonly RawCell[]) => Out,
): Out | Out[][] {
  const shape = call.shapeProblem(names, values);
  const cells: RawCell[] = new Array<RawCell>(values.length);
  if (!shape) {
    for (let i = 0; i < values.length; i++) cells[i] = values[i] as RawCell;
    return compute(cells);
  }
  // Each argument's range, looked up once rather than for every cell.
  const ranges = values.map((v) => (isRange(v) ? v : undefined));
  const out: Out[][] = new Array<Out[]>(shape.rows);
  for (let r = 0; r < shape.rows; r++) {
    const line: Out[] = new Array<Out>(shape.columns);
    for (let c = 0; c < shape.columns; c++) {
      for (let i = 0; i < values.length; i++) {
        const range = ranges[i];
        cells[i] = range ? range[r]?.[c] : (values[i] as RawCell);
      }
      try {
        line[c] = compute(cells);
      } catch (error) {
        if (!(error instanceof Problem)) throw error;
        line[c] = error.message;
      }
    }
    out[r] = line;
  }
  return out;
}

/** A status's label in the call's language, each made once per call (a column repeats five). */
export function statusLabels(call: Call): (status: Status) => string {
  const labels = new Map<Status, string>();
  return (status) => {
    let text = labels.get(status);
    if (text === undefined) {
      text = t(call.lang, `status.${status}`);
      labels.set(status, text);
    }
    return text;
  };
}

/** Reads start, end and today (today by default) into `into`; the end may not be before the start. */
export function quarterReader(call: Call) {
  const start = new DayReader(call, "startDate");
  const end = new DayReader(call, "endDate");
  const today = new DayReader(call, "today");
  return (
    startCell: RawCell,
    endCell: RawCell,
    todayCell: RawCell,
    into: { start: Day; end: Day; today: Day },
  ) => {
    into.start = start.read(startCell);
    into.end = end.read(endCell);
    if (into.end < into.start) {
      throw call.problem("formula.error.endBeforeStart", {
        end: call.arg("endDate"),
        endValue: isoOf(into.end),
        start: call.arg("startDate"),
        startValue: isoOf(into.start),
      });
    }
    if (isBlank(todayCell))
      throw call.problem("formula.error.todayRequired", { argument: call.arg("today") });
    into.today = today.read(todayCell);
  };
}

/** Whether a cell holds the header of an OKRs column, in either language (or an alias). */
export function isHeaderCell(value: RawCell, key: "type" | "quarter"): boolean {
  if (typeof value !== "string" || value === "") return false;
  const column = OKRS.columns.find((c) => c.key === key)!;
  const text = normalize(value);
  return [column.header.en, column.header.fr].some((h) => normalize(h) === text);
}

export function headerText(key: "score" | "status", lang: Lang): string {
  return OKRS.columns.find((c) => c.key === key)!.header[lang];
}

/** A single cell's value (the first cell of a range given by mistake). */
export function single(value: FormulaArg): RawCell {
  return isRange(value) ? value[0]?.[0] : value;
}

/** Thresholds from Settings cells; unreadable ones fall back to the defaults, as Settings does. */
export function forgivingThresholds(
  call: Call,
  onTrack: RawCell,
  atRisk: RawCell,
): typeof DEFAULT_THRESHOLDS {
  const read = (name: "onTrack" | "atRisk", value: RawCell) => {
    try {
      const threshold = call.threshold(name, value, DEFAULT_THRESHOLDS[name]);
      return threshold <= 1 ? threshold : DEFAULT_THRESHOLDS[name];
    } catch {
      return DEFAULT_THRESHOLDS[name];
    }
  };
  const thresholds = { onTrack: read("onTrack", onTrack), atRisk: read("atRisk", atRisk) };
  return thresholds.atRisk > thresholds.onTrack ? { ...DEFAULT_THRESHOLDS } : thresholds;
}
