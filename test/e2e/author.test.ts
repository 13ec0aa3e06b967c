import { SCOPE, World } from "../../dev/gas";
import { type LoadedAddon, loadAddon, readDist } from "../../dev/loader";

/**
 * The Author of a check-in is never silently empty: the email when Google shares it, else the name
 * the person chose in the view (remembered per user), and with neither the save is refused.
 */
const NOW = "2026-11-15T10:00:00Z";

interface View {
  author: { email: string; name: string };
  owners: string[];
}

function setUp(options: { email?: string; user?: string; world?: World; locale?: string } = {}): LoadedAddon {
  const addon = loadAddon({ now: NOW, locale: options.locale ?? "en", ...options });
  if (!options.world || options.world.spreadsheet.allSheets().length === 1) {
    addon.ui.answers.push({ button: "YES" }, { button: "OK", text: "Set-up person" });
    addon.run("setUpTemplate");
  }
  return addon;
}

/** The Author column of the Check-ins log, oldest first. */
function authors(addon: LoadedAddon): unknown[] {
  const [header, ...rows] = addon.spreadsheet.sheet("Check-ins")!.values();
  const at = header!.indexOf("Author");
  return rows.map((r) => r[at]);
}

const entry = { krId: "KR-1", value: 160 };

describe("who checked in", () => {
  it("is the email when Google shares it, whatever name is sent", () => {
    const addon = setUp({ email: "ada@example.com" });
    expect(addon.run<View>("getCheckins", {}).author).toEqual({ email: "ada@example.com", name: "" });
    addon.run("saveCheckins", { entries: [entry], author: "Someone else" });
    expect(authors(addon).at(-1)).toBe("ada@example.com");
  });

  it("asks for a name when Google gives a blank email, and writes nothing until it has one", () => {
    const world = new World({ timeZone: "Europe/Brussels" });
    setUp({ world, email: "ada@example.com" });
    const addon = setUp({ world, email: "", user: "julien" });
    const view = addon.run<View>("getCheckins", {});
    expect(view.author).toEqual({ email: "", name: "" });
    expect(view.owners.length).toBeGreaterThan(0); // the names the view offers
    const before = authors(addon).length;
    expect(() => addon.run("saveCheckins", { entries: [entry] })).toThrow(
      "Nothing was saved: Google does not share your email here, so say who is checking in",
    );
    expect(() => addon.run("saveCheckins", { entries: [entry], author: "   " })).toThrow(
      /say who is checking in/,
    );
    expect(authors(addon)).toHaveLength(before);

    addon.run("saveCheckins", { entries: [entry], author: " Julien " });
    expect(authors(addon).at(-1)).toBe("Julien");
  });

  it("remembers the chosen name per user, and uses it when the view sends none", () => {
    const world = new World({ timeZone: "Europe/Brussels" });
    setUp({ world, email: "ada@example.com" });
    const julien = setUp({ world, email: "", user: "julien" });
    julien.run("saveCheckins", { entries: [entry], author: "Julien" });
    const sofia = setUp({ world, email: "", user: "sofia" });
    expect(sofia.run<View>("getCheckins", {}).author.name).toBe("");
    sofia.run("saveCheckins", { entries: [entry], author: "Sofia" });

    const julienAgain = setUp({ world, email: "", user: "julien" });
    expect(julienAgain.run<View>("getCheckins", {}).author).toEqual({ email: "", name: "Julien" });
    julienAgain.run("saveCheckins", { entries: [{ krId: "KR-2", value: 3 }] });
    expect(authors(julienAgain).slice(-3)).toEqual(["Julien", "Sofia", "Julien"]);
  });

  it("treats a manifest without userinfo.email like a blank email: it asks", () => {
    const manifest = JSON.parse(readDist("appsscript.json")) as { oauthScopes: string[] };
    const oauthScopes = manifest.oauthScopes.filter((s) => s !== SCOPE.userEmail);
    const addon = loadAddon({ now: NOW, locale: "en", manifest: { oauthScopes } });
    addon.ui.answers.push({ button: "YES" }, { button: "OK", text: "Ada" });
    addon.run("setUpTemplate");
    expect(addon.run<View>("getCheckins", {}).author).toEqual({ email: "", name: "Ada" });
  });

  it("says so in French", () => {
    const world = new World({ timeZone: "Europe/Brussels", locale: "fr_FR" });
    setUp({ world, email: "ada@example.com", locale: "fr" });
    const addon = setUp({ world, email: "", user: "julien", locale: "fr" });
    expect(() => addon.run("saveCheckins", { entries: [entry] })).toThrow(
      /Rien n'a été enregistré : Google ne communique pas votre adresse électronique ici/,
    );
  });
});

describe("the example quarter's author at set-up", () => {
  it("is the email when Google shares it, without asking", () => {
    const addon = setUp({ email: "ada@example.com" });
    expect(addon.ui.dialogs.filter((d) => d.kind === "prompt")).toHaveLength(0);
    expect(new Set(authors(addon))).toEqual(new Set(["ada@example.com"]));
  });

  it("is the name asked for when the email is blank, and that name is remembered", () => {
    const addon = setUp({ email: "", user: "max" });
    expect(addon.ui.dialogs.find((d) => d.kind === "prompt")).toMatchObject({ title: "Who is setting up?" });
    expect(new Set(authors(addon))).toEqual(new Set(["Set-up person"]));
    expect(addon.run<View>("getCheckins", {}).author.name).toBe("Set-up person");
  });

  it("is 'Example' when the person declines to give a name, never empty", () => {
    const addon = loadAddon({ now: NOW, locale: "en", email: "" });
    addon.ui.answers.push({ button: "YES" }, { button: "CANCEL" });
    addon.run("setUpTemplate");
    expect(new Set(authors(addon))).toEqual(new Set(["Example"]));
  });
});
