/**
 * The practice-health thresholds: a table of its own in the Settings sheet, found by its header row
 * (as the quarters table is), so the fixed rows above it and the formulas that point at them never
 * move. A missing table means the defaults, taken from the lessons; a bad value is reported by its
 * cell and the default is used.
 */
import { isBlank, parseNumber, type RawCell } from "./cells";
import { type Lang, LANGS, type MessageKey, t, tKey } from "./i18n";
import { normalize } from "./text";

export const SIGNALS = [
  "focus",
  "outcomeShare",
  "kpiLeakage",
  "regularity",
  "rush",
  "churn",
  "continuity",
  "outcomes",
  "carryOver",
] as const;
export type Signal = (typeof SIGNALS)[number];
export type HealthThresholds = Record<Signal, number>;

/**
 * The healthy level of each signal, from the lessons: focus kept (three objectives, a few key
 * results each), outcomes rather than outputs, KPIs kept apart, a check-in every week, no rush at
 * the end, nothing started mid-quarter, owners who follow their objectives, aspirational scores
 * around 0.6–0.7, and only some objectives carried over.
 */
export const HEALTH_DEFAULTS: HealthThresholds = {
  focus: 0.9,
  outcomeShare: 0.8,
  kpiLeakage: 0.1,
  regularity: 0.8,
  rush: 0.3,
  churn: 0.1,
  continuity: 0.8,
  outcomes: 0.6,
  carryOver: 0.3,
};

export const signalName = (lang: Lang, signal: Signal) => tKey(lang, `health.signal.${signal}` as MessageKey);
export const signalAbout = (lang: Lang, signal: Signal) => tKey(lang, `health.about.${signal}` as MessageKey);

export interface ThresholdsResult {
  thresholds: HealthThresholds;
  /** The table's header row (1-based), when the sheet has the table. */
  headerRow: number | undefined;
  /** Values that could not be used: their cell and what was typed. */
  invalid: { row: number; signal: Signal; value: string }[];
}

const headerTexts = (column: 0 | 1) =>
  LANGS.map((lang) => normalize(t(lang, column === 0 ? "health.settingsSignal" : "health.settingsHealthy")));

/**
 * Reads the thresholds table from the Settings sheet's values.
 *
 * @example
 * parseThresholds([["Practice health signal", "Healthy at"], ["Check-in regularity", "70%"]]).thresholds.regularity //=> 0.7
 */
export function parseThresholds(grid: readonly RawCell[][]): ThresholdsResult {
  const thresholds = { ...HEALTH_DEFAULTS };
  const invalid: ThresholdsResult["invalid"] = [];
  const [first, second] = [headerTexts(0), headerTexts(1)];
  const index = grid.findIndex(
    (line) => first.includes(normalize(line[0])) && second.includes(normalize(line[1])),
  );
  if (index < 0) return { thresholds, headerRow: undefined, invalid };
  const byLabel = new Map<string, Signal>();
  for (const signal of SIGNALS) {
    byLabel.set(normalize(signal), signal);
    for (const lang of LANGS) byLabel.set(normalize(signalName(lang, signal)), signal);
  }
  for (let i = index + 1; i < grid.length; i++) {
    const line = grid[i]!;
    if (isBlank(line[0])) break;
    const signal = byLabel.get(normalize(line[0]));
    if (!signal || isBlank(line[1])) continue;
    const parsed = parseNumber(line[1]);
    if (parsed.ok && parsed.value >= 0 && parsed.value <= 1) thresholds[signal] = parsed.value;
    else invalid.push({ row: i + 1, signal, value: String(line[1]) });
  }
  return { thresholds, headerRow: index + 1, invalid };
}

/**
 * The table as rows of three cells (label, value, about), header first, for appending to Settings.
 * A share is written as typed ("90%"): Sheets stores 0.9 and shows it as a percentage, so the
 * table needs no number-format call; the average score is a plain number.
 *
 * @example
 * thresholdRows("en")[4][1] //=> "80%"
 */
export function thresholdRows(lang: Lang): (string | number)[][] {
  const typed = (s: Signal) =>
    s === "outcomes" ? HEALTH_DEFAULTS[s] : `${Math.round(HEALTH_DEFAULTS[s] * 100)}%`;
  return [
    [t(lang, "health.settingsSignal"), t(lang, "health.settingsHealthy"), t(lang, "health.settingsAbout")],
    ...SIGNALS.map((s) => [signalName(lang, s), typed(s), signalAbout(lang, s)]),
  ];
}
