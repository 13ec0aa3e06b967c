import { createRuntime, METHOD_SCOPES, SCOPE } from "../../dev/gas";
import { loadAddon, readDist } from "../../dev/loader";

const MANIFEST = JSON.parse(readDist("appsscript.json")) as { oauthScopes: string[] };

type Globals = Record<string, Record<string, (...args: unknown[]) => unknown>>;

function globalsWith(oauthScopes?: string[]): Globals {
  return createRuntime({ manifest: oauthScopes ? { oauthScopes } : {} }).globals as unknown as Globals;
}

describe("OAuth scopes in the offline runtime", () => {
  it("cites Google's reference for every method it guards", () => {
    expect(METHOD_SCOPES.size).toBeGreaterThan(10);
    for (const [method, rule] of METHOD_SCOPES) {
      expect(method).toMatch(/^[A-Za-z]+\.[a-zA-Z]+$/);
      expect(rule.source).toMatch(/^https:\/\/developers\.google\.com\/apps-script\/reference\//);
      for (const scope of rule.anyOf) expect(Object.values(SCOPE)).toContain(scope);
    }
    // What the add-on itself calls is in the table, so a scope it needs cannot go unnoticed.
    for (const method of ["Session.getActiveUser", "SpreadsheetApp.getActiveSpreadsheet", "Ui.showSidebar"]) {
      expect(METHOD_SCOPES.get(method)?.anyOf.length).toBeGreaterThan(0);
    }
    for (const method of [
      "PropertiesService.getUserProperties",
      "LockService.getDocumentLock",
      "HtmlService.createHtmlOutputFromFile",
    ]) {
      expect(METHOD_SCOPES.get(method)?.anyOf).toEqual([]);
    }
  });

  it("refuses with Apps Script's own message what the add-on's manifest does not declare", () => {
    const g = globalsWith(MANIFEST.oauthScopes);
    const refused: [string, () => unknown, string][] = [
      [
        "SpreadsheetApp.openById",
        () => g.SpreadsheetApp!.openById!("fake-spreadsheet-id"),
        SCOPE.spreadsheets,
      ],
      [
        "SpreadsheetApp.openByUrl",
        () => g.SpreadsheetApp!.openByUrl!("https://docs.google.com/spreadsheets/d/fake-spreadsheet-id/edit"),
        SCOPE.spreadsheets,
      ],
      ["ScriptApp.newTrigger", () => g.ScriptApp!.newTrigger!("onOpen"), SCOPE.scriptApp],
      ["ScriptApp.getProjectTriggers", () => g.ScriptApp!.getProjectTriggers!(), SCOPE.scriptApp],
      ["UrlFetchApp.fetch", () => g.UrlFetchApp!.fetch!("https://example.com"), SCOPE.externalRequest],
      ["MailApp.sendEmail", () => g.MailApp!.sendEmail!("a@example.com", "s", "b"), SCOPE.sendMail],
      ["GmailApp.sendEmail", () => g.GmailApp!.sendEmail!("a@example.com", "s", "b"), SCOPE.gmail],
    ];
    for (const [method, call, scope] of refused) {
      expect(call).toThrow(`You do not have permission to call ${method}. Required permissions: ${scope}`);
    }
  });

  it("allows what the manifest declares: the current spreadsheet, its UI and the user's email", () => {
    const g = globalsWith(MANIFEST.oauthScopes);
    expect(() => g.SpreadsheetApp!.getActiveSpreadsheet!()).not.toThrow();
    const user = g.Session!.getActiveUser!() as { getEmail(): string };
    expect(user.getEmail()).toBe("ada@example.com");
  });

  it("refuses the user's email without userinfo.email, and allows everything without oauthScopes", () => {
    const narrow = globalsWith([SCOPE.spreadsheetsCurrentOnly, SCOPE.containerUi]);
    expect(() => narrow.Session!.getActiveUser!()).toThrow(
      "You do not have permission to call Session.getActiveUser. Required permissions: " + SCOPE.userEmail,
    );
    // No explicit scopes: Apps Script detects them from the code, so nothing is refused.
    const detected = globalsWith(undefined);
    expect(() => detected.ScriptApp!.newTrigger!("onOpen")).not.toThrow();
    expect(detected.SpreadsheetApp!.openById!("fake-spreadsheet-id")).toBeDefined();
  });

  it("runs the built bundle under the manifest it is given: without the spreadsheet scope nothing reads", () => {
    const addon = loadAddon({ manifest: { oauthScopes: [SCOPE.containerUi] } });
    expect(() => addon.run("getCheckins")).toThrow(/spreadsheets\.currentonly|permission/);
  });
});
