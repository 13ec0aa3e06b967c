/**
 * OKRHEALTH's lookup: a headline figure read from the generated Practice health sheet, by signal,
 * quarter and team names (in either language), so a team's dashboard keeps pointing at the right
 * cell when a refresh adds a quarter or a team and moves the table.
 *
 * Why a lookup rather than the computation: computing the signals in a custom function would need
 * the whole OKRs, Check-ins and KPIs sheets as arguments (a custom function reruns only when its
 * arguments change), so every check-in typed anywhere would rerun the whole computation in every
 * cell holding the formula, within the 30-second limit, and the lock history (document properties)
 * cannot be an argument at all, so scope churn would go stale. The sheet already holds every figure.
 */
import { isBlank, type RawCell } from "./cells";
import type { FormulaHost } from "./formula-call";
import { single } from "./formula-cells";
import { type FormulaArg, isRange } from "./grid";
import { type Signal, SIGNALS, signalName } from "./health-settings";
import { type Lang, LANGS, langFromLocale, t } from "./i18n";
import { canonicalQuarter } from "./quarters";
import { normalize } from "./text";

/**
 * OKRHEALTH(table, signal, quarter, [team]) on the values Sheets passes: the figure, or an Error
 * in the spreadsheet's language saying which argument is wrong (Sheets shows it on #ERROR!).
 */
export function okrHealthFormula(
  host: FormulaHost,
  table: FormulaArg,
  signal: FormulaArg,
  quarter: FormulaArg,
  team?: FormulaArg,
): number | "" {
  const found = healthLookup(
    isRange(table) ? table : [[table]],
    single(signal),
    single(quarter),
    team === undefined ? undefined : single(team),
  );
  if (found.ok) return found.value;
  throw new Error(healthProblem(languageOf(host), found));
}

/** The spreadsheet's language; English rather than no message when its locale cannot be read. */
function languageOf(host: FormulaHost): Lang {
  try {
    return langFromLocale(host.locale());
  } catch {
    return "en";
  }
}

/** What a failed lookup tells the user, naming the argument at fault. */
export function healthProblem(lang: Lang, found: Extract<HealthLookup, { ok: false }>): string {
  switch (found.problem) {
    case "notTable":
      return t(lang, "health.formula.notTable");
    case "signal": {
      const allowed = SIGNALS.map((s) => signalName(lang, s)).join(", ");
      return t(lang, "health.formula.signal", { value: found.value, allowed });
    }
    case "quarter":
      return t(lang, "health.formula.quarter", { value: found.value });
    case "team":
      return t(lang, "health.formula.team", { value: found.value });
  }
}

export type HealthLookup =
  | { ok: true; value: number | "" }
  | { ok: false; problem: "notTable" | "signal" | "quarter" | "team"; value: string };

/**
 * The value of a signal in a quarter for a team (blank for all teams), from the sheet's values.
 * Blank when the quarter has no OKRs or the signal could not be measured.
 *
 * @example
 * healthLookup(values, "Check-in regularity", "2026-Q4", "Sales") //=> { ok: true, value: 0.43 }
 */
export function healthLookup(
  table: RawCell[][],
  signal: RawCell,
  quarter: RawCell,
  team: RawCell,
): HealthLookup {
  const wanted = signalOf(signal);
  if (!wanted) return { ok: false, problem: "signal", value: String(signal ?? "") };
  const label = canonicalQuarter(quarter);
  if (!label) return { ok: false, problem: "quarter", value: String(quarter ?? "") };
  const blocks = new Set(
    LANGS.flatMap((lang) =>
      isBlank(team) ? [t(lang, "health.allTeams")] : [t(lang, "health.team", { team: String(team).trim() })],
    ).map(normalize),
  );
  const healthy = LANGS.map((lang) => normalize(t(lang, "health.healthy")));
  const header = table.findIndex(
    (line) => blocks.has(normalize(line[0])) && healthy.includes(normalize(line[1])),
  );
  if (header < 0) {
    const anyTable = table.some((line) => healthy.includes(normalize(line[1])));
    return anyTable
      ? { ok: false, problem: "team", value: String(team ?? "") }
      : { ok: false, problem: "notTable", value: "" };
  }
  const column = table[header]!.findIndex((cell) => canonicalQuarter(cell) === label);
  if (column < 0) return { ok: false, problem: "quarter", value: label };
  for (let row = header + 1; row < table.length && !isBlank(table[row]![0]); row++) {
    if (signalOf(table[row]![0]) !== wanted) continue;
    const value = table[row]![column];
    return { ok: true, value: typeof value === "number" && Number.isFinite(value) ? value : "" };
  }
  return { ok: false, problem: "signal", value: String(signal ?? "") };
}

/** A signal by its key (regularity) or its name in either language (Check-in regularity). */
function signalOf(value: RawCell): Signal | undefined {
  const text = normalize(value);
  if (!text) return undefined;
  return SIGNALS.find(
    (s) => normalize(s) === text || LANGS.some((lang: Lang) => normalize(signalName(lang, s)) === text),
  );
}
