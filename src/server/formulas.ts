/**
 * Custom formulas. Each accepts what Sheets passes (single values or 2-D ranges of numbers, text
 * numbers, '', booleans, Dates) and answers bad arguments with a thrown, localized Error, which
 * Sheets shows on the cell's #ERROR!. In a range, one bad row gets its message as the cell's text,
 * so that a single mistake does not blank the whole column.
 */
import { isBlank, parseNumber, type RawCell } from "../core/cells";
import { at, commonShape, type FormulaArg } from "../core/grid";
import { type Lang, t } from "../core/i18n";
import { krScore, METRICS, type Metric } from "../core/scoring";
import { userLang } from "./locale";

class FormulaError extends Error {}

type Cell = number | string;

/** Runs `compute` on every cell of the common shape, or once for single values. */
function overCells(
  lang: Lang,
  fn: string,
  args: { name: string; value: FormulaArg }[],
  compute: (cell: (name: string) => RawCell) => Cell,
): Cell | Cell[][] {
  const shape = commonShape(args);
  if (!shape.ok) {
    throw new FormulaError(
      t(lang, "formula.error.shape", {
        fn,
        argument: shape.argument,
        other: shape.other,
        rows: shape.shape.rows,
        columns: shape.shape.columns,
      }),
    );
  }
  const byName = new Map(args.map((a) => [a.name, a.value]));
  if (!shape.shape) return compute((name) => byName.get(name) as RawCell);
  const { rows, columns } = shape.shape;
  const out: Cell[][] = [];
  for (let r = 0; r < rows; r++) {
    const line: Cell[] = [];
    for (let c = 0; c < columns; c++) {
      try {
        line.push(compute((name) => at(byName.get(name), r, c)));
      } catch (error) {
        if (!(error instanceof FormulaError)) throw error;
        line.push(error.message);
      }
    }
    out.push(line);
  }
  return out;
}

function requireNumber(lang: Lang, fn: string, argument: string, value: RawCell): number {
  const parsed = parseNumber(value);
  if (parsed.ok) return parsed.value;
  if (parsed.reason === "blank") throw new FormulaError(t(lang, "formula.error.missing", { fn, argument }));
  throw new FormulaError(t(lang, "formula.error.notNumber", { fn, argument, value: shown(value) }));
}

/** A value as the user would recognise it in a message, cut short. */
function shown(value: RawCell): string {
  const text = String(value);
  return text.length > 40 ? `${text.slice(0, 39)}…` : text;
}

const METRIC_WORDS: Record<string, Metric> = {
  increase: "increase",
  augmenter: "increase",
  hausse: "increase",
  decrease: "decrease",
  diminuer: "decrease",
  baisse: "decrease",
  milestone: "milestone",
  jalon: "milestone",
  threshold: "threshold",
  seuil: "threshold",
};

function readMetric(lang: Lang, fn: string, value: RawCell): Metric {
  if (value === undefined || value === null || value === "") return "increase";
  const metric = METRIC_WORDS[String(value).trim().toLowerCase()];
  if (!metric) {
    throw new FormulaError(
      t(lang, "formula.error.unknownMetric", { fn, allowed: METRICS.join(", "), value: shown(value) }),
    );
  }
  return metric;
}

/** Runs a formula: localized errors pass through, anything unexpected is reported without a stack trace. */
function formula(
  fn: string,
  args: { name: string; value: FormulaArg }[],
  compute: (lang: Lang, cell: (name: string) => RawCell) => Cell,
): Cell | Cell[][] {
  const lang = userLang();
  try {
    return overCells(lang, fn, args, (cell) => compute(lang, cell));
  } catch (error) {
    // Sheets shows only the message; a plain Error keeps our own class and stack out of it.
    // eslint-disable-next-line preserve-caught-error
    if (error instanceof FormulaError) throw new Error(error.message);
    // eslint-disable-next-line preserve-caught-error
    throw new Error(`${fn}: ${String((error as Error)?.message ?? error)}`);
  }
}

/** KRSCORE(baseline, target, current, [metric]): see main.ts for the user documentation. */
export function krScoreFormula(
  baseline: FormulaArg,
  target: FormulaArg,
  current: FormulaArg,
  metric?: FormulaArg,
) {
  const fn = "KRSCORE";
  const args = [
    { name: "baseline", value: baseline },
    { name: "target", value: target },
    { name: "current", value: current },
    { name: "metric", value: metric },
  ];
  return formula(fn, args, (lang, cell) => {
    if (isBlank(cell("current"))) return "";
    const result = krScore({
      baseline: requireNumber(lang, fn, "baseline", cell("baseline")),
      target: requireNumber(lang, fn, "target", cell("target")),
      current: requireNumber(lang, fn, "current", cell("current")),
      metric: readMetric(lang, fn, cell("metric")),
    });
    if (result.kind === "none") return "";
    if (result.kind === "target-equals-baseline") {
      throw new FormulaError(
        t(lang, "formula.error.targetEqualsBaseline", { fn, value: shown(cell("target")) }),
      );
    }
    return result.score;
  });
}
