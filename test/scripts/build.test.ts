import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import vm from "node:vm";

const ROOT = join(__dirname, "..", "..");

/** A small server entry with the parameter forms a stub has to forward. */
const ENTRY = `
/** A custom formula, documented in SUMALL_DOCS. */
export function SUMALL(...values: number[]) {
  return values.reduce((sum, value) => sum + value, 0);
}

/** A default parameter, left to the bundled function. */
export function greet(name: string, greeting = "Hello") {
  return greeting + ", " + name;
}

/** A destructured parameter followed by a rest parameter. */
export function pair({ a, b }: { a: number; b: number }, ...rest: unknown[]) {
  return [a, b, rest.length];
}

/** A TypeScript \`this\` parameter, which takes no argument. */
export function withThis(this: unknown, value: number) {
  return value * 2;
}

/** More arguments than declared parameters. */
export function count(first?: unknown) {
  return [first, arguments.length];
}
`;

/** A resident function asking for a message its code does not name: Code.js's catalogue lacks it. */
const MESSAGE = `
import { tKey } from ${JSON.stringify(join(ROOT, "src", "core", "i18n"))};

/** The English message of a key given at run time. */
export function message(key: string) {
  return tKey("en", key as never);
}
`;

/** The documentation of the entry's custom formula, in the shape of src/core/formula-docs.ts. */
const SUMALL_DOCS = {
  SUMALL: {
    summary: "Adds its arguments.",
    params: [{ name: "values", type: "number", doc: "The numbers to add.", rest: true }],
    returns: { type: "number", doc: "Their sum." },
  },
};

/** A small app entry: its functions are read from the app file on first call. */
const APP_ENTRY = `
/** The app's English catalogue, where Code.js looks for a message it lacks. */
export function englishMessages_() {
  return { "test.onlyInTheApp": "From the app" };
}

/** Counts the times the app was evaluated in this execution. */
let evaluated = 0;
evaluated++;

/** Says how many times the app was evaluated, and what it was given. */
export function appEcho(...args: unknown[]) {
  return { evaluated, args, less: 1 < 2 && "</script>" };
}
`;

/**
 * Builds the entries with scripts/build.mjs's buildServer, in a child Node (the script is an ES
 * module): Code.js, and the app file as HtmlService would serve it.
 */
function buildEntries(): { code: string; app: string } {
  const dir = mkdtempSync(join(tmpdir(), "okr-build-"));
  const entry = join(dir, "entry.ts");
  const appEntry = join(dir, "app.ts");
  writeFileSync(entry, ENTRY + MESSAGE);
  writeFileSync(appEntry, APP_ENTRY);
  const options = { outdir: dir, entry, appEntry, formulaDocs: SUMALL_DOCS };
  const script =
    `import(${JSON.stringify(join(ROOT, "scripts", "build.mjs"))})` +
    `.then((m) => m.buildServer(${JSON.stringify(options)}))`;
  execFileSync(process.execPath, ["--input-type=module", "-e", script], { cwd: ROOT });
  return {
    code: readFileSync(join(dir, "Code.js"), "utf8"),
    app: readFileSync(join(dir, "server-app.html"), "utf8"),
  };
}

/** The error buildServer stops with on these entries, their formulas documented by `formulaDocs`. */
function buildError(entrySource: string, appSource = APP_ENTRY, formulaDocs: object = {}): string {
  const dir = mkdtempSync(join(tmpdir(), "okr-build-"));
  const [entry, appEntry] = [join(dir, "entry.ts"), join(dir, "app.ts")];
  writeFileSync(entry, entrySource);
  writeFileSync(appEntry, appSource);
  const script =
    `import(${JSON.stringify(join(ROOT, "scripts", "build.mjs"))})` +
    `.then((m) => m.buildServer(${JSON.stringify({ outdir: dir, entry, appEntry, formulaDocs })}))`;
  try {
    execFileSync(process.execPath, ["--input-type=module", "-e", script], { cwd: ROOT, stdio: "pipe" });
  } catch (error) {
    return String((error as { stderr?: Buffer }).stderr ?? error);
  }
  return "";
}

describe("the build's top-level stubs", () => {
  const { code, app } = buildEntries();
  const reads: string[] = [];
  const HtmlService = {
    createHtmlOutputFromFile: (name: string) => {
      reads.push(name);
      return { getContent: () => (name === "server-app" ? app : "") };
    },
  };
  const context = vm.createContext({ HtmlService });
  vm.runInContext(code, context);
  /** Calls a top-level function as Apps Script does, and brings the result out of the vm. */
  const call = (name: string, ...args: unknown[]): unknown =>
    JSON.parse(JSON.stringify((context[name] as (...a: unknown[]) => unknown)(...args)));

  it("forwards every argument to a rest parameter", () => {
    expect(call("SUMALL", 1, 2, 3, 4)).toBe(10);
    expect(call("SUMALL")).toBe(0);
  });

  it("leaves an omitted argument to the function's default, and passes a given one", () => {
    expect(call("greet", "Ada")).toBe("Hello, Ada");
    expect(call("greet", "Ada", "Bonjour")).toBe("Bonjour, Ada");
  });

  it("forwards a destructured parameter and the rest", () => {
    expect(call("pair", { a: 1, b: 2 }, "x", "y")).toEqual([1, 2, 2]);
  });

  it("leaves a TypeScript this parameter out of the stub", () => {
    expect(code).toContain("function withThis(value) {");
    expect(call("withThis", 21)).toBe(42);
  });

  it("forwards more arguments than the function declares", () => {
    expect(call("count", "a", "b", "c")).toEqual(["a", 3]);
  });

  it("loads the app on its first call, once per execution, and forwards the arguments", () => {
    expect(reads).toEqual([]);
    expect(call("appEcho", 1, "a")).toEqual({ evaluated: 1, args: [1, "a"], less: "</script>" });
    expect(call("appEcho")).toEqual({ evaluated: 1, args: [], less: "</script>" });
    expect(reads).toEqual(["server-app"]);
    // A new execution: a fresh global scope, where the app is read and evaluated again.
    vm.runInContext("delete globalThis.OKR_APP_", context);
    expect(call("appEcho")).toMatchObject({ evaluated: 1 });
    expect(reads).toEqual(["server-app", "server-app"]);
  });

  it("finds a message Code.js lacks in the app's catalogue", () => {
    vm.runInContext("delete globalThis.OKR_APP_", context);
    reads.length = 0;
    expect(call("message", "test.onlyInTheApp")).toBe("From the app");
    expect(reads).toEqual(["server-app"]);
  });

  it("writes the app as a JSON string without < or &", () => {
    expect(app).not.toMatch(/[<&]/);
    expect(JSON.parse(app)).toContain("</script>");
  });

  it("refuses an export in both entries, a re-export and anything but a function", () => {
    expect(buildError("export function same() {}\n", "export function same() {}\n")).toMatch(
      /exported by both server entries: same/,
    );
    expect(buildError('export { appEcho } from "./app";\n')).toMatch(/not re-exports/);
    expect(buildError("export const answer = 42;\n")).toMatch(/only function declarations/);
  });

  it("refuses a custom formula that is not documented, or takes other arguments than documented", () => {
    expect(buildError("export function NEWONE(a: number) { return a; }\n")).toMatch(
      /NEWONE: a custom formula that src\/core\/formula-docs.ts does not document/,
    );
    expect(
      buildError("export function SUMALL(a: number, b: number) { return a + b; }\n", APP_ENTRY, SUMALL_DOCS),
    ).toMatch(/SUMALL: takes \(a, b\), its documentation \(\.\.\.values\)/);
    // The wiring's arguments typed from another formula's documentation.
    const wrongDocs = 'export function SUMALL(...args: FormulaArgs<"OKRBAND">) { return args; }\n';
    expect(buildError(wrongDocs, APP_ENTRY, SUMALL_DOCS)).toMatch(/SUMALL: takes \(\.\.\.args\)/);
    expect(buildError("export function other() {}\n", APP_ENTRY, SUMALL_DOCS)).toMatch(
      /SUMALL: documented, but exported by neither server entry/,
    );
    const ownDoc = "/**\n * Adds.\n * @customfunction\n */\nexport function add(a: number) { return a; }\n";
    expect(buildError(ownDoc)).toMatch(/add: a custom formula is documented in src\/core\/formula-docs.ts/);
  });

  it("builds a formula whose wiring takes the arguments of its own documentation", () => {
    const wired = 'export function SUMALL(...args: FormulaArgs<"SUMALL">) { return args; }\n';
    expect(buildError(wired, APP_ENTRY, SUMALL_DOCS)).toBe("");
  });

  it("shows the rest parameter in the stub's signature and writes the custom function's JSDoc", () => {
    expect(code).toMatch(
      /@param \{number\} values The numbers to add\.\n \* @return[^\n]*\n \* @customfunction\n \*\/\nfunction SUMALL\(\.\.\.values\) \{/,
    );
    expect(code).toContain("function greet(name, greeting) {");
    expect(code).toContain("function pair(arg1, ...rest) {");
  });
});
