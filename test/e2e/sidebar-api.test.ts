import { readFileSync } from "node:fs";
import { join } from "node:path";
import ts from "typescript";
import { loadAddon } from "../../dev/loader";

/** The functions src/server/sidebar-api.ts exports, read from its source. */
function sidebarApiFunctions(): string[] {
  const file = join(__dirname, "..", "..", "src/server/sidebar-api.ts");
  const source = ts.createSourceFile(file, readFileSync(file, "utf8"), ts.ScriptTarget.ES2020, true);
  return source.statements.flatMap((s) =>
    ts.isFunctionDeclaration(s) && s.name && s.modifiers?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword)
      ? [s.name.text]
      : [],
  );
}

describe("the sidebar API", () => {
  it("is global in the built bundle, every function of it (google.script.run can reach them)", () => {
    const api = sidebarApiFunctions();
    expect(api).toEqual(expect.arrayContaining(["getSidebarContext", "getWizardContext", "insertDraft"]));
    const globals = loadAddon().functionNames();
    expect(api.filter((name) => !globals.includes(name))).toEqual([]);
  });
});
