/**
 * The review sheet's layout: every cell of the generated sheet, with its kind (text, number, date,
 * score), colour and weight, computed from a Review. The server writes it in a fixed number of
 * calls whatever the number of rows.
 */
import { asText } from "./cells";
import { dateOfDay, isoOf } from "./dates";
import { type Lang, LANGS, type MessageKey, t, tKey } from "./i18n";
import type { Review, ReviewRow } from "./review";
import { choiceLabel, columnHeader } from "./schema";
import { band, BAND_COLORS } from "./scoring";
import { normalize } from "./text";

export type CellKind = "text" | "number" | "date" | "score" | "percent";

export interface ReviewCell {
  value: string | number | undefined;
  kind: CellKind;
  background?: string;
  bold?: boolean;
}

const HEADER = "#e8eaed";
const EXPLAIN = "#fde7e9";

export interface ReviewLayout {
  cells: ReviewCell[][];
  width: number;
  /** 1-based row of the table's header, and the table's columns (0-based) by key. */
  tableHeaderRow: number;
  columns: Record<TableKey, number>;
  tableRows: number;
  /** 1-based rows of the chart's data block (label, score), header included. */
  chart: { firstRow: number; rows: number; column: number };
}

const TABLE = [
  "type",
  "id",
  "title",
  "team",
  "owner",
  "level",
  "kind",
  "baseline",
  "target",
  "final",
  "score",
  "status",
  "checkins",
  "lastCheckIn",
  "explain",
  "worked",
  "didNot",
  "carryOver",
] as const;
export type TableKey = (typeof TABLE)[number];

function header(key: TableKey, lang: Lang): string {
  switch (key) {
    case "type":
      return t(lang, "review.type");
    case "final":
      return t(lang, "review.final");
    case "checkins":
      return t(lang, "review.checkins");
    case "explain":
      return t(lang, "review.explain");
    case "worked":
      return t(lang, "review.worked");
    case "didNot":
      return t(lang, "review.didNot");
    case "carryOver":
      return t(lang, "review.carryOver");
    default:
      return columnHeader("okrs", key, lang);
  }
}

/**
 * The header of the review table's "Carry over?" column in either language, for reading it back.
 * A function, not a constant: the French message is read when needed, not when the script loads.
 */
export function carryOverHeaders(): string[] {
  return LANGS.map((lang) => t(lang, "review.carryOver"));
}

/**
 * Whether a sheet's name is one of a quarter's review sheets, in either language (a team's
 * review and a renamed copy "… (2)" too).
 *
 * @example
 * isReviewSheetOf("Review 2026-Q4 Sales", "2026-Q4") //=> true
 */
export function isReviewSheetOf(name: string, quarter: string): boolean {
  return LANGS.some((lang) =>
    normalize(name).startsWith(normalize(t(lang, "review.sheetName", { quarter }))),
  );
}

/**
 * The IDs ticked "Carry over?" in a review sheet's values (lower-cased), found by the table's
 * header row wherever it sits.
 *
 * @example
 * [...carriedOverIds([["ID", "Carry over?"], ["O-1", true], ["O-2", false]])] //=> ["o-1"]
 */
export function carriedOverIds(grid: readonly (readonly unknown[])[]): Set<string> {
  const headers = carryOverHeaders().map(normalize);
  const headerRow = grid.findIndex(
    (line) => line.some((v) => headers.includes(normalize(v))) && line.some((v) => normalize(v) === "id"),
  );
  if (headerRow < 0) return new Set();
  const idColumn = grid[headerRow]!.findIndex((v) => normalize(v) === "id");
  const carryColumn = grid[headerRow]!.findIndex((v) => headers.includes(normalize(v)));
  return new Set(
    grid
      .slice(headerRow + 1)
      .filter((line) => line[carryColumn] === true)
      .map((line) => String(line[idColumn] ?? "").toLowerCase()),
  );
}

const text = (value: string | undefined, extra: Partial<ReviewCell> = {}): ReviewCell => ({
  value: value ?? "",
  kind: "text",
  ...extra,
});
const num = (
  value: number | undefined,
  kind: CellKind = "number",
  extra: Partial<ReviewCell> = {},
): ReviewCell => ({ value, kind, ...extra });
const blank = (): ReviewCell => ({ value: "", kind: "text" });

/**
 * One cell of the review table. The table is most of the sheet (18 cells a row, 6,700 rows for
 * 5,000 key results), so its cells are built in one step and one shape, with no options object
 * spread into each: that halved the layout's time.
 */
const cell = (
  value: string | number | undefined,
  kind: CellKind,
  bold?: boolean,
  background?: string,
): ReviewCell => ({ value, kind, background, bold });

/** The empty cell most rows end with (explain, worked, didNot, carry over): one frozen object. */
const EMPTY: ReviewCell = Object.freeze(cell("", "text"));

/** Labels that repeat on every row (type, level, kind, status), translated once per layout. */
type Labels = (key: string, make: () => string) => string;

function labels(): Labels {
  const known = new Map<string, string>();
  return (key, make) => {
    let label = known.get(key);
    if (label === undefined) {
      label = make();
      known.set(key, label);
    }
    return label;
  };
}

function tableRow(row: ReviewRow, lang: Lang, labelOf: Labels): ReviewCell[] {
  const objective = row.type === "objective";
  const bold = objective || undefined;
  const cells: Record<TableKey, ReviewCell> = {
    type: cell(
      labelOf(`type.${row.type}`, () => choiceLabel("type", row.type, lang)),
      "text",
      bold,
    ),
    id: cell(row.id, "text", bold),
    title: cell(row.title, "text", bold),
    team: cell(row.team, "text"),
    owner: cell(row.owner, "text"),
    level: row.level
      ? cell(
          labelOf(`level.${row.level}`, () => choiceLabel("level", row.level, lang)),
          "text",
        )
      : EMPTY,
    kind: row.kind
      ? cell(
          labelOf(`kind.${row.kind}`, () => choiceLabel("kind", row.kind, lang)),
          "text",
        )
      : EMPTY,
    baseline: cell(row.baseline, "number"),
    target: cell(row.target, "number"),
    final: cell(row.final, "number"),
    score: cell(row.score, "score", bold, row.band ? BAND_COLORS[row.band] : undefined),
    status: cell(
      labelOf(`status.${row.status}`, () => tKey(lang, `status.${row.status}`)),
      "text",
    ),
    checkins: cell(objective ? undefined : row.checkins, "number"),
    lastCheckIn: cell(row.lastCheckIn, "date"),
    explain: row.needsExplanation
      ? cell(
          labelOf("explain", () => t(lang, "review.needsExplanation")),
          "text",
          undefined,
          EXPLAIN,
        )
      : EMPTY,
    worked: EMPTY,
    didNot: EMPTY,
    carryOver: objective ? cell(undefined, "text") : EMPTY,
  };
  return TABLE.map((key) => cells[key]);
}

/**
 * @example
 * reviewLayout(review, "en").cells[0][0].value //=> "Quarterly review — 2026-Q4"
 */
export function reviewLayout(review: Review, lang: Lang): ReviewLayout {
  const width = TABLE.length;
  const rows: ReviewCell[][] = [];
  const line = (...cells: ReviewCell[]) =>
    rows.push([...cells, ...Array.from({ length: width - cells.length }, blank)]);
  const ins = review.insights;

  line(text(t(lang, "review.title", { quarter: review.quarter }), { bold: true }));
  line(text(t(lang, "review.team"), { bold: true }), text(review.team || t(lang, "review.allTeams")));
  line(text(t(lang, "review.generated"), { bold: true }), num(review.generated, "date"));
  line(
    text(t(lang, "review.overall"), { bold: true }),
    num(review.overall, "score", {
      bold: true,
      background: review.overall === undefined ? undefined : BAND_COLORS[band(review.overall)],
    }),
  );
  line(
    text(t(lang, "review.distribution"), { bold: true }),
    text(t(lang, "band.red"), { background: BAND_COLORS.red }),
    num(review.distribution.red),
    text(t(lang, "band.yellow"), { background: BAND_COLORS.yellow }),
    num(review.distribution.yellow),
    text(t(lang, "band.green"), { background: BAND_COLORS.green }),
    num(review.distribution.green),
    text(t(lang, "review.noScore")),
    num(review.distribution.none),
  );
  line();
  const tableHeaderRow = rows.length + 1;
  line(...TABLE.map((key) => text(header(key, lang), { bold: true, background: HEADER })));
  const labelOf = labels();
  for (const row of review.rows) rows.push(tableRow(row, lang, labelOf));
  line();

  line(text(t(lang, "review.insights"), { bold: true }));
  line(
    ...[t(lang, "review.insight"), t(lang, "review.value"), t(lang, "review.about")].map((h) =>
      text(h, { bold: true, background: HEADER }),
    ),
  );
  const insight = (name: MessageKey, value: ReviewCell, about: string) =>
    line(text(tKey(lang, name), { bold: true }), value, text(about));
  insight(
    "review.focus",
    num(ins.focus.teamsOverLimit),
    t(lang, "review.focusText", {
      over: ins.focus.teamsOverLimit,
      teams: ins.focus.teams,
      objectiveLimit: ins.focus.objectiveLimit,
      maxKrs: ins.focus.maxKrs,
      krLimit: ins.focus.krLimit,
    }),
  );
  insight("review.kpis", num(ins.kpiLike), t(lang, "review.kpisText"));
  insight("review.outputs", num(ins.outputs), t(lang, "review.outputsText"));
  const regularity = ins.regularity.weeks
    ? ins.regularity.weeksWithCheckin / ins.regularity.weeks
    : undefined;
  insight(
    "review.regularity",
    num(regularity, "percent"),
    t(lang, "review.regularityText", { with: ins.regularity.weeksWithCheckin, weeks: ins.regularity.weeks }),
  );
  insight(
    "review.rush",
    num(ins.rush, "percent"),
    ins.rush === undefined ? t(lang, "review.rushNone") : t(lang, "review.rushText"),
  );
  insight("review.midQuarter", num(ins.midQuarter), t(lang, "review.midQuarterText"));
  insight(
    "review.rotation",
    num(ins.ownerRotation.repeated),
    t(lang, "review.rotationText", {
      repeated: ins.ownerRotation.repeated,
      owners: ins.ownerRotation.owners,
    }),
  );
  line();

  const chartFirst = rows.length + 1;
  line(text(t(lang, "review.chartData"), { bold: true }), text(t(lang, "review.chartTitle"), { bold: true }));
  for (const point of review.chart) line(text(point.label), num(point.score, "score"));

  return {
    cells: rows,
    width,
    tableHeaderRow,
    columns: Object.fromEntries(TABLE.map((key, i) => [key, i])) as Record<TableKey, number>,
    tableRows: review.rows.length,
    chart: { firstRow: chartFirst, rows: review.chart.length + 1, column: 0 },
  };
}

/** ISO day for a date cell in tests and text exports. */
export function reviewDate(value: number): string {
  return isoOf(value);
}

/** Each kind of review cell's number format. */
export const REVIEW_FORMATS: Readonly<Record<CellKind, string>> = {
  text: "",
  number: "",
  date: "yyyy-mm-dd",
  score: "0.00",
  percent: "0%",
};

/**
 * A review cell as written: a day as a date in the spreadsheet's time zone, user text as text
 * (titles and notes never become formulas), numbers as they are.
 *
 * @example
 * reviewCellValue({ kind: "text", value: "=1+1" }, "UTC") //=> "'=1+1"
 */
export function reviewCellValue(cell: ReviewCell, timeZone: string): string | number | Date {
  if (cell.value === undefined || cell.value === "") return "";
  if (cell.kind === "date" && typeof cell.value === "number") return dateOfDay(cell.value, timeZone);
  return typeof cell.value === "string" ? asText(cell.value) : cell.value;
}

/** Where the "Carry over?" checkboxes go: the table's rows in that column. */
export function carryOverCells(layout: ReviewLayout): boolean[][] {
  const [first, last] = [layout.tableHeaderRow + 1, layout.tableHeaderRow + layout.tableRows];
  return layout.cells.map((line, i) =>
    line.map((_, c) => i + 1 >= first && i + 1 <= last && c === layout.columns.carryOver),
  );
}
