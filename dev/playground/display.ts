/**
 * How the playground's grid shows a cell: the value formatted with its number format, roughly as
 * Sheets does for the formats the add-on uses (0.00 for scores, yyyy-mm-dd for dates, percentages),
 * and what the formula bar shows for editing.
 */
import { type CellValue, interpretInput, isDate } from "../gas";
import { type WallClock, wallClockOf } from "../gas/services";

export type Align = "left" | "right" | "center";

const DAY_MS = 86_400_000;
/** Day 0 of Sheets' serial numbers. */
const SERIAL_EPOCH = Date.UTC(1899, 11, 30);

/** A date's calendar day and time in a time zone. */
export const wallClock = wallClockOf;

/** The instant at which a time zone's clocks show a wall-clock time (the inverse of wallClock). */
export function fromWallClock(clock: WallClock, timeZone: string): Date {
  const asUtc = Date.UTC(clock.year, clock.month - 1, clock.day, clock.hour, clock.minute, clock.second);
  const offsetAt = (instant: number) => {
    const w = wallClock(new Date(instant), timeZone);
    return Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second) - instant;
  };
  const first = asUtc - offsetAt(asUtc);
  const second = asUtc - offsetAt(first);
  return new Date(second);
}

const pad = (n: number, width = 2) => String(n).padStart(width, "0");

function formatDate(date: Date, format: string, timeZone: string): string {
  const w = wallClock(date, timeZone);
  const iso = `${w.year}-${pad(w.month)}-${pad(w.day)}`;
  if (!format || !/[dmy]/i.test(format)) return iso;
  const time = /h/i.test(format)
    ? ` ${pad(w.hour)}:${pad(w.minute)}${/s/.test(format) ? `:${pad(w.second)}` : ""}`
    : "";
  if (/^yyyy-mm-dd/i.test(format)) return iso + time;
  if (/^dd\/mm\/yyyy/i.test(format)) return `${pad(w.day)}/${pad(w.month)}/${w.year}${time}`;
  if (/^m+\/d+\/yyyy/i.test(format)) return `${w.month}/${w.day}/${w.year}${time}`;
  return iso + time;
}

function isDateFormat(format: string): boolean {
  return /(^|[^"\\])(yy|dd|mm\/|\/mm|m\/d)/i.test(format) && !/^[#0.,%]+$/.test(format);
}

/** How a spreadsheet locale writes numbers: Sheets in French shows 0,42 and 1 234,5. */
interface NumberSymbols {
  decimal: string;
  group: string;
}

function symbols(locale: string): NumberSymbols {
  return /^fr/i.test(locale) ? { decimal: ",", group: "\u202f" } : { decimal: ".", group: "," };
}

function group(integer: string, separator: string): string {
  return integer.replace(/\B(?=(\d{3})+(?!\d))/g, separator);
}

/** A number written with "." as JavaScript does, in the locale's decimal mark. */
function localized(text: string, locale: string): string {
  const { decimal } = symbols(locale);
  return decimal === "." ? text : text.replace(".", decimal);
}

function formatNumber(value: number, format: string, locale: string): string {
  const pattern = /^([#,0]*)(?:\.([0#]+))?(%?)$/.exec(format.trim());
  if (!format || format === "General" || !pattern) return localized(general(value), locale);
  const marks = symbols(locale);
  const [, integer = "", decimals = "", percent] = pattern;
  const scaled = percent ? value * 100 : value;
  const fixed = scaled.toFixed(decimals.length);
  const [whole = "", fraction] = fixed.split(".");
  const sign = whole.startsWith("-") ? "-" : "";
  const digits = sign ? whole.slice(1) : whole;
  const grouped = integer.includes(",") ? group(digits, marks.group) : digits;
  return `${sign}${grouped}${fraction !== undefined ? `${marks.decimal}${fraction}` : ""}${percent}`;
}

/** Sheets' automatic format, near enough: integers as they are, others to 10 significant digits. */
function general(value: number): string {
  if (Number.isInteger(value) && Math.abs(value) < 1e15) return String(value);
  const abs = Math.abs(value);
  if (abs !== 0 && (abs < 1e-9 || abs >= 1e15))
    return value.toExponential(4).replace("e+", "E+").replace("e-", "E-");
  return String(Number(value.toPrecision(10)));
}

/** The text a cell shows in a spreadsheet of that locale ("en_US", "fr_FR"…), and where it is aligned. */
export function displayValue(
  value: CellValue,
  format: string,
  timeZone: string,
  locale = "en_US",
): { text: string; align: Align } {
  if (value === "" || value === null || value === undefined) return { text: "", align: "left" };
  if (typeof value === "boolean") return { text: value ? "TRUE" : "FALSE", align: "center" };
  if (isDate(value)) return { text: formatDate(value, format, timeZone), align: "right" };
  if (typeof value === "number") {
    if (format && format !== "@" && isDateFormat(format)) {
      return { text: formatDate(new Date(SERIAL_EPOCH + value * DAY_MS), format, "UTC"), align: "right" };
    }
    const text = format === "@" ? localized(String(value), locale) : formatNumber(value, format, locale);
    return { text, align: "right" };
  }
  return { text: String(value), align: "left" };
}

/** What the formula bar shows for a cell, such that typing it back gives the same cell. */
export function editText(
  value: CellValue,
  formula: string,
  format: string,
  timeZone: string,
  locale = "en_US",
): string {
  if (formula) return formula;
  if (value === "") return "";
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (typeof value === "number") return localized(String(value), locale);
  if (isDate(value)) {
    const w = wallClock(value, timeZone);
    const day = `${w.year}-${pad(w.month)}-${pad(w.day)}`;
    return /h/i.test(format) ? `${day} ${pad(w.hour)}:${pad(w.minute)}:${pad(w.second)}` : day;
  }
  const text = String(value);
  const again = interpretInput(text, format);
  return again.kind === "value" && again.value === text ? text : `'${text}`;
}
