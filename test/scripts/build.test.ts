import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import vm from "node:vm";

const ROOT = join(__dirname, "..", "..");

/** A small server entry with the parameter forms a stub has to forward. */
const ENTRY = `
/**
 * Adds its arguments.
 *
 * @param {number} values The numbers to add.
 * @return {number} Their sum.
 * @customfunction
 */
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

/** Builds the entry with scripts/build.mjs's buildServer, in a child Node (the script is an ES module). */
function buildEntry(): string {
  const dir = mkdtempSync(join(tmpdir(), "okr-build-"));
  const entry = join(dir, "entry.ts");
  writeFileSync(entry, ENTRY);
  const script =
    `import(${JSON.stringify(join(ROOT, "scripts", "build.mjs"))})` +
    `.then((m) => m.buildServer({ outdir: ${JSON.stringify(dir)}, entry: ${JSON.stringify(entry)} }))`;
  execFileSync(process.execPath, ["--input-type=module", "-e", script], { cwd: ROOT });
  return readFileSync(join(dir, "Code.js"), "utf8");
}

describe("the build's top-level stubs", () => {
  const code = buildEntry();
  const context = vm.createContext({});
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

  it("shows the rest parameter in the stub's signature and keeps the custom function's JSDoc", () => {
    expect(code).toMatch(
      /@param \{number\} values The numbers to add\.\n \* @return[^\n]*\n \* @customfunction\n \*\/\nfunction SUMALL\(\.\.\.values\) \{/,
    );
    expect(code).toContain("function greet(name, greeting) {");
    expect(code).toContain("function pair(arg1, ...rest) {");
  });
});
