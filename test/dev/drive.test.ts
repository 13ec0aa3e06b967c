import { Drive, IMPORT_MESSAGES, World } from "../../dev/gas";
import { loadAddon } from "../../dev/loader";

/** Several spreadsheets on one Drive, and IMPORTRANGE between them as Sheets behaves. */
describe("IMPORTRANGE between spreadsheets of the offline Drive", () => {
  function twoFiles() {
    const drive = new Drive();
    const team = loadAddon({ world: new World({ drive, spreadsheetId: "team-sales-0001", name: "Sales" }) });
    const company = loadAddon({
      world: new World({ drive, spreadsheetId: "company-0001", name: "Company" }),
    });
    team.spreadsheet.sheet("Sheet1")!.fill([
      ["ID", "Score"],
      ["O-1", 0.5],
    ]);
    const url = Drive.urlOf("team-sales-0001");
    const sheet = company.spreadsheet.sheet("Sheet1")!;
    sheet.fill([[url, `=IMPORTRANGE(A1,"Sheet1!A1:B")`]]);
    const shown = () => ({
      value: sheet.shownValue(1, 2),
      error: company.engine!.result(sheet, 1, 2).error,
    });
    return { drive, team, company, sheet, shown };
  }

  it("shows #REF! asking for Allow access until the pair is connected, then the live values", () => {
    const { drive, team, company, sheet, shown } = twoFiles();
    expect(shown()).toEqual({ value: "#REF!", error: IMPORT_MESSAGES.notConnected });
    expect(company.engine!.result(company.spreadsheet.sheet("Sheet1")!, 1, 2).importFrom).toBe(
      "team-sales-0001",
    );
    drive.allowAccess(company.spreadsheet, team.spreadsheet);
    expect(sheet.range("A1:C2").api.getValues()).toEqual([
      [Drive.urlOf("team-sales-0001"), "ID", "Score"],
      ["", "O-1", 0.5],
    ]);
    // A change in the source shows in the destination, without touching the destination.
    team.spreadsheet.sheet("Sheet1")!.fill([["O-1", 0.75]], 2);
    expect(sheet.shownValue(2, 3)).toBe(0.75);
  });

  it("says a deleted source and an unshared source apart from a missing connection", () => {
    const { drive, team, company, shown } = twoFiles();
    drive.allowAccess(company.spreadsheet, team.spreadsheet);
    drive.unshare(team.spreadsheet);
    expect(shown()).toEqual({ value: "#REF!", error: IMPORT_MESSAGES.noAccess });
    drive.delete(team.spreadsheet);
    expect(shown()).toEqual({ value: "#REF!", error: IMPORT_MESSAGES.notFound });
  });

  it("answers #REF! for a range the source does not have, and never reads another spreadsheet's cells without a URL", () => {
    const { drive, team, company, sheet } = twoFiles();
    drive.allowAccess(company.spreadsheet, team.spreadsheet);
    sheet.fill([[Drive.urlOf("team-sales-0001"), `=IMPORTRANGE(A1,"Nope!A1:B")`]]);
    expect(sheet.shownValue(1, 2)).toBe("#REF!");
    expect(company.engine!.result(sheet, 1, 2).error).toBe(`${IMPORT_MESSAGES.badRange}Nope!A1:B`);
    sheet.fill([[""]]);
    expect(company.engine!.result(sheet, 1, 2)).toEqual({ value: "#REF!", error: IMPORT_MESSAGES.notFound });
  });

  it("imports through IFERROR the first range that works, offers no Allow access inside it, and imports a first sheet without its name", () => {
    const { drive, team, company, sheet } = twoFiles();
    const formula = `=IFERROR(IMPORTRANGE(A1,"Nope!A1:B"),IMPORTRANGE(A1,"Sheet1!A1:B"))`;
    sheet.fill([[Drive.urlOf("team-sales-0001"), formula, "", `=IMPORTRANGE(A1,"A1")`]]);
    // Not connected: both imports fail; the cell shows the second's #REF!, with no Allow access of
    // its own (IFERROR handled what failed). The bare IMPORTRANGE beside it offers it.
    expect(company.engine!.result(sheet, 1, 2)).toEqual({
      value: "#REF!",
      error: IMPORT_MESSAGES.notConnected,
    });
    expect(company.engine!.result(sheet, 1, 4).importFrom).toBe("team-sales-0001");
    drive.allowAccess(company.spreadsheet, team.spreadsheet);
    expect(sheet.range("B1:C2").api.getValues()).toEqual([
      ["ID", "Score"],
      ["O-1", 0.5],
    ]);
    expect(sheet.shownValue(1, 4)).toBe("ID");
    // The first range that works wins; a value that is not an error passes through whole.
    sheet.fill([[Drive.urlOf("team-sales-0001"), `=IFERROR(IMPORTRANGE(A1,"Sheet1!B1:B"),"none")`]]);
    expect(sheet.range("B1:B2").api.getValues()).toEqual([["Score"], [0.5]]);
    sheet.fill([[Drive.urlOf("team-sales-0001"), `=IFERROR(IMPORTRANGE(A1,"Nope!A1"))`]]);
    expect(company.engine!.result(sheet, 1, 2)).toEqual({ value: "" });
  });

  it("hides a sheet but never the last visible one", () => {
    const { company } = twoFiles();
    const ss = company.spreadsheet.api;
    const extra = ss.insertSheet("Import");
    extra.hideSheet();
    expect(extra.isSheetHidden()).toBe(true);
    expect(() => ss.getSheets()[0]!.hideSheet()).toThrow("You can't hide all the sheets in a document.");
  });
});
