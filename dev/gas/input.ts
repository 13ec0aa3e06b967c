/**
 * What Sheets makes of a value written with setValue/setValues: the "user entered" parse, as if
 * the string were typed in a cell of a spreadsheet in that locale and time zone. This is what
 * makes text protection (formula injection, text that must stay text) testable offline.
 *
 * Modelled, in en_US, en_GB, fr_FR and fr_BE (any other locale follows en_US):
 * - "=…" and "+…"/"-…" that are not numbers become formulas; a leading apostrophe, or the plain-text
 *   number format "@" on the cell, keeps the string as text (the apostrophe is not in the value).
 * - Numbers in the locale: "1.5" / "1,5", grouped thousands ("1,000" in English; "1 000" with a
 *   space, no-break or narrow no-break space, and "1.000" in French), exponents ("1e5").
 * - Currencies before or after, with or without a space, in every locale: "$5", "5 $", "€5",
 *   "5 €", "£5", "¥5"; accounting negatives "(5)" and "($5)"; percentages "10%", "10 %", "1,5 %".
 * - Booleans TRUE/FALSE, and VRAI/FAUX in French.
 * - Times "12:30", "12:30:15", "9:05 AM", "9 pm": a Date on 1899-12-30 at that wall time, as
 *   Apps Script returns a time-only cell.
 * - Dates: ISO "2026-01-05"; numeric "1/5/2026" (month first in en_US, day first elsewhere; "-"
 *   and "." work as "/"; two-digit years: 00-29 are 20xx); partial "1/5" (this year) and
 *   "10/2026" (month and year: the 1st); month names in the locale's language, full or short,
 *   with or without a dot, accents optional: "Jan 5", "5 Jan", "January 5, 2026", "Jan 2026",
 *   "5-Jan-2026", "5 janv.", "5 janvier 2026", "janvier 2026". A date is the instant of midnight
 *   in the spreadsheet's time zone.
 *
 * Limits (Sheets parses more): durations over 24 h ("25:00"), French "9h05", "1.5" in French
 * (text here), day-first dotted dates with month names, other currency symbols and codes
 * ("5 EUR", "CHF 5"), fractions ("1 1/2"), and the number format Sheets puts on the cell.
 */
import { instantOfWallClock, wallClock } from "../../src/core/dates";

export type CellValue = string | number | boolean | Date;

export type Interpreted = { kind: "value"; value: CellValue } | { kind: "formula"; formula: string };

/** Where the typing happens: the spreadsheet's locale and time zone, and today (partial dates). */
export interface InputContext {
  locale: string;
  timeZone: string;
  now: () => number;
}

const DEFAULT_CONTEXT: InputContext = { locale: "en_US", timeZone: "UTC", now: () => Date.now() };

interface Conventions {
  french: boolean;
  monthFirst: boolean;
}

function conventions(locale: string): Conventions {
  const french = /^fr/i.test(locale);
  return { french, monthFirst: !french && !/^en[_-](GB|IE|AU|NZ|IN|ZA)/i.test(locale) };
}

export function interpretInput(raw: unknown, numberFormat: string, context = DEFAULT_CONTEXT): Interpreted {
  if (raw === null || raw === "") return { kind: "value", value: "" };
  if (typeof raw === "number" || typeof raw === "boolean") return { kind: "value", value: raw };
  if (isDate(raw)) return { kind: "value", value: new Date(raw.getTime()) };
  const text = String(raw);
  if (numberFormat === "@") return { kind: "value", value: text };
  if (text.startsWith("'")) return { kind: "value", value: text.slice(1) };
  if (text.startsWith("=")) return { kind: "formula", formula: text };
  const trimmed = text.trim();
  const conv = conventions(context.locale);
  const number = parseNumber(trimmed, conv);
  // Beyond a double's range ("1e309") Sheets keeps what was typed, as text: never Infinity.
  if (number === OUT_OF_RANGE) return { kind: "value", value: text };
  if (number !== undefined) return { kind: "value", value: number };
  if (/^(\+|-)/.test(trimmed) && trimmed.length > 1) return { kind: "formula", formula: `=${trimmed}` };
  const bool = parseBoolean(trimmed, conv);
  if (bool !== undefined) return { kind: "value", value: bool };
  const wall = parseTime(trimmed) ?? parseDate(trimmed, conv, context);
  if (wall !== undefined)
    return { kind: "value", value: new Date(instantOfWallClock(wall, context.timeZone)) };
  return { kind: "value", value: text };
}

const SPACES = "[ \\u00a0\\u202f]";
const CURRENCY = "[$€£¥]";
const PLAIN = /^(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;
const EN_GROUPED = /^\d{1,3}(,\d{3})+(\.\d*)?$/;
const FR_PLAIN = /^(\d+,?\d*|,\d+)(e[+-]?\d+)?$/i;
const FR_GROUPED = new RegExp(`^\\d{1,3}((${SPACES}|\\.)\\d{3})+(,\\d*)?$`);

const OUT_OF_RANGE = "out of range";

/** A number as typed in the locale, with its sign, currency, accounting brackets or percent sign. */
function parseNumber(text: string, conv: Conventions): number | typeof OUT_OF_RANGE | undefined {
  let s = text;
  let negative = false;
  const bracketed = /^\((.*)\)$/.exec(s);
  if (bracketed) [negative, s] = [true, bracketed[1]!.trim()];
  const sign = (): void => {
    const m = /^([+-])\s*/.exec(s);
    if (!m) return;
    if (bracketed && m[1] === "-")
      s = "x"; // "(-5)" is not a number
    else [negative, s] = [negative || m[1] === "-", s.slice(m[0].length)];
  };
  sign();
  let scale = 1;
  const before = new RegExp(`^${CURRENCY}${SPACES}*`).exec(s);
  const after = new RegExp(`${SPACES}*${CURRENCY}$`).exec(s);
  if (before && after) return undefined;
  if (before) {
    s = s.slice(before[0].length);
    sign();
  } else if (after) s = s.slice(0, after.index);
  else {
    const percent = new RegExp(`${SPACES}*%$`).exec(s);
    if (percent) [scale, s] = [0.01, s.slice(0, percent.index)];
  }
  let numeral: string | undefined;
  if (conv.french) {
    if (FR_PLAIN.test(s)) numeral = s.replace(",", ".");
    else if (FR_GROUPED.test(s)) numeral = s.replace(/[ \u00a0\u202f.]/g, "").replace(",", ".");
  } else if (PLAIN.test(s)) numeral = s;
  else if (EN_GROUPED.test(s)) numeral = s.replace(/,/g, "");
  if (numeral === undefined) return undefined;
  const value = Number(numeral) * scale;
  if (!Number.isFinite(value)) return OUT_OF_RANGE;
  return negative ? -value : value;
}

function parseBoolean(text: string, conv: Conventions): boolean | undefined {
  const upper = text.toUpperCase();
  if (upper === "TRUE" || (conv.french && upper === "VRAI")) return true;
  if (upper === "FALSE" || (conv.french && upper === "FAUX")) return false;
  return undefined;
}

/** A wall-clock time as milliseconds on 1899-12-30 (Sheets' day zero). */
const DAY_ZERO = Date.UTC(1899, 11, 30);

function parseTime(text: string): number | undefined {
  const m = /^(\d{1,2})(?::(\d{2})(?::(\d{2}))?)?(?:\s*([ap])\.?\s?m\.?)?$/i.exec(text) ?? undefined;
  if (!m || (m[2] === undefined && m[4] === undefined)) return undefined;
  let hour = Number(m[1]);
  const [minute, second] = [Number(m[2] ?? 0), Number(m[3] ?? 0)];
  if (minute > 59 || second > 59) return undefined;
  if (m[4]) {
    if (hour < 1 || hour > 12) return undefined;
    hour = (hour % 12) + (m[4].toLowerCase() === "p" ? 12 : 0);
  } else if (hour > 23) return undefined;
  return DAY_ZERO + ((hour * 60 + minute) * 60 + second) * 1000;
}

const MONTHS = {
  en: [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
  ],
  fr: [
    "janvier",
    "fevrier",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "aout",
    "septembre",
    "octobre",
    "novembre",
    "decembre",
  ],
};
const FR_SHORT = ["janv", "fevr", "mars", "avr", "mai", "juin", "juil", "aout", "sept", "oct", "nov", "dec"];

/** 1-12 for a month name or its abbreviation in the locale's language ("Jan", "janv.", "févr"). */
function monthOf(word: string, conv: Conventions): number | undefined {
  const w = word
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/\.$/, "");
  const names = conv.french ? MONTHS.fr : MONTHS.en;
  const at = names.findIndex(
    (name, i) =>
      name === w ||
      (conv.french ? FR_SHORT[i] === w : w.length >= 3 && (name.startsWith(w) || (i === 8 && w === "sept"))),
  );
  return at >= 0 ? at + 1 : undefined;
}

function year(text: string | undefined, today: number): number | undefined {
  if (text === undefined) return new Date(today).getUTCFullYear();
  if (text.length === 4) return Number(text);
  if (text.length === 2) return Number(text) + (Number(text) < 30 ? 2000 : 1900);
  return undefined;
}

/** Midnight of a valid calendar day as wall-clock milliseconds, or undefined. */
function day(y: number | undefined, month: number | undefined, d: number): number | undefined {
  if (y === undefined || month === undefined || month < 1 || month > 12 || d < 1) return undefined;
  const ms = Date.UTC(y, month - 1, d);
  return new Date(ms).getUTCDate() === d ? ms : undefined;
}

function parseDate(text: string, conv: Conventions, context: InputContext): number | undefined {
  const today = wallClock(context.now(), context.timeZone);
  const iso = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})$/.exec(text);
  if (iso) return day(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  const numeric = /^(\d{1,2})([-/.])(\d{1,2})(?:\2(\d{4}|\d{2}))?$/.exec(text);
  // "1.5" without a year stays a number (English) or text (French), never a date.
  if (numeric && !(numeric[2] === "." && numeric[4] === undefined)) {
    const [a, b] = [Number(numeric[1]), Number(numeric[3])];
    const [month, d] = conv.monthFirst ? [a, b] : [b, a];
    return day(year(numeric[4], today), month, d);
  }
  const monthYear = /^(\d{1,2})[-/.](\d{4})$/.exec(text);
  if (monthYear) return day(Number(monthYear[2]), Number(monthYear[1]), 1);
  const WORD = "([a-zéèêûôîàç]+\\.?)";
  const monthFirst = new RegExp(`^${WORD}[\\s-]+(\\d{1,2})(?:,?[\\s-]+(\\d{4}|\\d{2}))?$`, "i").exec(text);
  if (monthFirst)
    return day(year(monthFirst[3], today), monthOf(monthFirst[1]!, conv), Number(monthFirst[2]));
  const dayFirst = new RegExp(`^(\\d{1,2})[\\s-]+${WORD}(?:[\\s-]+(\\d{4}|\\d{2}))?$`, "i").exec(text);
  if (dayFirst) return day(year(dayFirst[3], today), monthOf(dayFirst[2]!, conv), Number(dayFirst[1]));
  const named = new RegExp(`^${WORD}[\\s-]+(\\d{4})$`, "i").exec(text);
  if (named) return day(Number(named[2]), monthOf(named[1]!, conv), 1);
  return undefined;
}

/** Dates cross the `vm` boundary between the bundle and the runtime, so `instanceof` cannot be trusted. */
export function isDate(value: unknown): value is Date {
  return Object.prototype.toString.call(value) === "[object Date]";
}
