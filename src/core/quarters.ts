/**
 * Quarters as teams name them: "2026-Q4". A quarter has default dates (its calendar months); the
 * Settings sheet may move them.
 */
import { type Day, dayFromIso, isoOf, parseDay } from "./dates";

export interface Quarter {
  year: number;
  q: 1 | 2 | 3 | 4;
}

/** @example parseQuarter("2026-Q4") //=> { year: 2026, q: 4 }; also "Q4 2026", "2026 T4" (trimestre). */
export function parseQuarter(text: unknown): Quarter | undefined {
  const s = String(text ?? "").trim();
  const m = /^(\d{4})\s*[-/ ]?\s*[QT]([1-4])$/i.exec(s) ?? /^[QT]([1-4])\s*[-/ ]?\s*(\d{4})$/i.exec(s);
  if (!m) return undefined;
  const [year, q] = /^\d{4}/.test(s) ? [Number(m[1]), Number(m[2])] : [Number(m[2]), Number(m[1])];
  return { year, q: q as Quarter["q"] };
}

export function quarterName(quarter: Quarter): string {
  return `${quarter.year}-Q${quarter.q}`;
}

/** The canonical spelling, or undefined when the text is not a quarter. */
export function canonicalQuarter(text: unknown): string | undefined {
  const parsed = parseQuarter(text);
  return parsed ? quarterName(parsed) : undefined;
}

export function quarterOfDay(day: Day): Quarter {
  const iso = isoOf(day);
  const month = Number(iso.slice(5, 7));
  return { year: Number(iso.slice(0, 4)), q: (Math.floor((month - 1) / 3) + 1) as Quarter["q"] };
}

export function nextQuarter(quarter: Quarter): Quarter {
  return quarter.q === 4
    ? { year: quarter.year + 1, q: 1 }
    : { year: quarter.year, q: (quarter.q + 1) as Quarter["q"] };
}

export function previousQuarter(quarter: Quarter): Quarter {
  return quarter.q === 1
    ? { year: quarter.year - 1, q: 4 }
    : { year: quarter.year, q: (quarter.q - 1) as Quarter["q"] };
}

/** First and last calendar day of a quarter. */
export function quarterDays(quarter: Quarter): { start: Day; end: Day } {
  const startMonth = (quarter.q - 1) * 3 + 1;
  const start = dayFromIso(`${quarter.year}-${String(startMonth).padStart(2, "0")}-01`) as Day;
  const next = nextQuarter(quarter);
  const nextStart = dayFromIso(`${next.year}-${String((next.q - 1) * 3 + 1).padStart(2, "0")}-01`) as Day;
  return { start, end: nextStart - 1 };
}

/** One row of the quarters table in Settings: a quarter's own first and last day. */
export interface QuarterDates {
  label: string;
  start: Day;
  end: Day;
}

/** The headers of the quarters table in Settings, by column. */
export const QUARTER_TABLE_HEADERS = {
  quarter: { en: "Quarter", fr: "Trimestre" },
  start: { en: "Start", fr: "Début" },
  end: { en: "End", fr: "Fin" },
} as const;

/**
 * The quarters table from Settings' first three columns: every row whose first cell is a quarter
 * ("2026-Q4") and whose next two are its first and last day. Other rows (the settings above, the
 * header, help) are not quarters and are skipped, so the same rule serves the add-on and OKRSTATUSES,
 * which reads Settings' columns A:C. A quarter row whose dates are unreadable or reversed is listed
 * in `bad` (its 0-based grid index) and left out; the first row of a quarter wins.
 *
 * @example
 * quarterTable([["Quarter", "Start", "End"], ["2026-Q4", "2026-10-01", "2026-12-31"]], "UTC").quarters
 * //=> [{ label: "2026-Q4", start: day("2026-10-01"), end: day("2026-12-31") }]
 */
export function quarterTable(
  grid: readonly (readonly unknown[])[],
  timeZone: string,
): { quarters: QuarterDates[]; bad: number[]; rows: Map<string, number> } {
  const quarters: QuarterDates[] = [];
  const bad: number[] = [];
  const rows = new Map<string, number>();
  for (let i = 0; i < grid.length; i++) {
    const line = grid[i]!;
    const label = canonicalQuarter(line[0]);
    if (!label || rows.has(label)) continue;
    const start = parseDay(line[1], timeZone);
    const end = parseDay(line[2], timeZone);
    if (start === undefined || end === undefined || end < start) {
      bad.push(i);
      continue;
    }
    rows.set(label, i);
    quarters.push({ label, start, end });
  }
  return { quarters, bad, rows };
}

/**
 * A quarter's dates: its row in the table, else its calendar months. Undefined for a label that is
 * not a quarter.
 *
 * @example
 * datesOfQuarter([], "2026-Q4") //=> { label: "2026-Q4", start: day("2026-10-01"), end: day("2026-12-31") }
 */
export function datesOfQuarter(table: readonly QuarterDates[], label: unknown): QuarterDates | undefined {
  const canonical = canonicalQuarter(label);
  if (!canonical) return undefined;
  const row = table.find((q) => q.label === canonical);
  if (row) return row;
  const { start, end } = quarterDays(parseQuarter(canonical)!);
  return { label: canonical, start, end };
}

/** The calendar quarters of a year and the next: what Set up writes into the table. */
export function calendarQuarters(year: number): QuarterDates[] {
  const out: QuarterDates[] = [];
  for (const y of [year, year + 1]) {
    for (const q of [1, 2, 3, 4] as const) {
      const { start, end } = quarterDays({ year: y, q });
      out.push({ label: quarterName({ year: y, q }), start, end });
    }
  }
  return out;
}
