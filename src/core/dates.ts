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
 * How a spreadsheet's locale reads a numeric date such as 03/04/2027: month first in the United
 * States and the English locales that follow it, day first everywhere else (en_GB, fr_*, …).
 */
export type DayOrder = "day-first" | "month-first";

/**
 * The order a spreadsheet locale reads numeric dates in, as Sheets does when a date is typed.
 *
 * @example dayOrderOf("en_US") //=> "month-first"
 * @example dayOrderOf("fr_BE") //=> "day-first"
 */
export function dayOrderOf(locale: string | null | undefined): DayOrder {
  const english = /^en(?:[_-]|$)/i.test(locale ?? "");
  return english && !/^en[_-](GB|IE|AU|NZ|IN|ZA)/i.test(locale ?? "") ? "month-first" : "day-first";
}

/** A text date read: its day, or both days it could be when its order is not known. */
export type DayText = { day: Day } | { ambiguous: { dayFirst: Day; monthFirst: Day } } | undefined;

/**
 * A date typed as text: ISO "2026-10-01" always; "1.10.2026" day first (the dotted European form);
 * "01/10/2026" or "01-10-2026" in `order`. Where one part is above 12 only one reading is a date,
 * whatever the order; where both are 12 or less and differ and `order` is not known, both readings
 * are returned as ambiguous rather than one guessed.
 *
 * @example readDayText("03/04/2027", "month-first") //=> { day: dayFromIso("2027-03-04") }
 * @example readDayText("25/03/2027") //=> { day: dayFromIso("2027-03-25") }
 * @example readDayText("03/04/2027") //=> { ambiguous: { dayFirst: dayFromIso("2027-04-03"), monthFirst: dayFromIso("2027-03-04") } }
 */
export function readDayText(value: string, order?: DayOrder): DayText {
  const text = value.trim();
  const iso = dayFromIso(text);
  if (iso !== undefined) return { day: iso };
  const dotted = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(text);
  if (dotted) return found(ymd(dotted[3]!, dotted[2]!, dotted[1]!));
  const numeric = /^(\d{1,2})([/-])(\d{1,2})\2(\d{4})$/.exec(text);
  if (!numeric) return undefined;
  const [first, second, year] = [numeric[1]!, numeric[3]!, numeric[4]!];
  const dayFirst = ymd(year, second, first);
  const monthFirst = ymd(year, first, second);
  if (dayFirst === undefined || monthFirst === undefined || dayFirst === monthFirst)
    return found(dayFirst ?? monthFirst);
  if (order) return { day: order === "day-first" ? dayFirst : monthFirst };
  return { ambiguous: { dayFirst, monthFirst } };
}

const found = (day: Day | undefined): DayText => (day === undefined ? undefined : { day });

function ymd(year: string, month: string, day: string): Day | undefined {
  return dayFromIso(`${year}-${month.padStart(2, "0")}-${day.padStart(2, "0")}`);
}

/**
 * A day from a cell: a Date (in the spreadsheet's zone), or a text date as `readDayText` reads it
 * in `order`. Anything else, and a text date that `order` would be needed for and is not given,
 * is undefined (`readDayText` tells the two apart).
 *
 * @example parseDay("2026-10-01", "UTC") //=> dayFromIso("2026-10-01")
 * @example parseDay("10/01/2026", "UTC", "month-first") //=> dayFromIso("2026-10-01")
 */
export function parseDay(value: unknown, timeZone: string, order?: DayOrder): Day | undefined {
  if (isDate(value)) return dayOf(value, timeZone);
  if (typeof value !== "string") return undefined;
  const read = readDayText(value, order);
  return read && "day" in read ? read.day : undefined;
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
