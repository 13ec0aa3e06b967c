/**
 * The custom formulas' documentation, as Sheets shows it (its autocomplete reads `@param {type}
 * name`, `@return` and `@customfunction`): the one source of the JSDoc scripts/build.mjs writes over
 * each formula's stub in dist/Code.js, of the stubs' parameter names, of what the entries' wiring
 * takes (src/core/formula-jsdoc.ts), and of the README's signatures (test/scripts/docs.test.ts).
 * A JSDoc in src/server would never reach Sheets: esbuild drops comments.
 * https://developers.google.com/apps-script/guides/sheets/functions#autocomplete
 *
 * Data only: no formula's code imports it, so the bundles do not carry it.
 */

export interface FormulaParam {
  readonly name: string;
  /** The JSDoc type Sheets shows, such as number|Array<Array<number>>. */
  readonly type: string;
  readonly doc: string;
  /** Shown as [name]: the formula works without it. */
  readonly optional?: boolean;
  /** The last parameter only: it takes every remaining argument (imports…). */
  readonly rest?: boolean;
}

export interface FormulaDoc {
  /** What the formula answers, one JSDoc line per line (indentation trimmed). */
  readonly summary: string;
  readonly params: readonly FormulaParam[];
  readonly returns: { readonly type: string; readonly doc: string };
}

export const FORMULA_DOCS = {
  KRSCORE: {
    summary: `
      Scores a key result from 0 to 1: (current − baseline) / (target − baseline), clamped. Works for
      decreasing metrics too (target below baseline). Empty when there is no current value yet.
      Accepts single cells or ranges of the same shape, one score per row.`,
    params: [
      {
        name: "baseline",
        type: "number|Array<Array<number>>",
        doc: "The value at the start of the quarter.",
      },
      {
        name: "target",
        type: "number|Array<Array<number>>",
        doc: "The value to reach by the end of the quarter.",
      },
      {
        name: "current",
        type: "number|Array<Array<number>>",
        doc: "The latest value; leave empty for no score yet.",
      },
      {
        name: "metric",
        type: "string|Array<Array<string>>",
        optional: true,
        doc: "Increase, Decrease, Milestone or Threshold, in English or French (default Increase).",
      },
    ],
    returns: { type: "number|Array<Array<number>>", doc: "The score, 0 to 1." },
  },
  OKRSCORE: {
    summary: `
      Scores an objective: the weighted mean of its key results' scores, empty scores left out, empty
      weights counted as 1. With 6 to 8 columns instead (ID, Type, Parent, Baseline, Target, Current,
      [Metric], [Weight]) it scores a whole OKRs sheet, one score per row: key results as KRSCORE does,
      objectives from the key results under them, and a company objective without key results from the
      team objectives under it.`,
    params: [
      {
        name: "kr_scores_or_ids",
        type: "number|Array<Array<number>>",
        doc: "The key results' scores; or, in the column form, the ID column.",
      },
      {
        name: "weights_or_types",
        type: "number|Array<Array<number>>",
        optional: true,
        doc: "The key results' weights (empty = 1); or, in the column form, the Type column.",
      },
      {
        name: "parents",
        type: "Array<Array<string>>",
        optional: true,
        doc: "Column form: the Parent column.",
      },
      {
        name: "baselines",
        type: "Array<Array<number>>",
        optional: true,
        doc: "Column form: the Baseline column.",
      },
      {
        name: "targets",
        type: "Array<Array<number>>",
        optional: true,
        doc: "Column form: the Target column.",
      },
      {
        name: "currents",
        type: "Array<Array<number>>",
        optional: true,
        doc: "Column form: the Current column.",
      },
      {
        name: "metrics",
        type: "Array<Array<string>>",
        optional: true,
        doc: "Column form: the Metric column (empty = Increase).",
      },
      {
        name: "weights",
        type: "Array<Array<number>>",
        optional: true,
        doc: "Column form: the Weight column (empty = 1).",
      },
      {
        name: "language",
        type: "string",
        optional: true,
        doc: "Column form: en, fr or auto (Settings' Language cell), for the header it answers when the ranges start at the header row.",
      },
    ],
    returns: {
      type: "number|Array<Array<number>>",
      doc: "The objective's score, 0 to 1; or one score per row.",
    },
  },
  OKRSTATUSES: {
    summary: `
      The Status column of an OKRs sheet, one status per row: each row judged in its own quarter (its
      dates from the quarters table, else its calendar months) on the "as of" day. A closed quarter's
      rows keep the state they ended in (Done, On track, At risk, Off track; a key result never scored
      ended Off track). A row with a Current value but no score (a bad value) gets no status. Written
      in the header cell over ranges that start at the header row, it answers the Status header there.`,
    params: [
      { name: "scores", type: "Array<Array<number>>", doc: "The Score column." },
      { name: "currents", type: "Array<Array<number>>", doc: "The Current column." },
      { name: "quarters", type: "Array<Array<string>>", doc: "The Quarter column." },
      {
        name: "quarter_table",
        type: "Array<Array<string>>",
        doc: "Settings' columns A:C: rows of quarter, first day, last day.",
      },
      {
        name: "as_of",
        type: "Date|string",
        doc: 'The day to judge on: Settings\' "As of" cell (a custom function may not take TODAY()).',
      },
      {
        name: "on_track",
        type: "number",
        doc: "score ÷ expected at or above which it is on track (Settings).",
      },
      {
        name: "at_risk",
        type: "number",
        doc: "score ÷ expected at or above which it is at risk (Settings).",
      },
      {
        name: "ids",
        type: "Array<Array<string>>",
        doc: "The ID column: a row without an ID gets no status.",
      },
      { name: "language", type: "string", doc: "en, fr or auto: Settings' Language cell." },
    ],
    returns: { type: "Array<Array<string>>", doc: "One status per row." },
  },
  OKRSTATUS: {
    summary: `
      The pace status of a score: on track, at risk or off track against the share of the quarter
      elapsed (score ÷ expected ≥ on_track, ≥ at_risk, else off track), done at 1, not started before
      the quarter or without a score. In the spreadsheet's language. Accepts ranges, one status per row.`,
    params: [
      {
        name: "score",
        type: "number|Array<Array<number>>",
        doc: "The score, 0 to 1; empty for not started.",
      },
      {
        name: "start_date",
        type: "Date|string",
        doc: "The quarter's first day (a date, 2026-10-01 or 01/10/2026).",
      },
      { name: "end_date", type: "Date|string", doc: "The quarter's last day." },
      {
        name: "today",
        type: "Date|string",
        doc: 'The day to judge on, such as Settings\' "As of" cell (a custom function may not take TODAY()).',
      },
      {
        name: "on_track",
        type: "number",
        optional: true,
        doc: "score ÷ expected at or above which it is on track (default 0.9).",
      },
      {
        name: "at_risk",
        type: "number",
        optional: true,
        doc: "score ÷ expected at or above which it is at risk (default 0.6).",
      },
      {
        name: "ids",
        type: "string|Array<Array<string>>",
        optional: true,
        doc: "The rows' IDs: a row without an ID gets no status (for whole columns).",
      },
    ],
    returns: {
      type: "string|Array<Array<string>>",
      doc: "On track, At risk, Off track, Done or Not started.",
    },
  },
  OKRBAND: {
    summary: `
      The color band of a score, in the spreadsheet's language: Red below 0.4, Yellow below 0.7, Green
      from 0.7. Empty for an empty score. Accepts ranges.`,
    params: [{ name: "score", type: "number|Array<Array<number>>", doc: "The score, 0 to 1." }],
    returns: { type: "string|Array<Array<string>>", doc: "Red, Yellow or Green." },
  },
  OKRPACE: {
    summary: `
      The share of the quarter elapsed on a day, 0 to 1: where key results should be by now.`,
    params: [
      {
        name: "start_date",
        type: "Date|string|Array<Array<Date>>",
        doc: "The quarter's first day (a date, 2026-10-01 or 01/10/2026).",
      },
      { name: "end_date", type: "Date|string|Array<Array<Date>>", doc: "The quarter's last day." },
      {
        name: "today",
        type: "Date|string|Array<Array<Date>>",
        doc: 'The day to measure on, such as Settings\' "As of" cell.',
      },
    ],
    returns: { type: "number|Array<Array<number>>", doc: "The expected progress, 0 to 1." },
  },
  OKRHEALTH: {
    summary: `
      A headline figure of the Practice health sheet (OKR › Practice health), for a team's own
      dashboard: the value of a signal in a quarter, for a team or for all teams, found by names so it
      stays right when a refresh adds quarters or teams. Empty for a quarter without OKRs or a signal
      not measured then. Shares are 0 to 1 (format the cell as a percentage); Average score is a score.`,
    params: [
      {
        name: "table",
        type: "Array<Array<string>>",
        doc: "The Practice health sheet's cells, such as 'Practice health'!A:Z.",
      },
      {
        name: "signal",
        type: "string",
        doc: "Focus, Outcome share, KPI leakage, Check-in regularity, End-of-quarter rush, Scope churn, Owner continuity, Average score or Carry-over (English or French).",
      },
      { name: "quarter", type: "string", doc: "The quarter, such as 2026-Q4." },
      { name: "team", type: "string", optional: true, doc: "The team; empty for all teams." },
    ],
    returns: { type: "number", doc: "The signal's value." },
  },
  KRCHECK: {
    summary: `
      Checks a key result's wording as OKR › Validate does: empty when it looks sound, otherwise each
      problem as "code: explanation", joined with "; ". Codes: output (an activity, not an outcome),
      kpi (keeps a level instead of changing one), vague (nothing measurable). Accepts ranges.`,
    params: [
      { name: "key_result_text", type: "string|Array<Array<string>>", doc: "The key result as written." },
      { name: "baseline", type: "number|Array<Array<number>>", optional: true, doc: "Its baseline, if any." },
      { name: "target", type: "number|Array<Array<number>>", optional: true, doc: "Its target, if any." },
    ],
    returns: { type: "string|Array<Array<string>>", doc: "Empty, or the problems found." },
  },
  OKRROLLUP: {
    summary: `
      The company roll-up: one row per company objective of the current quarter, scored from the team
      objectives whose Parent names it, across team spreadsheets imported with IMPORTRANGE. Columns:
      ID, company objective, teams contributing, score (mean of the team objectives' scores; those
      without one are left out and said), band, pace status on Settings' "As of" day, last check-in.
      A team that is not connected counts for nothing, never for zero (OKRTEAMS says why).`,
    params: [
      {
        name: "company_okrs",
        type: "Array<Array<string>>",
        doc: "The company's OKRs sheet, header row included.",
      },
      {
        name: "settings",
        type: "Array<Array<string>>",
        doc: "Settings' columns A:C (quarter, As of, thresholds, ID prefix, quarters table).",
      },
      {
        name: "imports",
        type: "Array<Array<string>>",
        rest: true,
        doc: "The teams' import sheets (Roll up teams writes them), one range each.",
      },
    ],
    returns: { type: "Array<Array<string>>", doc: "A header row, then one row per company objective." },
  },
  OKRTEAMS: {
    summary: `
      The teams of the company roll-up, one row per team: its connection said plainly (connected; not
      connected yet, with the cell where Allow access fixes it; unreachable since it was connected;
      older template), its objectives this quarter and how many serve a company objective.`,
    params: [
      {
        name: "company_okrs",
        type: "Array<Array<string>>",
        doc: "The company's OKRs sheet, header row included.",
      },
      { name: "settings", type: "Array<Array<string>>", doc: "Settings' columns A:C." },
      {
        name: "imports",
        type: "Array<Array<string>>",
        rest: true,
        doc: "The teams' import sheets, one range each.",
      },
    ],
    returns: { type: "Array<Array<string>>", doc: "A header row, then one row per team." },
  },
} as const satisfies Record<string, FormulaDoc>;

export type FormulaName = keyof typeof FORMULA_DOCS;
