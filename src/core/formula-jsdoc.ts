/**
 * A formula's documentation in the forms the build and the wiring need: the JSDoc over its stub,
 * the stub's parameter names, and the arguments its wiring takes (src/core/formula-docs.ts is the
 * data). Loaded by scripts/build.mjs on its own.
 */
import { FORMULA_DOCS, type FormulaDoc, type FormulaName, type FormulaParam } from "./formula-docs";
import type { FormulaArg } from "./grid";

/** The arguments a documented parameter list takes: optional ones may be left out, a rest one repeats. */
type ArgsOf<P extends readonly FormulaParam[]> = P extends readonly [
  infer First,
  ...infer Others extends readonly FormulaParam[],
]
  ? First extends { rest: true }
    ? FormulaArg[]
    : First extends { optional: true }
      ? [FormulaArg?, ...ArgsOf<Others>]
      : [FormulaArg, ...ArgsOf<Others>]
  : [];

/**
 * What the formula `N` takes, as its documentation says: the entries' wiring declares
 * `...args: FormulaArgs<"N">` (scripts/build.mjs insists), so a formula's code that takes other
 * arguments than its documentation fails typecheck (test/core/formula-docs.test.ts).
 */
export type FormulaArgs<N extends FormulaName> = ArgsOf<(typeof FORMULA_DOCS)[N]["params"]>;

/**
 * The JSDoc over a formula's stub: the summary, then each parameter (an optional one in brackets),
 * the return value and `@customfunction`.
 */
export function formulaJsDoc(doc: FormulaDoc): string {
  const summary = doc.summary
    .trim()
    .split("\n")
    .map((line) => line.trim());
  const params = doc.params.map((p) => `@param {${p.type}} ${p.optional ? `[${p.name}]` : p.name} ${p.doc}`);
  const tags = [...params, `@return {${doc.returns.type}} ${doc.returns.doc}`, "@customfunction"];
  const lines = [...summary, "", ...tags].map((line) => (line ? ` * ${line}` : " *"));
  return ["/**", ...lines, " */"].join("\n");
}

/** How a formula's stub names its parameters: the documented names, a rest one spread. */
export function stubParameters(doc: FormulaDoc): string[] {
  return doc.params.map((p) => (p.rest ? `...${p.name}` : p.name));
}
