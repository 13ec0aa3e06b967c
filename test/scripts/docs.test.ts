/**
 * The README's formula signatures against the formulas' documentation (src/core/formula-docs.ts),
 * and that documentation against the JSDoc the build emits into dist/Code.js (what Sheets shows in
 * its autocomplete): same functions, no argument left out, none made optional that is not.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { FORMULA_DOCS } from "../../src/core/formula-docs";
import { formulaJsDoc } from "../../src/core/formula-jsdoc";

const ROOT = join(__dirname, "..", "..");

interface Param {
  name: string;
  optional: boolean;
}

/** Each documented custom formula with its parameters, in order. */
const documented = new Map<string, Param[]>(
  Object.entries(FORMULA_DOCS).map(([name, doc]) => [
    name,
    doc.params.map((p) => ({ name: p.name, optional: "optional" in p && p.optional })),
  ]),
);

/** Each JSDoc block over a top-level function of the built bundle, by the function's name. */
function emittedJsDocs(code: string): Map<string, string> {
  const docs = new Map<string, string>();
  for (const [doc, name] of code.matchAll(/\/\*\*(?:(?!\*\/)[\s\S])*?\*\/(?=\nfunction (\w+)\()/g))
    docs.set(name!, doc);
  return docs;
}

/** Every signature the README gives in bold, `**\`=NAME(a, [b])\`**`, as written. */
function readmeSignatures(readme: string): { name: string; params: Param[] }[] {
  return [...readme.matchAll(/\*\*`=([A-Z]+)\(([^)]*)\)`\*\*/g)].map(([, name, args]) => ({
    name: name!,
    params: args!
      .split(",")
      .map((a) => a.trim())
      .filter(Boolean)
      // "imports…" is a rest parameter, documented under its bare name.
      .map((a) => ({
        name: a.replace(/^\[|\]$/g, "").replace(/(…|\.\.\.)$/, ""),
        optional: a.startsWith("["),
      })),
  }));
}

/**
 * What the README gets wrong about the formulas. A documented argument must be the formula's at
 * its place (or one of its `a_or_b` names, for a formula with two forms), optional only if it is;
 * each formula needs one signature with every argument.
 */
function mismatches(readme: string, formulas: Map<string, Param[]> = documented): string[] {
  const signatures = readmeSignatures(readme);
  const problems: string[] = [];
  for (const { name, params } of signatures) {
    const expected = formulas.get(name);
    if (!expected) {
      problems.push(`${name}: in the README, but not a documented custom formula`);
      continue;
    }
    params.forEach((param, i) => {
      const want = expected[i];
      if (!want) problems.push(`${name}: argument ${i + 1} "${param.name}" does not exist`);
      else if (!want.name.split("_or_").includes(param.name) && want.name !== param.name)
        problems.push(`${name}: argument ${i + 1} is "${want.name}", the README says "${param.name}"`);
      else if (param.optional && !want.optional)
        problems.push(`${name}: argument ${i + 1} "${param.name}" is required, the README says optional`);
    });
  }
  for (const [name, expected] of formulas) {
    const forms = signatures.filter((d) => d.name === name);
    if (forms.length === 0) problems.push(`${name}: not documented in the README`);
    else if (!forms.some((f) => f.params.length === expected.length))
      problems.push(
        `${name}: the README leaves out ${expected
          .slice(Math.max(...forms.map((f) => f.params.length)))
          .map((p) => p.name)
          .join(", ")}`,
      );
  }
  return problems;
}

describe("the README's formula signatures", () => {
  const readme = readFileSync(join(ROOT, "README.md"), "utf8");

  test("match the formulas' documentation", () => {
    expect(mismatches(readme)).toEqual([]);
  });

  test("a README that leaves out an argument, renames one or makes one optional is caught", () => {
    expect(mismatches(readme.replace("[at_risk], [ids])", "[at_risk])"))).toEqual([
      "OKRSTATUS: the README leaves out ids",
    ]);
    expect(mismatches(readme.replace("=OKRBAND(score)", "=OKRBAND(value)"))).toEqual([
      'OKRBAND: argument 1 is "score", the README says "value"',
    ]);
    expect(mismatches(readme.replace("=KRCHECK(key_result_text,", "=KRCHECK([key_result_text],"))).toEqual([
      'KRCHECK: argument 1 "key_result_text" is required, the README says optional',
    ]);
  });

  test("a formula documented but missing from the README is caught", () => {
    const withNew = new Map([...documented, ["OKRNEW", [{ name: "value", optional: false }]]]);
    expect(mismatches(readme, withNew)).toEqual(["OKRNEW: not documented in the README"]);
  });
});

describe("the JSDoc the build emits", () => {
  const code = readFileSync(join(ROOT, "dist", "Code.js"), "utf8");
  const emitted = emittedJsDocs(code);

  test("is each formula's documentation, over its stub, and over no other function", () => {
    expect([...emitted.keys()].sort()).toEqual(
      [
        ...["KRCHECK", "KRSCORE", "OKRBAND", "OKRPACE", "OKRSCORE", "OKRSTATUS", "OKRSTATUSES"],
        ...["OKRHEALTH", "OKRROLLUP", "OKRTEAMS"],
      ].sort(),
    );
    for (const [name, doc] of Object.entries(FORMULA_DOCS)) expect(emitted.get(name)).toBe(formulaJsDoc(doc));
  });

  test("names each parameter as Sheets' autocomplete reads it, an optional one in brackets", () => {
    expect(emitted.get("OKRSTATUS")).toContain(
      "@param {string|Array<Array<string>>} [ids] The rows' IDs: a row without an ID gets no status",
    );
    expect(emitted.get("OKRROLLUP")).toMatch(/@param \{Array<Array<string>>\} imports The teams'/);
    expect(code).toContain("@customfunction\n */\nfunction OKRROLLUP(company_okrs, settings, ...imports) {");
  });
});
