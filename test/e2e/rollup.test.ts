/**
 * One spreadsheet per team, rolled up into a company spreadsheet, on the built bundle: a company
 * and three teams on one offline Drive, two of them connected with Allow access. The roll-up's
 * scores are checked by hand; the third team is reported "not connected" and counts for nothing,
 * until its Allow access. Then a team's Parent is broken and the company's Validate reports it.
 */
import { Drive, type FakeSheet, IMPORT_MESSAGES, World } from "../../dev/gas";
import { COMPANY_EXAMPLE, fillCompanyExample } from "../../dev/company-example";
import { type LoadedAddon, loadAddon } from "../../dev/loader";

const NOW = "2026-11-16T09:00:00Z";

function spreadsheet(drive: Drive, id: string, name: string): LoadedAddon {
  const addon = loadAddon({
    world: new World({ drive, spreadsheetId: id, name, timeZone: "Europe/Brussels", locale: "en_US" }),
    locale: "en",
    now: NOW,
  });
  addon.run("setUpTemplate"); // the example quarter is declined (the alert answers OK, not Yes)
  return addon;
}

function sheet(addon: LoadedAddon, name: string): FakeSheet {
  const found = addon.spreadsheet.sheet(name);
  if (!found) throw new Error(`no sheet ${name}`);
  return found;
}

/** What a sheet shows in a block, spilled cells included (getValues, uncounted). */
function shown(target: FakeSheet, a1: string): unknown[][] {
  return target.range(a1).api.getValues();
}

function build() {
  const drive = new Drive();
  const [company, sales, ops, product] = COMPANY_EXAMPLE.map(({ id, name }) => spreadsheet(drive, id, name));
  fillCompanyExample({ company: company!, sales: sales!, ops: ops!, product: product! });
  return { drive, company: company!, sales: sales!, ops: ops!, product: product! };
}

function rollUp(company: LoadedAddon) {
  const before = company.ui.dialogs.length;
  company.run("rollUpTeams");
  return company.ui.dialogs.slice(before).map((d) => d.message);
}

describe("the company roll-up across team spreadsheets", () => {
  it("scores company objectives from the connected teams, says the third is not connected, and counts it once connected", () => {
    const { drive, company, sales, ops, product } = build();

    // First run: no Teams table yet; one is added to Settings, below what was there.
    const settings = sheet(company, "Settings");
    const rowsBefore = settings.values().length;
    expect(rollUp(company)[0]).toMatch(/A Teams table was added to Settings \(row \d+\)/);
    const header = settings.values().findIndex((l) => l[0] === "Team" && l[1] === "Spreadsheet URL") + 1;
    expect(header).toBeGreaterThan(rowsBefore);
    settings.fill(
      [
        ["Sales", Drive.urlOf("team-sales-0000001")],
        ["Ops", Drive.urlOf("team-ops-000000001")],
        ["Product", Drive.urlOf("team-product-00001")],
        ["Finance", "https://example.com/not-a-sheet"],
      ],
      header + 1,
    );

    drive.allowAccess(company.spreadsheet, sales.spreadsheet);
    drive.allowAccess(company.spreadsheet, ops.spreadsheet);
    const messages = rollUp(company);
    expect(messages[0]).toContain(
      `“https://example.com/not-a-sheet” is not the URL of a Google Sheets spreadsheet`,
    );
    expect(messages[0]).toContain(`3 teams rolled up into “Company roll-up”`);

    // One hidden import sheet per team, importing its OKRs and Check-ins.
    const imports = ["Sales", "Ops", "Product"].map((team) => sheet(company, `Import · ${team}`));
    expect(imports.every((s) => s.hidden)).toBe(true);
    expect(company.spreadsheet.sheet("Import · Finance")).toBeUndefined();
    // Under the company's names for them first, else the French ones (a team working in French).
    expect(imports[0]!.peek(2, 1)!.formula).toBe(
      `=IFERROR(IMPORTRANGE(B1,"'OKRs'!A1:U"),IMPORTRANGE(B1,"'OKR'!A1:U"))`,
    );
    expect(imports[0]!.peek(2, 23)!.formula).toBe(
      `=IFERROR(IMPORTRANGE(B1,"'Check-ins'!A1:F"),IMPORTRANGE(B1,"'Points'!A1:F"))`,
    );

    const rollup = sheet(company, "Company roll-up");
    expect(rollup.hidden).toBe(false);
    // By hand. Sales O-1 = mean(50/100, 10/10) = 0.75; Ops O-1 = (100-80)/(100-50) = 0.4.
    // CO-O-1 = mean(0.75, 0.4) = 0.575: yellow. The quarter runs 2026-10-01 to 2026-12-31 and it is
    // 2026-11-16: 46 of 91 days, expected 0.5055; 0.575 / 0.5055 = 1.14 → on track.
    // CO-O-2 = Sales O-2 alone (Product is not connected): 1/4 = 0.25, red; 0.25 / 0.5055 = 0.49 → off track.
    const objectives = shown(rollup, "A1:H4");
    expect(objectives[0]).toEqual([
      "ID",
      "Company objective",
      "Teams contributing",
      "Score",
      "Band",
      "Status",
      "Last check-in",
      "Notes",
    ]);
    expect(objectives[1]!.slice(0, 6)).toEqual([
      "CO-O-1",
      "Grow in Belgium",
      "2: Sales, Ops",
      0.575,
      "Yellow",
      "On track",
    ]);
    expect(objectives[1]![3]).toBeCloseTo(0.575, 10);
    expect(dayOf(objectives[1]![6])).toBe("2026-11-12");
    expect(objectives[2]!.slice(0, 6)).toEqual([
      "CO-O-2",
      "Customers love the app",
      "1: Sales",
      0.25,
      "Red",
      "Off track",
    ]);
    expect(objectives[3]!.slice(0, 6)).toEqual(["CO-O-3", "Hire well", 0, "", "", ""]);
    expect(objectives[3]![7]).toBe("No team objective serves it.");

    const teams = shown(rollup, "J1:M4");
    expect(teams).toEqual([
      ["Team", "Connection", "Objectives this quarter", "Aligned to the company"],
      ["Sales", "Connected", 2, 2],
      ["Ops", "Connected", 1, 1],
      ["Product", "Not connected: click N4 on this sheet and press Allow access.", "", ""],
    ]);
    // N4 is Product's Connect cell: the IMPORTRANGE whose Allow access connects the pair.
    // Its range names no sheet: the team's first sheet, whatever its language.
    expect(rollup.peek(4, 14)!.formula).toBe(`=IMPORTRANGE('Import · Product'!B1,"A1")`);
    expect(company.engine!.result(rollup, 4, 14)).toEqual({
      value: "#REF!",
      error: IMPORT_MESSAGES.notConnected,
      importFrom: "team-product-00001",
    });

    // The one click: Allow access. Product now counts: CO-O-2 = mean(0.25, 1) = 0.625.
    drive.allowAccess(company.spreadsheet, product.spreadsheet);
    expect(shown(rollup, "A3:F3")[0]).toEqual([
      "CO-O-2",
      "Customers love the app",
      "2: Sales, Product",
      0.625,
      "Yellow",
      "On track",
    ]);
    expect(shown(rollup, "K4")[0]![0]).toBe("Connected");

    // Rolling up again writes each import sheet once, and the roll-up sheet once.
    company.calls.reset();
    rollUp(company);
    expect(company.calls.get("Range.setValues")).toBe(3 + 1);
    expect(company.calls.get("Spreadsheet.getRange")).toBe(3);
    expect(company.calls.get("Spreadsheet.insertSheet")).toBe(0);

    // Live: a team's check-in shows without rolling up again (Ops KR-1 reaches 60: 0.8).
    sheet(ops, "OKRs").cell(3, 14).value = 60;
    expect(shown(rollup, "D2")[0]![0]).toBeCloseTo((0.75 + 0.8) / 2, 10);
  });

  it("reads a deleted or unshared team as such, and an older template as older, never as zero", () => {
    const { drive, company, sales, ops, product } = build();
    rollUp(company);
    const settings = sheet(company, "Settings");
    const header = settings.values().findIndex((l) => l[0] === "Team") + 1;
    settings.fill(
      [
        ["Sales", Drive.urlOf("team-sales-0000001")],
        ["Ops", Drive.urlOf("team-ops-000000001")],
        ["Product", Drive.urlOf("team-product-00001")],
      ],
      header + 1,
    );
    for (const team of [sales, ops, product]) drive.allowAccess(company.spreadsheet, team.spreadsheet);
    rollUp(company);
    // A second roll-up records the day each team was first seen connected.
    rollUp(company);
    expect(dayOf(sheet(company, "Import · Ops").peek(1, 3)!.value)).toBe("2026-11-16");

    drive.unshare(ops.spreadsheet);
    // Product's spreadsheet is an older template: no Quarter column.
    sheet(product, "OKRs").fill([["Trimester?"]], 1);
    const rollup = sheet(company, "Company roll-up");
    const teams = shown(rollup, "J2:M4");
    expect(teams[1]).toEqual([
      "Ops",
      "Unreachable since it was connected on 2026-11-16: the spreadsheet was deleted or is no longer shared with you. Ask its owner, or fix its URL in Settings › Teams.",
      "",
      "",
    ]);
    expect(teams[2]![1]).toBe(
      "Older template (missing Quarter): open that spreadsheet and run OKR › Set up template. Nothing of it is counted until then.",
    );
    // Only Sales counts now: CO-O-1 = 0.75, CO-O-2 = 0.25.
    expect(shown(rollup, "C2:D3")).toEqual([
      ["1: Sales", 0.75],
      ["1: Sales", 0.25],
    ]);
  });

  it("reports a team's broken Parent, and cross-team focus, in the company's Validate", () => {
    const { drive, company, sales, ops, product } = build();
    rollUp(company);
    const settings = sheet(company, "Settings");
    const header = settings.values().findIndex((l) => l[0] === "Team") + 1;
    settings.fill(
      [
        ["Sales", Drive.urlOf("team-sales-0000001")],
        ["Ops", Drive.urlOf("team-ops-000000001")],
        ["Product", Drive.urlOf("team-product-00001")],
      ],
      header + 1,
    );
    for (const team of [sales, ops, product]) drive.allowAccess(company.spreadsheet, team.spreadsheet);
    rollUp(company);

    const messages = () => company.run<{ items: { code: string; message: string }[] }>("getFindings").items;
    expect(messages().filter((f) => f.code.startsWith("rollup-"))).toEqual(
      [{ code: "rollup-unserved", message: expect.stringContaining("CO-O-3") }].map((m) =>
        expect.objectContaining(m),
      ),
    );

    // Sales breaks O-2's Parent; Ops aligns its objective to a Sales objective instead of the company's.
    const okrs = sheet(sales, "OKRs");
    const parentColumn = okrs.values()[0]!.indexOf("Parent") + 1;
    const o2 = okrs.values().findIndex((l) => l[1] === "O-2") + 1;
    okrs.cell(o2, parentColumn).value = "CO-O-9";
    sheet(ops, "OKRs").cell(2, parentColumn).value = "SALES-O-1";

    const found = messages().filter((f) => f.code.startsWith("rollup-"));
    expect(found.map((f) => f.message)).toEqual([
      "Sales O-2: its Parent CO-O-9 is not a company objective of this quarter.",
      "Ops O-1: its Parent SALES-O-1 is a team objective of Sales. A team objective aligns to a company objective (CO-O-1), not to another team's.",
      "Company objective CO-O-3 “Hire well”: no team objective serves it.",
    ]);
    // In the team spreadsheet, a Parent of another spreadsheet (CO-O-1) is not "unknown".
    const teamFindings = sales.run<{ items: { code: string }[] }>("getFindings").items.map((f) => f.code);
    expect(teamFindings).not.toContain("unknown-company-objective");
  });

  it("reviews the quarter for the whole company: the company's objectives and every connected team's", () => {
    const { drive, company, sales, ops } = build();
    rollUp(company);
    const settings = sheet(company, "Settings");
    const header = settings.values().findIndex((l) => l[0] === "Team") + 1;
    settings.fill(
      [
        ["Sales", Drive.urlOf("team-sales-0000001")],
        ["Ops", Drive.urlOf("team-ops-000000001")],
        ["Product", Drive.urlOf("team-product-00001")],
      ],
      header + 1,
    );
    for (const team of [sales, ops]) drive.allowAccess(company.spreadsheet, team.spreadsheet);
    rollUp(company);
    const { sheet: name } = company.run<{ sheet: string }>("generateReview", { team: "" });
    const review = sheet(company, name).values();
    const line = (id: string) => review.find((l) => l.includes(id));
    // The company's objective, scored from the team objectives under it: mean(0.75, 0.4).
    expect(line("O-1")).toEqual(expect.arrayContaining(["Grow in Belgium", 0.575]));
    // Team rows under their own qualified IDs; Product (not connected) brings nothing.
    expect(line("SALES-KR-1")).toEqual(expect.arrayContaining([0.5]));
    expect(line("OPS-O-1")).toEqual(expect.arrayContaining(["Open Antwerp", 0.4]));
    expect(review.some((l) => l.includes("PRODUCT-O-1"))).toBe(false);
  });

  it("keeps the manifest's scopes: nothing here reaches beyond the current spreadsheet", () => {
    const { company } = build();
    rollUp(company);
    const reached = company.calls.sequence().filter((name) => /openById|openByUrl|UrlFetchApp/.test(name));
    expect(reached).toEqual([]);
  });
});

const BRUSSELS = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Brussels" });
function dayOf(value: unknown): string {
  return value instanceof Date ? BRUSSELS.format(value) : String(value);
}
