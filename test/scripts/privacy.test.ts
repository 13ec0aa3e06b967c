import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { readDist } from "../../dev/loader";

const ROOT = join(__dirname, "..", "..");
const read = (file: string) => readFileSync(join(ROOT, file), "utf8");

/** Every .ts file under a folder of the repository. */
function sources(dir: string): { file: string; text: string }[] {
  return readdirSync(join(ROOT, dir), { recursive: true, encoding: "utf8" })
    .filter((file) => file.endsWith(".ts"))
    .map((file) => ({ file: join(dir, file), text: read(join(dir, file)) }));
}

const SRC = sources("src");
const privacy = read("docs/privacy.md");

// The privacy policy promises what the add-on stores and that nothing leaves the spreadsheet; these
// tests fail when the code stores something new, asks for a new scope or reaches the network.
describe("docs/privacy.md", () => {
  it("names every key the add-on stores in properties or in the browser's storage", () => {
    // Keys are constants: FILTER_PROPERTY = "okr.checkin.filter", STORAGE_KEY = "okr-sheets.wizard.v1"…
    // (a key built per spreadsheet is named here by its fixed part).
    const keys = SRC.flatMap(({ text }) =>
      [...text.matchAll(/const \w*(?:PROPERTY|STORAGE_KEY)\w* = ["'`]([^"'`$]+)/g)].map((m) => m[1]!),
    );
    expect(keys.length).toBeGreaterThanOrEqual(5);
    for (const key of keys) expect(privacy).toContain(`\`${key}`);
  });

  it("stores only under those named keys", () => {
    // Each read or write of a property or of local storage names its key with such a constant
    // (or builds it from one); Workbook.setProperty(name) is the one generic writer.
    const calls = SRC.flatMap(({ file, text }) =>
      [
        ...text.matchAll(
          /\.(?:set|get|delete)Property\(\s*([^,)]*)|\.(?:set|get|remove)Item\(\s*([^,)]*)|\bwb\.property\(\s*([^,)]*)/g,
        ),
      ].map((m) => ({ file, key: (m[1] ?? m[2] ?? m[3])!.trim() })),
    );
    expect(calls.length).toBeGreaterThanOrEqual(10);
    // A constant, a template built from one, or a variable or function named for what it holds
    // (draftKey, viewProperty()) whose fixed part is such a constant.
    const named =
      /^(?:[A-Z][A-Z_]*(?:PROPERTY|KEY)|`\$\{[A-Z][A-Z_]*(?:PROPERTY|KEY)\}|[a-z]\w*(?:Key|Property)\(?\)?$)/;
    const unnamed = calls.filter(
      ({ file, key }) => !named.test(key) && !(file.endsWith("workbook.ts") && key === "name"),
    );
    expect(unnamed).toEqual([]);
  });

  it("explains every scope of the manifest, as do the README and docs/deploy.md", () => {
    const scopes = (JSON.parse(read("appsscript.json")) as { oauthScopes: string[] }).oauthScopes;
    expect(scopes.length).toBeGreaterThan(0);
    for (const scope of scopes) {
      const name = scope.replace("https://www.googleapis.com/auth/", "");
      expect(privacy).toContain(`\`${name}\``);
      expect(read("README.md")).toContain(name);
      expect(read("docs/deploy.md")).toContain(scope);
    }
  });
});

describe("nothing leaves the spreadsheet", () => {
  it("has no network, mail or Drive call in the source", () => {
    const outward =
      /\b(UrlFetchApp|MailApp|GmailApp|DriveApp|XMLHttpRequest|WebSocket|EventSource|sendBeacon)\b|\bfetch\(/;
    expect(SRC.filter(({ text }) => outward.test(text)).map(({ file }) => file)).toEqual([]);
  });

  it("builds a sidebar that loads nothing from outside (the only URL is the SVG namespace)", () => {
    const urls = new Set(readDist("Sidebar.html").match(/https?:\/\/[^\s"'`)<>]+/g) ?? []);
    expect([...urls]).toEqual(["http://www.w3.org/2000/svg"]);
  });
});
