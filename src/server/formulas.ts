/**
 * Custom formulas. Each accepts what Sheets passes (single values or 2-D ranges of numbers, text
 * numbers, '', booleans, Dates) and answers bad arguments with a thrown, localized Error, which
 * Sheets shows on the cell's #ERROR!. In a range, one bad row gets its message as the cell's text,
 * so that a single mistake does not blank the whole column.
 *
 * Custom functions may not use Session, so the language is the spreadsheet's locale, read once per
 * call with the time zone (read-only getters, no authorization needed). Nothing here writes.
 * Per cell, the work is parsing and a core function: no closure, Map or message is made for a cell
 * that is fine, so a 10,000-row column takes milliseconds.
 */
import { isBlank, isDate, parseNumber, type RawCell } from "../core/cells";
import { matchChoice } from "../core/choices";
import { type Day, dayOf, isoOf, parseDay } from "../core/dates";
import { type ColumnRow, krCheckText, scoreColumn } from "../core/formulas";
import { at, commonShape, type FormulaArg, isRange } from "../core/grid";
import { type Lang, langFromLocale, type MessageKey, sheetLanguage, t } from "../core/i18n";
import { DEFAULT_THRESHOLDS, expectedProgress, paceStatus, type Status } from "../core/pace";
import { METRIC_CHOICES, OKRS, ROW_TYPES, type RowType } from "../core/schema";
import { datesOfQuarter, type QuarterDates, quarterTable } from "../core/quarters";
import { parseLanguage } from "../core/settings";
import { band, krScore, type Metric, objectiveScore, type WeightedScore } from "../core/scoring";
import { cellText, normalize } from "../core/text";

const fill = t as (lang: Lang, key: MessageKey, params: Record<string, string | number>) => string;

/** A bad argument or cell: its message is the answer. Not an Error, so no stack trace is captured. */
class Problem {
  constructor(readonly message: string) {}
}

type Out = number | string;

/** Argument names, as message keys `formula.arg.<name>`. */
type Arg =
  | "baseline"
  | "target"
  | "current"
  | "metric"
  | "krScores"
  | "weights"
  | "ids"
  | "types"
  | "parents"
  | "baselines"
  | "targets"
  | "currents"
  | "metrics"
  | "score"
  | "startDate"
  | "endDate"
  | "today"
  | "onTrack"
  | "atRisk"
  | "keyResultText"
  | "quarters"
  | "quarterTable"
  | "asOf"
  | "language";

/**
 * What one formula call knows: its name, its language (the spreadsheet locale's, or the Settings
 * language passed as an argument) and (on demand) the time zone. No call reads the clock: a custom
 * function reruns only when its arguments change, so "today" is always an argument.
 */
class Call {
  lang: Lang;
  private readonly locale: string | undefined;
  private spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet | null | undefined;
  private zone: string | undefined;
  private argNames: Partial<Record<Arg, string>> = {};
  /** Metrics already read in this call (a column repeats a few values): raw cell → key or null. */
  private readonly metrics = new Map<RawCell, Metric | null>();

  constructor(readonly fn: string) {
    let locale: string | undefined;
    try {
      locale = this.sheet()?.getSpreadsheetLocale();
    } catch {
      // English rather than an error: the language must never break a formula.
    }
    this.locale = locale;
    this.lang = langFromLocale(locale);
  }

  /** Answers in the Settings language given as an argument (auto or blank: the spreadsheet locale's). */
  useLanguage(value: RawCell): void {
    const lang = parseLanguage(isRange(value) ? "" : value);
    if (lang === undefined) {
      throw this.problem("formula.error.language", {
        argument: this.arg("language"),
        value: this.shown(value),
      });
    }
    this.lang = sheetLanguage(lang, this.locale);
    this.argNames = {};
  }

  private sheet(): GoogleAppsScript.Spreadsheet.Spreadsheet | null {
    if (this.spreadsheet === undefined) {
      try {
        this.spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
      } catch {
        this.spreadsheet = null;
      }
    }
    return this.spreadsheet;
  }

  /** The spreadsheet's time zone (Sheets hands dates over as midnight there), read once. */
  timeZone(): string {
    if (this.zone === undefined) {
      try {
        this.zone = this.sheet()?.getSpreadsheetTimeZone() || undefined;
      } catch {
        this.zone = undefined;
      }
      this.zone ??= Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC";
    }
    return this.zone;
  }

  arg(name: Arg): string {
    return (this.argNames[name] ??= fill(this.lang, `formula.arg.${name}`, {}));
  }

  /** A value as the user would recognise it in a message, cut short. */
  shown(value: RawCell): string {
    if (isDate(value)) return isoOf(dayOf(value, this.timeZone()));
    if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
    const text = String(value);
    if (text.length <= 40) return text;
    // Do not cut an emoji in half.
    const cut = /[\ud800-\udbff]/.test(text.charAt(38)) ? 38 : 39;
    return `${text.slice(0, cut)}…`;
  }

  /** A problem with a `formula.error.*` message, in the spreadsheet's language, naming the formula. */
  problem(key: MessageKey, params: Record<string, string | number>): Problem {
    return new Problem(fill(this.lang, key, { fn: this.fn, ...params }));
  }

  /** A required number. */
  number(name: Arg, value: RawCell): number {
    const parsed = parseNumber(value);
    if (parsed.ok) return parsed.value;
    if (parsed.reason === "blank") throw this.problem("formula.error.missing", { argument: this.arg(name) });
    throw this.problem("formula.error.notNumber", { argument: this.arg(name), value: this.shown(value) });
  }

  /** An optional number: undefined when blank. */
  optionalNumber(name: Arg, value: RawCell): number | undefined {
    return isBlank(value) ? undefined : this.number(name, value);
  }

  /** A score: blank is no score; otherwise a number from 0 to 1 (15% is 0.15). */
  score(name: Arg, value: RawCell): number | undefined {
    const score = this.optionalNumber(name, value);
    if (score !== undefined && (score < 0 || score > 1)) {
      throw this.problem("formula.error.outOfRange", {
        argument: this.arg(name),
        min: 0,
        max: 1,
        value: this.shown(value),
      });
    }
    return score;
  }

  /** A weight: blank is 1 (undefined); otherwise above 0. */
  weight(name: Arg, value: RawCell): number | undefined {
    const weight = this.optionalNumber(name, value);
    if (weight !== undefined && !(weight > 0)) {
      throw this.problem("formula.error.notPositive", { argument: this.arg(name), value: this.shown(value) });
    }
    return weight;
  }

  /** A pace threshold: blank is the default; otherwise 0 or more (90% is 0.9). */
  threshold(name: Arg, value: RawCell, fallback: number): number {
    const threshold = this.optionalNumber(name, value);
    if (threshold === undefined) return fallback;
    if (threshold < 0) {
      throw this.problem("formula.error.notNegative", { argument: this.arg(name), value: this.shown(value) });
    }
    return threshold;
  }

  metric(name: Arg, value: RawCell): Metric {
    if (isBlank(value)) return "increase";
    let metric = this.metrics.get(value);
    if (metric === undefined) {
      metric = matchChoice(METRIC_CHOICES, value) ?? null;
      this.metrics.set(value, metric);
    }
    if (metric === null) {
      throw this.problem("formula.error.notInList", {
        argument: this.arg(name),
        allowed: METRIC_CHOICES.map((c) => c.label[this.lang]).join(", "),
        value: this.shown(value),
      });
    }
    return metric;
  }

  /**
   * A key result's score by KRSCORE's rules: undefined without a current value; the baseline and
   * the target are then required, and a target equal to the baseline is an error, not NaN.
   */
  krScore(names: readonly [Arg, Arg, Arg, Arg], cells: readonly RawCell[], from: number): number | undefined {
    const current = cells[from + 2];
    if (isBlank(current)) return undefined;
    const target = cells[from + 1];
    const result = krScore({
      baseline: this.number(names[0], cells[from]),
      target: this.number(names[1], target),
      current: this.number(names[2], current),
      metric: this.metric(names[3], cells[from + 3]),
    });
    if (result.kind === "target-equals-baseline") {
      throw this.problem("formula.error.targetEqualsBaseline", { value: this.shown(target) });
    }
    return result.kind === "score" ? result.score : undefined;
  }

  shapeProblem(
    names: readonly Arg[],
    values: readonly FormulaArg[],
  ): { rows: number; columns: number } | undefined {
    const shape = commonShape(names.map((name, i) => ({ name, value: values[i] })));
    if (shape.ok) return shape.shape;
    throw this.problem("formula.error.shape", {
      argument: this.arg(shape.argument as Arg),
      other: this.arg(shape.other as Arg),
      rows: shape.shape.rows,
      columns: shape.shape.columns,
    });
  }
}

/**
 * Reads days for one call, remembering those already read: a column of dates repeats a few days,
 * and finding a Date's day in a time zone is the slow part.
 */
class DayReader {
  /** Date instants and texts already read → their day. */
  private readonly days = new Map<number | string, Day>();

  constructor(
    private readonly call: Call,
    private readonly name: Arg,
  ) {}

  /** A required day: a Date, or text such as 2026-10-01 or 01/10/2026. */
  read(value: RawCell): Day {
    const date = isDate(value);
    const key = date ? value.getTime() : typeof value === "string" ? value : undefined;
    const known = key === undefined ? undefined : this.days.get(key);
    if (known !== undefined) return known;
    if (isBlank(value)) {
      throw this.call.problem("formula.error.missing", { argument: this.call.arg(this.name) });
    }
    // The time zone only matters for a Date; text dates need no call to read it.
    const day = parseDay(value, date ? this.call.timeZone() : "UTC");
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
function overCells(
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
  const out: Out[][] = new Array<Out[]>(shape.rows);
  for (let r = 0; r < shape.rows; r++) {
    const line: Out[] = new Array<Out>(shape.columns);
    for (let c = 0; c < shape.columns; c++) {
      for (let i = 0; i < values.length; i++) cells[i] = at(values[i] as FormulaArg, r, c);
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
function statusLabels(call: Call): (status: Status) => string {
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

/** Runs a formula: localized problems become the Error Sheets shows, anything else loses its stack. */
function formula(fn: string, run: (call: Call) => Out | Out[][]): Out | Out[][] {
  const call = new Call(fn);
  try {
    return run(call);
  } catch (error) {
    // Sheets shows only the message; a plain Error keeps our own classes and stacks out of it.
    // eslint-disable-next-line preserve-caught-error
    if (error instanceof Problem) throw new Error(error.message);
    // eslint-disable-next-line preserve-caught-error
    throw new Error(`${fn}: ${String((error as Error)?.message ?? error)}`);
  }
}

const KR_ARGS = ["baseline", "target", "current", "metric"] as const;

/** KRSCORE(baseline, target, current, [metric]): see main.ts for the user documentation. */
export function krScoreFormula(
  baseline: FormulaArg,
  target: FormulaArg,
  current: FormulaArg,
  metric?: FormulaArg,
): Out | Out[][] {
  return formula("KRSCORE", (call) =>
    overCells(
      call,
      KR_ARGS,
      [baseline, target, current, metric],
      (cells) => call.krScore(KR_ARGS, cells, 0) ?? "",
    ),
  );
}

const SHORT_ARGS = ["krScores", "weights"] as const;
const COLUMN_ARGS = [
  "ids",
  "types",
  "parents",
  "baselines",
  "targets",
  "currents",
  "metrics",
  "weights",
] as const;
const COLUMN_KR_ARGS = ["baselines", "targets", "currents", "metrics"] as const;

/**
 * OKRSCORE(kr_scores, [weights]) or OKRSCORE(ids, types, parents, baselines, targets, currents,
 * [metrics], [weights]), told apart by the number of arguments given: see main.ts.
 */
export function okrScoreFormula(...args: FormulaArg[]): Out | Out[][] {
  return formula("OKRSCORE", (call) => {
    let count = args.length;
    while (count > 0 && args[count - 1] === undefined) count--;
    if (count <= 2) return weightedMean(call, args[0], args[1]);
    if (count === 9) call.useLanguage(args[8] as RawCell);
    if (count >= 6 && count <= 9) return scoreColumns(call, args.slice(0, 8));
    const list = (names: readonly Arg[], optional: number) =>
      names.map((n, i) => (i >= names.length - optional ? `[${call.arg(n)}]` : call.arg(n))).join(", ");
    throw call.problem("formula.error.arity", {
      short: list(SHORT_ARGS, 1),
      long: `${list(COLUMN_ARGS, 2)}, [${call.arg("language")}]`,
      count,
    });
  });
}

/** The weighted mean of key result scores: blank scores left out, blank weights 1. */
function weightedMean(call: Call, scores: FormulaArg, weights: FormulaArg): Out {
  const values = [scores, weights];
  const shape = call.shapeProblem(SHORT_ARGS, values) ?? { rows: 1, columns: 1 };
  const krs: WeightedScore[] = [];
  for (let r = 0; r < shape.rows; r++) {
    for (let c = 0; c < shape.columns; c++) {
      const score = call.score("krScores", at(scores, r, c));
      if (score === undefined) continue;
      krs.push({ score, weight: call.weight("weights", at(weights, r, c)) });
    }
  }
  return objectiveScore(krs).score ?? "";
}

/** One score per row of the OKRs columns, in O(rows). */
function scoreColumns(call: Call, values: readonly FormulaArg[]): Out[][] {
  const shape = call.shapeProblem(COLUMN_ARGS, values) ?? { rows: 1, columns: 1 };
  if (shape.columns !== 1) {
    const wide = values.findIndex((v) => isRange(v));
    throw call.problem("formula.error.notColumn", {
      argument: call.arg(COLUMN_ARGS[wide] ?? "ids"),
      columns: shape.columns,
    });
  }
  const [ids, types, parents, baselines, targets, currents, metrics, weights] = values as FormulaArg[];
  const out: Out[][] = new Array<Out[]>(shape.rows);
  // Written in the header cell over B1:B…, the formula answers the Score header on the header row.
  const header = isHeaderCell(at(types, 0, 0), "type");
  if (header) out[0] = [headerText("score", call.lang)];
  const rows: ColumnRow[] = new Array<ColumnRow>(shape.rows);
  const cells: RawCell[] = new Array<RawCell>(4);
  const typeCache = new Map<RawCell, RowType | null>();
  const allowedTypes = () => ROW_TYPES.map((c) => c.label[call.lang]).join(", ");
  for (let r = 0; r < shape.rows; r++) {
    const row: ColumnRow = {
      id: r === 0 && header ? "" : cellText(at(ids, r, 0)),
      type: undefined,
      parent: cellText(at(parents, r, 0)),
      score: undefined,
      weight: undefined,
    };
    rows[r] = row;
    const typeCell = at(types, r, 0);
    if (isBlank(typeCell) || (r === 0 && header)) continue;
    try {
      let type = typeCache.get(typeCell);
      if (type === undefined) {
        type = matchChoice(ROW_TYPES, typeCell) ?? null;
        typeCache.set(typeCell, type);
      }
      row.type = type ?? undefined;
      if (row.type === undefined) {
        throw call.problem("formula.error.notInList", {
          argument: call.arg("types"),
          allowed: allowedTypes(),
          value: call.shown(typeCell),
        });
      }
      if (row.type !== "kr") continue;
      cells[0] = at(baselines, r, 0);
      cells[1] = at(targets, r, 0);
      cells[2] = at(currents, r, 0);
      cells[3] = at(metrics, r, 0);
      const score = call.krScore(COLUMN_KR_ARGS, cells, 0);
      if (score === undefined) continue;
      row.weight = call.weight("weights", at(weights, r, 0));
      row.score = score;
    } catch (error) {
      // A bad value leaves its own row without a score: the message is Validate's (and the
      // single-cell formulas'), never text in a column of numbers that OKRSTATUSES then reads.
      if (!(error instanceof Problem)) throw error;
      out[r] = [""];
    }
  }
  const scores = scoreColumn(rows);
  for (let r = 0; r < shape.rows; r++) out[r] ??= [scores[r] ?? ""];
  return out;
}

/** Whether a cell holds the header of an OKRs column, in either language (or an alias). */
function isHeaderCell(value: RawCell, key: "type" | "quarter"): boolean {
  if (typeof value !== "string" || value === "") return false;
  const column = OKRS.columns.find((c) => c.key === key)!;
  const text = normalize(value);
  return [column.header.en, column.header.fr].some((h) => normalize(h) === text);
}

function headerText(key: "score" | "status", lang: Lang): string {
  return OKRS.columns.find((c) => c.key === key)!.header[lang];
}

const STATUS_ARGS = ["score", "startDate", "endDate", "today", "onTrack", "atRisk", "ids"] as const;

/** OKRSTATUS(score, start_date, end_date, [today], [on_track], [at_risk], [ids]): see main.ts. */
export function okrStatusFormula(
  score: FormulaArg,
  startDate: FormulaArg,
  endDate: FormulaArg,
  today?: FormulaArg,
  onTrack?: FormulaArg,
  atRisk?: FormulaArg,
  ids?: FormulaArg,
): Out | Out[][] {
  // With an ID column, rows without an ID (the empty rows below a table) get no status at all.
  const hasIds = ids !== undefined && ids !== null && !(typeof ids === "string" && ids === "");
  return formula("OKRSTATUS", (call) => {
    const label = statusLabels(call);
    const days = quarterReader(call);
    const quarter = { start: 0, end: 0, today: 0 };
    const thresholds = { ...DEFAULT_THRESHOLDS };
    return overCells(
      call,
      STATUS_ARGS,
      [score, startDate, endDate, today, onTrack, atRisk, hasIds ? ids : ""],
      (cells) => {
        if (hasIds && isBlank(cells[6])) return "";
        const value = call.score("score", cells[0]);
        days(cells[1], cells[2], cells[3], quarter);
        thresholds.onTrack = call.threshold("onTrack", cells[4], DEFAULT_THRESHOLDS.onTrack);
        thresholds.atRisk = call.threshold("atRisk", cells[5], DEFAULT_THRESHOLDS.atRisk);
        if (thresholds.atRisk > thresholds.onTrack) {
          throw call.problem("formula.error.thresholds", {
            atRisk: call.arg("atRisk"),
            atRiskValue: call.shown(cells[5]),
            onTrack: call.arg("onTrack"),
            onTrackValue: isBlank(cells[4]) ? DEFAULT_THRESHOLDS.onTrack : call.shown(cells[4]),
          });
        }
        return label(paceStatus(value, quarter, thresholds));
      },
    );
  });
}

/** Reads start, end and today (today by default) into `into`; the end may not be before the start. */
function quarterReader(call: Call) {
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

const PACE_ARGS = ["startDate", "endDate", "today"] as const;

/** OKRPACE(start_date, end_date, [today]): see main.ts. */
export function okrPaceFormula(
  startDate: FormulaArg,
  endDate: FormulaArg,
  today?: FormulaArg,
): Out | Out[][] {
  return formula("OKRPACE", (call) => {
    const days = quarterReader(call);
    const quarter = { start: 0, end: 0, today: 0 };
    return overCells(call, PACE_ARGS, [startDate, endDate, today], (cells) => {
      days(cells[0], cells[1], cells[2], quarter);
      return expectedProgress(quarter.start, quarter.end, quarter.today);
    });
  });
}

const BAND_ARGS = ["score"] as const;

/** OKRBAND(score): see main.ts. */
export function okrBandFormula(score: FormulaArg): Out | Out[][] {
  return formula("OKRBAND", (call) => {
    const labels = {
      red: t(call.lang, "band.red"),
      yellow: t(call.lang, "band.yellow"),
      green: t(call.lang, "band.green"),
    };
    return overCells(call, BAND_ARGS, [score], (cells) => {
      const value = call.score("score", cells[0]);
      return value === undefined ? "" : labels[band(value)];
    });
  });
}

const CHECK_ARGS = ["keyResultText", "baseline", "target"] as const;

/** KRCHECK(key_result_text, [baseline], [target]): see main.ts. */
export function krCheckFormula(
  keyResultText: FormulaArg,
  baseline?: FormulaArg,
  target?: FormulaArg,
): Out | Out[][] {
  return formula("KRCHECK", (call) => {
    const answers = new Map<string, string>();
    return overCells(call, CHECK_ARGS, [keyResultText, baseline, target], (cells) =>
      krCheckText(
        {
          title: cellText(cells[0]),
          metric: undefined,
          baseline: call.optionalNumber("baseline", cells[1]),
          target: call.optionalNumber("target", cells[2]),
        },
        call.lang,
        answers,
      ),
    );
  });
}

const STATUSES_ARGS = ["score", "currents", "quarters", "ids"] as const;

/**
 * OKRSTATUSES(scores, currents, quarters, quarter_table, as_of, on_track, at_risk, ids, language):
 * the Status column of the OKRs sheet, each row judged in its own quarter on the "as of" day. See
 * main.ts. A row whose Score is empty although it has a Current value had a bad value: it gets no
 * status (the message is Validate's), rather than "Not started" or a message that spreads.
 */
export function okrStatusesFormula(
  scores: FormulaArg,
  currents: FormulaArg,
  quarters: FormulaArg,
  quarterTableArg: FormulaArg,
  asOf: FormulaArg,
  onTrack: FormulaArg,
  atRisk: FormulaArg,
  ids: FormulaArg,
  language: FormulaArg,
): Out | Out[][] {
  return formula("OKRSTATUSES", (call) => {
    call.useLanguage(single(language));
    const asOfCell = single(asOf);
    if (isBlank(asOfCell)) throw call.problem("formula.error.todayRequired", { argument: call.arg("asOf") });
    const today = new DayReader(call, "asOf").read(asOfCell);
    const thresholds = forgivingThresholds(call, single(onTrack), single(atRisk));
    const table = quarterTable(isRange(quarterTableArg) ? quarterTableArg : [], call.timeZone()).quarters;
    const shape = call.shapeProblem(STATUSES_ARGS, [scores, currents, quarters, ids]) ?? {
      rows: 1,
      columns: 1,
    };
    if (shape.columns !== 1) {
      throw call.problem("formula.error.notColumn", { argument: call.arg("score"), columns: shape.columns });
    }
    const label = statusLabels(call);
    const dates = new Map<RawCell, QuarterDates | null>();
    const clock = { start: 0, end: 0, today };
    const header = isHeaderCell(at(quarters, 0, 0), "quarter");
    const out: Out[][] = new Array<Out[]>(shape.rows);
    for (let r = 0; r < shape.rows; r++) {
      if (r === 0 && header) {
        out[r] = [headerText("status", call.lang)];
        continue;
      }
      out[r] = [""];
      if (isBlank(at(ids, r, 0))) continue;
      const scoreCell = at(scores, r, 0);
      const score = typeof scoreCell === "number" && scoreCell >= 0 && scoreCell <= 1 ? scoreCell : undefined;
      // Text, an error or an out-of-range number in Score, or a Current without a score: a bad row.
      if (score === undefined && (!isBlank(scoreCell) || !isBlank(at(currents, r, 0)))) continue;
      const quarterCell = at(quarters, r, 0);
      let quarter = dates.get(quarterCell);
      if (quarter === undefined) {
        quarter = datesOfQuarter(table, quarterCell) ?? null;
        dates.set(quarterCell, quarter);
      }
      if (quarter === null) continue;
      clock.start = quarter.start;
      clock.end = quarter.end;
      out[r]![0] = label(paceStatus(score, clock, thresholds));
    }
    return out;
  });
}

/** A single cell's value (the first cell of a range given by mistake). */
function single(value: FormulaArg): RawCell {
  return isRange(value) ? value[0]?.[0] : value;
}

/** Thresholds from Settings cells; unreadable ones fall back to the defaults, as Settings does. */
function forgivingThresholds(call: Call, onTrack: RawCell, atRisk: RawCell): typeof DEFAULT_THRESHOLDS {
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
