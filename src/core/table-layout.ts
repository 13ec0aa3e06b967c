/**
 * Where set-up finds and puts a table's columns: whether a sheet that bears our name is ours, where
 * the headers it lacks go, and the layout its formatting was applied to (so a set-up that finds the
 * same layout formats nothing). Pure: src/server/template.ts reads the sheets and writes.
 */
import type { RawCell } from "./cells";
import type { Finding } from "./findings";
import { languageName } from "./describe";
import { type Lang, t } from "./i18n";
import { parseTable } from "./parse-table";
import { type ColumnDef, SHEETS, type SheetKey } from "./schema";

/** The sheets set-up makes tables of (Settings and the Guide have layouts of their own). */
export const TABLES = ["okrs", "checkins", "kpis"] as const;
export type TableSheet = (typeof TABLES)[number];

/** Where a table sits: its 1-based header row and the 0-based index of each of our columns. */
export interface TablePlace {
  headerRow: number;
  columns: Record<string, number>;
}

const columnsOf = (key: TableSheet): readonly ColumnDef[] => SHEETS[key].columns;

/**
 * A sheet is ours when its header row holds most of our required columns, in English or French
 * (any order, a few rows down, extra columns of the user's alongside).
 *
 * @example
 * recognisedTable("checkins", [["Date", "KR ID", "Valeur"]]) //=> true
 * recognisedTable("okrs", [["Name", "Budget"]]) //=> false
 */
export function recognisedTable(key: TableSheet, grid: RawCell[][]): boolean {
  const table = parseTable(key, columnsOf(key), grid);
  if (table.headerRow === 0) return false;
  const required = columnsOf(key).filter((c) => c.required !== undefined);
  const found = required.filter((c) => table.columns[c.key] !== undefined).length;
  return 2 * found > required.length;
}

/**
 * A new table's place: the header in row 1, every column where the schema has it.
 *
 * @example
 * schemaPlace("checkins").columns.krId //=> 1
 */
export function schemaPlace(key: TableSheet): TablePlace {
  return { headerRow: 1, columns: Object.fromEntries(columnsOf(key).map((c, i) => [c.key, i])) };
}

/**
 * The columns a table lacks, and the 0-based index the first of them goes to: after the last
 * column the user wrote in anywhere, so that none of their columns moves.
 *
 * @example
 * missingColumns("kpis", { team: 0, name: 1 }, [["Team", "KPI", "", "Mine"]]).start //=> 4
 */
export function missingColumns(
  key: TableSheet,
  columns: Record<string, number>,
  grid: RawCell[][],
): { start: number; missing: ColumnDef[] } {
  const missing = columnsOf(key).filter((c) => columns[c.key] === undefined);
  return { start: missing.length > 0 ? lastUsedColumn(grid) : 0, missing };
}

/**
 * The headers set-up adds to a table that lacks some of our columns, in the sheet's language,
 * where they go (missingColumns) and the table's columns with them; undefined when none is missing.
 *
 * @example
 * addedColumns("kpis", { team: 0, name: 1 }, [["Team", "KPI", "", "Mine"]], "fr")?.columns.owner //=> 4
 * addedColumns("okrs", schemaPlace("okrs").columns, [[]], "en") //=> undefined
 */
export function addedColumns(
  key: TableSheet,
  columns: Readonly<Record<string, number>>,
  grid: RawCell[][],
  lang: Lang,
): { start: number; headers: string[]; columns: Record<string, number> } | undefined {
  const { start, missing } = missingColumns(key, columns, grid);
  if (missing.length === 0) return undefined;
  const added = { ...columns };
  missing.forEach((c, i) => (added[c.key] = start + i));
  return { start, headers: missing.map((c) => c.header[lang]), columns: added };
}

/** The 1-based number of the last column holding anything (0 when empty). */
function lastUsedColumn(grid: RawCell[][]): number {
  // A loop, not Math.max(...rows): spreading 200,000 rows overflows the call stack.
  let lastUsed = 0;
  for (const line of grid) {
    for (let i = line.length; i > lastUsed; i--) {
      if (line[i - 1] !== "") {
        lastUsed = i;
        break;
      }
    }
  }
  return lastUsed;
}

/**
 * The layout formatting was last applied to, per table, as kept in a document property: a set-up
 * that finds the same layout leaves the formatting alone, at no call (formatting a sheet that is
 * already right would otherwise cost some forty calls). Rows that Sheets adds below take the format
 * of the row above them, so a longer sheet needs nothing new either.
 */
export type FormattedLayouts = Partial<Record<SheetKey, string>>;

/** Raised whenever the formatting applied changes, so every sheet is formatted anew once. */
const FORMAT_VERSION = 1;

/**
 * The layout a table's formatting depends on: the sheet, its header row, where each of our
 * columns sits, the language.
 *
 * @example
 * formatSignature(7, { headerRow: 1, columns: { b: 1, a: 0 } }, "fr") //=> '[1,7,1,[["a",0],["b",1]],"fr"]'
 */
export function formatSignature(sheetId: number, place: TablePlace, lang: Lang): string {
  const columns = Object.entries(place.columns).sort(([a], [b]) => a.localeCompare(b));
  return JSON.stringify([FORMAT_VERSION, sheetId, place.headerRow, columns, lang]);
}

/**
 * Whether set-up formats a table sheet, and the layout to record once it has. Only a sheet
 * remembered by id (`sheetId`) has a layout to compare: any other is formatted, nothing recorded.
 * `switchedFrom`: the language it was formatted in before, when this formatting changes it (the
 * Settings Language was switched), so set-up can say so.
 *
 * @example
 * formatting({}, "okrs", undefined, { headerRow: 1, columns: {} }, "en") //=> { format: true }
 */
export function formatting(
  recorded: FormattedLayouts,
  key: TableSheet,
  sheetId: number | undefined,
  place: TablePlace,
  lang: Lang,
): { format: boolean; signature?: string; switchedFrom?: Lang } {
  const before = formattedLanguage(recorded[key]);
  const switched = before !== undefined && before !== lang ? { switchedFrom: before } : {};
  if (sheetId === undefined) return { format: true, ...switched };
  const signature = formatSignature(sheetId, place, lang);
  return { format: recorded[key] !== signature, signature, ...switched };
}

/** A table sheet as set-up found or made it, for its formatting. */
export interface FormattedTable {
  key: TableSheet;
  sheetId: number | undefined;
  place: TablePlace;
  /** Inserted by this set-up: a new sheet in a new language switched nothing. */
  created: boolean;
  name: string;
}

/**
 * Set-up's formatting of its table sheets (see formatting): the sheets to format, the layouts to
 * record, and the note for the user (in `userLang`) when it switched sheets to another language.
 */
export function formattingPlan(
  recorded: FormattedLayouts,
  tables: readonly FormattedTable[],
  { sheetLang, userLang }: { sheetLang: Lang; userLang: Lang },
): { format: TableSheet[]; layouts: FormattedLayouts; note?: string } {
  const layouts = { ...recorded };
  const format: TableSheet[] = [];
  const switched: string[] = [];
  let formerly: Lang | undefined;
  for (const table of tables) {
    const plan = formatting(recorded, table.key, table.sheetId, table.place, sheetLang);
    if (plan.format) format.push(table.key);
    if (plan.signature !== undefined) layouts[table.key] = plan.signature;
    if (plan.switchedFrom && !table.created) {
      formerly = plan.switchedFrom;
      switched.push(table.name);
    }
  }
  if (formerly === undefined) return { format, layouts };
  const language = languageName(sheetLang, userLang);
  const note = t(userLang, "setup.formatsLanguage", {
    sheets: switched.join(", "),
    language,
    formerly: languageName(formerly, userLang),
  });
  return { format, layouts, note };
}

/**
 * The layouts recorded by earlier set-ups; none when the property is missing or not ours.
 *
 * @example
 * formattedLayouts('{"okrs":"[1]"}') //=> { okrs: "[1]" }
 * formattedLayouts("not json") //=> {}
 */
export function formattedLayouts(property: string | undefined): FormattedLayouts {
  try {
    const parsed: unknown = JSON.parse(property ?? "{}");
    return parsed && typeof parsed === "object" ? (parsed as FormattedLayouts) : {};
  } catch {
    return {};
  }
}

/**
 * The language a recorded layout's formatting was applied in (its dropdowns' values and help, the
 * Status colour rules' texts); undefined for a record that is not ours.
 *
 * @example
 * formattedLanguage('[1,7,1,[["a",0]],"fr"]') //=> "fr"
 * formattedLanguage(undefined) //=> undefined
 */
export function formattedLanguage(signature: string | undefined): Lang | undefined {
  try {
    const parsed: unknown = JSON.parse(signature ?? "null");
    const lang = Array.isArray(parsed) ? (parsed[parsed.length - 1] as unknown) : undefined;
    return lang === "en" || lang === "fr" ? lang : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Validate's finding when the tables were formatted in another language than the one the sheets
 * are written in now (the Settings Language switched, or its locale while "auto"): the values the
 * add-on writes follow at once, but the dropdowns would offer the old words and flag the new ones,
 * and the Status colour rules no longer match the statuses, until set-up formats them again. On
 * the Language cell when Settings has one, else on the Settings sheet.
 *
 * @param recorded - the layouts set-up recorded (see formattedLayouts)
 * @param sheetLang - the language the sheets are written in now
 * @param languageRow - the Settings row of Language, when there is one
 *
 * @example
 * formatsLanguageFinding({ okrs: '[1,7,1,[],"en"]' }, "fr", 11)?.params //=> { formatted: "en", language: "fr" }
 * formatsLanguageFinding({ okrs: '[1,7,1,[],"fr"]' }, "fr", 11) //=> undefined
 */
export function formatsLanguageFinding(
  recorded: FormattedLayouts,
  sheetLang: Lang,
  languageRow: number | undefined,
): Finding | undefined {
  const formatted = TABLES.map((key) => formattedLanguage(recorded[key])).find(
    (lang) => lang !== undefined && lang !== sheetLang,
  );
  if (formatted === undefined) return undefined;
  return {
    code: "formats-language",
    severity: "warning",
    sheet: "settings",
    ...(languageRow === undefined ? {} : { row: languageRow, column: "value" }),
    params: { formatted, language: sheetLang },
  };
}
