import { addMonths, dateOfDay, dayFromIso, dayOf, isoOf } from "../../src/core/dates";

const day = (iso: string) => dayFromIso(iso)!;

describe("dateOfDay: the instant a calendar day starts in a time zone", () => {
  it.each([
    ["Pacific/Kiritimati", "2026-11-15", "2026-11-14T10:00:00.000Z"],
    ["Pacific/Auckland", "2026-09-27", "2026-09-26T12:00:00.000Z"], // the day NZ moves to summer time
    ["Pacific/Auckland", "2026-09-28", "2026-09-27T11:00:00.000Z"],
    ["Europe/Brussels", "2026-10-25", "2026-10-24T22:00:00.000Z"], // the day Europe moves back
    ["Europe/Brussels", "2026-10-26", "2026-10-25T23:00:00.000Z"],
    ["America/Los_Angeles", "2026-11-01", "2026-11-01T07:00:00.000Z"],
    ["America/Los_Angeles", "2026-11-02", "2026-11-02T08:00:00.000Z"],
    ["UTC", "2026-01-01", "2026-01-01T00:00:00.000Z"],
  ])("in %s, %s starts at %s", (timeZone, iso, instant) => {
    expect(dateOfDay(day(iso), timeZone).toISOString()).toBe(instant);
    expect(isoOf(dayOf(dateOfDay(day(iso), timeZone), timeZone))).toBe(iso);
  });

  it("starts a day whose midnight a clock change skips at the jump (Chile, 2026-09-06)", () => {
    const start = dateOfDay(day("2026-09-06"), "America/Santiago");
    expect(isoOf(dayOf(start, "America/Santiago"))).toBe("2026-09-06");
    expect(isoOf(dayOf(new Date(start.getTime() - 1), "America/Santiago"))).toBe("2026-09-05");
  });

  it("reads an unknown time zone as UTC rather than failing", () => {
    expect(dateOfDay(day("2026-03-01"), "Not/AZone").toISOString()).toBe("2026-03-01T00:00:00.000Z");
  });
});

describe("addMonths: a quarter's length from its first day", () => {
  it("keeps the day of the month across a year, and runs a missing day into the next month", () => {
    const plus = (iso: string, months: number) => isoOf(addMonths(dayFromIso(iso)!, months));
    expect(plus("2028-11-01", 3)).toBe("2029-02-01");
    expect(plus("2029-02-01", 3)).toBe("2029-05-01");
    expect(plus("2028-11-30", 3)).toBe("2029-03-02");
  });
});
