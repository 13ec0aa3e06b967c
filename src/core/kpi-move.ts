/**
 * Moving a "looks like a KPI" key result to the KPIs sheet, the pure part: whether the row may be
 * moved, and the KPI row it becomes (our columns mapped to the KPI's, the user's own columns under
 * the same header or a new one, the notes beside them), with the headers to add.
 */
import type { Analysis } from "./analyze";
import { asText, isBlank, type RawCell } from "./cells";
import { type Lang, paramText, t } from "./i18n";
import { idHolder } from "./identity";
import type { OkrRow } from "./parse";
import type { Table } from "./parse-table";
import { type ColumnDef, columnHeader, type KpiColumn, KPIS, type OkrColumn, type RowCells } from "./schema";
import { normalize } from "./text";

export type KpiCell = string | number | boolean | Date;

/** Which KPIs column receives each OKRs column (the rest go into notes). */
const KPI_COLUMN_OF: Partial<Record<OkrColumn, KpiColumn>> & Record<string, KpiColumn | undefined> = {
  team: "team",
  title: "name",
  owner: "owner",
  unit: "unit",
  target: "target",
  current: "current",
  id: "origin",
  notes: "notes",
};

/**
 * The key result on that row when it may be moved, else the refusal in words: the row must still
 * hold that ID, be a key result of the current quarter flagged "looks like a KPI", and no other
 * row may hold its ID.
 */
export function movableKr(
  lang: Lang,
  analysis: Pick<Analysis, "okrs" | "settings" | "findings">,
  row: number,
  id: string,
): { kr: OkrRow } | { refusal: string } {
  const kr = analysis.okrs.find((r) => r.row === row);
  if (!kr || kr.id.toLowerCase() !== id.trim().toLowerCase())
    return { refusal: t(lang, "error.rowChanged", { row, id }) };
  if (kr.type !== "kr") return { refusal: t(lang, "error.notKeyResult", { id }) };
  const held = idHolder(analysis.okrs, kr.id);
  if ("refusal" in held) return { refusal: t(lang, held.refusal.key, held.refusal.params) };
  const quarter = analysis.settings.quarter;
  if (kr.quarter !== quarter)
    return { refusal: t(lang, "kpi.otherQuarter", { id: kr.id, quarter: kr.quarter, current: quarter }) };
  if (!analysis.findings.some((f) => f.code === "kpi-like" && f.sheet === "okrs" && f.row === row))
    return { refusal: t(lang, "kpi.notKpiLike", { id: kr.id, quarter }) };
  return { kr };
}

/**
 * The last column holding anything in a header line, plus one (0 for an empty line).
 *
 * @example
 * usedWidth(["Team", "", "Name", ""]) //=> 3
 */
export function usedWidth(line: readonly RawCell[]): number {
  for (let i = line.length; i > 0; i--) if (!isBlank(line[i - 1])) return i;
  return 0;
}

/** A cell value as it should be written again: text kept as text. */
function cellOf(value: RawCell): KpiCell {
  if (value === null || value === undefined) return "";
  return typeof value === "string" ? asText(value) : value;
}

/** The key result's row on the OKRs sheet: its cells, their notes (ours stripped) and the header. */
export interface OkrLine {
  kr: OkrRow;
  columns: Record<string, number>;
  header: readonly RawCell[];
  cells: readonly RawCell[];
  notes: readonly string[];
}

export interface KpiRowPlan {
  headerRow: number;
  /** Headers to write on the header row, from `added[0].index` on, one after the other. */
  added: { index: number; text: string }[];
  /** The columns the row spans. */
  width: number;
  /** Where the KPI table's columns are, the added ones included. */
  columns: Record<string, number>;
  /** The header line with the added headers. */
  header: RawCell[];
  values: Map<number, KpiCell>;
  notes: Map<number, string>;
}

/**
 * The KPI row a key result becomes on the KPIs sheet as read (`grid`, its table `found`). Missing
 * KPI columns are added after the last header, named in `sheetLang()` (asked only then).
 */
export function kpiRowPlan(
  grid: readonly RawCell[][],
  found: Pick<Table, "headerRow" | "columns">,
  okr: OkrLine,
  sheetLang: () => Lang,
): KpiRowPlan {
  const headerRow = found.headerRow || 1;
  const header = [...(grid[headerRow - 1] ?? [])];
  const columns: Record<string, number> = found.headerRow ? { ...found.columns } : {};
  const added: { index: number; text: string }[] = [];
  let next = usedWidth(header);
  const place = (text: string): number => {
    added.push({ index: next, text });
    header[next] = text;
    return next++;
  };
  let lang: Lang | undefined;
  for (const column of KPIS.columns as readonly ColumnDef[]) {
    if (columns[column.key] === undefined) columns[column.key] = place(column.header[(lang ??= sheetLang())]);
  }
  const { kr, notes, cells: line, header: okrHeader } = okr;
  const ours = new Set(Object.values(okr.columns));
  const kpiOurs = new Set(Object.values(columns));
  const values = new Map<number, KpiCell>();
  const cellNotes = new Map<number, string>();
  const leftover: string[] = [];
  for (const [key, index] of Object.entries(okr.columns)) {
    const target = KPI_COLUMN_OF[key];
    const note = notes[index] ?? "";
    if (target === undefined) {
      if (note)
        leftover.push(`${String(okrHeader[index] ?? columnHeader("okrs", key as OkrColumn, "en"))}: ${note}`);
      continue;
    }
    if (note) cellNotes.set(columns[target]!, note);
  }
  // The user's own columns: same header on KPIs, else a new one.
  for (let i = 0; i < line.length; i++) {
    const title = String(okrHeader[i] ?? "").trim();
    if (ours.has(i) || title === "" || (isBlank(line[i]) && !notes[i])) continue;
    let at = header.findIndex((h, j) => !kpiOurs.has(j) && normalize(h) === normalize(title));
    if (at < 0) at = place(title);
    values.set(at, cellOf(line[i]));
    if (notes[i]) cellNotes.set(at, notes[i]!);
  }
  // A decimal as the spreadsheet's language writes it (2,4 in French); the language asked only then.
  const figure = (n: number | undefined) =>
    n === undefined || Number.isInteger(n) ? String(n ?? "") : paramText((lang ??= sheetLang()), n);
  const metricNote = kr.metric ? `${figure(kr.baseline)} → ${figure(kr.target)}` : "";
  const schemaValues: RowCells<"kpis", KpiCell> = {
    team: asText(kr.team),
    name: asText(kr.title),
    owner: asText(kr.owner),
    unit: asText(kr.unit),
    target: kr.target,
    current: kr.current,
    origin: asText(kr.id),
    notes: asText([kr.notes, metricNote].filter(Boolean).join(" · ")),
  };
  for (const [key, value] of Object.entries(schemaValues))
    if (value !== undefined) values.set(columns[key]!, value);
  if (leftover.length) {
    const name = columns.name!;
    cellNotes.set(name, [cellNotes.get(name), ...leftover].filter(Boolean).join("\n"));
  }
  const width = Math.max(next, usedWidth(header));
  return { headerRow, added, width, columns, header, values, notes: cellNotes };
}

/**
 * The KPI row's cells and notes, over the row as it reads (`formulas`, one per column it spans):
 * a formula already there is written back as it was, so none is lost.
 */
export function kpiRowCells(
  formulas: readonly string[],
  plan: Pick<KpiRowPlan, "values" | "notes">,
): { values: KpiCell[][]; notes: string[][] } {
  return {
    values: [formulas.map((formula, i) => (formula ? formula : (plan.values.get(i) ?? "")))],
    notes: [formulas.map((_, i) => plan.notes.get(i) ?? "")],
  };
}

/**
 * How the key result's row leaves the OKRs sheet, from its formulas: deleted when it holds none;
 * else emptied, its formulas written back as they were and its notes cleared, so no formula of the
 * sheet is lost or moved (an array formula anchored there keeps covering the sheet).
 */
export function okrRowRemoval(
  formulas: readonly string[],
): "delete" | { values: string[][]; notes: string[][] } {
  if (formulas.every((f) => !f)) return "delete";
  return { values: [formulas.map((f) => f || "")], notes: [formulas.map(() => "")] };
}
