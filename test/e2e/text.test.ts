import fc from "fast-check";
import { type LoadedAddon, loadAddon } from "../../dev/loader";
import { CHECKINS, type ColumnDef, OKRS } from "../../src/core/schema";

/**
 * Text stays text. Strings that Sheets would read as a formula, a number, a time, a currency, a
 * date, a percentage, a boolean or an error are typed by users as titles, owners, teams, units and
 * comments; written through the built bundle and read back through the offline runtime (which
 * parses strings as Sheets does in the spreadsheet's locale), they come back exactly as typed.
 */

const pick = <T>(...values: T[]) => fc.constantFrom(...values);
const int = (min: number, max: number) => fc.integer({ min, max });
const MONTHS = ["Jan", "February", "Sept", "janv.", "février", "août", "déc"];

const formula = fc.oneof(
  pick("=1+1", '=IMPORTXML("http://x","//a")', "+1+1", "-2*3", "@SUM(A1)", "#N/A", "#REF!", "'quoted"),
  fc.string({ maxLength: 12 }).map((s) => `=${s}`),
);
const number = fc.oneof(
  fc.double({ min: -1e9, max: 1e9, noNaN: true }).map(String),
  int(1000, 9_999_999).map((n) => n.toLocaleString("en-US")),
  int(1000, 9_999_999).map((n) => n.toLocaleString("fr-FR")),
  int(1000, 999_999).map((n) => `${Math.floor(n / 1000)}.${String(n % 1000).padStart(3, "0")}`),
  fc.tuple(int(0, 999), int(0, 99)).map(([a, b]) => `${a},${b}`),
  int(0, 999).map((n) => `${n}e${n % 7}`),
);
const money = fc
  .tuple(int(0, 99_999), pick("$", "€", "£", "¥"), pick("before", "after", "after-space", "bracketed"))
  .map(([n, sign, where]) =>
    where === "before"
      ? `${sign}${n}`
      : where === "after"
        ? `${n}${sign}`
        : where === "after-space"
          ? `${n} ${sign}`
          : `(${n})`,
  );
const percent = fc.tuple(int(0, 500), pick("%", " %", "\u202f%")).map(([n, p]) => `${n}${p}`);
const time = fc
  .tuple(int(0, 23), int(0, 59), fc.boolean())
  .map(([h, m, ampm]) =>
    ampm
      ? `${(h % 12) + 1}:${String(m).padStart(2, "0")} ${h < 12 ? "AM" : "pm"}`
      : `${h}:${String(m).padStart(2, "0")}`,
  );
const date = fc
  .tuple(int(1, 12), int(1, 28), int(1990, 2040), int(0, 5), pick(...MONTHS))
  .map(
    ([m, d, y, form, name]) =>
      [`${m}/${d}/${y}`, `${d}/${m}`, `${m}/${y}`, `${name} ${d}`, `${d} ${name}`, `${y}-${m}-${d}`][form]!,
  );
const boolean = pick("TRUE", "false", "Vrai", "FAUX");
const unicodeDigits = pick("１２:３０", "٣٠٪", "१०००", "1\u00a0000", "12\u202f:\u202f30");

/** A string Sheets would parse, maybe with spaces around it or a unicode word after it. */
const parseable = fc
  .tuple(
    fc.oneof(formula, number, money, percent, time, date, boolean, unicodeDigits),
    pick("", " ", "  ", "\u00a0"),
    pick("", " ", " ✓", " é"),
  )
  .map(([core, before, after]) => `${before}${core}${after}`)
  .filter((s) => s.trim() !== "");

function setUp(locale: string): LoadedAddon {
  const addon = loadAddon({ locale, spreadsheetLocale: locale, now: "2026-11-15T10:00:00Z" });
  addon.ui.answers.push({ button: "YES" });
  addon.run("setUpTemplate");
  return addon;
}

/** The value read back from a cell of a sheet, by header name. */
function lastRows(addon: LoadedAddon, sheetName: string, count: number): Record<string, unknown>[] {
  const [header, ...rows] = addon.spreadsheet.sheet(sheetName)!.values();
  return rows.slice(-count).map((line) => Object.fromEntries(header!.map((h, i) => [String(h), line[i]])));
}

/** A column's header in the sheet's language. */
const header = (columns: readonly ColumnDef[], key: string, locale: string) =>
  columns.find((c) => c.key === key)!.header[locale.startsWith("fr") ? "fr" : "en"];

describe.each(["en_US", "en_GB", "fr_FR", "fr_BE"])("user text in a %s spreadsheet", (locale) => {
  it("comes back as typed from a wizard insert: titles, team, owner and unit", () => {
    const addon = setUp(locale);
    const okrs = locale.startsWith("fr") ? "OKR" : "OKRs";
    fc.assert(
      fc.property(parseable, parseable, parseable, (title, owner, unit) => {
        const team = `Team ${owner}`;
        addon.run("insertDraft", {
          objective: { level: "team", team, owner, kind: "aspirational", parent: "", title },
          krs: [
            { title: `${title} KR`, metric: "increase", unit: unit.slice(0, 40), baseline: 1, target: 2 },
          ],
        });
        const [objective, kr] = lastRows(addon, okrs, 2);
        const okr = (key: string) => header(OKRS.columns, key, locale);
        expect(objective![okr("title")]).toBe(title.trim());
        expect(objective![okr("owner")]).toBe(owner.trim());
        expect(objective![okr("team")]).toBe(team.trim());
        expect(kr![okr("title")]).toBe(`${title} KR`.trim());
        expect(kr![okr("unit")]).toBe(unit.slice(0, 40).trim());
      }),
      { numRuns: 60 },
    );
  });

  it("comes back as typed from a check-in comment", () => {
    const addon = setUp(locale);
    const log = locale.startsWith("fr") ? "Points" : "Check-ins";
    fc.assert(
      fc.property(parseable, (comment) => {
        addon.run("saveCheckins", { entries: [{ krId: "KR-1", value: 160, comment }] });
        const [row] = lastRows(addon, log, 1);
        expect(row![header(CHECKINS.columns, "comment", locale)]).toBe(comment);
      }),
      { numRuns: 80 },
    );
  });
});
