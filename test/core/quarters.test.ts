import {
  calendarQuarters,
  datesOfQuarter,
  paceStatus,
  parseSettings,
  quarterDatesOf,
  quarterTable,
} from "../../src/core";
import { day } from "../helpers/grids";

const today = day("2026-11-26");

/** A Settings sheet as set up: settings, a blank row, then the quarters table. */
function settingsGrid(quarters: unknown[][], more: unknown[][] = []): unknown[][] {
  return [
    ["Setting", "Value", "About"],
    ["Current quarter", "2026-Q4", ""],
    ["As of", "2026-11-20", ""],
    ...more,
    ["", "", ""],
    ["Quarter", "Start", "End"],
    ...quarters,
  ];
}

describe("the quarters table in Settings", () => {
  it("gives each quarter its own dates, and the current quarter's to settings.quarterStart/End", () => {
    // A fiscal calendar that starts in February.
    const { settings, findings, quarterRows, tableHeaderRow } = parseSettings(
      settingsGrid([
        ["2026-Q3", "2026-08-01", "2026-10-31"],
        ["2026-Q4", "2026-11-01", "2027-01-31"],
      ]) as never,
      today,
      "UTC",
    );
    expect(findings).toEqual([]);
    expect(settings.quarterStart).toBe(day("2026-11-01"));
    expect(settings.quarterEnd).toBe(day("2027-01-31"));
    expect(settings.asOf).toBe(day("2026-11-20"));
    expect(quarterDatesOf(settings, "2026-Q3")).toEqual({
      label: "2026-Q3",
      start: day("2026-08-01"),
      end: day("2026-10-31"),
    });
    expect(tableHeaderRow).toBe(5);
    expect(quarterRows.get("2026-Q4")).toBe(7);
  });

  it("falls back to the calendar quarter for a label the table lacks, and to nothing for a non-quarter", () => {
    const { settings } = parseSettings(settingsGrid([]) as never, today, "UTC");
    expect(quarterDatesOf(settings, "2025-Q2")).toEqual({
      label: "2025-Q2",
      start: day("2025-04-01"),
      end: day("2025-06-30"),
    });
    expect(quarterDatesOf(settings, "Q2 2025")?.label).toBe("2025-Q2");
    expect(quarterDatesOf(settings, "next year")).toBeUndefined();
    expect(settings.quarterStart).toBe(day("2026-10-01"));
  });

  it("turns a quarter row with unreadable or reversed dates into a finding on its row", () => {
    const { settings, findings } = parseSettings(
      settingsGrid([
        ["2026-Q4", "soon", "2026-12-31"],
        ["2027-Q1", "2027-03-31", "2027-01-01"],
      ]) as never,
      today,
      "UTC",
    );
    expect(findings.map((f) => [f.code, f.row])).toEqual([
      ["setting-invalid", 6],
      ["setting-invalid", 7],
    ]);
    expect(settings.quarterStart).toBe(day("2026-10-01")); // the calendar quarter instead
  });

  it("keeps an older sheet's own start and end rows for the current quarter when the table lacks it", () => {
    const { settings } = parseSettings(
      [
        ["Setting", "Value"],
        ["Current quarter", "2026-Q4"],
        ["Quarter start", "2026-10-05"],
        ["Quarter end", "2027-01-08"],
      ],
      today,
      "UTC",
    );
    expect([settings.quarterStart, settings.quarterEnd]).toEqual([day("2026-10-05"), day("2027-01-08")]);
    expect(quarterDatesOf(settings, "2026-Q4")?.start).toBe(day("2026-10-05"));
  });

  it("reads only rows whose first cell is a quarter, whatever else the sheet holds", () => {
    const { quarters, bad } = quarterTable(
      [
        ["Trimestre", "Début", "Fin"],
        ["Current quarter", "2026-Q4"],
        ["Q1 2027", "01/01/2027", "31/03/2027"],
      ],
      "UTC",
    );
    expect(quarters).toEqual([{ label: "2027-Q1", start: day("2027-01-01"), end: day("2027-03-31") }]);
    expect(bad).toEqual([]);
    expect(datesOfQuarter(quarters, "2027-Q1")).toBe(quarters[0]);
  });

  it("proposes the calendar quarters of a year and the next", () => {
    expect(calendarQuarters(2026).map((q) => q.label)).toEqual([
      "2026-Q1",
      "2026-Q2",
      "2026-Q3",
      "2026-Q4",
      "2027-Q1",
      "2027-Q2",
      "2027-Q3",
      "2027-Q4",
    ]);
  });
});

describe("a closed quarter's statuses", () => {
  const quarter = { start: day("2026-10-01"), end: day("2026-12-31") };
  const after = { ...quarter, today: day("2027-02-15") };

  it("are the state each row ended in, never Not started", () => {
    expect(paceStatus(1, after)).toBe("done");
    expect(paceStatus(0.95, after)).toBe("on-track");
    expect(paceStatus(0.65, after)).toBe("at-risk");
    expect(paceStatus(0.2, after)).toBe("off-track");
    // Never scored, the quarter over: it ended with nothing to show.
    expect(paceStatus(undefined, after)).toBe("off-track");
  });

  it("leave an open quarter's unscored key result Not started, and a future quarter Not started", () => {
    expect(paceStatus(undefined, { ...quarter, today: day("2026-11-01") })).toBe("not-started");
    expect(paceStatus(undefined, { ...quarter, today: day("2026-12-31") })).toBe("not-started");
    expect(paceStatus(0.5, { ...quarter, today: day("2026-09-01") })).toBe("not-started");
  });
});
