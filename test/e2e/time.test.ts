/**
 * Time and formulas, end to end on the built bundle: each row judged in its own quarter, statuses
 * that follow Settings' "as of" day (moved by onOpen and by every operation, never by the clock
 * alone), formulas that survive what users do to rows, and errors that stay on their own row.
 */
import { loadAddon, type LoadedAddon } from "../../dev/loader";
import type { FakeSheet } from "../../dev/gas";
import { VOLATILE_MESSAGE } from "../../dev/formulas";
import { generateOkrs, okrGridOf } from "../../dev/fixtures";

const sheet = (addon: LoadedAddon, name: string): FakeSheet => {
  const found = addon.spreadsheet.sheet(name);
  if (!found) throw new Error(`no sheet ${name}`);
  return found;
};

function setUp(now: string, options: { locale?: string; spreadsheetLocale?: string; example?: boolean } = {}) {
  const addon = loadAddon({ now, locale: options.locale ?? "en", spreadsheetLocale: options.spreadsheetLocale });
  addon.ui.answers.push({ button: options.example === false ? "NO" : "YES" }, { button: "OK" });
  addon.run("setUpTemplate");
  addon.ui.answers.length = 0;
  return addon;
}

const iso = (value: unknown) => (value instanceof Date ? value.toISOString().slice(0, 10) : String(value));

/** Every row's ID, Score and Status, as the sheet shows them. */
function table(addon: LoadedAddon, okrsName = "OKRs") {
  const okrs = sheet(addon, okrsName);
  const values = okrs.values();
  const [id, score, status] = [1, 16, 17];
  return values.slice(1).map((l) => ({ id: String(l[id]), score: l[score], status: String(l[status]) }));
}

const statuses = (addon: LoadedAddon) => table(addon).map((r) => `${r.id}:${r.status}`);
const asOf = (addon: LoadedAddon) => iso(sheet(addon, "Settings").values().find((l) => l[0] === "As of")![1]);
const open = (addon: LoadedAddon, authMode: string) =>
  addon.run("onOpen", { authMode, source: addon.spreadsheet.api });

describe("statuses follow Settings' “as of” day, not the clock", () => {
  it("stay as they were three weeks later with no edit, and move once the spreadsheet is opened", () => {
    const addon = setUp("2026-11-10T09:00:00Z");
    expect(asOf(addon)).toBe("2026-11-10");
    const before = statuses(addon);
    expect(before).toContain("KR-1:On track"); // 0.5 at 44% of the quarter
    const runs = addon.engine!.runs;

    addon.setNow("2026-12-01T09:00:00Z");
    expect(statuses(addon)).toEqual(before); // Sheets would not rerun a custom function either
    expect(addon.engine!.runs).toBe(runs);

    open(addon, "NONE"); // an add-on not yet used in this file may only build its menu
    expect(asOf(addon)).toBe("2026-11-10");
    expect(statuses(addon)).toEqual(before);

    open(addon, "LIMITED");
    expect(asOf(addon)).toBe("2026-12-01");
    const after = statuses(addon);
    expect(after).toContain("KR-1:At risk"); // 0.5 at 67% of the quarter
    expect(after).not.toEqual(before);
  });

  it("moves with any operation, and is written only when it changed", () => {
    const addon = setUp("2026-11-10T09:00:00Z");
    addon.setNow("2026-11-17T09:00:00Z");
    addon.run("getFindings");
    expect(asOf(addon)).toBe("2026-11-17");
    addon.calls.reset();
    open(addon, "FULL");
    addon.run("getFindings");
    expect(addon.calls.get("Range.setValue")).toBe(0);
    // A day typed by hand holds for the rest of the day; the next day brings it back to today.
    sheet(addon, "Settings").fill([["As of", "2026-10-20"]], 3);
    open(addon, "LIMITED");
    expect(asOf(addon)).toBe("2026-10-20");
    addon.setNow("2026-11-18T09:00:00Z");
    open(addon, "LIMITED");
    expect(asOf(addon)).toBe("2026-11-18");
  });

  it("costs the same service calls on open at 10 and at 2,000 key results", () => {
    const counts = [10, 2000].map((n) => {
      const addon = setUp("2026-11-10T09:00:00Z", { example: false });
      sheet(addon, "OKRs").fill(okrGridOf(generateOkrs(n)).slice(1), 2);
      addon.setNow("2026-11-24T09:00:00Z");
      addon.calls.reset();
      open(addon, "LIMITED");
      return addon.calls.snapshot();
    });
    expect(counts[1]).toEqual(counts[0]);
    expect(counts[0]!["Range.setValue"]).toBe(1);
  });
});

describe("Sheets' recalculation rules in the offline runtime", () => {
  it("reruns a custom function only when one of its arguments changed", () => {
    const addon = setUp("2026-11-10T09:00:00Z");
    table(addon);
    const runs = addon.engine!.runs;
    sheet(addon, "OKRs").cell(3, 21).value = "a note"; // Notes: a cell no formula reads
    table(addon);
    expect(addon.engine!.runs).toBe(runs);
    const okrs = sheet(addon, "OKRs");
    okrs.cell(4, 14).value = 165; // KR-1's Current, as a user types it
    const after = table(addon);
    expect(addon.engine!.runs).toBeGreaterThan(runs);
    expect(after.find((r) => r.id === "KR-1")!.score).toBe(0.75);
  });

  it("refuses TODAY(), NOW() and RAND() as arguments, directly or through a cell", () => {
    const addon = setUp("2026-11-10T09:00:00Z");
    const settings = sheet(addon, "Settings");
    settings.fill([["As of", "=TODAY()"]], 3);
    const okrs = sheet(addon, "OKRs");
    expect(okrs.values()[0]![17]).toBe("#ERROR!");
    const header = { row: 1, column: 18 };
    expect(addon.engine!.result(okrs, header.row, header.column).error).toBe(VOLATILE_MESSAGE);
    okrs.fill([['=OKRPACE("2026-10-01","2026-12-31",NOW())']], 40);
    expect(addon.engine!.result(okrs, 40, 1)).toEqual({ value: "#ERROR!", error: VOLATILE_MESSAGE });
    expect(VOLATILE_MESSAGE).toBe(
      "This function is not allowed to reference a cell with NOW(), RAND(), or RANDBETWEEN().",
    );
  });
});
