/**
 * OKRROLLUP and OKRTEAMS's wiring: the spreadsheet's locale and time zone (read-only getters),
 * then src/core/rollup-formulas.ts. Imports only core and the formulas' host, so the custom
 * formulas load without the command path.
 */
import type { FormulaArg } from "../core/grid";
import { okrRollup, okrTeams, type RollupOut } from "../core/rollup-formulas";
import { sheetsHost } from "./sheets-host";

/** OKRROLLUP(company_okrs, settings, imports…): one row per company objective of the quarter. */
export function okrRollupFormula(
  companyOkrs: FormulaArg,
  settings: FormulaArg,
  imports: FormulaArg[],
): RollupOut[][] {
  return okrRollup(sheetsHost(), companyOkrs, settings, imports);
}

/** OKRTEAMS(company_okrs, settings, imports…): one row per team, its connection said plainly. */
export function okrTeamsFormula(
  companyOkrs: FormulaArg,
  settings: FormulaArg,
  imports: FormulaArg[],
): RollupOut[][] {
  return okrTeams(sheetsHost(), companyOkrs, settings, imports);
}
