/**
 * Findings into words, at the edge, through the message catalog: column keys become the headers the
 * user sees, list names their allowed labels, level and setting keys their labels.
 */
import type { Finding } from "./findings";
import { type Lang, type MessageKey, tKey } from "./i18n";
import { QUARTER_TABLE_HEADERS } from "./quarters";
import {
  choiceLabel,
  type ColumnDef,
  columnHeader,
  listLabels,
  type OkrColumn,
  SHEETS,
  type SheetKey,
} from "./schema";
import { SETTING_DEFS } from "./setting-rows";

/** The settings the Score and Status formulas take as arguments without a default of their own. */
const FORMULA_SETTINGS: readonly string[] = ["asOf", "language"];

/** A finding's column (its key comes as a string from the finding). */
function findingColumn(sheet: SheetKey, key: string): ColumnDef | undefined {
  return (SHEETS[sheet].columns as readonly ColumnDef[]).find((c) => c.key === key);
}

/**
 * The trigger words of a wording finding in a language. Words quoted from the title stay as the
 * user wrote them; the rule's own reasons (a Threshold or Milestone metric, target = baseline) are
 * named with the schema's labels.
 *
 * @example
 * triggerWords("maintenir, threshold", "fr") //=> "maintenir, seuil"
 */
export function triggerWords(words: string, lang: Lang): string {
  const header = (key: OkrColumn) => columnHeader("okrs", key, lang);
  const reasons: Record<string, () => string> = {
    threshold: () => choiceLabel("metric", "threshold", lang),
    milestone: () => choiceLabel("metric", "milestone", lang),
    "target = baseline": () => `${header("target")} = ${header("baseline")}`,
  };
  // Lower case, like the words quoted from the title beside them.
  return words
    .split(", ")
    .map((word) => reasons[word]?.().toLowerCase() ?? word)
    .join(", ");
}

/**
 * A language's name in a sentence of another.
 *
 * @example
 * languageName("fr", "en") //=> "French"
 * languageName("en", "fr") //=> "anglais"
 */
export function languageName(named: Lang, lang: Lang): string {
  return tKey(lang, named === "fr" ? "language.fr" : "language.en");
}

/** The message for a finding, in the given language. */
export function describeFinding(finding: Finding, lang: Lang): string {
  const params: Record<string, string | number> = { ...(finding.params as Record<string, string | number>) };
  if (typeof params.column === "string") {
    const column = findingColumn(finding.sheet, params.column);
    if (finding.code === "not-in-list" && column?.list) {
      params.allowed = listLabels(column.list, lang).join(", ");
    }
    if (column) params.column = column.header[lang];
  }
  if (finding.code === "level-not-allowed") {
    const label = (key: string) => choiceLabel("level", key, lang);
    params.level = label(finding.params.level);
    params.allowed = finding.params.allowed.split(", ").map(label).join(", ");
  }
  if (finding.code === "missing-sheet")
    params.sheet = SHEETS[finding.params.sheet as SheetKey]?.name[lang] ?? finding.params.sheet;
  if (finding.code === "setting-invalid") {
    params.setting =
      finding.params.setting === "quarters"
        ? QUARTER_TABLE_HEADERS.quarter[lang]
        : (SETTING_DEFS.find((d) => d.key === finding.params.setting)?.label[lang] ?? finding.params.setting);
  }
  if (finding.code === "formats-language") {
    params.formatted = languageName(finding.params.formatted, lang);
    params.language = languageName(finding.params.language, lang);
  }
  if (finding.code === "kpi-like" || finding.code === "output-not-outcome")
    params.words = triggerWords(finding.params.words, lang);
  const undated = finding.code === "added-mid-quarter" && finding.params.created === "";
  // The sheet's formulas read these two cells as they are: no default there, an error.
  const readByFormulas =
    finding.code === "setting-invalid" && FORMULA_SETTINGS.includes(finding.params.setting);
  // Typed, not cast: a finding code without a `finding.<code>` message fails typecheck here.
  const key: MessageKey = undated
    ? "finding.added-mid-quarter-undated"
    : readByFormulas
      ? "finding.setting-invalid-formula"
      : `finding.${finding.code}`;
  const hint = rewriteHint(finding, lang);
  return hint ? `${tKey(lang, key, params)} ${hint}` : tKey(lang, key, params);
}

/**
 * The rewrite a wording finding suggests, built from the key result's own words: the outcome an
 * output serves, the change a KPI could make, the change a vague key result should say.
 *
 * @example
 * // "Launch the partner portal" → 'Try: "Increase <partner portal adoption> from X to Y by <date>".'
 */
function rewriteHint(finding: Finding, lang: Lang): string {
  if (finding.code === "output-not-outcome") {
    const { object } = finding.params;
    return object
      ? tKey(lang, "finding.output-not-outcome.hint", { object })
      : tKey(lang, "finding.output-not-outcome.hint-generic");
  }
  if (finding.code === "kpi-like" && finding.params.metric)
    return tKey(lang, "finding.kpi-like.hint", { metric: finding.params.metric });
  if (finding.code === "not-measurable") {
    const { verb, object } = finding.params;
    return verb && object
      ? tKey(lang, "finding.not-measurable.hint", { verb, object })
      : tKey(lang, "finding.not-measurable.hint-generic");
  }
  return "";
}
