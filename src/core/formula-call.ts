/**
 * What one custom-formula call knows and how it reads its arguments: the language, the time zone,
 * and each argument checked with a localized message naming it. Pure: the spreadsheet's locale and
 * time zone come through a FormulaHost (src/server/sheets-host.ts reads them from SpreadsheetApp), so
 * the argument handling is unit-tested in test/core without Apps Script.
 *
 * Custom functions may not use Session, so the language is the spreadsheet's locale, read once per
 * call with the time zone (read-only getters, no authorization needed). Nothing here writes.
 * Per cell, the work is parsing and a core function: no closure, Map or message is made for a cell
 * that is fine, so a 10,000-row column takes milliseconds.
 */
import { isBlank, isDate, parseNumber, type RawCell } from "./cells";
import { matchChoice } from "./choices";
import { type DayOrder, dayOf, dayOrderOf, isoOf } from "./dates";
import { commonShape, type FormulaArg, isRange } from "./grid";
import { type Lang, langFromLocale, type MessageKey, sheetLanguage, t } from "./i18n";
import { METRIC_CHOICES } from "./schema";
import { parseLanguage } from "./settings";
import { krScoreValue, type Metric } from "./scoring";

/** The spreadsheet a formula runs in: its locale and time zone, each read on demand (either may throw). */
export interface FormulaHost {
  locale(): string | null | undefined;
  timeZone(): string | null | undefined;
}

const fill = t as (lang: Lang, key: MessageKey, params: Record<string, string | number>) => string;

/** A bad argument or cell: its message is the answer. Not an Error, so no stack trace is captured. */
export class Problem {
  constructor(readonly message: string) {}
}

export type Out = number | string;

/** Argument names, as message keys `formula.arg.<name>`. */
export type Arg =
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
export class Call {
  lang: Lang;
  private readonly locale: string | undefined;
  private zone: string | undefined;
  private argNames: Partial<Record<Arg, string>> = {};
  /** Metrics already read in this call (a column repeats a few values): raw cell → key or null. */
  private readonly metrics = new Map<RawCell, Metric | null>();

  constructor(
    readonly fn: string,
    private readonly host: FormulaHost,
  ) {
    let locale: string | undefined;
    try {
      locale = host.locale() ?? undefined;
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

  /**
   * How the spreadsheet's locale reads a date typed as text such as 03/04/2027 (month first in
   * en_US, day first in en_GB and fr_*): from the locale already read, no call. Undefined when the
   * locale could not be read.
   */
  dayOrder(): DayOrder | undefined {
    return this.locale ? dayOrderOf(this.locale) : undefined;
  }

  /** The spreadsheet's time zone (Sheets hands dates over as midnight there), read once. */
  timeZone(): string {
    if (this.zone === undefined) {
      try {
        this.zone = this.host.timeZone() || undefined;
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
    // Most cells are plain numbers: answered without the parse's result object.
    if (typeof value === "number" && Number.isFinite(value)) return value;
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
    const score = krScoreValue(
      this.number(names[0], cells[from]),
      this.number(names[1], target),
      this.number(names[2], current),
      this.metric(names[3], cells[from + 3]),
    );
    if (Number.isNaN(score)) {
      throw this.problem("formula.error.targetEqualsBaseline", { value: this.shown(target) });
    }
    return score;
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

/** Runs a formula: localized problems become the Error Sheets shows, anything else loses its stack. */
export function formula(fn: string, host: FormulaHost, run: (call: Call) => Out | Out[][]): Out | Out[][] {
  const call = new Call(fn, host);
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
