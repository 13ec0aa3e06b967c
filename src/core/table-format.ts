/**
 * How set-up formats a table sheet, as data: header style and ranges, column widths, native
 * validation with its help, number formats, header protections and, on OKRs, the colour rules of
 * Score and Status. Grouped in runs of neighbouring columns so that src/server/template-format.ts
 * spends a fixed number of calls per run, whatever the number of rows. Only our columns are
 * touched: a user's own column between ours keeps its look, rules and header.
 */
import { type Lang, t, tKey } from "./i18n";
import type { Status } from "./pace";
import { type ColumnDef, columnHeader, DEFAULT_WIDTH, listLabels, type SheetDef } from "./schema";
import { BAND_COLORS, BAND_LIMITS } from "./scoring";
import type { TablePlace } from "./table-layout";
import { columnLetters, COMPUTED } from "./template";

/** The background of our header rows (Google Sheets' light grey). */
export const HEADER_BACKGROUND = "#e8eaed";

/** The description of our header protections, by which a later set-up finds them. */
export const PROTECTION_NOTE = "OKR Sheets: header row";
/** The start of the computed columns' protection descriptions (the rest says why, in the sheet's language). */
export const COMPUTED_NOTE = "OKR Sheets: computed column";

/** One of our columns where a table has it (0-based index). */
export interface PlacedColumn {
  def: ColumnDef;
  index: number;
}

/** A run of neighbouring columns: the first one's 0-based index and their number. */
export interface Run {
  start: number;
  count: number;
}

/**
 * Runs of items at neighbouring column indexes that share a key (items sorted by index).
 *
 * @example
 * runsOf([{ index: 0 }, { index: 1 }, { index: 3 }], () => "").map((run) => run.length) //=> [2, 1]
 */
export function runsOf<T extends { index: number }>(items: readonly T[], key: (item: T) => unknown): T[][] {
  const out: T[][] = [];
  for (const item of items) {
    const last = out[out.length - 1];
    const previous = last?.[last.length - 1];
    if (last && previous && previous.index === item.index - 1 && key(previous) === key(item)) last.push(item);
    else out.push([item]);
  }
  return out;
}

const runOf = (run: readonly PlacedColumn[]): Run => ({ start: run[0]!.index, count: run.length });

/** Our columns a table has, in sheet order. */
export function placedColumns(def: SheetDef, place: TablePlace): PlacedColumn[] {
  return def.columns
    .filter((c) => place.columns[c.key] !== undefined)
    .map((c) => ({ def: c, index: place.columns[c.key]! }))
    .sort((a, b) => a.index - b.index);
}

/** Native data validation, as data; every rule lets an invalid value in with a warning. */
export type ValidationRule =
  | { kind: "list"; values: string[]; help: string }
  | { kind: "number"; min: number; max: number; help: string }
  | { kind: "date"; help: string };

/**
 * A column's native validation with its help, in the sheet's language; none for a text column.
 *
 * @example
 * validationRule(columnOf("okrs", "confidence"), "en") //=> { kind: "number", min: 0, max: 10, help: "A number from 0 to 10." }
 */
export function validationRule(column: ColumnDef, lang: Lang): ValidationRule | undefined {
  if (column.type === "list" && column.list) {
    const values = listLabels(column.list, lang);
    return { kind: "list", values, help: t(lang, "validation.list", { values: values.join(", ") }) };
  }
  if (column.type === "number") {
    if (column.min !== undefined && column.max !== undefined) {
      const help = t(lang, "validation.range", { min: column.min, max: column.max });
      return { kind: "number", min: column.min, max: column.max, help };
    }
    return { kind: "number", min: -1e15, max: 1e15, help: t(lang, "validation.number") };
  }
  if (column.type === "date") return { kind: "date", help: t(lang, "validation.date") };
  return undefined;
}

/** A colour rule of the OKRs sheet: a number below or at least a limit, or a text. */
export type ColorRule =
  { when: "below" | "atLeast"; value: number; color: string } | { when: "text"; text: string; color: string };

/** A done key result's colour: a deeper green than on track's. */
const DONE_COLOR = "#a8dab5";
const STATUS_COLORS: Readonly<Partial<Record<Status, string>>> = {
  "on-track": BAND_COLORS.green,
  "at-risk": BAND_COLORS.yellow,
  "off-track": BAND_COLORS.red,
  done: DONE_COLOR,
};

/** Score's bands (the first rule that matches colours a cell, so "below green" means yellow). */
const SCORE_RULES: readonly ColorRule[] = [
  { when: "below", value: BAND_LIMITS.yellow, color: BAND_COLORS.red },
  { when: "below", value: BAND_LIMITS.green, color: BAND_COLORS.yellow },
  { when: "atLeast", value: BAND_LIMITS.green, color: BAND_COLORS.green },
];

/** How set-up formats one table. */
export interface TableFormat {
  /** A1 ranges of our header cells, styled bold on HEADER_BACKGROUND. */
  headerRanges: string[];
  /** Runs of neighbouring columns of one width (Sheets' default width left alone). */
  widths: (Run & { width: number })[];
  /** Runs of validated columns, each column's rule (null: none on that column). */
  validations: (Run & { rules: (ValidationRule | null)[] })[];
  /** Runs of columns with a number format, each column's format. */
  numberFormats: (Run & { formats: string[] })[];
  /** Runs of our header cells, each protected with a warning. */
  protections: Run[];
  /** On OKRs only: the computed columns' cells below the header, with a protection's description. */
  computed: { index: number; description: string }[];
  /** On OKRs only: the colour rules of the Score and Status columns. */
  colors: { score: readonly ColorRule[]; status: ColorRule[] } | undefined;
}

/**
 * The format of a table where it sits, in the sheet's language. `created`: a sheet set-up just
 * inserted, which holds our columns only, so its validations are one run (null where a column has
 * no rule). Colour rules and computed-column protections are for the OKRs sheet.
 */
export function tableFormat(def: SheetDef, place: TablePlace, lang: Lang, created: boolean): TableFormat {
  const columns = placedColumns(def, place);
  const row = place.headerRow;
  // Runs of our columns: a user's own column between two of ours breaks a run.
  const ours = runsOf(columns, () => "");
  const headerRanges = ours.map(
    (run) => `${columnLetters(run[0]!.index)}${row}:${columnLetters(run[run.length - 1]!.index)}${row}`,
  );
  const widths = runsOf(
    columns.filter((c) => c.def.width !== DEFAULT_WIDTH),
    (c) => c.def.width,
  ).map((run) => ({ ...runOf(run), width: run[0]!.def.width }));
  const ruled = columns.flatMap((c) => {
    const rule = validationRule(c.def, lang);
    return rule ? [{ ...c, rule }] : [];
  });
  const ruleAt = (index: number) => ruled.find((r) => r.index === index)?.rule ?? null;
  const validations = (created && ruled.length > 0 ? [columns] : runsOf(ruled, () => "")).map((run) => ({
    ...runOf(run),
    rules: run.map((c) => ruleAt(c.index)),
  }));
  const numberFormats = runsOf(
    columns.filter((c) => c.def.numberFormat),
    () => "",
  ).map((run) => ({ ...runOf(run), formats: run.map((c) => c.def.numberFormat!) }));
  const okrs = def.key === "okrs";
  return {
    headerRanges,
    widths,
    validations,
    numberFormats,
    protections: ours.map(runOf),
    computed: okrs ? computedProtections(place, lang) : [],
    colors: okrs ? { score: SCORE_RULES, status: statusRules(lang) } : undefined,
  };
}

/**
 * The Score and Status cells below the header get a warning-only protection: typing there would
 * block the column's array formula (Sheets then shows #REF! in the header cell and leaves the
 * column empty), so Sheets asks before an edit, and the description says why.
 */
function computedProtections(place: TablePlace, lang: Lang): TableFormat["computed"] {
  return COMPUTED.flatMap((key) => {
    const index = place.columns[key];
    if (index === undefined) return [];
    const why = t(lang, "setup.computedProtection", { column: columnHeader("okrs", key, lang) });
    return [{ index, description: `${COMPUTED_NOTE} — ${why}` }];
  });
}

/** Status colours by the label the Status formula shows, in the sheet's language. */
function statusRules(lang: Lang): ColorRule[] {
  return (Object.entries(STATUS_COLORS) as [Status, string][]).map(([status, color]) => ({
    when: "text",
    text: tKey(lang, `status.${status}`),
    color,
  }));
}
