/**
 * The custom formulas' documentation (src/core/formula-docs.ts): what each formula's code takes is
 * what it documents, checked by typecheck below, and the JSDoc and stub signature written from it.
 */
import type { FormulaHost } from "../../src/core/formula-call";
import { FORMULA_DOCS, type FormulaDoc, type FormulaName } from "../../src/core/formula-docs";
import {
  krCheckFormula,
  krScoreFormula,
  okrBandFormula,
  okrPaceFormula,
  okrScoreFormula,
  okrStatusesFormula,
  okrStatusFormula,
} from "../../src/core/formula-functions";
import { type FormulaArgs, formulaJsDoc, stubParameters } from "../../src/core/formula-jsdoc";
import type { FormulaArg } from "../../src/core/grid";
import { okrHealthFormula } from "../../src/core/health-formula";
import { okrRollup, okrTeams } from "../../src/core/rollup-formulas";

/** True when each argument list is accepted for the other: same length, same optional elements. */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
/** What a formula's code takes after the host. */
type Takes<F> = F extends (host: FormulaHost, ...args: infer A) => unknown ? A : never;

const FORMULA_CODE = {
  KRSCORE: krScoreFormula,
  OKRSCORE: okrScoreFormula,
  OKRSTATUSES: okrStatusesFormula,
  OKRSTATUS: okrStatusFormula,
  OKRBAND: okrBandFormula,
  OKRPACE: okrPaceFormula,
  OKRHEALTH: okrHealthFormula,
  KRCHECK: krCheckFormula,
  OKRROLLUP: okrRollup,
  OKRTEAMS: okrTeams,
};

// Typecheck fails here when a formula's code takes an argument its documentation leaves out (or
// the reverse), makes optional one it documents as required (or the reverse), or when a formula
// is documented without code, or has code without documentation.
const takesWhatItDocuments: {
  [N in FormulaName]: Same<Takes<(typeof FORMULA_CODE)[N]>, FormulaArgs<N>>;
} & Record<keyof typeof FORMULA_CODE, true> = {
  KRSCORE: true,
  OKRSCORE: true,
  OKRSTATUSES: true,
  OKRSTATUS: true,
  OKRBAND: true,
  OKRPACE: true,
  OKRHEALTH: true,
  KRCHECK: true,
  OKRROLLUP: true,
  OKRTEAMS: true,
};

// The check above can fail (each line below is an error typecheck expects): OKRBAND's code with an
// optional argument its documentation leaves out, OKRPACE's making optional the required today.
// @ts-expect-error an argument the documentation leaves out
const undocumented: Same<
  Takes<(host: FormulaHost, score: FormulaArg, lang?: FormulaArg) => 0>,
  FormulaArgs<"OKRBAND">
> = true;
// @ts-expect-error an argument documented as required, optional in the code
const required: Same<
  Takes<(h: FormulaHost, start: FormulaArg, end: FormulaArg, today?: FormulaArg) => 0>,
  FormulaArgs<"OKRPACE">
> = true;

describe("the formulas' documentation", () => {
  test("documents every formula's code (checked by typecheck above)", () => {
    expect(Object.keys(FORMULA_CODE).sort()).toEqual(Object.keys(FORMULA_DOCS).sort());
    expect(Object.keys(takesWhatItDocuments).sort()).toEqual(Object.keys(FORMULA_DOCS).sort());
    expect([undocumented, required]).toEqual([true, true]);
  });

  test("says what each formula answers, each parameter (a snake_case name Sheets shows) and the return value", () => {
    const blanks = Object.entries(FORMULA_DOCS as Record<string, FormulaDoc>).flatMap(([name, doc]) => [
      ...(doc.summary.trim() ? [] : [`${name}: summary`]),
      ...doc.params
        .filter((p) => !/^[a-z]+(_[a-z]+)*$/.test(p.name) || !p.type || !p.doc)
        .map((p) => `${name}: ${p.name}`),
      ...(doc.returns.type && doc.returns.doc ? [] : [`${name}: return`]),
    ]);
    expect(blanks).toEqual([]);
  });

  test("puts optional parameters after required ones, and a rest parameter last", () => {
    for (const [name, doc] of Object.entries(FORMULA_DOCS) as [string, FormulaDoc][]) {
      const kinds = doc.params.map((p) => (p.rest ? "rest" : p.optional ? "optional" : "required")).join(" ");
      expect([name, /^(required ?)*(optional ?)*(rest)?$/.test(kinds)]).toEqual([name, true]);
    }
  });
});

describe("formulaJsDoc", () => {
  const doc: FormulaDoc = {
    summary: `
      Adds its arguments, first line
      and the second.`,
    params: [
      { name: "first", type: "number", doc: "The first number." },
      { name: "more", type: "Array<Array<number>>", doc: "More numbers.", rest: true },
      { name: "unit", type: "string", doc: "Unused here.", optional: true },
    ],
    returns: { type: "number", doc: "Their sum." },
  };

  test("writes the summary's lines, a tag per parameter (optional ones in brackets), @return and @customfunction", () => {
    expect(formulaJsDoc(doc)).toBe(
      [
        "/**",
        " * Adds its arguments, first line",
        " * and the second.",
        " *",
        " * @param {number} first The first number.",
        " * @param {Array<Array<number>>} more More numbers.",
        " * @param {string} [unit] Unused here.",
        " * @return {number} Their sum.",
        " * @customfunction",
        " */",
      ].join("\n"),
    );
  });

  test("names a stub's parameters as documented, a rest one spread", () => {
    expect(stubParameters(doc)).toEqual(["first", "...more", "unit"]);
    expect(stubParameters(FORMULA_DOCS.OKRROLLUP)).toEqual(["company_okrs", "settings", "...imports"]);
  });
});
