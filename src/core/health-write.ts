/**
 * Practice health as written into the spreadsheet: each cell's value and number format, what the
 * document property remembers of our sheet, and the thresholds table as typed into Settings.
 */
import { asText } from "./cells";
import type { HealthCell, HealthCellKind } from "./health-sheet";
import { thresholdRows } from "./health-settings";
import type { Lang } from "./i18n";

/** Each kind of health cell's number format. */
export const HEALTH_FORMATS: Readonly<Record<HealthCellKind, string>> = {
  text: "",
  percent: "0%",
  score: "0.00",
};

/**
 * A cell as written: user text (team names, titles) as text, never a formula; a finding's link as
 * a HYPERLINK to "#gid=…&range=…", the in-spreadsheet link Sheets' Insert › Link makes.
 *
 * @example
 * healthCellValue({ kind: "text", value: "KR-3", link: { sheet: "okrs", a1: "A7" } }, { health: 1, okrs: 0 }) //=> '=HYPERLINK("#gid=0&range=A7","KR-3")'
 */
export function healthCellValue(cell: HealthCell, ids: { health: number; okrs: number }): string | number {
  if (cell.link) {
    const target = `#gid=${ids[cell.link.sheet]}&range=${cell.link.a1}`;
    return `=HYPERLINK("${target}","${String(cell.value).replace(/"/g, '""')}")`;
  }
  return typeof cell.value === "number" ? cell.value : asText(cell.value);
}

/**
 * What the property remembers of our sheet, `{"id": 123, "columns": 15}`: its id and how many
 * columns were given their width; a bare id was written before the widths were kept.
 *
 * @example
 * rememberedHealthSheet("42") //=> { id: 42, columns: 0 }
 */
export function rememberedHealthSheet(text: string | undefined): { id: number; columns: number } | undefined {
  if (text === undefined) return undefined;
  try {
    const parsed = JSON.parse(text) as unknown;
    if (typeof parsed === "number") return { id: parsed, columns: 0 };
    const { id, columns } = (parsed ?? {}) as { id?: unknown; columns?: unknown };
    return typeof id === "number" ? { id, columns: typeof columns === "number" ? columns : 0 } : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The thresholds table as typed into Settings: labels and help as text whatever they hold, the
 * values typed on purpose ("90%"), so values and formats are one write.
 */
export function thresholdCells(lang: Lang): (string | number)[][] {
  return thresholdRows(lang).map((line, i) =>
    line.map((v, c) => (typeof v === "number" || (i > 0 && c === 1) ? v : asText(v))),
  );
}
