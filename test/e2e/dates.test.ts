import { isDate } from "../../dev/gas";
import { formatDate } from "../../dev/gas/services";
import { type LoadedAddon, loadAddon } from "../../dev/loader";
import { isoIn } from "../helpers/grids";

/**
 * Every date the add-on writes is a calendar day: the instant of midnight in the spreadsheet's
 * time zone, as Sheets stores a typed date. Noon UTC would land a day late east of UTC+12 and leave
 * a time of day elsewhere, which breaks a user's `=P2=DATE(…)`.
 */

/** The wall clock of an instant in a zone: "2026-10-25 00:00:00" (the runtime's Utilities.formatDate). */
const wallClock = (date: Date, timeZone: string) => formatDate(date, timeZone, "yyyy-MM-dd HH:mm:ss");

/** Every Date cell of every sheet, with where it is. */
function dateCells(addon: LoadedAddon): { where: string; date: Date }[] {
  return addon.spreadsheet
    .allSheets()
    .flatMap((sheet) =>
      sheet
        .values()
        .flatMap((line, r) =>
          line.flatMap((value, c) =>
            isDate(value) ? [{ where: `${sheet.name}!R${r + 1}C${c + 1}`, date: value }] : [],
          ),
        ),
    );
}

// In each zone, "now" is the day of a daylight-saving change (none in Kiritimati, UTC+14), at an
// hour when the zone's calendar day differs from UTC's or the offset just changed.
const ZONES: { timeZone: string; now: string; today: string }[] = [
  { timeZone: "Pacific/Kiritimati", now: "2026-11-14T10:30:00Z", today: "2026-11-15" },
  { timeZone: "Pacific/Auckland", now: "2026-09-26T14:30:00Z", today: "2026-09-27" },
  { timeZone: "Europe/Brussels", now: "2026-10-24T22:30:00Z", today: "2026-10-25" },
  { timeZone: "America/Los_Angeles", now: "2026-11-02T07:30:00Z", today: "2026-11-01" },
];

describe.each(ZONES)("dates in $timeZone", ({ timeZone, now, today }) => {
  function walk(): LoadedAddon {
    const addon = loadAddon({ timeZone, now, locale: "en" });
    addon.ui.answers.push({ button: "YES" });
    addon.run("setUpTemplate");
    addon.run("saveCheckins", { entries: [{ krId: "KR-1", value: 160, confidence: 7 }] });
    addon.ui.answers.push({ button: "YES" });
    addon.run("lockPlan");
    addon.run("generateReview", { team: "" });
    return addon;
  }

  it("writes every date as midnight there: set-up, example, check-in, lock and review", () => {
    const addon = walk();
    const cells = dateCells(addon);
    expect(cells.length).toBeGreaterThan(20);
    const notMidnight = cells.filter((c) => !wallClock(c.date, timeZone).endsWith(" 00:00:00"));
    expect(notMidnight.map((c) => `${c.where} ${wallClock(c.date, timeZone)}`)).toEqual([]);
  });

  it("reads back the same calendar day it wrote", () => {
    const addon = walk();
    const log = addon.spreadsheet.sheet("Check-ins")!.values();
    expect(isoIn(log.at(-1)![0], timeZone)).toBe(today);
    const okrs = addon.spreadsheet.sheet("OKRs")!.values();
    const header = okrs[0]!;
    const kr1 = okrs.find((l) => l[1] === "KR-1")!;
    expect(isoIn(kr1[header.indexOf("Last check-in")], timeZone)).toBe(today);
    const view = addon.run<{ items: { id: string; lastCheckIn: string }[] }>("getCheckins", {});
    expect(view.items.find((i) => i.id === "KR-1")!.lastCheckIn).toBe(today);
    expect(addon.ui.dialogs.at(-1)!.message).toContain(`locked on ${today}`);
  });
});

/**
 * A date typed as text (an apostrophe first, or pasted as text) is read without the spreadsheet's
 * locale by Validate: 11/12/2026 is 11 December in a French or British spreadsheet and November 12
 * in an American one, so Validate asks on that cell instead of guessing; a text date only one
 * reading fits (17/12/2026, 12/18/2026) is read as that day.
 */
describe("dates typed as text", () => {
  function logged(
    texts: string[],
    options: { locale: string; spreadsheetLocale: string },
    before?: (addon: LoadedAddon) => void,
  ) {
    const addon = loadAddon({ ...options, timeZone: "Europe/Brussels", now: "2026-12-20T09:00:00Z" });
    addon.ui.answers.push({ button: "YES" });
    addon.run("setUpTemplate");
    const log = addon.spreadsheet.sheet(options.spreadsheetLocale === "fr_FR" ? "Points" : "Check-ins")!;
    const first = log.values().length + 1;
    log.fill(
      texts.map((text) => [`'${text}`, "KR-1", 150]),
      first,
    );
    before?.(addon);
    addon.run("validate");
    const items = addon.run<{ items: { code: string; a1: string; sheet: string; message: string }[] }>(
      "getFindings",
    ).items;
    return { addon, first, dates: items.filter((f) => /date/.test(f.code)) };
  }

  it("asks on the cell, in the user's language, when a text date reads two ways", () => {
    const en = logged(["11/12/2026"], { locale: "en", spreadsheetLocale: "en_US" });
    expect(en.dates).toEqual([
      {
        ...en.dates[0],
        code: "ambiguous-date",
        a1: `A${en.first}`,
        message:
          'Date: "11/12/2026" is text that could be 2026-12-11 or 2026-11-12: write the one you mean in that form (year-month-day).',
      },
    ]);
    const fr = logged(["11/12/2026"], { locale: "fr", spreadsheetLocale: "fr_FR" });
    expect(fr.dates.map((f) => [f.code, f.a1, f.message])).toEqual([
      [
        "ambiguous-date",
        `A${fr.first}`,
        "Date : « 11/12/2026 » est un texte qui peut se lire 2026-12-11 ou 2026-11-12 : écrivez la date voulue sous cette forme (année-mois-jour).",
      ],
    ]);
  });

  it("reads a text date that only one order fits, day first or month first", () => {
    const { addon, dates } = logged(["17/12/2026"], { locale: "en", spreadsheetLocale: "en_US" }, (a) => {
      const okrs = a.spreadsheet.sheet("OKRs")!;
      const values = okrs.values();
      const row = values.findIndex((l) => l[1] === "KR-1") + 1;
      // Text in the cell, as typed with an apostrophe first.
      okrs.cell(row, values[0]!.indexOf("Last check-in") + 1).value = "12/18/2026";
    });
    expect(dates).toEqual([]);
    const view = addon.run<{ items: { id: string; lastCheckIn: string }[] }>("getCheckins", {});
    expect(view.items.find((i) => i.id === "KR-1")!.lastCheckIn).toBe("2026-12-18");
  });
});
