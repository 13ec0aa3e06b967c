/**
 * Reading and writing single cell values the way Sheets hands them over: numbers, strings, booleans,
 * Dates and `''`. Nothing here throws; a value that is not what we need is reported, not guessed.
 */
import type { Lang } from "./i18n";

/** A raw cell value as `Range.getValues()` returns it. */
export type RawCell = string | number | boolean | Date | null | undefined;

/** Dates can come from another realm (the `vm` of the tests, Apps Script's own), so no `instanceof`. */
export function isDate(value: unknown): value is Date {
  return (
    Object.prototype.toString.call(value) === "[object Date]" && !Number.isNaN((value as Date).getTime())
  );
}

/** Any character that is not white space (zero-width spaces included). */
const NOT_BLANK = /[^\s\u200b-\u200d\u2060\ufeff]/;

/** True for `''`, null, undefined and whitespace-only text (zero-width spaces included). */
export function isBlank(value: unknown): boolean {
  if (value === null || value === undefined) return true;
  // A test, not a replace: called on every cell read, it should not copy each string.
  return typeof value === "string" && !NOT_BLANK.test(value);
}

export type NumberResult =
  { ok: true; value: number } | { ok: false; reason: "blank" | "not-a-number" | "too-large" };

/** The largest magnitude Validate accepts in a number cell: beyond it, digits are lost. */
export const MAX_MAGNITUDE = 1e15;

const NUMBER_TEXT = /^[+-]?(\d+([.,]\d*)?|[.,]\d+)(e[+-]?\d+)?$/i;

/** Thousands grouped with commas, as English writes them: 1,500 and 12,000.5, not 0,500 or 1,5. */
const ENGLISH_THOUSANDS = /^[+-]?[1-9]\d{0,2}(,\d{3})+(\.\d*)?$/;

/**
 * Reads a number from a cell: numbers as they are, and text written as `1.5`, `1,5`, `15%` or
 * ` 2 000 `. Booleans, dates and anything else are not numbers; a number too large for a double
 * (`1e309`, which JavaScript reads as Infinity) is "too-large", so it is never shown as Infinity.
 * A comma is a decimal point, unless `lang` is English and the commas group thousands (`1,500` is
 * 1500 to the person who typed it, as to an English spreadsheet; 1.5 to a French one).
 *
 * @example
 * parseNumber("1,5") //=> { ok: true, value: 1.5 }
 * parseNumber("1,500", "en") //=> { ok: true, value: 1500 }
 * parseNumber("15%") //=> { ok: true, value: 0.15 }
 * parseNumber("") //=> { ok: false, reason: "blank" }
 */
export function parseNumber(value: unknown, lang?: Lang): NumberResult {
  if (isBlank(value)) return { ok: false, reason: "blank" };
  if (typeof value === "number") {
    if (Number.isNaN(value)) return { ok: false, reason: "not-a-number" };
    return Number.isFinite(value) ? { ok: true, value } : { ok: false, reason: "too-large" };
  }
  if (typeof value !== "string") return { ok: false, reason: "not-a-number" };
  let text = value.trim().replace(/[\s\u00a0\u202f]/g, "");
  // A percentage is divided, not multiplied by 0.01: "70%" is 0.7, not 0.7000000000000001.
  let divisor = 1;
  if (text.endsWith("%")) {
    divisor = 100;
    text = text.slice(0, -1);
  }
  if (lang === "en" && ENGLISH_THOUSANDS.test(text)) text = text.replace(/,/g, "");
  if (!NUMBER_TEXT.test(text)) return { ok: false, reason: "not-a-number" };
  const parsed = Number(text.replace(",", ".")) / divisor;
  if (Number.isNaN(parsed)) return { ok: false, reason: "not-a-number" };
  return Number.isFinite(parsed) ? { ok: true, value: parsed } : { ok: false, reason: "too-large" };
}

/**
 * Text that came from a user, made safe to write with `setValues`, which parses strings as if typed:
 * `=…`, `+…`, `-…` become formulas, `#N/A` an error, and in the spreadsheet's locale `1,5`, `1 000`,
 * `$5`, `5 €`, `(5)`, `10%`, `12:30`, `9:05 AM`, `Jan 5`, `5 janv.`, `10/2026`, `TRUE` or `VRAI`
 * numbers, times, dates or booleans. Sheets' parser is wider than any list, so the rule is broad:
 * any text with a digit (in any script), a leading `= + - @ ' #`, a boolean word, or spaces around
 * it gets a leading apostrophe. Sheets keeps the rest as text and the apostrophe is not part of the
 * value read back (TO_TEXT "is equivalent to prefixing a number with an apostrophe",
 * https://support.google.com/docs/answer/3094285).
 *
 * @example
 * asText("=IMPORTXML(\"http://x\",\"//a\")") //=> "'=IMPORTXML(\"http://x\",\"//a\")"
 * asText("12:30") //=> "'12:30"
 * asText("Grow revenue") //=> "Grow revenue"
 */
export function asText(text: string): string {
  if (text === "") return "";
  const trimmed = text.trim();
  const risky =
    /^[=+\-@'#]/.test(trimmed) ||
    /\p{Nd}/u.test(text) ||
    /^(true|false|vrai|faux)$/i.test(trimmed) ||
    text !== trimmed;
  return risky ? `'${text}` : text;
}
