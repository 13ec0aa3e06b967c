import { dayFromIso, isoOf } from "../../src/core/dates";
import { SETTING_DEFS } from "../../src/core/setting-rows";
import { defaultSettings, parseSettings } from "../../src/core/settings";
import {
  completionNotes,
  newQuarterTable,
  recognisedSettings,
  settingsAdditions,
  settingsCompletion,
} from "../../src/core/settings-layout";

const TODAY = dayFromIso("2026-11-20")!;
const values = { ...defaultSettings(TODAY), quarter: "2026-Q4", asOf: TODAY, language: "en" as const };

/** What set-up appends to an empty Settings sheet: every row, and the quarters table. */
const wholeSettings = () =>
  settingsAdditions({
    existingRows: 0,
    missing: SETTING_DEFS.map((d) => d.key),
    needsTable: true,
    values,
    knownQuarters: [],
    today: TODAY,
    lang: "en",
  });

describe("settingsAdditions: what set-up appends to Settings", () => {
  it("builds a whole Settings sheet that reads back as its defaults, with the quarters table", () => {
    const { rows, tableHeader } = wholeSettings();
    expect(rows[0]!.map((c) => c.value)).toEqual(["Setting", "Value", "About"]);
    expect(rows[tableHeader! - 1]!.map((c) => c.value)).toEqual(["Quarter", "Start", "End"]);
    expect(rows.slice(tableHeader!).map((line) => line[0]!.value)).toEqual([
      ...["2026-Q1", "2026-Q2", "2026-Q3", "2026-Q4"],
      ...["2027-Q1", "2027-Q2", "2027-Q3", "2027-Q4"],
      // Written below the table, so that a new sheet's table starts where it always did.
      "ID prefix",
    ]);
    // Each value typed as its setting's: the sheet then reads the defaults back.
    const asOf = rows.find((line) => line[0]!.value === "As of")!;
    expect(asOf[1]).toEqual({ value: TODAY, type: "date" });
    const grid = rows.map((line) =>
      line.map((cell) =>
        cell.type === "date" ? new Date(`${isoOf(cell.value as number)}T00:00:00Z`) : cell.value,
      ),
    );
    const read = parseSettings(grid, TODAY, "UTC");
    expect(read.settings).toMatchObject({ quarter: "2026-Q4", staleDays: values.staleDays, language: "en" });
    expect(read.findings).toEqual([]);
  });

  it("adds only what is missing below an existing sheet, in French", () => {
    const { rows, tableHeader } = settingsAdditions({
      existingRows: 12,
      missing: ["staleDays"],
      needsTable: false,
      values,
      knownQuarters: [],
      today: TODAY,
      lang: "fr",
    });
    expect(tableHeader).toBeUndefined();
    expect(rows).toHaveLength(1);
    expect(rows[0]![0]).toEqual({ value: "Sans nouvelles après (jours sans point)", type: "text" });
    expect(rows[0]![1]).toEqual({ value: values.staleDays, type: "number" });
  });
});

describe("newQuarterTable", () => {
  it("keeps an older sheet's own dates for its quarter, and quarters outside the calendar", () => {
    const own = { label: "2026-Q4", start: dayFromIso("2026-10-05")!, end: dayFromIso("2026-12-31")! };
    const old = { label: "2025-Q4", start: dayFromIso("2025-10-01")!, end: dayFromIso("2025-12-31")! };
    const table = newQuarterTable([own, old], TODAY);
    expect(table[0]).toEqual(old);
    expect(table.find((q) => q.label === "2026-Q4")).toEqual(own);
    expect(table).toHaveLength(9);
    expect(table.map((q) => q.start)).toEqual([...table.map((q) => q.start)].sort((a, b) => a - b));
  });
});

describe("recognisedSettings: is a sheet named Settings ours?", () => {
  it("is when most of our settings are there, in any order, or when it starts with our header", () => {
    const labels = SETTING_DEFS.slice(0, 6).map((d) => [d.label.fr, ""]);
    expect(recognisedSettings(labels.reverse(), TODAY, "UTC")).toBe(true);
    expect(recognisedSettings([["Setting"]], TODAY, "UTC")).toBe(true);
  });

  it("is not when it holds a few of our labels among the user's own rows", () => {
    expect(
      recognisedSettings(
        [
          ["Colour", "Blue"],
          ["Language", "en"],
        ],
        TODAY,
        "UTC",
      ),
    ).toBe(false);
  });
});

describe("settingsCompletion: what set-up adds to the Settings it read", () => {
  it("lays out a new sheet whole, with its header and the quarters table's styled", () => {
    const completion = settingsCompletion(parseSettings([], TODAY, "UTC"), 0, TODAY, "fr")!;
    expect(completion.missing).toEqual(SETTING_DEFS.map((d) => d.key));
    expect(completion.headerRanges).toEqual([
      "A1:C1",
      `A${completion.tableHeader}:C${completion.tableHeader}`,
    ]);
    // The language is recorded as the sheet's, not "auto": the spreadsheet keeps one language.
    expect(completion.rows.find((line) => line[0]!.value === "Langue")![1]).toEqual({
      value: "fr",
      type: "text",
    });
  });

  it("keeps the quarter a sheet already names, and adds its missing rows below it", () => {
    const grid = [
      ["Setting", "Value"],
      ["Current quarter", "2027-Q1"],
      ["Quarter", "Start", "End"],
    ];
    const completion = settingsCompletion(parseSettings(grid, TODAY, "UTC"), grid.length, TODAY, "en")!;
    expect(completion.tableHeader).toBeUndefined();
    expect(completion.headerRanges).toEqual([]);
    expect(completion.missing).not.toContain("quarter");
    const asOf = completion.rows.find((line) => line[0]!.value === "As of")!;
    expect(asOf[1]).toEqual({ value: TODAY, type: "date" });
    expect(
      completion.rows.find((line) => line[0]!.value === "Stale after (days without check-in)")![2]!.value,
    ).toMatch(/weekly/);
  });

  it("adds nothing to a complete sheet", () => {
    const whole = wholeSettings().rows.map((line) => line.map((cell) => cell.value));
    expect(settingsCompletion(parseSettings(whole, TODAY, "UTC"), whole.length, TODAY, "en")).toBeUndefined();
  });
});

describe("completionNotes: what set-up tells the user it added to their Settings", () => {
  const langs = { sheetLang: "fr", userLang: "en" } as const;

  it("names the settings added in the sheet's language, in the user's sentence, and the quarters table", () => {
    expect(completionNotes({ missing: ["asOf", "lockDate"], tableHeader: 12 }, 8, langs)).toEqual([
      "Settings added: À la date du, Plan verrouillé le.",
      expect.stringMatching(/quarter/i),
    ]);
    expect(completionNotes({ missing: [], tableHeader: 12 }, 8, langs)).toHaveLength(1);
    expect(completionNotes({ missing: ["asOf"], tableHeader: undefined }, 8, langs)).toHaveLength(1);
  });

  it("says nothing about a Settings sheet it filled from empty", () => {
    expect(completionNotes({ missing: ["asOf"], tableHeader: 3 }, 0, langs)).toEqual([]);
  });
});
