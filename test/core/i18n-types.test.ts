/**
 * The catalogue's guards are the type checker's: these fixtures break them on purpose and must be
 * refused. A fixture is type-checked in memory against the real src/core/i18n.
 */
import { join } from "node:path";
import ts from "typescript";

const ROOT = join(__dirname, "..", "..");
const FIXTURE = join(ROOT, "src", "core", "i18n", "__fixture__.ts");

/** The type errors of one fixture module placed in src/core/i18n. */
function typeErrors(code: string): string[] {
  const options: ts.CompilerOptions = {
    target: ts.ScriptTarget.ES2020,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    strict: true,
    noEmit: true,
    skipLibCheck: true,
    types: [],
  };
  const host = ts.createCompilerHost(options);
  const readFile = host.readFile.bind(host);
  host.readFile = (file) => (file === FIXTURE ? code : readFile(file));
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (file, language, ...rest) =>
    file === FIXTURE
      ? ts.createSourceFile(file, code, language, true)
      : getSourceFile(file, language, ...rest);
  const program = ts.createProgram([FIXTURE], options, host);
  return ts
    .getPreEmitDiagnostics(program, program.getSourceFile(FIXTURE))
    .map((d) => ts.flattenDiagnosticMessageText(d.messageText, "\n"));
}

describe("the typed message catalogue", () => {
  it("accepts a message in both languages, asked for with its parameters", () => {
    expect(
      typeErrors(`
        import { messages } from "./define";
        import { t } from "./index";
        export const ok = messages({ "x.hello": "Hello {name}" }, { "x.hello": "Bonjour {name}" });
        export const text = t("en", "review.title", { quarter: "2026-Q4" });
      `),
    ).toEqual([]);
  });

  it("refuses a message missing in French", () => {
    const errors = typeErrors(`
      import { messages } from "./define";
      export const missing = messages({ "x.a": "A", "x.b": "B" }, { "x.a": "A" });
    `);
    expect(errors.join("\n")).toMatch(/x\.b/);
  });

  it("refuses a French message that English does not have", () => {
    const errors = typeErrors(`
      import { messages } from "./define";
      export const extra = messages({ "x.a": "A" }, { "x.a": "A", "x.b": "B" });
    `);
    expect(errors.join("\n")).toMatch(/x\.b/);
  });

  it("refuses t() on a key that no catalogue has, instead of answering the key", () => {
    const errors = typeErrors(`
      import { t } from "./index";
      export const text = t("en", "review.noSuchMessage");
    `);
    // TypeScript words it as a failed overload ("Expected 3 arguments…"): the key is not a MessageKey.
    expect(errors.length).toBeGreaterThan(0);
  });

  it("refuses t() with parameters other than those its English template names", () => {
    const errors = typeErrors(`
      import { t } from "./index";
      export const text = t("en", "review.title", { quartre: "2026-Q4" });
    `);
    expect(errors.join("\n")).toMatch(/quartre/);
  });
});
