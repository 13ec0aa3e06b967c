/**
 * Quarters as teams name them: "2026-Q4". A quarter has default dates (its calendar months); the
 * Settings sheet may move them.
 */
import { type Day, dayFromIso, isoOf } from "./dates";

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
