/**
 * OKRROLLUP and OKRTEAMS on the values Sheets passes them (src/core/rollup-formulas.ts), the
 * roll-up's findings for Validate (src/core/rollup-findings.ts) and the company's review input.
 */
import type { RawCell } from "../../src/core/cells";
import type { FormulaHost } from "../../src/core/formula-call";
import { parseOkrs } from "../../src/core/parse";
import { companyReview } from "../../src/core/rollup";
import { rollupFindings } from "../../src/core/rollup-findings";
import { okrRollup, okrTeams } from "../../src/core/rollup-formulas";
import { readTeamImport } from "../../src/core/rollup-import";
import { parseSettings } from "../../src/core/settings";
import { day, okrGrid } from "../helpers/grids";

const host = (locale = "en_US", timeZone = "UTC"): FormulaHost => ({
  locale: () => locale,
  timeZone: () => timeZone,
});

const settingsGrid = (asOf: RawCell = "2026-11-16"): RawCell[][] => [
  ["Setting", "Value"],
  ["Current quarter", "2026-Q4"],
  ["As of", asOf],
  ["ID prefix", "CO"],
];

const companyOkrs = okrGrid([
  { quarter: "2026-Q4", id: "O-1", type: "Objective", level: "Company", team: "Co", title: "Grow" },
  { quarter: "2026-Q4", id: "O-2", type: "Objective", level: "Company", team: "Co", title: "Keep" },
]);

/** An import sheet as Sheets shows it: the label row, then what IMPORTRANGE brought. */
const importSheet = (name: string, imported: RawCell[][], since: RawCell = ""): RawCell[][] => [
  [name, "https://docs.google.com/spreadsheets/d/abcdefghij1234/edit", since],
  ...imported,
];

const salesOkrs = okrGrid([
  {
    quarter: "2026-Q4",
    id: "SALES-O-1",
    type: "Objective",
    level: "Team",
    team: "Sales",
    parent: "CO-O-1",
    title: "Win",
    score: 0.6,
  },
  { quarter: "2026-Q4", id: "SALES-O-2", type: "Objective", level: "Team", parent: "O-1", title: "Hold" },
  {
    quarter: "2026-Q4",
    id: "SALES-KR-1",
    type: "Key result",
    parent: "SALES-O-1",
    title: "Sign 10",
    lastCheckIn: "2026-11-12",
  },
]);

describe("OKRROLLUP", () => {
  it("answers one row per company objective: teams, score, band, status, last check-in and notes", () => {
    const table = okrRollup(host(), companyOkrs, settingsGrid(), importSheet("Sales", salesOkrs));
    expect(table[0]).toEqual([
      "ID",
      "Company objective",
      "Teams contributing",
      "Score",
      "Band",
      "Status",
      "Last check-in",
      "Notes",
    ]);
    const [grow, keep] = table.slice(1);
    expect(grow!.slice(0, 6)).toEqual(["CO-O-1", "Grow", "1: Sales", 0.6, "Yellow", "On track"]);
    expect((grow![6] as Date).toISOString().slice(0, 10)).toBe("2026-11-12");
    expect(grow![7]).toBe("1 team objective without a score, left out of the mean.");
    expect(keep).toEqual(["CO-O-2", "Keep", 0, "", "", "", "", "No team objective serves it."]);
  });

  it("answers in the spreadsheet's language when Settings names none", () => {
    const french = okrRollup(host("fr_FR"), companyOkrs, settingsGrid());
    expect(french[0]![1]).toBe("Objectif d'entreprise");
    expect(french[2]![7]).toBe("Aucun objectif d'équipe n'y contribue.");
  });

  it("refuses to judge pace without Settings' “As of” day, saying so in the spreadsheet's language", () => {
    const run = () => okrRollup(host("fr_FR"), companyOkrs, settingsGrid(""));
    expect(run).toThrow(/^Les Paramètres n'ont pas de jour « À la date du »/);
  });

  it("still answers, in English and UTC, when the spreadsheet's locale and time zone cannot be read", () => {
    const broken: FormulaHost = {
      locale: () => {
        throw new Error("no access");
      },
      timeZone: () => "UTC",
    };
    expect(okrRollup(broken, companyOkrs, settingsGrid())[0]![0]).toBe("ID");
  });
});

describe("OKRTEAMS", () => {
  it("says each team's connection and what to do, and counts only a connected team's objectives", () => {
    // Each import is an argument of its own, as the sheet's formula passes them.
    const table = okrTeams(
      host(),
      companyOkrs,
      settingsGrid(),
      importSheet("Sales", salesOkrs),
      importSheet("Ops", [["#REF!"]]),
      importSheet("Product", [["#REF!"]], "2026-10-01"),
      importSheet("HR", [["#N/A"]]),
      [["", ""]],
    );
    expect(table).toEqual([
      ["Team", "Connection", "Objectives this quarter", "Aligned to the company"],
      ["Sales", "Connected", 2, 2],
      ["Ops", "Not connected: click N3 on this sheet and press Allow access.", "", ""],
      ["Product", expect.stringMatching(/^Unreachable since it was connected on 2026-10-01:/), "", ""],
      ["HR", "The import shows #N/A: open the hidden sheet “Import · HR” to see why.", "", ""],
    ]);
  });
});

describe("the roll-up in Validate and in the company's review", () => {
  const settings = parseSettings(settingsGrid(), day("2026-11-16"), "UTC").settings;
  const sales = readTeamImport(importSheet("Sales", salesOkrs), "UTC", true)!;

  it("points a company objective no team serves at its title cell, by its qualified ID", () => {
    const findings = rollupFindings(companyOkrs, [sales], settings, day("2026-11-16"), "UTC");
    expect(findings).toEqual([
      {
        code: "rollup-unserved",
        severity: "warning",
        sheet: "okrs",
        row: 3,
        column: "title",
        params: { id: "CO-O-2", title: "Keep" },
      },
    ]);
    expect(rollupFindings(companyOkrs, [], settings, day("2026-11-16"), "UTC")).toEqual([]);
  });

  it("reviews the company with its connected teams' rows, and is undefined with none connected", () => {
    const company = { okrs: parseOkrs(companyOkrs, "UTC").items, checkins: [], settings };
    const review = companyReview(company, [sales], day("2026-11-16"))!;
    expect(review.okrs.map((r) => r.id)).toEqual(["O-1", "O-2", "SALES-O-1", "SALES-O-2", "SALES-KR-1"]);
    expect(review.okrs.find((r) => r.id === "SALES-O-2")!.parent).toBe("O-1");
    // Scored with the company's rows, for the quarter: every merged row has its score.
    expect([...review.scores.byRow.keys()]).toEqual(review.okrs.map((r) => r.row));
    const ops = readTeamImport(importSheet("Ops", [["#REF!"]]), "UTC", true)!;
    expect(companyReview(company, [ops], day("2026-11-16"))).toBeUndefined();
  });
});
