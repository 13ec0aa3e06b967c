/**
 * Calendar days. Sheets hands dates over as instants at midnight in the spreadsheet's time zone;
 * everything here works on the calendar day in that zone, as a day number (days since 1970-01-01)
 * or an ISO string "YYYY-MM-DD" (what crosses google.script.run, which cannot pass Dates).
 */
import { isDate } from "./cells";

export type Day = number;

const MS_PER_DAY = 86_400_000;
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", { timeZone, year: "numeric", month: "numeric", day: "numeric" });
    formatters.set(timeZone, f);
  }
  return f;
}

/**
 * Days already computed, by time zone and instant. A sheet's date cells are a few distinct
 * instants (midnight of each day) repeated over thousands of rows, and `formatToParts` is the
 * costliest step of reading them: 42,000 date cells took 130 ms, and now take a few.
 */
const dayCache = new Map<string, Map<number, Day>>();
const DAY_CACHE_LIMIT = 4096;

/** The calendar day of an instant in a time zone. */
export function dayOf(date: Date, timeZone: string): Day {
  const time = date.getTime();
  let days = dayCache.get(timeZone);
  if (!days) {
    days = new Map();
    dayCache.set(timeZone, days);
  }
  const known = days.get(time);
  if (known !== undefined) return known;
  const day = computeDayOf(date, timeZone);
  if (days.size >= DAY_CACHE_LIMIT) days.clear();
  days.set(time, day);
  return day;
}

function computeDayOf(date: Date, timeZone: string): Day {
  let parts: Intl.DateTimeFormatPart[];
  try {
    parts = formatter(timeZone).formatToParts(date);
  } catch {
    parts = formatter("UTC").formatToParts(date);
  }
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return Date.UTC(get("year"), get("month") - 1, get("day")) / MS_PER_DAY;
}

export function dayFromIso(iso: string): Day | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso.trim());
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const ms = Date.UTC(y, mo - 1, d);
  const check = new Date(ms);
  if (check.getUTCFullYear() !== y || check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d)
    return undefined;
  return ms / MS_PER_DAY;
}

/**
 * The same day of the month, `months` later (a day the month lacks runs into the next one).
 *
 * @example isoOf(addMonths(dayFromIso("2029-02-01")!, 3)) //=> "2029-05-01"
 */
export function addMonths(day: Day, months: number): Day {
  const date = new Date(day * MS_PER_DAY);
  return Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + months, date.getUTCDate()) / MS_PER_DAY;
}

/** @example isoOf(dayFromIso("2026-10-01")!) //=> "2026-10-01" */
export function isoOf(day: Day): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

/**
 * A day from a cell: a Date (in the spreadsheet's zone), an ISO "2026-10-01", a day-first
 * "01/10/2026" or "1.10.2026" (the form French and Belgian users type). Anything else is undefined.
 */
export function parseDay(value: unknown, timeZone: string): Day | undefined {
  if (isDate(value)) return dayOf(value, timeZone);
  if (typeof value !== "string") return undefined;
  const text = value.trim();
  const iso = dayFromIso(text);
  if (iso !== undefined) return iso;
  const dmy = /^(\d{1,2})[/.](\d{1,2})[/.](\d{4})$/.exec(text);
  if (!dmy) return undefined;
  return dayFromIso(`${dmy[3]}-${dmy[2]!.padStart(2, "0")}-${dmy[1]!.padStart(2, "0")}`);
}

const clocks = new Map<string, Intl.DateTimeFormat>();

/** The wall clock of an instant in a time zone, as milliseconds since 1970-01-01 00:00 on that clock. */
export function wallClock(time: number, timeZone: string): number {
  let f = clocks.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    });
    clocks.set(timeZone, f);
  }
  const parts = f.formatToParts(new Date(time));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return Date.UTC(get("year"), get("month") - 1, get("day"), get("hour"), get("minute"), get("second"));
}

/**
 * The instant a calendar day starts in a time zone: midnight there, as Sheets stores a date typed
 * in a cell of a spreadsheet in that zone, so the cell holds the day and no time of day. Where a
 * daylight-saving change skips midnight, the day starts at the first instant after the jump.
 *
 * @example dateOfDay(dayFromIso("2026-10-01")!, "Europe/Brussels").toISOString() //=> "2026-09-30T22:00:00.000Z"
 */
export function dateOfDay(day: Day, timeZone: string): Date {
  // A few distinct days are written over thousands of rows (Created when locking a plan).
  const key = `${timeZone} ${day}`;
  let time = dayStarts.get(key);
  if (time === undefined) {
    if (dayStarts.size >= DAY_CACHE_LIMIT) dayStarts.clear();
    time = computeDayStart(day, timeZone);
    dayStarts.set(key, time);
  }
  return new Date(time);
}

const dayStarts = new Map<string, number>();

function computeDayStart(day: Day, timeZone: string): number {
  const midnight = day * MS_PER_DAY;
  let zone = timeZone;
  try {
    wallClock(midnight, zone);
  } catch {
    zone = "UTC";
  }
  return instantOfWallClock(midnight, zone);
}

/**
 * The instant a zone's clock shows a wall-clock time (milliseconds on a UTC clock, as `wallClock`
 * gives them). Where a daylight-saving change skips that time, the first instant after the jump.
 */
export function instantOfWallClock(wall: number, zone: string): number {
  // Two steps settle the offset, even when it changes between the guess and the answer.
  let time = wall - (wallClock(wall, zone) - wall);
  time = wall - (wallClock(time, zone) - time);
  // Time skipped: `time` shows the moment before the jump; the jump itself is the answer.
  const shown = wallClock(time, zone);
  if (shown < wall) time += wall - shown;
  return time;
}
