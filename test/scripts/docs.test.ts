/**
 * The README's formula signatures against the JSDoc the build emits into dist/Code.js (what Sheets
 * shows in its autocomplete): same functions, no argument left out, none made optional that is not.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";

const ROOT = join(__dirname, "..", "..");

interface Param {
  name: string;
  optional: boolean;
}

/** Each custom function of the built bundle with its @param list, in order. */
function emittedFormulas(code: string): Map<string, Param[]> {
  const formulas = new Map<string, Param[]>();
  for (const [, doc, name] of code.matchAll(
    /\/\*\*((?:(?!\*\/)[\s\S])*?@customfunction[\s\S]*?)\*\/\s*function (\w+)\(/g,
  )) {
    const params = [...doc!.matchAll(/@param \{[^}]*\} (\[?)(\w+)\]?/g)].map(([, bracket, param]) => ({
      name: param!,
      optional: bracket === "[",
    }));
    formulas.set(name!, params);
  }
  return formulas;
}

/** Every signature the README gives in bold, `**\`=NAME(a, [b])\`**`, as written. */
function documentedSignatures(readme: string): { name: string; params: Param[] }[] {
  return [...readme.matchAll(/\*\*`=([A-Z]+)\(([^)]*)\)`\*\*/g)].map(([, name, args]) => ({
    name: name!,
    params: args!
      .split(",")
      .map((a) => a.trim())
      .filter(Boolean)
      // "imports…" is a rest parameter, emitted under its bare name.
      .map((a) => ({
        name: a.replace(/^\[|\]$/g, "").replace(/(…|\.\.\.)$/, ""),
        optional: a.startsWith("["),
      })),
  }));
}

/**
 * What the README gets wrong about the formulas. A documented argument must be the emitted one at
 * its place (or one of its `a_or_b` names, for a formula with two forms), optional only if it is;
 * each formula needs one signature with every argument.
 */
function mismatches(readme: string, code: string): string[] {
  const emitted = emittedFormulas(code);
  const documented = documentedSignatures(readme);
  const problems: string[] = [];
  for (const { name, params } of documented) {
    const expected = emitted.get(name);
    if (!expected) {
      problems.push(`${name}: documented, but not a custom function of the build`);
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
  for (const [name, expected] of emitted) {
    const forms = documented.filter((d) => d.name === name);
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
  const code = readFileSync(join(ROOT, "dist", "Code.js"), "utf8");

  test("the build emits the ten custom functions with their parameters", () => {
    expect([...emittedFormulas(code).keys()].sort()).toEqual(
      [
        ...["KRCHECK", "KRSCORE", "OKRBAND", "OKRPACE", "OKRSCORE", "OKRSTATUS", "OKRSTATUSES"],
        ...["OKRHEALTH", "OKRROLLUP", "OKRTEAMS"],
      ].sort(),
    );
    expect(emittedFormulas(code).get("OKRSTATUS")!.at(-1)).toEqual({ name: "ids", optional: true });
  });

  test("match the JSDoc the build emits", () => {
    expect(mismatches(readme, code)).toEqual([]);
  });

  test("a README that leaves out an argument, renames one or makes one optional is caught", () => {
    expect(mismatches(readme.replace("[at_risk], [ids])", "[at_risk])"), code)).toEqual([
      "OKRSTATUS: the README leaves out ids",
    ]);
    expect(mismatches(readme.replace("=OKRBAND(score)", "=OKRBAND(value)"), code)).toEqual([
      'OKRBAND: argument 1 is "score", the README says "value"',
    ]);
    expect(
      mismatches(readme.replace("=KRCHECK(key_result_text,", "=KRCHECK([key_result_text],"), code),
    ).toEqual(['KRCHECK: argument 1 "key_result_text" is required, the README says optional']);
  });
});
