/**
 * Typed values out of one parsed row: numbers checked against their column's range, days, choices
 * from the schema's lists. A cell that cannot be read becomes a finding, never an exception.
 */
import { isBlank, isDate, MAX_MAGNITUDE, type NumberResult, parseNumber } from "./cells";
import { matchChoice } from "./choices";
import { type Day, dayOf, isoOf, parseDay, readDayText } from "./dates";
import type { Finding, Severity } from "./findings";
import type { TableRow } from "./parse-table";
import type { ColumnDef, LISTS, SheetKey } from "./schema";
import { cellText } from "./text";

/** The findings for a cell that holds something its column cannot read. */
type UnreadableCode = "number-too-large" | "not-a-number" | "not-a-date" | "not-in-list";

/** Reads typed values out of a row, reporting each cell that cannot be read. */
export class CellReader {
  constructor(
    private readonly sheet: SheetKey,
    private readonly row: TableRow,
    private readonly timeZone: string,
    private readonly findings: Finding[],
  ) {}

  private at(column: string) {
    return { sheet: this.sheet, row: this.row.row, column };
  }

  /** Reports a cell its column cannot read, quoting what it holds (cut short; a date as its day). */
  private unreadable(code: UnreadableCode, severity: Severity, column: string, value: unknown): void {
    const quoted = isDate(value) ? isoOf(dayOf(value, this.timeZone)) : shorten(value);
    this.findings.push({ code, severity, ...this.at(column), params: { column, value: quoted } });
  }

  text(column: string): string {
    return cellText(this.row.cells[column]);
  }

  number(column: ColumnDef): number | undefined {
    const raw = this.row.cells[column.key];
    const read = parseNumber(raw);
    // Beyond ±1e15 digits are lost: reported as out of range, like an overflow.
    const parsed: NumberResult =
      read.ok && Math.abs(read.value) > MAX_MAGNITUDE ? { ok: false, reason: "too-large" } : read;
    if (parsed.ok) {
      const { min, max } = column;
      if ((min !== undefined && parsed.value < min) || (max !== undefined && parsed.value > max)) {
        this.findings.push({
          code: "out-of-range",
          severity: "error",
          ...this.at(column.key),
          params: { column: column.key, value: String(raw), min: String(min ?? ""), max: String(max ?? "") },
        });
        return undefined;
      }
      return parsed.value;
    }
    if (parsed.reason === "too-large") {
      // Quoted as typed: a number cell holding 1e309 would otherwise read "Infinity".
      this.unreadable("number-too-large", "error", column.key, typeof raw === "number" ? asTyped(raw) : raw);
    } else if (parsed.reason === "not-a-number") {
      this.unreadable("not-a-number", "error", column.key, raw);
    }
    return undefined;
  }

  day(column: string): Day | undefined {
    const raw = this.row.cells[column];
    if (isBlank(raw)) return undefined;
    const read = typeof raw === "string" ? readDayText(raw) : undefined;
    if (read && "ambiguous" in read) {
      // 03/04/2027 is 3 April in a French or British spreadsheet, March 4 in an American one: the
      // sheets are read without their locale, so the user is asked rather than one read guessed.
      const { dayFirst, monthFirst } = read.ambiguous;
      this.findings.push({
        code: "ambiguous-date",
        severity: "warning",
        ...this.at(column),
        params: { column, value: shorten(raw), dayFirst: isoOf(dayFirst), monthFirst: isoOf(monthFirst) },
      });
      return undefined;
    }
    const day = read ? read.day : parseDay(raw, this.timeZone);
    if (day === undefined) this.unreadable("not-a-date", "warning", column, raw);
    return day;
  }

  choice<K extends string>(column: string, list: (typeof LISTS)[keyof typeof LISTS]): K | undefined {
    const raw = this.row.cells[column];
    if (isBlank(raw)) return undefined;
    const key = matchChoice(list, raw);
    if (key === undefined) this.unreadable("not-in-list", "error", column, raw);
    return key as K | undefined;
  }
}

/** A number as a user would type it: 1e+21 → "1e21", infinities as "1e309" (what overflows to them). */
function asTyped(value: number): string {
  if (!Number.isFinite(value)) return value > 0 ? "1e309" : "-1e309";
  return String(value).replace("e+", "e");
}

/** A value as the user would recognise it in a message, cut short (a cell may hold 50,000 characters). */
export function shorten(value: unknown, max = 60): string {
  const text = typeof value === "string" ? value : String(value);
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** A column's definition: looked up once per sheet, not once per row and column. */
export function columnDef(columns: readonly ColumnDef[], key: string): ColumnDef {
  return columns.find((c) => c.key === key) as ColumnDef;
}
