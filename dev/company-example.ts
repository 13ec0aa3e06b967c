/**
 * One spreadsheet per team: a company spreadsheet and three team spreadsheets (Sales, Ops, Product)
 * for the roll-up, in 2026-Q4, each set up with the template. The e2e tests and the playground's
 * File › Open the company example start from it. Nothing is connected: Allow access is the user's.
 */
import { Drive, type FakeSheet, type FakeSpreadsheet } from "./gas";

/** A spreadsheet with the add-on: its cells, and a way to run the bundle's functions. */
export interface ExampleFile {
  spreadsheet: FakeSpreadsheet;
  run(name: string, ...args: unknown[]): unknown;
}

export const COMPANY_EXAMPLE = [
  { id: "company-okrs-000001", name: "Acme (company)" },
  { id: "team-sales-0000001", name: "Sales" },
  { id: "team-ops-000000001", name: "Ops" },
  { id: "team-product-00001", name: "Product" },
] as const;

function sheet(file: ExampleFile, name: string): FakeSheet {
  const found = file.spreadsheet.sheet(name);
  if (!found) throw new Error(`no sheet ${name}`);
  return found;
}

/** Sets a Settings value by its label, as a person typing it. */
export function setSetting(file: ExampleFile, label: string, value: unknown): void {
  const settings = sheet(file, "Settings");
  const row = settings.values().findIndex((line) => line[0] === label) + 1;
  if (row === 0) throw new Error(`no setting ${label}`);
  settings.fill([[label, value]], row);
}

/** Appends 2026-Q4 OKRs rows: [ID, Type, Level, Team, Parent, Title, Metric, Baseline, Target, Current]. */
export function addOkrs(file: ExampleFile, rows: unknown[][]): void {
  const okrs = sheet(file, "OKRs");
  const header = okrs.values()[0]!;
  const lines = rows.map(([id, type, level, team, parent, title, metric, baseline, target, current]) => {
    const line: unknown[] = Array.from({ length: header.length }, () => "");
    const set = (name: string, value: unknown) => (line[header.indexOf(name)] = value ?? "");
    set("Quarter", "2026-Q4");
    set("ID", id);
    set("Type", type);
    set("Level", level);
    set("Team", team);
    set("Parent", parent);
    set("Title", title);
    set("Owner", type === "Objective" ? "Maxime" : "");
    set("Kind", type === "Objective" ? "Aspirational" : "");
    set("Metric", metric);
    set("Baseline", baseline);
    set("Target", target);
    set("Current", current);
    return line;
  });
  okrs.fill(lines, okrs.lastRow() + 1);
}

export function addCheckins(file: ExampleFile, rows: [string, string, number][]): void {
  const log = sheet(file, "Check-ins");
  log.fill(
    rows.map(([date, id, value]) => [date, id, value, 7, "", "ada@example.com"]),
    log.lastRow() + 1,
  );
}

/**
 * Fills four spreadsheets, already on one Drive and set up with the template (no example), with the
 * company example; with `teamsTable`, the company's Settings also list the teams.
 */
export function fillCompanyExample(
  files: { company: ExampleFile; sales: ExampleFile; ops: ExampleFile; product: ExampleFile },
  teamsTable = false,
): void {
  const { company, sales, ops, product } = files;
  setSetting(company, "ID prefix", "CO");
  addOkrs(company, [
    ["O-1", "Objective", "Company", "Company", "", "Grow in Belgium"],
    ["O-2", "Objective", "Company", "Company", "", "Customers love the app"],
    ["O-3", "Objective", "Company", "Company", "", "Hire well"],
  ]);
  setSetting(sales, "ID prefix", "SALES");
  addOkrs(sales, [
    ["O-1", "Objective", "Team", "Sales", "CO-O-1", "Win Brussels"],
    ["KR-1", "Key result", "", "Sales", "O-1", "Grow paying customers from 0 to 100", "Increase", 0, 100, 50],
    ["KR-2", "Key result", "", "Sales", "O-1", "Grow partner garages from 0 to 10", "Increase", 0, 10, 10],
    ["O-2", "Objective", "Team", "Sales", "CO-O-2", "Happy Brussels drivers"],
    ["KR-3", "Key result", "", "Sales", "O-2", "Grow the app rating from 0 to 4", "Increase", 0, 4, 1],
  ]);
  addCheckins(sales, [["2026-11-09", "KR-1", 50]]);
  addOkrs(ops, [
    ["O-1", "Objective", "Team", "Ops", "CO-O-1", "Open Antwerp"],
    ["KR-1", "Key result", "", "Ops", "O-1", "Reduce setup days from 100 to 50", "Decrease", 100, 50, 80],
  ]);
  addCheckins(ops, [
    ["2026-11-02", "KR-1", 90],
    ["2026-11-12", "KR-1", 80],
  ]);
  addOkrs(product, [
    ["O-1", "Objective", "Team", "Product", "CO-O-2", "An app people love"],
    ["KR-1", "Key result", "", "Product", "O-1", "Grow weekly users from 0 to 4", "Increase", 0, 4, 4],
  ]);
  if (teamsTable) {
    const settings = sheet(company, "Settings");
    settings.fill(
      [
        ["", ""],
        ["Team", "Spreadsheet URL"],
        ["Sales", Drive.urlOf(COMPANY_EXAMPLE[1].id)],
        ["Ops", Drive.urlOf(COMPANY_EXAMPLE[2].id)],
        ["Product", Drive.urlOf(COMPANY_EXAMPLE[3].id)],
      ],
      settings.lastRow() + 1,
    );
  }
}
