import type { HealthLayout } from "../../src/core/health-sheet";
import type { ReviewLayout } from "../../src/core/review-sheet";
import { healthShape, reviewShape } from "../../src/core/sheet-shape";

const review = (chartRows: number) =>
  ({
    tableHeaderRow: 9,
    columns: { title: 2, explain: 7, worked: 8, didNot: 9 },
    chart: { firstRow: 30, rows: chartRows, column: 0 },
  }) as unknown as ReviewLayout;

const health = {
  width: 8,
  chart: { firstRow: 40, rows: 6, columns: 7 },
  chartAnchor: { row: 12, column: 9 },
} as unknown as HealthLayout;

describe("the review sheet's shape", () => {
  it("widens the labels, the titles and the three review texts (one call for those), and freezes the table's header", () => {
    const shape = reviewShape(review(4), "en");
    expect(shape.widths).toEqual([
      { column: 1, width: 200 },
      { column: 3, width: 300 },
      { column: 8, count: 3, width: 220 },
    ]);
    expect(shape.frozenRows).toBe(9);
  });

  it("charts the objectives' scores from the data block in A:B, beside it in D, titled in the sheet's language", () => {
    expect(reviewShape(review(4), "fr").chart).toEqual({
      type: "BAR",
      data: { row: 30, column: 1, rows: 4, columns: 2 },
      anchor: { row: 30, column: 4 },
      title: "Scores des objectifs",
      options: { legend: { position: "none" }, hAxis: { minValue: 0, maxValue: 1 } },
    });
  });

  it("has no chart when no objective was scored (the data block is its header alone)", () => {
    expect(reviewShape(review(1), "en").chart).toBeUndefined();
  });
});

describe("the Practice health sheet's shape", () => {
  it("keeps column A wide for the labels and the others narrow, in one call; none when already sized", () => {
    expect(healthShape(health, "en", { measured: true, widths: true }).widths).toEqual([
      { column: 1, width: 200 },
      { column: 2, count: 7, width: 76 },
    ]);
    expect(healthShape(health, "en", { measured: true, widths: false }).widths).toEqual([]);
  });

  it("charts the signals by quarter as lines broken at a gap, beside the all-teams table", () => {
    expect(healthShape(health, "en", { measured: true, widths: false }).chart).toEqual({
      type: "LINE",
      data: { row: 40, column: 1, rows: 6, columns: 7 },
      anchor: { row: 12, column: 9 },
      title: "Signals over quarters (all teams)",
      options: { vAxis: { minValue: 0, maxValue: 1, format: "percent" }, interpolateNulls: false },
    });
    expect(healthShape(health, "en", { measured: false, widths: true }).chart).toBeUndefined();
  });
});
