/**
 * The custom formulas (KRSCORE, OKRSCORE, OKRSTATUS, OKRSTATUSES, OKRPACE, OKRBAND, KRCHECK). Each
 * accepts what Sheets passes (single values or 2-D ranges of numbers, text numbers, '', booleans,
 * Dates) and answers bad arguments with a thrown, localized Error, which Sheets shows on the cell's
 * #ERROR!. In a range, one bad row gets its message as the cell's text, so that a single mistake
 * does not blank the whole column. See src/core/formula-docs.ts for the user documentation.
 */
import { isBlank, type RawCell } from "./cells";
import { matchChoice } from "./choices";
import { type Arg, type Call, type FormulaHost, formula, type Out, Problem } from "./formula-call";
import {
  DayReader,
  forgivingThresholds,
  headerText,
  isHeaderCell,
  overCells,
  quarterReader,
  single,
  statusLabels,
} from "./formula-cells";
import type { FormulaArgs } from "./formula-jsdoc";
import { krCheckText, krCheckVariant, scoreColumn } from "./formula-results";
import { at, type FormulaArg, isRange } from "./grid";
import { t } from "./i18n";
import { DEFAULT_THRESHOLDS, expectedProgress, paceStatus } from "./pace";
import { datesOfQuarter, type QuarterDates, quarterTable } from "./quarters";
import { ROW_TYPES, type RowType } from "./schema";
import { band, objectiveScore, type WeightedScore } from "./scoring";
import { cellText } from "./text";

const KR_ARGS = ["baseline", "target", "current", "metric"] as const;

/** KRSCORE(baseline, target, current, [metric]): see src/core/formula-docs.ts for the user documentation. */
export function krScoreFormula(
  host: FormulaHost,
  baseline: FormulaArg,
  target: FormulaArg,
  current: FormulaArg,
  metric?: FormulaArg,
): Out | Out[][] {
  return formula("KRSCORE", host, (call) =>
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
 * [metrics], [weights]), told apart by the number of arguments given: see formula-docs.ts.
 */
export function okrScoreFormula(host: FormulaHost, ...args: FormulaArgs<"OKRSCORE">): Out | Out[][] {
  return formula("OKRSCORE", host, (call) => {
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
  const count = shape.rows;
  const out: Out[][] = new Array<Out[]>(count);
  // Written in the header cell over B1:B…, the formula answers the Score header on the header row.
  const header = isHeaderCell(at(types, 0, 0), "type");
  if (header) out[0] = [headerText("score", call.lang)];
  // One pass, one array per column: no object, closure or message per row that is fine.
  const columns = {
    ids: new Array<string>(count),
    types: new Array<RowType | undefined>(count),
    parents: new Array<string>(count),
    scores: new Array<number | undefined>(count),
    weights: new Array<number | undefined>(count),
  };
  const cells: RawCell[] = new Array<RawCell>(4);
  const typeCache = new Map<RawCell, RowType | null>();
  // Each argument is a column (checked above) or one value for every row.
  const [idCol, typeCol, parentCol, baselineCol, targetCol, currentCol, metricCol, weightCol] = values.map(
    (v) => (isRange(v) ? v : undefined),
  );
  for (let r = 0; r < count; r++) {
    const first = r === 0 && header;
    columns.ids[r] = first ? "" : cellText(idCol ? idCol[r]![0] : ids);
    columns.parents[r] = cellText(parentCol ? parentCol[r]![0] : parents);
    columns.types[r] = undefined;
    columns.scores[r] = undefined;
    columns.weights[r] = undefined;
    const typeCell = typeCol ? typeCol[r]![0] : (types as RawCell);
    if (first || isBlank(typeCell)) continue;
    try {
      let type = typeCache.get(typeCell);
      if (type === undefined) {
        type = matchChoice(ROW_TYPES, typeCell) ?? null;
        typeCache.set(typeCell, type);
      }
      if (type === null) {
        throw call.problem("formula.error.notInList", {
          argument: call.arg("types"),
          allowed: ROW_TYPES.map((c) => c.label[call.lang]).join(", "),
          value: call.shown(typeCell),
        });
      }
      columns.types[r] = type;
      if (type !== "kr") continue;
      cells[0] = baselineCol ? baselineCol[r]![0] : (baselines as RawCell);
      cells[1] = targetCol ? targetCol[r]![0] : (targets as RawCell);
      cells[2] = currentCol ? currentCol[r]![0] : (currents as RawCell);
      cells[3] = metricCol ? metricCol[r]![0] : (metrics as RawCell);
      const score = call.krScore(COLUMN_KR_ARGS, cells, 0);
      if (score === undefined) continue;
      columns.weights[r] = call.weight("weights", weightCol ? weightCol[r]![0] : (weights as RawCell));
      columns.scores[r] = score;
    } catch (error) {
      // A bad value leaves its own row without a score: the message is Validate's (and the
      // single-cell formulas'), never text in a column of numbers that OKRSTATUSES then reads.
      if (!(error instanceof Problem)) throw error;
      out[r] = [""];
    }
  }
  const scores = scoreColumn(columns);
  for (let r = 0; r < count; r++) out[r] ??= [scores[r] ?? ""];
  return out;
}

const STATUS_ARGS = ["score", "startDate", "endDate", "today", "onTrack", "atRisk", "ids"] as const;

/** OKRSTATUS(score, start_date, end_date, today, [on_track], [at_risk], [ids]): see formula-docs.ts. */
export function okrStatusFormula(
  host: FormulaHost,
  score: FormulaArg,
  startDate: FormulaArg,
  endDate: FormulaArg,
  today: FormulaArg,
  onTrack?: FormulaArg,
  atRisk?: FormulaArg,
  ids?: FormulaArg,
): Out | Out[][] {
  // With an ID column, rows without an ID (the empty rows below a table) get no status at all.
  const hasIds = ids !== undefined && ids !== null && !(typeof ids === "string" && ids === "");
  return formula("OKRSTATUS", host, (call) => {
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

const PACE_ARGS = ["startDate", "endDate", "today"] as const;

/** OKRPACE(start_date, end_date, today): see formula-docs.ts. */
export function okrPaceFormula(
  host: FormulaHost,
  startDate: FormulaArg,
  endDate: FormulaArg,
  today: FormulaArg,
): Out | Out[][] {
  return formula("OKRPACE", host, (call) => {
    const days = quarterReader(call);
    const quarter = { start: 0, end: 0, today: 0 };
    return overCells(call, PACE_ARGS, [startDate, endDate, today], (cells) => {
      days(cells[0], cells[1], cells[2], quarter);
      return expectedProgress(quarter.start, quarter.end, quarter.today);
    });
  });
}

const BAND_ARGS = ["score"] as const;

/** OKRBAND(score): see formula-docs.ts. */
export function okrBandFormula(host: FormulaHost, score: FormulaArg): Out | Out[][] {
  return formula("OKRBAND", host, (call) => {
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

/** KRCHECK(key_result_text, [baseline], [target]): see formula-docs.ts. */
export function krCheckFormula(
  host: FormulaHost,
  keyResultText: FormulaArg,
  baseline?: FormulaArg,
  target?: FormulaArg,
): Out | Out[][] {
  return formula("KRCHECK", host, (call) => {
    const answers = new Map<string, string>();
    // A sheet repeats its titles: the answer by title and krCheckVariant, found without a key string.
    const byTitle = new Map<string, (string | undefined)[]>();
    return overCells(call, CHECK_ARGS, [keyResultText, baseline, target], (cells) => {
      const title = cellText(cells[0]);
      const baselineValue = call.optionalNumber("baseline", cells[1]);
      const targetValue = call.optionalNumber("target", cells[2]);
      const variant = krCheckVariant(baselineValue, targetValue);
      let known = byTitle.get(title);
      const again = known?.[variant];
      if (again !== undefined) return again;
      const kr = { title, metric: undefined, baseline: baselineValue, target: targetValue };
      const text = krCheckText(kr, call.lang, answers);
      if (!known) byTitle.set(title, (known = []));
      known[variant] = text;
      return text;
    });
  });
}

const STATUSES_ARGS = ["score", "currents", "quarters", "ids"] as const;

/**
 * OKRSTATUSES(scores, currents, quarters, quarter_table, as_of, on_track, at_risk, ids, language):
 * the Status column of the OKRs sheet, each row judged in its own quarter on the "as of" day (see
 * formula-docs.ts). A row whose Score is empty although it has a Current value had a bad value: it
 * gets no status (the message is Validate's), rather than "Not started" or a message that spreads.
 */
export function okrStatusesFormula(
  host: FormulaHost,
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
  return formula("OKRSTATUSES", host, (call) => {
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
