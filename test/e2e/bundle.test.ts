import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import * as acorn from "acorn";
import ts from "typescript";
import { loadAddon, readDist, readDistFiles } from "../../dev/loader";

const ROOT = join(__dirname, "..", "..");

/**
 * The names the two server entries export (src/server/resident.ts, Code.js's own, and
 * src/server/main.ts, the app's), read from their source independently of the build script.
 */
function entryExports(): string[] {
  return ["src/server/resident.ts", "src/server/main.ts"].flatMap((path) => {
    const file = join(ROOT, path);
    const source = ts.createSourceFile(file, readFileSync(file, "utf8"), ts.ScriptTarget.ES2020, true);
    return source.statements.flatMap((s) =>
      ts.isFunctionDeclaration(s) &&
      s.name &&
      s.modifiers?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword)
        ? [s.name.text]
        : [],
    );
  });
}

describe("dist/Code.js", () => {
  const code = readDist("Code.js");
  const comments: acorn.Comment[] = [];
  // ecmaVersion 2020 rejects class fields, `??=` and other syntax Apps Script may not take.
  const program = acorn.parse(code, {
    ecmaVersion: 2020,
    sourceType: "script",
    onComment: comments,
    locations: true,
  });

  it("has no import or export", () => {
    expect(program.body.some((n) => n.type.startsWith("Import") || n.type.startsWith("Export"))).toBe(false);
  });

  it("declares exactly the entry's exports at the top level", () => {
    const declared = program.body.flatMap((node) => {
      if (node.type === "FunctionDeclaration") return [node.id.name];
      if (node.type === "VariableDeclaration")
        return node.declarations.map((d) => (d.id as acorn.Identifier).name);
      if (node.type === "ClassDeclaration") return [node.id.name];
      return [];
    });
    expect(declared.sort()).toEqual(entryExports().sort());
  });

  it("gives every custom formula's stub its JSDoc with @customfunction and @params", () => {
    const formulas = entryExports().filter((name) => /^[A-Z0-9]+$/.test(name));
    expect(formulas).toContain("KRSCORE");
    for (const name of formulas) {
      const fn = program.body.find(
        (n): n is acorn.FunctionDeclaration => n.type === "FunctionDeclaration" && n.id.name === name,
      );
      expect(fn).toBeDefined();
      const doc = comments.find((c) => c.type === "Block" && c.loc!.end.line === fn!.loc!.start.line - 1);
      expect(doc?.value).toContain("@customfunction");
      for (const param of fn!.params) {
        const name = ((param.type === "RestElement" ? param.argument : param) as acorn.Identifier).name;
        expect(doc?.value).toMatch(new RegExp(`@param \\{[^}]+\\} \\[?${name}\\]?`));
      }
    }
  });

  it("loads in a fresh vm and exposes only the entry's functions", () => {
    const addon = loadAddon();
    const builtins = new Set(Object.getOwnPropertyNames(globalThis));
    const own = addon.functionNames().filter((name) => !builtins.has(name));
    expect(own.sort()).toEqual(entryExports().sort());
  });
});

describe("the build", () => {
  it("writes the manifest with V8, Stackdriver logging and exactly the three narrow scopes", () => {
    const manifest = JSON.parse(readDist("appsscript.json"));
    expect(manifest).toMatchObject({ runtimeVersion: "V8", exceptionLogging: "STACKDRIVER" });
    expect(typeof manifest.timeZone).toBe("string");
    expect(manifest.oauthScopes.sort()).toEqual([
      "https://www.googleapis.com/auth/script.container.ui",
      "https://www.googleapis.com/auth/spreadsheets.currentonly",
      // Who checked in: the email, when Google shares it (non-sensitive).
      "https://www.googleapis.com/auth/userinfo.email",
    ]);
  });

  it("builds the add-on menu under Extensions with --menu=addon", () => {
    const outdir = mkdtempSync(join(tmpdir(), "okr-addon-"));
    execFileSync(process.execPath, [join(ROOT, "scripts/build.mjs"), "--menu=addon", `--outdir=${outdir}`]);
    const addon = loadAddon({
      code: readFileSync(join(outdir, "Code.js"), "utf8"),
      files: readDistFiles(outdir),
    });
    addon.run("onOpen", { authMode: "FULL" });
    expect(addon.calls.get("Ui.createAddonMenu")).toBe(1);
    expect(addon.calls.get("Ui.createMenu")).toBe(0);
    expect(addon.ui.menus[0]?.kind).toBe("addon");
  });

  it("keeps .clasp.json pointing at dist without an empty scriptId", () => {
    const clasp = JSON.parse(readFileSync(join(ROOT, ".clasp.json"), "utf8"));
    expect(clasp.rootDir).toBe("dist");
    if ("scriptId" in clasp) expect(clasp.scriptId).not.toBe("");
  });
});

describe("dist/Sidebar.html", () => {
  const html = readDist("Sidebar.html");

  it("is self-contained: no external scripts or stylesheets", () => {
    expect(html).not.toMatch(/<script[^>]+src=/i);
    expect(html).not.toMatch(/<link[^>]+stylesheet/i);
    expect(html).toMatch(/<style>[\s\S]+<\/style>/);
  });

  it("has exactly one closing script tag (inlined code cannot end the element early)", () => {
    expect(html.match(/<\/script/gi)).toHaveLength(1);
  });
});
