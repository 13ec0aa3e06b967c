import {
  addMonths,
  dateOfDay,
  dayFromIso,
  dayOf,
  dayOrderOf,
  isoOf,
  parseDay,
  readDayText,
} from "../../src/core/dates";

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

describe("readDayText: a date typed as text", () => {
  it("reads ISO dates in every order, and dotted dates day first", () => {
    expect(readDayText("2027-03-04")).toEqual({ day: day("2027-03-04") });
    expect(readDayText(" 2027-03-04 ", "day-first")).toEqual({ day: day("2027-03-04") });
    expect(readDayText("3.4.2027")).toEqual({ day: day("2027-04-03") });
  });

  it("reads a numeric date in the order given: month first for en_US, day first for en_GB and fr_*", () => {
    expect(readDayText("03/04/2027", dayOrderOf("en_US"))).toEqual({ day: day("2027-03-04") });
    expect(readDayText("03/04/2027", dayOrderOf("en_GB"))).toEqual({ day: day("2027-04-03") });
    expect(readDayText("03-04-2027", dayOrderOf("fr_FR"))).toEqual({ day: day("2027-04-03") });
    expect(parseDay("03/04/2027", "UTC", "month-first")).toBe(day("2027-03-04"));
  });

  it("reads the only day a numeric date can be, whatever the order", () => {
    for (const order of [undefined, "day-first", "month-first"] as const) {
      expect(readDayText("25/03/2027", order)).toEqual({ day: day("2027-03-25") });
      expect(readDayText("03/25/2027", order)).toEqual({ day: day("2027-03-25") });
      expect(readDayText("04/04/2027", order)).toEqual({ day: day("2027-04-04") });
      expect(readDayText("31/02/2027", order)).toBeUndefined();
      expect(readDayText("13/13/2027", order)).toBeUndefined();
    }
  });

  it("gives both readings, not a guess, when the order is not known", () => {
    expect(readDayText("03/04/2027")).toEqual({
      ambiguous: { dayFirst: day("2027-04-03"), monthFirst: day("2027-03-04") },
    });
    expect(parseDay("03/04/2027", "UTC")).toBeUndefined();
  });

  it.each([
    ["en_US", "month-first"],
    ["en-US", "month-first"],
    ["en", "month-first"],
    ["en_GB", "day-first"],
    ["en_AU", "day-first"],
    ["fr_FR", "day-first"],
    ["fr_BE", "day-first"],
    ["de_DE", "day-first"],
  ])("dayOrderOf(%s) is %s", (locale, order) => {
    expect(dayOrderOf(locale)).toBe(order);
  });
});
