/**
 * What the generated sheets (the quarterly review, Practice health) look like beyond their cells:
 * the chart, the column widths and the frozen rows, described here from their layouts and applied
 * by one server function (src/server/sheet-shape.ts), so both sheets are shaped the same way.
 */
import type { HealthLayout } from "./health-sheet";
import { type Lang, t } from "./i18n";
import type { ReviewLayout } from "./review-sheet";

/** A chart over a block of the sheet: its data (1-based, header row included), where it sits. */
export interface ChartSpec {
  type: "LINE" | "BAR";
  data: { row: number; column: number; rows: number; columns: number };
  anchor: { row: number; column: number };
  title: string;
  /** Google Charts options, set in this order after the title. */
  options: Record<string, unknown>;
}

/** `width` pixels for the 1-based `column`, or for `count` columns from it (one call either way). */
export interface ColumnWidth {
  column: number;
  width: number;
  count?: number;
}

export interface SheetShape {
  widths: ColumnWidth[];
  frozenRows?: number;
  chart?: ChartSpec;
}

/**
 * Column A holds the summary's labels ("Overall score") and the chart's objective titles; wide
 * titles; the three review texts side by side. The table's header stays in view.
 */
export function reviewShape(layout: ReviewLayout, lang: Lang): SheetShape {
  const { columns, chart } = layout;
  return {
    widths: [
      { column: 1, width: 200 },
      { column: columns.title + 1, width: 300 },
      // "Needs an explanation", "What worked" and "What did not" sit side by side: one call.
      { column: columns.explain + 1, count: columns.didNot - columns.explain + 1, width: 220 },
    ],
    frozenRows: layout.tableHeaderRow,
    chart:
      chart.rows > 1
        ? {
            type: "BAR",
            data: { row: chart.firstRow, column: chart.column + 1, rows: chart.rows, columns: 2 },
            // Beside its data, below the table: it covers neither.
            anchor: { row: chart.firstRow, column: 4 },
            title: t(lang, "review.chartTitle"),
            options: { legend: { position: "none" }, hAxis: { minValue: 0, maxValue: 1 } },
          }
        : undefined,
  };
}

/**
 * Labels in A; narrow columns for the thresholds, quarters and trend, so the chart fits beside
 * them (only when `widths`: columns not sized yet). The chart only when some quarter was `measured`.
 */
export function healthShape(
  layout: HealthLayout,
  lang: Lang,
  { measured, widths }: { measured: boolean; widths: boolean },
): SheetShape {
  const { chart, chartAnchor } = layout;
  return {
    widths: widths
      ? [
          { column: 1, width: 200 },
          { column: 2, count: layout.width - 1, width: 76 },
        ]
      : [],
    chart: measured
      ? {
          type: "LINE",
          data: { row: chart.firstRow, column: 1, rows: chart.rows, columns: chart.columns },
          anchor: chartAnchor,
          title: t(lang, "health.chartTitle"),
          options: {
            vAxis: { minValue: 0, maxValue: 1, format: "percent" },
            // Empty cells break the line rather than join it: a quarter without OKRs is a gap, not a zero.
            // https://developers.google.com/chart/interactive/docs/gallery/linechart#configuration-options
            interpolateNulls: false,
          },
        }
      : undefined,
  };
}
