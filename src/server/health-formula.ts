/** OKRHEALTH(table, signal, quarter, [team]): see resident.ts; the lookup is src/core/health-formula.ts. */
import type { RawCell } from "../core/cells";
import { type FormulaArg, isRange } from "../core/grid";
import { healthLookup } from "../core/health-formula";
import { SIGNALS, signalName } from "../core/health-settings";
import { type Lang, langFromLocale, t } from "../core/i18n";

/** A single value: the first cell when a range is given where a value belongs. */
const single = (value: FormulaArg | undefined): RawCell => (isRange(value) ? value[0]?.[0] : value);

export function okrHealthFormula(
  table: FormulaArg,
  signal: FormulaArg,
  quarter: FormulaArg,
  team?: FormulaArg,
): number | string {
  const found = healthLookup(
    isRange(table) ? table : [[table]],
    single(signal),
    single(quarter),
    single(team),
  );
  if (found.ok) return found.value;
  let lang: Lang = "en";
  try {
    lang = langFromLocale(SpreadsheetApp.getActiveSpreadsheet().getSpreadsheetLocale());
  } catch {
    // English rather than no message.
  }
  switch (found.problem) {
    case "notTable":
      throw new Error(t(lang, "health.formula.notTable"));
    case "signal":
      throw new Error(
        t(lang, "health.formula.signal", {
          value: found.value,
          allowed: SIGNALS.map((s) => signalName(lang, s)).join(", "),
        }),
      );
    case "quarter":
      throw new Error(t(lang, "health.formula.quarter", { value: found.value }));
    case "team":
      throw new Error(t(lang, "health.formula.team", { value: found.value }));
  }
}
