/**
 * The company roll-up, on the built bundle, with what a real company brings: teams whose
 * spreadsheet is in the other language (a French team under an English company, an English team
 * under a French company), and teams taken out of the Teams table.
 */
import { Drive, type FakeSheet, World } from "../../dev/gas";
import { addCheckins, addOkrs, COMPANY_EXAMPLE, fillCompanyExample } from "../../dev/company-example";
import { type LoadedAddon, loadAddon } from "../../dev/loader";
import { OKRS } from "../../src/core/schema";
import { SETTING_DEFS } from "../../src/core/setting-rows";

const NOW = "2026-11-16T09:00:00Z";

function spreadsheet(
  drive: Drive,
  id: string,
  name: string,
  lang: "en" | "fr",
  userLang: "en" | "fr" = lang,
): LoadedAddon {
  const addon = loadAddon({
    world: new World({
      drive,
      spreadsheetId: id,
      name,
      timeZone: "Europe/Brussels",
      locale: lang === "fr" ? "fr_BE" : "en_US",
    }),
    locale: userLang,
    now: NOW,
  });
  addon.run("setUpTemplate"); // the example quarter is declined
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

/** Sets a Settings value of a French spreadsheet by its label, as a person typing it. */
function setFrenchSetting(addon: LoadedAddon, key: string, value: unknown): void {
  const label = SETTING_DEFS.find((row) => row.key === key)!.label.fr;
  const settings = sheet(addon, "Paramètres");
  const row = settings.values().findIndex((line) => line[0] === label) + 1;
  if (row === 0) throw new Error(`no setting ${label}`);
  settings.fill([[label, value]], row);
}

/** Appends French OKR rows: [ID, Type, Level, Team, Parent, Title, Metric, Baseline, Target, Current]. */
function addFrenchOkrs(addon: LoadedAddon, rows: unknown[][]): void {
  const okrs = sheet(addon, "OKR");
  const header = okrs.values()[0]!;
  const at = (key: string) => header.indexOf(OKRS.columns.find((c) => c.key === key)!.header.fr);
  const lines = rows.map(([id, type, level, team, parent, title, metric, baseline, target, current]) => {
    const line: unknown[] = Array.from({ length: header.length }, () => "");
    const set = (key: string, value: unknown) => (line[at(key)] = value ?? "");
    set("quarter", "2026 T4");
    set("id", id);
    set("type", type);
    set("level", level);
    set("team", team);
    set("parent", parent);
    set("title", title);
    set("owner", type === "Objectif" ? "Maxime" : "");
    set("kind", type === "Objectif" ? "Ambitieux" : "");
    set("metric", metric);
    set("baseline", baseline);
    set("target", target);
    set("current", current);
    return line;
  });
  okrs.fill(lines, okrs.lastRow() + 1);
}

function rollUp(company: LoadedAddon) {
  const before = company.ui.dialogs.length;
  company.run("rollUpTeams");
  return company.ui.dialogs.slice(before).map((d) => d.message);
}

/** Lists the teams in the company's Teams table (added by a first Roll up teams). */
function listTeams(company: LoadedAddon, settingsName: string, teams: [string, string][]): void {
  rollUp(company);
  const settings = sheet(company, settingsName);
  const header = settings.values().findIndex((l) => l[0] === "Team" || l[0] === "Équipe") + 1;
  settings.fill(teams, header + 1);
}

describe("a team whose spreadsheet is in the other language", () => {
  it("is rolled up into an English company: its objectives, scores, check-ins and Parent links", () => {
    const drive = new Drive();
    const [company, sales, ops] = COMPANY_EXAMPLE.slice(0, 3).map(({ id, name }) =>
      spreadsheet(drive, id, name, "en"),
    );
    // Product works in French: tabs "OKR", "Points", "Paramètres".
    const produit = spreadsheet(drive, COMPANY_EXAMPLE[3].id, "Produit", "fr");
    // The company, Sales and Ops of the company example; Product's OKRs in French.
    setSettingEn(company!, "ID prefix", "CO");
    addOkrs(company!, [
      ["O-1", "Objective", "Company", "Company", "", "Grow in Belgium"],
      ["O-2", "Objective", "Company", "Company", "", "Customers love the app"],
    ]);
    setSettingEn(sales!, "ID prefix", "SALES");
    addOkrs(sales!, [
      ["O-1", "Objective", "Team", "Sales", "CO-O-1", "Win Brussels"],
      [
        "KR-1",
        "Key result",
        "",
        "Sales",
        "O-1",
        "Grow paying customers from 0 to 100",
        "Increase",
        0,
        100,
        50,
      ],
      ["O-2", "Objective", "Team", "Sales", "CO-O-2", "Happy Brussels drivers"],
      ["KR-3", "Key result", "", "Sales", "O-2", "Grow the app rating from 0 to 4", "Increase", 0, 4, 1],
    ]);
    addCheckins(sales!, [["2026-11-09", "KR-1", 50]]);
    addOkrs(ops!, [
      ["O-1", "Objective", "Team", "Ops", "CO-O-1", "Open Antwerp"],
      ["KR-1", "Key result", "", "Ops", "O-1", "Reduce setup days from 100 to 50", "Decrease", 100, 50, 80],
    ]);
    addFrenchOkrs(produit, [
      ["O-1", "Objectif", "Équipe", "Produit", "CO-O-2", "Une appli qu'on aime"],
      ["KR-1", "Résultat clé", "", "Produit", "O-1", "Passer de 0 à 4 utilisateurs", "Augmenter", 0, 4, 3],
      ["O-2", "Objectif", "Équipe", "Produit", "CO-O-9", "Un lien cassé"],
    ]);
    sheet(produit, "Points").fill([["2026-11-14", "KR-1", 3, 7, "", "ada@example.com"]], 2);

    listTeams(company!, "Settings", [
      ["Sales", Drive.urlOf(COMPANY_EXAMPLE[1].id)],
      ["Ops", Drive.urlOf(COMPANY_EXAMPLE[2].id)],
      ["Produit", Drive.urlOf(COMPANY_EXAMPLE[3].id)],
    ]);
    drive.allowAccess(company!.spreadsheet, sales!.spreadsheet);
    drive.allowAccess(company!.spreadsheet, ops!.spreadsheet);
    rollUp(company!);

    // Not connected yet: said so, and its Connect cell offers Allow access.
    const rollup = sheet(company!, "Company roll-up");
    expect(shown(rollup, "K4")[0]![0]).toBe("Not connected: click N4 on this sheet and press Allow access.");
    expect(company!.engine!.result(rollup, 4, 14).importFrom).toBe(COMPANY_EXAMPLE[3].id);
    drive.allowAccess(company!.spreadsheet, produit.spreadsheet);
    // Connected, the Connect cell shows A1 of the team's first sheet (its blank Sheet1), not an error.
    expect(company!.engine!.result(rollup, 4, 14)).toEqual({ value: "" });

    expect(shown(rollup, "J2:M4")).toEqual([
      ["Sales", "Connected", 2, 2],
      ["Ops", "Connected", 1, 1],
      ["Produit", "Connected", 2, 1],
    ]);
    // CO-O-2 = mean(Sales O-2 0.25, Produit O-1 3/4 = 0.75) = 0.5; last check-in Produit's 2026-11-14.
    const co2 = shown(rollup, "A3:G3")[0]!;
    expect(co2.slice(0, 3)).toEqual(["CO-O-2", "Customers love the app", "2: Sales, Produit"]);
    expect(co2[3]).toBeCloseTo(0.5, 10);
    expect(co2[6]).toBeInstanceOf(Date);
    expect(BRUSSELS.format(co2[6] as Date)).toBe("2026-11-14");

    // Validate in the company reads the French team's Parent links too.
    const findings = company!
      .run<{ items: { code: string; message: string }[] }>("getFindings")
      .items.filter((f) => f.code.startsWith("rollup-"))
      .map((f) => f.message);
    expect(findings).toContain("Produit O-2: its Parent CO-O-9 is not a company objective of this quarter.");

    // The company's review takes in the French team's rows, under its name from the Teams table.
    const { sheet: name } = company!.run<{ sheet: string }>("generateReview", { team: "" });
    const review = sheet(company!, name).values();
    expect(review.find((l) => l.includes("PRODUIT-O-1"))).toEqual(
      expect.arrayContaining(["Une appli qu'on aime", 0.75]),
    );
    expect(review.find((l) => l.includes("PRODUIT-KR-1"))).toEqual(expect.arrayContaining([0.75]));
  });

  it("is rolled up into a French company: an English team's objectives count", () => {
    const drive = new Drive();
    const entreprise = spreadsheet(drive, COMPANY_EXAMPLE[0].id, "Acme", "fr");
    const sales = spreadsheet(drive, COMPANY_EXAMPLE[1].id, "Sales", "en");
    setFrenchSetting(entreprise, "idPrefix", "CO");
    addFrenchOkrs(entreprise, [["O-1", "Objectif", "Entreprise", "Entreprise", "", "Grandir en Belgique"]]);
    setSettingEn(sales, "ID prefix", "SALES");
    addOkrs(sales, [
      ["O-1", "Objective", "Team", "Sales", "CO-O-1", "Win Brussels"],
      [
        "KR-1",
        "Key result",
        "",
        "Sales",
        "O-1",
        "Grow paying customers from 0 to 100",
        "Increase",
        0,
        100,
        50,
      ],
    ]);
    addCheckins(sales, [["2026-11-09", "KR-1", 50]]);

    listTeams(entreprise, "Paramètres", [["Sales", Drive.urlOf(COMPANY_EXAMPLE[1].id)]]);
    drive.allowAccess(entreprise.spreadsheet, sales.spreadsheet);
    rollUp(entreprise);

    const rollup = sheet(entreprise, "Consolidation entreprise");
    expect(shown(rollup, "J2:M2")).toEqual([["Sales", "Connectée", 1, 1]]);
    const co1 = shown(rollup, "A2:D2")[0]!;
    expect(co1.slice(0, 3)).toEqual(["CO-O-1", "Grandir en Belgique", "1: Sales"]);
    expect(co1[3]).toBeCloseTo(0.5, 10);
  });
});

describe("a team taken out of the Teams table", () => {
  /** The company example rolled up, its three teams connected; `userLang`: the company user's. */
  function company3(userLang: "en" | "fr" = "en") {
    const drive = new Drive();
    const [company, sales, ops, product] = COMPANY_EXAMPLE.map(({ id, name }, i) =>
      spreadsheet(drive, id, name, "en", i === 0 ? userLang : "en"),
    );
    fillCompanyExample({ company: company!, sales: sales!, ops: ops!, product: product! }, true);
    for (const team of [sales!, ops!, product!]) drive.allowAccess(company!.spreadsheet, team.spreadsheet);
    rollUp(company!);
    return { company: company!, sales: sales!, ops: ops!, product: product! };
  }

  /** Empties the Teams table row of a team, as a person deleting its cells. */
  function unlist(company: LoadedAddon, team: string): void {
    const settings = sheet(company, "Settings");
    const rows = settings.values();
    const at = rows.findIndex((l) => l[0] === team);
    const below = rows.slice(at + 1).filter((l) => l[0] !== "" || l[1] !== "");
    settings.fill([...below.map((l) => [l[0], l[1]]), ["", ""]], at + 1);
  }

  it("has its hidden import sheet deleted by the next Roll up teams, which says so", () => {
    const { company } = company3();
    expect(company.spreadsheet.sheet("Import · Product")).toBeDefined();
    unlist(company, "Product");

    company.calls.reset();
    const messages = rollUp(company);
    expect(company.spreadsheet.sheet("Import · Product")).toBeUndefined();
    // Its first two rows read to know it is ours (values and formulas), then the sheet deleted.
    expect(company.calls.get("Range.getFormulas")).toBe(1);
    expect(company.calls.get("Spreadsheet.deleteSheet")).toBe(1);
    expect(messages[0]).toContain(
      "Product is no longer in the Teams table: its hidden import sheet “Import · Product” was deleted, and its data no longer comes into this spreadsheet.",
    );
    expect(messages[0]).toContain("2 teams rolled up");
    // Nothing of Product is read any more: OKRTEAMS, the review, Validate.
    const rollup = sheet(company, "Company roll-up");
    expect(shown(rollup, "J2:J4")).toEqual([["Sales"], ["Ops"], [""]]);
    const { sheet: name } = company.run<{ sheet: string }>("generateReview", { team: "" });
    expect(
      sheet(company, name)
        .values()
        .some((l) => l.includes("PRODUCT-O-1")),
    ).toBe(false);
    // The others keep theirs; rolling up again deletes nothing more and says nothing of it.
    expect(company.spreadsheet.sheet("Import · Sales")).toBeDefined();
    company.calls.reset();
    expect(rollUp(company)[0]).not.toContain("no longer");
    expect(company.calls.get("Spreadsheet.getSheetByName")).toBe(1); // the roll-up sheet's, as before
    expect(company.calls.get("Range.getFormulas")).toBe(0);
    expect(company.calls.get("Spreadsheet.deleteSheet")).toBe(0);
  });

  it("leaves a sheet of that name alone when it is not an import sheet of ours", () => {
    const { company } = company3();
    // A person replaced its imports with notes of their own, under its label row.
    const own = sheet(company, "Import · Product");
    own.fill([["keep this"]], 2);
    own.fill([["and this"]], 3);
    unlist(company, "Product");
    const messages = rollUp(company);
    expect(company.spreadsheet.sheet("Import · Product")).toBe(own);
    expect(own.values()[1]![0]).toBe("keep this");
    expect(messages[0]).toContain(
      "“Import · Product” was left as it is: it is not an import sheet written by Roll up teams.",
    );
  });

  it("is said in French to a French user", () => {
    const { company } = company3("fr");
    unlist(company, "Product");
    expect(rollUp(company)[0]).toContain(
      "L'équipe Product ne figure plus dans le tableau Équipes : sa feuille d'import masquée « Import · Product » a été supprimée, et ses données n'arrivent plus dans ce classeur.",
    );
  });
});

/** Sets a Settings value of an English spreadsheet by its label. */
function setSettingEn(addon: LoadedAddon, label: string, value: unknown): void {
  const settings = sheet(addon, "Settings");
  const row = settings.values().findIndex((line) => line[0] === label) + 1;
  settings.fill([[label, value]], row);
}

const BRUSSELS = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Brussels" });
