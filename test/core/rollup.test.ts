import { carryOverRows } from "../../src/core/next-quarter";
import { highestIds, nextIds } from "../../src/core/draft";
import { defaultIdPrefix, prefixOf, qualifiedId } from "../../src/core/identity";
import { parseOkrs } from "../../src/core/parse";
import { rollUp } from "../../src/core/rollup";
import { IMPORT_LAYOUT, readTeamImport } from "../../src/core/rollup-import";
import { isSpreadsheetUrl, teamsTable } from "../../src/core/rollup-teams";
import type { RawCell } from "../../src/core/cells";
import { day, okrGrid } from "../helpers/grids";

describe("IDs across spreadsheets", () => {
  it("makes a prefix from a name, and qualifies unprefixed IDs with it", () => {
    expect(defaultIdPrefix("Sales team")).toBe("SALES");
    expect(defaultIdPrefix("Équipe Ventes")).toBe("EQUIPE");
    expect(defaultIdPrefix("  ")).toBe("");
    expect(qualifiedId("O-3", "SALES")).toBe("SALES-O-3");
    expect(qualifiedId("sales-kr-3", "OPS")).toBe("SALES-KR-3");
    expect(qualifiedId("O-3", "")).toBe("O-3");
    expect(prefixOf("CO-O-1")).toBe("CO");
    expect(prefixOf("O-1")).toBe("");
  });

  it("counts prefixed and unprefixed IDs in one sequence, so no number is issued twice", () => {
    expect(highestIds(["O-3", "SALES-O-5", "SALES-KR-9", "KR-2"])).toEqual({ objective: 5, kr: 9 });
    expect(nextIds([{ id: "SALES-O-5" }, { id: "KR-9" }], 2, undefined, "SALES")).toEqual({
      objectiveId: "SALES-O-6",
      krIds: ["SALES-KR-10", "SALES-KR-11"],
    });
    const okrs = parseOkrs(
      okrGrid([
        {
          quarter: "2026-Q4",
          id: "SALES-O-2",
          type: "Objective",
          level: "Team",
          team: "Sales",
          title: "Win",
          owner: "A",
        },
        {
          quarter: "2026-Q4",
          id: "KR-7",
          type: "Key result",
          team: "Sales",
          parent: "SALES-O-2",
          title: "Grow",
        },
      ]),
      "UTC",
    ).items;
    const rows = carryOverRows(
      okrs,
      [{ id: "SALES-O-2", owner: "B" }],
      "2026-Q4",
      "2027-Q1",
      day("2027-01-02"),
      undefined,
      "SALES",
    );
    expect(rows.map((r) => [r.id, r.parent])).toEqual([
      ["SALES-O-3", ""],
      ["SALES-KR-8", "SALES-O-3"],
    ]);
  });
});

describe("the Teams table and URLs", () => {
  it("finds the table by its header in either language and stops at the first empty row", () => {
    const grid: RawCell[][] = [
      ["Setting", "Value"],
      ["Équipe", "URL du classeur"],
      ["Ventes", "https://docs.google.com/spreadsheets/d/abcdefghij1234/edit"],
      ["", ""],
      ["Not a team", "x"],
    ];
    expect(teamsTable(grid)).toEqual({
      headerRow: 2,
      teams: [{ row: 3, name: "Ventes", url: "https://docs.google.com/spreadsheets/d/abcdefghij1234/edit" }],
    });
    expect(teamsTable([["Setting", "Value"]]).headerRow).toBeUndefined();
  });

  it("checks a URL's shape only", () => {
    expect(isSpreadsheetUrl("https://docs.google.com/spreadsheets/d/1AbC_def-123456789/edit#gid=0")).toBe(
      true,
    );
    expect(isSpreadsheetUrl("https://docs.google.com/spreadsheets/u/1/d/1AbC_def-123456789/edit")).toBe(true);
    expect(isSpreadsheetUrl("http://docs.google.com/spreadsheets/d/1AbC_def-123456789")).toBe(false);
    expect(isSpreadsheetUrl("https://docs.google.com/document/d/1AbC_def-123456789/edit")).toBe(false);
    expect(isSpreadsheetUrl('=IMPORTXML("http://x","//a")')).toBe(false);
  });
});

describe("reading a team's import sheet", () => {
  const label = ["Sales", "https://docs.google.com/spreadsheets/d/abcdefghij1234/edit", ""];
  const importGrid = (first: RawCell[][]): RawCell[][] => [label, ...first];

  it("tells the connection states apart, and counts nothing of a team that is not connected", () => {
    expect(readTeamImport(importGrid([["#REF!"]]), "UTC")!.connection).toEqual({ state: "not-connected" });
    const since = readTeamImport([[...label.slice(0, 2), "2026-11-02"], ["#REF!"]], "UTC")!.connection;
    expect(since).toEqual({ state: "unreachable", since: day("2026-11-02") });
    expect(readTeamImport(importGrid([["Loading..."]]), "UTC")!.connection).toEqual({ state: "loading" });
    expect(readTeamImport(importGrid([["#N/A"]]), "UTC")!.connection).toEqual({
      state: "error",
      code: "#N/A",
    });
    expect(readTeamImport(importGrid([]), "UTC")!.connection).toEqual({ state: "empty" });
    expect(readTeamImport([["", ""]], "UTC")).toBeUndefined();
  });

  it("reports an older template by the columns it lacks, rather than misreading it", () => {
    const old = okrGrid([]).map((line) => line.slice(1)); // no Quarter column
    const team = readTeamImport(importGrid(old), "UTC")!;
    expect(team.connection).toEqual({ state: "old-template", missing: ["Quarter"] });
    expect(team.okrs).toEqual([]);
  });

  it("scores a company objective from the team objectives' Score cells, leaving out unscored ones", () => {
    const teamOkrs = okrGrid([
      {
        quarter: "2026-Q4",
        id: "O-1",
        type: "Objective",
        level: "Team",
        team: "Sales",
        parent: "CO-O-1",
        title: "Win",
        score: 0.8,
      },
      {
        quarter: "2026-Q4",
        id: "O-2",
        type: "Objective",
        level: "Team",
        team: "Sales",
        parent: "CO-O-1",
        title: "Keep",
      },
      {
        quarter: "2026-Q3",
        id: "O-0",
        type: "Objective",
        level: "Team",
        team: "Sales",
        parent: "CO-O-1",
        title: "Old",
        score: 0,
      },
    ]);
    const team = readTeamImport(importGrid(teamOkrs), "UTC")!;
    expect(team.connection).toEqual({ state: "connected" });
    const company = okrGrid([
      { quarter: "2026-Q4", id: "O-1", type: "Objective", level: "Company", team: "Co", title: "Grow" },
    ]);
    const result = rollUp(
      {
        companyOkrs: company,
        companyPrefix: "CO",
        quarter: "2026-Q4",
        dates: { label: "2026-Q4", start: day("2026-10-01"), end: day("2026-12-31") },
        asOf: day("2026-12-31"),
        thresholds: { onTrack: 0.9, atRisk: 0.6 },
        teams: [team],
        timeZone: "UTC",
      },
      3,
    );
    expect(result.objectives).toEqual([
      expect.objectContaining({
        id: "CO-O-1",
        teams: ["Sales"],
        score: 0.8,
        band: "green",
        status: "at-risk",
        unscored: 1,
      }),
    ]);
    expect(result.problems).toEqual([]);
    expect(IMPORT_LAYOUT.checkinsColumn).toBe(23);
  });
});
