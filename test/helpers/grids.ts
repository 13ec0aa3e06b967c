import {
  type RawCell,
  CHECKINS,
  type ColumnDef,
  dayFromIso,
  dayOf,
  type Day,
  isoOf,
  type Lang,
  OKRS,
} from "../../src/core";

export type RowSpec = Record<string, RawCell>;

/** A grid as getValues would return it: the header row in a language, then one line per spec. */
export function grid(columns: readonly ColumnDef[], rows: RowSpec[], lang: Lang = "en"): RawCell[][] {
  return [columns.map((c) => c.header[lang]), ...rows.map((spec) => columns.map((c) => spec[c.key] ?? ""))];
}

export const okrGrid = (rows: RowSpec[], lang: Lang = "en") => grid(OKRS.columns, rows, lang);
export const checkinGrid = (rows: RowSpec[], lang: Lang = "en") => grid(CHECKINS.columns, rows, lang);

/** The calendar day a date cell holds, read in the spreadsheet's time zone as Sheets shows it. */
export function isoIn(value: unknown, timeZone = "Europe/Brussels"): string {
  return isoOf(dayOf(value as Date, timeZone));
}

export function day(iso: string): Day {
  const d = dayFromIso(iso);
  if (d === undefined) throw new Error(`bad day ${iso}`);
  return d;
}

/**
 * A small, sound quarter: one company objective, one team objective with two good key results, with
 * the Score and Status its header formulas show (a sheet whose columns stay empty under key results
 * that score has lost those formulas).
 */
export function soundQuarter(): RowSpec[] {
  return [
    {
      quarter: "2026-Q4",
      id: "O-1",
      type: "Objective",
      level: "Company",
      team: "Company",
      title: "Become the parking app Belgians love",
      owner: "Maxime",
      kind: "Aspirational",
      score: 0.5,
      status: "On track",
    },
    {
      quarter: "2026-Q4",
      id: "O-2",
      type: "Objective",
      level: "Team",
      team: "Sales",
      parent: "O-1",
      title: "Win the Brussels market",
      owner: "Julien",
      kind: "Committed",
      score: 0.5,
      status: "On track",
    },
    {
      quarter: "2026-Q4",
      id: "KR-1",
      type: "Key result",
      team: "Sales",
      parent: "O-2",
      title: "Grow active parkings from 120 to 180",
      metric: "Increase",
      baseline: 120,
      target: 180,
      current: 150,
      lastCheckIn: "2026-11-20",
      score: 0.5,
      status: "On track",
    },
    {
      quarter: "2026-Q4",
      id: "KR-2",
      type: "Key result",
      team: "Sales",
      parent: "O-2",
      title: "Cut time to first booking from 10 to 4 days",
      metric: "Decrease",
      baseline: 10,
      target: 4,
      current: 7,
      lastCheckIn: "2026-11-20",
      score: 0.5,
      status: "On track",
    },
  ];
}

/** A key result of the sound quarter's team objective that reads as a KPI ("looks like a KPI"). */
export const kpiLikeKr: RowSpec = {
  quarter: "2026-Q4",
  id: "KR-3",
  type: "Key result",
  team: "Sales",
  parent: "O-2",
  title: "Keep churn below 2%",
  metric: "Threshold",
  baseline: 2,
  target: 2,
};
