/**
 * The analysis pipeline: every sheet parsed, the rules run, the current quarter scored, in one pure
 * call for OKR › Validate, the review, the check-in and the benchmark.
 */
import type { RawCell } from "./cells";
import type { Day } from "./dates";
import type { Finding } from "./findings";
import {
  type CheckinRow,
  type KpiRow,
  type OkrRow,
  type Parsed,
  parseCheckins,
  parseKpis,
  parseOkrs,
} from "./parse";
import type { Table } from "./parse-table";
import { ruleContext, sortFindings, validate } from "./rules";
import { type QuarterScores, scoreQuarter } from "./quarter-scores";
import { parseSettings, type Settings, type SettingsResult } from "./settings";

/** Parse findings about a value that is there but cannot be used. */
const UNREADABLE = new Set<Finding["code"]>([
  "not-a-number",
  "number-too-large",
  "out-of-range",
  "not-a-date",
  "ambiguous-date",
  "not-in-list",
]);

export interface WorkbookGrids {
  okrs: RawCell[][] | undefined;
  checkins?: RawCell[][] | undefined;
  kpis?: RawCell[][] | undefined;
  settings?: RawCell[][] | undefined;
}

export interface Analysis {
  settings: Settings;
  settingsRows: SettingsResult["rows"];
  /** The Settings row of each quarter of the quarters table, by label. */
  settingsQuarterRows: SettingsResult["quarterRows"];
  okrs: OkrRow[];
  okrTable: Table | undefined;
  checkins: CheckinRow[];
  kpis: KpiRow[];
  scores: QuarterScores;
  findings: Finding[];
}

/** The sheets given, parsed: what an operation that reads the data but runs no rule needs. */
export interface ParsedWorkbook {
  settings: SettingsResult;
  okrs: Parsed<OkrRow> | undefined;
  checkins: Parsed<CheckinRow> | undefined;
  kpis: Parsed<KpiRow> | undefined;
}

/** Parses the sheets given: one not given is undefined; Settings always (its defaults when missing). */
export function parseWorkbook(grids: WorkbookGrids, today: Day, timeZone: string): ParsedWorkbook {
  return {
    settings: parseSettings(grids.settings ?? [], today, timeZone),
    okrs: grids.okrs ? parseOkrs(grids.okrs, timeZone) : undefined,
    checkins: grids.checkins ? parseCheckins(grids.checkins, timeZone) : undefined,
    kpis: grids.kpis ? parseKpis(grids.kpis, timeZone) : undefined,
  };
}

/**
 * Parses every sheet, validates and scores the current quarter: one pure call for what
 * OKR › Validate, the review and the benchmark need. Missing sheets are findings. `parsed` is the
 * grids' parse when the caller has it already.
 */
export function analyze(
  grids: WorkbookGrids,
  today: Day,
  timeZone: string,
  parsed: ParsedWorkbook = parseWorkbook(grids, today, timeZone),
): Analysis {
  const { settings: settingsResult, okrs, checkins, kpis } = parsed;
  const { settings } = settingsResult;
  const findings: Finding[] = [...settingsResult.findings];
  if (!okrs)
    findings.push({ code: "missing-sheet", severity: "error", sheet: "okrs", params: { sheet: "okrs" } });
  findings.push(...(okrs?.findings ?? []), ...(checkins?.findings ?? []), ...(kpis?.findings ?? []));
  const ctx = ruleContext({
    okrs: okrs?.items ?? [],
    checkins: checkins?.items ?? [],
    kpis: kpis?.items ?? [],
    settings,
    today,
  });
  findings.push(...validate(ctx));
  const scores = scoreQuarter(ctx.current, {
    start: settings.quarterStart,
    end: settings.quarterEnd,
    today,
    onTrack: settings.onTrack,
    atRisk: settings.atRisk,
  });
  return {
    settings,
    settingsRows: settingsResult.rows,
    settingsQuarterRows: settingsResult.quarterRows,
    okrs: okrs?.items ?? [],
    okrTable: okrs?.table,
    checkins: checkins?.items ?? [],
    kpis: kpis?.items ?? [],
    scores,
    findings: sortFindings(dedupe(findings)),
  };
}

/**
 * The same finding from parsing and from a rule is shown once, and a cell that could not be read
 * ("abc" in Target) is not also called empty: "required" gives way to what the cell holds.
 */
function dedupe(findings: Finding[]): Finding[] {
  const seen = new Set<string>();
  const unreadable = new Set(
    findings.filter((f) => UNREADABLE.has(f.code)).map((f) => `${f.sheet}|${f.row ?? ""}|${f.column ?? ""}`),
  );
  return findings.filter((f) => {
    if (f.code === "required" && unreadable.has(`${f.sheet}|${f.row ?? ""}|${f.column ?? ""}`)) return false;
    const key = `${f.code}|${f.sheet}|${f.row ?? ""}|${f.column ?? ""}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
