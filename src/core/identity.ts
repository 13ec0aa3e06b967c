/**
 * IDs: the one row that holds an ID, and IDs across spreadsheets. IDs are unique within a spreadsheet; its ID prefix (Settings) makes them
 * unique across a company: O-3 of the spreadsheet whose prefix is SALES is SALES-O-3 elsewhere.
 */
import type { MessageParams } from "./i18n";
import type { OkrRow } from "./parse";
import { normalize } from "./text";

/**
 * The ID prefix of a spreadsheet from its name: letters and digits of its first word, upper-case,
 * at most 8 ("Sales team" → "SALES"); "" when there are none.
 *
 * @example
 * defaultIdPrefix("Équipe Ventes") //=> "EQUIPE"
 */
export function defaultIdPrefix(name: string): string {
  const first = String(name).trim().split(/\s+/)[0] ?? "";
  return normalize(first).replace(/%/g, "").toUpperCase().slice(0, 8);
}

/**
 * An ID as other spreadsheets name it: "O-3" in a spreadsheet whose prefix is SALES is "SALES-O-3";
 * an ID that already carries a prefix, or a spreadsheet without one, keeps it.
 *
 * @example
 * qualifiedId("O-3", "SALES") //=> "SALES-O-3"
 * qualifiedId("SALES-O-3", "SALES") //=> "SALES-O-3"
 */
export function qualifiedId(id: string, prefix: string): string {
  const trimmed = id.trim().toUpperCase();
  if (prefix === "" || /^[A-Z0-9]+-(O|KR)-\d+$/.test(trimmed)) return trimmed;
  return /^(O|KR)-\d+$/.test(trimmed) ? `${prefix.toUpperCase()}-${trimmed}` : trimmed;
}

/** The prefix of a qualified ID ("SALES-O-3" → "SALES"), or "" for an unprefixed one. */
export function prefixOf(id: string): string {
  return /^([A-Za-z0-9]+)-(?:O|KR)-\d+$/i.exec(id.trim())?.[1]?.toUpperCase() ?? "";
}

/**
 * The one row holding an ID, or a refusal when several rows hold it (any quarter, an objective and
 * a key result alike): a write keyed on it would otherwise check one row and change another.
 */
export function idHolder(
  okrs: readonly OkrRow[],
  id: string,
): { row: OkrRow | undefined } | { refusal: { key: "id.ambiguous"; params: MessageParams<"id.ambiguous"> } } {
  const key = id.trim().toLowerCase();
  const rows = okrs.filter((r) => r.id.toLowerCase() === key);
  if (rows.length > 1)
    return { refusal: { key: "id.ambiguous", params: { id, rows: rows.map((r) => r.row).join(", ") } } };
  return { row: rows[0] };
}
