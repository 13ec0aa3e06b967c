/**
 * The company roll-up at scale (issue 17): a company spreadsheet and N team spreadsheets on one
 * offline Drive, each team with `krs` key results (four per objective), all connected. Measures
 * the service calls of OKR › Roll up teams (first run, which creates the import sheets, and a
 * refresh) and the time of the roll-up's custom formulas on the ranges Sheets would pass them.
 * Run by scripts/bench-rollup.mjs.
 */
import { performance } from "node:perf_hooks";
import { Drive, World } from "../../dev/gas";
import { loadAddon } from "../../dev/loader";
import { OKRS } from "../../src/core/schema";

const NOW = "2026-11-16T09:00:00Z";
const COMPANY_OBJECTIVES = 10;

export interface RollupBench {
  teams: number;
  krsPerTeam: number;
  /** Service calls of the first Roll up teams (import sheets created) and of a refresh. */
  firstCalls: number;
  refreshCalls: number;
  /** setValues calls of the refresh: one per import sheet, plus the roll-up sheet's one. */
  refreshWrites: number;
  /** OKRROLLUP and OKRTEAMS, each called with the ranges' values: median of the runs, ms. */
  rollupMs: number;
  teamsMs: number;
  objectives: unknown[][];
}

function teamRows(team: number, krs: number): unknown[][] {
  const header = OKRS.columns.map((c) => c.header.en);
  const at = (key: string) => OKRS.columns.findIndex((c) => c.key === key);
  const rows: unknown[][] = [header];
  const objectives = Math.ceil(krs / 4);
  let kr = 0;
  for (let o = 1; o <= objectives; o++) {
    const line: unknown[] = header.map(() => "");
    line[at("quarter")] = "2026-Q4";
    line[at("id")] = `O-${o}`;
    line[at("type")] = "Objective";
    line[at("level")] = "Team";
    line[at("team")] = `Team ${team}`;
    line[at("parent")] = `CO-O-${((team + o) % COMPANY_OBJECTIVES) + 1}`;
    line[at("title")] = `Objective ${o} of team ${team}`;
    line[at("score")] = ((team * 7 + o * 3) % 10) / 10;
    rows.push(line);
    for (let k = 0; k < 4 && kr < krs; k++) {
      kr++;
      const krLine: unknown[] = header.map(() => "");
      krLine[at("quarter")] = "2026-Q4";
      krLine[at("id")] = `KR-${kr}`;
      krLine[at("type")] = "Key result";
      krLine[at("team")] = `Team ${team}`;
      krLine[at("parent")] = `O-${o}`;
      krLine[at("title")] = `Grow metric ${kr} from 0 to 100`;
      krLine[at("metric")] = "Increase";
      krLine[at("baseline")] = 0;
      krLine[at("target")] = 100;
      krLine[at("current")] = (kr * 13) % 100;
      krLine[at("score")] = ((kr * 13) % 100) / 100;
      krLine[at("lastCheckIn")] = "2026-11-09";
      rows.push(krLine);
    }
  }
  return rows;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

export function benchRollup(teams: number, krsPerTeam: number, runs: number): RollupBench {
  const drive = new Drive();
  const company = loadAddon({
    world: new World({
      drive,
      spreadsheetId: "company-bench-0001",
      timeZone: "Europe/Brussels",
      locale: "en_US",
    }),
    locale: "en",
    now: NOW,
  });
  company.run("setUpTemplate");
  const settings = company.spreadsheet.sheet("Settings")!;
  const okrs = company.spreadsheet.sheet("OKRs")!;
  const header = okrs.values()[0]!;
  const col = (name: string) => header.indexOf(name);
  okrs.fill(
    Array.from({ length: COMPANY_OBJECTIVES }, (_, i) => {
      const line: unknown[] = header.map(() => "");
      line[col("Quarter")] = "2026-Q4";
      line[col("ID")] = `O-${i + 1}`;
      line[col("Type")] = "Objective";
      line[col("Level")] = "Company";
      line[col("Team")] = "Company";
      line[col("Title")] = `Company objective ${i + 1}`;
      line[col("Owner")] = "Maxime";
      return line;
    }),
    2,
  );
  const prefixRow = settings.values().findIndex((l) => l[0] === "ID prefix") + 1;
  settings.fill([["ID prefix", "CO"]], prefixRow);
  const table: unknown[][] = [
    ["", ""],
    ["Team", "Spreadsheet URL"],
  ];
  for (let i = 1; i <= teams; i++) {
    const world = new World({
      drive,
      spreadsheetId: `team-bench-${String(i).padStart(6, "0")}`,
      locale: "en_US",
    });
    const sheet = world.spreadsheet.sheet("Sheet1")!;
    sheet.rename("OKRs");
    sheet.fill(teamRows(i, krsPerTeam));
    world.spreadsheet
      .addSheet("Check-ins")
      .fill([["Date", "KR ID", "Value", "Confidence", "Comment", "Author"]]);
    drive.allowAccess(company.spreadsheet, world.spreadsheet);
    table.push([`Team ${i}`, Drive.urlOf(world.spreadsheet.api.getId())]);
  }
  settings.fill(table, settings.lastRow() + 1);

  company.calls.reset();
  company.run("rollUpTeams");
  const firstCalls = company.calls.total();
  company.calls.reset();
  company.run("rollUpTeams");
  const refreshCalls = company.calls.total();
  const refreshWrites = company.calls.get("Range.setValues");

  // What Sheets passes the formulas: the ranges' values, read once here.
  const rollupSheet = company.spreadsheet.sheet("Company roll-up")!;
  const formula = rollupSheet.peek(1, 1)!.formula;
  const ranges = [...formula.matchAll(/'((?:[^']|'')+)'!A1:([A-Z]+)/g)].map(([, name, last]) =>
    company.spreadsheet.api.getRange(`'${name}'!A1:${last}`),
  );
  const args = company.calls.uncounted(() =>
    ranges.map((range) => {
      const sheet = company.spreadsheet.sheet(range.getSheet().getName())!;
      const bottom = Math.max(sheet.lastRow(), 2 + krsPerTeam + Math.ceil(krsPerTeam / 4));
      return sheet
        .range(`A1:${range.getA1Notation().split(":")[1]!.replace(/\d+$/, "")}${bottom}`)
        .api.getValues();
    }),
  );
  const time = (name: string) => {
    const samples: number[] = [];
    for (let r = 0; r < runs; r++) {
      const start = performance.now();
      company.run(name, ...args);
      samples.push(performance.now() - start);
    }
    return median(samples);
  };
  const rollupMs = time("OKRROLLUP");
  const teamsMs = time("OKRTEAMS");
  const objectives = company.run<unknown[][]>("OKRROLLUP", ...args);
  return { teams, krsPerTeam, firstCalls, refreshCalls, refreshWrites, rollupMs, teamsMs, objectives };
}
