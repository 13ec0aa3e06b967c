/**
 * What OKR › Roll up teams writes, and where (src/core/rollup-sheet.ts, src/core/rollup-teams.ts):
 * the teams it keeps, the import sheets' two rows, the roll-up sheet's formulas and Connect cells,
 * and the days teams were first seen connected.
 */
import type { RawCell } from "../../src/core/cells";
import { IMPORT_LAYOUT } from "../../src/core/rollup-import";
import {
  connectedSince,
  importColumnsA1,
  importHeadA1,
  importSheetName,
  importSheetRows,
  importsToRead,
  isImportSheetOf,
  ROLLUP_LAYOUT,
  rollupSheetRows,
  storedConnections,
  teamsRemoved,
} from "../../src/core/rollup-sheet";
import { teamsTable, teamsTableStart, teamsToRollUp } from "../../src/core/rollup-teams";
import { day } from "../helpers/grids";

const URL_A = "https://docs.google.com/spreadsheets/d/abcdefghij1234/edit";
const URL_B = "https://docs.google.com/spreadsheets/d/zyxwvutsrq9876/edit";

describe("the teams a roll-up keeps", () => {
  it("leaves out a row without a spreadsheet URL or a name, and a team listed twice, saying each", () => {
    const { teams, notes } = teamsToRollUp(
      [
        { row: 5, name: "Sales", url: URL_A },
        { row: 6, name: "Ops", url: "https://example.com/sheet" },
        { row: 7, name: "", url: URL_B },
        { row: 8, name: "SALES", url: URL_B },
        { row: 9, name: "Ops", url: URL_B },
      ],
      "en",
    );
    expect(teams.map((team) => team.row)).toEqual([5, 9]);
    expect(notes).toEqual([
      expect.stringMatching(/^Settings row 6: “https:\/\/example.com\/sheet” is not the URL/),
      expect.stringMatching(/^Settings row 7: “https:\/\/docs.google.com\/spreadsheets\/d\/zyx/),
      "Settings row 8: the team SALES is listed twice. The second row was left out.",
    ]);
    expect(teamsToRollUp([{ row: 8, name: "Ventes", url: "x" }], "fr").notes[0]).toMatch(
      /^Paramètres, ligne 8 :/,
    );
  });

  it("starts a Teams table that the next run finds, in the spreadsheet's language", () => {
    const start = teamsTableStart("fr");
    expect(start).toEqual([
      ["", ""],
      ["Équipe", "URL du classeur"],
    ]);
    const settings: RawCell[][] = [["Paramètre", "Valeur"], ...start, ["Ventes", URL_A]];
    expect(teamsTable(settings)).toEqual({ headerRow: 3, teams: [{ row: 4, name: "Ventes", url: URL_A }] });
  });
});

describe("the import sheets Validate and the review read", () => {
  it("are the named teams with a spreadsheet URL, in the Teams table's order, named in the sheet's language", () => {
    const settings: RawCell[][] = [
      ["Paramètre", "Valeur"],
      ...teamsTableStart("fr"),
      ["Ventes", URL_A],
      ["", URL_B],
      ["Ops", "https://example.com/sheet"],
      ["Achats", URL_B],
    ];
    expect(importsToRead(settings, () => "fr")).toEqual([
      importColumnsA1(importSheetName("fr", "Ventes")),
      importColumnsA1(importSheetName("fr", "Achats")),
    ]);
  });

  it("are none without a Teams table, and the language is then not asked", () => {
    const asked = jest.fn(() => "en" as const);
    expect(importsToRead([["Setting", "Value"]], asked)).toEqual([]);
    expect(asked).not.toHaveBeenCalled();
  });
});

describe("an import sheet", () => {
  it("is named after its team, within the 100 characters a sheet name may have", () => {
    expect(importSheetName("en", "Sales")).toBe("Import · Sales");
    expect(importSheetName("en", "x".repeat(120))).toHaveLength(100);
  });

  it("holds the team's label, then the IMPORTRANGE of its OKRs and Check-ins under either language's names", () => {
    const rows = importSheetRows("en", { row: 4, name: "Sales", url: URL_A }, undefined, "UTC");
    expect(rows).toHaveLength(2);
    expect(rows.every((row) => row.length === IMPORT_LAYOUT.width)).toBe(true);
    // Kept as typed: the URL's digits must not turn it into a number.
    expect(rows[0]!.slice(0, 3)).toEqual(["Sales", `'${URL_A}`, ""]);
    // The company's names first, then the other language's: a team may work in French.
    expect(rows[1]![0]).toBe(`=IFERROR(IMPORTRANGE(B1,"'OKRs'!A1:U"),IMPORTRANGE(B1,"'OKR'!A1:U"))`);
    expect(rows[1]![IMPORT_LAYOUT.checkinsColumn - 1]).toBe(
      `=IFERROR(IMPORTRANGE(B1,"'Check-ins'!A1:F"),IMPORTRANGE(B1,"'Points'!A1:F"))`,
    );
    expect(rows[1]!.filter((cell) => cell !== "")).toHaveLength(2);
  });

  it("keeps a team name that looks like a formula as text, and the day it was first connected as a date", () => {
    const [label] = importSheetRows("fr", { row: 4, name: "=2025", url: URL_A }, day("2026-11-02"), "UTC");
    expect(label![0]).toBe("'=2025");
    expect((label![2] as Date).toISOString().slice(0, 10)).toBe("2026-11-02");
    const [, formulas] = importSheetRows("fr", { row: 4, name: "Ventes", url: URL_A }, undefined, "UTC");
    expect(formulas![0]).toBe(`=IFERROR(IMPORTRANGE(B1,"'OKR'!A1:U"),IMPORTRANGE(B1,"'OKRs'!A1:U"))`);
  });

  it("is written and read by A1 ranges that quote its name", () => {
    expect(importHeadA1("Import · L'équipe")).toBe("'Import · L''équipe'!A1:AB2");
    expect(importColumnsA1("Import · Ops")).toBe("'Import · Ops'!A1:AB");
  });
});

describe("the roll-up sheet", () => {
  const sources = { okrs: "OKRs", settings: "Settings", imports: ["Import · Sales", "Import · Ops"] };

  it("holds OKRROLLUP and OKRTEAMS over the company's sheets and every import sheet", () => {
    const rows = rollupSheetRows("en", sources, 0);
    const args = `'OKRs'!A1:U, 'Settings'!A1:C, 'Import · Sales'!A1:AB, 'Import · Ops'!A1:AB`;
    expect(rows[0]![ROLLUP_LAYOUT.objectivesColumn - 1]).toBe(`=OKRROLLUP(${args})`);
    expect(rows[0]![ROLLUP_LAYOUT.teamsColumn - 1]).toBe(`=OKRTEAMS(${args})`);
  });

  it("gives each team a Connect cell on its OKRTEAMS row, importing one cell of its first sheet", () => {
    const rows = rollupSheetRows("en", sources, 0);
    const connect = rows.map((row) => row[ROLLUP_LAYOUT.connectColumn - 1]);
    expect(connect).toEqual([
      "Connect",
      `=IMPORTRANGE('Import · Sales'!B1,"A1")`,
      `=IMPORTRANGE('Import · Ops'!B1,"A1")`,
    ]);
    expect(rows.every((row) => row.length === ROLLUP_LAYOUT.connectColumn)).toBe(true);
  });

  it("blanks the rows it held before, so a team no longer listed leaves no Connect cell", () => {
    const rows = rollupSheetRows("en", { ...sources, imports: ["Import · Sales"] }, 5);
    expect(rows).toHaveLength(5);
    expect(rows.slice(2).every((row) => row.every((cell) => cell === ""))).toBe(true);
  });
});

describe("the day a team was first seen connected", () => {
  const settings: RawCell[][] = [
    ["Team", "Spreadsheet URL"],
    ["Sales", URL_A],
    ["Ops", URL_B],
  ];
  const shown = (states: [string, string][]): RawCell[][] => [
    [],
    ...states.map(([team, state]) => {
      const line: RawCell[] = Array.from({ length: ROLLUP_LAYOUT.connectColumn }, () => "");
      line[ROLLUP_LAYOUT.teamsColumn - 1] = team;
      line[ROLLUP_LAYOUT.teamsColumn] = state;
      return line;
    }),
  ];

  it("is today for a team the roll-up shows connected now, by its URL", () => {
    const days = connectedSince(
      undefined,
      settings,
      shown([
        ["sales", "Connected"],
        ["Ops", "Not connected: click N3 on this sheet and press Allow access."],
      ]),
      "en",
      day("2026-11-16"),
    );
    expect(days).toEqual(new Map([[URL_A, day("2026-11-16")]]));
  });

  it("keeps the day remembered, and counts a team connected with no OKRs yet", () => {
    const stored = storedConnections(new Map([[URL_A, day("2026-10-01")]]));
    expect(stored).toBe(`{"${URL_A}":"2026-10-01"}`);
    const days = connectedSince(
      stored,
      settings,
      shown([
        ["Sales", "Connected"],
        ["Ops", "Connected; no OKRs yet."],
      ]),
      "en",
      day("2026-11-16"),
    );
    expect(days).toEqual(
      new Map([
        [URL_A, day("2026-10-01")],
        [URL_B, day("2026-11-16")],
      ]),
    );
  });

  it("forgets the days, not the roll-up, when the memory is damaged", () => {
    const days = connectedSince(
      "{not json",
      settings,
      shown([["Ops", "Connectée"]]),
      "fr",
      day("2026-11-16"),
    );
    expect(days).toEqual(new Map([[URL_B, day("2026-11-16")]]));
  });
});

describe("the import sheets of teams no longer listed", () => {
  /** The roll-up sheet as a previous run left it: OKRTEAMS' names under its header. */
  const rollupShown = (teams: string[]): RawCell[][] =>
    [["Team"], ...teams.map((team) => [team])].map((names) => {
      const line: RawCell[] = Array.from({ length: ROLLUP_LAYOUT.connectColumn }, () => "");
      line[ROLLUP_LAYOUT.teamsColumn - 1] = names[0]!;
      return line;
    });

  it("are those of teams the roll-up showed that the Teams table no longer names", () => {
    const settings: RawCell[][] = [
      ["Team", "Spreadsheet URL"],
      ["sales", URL_A],
      ["Ops", "not a URL yet"], // left out of the roll-up, still listed: kept
    ];
    expect(teamsRemoved(rollupShown(["Sales", "Ops", "Product", "", "product"]), settings)).toEqual([
      "Product",
    ]);
  });

  it("are none when nothing was shown or every team is still listed", () => {
    const settings: RawCell[][] = [
      ["Équipe", "URL du classeur"],
      ["Ventes", URL_A],
    ];
    expect(teamsRemoved([], settings)).toEqual([]);
    expect(teamsRemoved(rollupShown(["Ventes"]), settings)).toEqual([]);
  });

  it("are ours only with the label and import rows Roll up teams writes", () => {
    const [label, formulas] = importSheetRows("en", { row: 4, name: "Sales", url: URL_A }, undefined, "UTC");
    // As Sheets shows them: the label's text, the formulas apart.
    const values: RawCell[][] = [
      ["Sales", URL_A],
      ["Quarter", "ID"],
    ];
    const ours: string[][] = [
      ["", ""],
      [String(formulas![0]), ""],
    ];
    expect(label![1]).toBe(`'${URL_A}`);
    expect(isImportSheetOf("Sales", values, ours)).toBe(true);
    expect(
      isImportSheetOf("sales", values, [
        ["", ""],
        [`=IMPORTRANGE(B1,"'OKRs'!A1:U")`, ""],
      ]),
    ).toBe(true);
    expect(isImportSheetOf("Ops", values, ours)).toBe(false);
    expect(isImportSheetOf("Sales", [["Sales", "my notes"], ["x"]], ours)).toBe(false);
    expect(
      isImportSheetOf("Sales", values, [
        ["", ""],
        ["", ""],
      ]),
    ).toBe(false);
    expect(
      isImportSheetOf("Sales", values, [
        ["", ""],
        ["=SUM(B1:B9)", ""],
      ]),
    ).toBe(false);
  });
});
