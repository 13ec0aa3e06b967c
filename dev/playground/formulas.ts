/** The formula evaluator is shared with the e2e loader: see dev/formulas.ts. */
export * from "../formulas";
