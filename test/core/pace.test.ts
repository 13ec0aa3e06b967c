import { dayFromIso, dayOf, expectedProgress, paceStatus, parseDay } from "../../src/core";
import { day } from "../helpers/grids";

describe("expectedProgress", () => {
  it("is the elapsed share of the quarter", () => {
    expect(expectedProgress(0, 90, 0)).toBe(0);
    expect(expectedProgress(0, 90, 45)).toBe(0.5);
    expect(expectedProgress(0, 90, 90)).toBe(1);
    expect(expectedProgress(0, 90, 120)).toBe(1);
    expect(expectedProgress(0, 90, -3)).toBe(0);
  });
});

describe("paceStatus", () => {
  const quarter = { start: 0, end: 100, today: 50 }; // expected 0.5

  it.each([
    [0.45, "on-track"], // ratio 0.9, the boundary
    [0.449, "at-risk"],
    [0.3, "at-risk"], // ratio 0.6, the boundary
    [0.299, "off-track"],
    [0, "off-track"],
    [1, "done"],
    [undefined, "not-started"],
  ] as const)("score %p at half the quarter is %s", (score, status) => {
    expect(paceStatus(score, quarter)).toBe(status);
  });

  it("is not started before the quarter", () => {
    expect(paceStatus(0.8, { start: 10, end: 100, today: 5 })).toBe("not-started");
  });

  it("is on track on the first day, when nothing is expected yet", () => {
    expect(paceStatus(0, { start: 10, end: 100, today: 10 })).toBe("on-track");
  });

  it("uses the thresholds it is given", () => {
    expect(paceStatus(0.4, quarter, { onTrack: 0.8, atRisk: 0.5 })).toBe("on-track");
    expect(paceStatus(0.2, quarter, { onTrack: 0.8, atRisk: 0.5 })).toBe("off-track");
  });
});

describe("days in the spreadsheet's time zone", () => {
  // Sheets hands a date cell over as midnight in the spreadsheet's zone.
  it.each([
    ["Europe/Brussels", "2026-10-01T00:00:00+02:00"],
    ["America/Los_Angeles", "2026-10-01T00:00:00-07:00"],
    ["Pacific/Auckland", "2026-10-01T00:00:00+13:00"],
    ["UTC", "2026-10-01T00:00:00Z"],
  ])("reads midnight in %s as that calendar day", (zone, instant) => {
    expect(dayOf(new Date(instant), zone)).toBe(day("2026-10-01"));
  });

  it("reads ISO and numeric dates typed as text", () => {
    expect(parseDay("2026-10-01", "UTC")).toBe(day("2026-10-01"));
    expect(parseDay("31/10/2026", "UTC")).toBe(day("2026-10-31"));
    expect(parseDay("01/10/2026", "UTC", "day-first")).toBe(day("2026-10-01"));
    expect(parseDay("31/02/2026", "UTC")).toBeUndefined();
    expect(dayFromIso("2026-13-01")).toBeUndefined();
  });
});
