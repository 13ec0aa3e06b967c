/**
 * Applies a table's format as core/table-format.ts describes it: frozen header, header style,
 * widths, native validation, number formats, header protection (warning only) and, on OKRs, the
 * Score and Status colour rules and the computed columns' protection. A fixed number of calls per
 * run of columns, whatever the number of rows.
 */
import type { Lang } from "../core/i18n";
import type { SheetDef } from "../core/schema";
import {
  type ColorRule,
  COMPUTED_NOTE,
  HEADER_BACKGROUND,
  PROTECTION_NOTE,
  tableFormat,
  type ValidationRule,
} from "../core/table-format";
import type { TablePlace } from "../core/table-layout";
import { NEW_SHEET } from "./sheet-shape";

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Range = GoogleAppsScript.Spreadsheet.Range;
type Protection = GoogleAppsScript.Spreadsheet.Protection;

/** Formats a table sheet; `created`: set-up just inserted it, so it has no rules or protections to keep. */
export function formatTable(
  sheet: Sheet,
  def: SheetDef,
  place: TablePlace,
  lang: Lang,
  created: boolean,
): void {
  const plan = tableFormat(def, place, lang, created);
  sheet.setFrozenRows(place.headerRow);
  if (plan.headerRanges.length > 0)
    sheet.getRangeList(plan.headerRanges).setFontWeight("bold").setBackground(HEADER_BACKGROUND);
  const first = place.headerRow + 1;
  // The rows below the header, down to the sheet's end: a new sheet's size is known.
  const rows = Math.max(1, (created ? NEW_SHEET.rows : sheet.getMaxRows()) - place.headerRow);
  const block = <T>(cells: readonly T[]): T[][] => Array.from({ length: rows }, () => [...cells]);
  for (const run of plan.widths) sheet.setColumnWidths(run.start + 1, run.count, run.width);
  // One native rule per column, shared by its cells (the builders cost no service call); null,
  // on a new sheet's text columns, leaves a cell without validation
  // (https://developers.google.com/apps-script/reference/spreadsheet/range#setdatavalidationsrules).
  const natives = new Map<ValidationRule, GoogleAppsScript.Spreadsheet.DataValidation>();
  const native = (rule: ValidationRule | null) => {
    if (!rule) return null;
    if (!natives.has(rule)) natives.set(rule, nativeValidation(rule));
    return natives.get(rule)!;
  };
  for (const run of plan.validations) {
    const rules = block(run.rules.map(native));
    sheet
      .getRange(first, run.start + 1, rows, run.count)
      .setDataValidations(rules as GoogleAppsScript.Spreadsheet.DataValidation[][]);
  }
  for (const run of plan.numberFormats) {
    sheet.getRange(first, run.start + 1, rows, run.count).setNumberFormats(block(run.formats));
  }
  const protections = created ? [] : sheet.getProtections(SpreadsheetApp.ProtectionType.RANGE);
  if (!protections.some((p) => p.getDescription() === PROTECTION_NOTE)) {
    for (const run of plan.protections) {
      protectWithWarning(sheet.getRange(place.headerRow, run.start + 1, 1, run.count), PROTECTION_NOTE);
    }
  }
  if (plan.colors) setColorRules(sheet, place, rows, plan.colors, created);
  if (plan.computed.length > 0 && !protections.some((p) => p.getDescription().startsWith(COMPUTED_NOTE))) {
    for (const { index, description } of plan.computed) {
      protectWithWarning(sheet.getRange(first, index + 1, rows, 1), description);
    }
  }
}

function protectWithWarning(range: Range, description: string): Protection {
  return range.protect().setDescription(description).setWarningOnly(true);
}

/** A rule lets an invalid value in, with a warning, as the help says. */
function nativeValidation(rule: ValidationRule): GoogleAppsScript.Spreadsheet.DataValidation {
  const builder = SpreadsheetApp.newDataValidation().setAllowInvalid(true).setHelpText(rule.help);
  if (rule.kind === "list") return builder.requireValueInList(rule.values, true).build();
  if (rule.kind === "number") return builder.requireNumberBetween(rule.min, rule.max).build();
  return builder.requireDate().build();
}

/** Score bands and status colours; the user's own rules on other ranges are kept. */
function setColorRules(
  sheet: Sheet,
  place: TablePlace,
  rows: number,
  colors: { score: readonly ColorRule[]; status: readonly ColorRule[] },
  created: boolean,
): void {
  const range = (key: "score" | "status") => {
    const index = place.columns[key];
    return index === undefined ? undefined : sheet.getRange(place.headerRow + 1, index + 1, rows, 1);
  };
  const score = range("score");
  const status = range("status");
  // setConditionalFormatRules replaces every rule of the sheet, so the user's are read and kept
  // (https://developers.google.com/apps-script/reference/spreadsheet/sheet#setconditionalformatrulesrules).
  // The sheet's own rules apply to its own ranges: the A1 notation is enough to recognise ours.
  // A new sheet has none to keep.
  const ours = created
    ? new Set()
    : new Set([score?.getA1Notation(), status?.getA1Notation()].filter(Boolean));
  const kept = created
    ? []
    : sheet
        .getConditionalFormatRules()
        .filter((rule) => !rule.getRanges().some((r) => ours.has(r.getA1Notation())));
  const rules = [
    ...(score ? colors.score.map((rule) => nativeColorRule(rule, score)) : []),
    ...(status ? colors.status.map((rule) => nativeColorRule(rule, status)) : []),
  ];
  sheet.setConditionalFormatRules([...kept, ...rules]);
}

function nativeColorRule(rule: ColorRule, range: Range): GoogleAppsScript.Spreadsheet.ConditionalFormatRule {
  const builder = SpreadsheetApp.newConditionalFormatRule().setBackground(rule.color).setRanges([range]);
  if (rule.when === "text") return builder.whenTextEqualTo(rule.text).build();
  if (rule.when === "below") return builder.whenNumberLessThan(rule.value).build();
  return builder.whenNumberGreaterThanOrEqualTo(rule.value).build();
}
