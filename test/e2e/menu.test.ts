import { loadAddon } from "../../dev/loader";
import type { RecordedMenu } from "../../dev/gas";

function items(menu: RecordedMenu) {
  return menu.items.filter(
    (item): item is { caption: string; functionName: string } => !!item && "caption" in item,
  );
}

describe("onOpen", () => {
  it("builds the top-level OKR menu in English for an English locale", () => {
    const addon = loadAddon({ locale: "en_US" });
    addon.run("onOpen", { authMode: "LIMITED" });
    expect(addon.ui.menus).toHaveLength(1);
    const [menu] = addon.ui.menus as [RecordedMenu];
    expect(menu.kind).toBe("menu");
    expect(menu.title).toBe("OKR");
    expect(items(menu).map((i) => i.caption)).toContain("Open the OKR sidebar");
  });

  it("builds the menu in French for a French locale", () => {
    const addon = loadAddon({ locale: "fr_BE" });
    addon.run("onOpen", { authMode: "LIMITED" });
    const [menu] = addon.ui.menus as [RecordedMenu];
    expect(items(menu).map((i) => i.caption)).toEqual(
      expect.arrayContaining([
        "Préparer le modèle",
        "Ouvrir le panneau OKR",
        "Point hebdomadaire",
        "Valider",
        "Aide",
      ]),
    );
  });

  it("names only functions that exist in the bundle", () => {
    const addon = loadAddon();
    addon.run("onOpen", { authMode: "FULL" });
    const names = addon.functionNames();
    for (const item of items(addon.ui.menus[0] as RecordedMenu)) {
      expect(names).toContain(item.functionName);
    }
  });

  it("touches nothing but the Ui in AuthMode.NONE", () => {
    const addon = loadAddon({ locale: "fr" });
    addon.run("onOpen", { authMode: "NONE" });
    expect(addon.ui.menus).toHaveLength(1);
    const services = new Set(addon.calls.sequence().map((call) => call.split(".")[0]));
    expect([...services].sort()).toEqual(["Menu", "SpreadsheetApp", "Ui"]);
    expect(addon.calls.sequence().filter((c) => c.startsWith("SpreadsheetApp."))).toEqual([
      "SpreadsheetApp.getUi",
    ]);
  });

  it("runs when the add-on is installed (onInstall)", () => {
    const addon = loadAddon();
    addon.run("onInstall", { authMode: "FULL" });
    expect(addon.ui.menus).toHaveLength(1);
  });
});

describe("the sidebar menu item", () => {
  it("shows dist/Sidebar.html as a sidebar titled OKR", () => {
    const addon = loadAddon();
    addon.run("onOpen", { authMode: "FULL" });
    const item = items(addon.ui.menus[0] as RecordedMenu).find((i) => i.functionName === "openSidebar");
    expect(item).toBeDefined();
    addon.run(item!.functionName);
    expect(addon.ui.shown).toHaveLength(1);
    expect(addon.ui.shown[0]).toMatchObject({ kind: "sidebar", title: "OKR" });
    expect(addon.ui.shown[0]!.html).toContain('<div id="app">');
  });
});

describe("the help item", () => {
  it("explains the add-on in the user's language", () => {
    const addon = loadAddon({ locale: "fr" });
    addon.run("showHelp");
    expect(addon.ui.dialogs[0]?.message).toMatch(/objectifs qualitatifs/);
  });
});

describe("a menu command that fails", () => {
  it("says why in an alert under the item's title, in the user's language, instead of throwing", () => {
    const addon = loadAddon({ locale: "fr_FR" });
    addon.calls.onCount = (name) => {
      if (name === "Spreadsheet.insertSheet") throw new Error("Service Spreadsheets timed out");
    };
    addon.run("setUpTemplate");
    expect(addon.ui.dialogs.at(-1)).toMatchObject({
      kind: "alert",
      title: "Modèle OKR",
      // The error is thrown from the test's realm, so it reaches the add-on as "Error: …".
      message: expect.stringMatching(/^Une erreur est survenue : .*Service Spreadsheets timed out$/),
    });
    // Caught, the execution no longer fails in Apps Script's eyes: the log keeps the error and its stack.
    const errors = addon.logs.filter((entry) => entry.level === "error");
    expect(errors).toEqual([
      { level: "error", message: expect.stringContaining("Service Spreadsheets timed out") },
    ]);
    expect(errors[0]!.message).toMatch(/\n\s+at /);
  });

  it("logs nothing for a refusal meant for the user (the sheet busy)", () => {
    const addon = loadAddon();
    addon.run("setUpTemplate");
    addon.world.lock.holder = "bob@example.com";
    addon.run("setUpTemplate");
    expect(addon.ui.dialogs.at(-1)!.message).toMatch(/Someone else is saving/);
    expect(addon.logs.filter((entry) => entry.level === "error")).toEqual([]);
  });
});
