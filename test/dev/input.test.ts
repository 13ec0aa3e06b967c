import { interpretInput } from "../../dev/gas";

/** Sheets' "user entered" parse of a string written with setValues, per spreadsheet locale. */
const NOW = Date.parse("2026-11-15T10:00:00Z");
const TIME_ZONE = "Europe/Brussels";

function typed(locale: string, text: string): unknown {
  const result = interpretInput(text, "", { locale, timeZone: TIME_ZONE, now: () => NOW });
  return result.kind === "formula" ? { formula: result.formula } : result.value;
}

/** A Date as "yyyy-MM-dd HH:mm" on the spreadsheet's wall clock. */
function shown(value: unknown): string {
  if (Object.prototype.toString.call(value) !== "[object Date]") return `not a date: ${String(value)}`;
  return new Intl.DateTimeFormat("sv-SE", {
    timeZone: TIME_ZONE,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  }).format(value as Date);
}

describe("typing into a cell, as Sheets parses it", () => {
  it.each(["en_US", "en_GB", "fr_FR", "fr_BE"])(
    "reads times, currencies and accounting negatives in %s",
    (locale) => {
      expect(shown(typed(locale, "12:30"))).toBe("1899-12-30 12:30");
      expect(shown(typed(locale, "9:05 AM"))).toBe("1899-12-30 09:05");
      expect(shown(typed(locale, "9:05 pm"))).toBe("1899-12-30 21:05");
      for (const money of ["$5", "5 €", "€5", "5 $", "5€", "£5"]) expect(typed(locale, money)).toBe(5);
      expect(typed(locale, "(5)")).toBe(-5);
      expect(typed(locale, "($5)")).toBe(-5);
      expect(typed(locale, "-$5")).toBe(-5);
      expect(typed(locale, "10%")).toBeCloseTo(0.1);
      expect(typed(locale, "10 %")).toBeCloseTo(0.1);
      expect(typed(locale, "TRUE")).toBe(true);
      expect(shown(typed(locale, "2026-01-05"))).toBe("2026-01-05 00:00");
      expect(shown(typed(locale, "10/2026"))).toBe("2026-10-01 00:00");
      expect(typed(locale, "=1+1")).toEqual({ formula: "=1+1" });
      expect(typed(locale, "+1+1")).toEqual({ formula: "=+1+1" });
      expect(typed(locale, "'12:30")).toBe("12:30");
    },
  );

  it("groups thousands with a comma in English, with a space or a dot in French", () => {
    expect(typed("en_US", "1,000")).toBe(1000);
    expect(typed("en_GB", "1,000.5")).toBe(1000.5);
    expect(typed("en_US", "1 000")).toBe("1 000");
    expect(typed("fr_FR", "1 000")).toBe(1000);
    expect(typed("fr_FR", "1\u202f000,5")).toBe(1000.5);
    expect(typed("fr_BE", "1.000")).toBe(1000);
    expect(typed("fr_FR", "1,5")).toBe(1.5);
    expect(typed("en_US", "1.5")).toBe(1.5);
    expect(typed("fr_FR", "1,5 %")).toBeCloseTo(0.015);
    expect(typed("fr_FR", "VRAI")).toBe(true);
    expect(typed("en_US", "VRAI")).toBe("VRAI");
  });

  it("reads numeric dates month first in en_US, day first in en_GB and French", () => {
    expect(shown(typed("en_US", "1/5/2026"))).toBe("2026-01-05 00:00");
    expect(shown(typed("en_GB", "1/5/2026"))).toBe("2026-05-01 00:00");
    expect(shown(typed("fr_BE", "1/5/2026"))).toBe("2026-05-01 00:00");
    expect(shown(typed("en_US", "1/5"))).toBe("2026-01-05 00:00");
    expect(shown(typed("fr_FR", "1/5"))).toBe("2026-05-01 00:00");
    expect(typed("en_US", "13/1/2026")).toBe("13/1/2026");
  });

  it("reads month names in the spreadsheet's language, with or without a year", () => {
    expect(shown(typed("en_US", "Jan 5"))).toBe("2026-01-05 00:00");
    expect(shown(typed("en_GB", "5 Jan"))).toBe("2026-01-05 00:00");
    expect(shown(typed("en_US", "January 5, 2027"))).toBe("2027-01-05 00:00");
    expect(shown(typed("en_US", "Sept 2026"))).toBe("2026-09-01 00:00");
    expect(shown(typed("fr_FR", "5 janv."))).toBe("2026-01-05 00:00");
    expect(shown(typed("fr_BE", "5 février 2027"))).toBe("2027-02-05 00:00");
    expect(shown(typed("fr_FR", "5-déc-2026"))).toBe("2026-12-05 00:00");
    expect(typed("fr_FR", "Jan 5")).toBe("Jan 5");
    expect(typed("en_US", "March")).toBe("March");
  });

  it("keeps ordinary text, and anything in a plain-text (@) cell, as typed", () => {
    for (const text of ["Grow revenue", "Q4 plan", "5 apples", "12:30 meeting", "(note)"]) {
      expect(typed("en_US", text)).toBe(text);
    }
    expect(interpretInput("12:30", "@")).toEqual({ kind: "value", value: "12:30" });
  });
});
