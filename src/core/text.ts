/**
 * Text matching that forgives what people type: case, accents, spacing and punctuation.
 *
 * @example
 * normalize("  Résultat  clé ") //=> "resultatcle"
 * normalize("Last check-in") //=> "lastcheckin"
 */
export function normalize(text: unknown): string {
  return String(text ?? "")
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9%]/g, "");
}

/**
 * Lower-case words with accents removed and single spaces, for phrase matching.
 *
 * @example
 * words("Mettre en place  un CRM") //=> "mettre en place un crm"
 */
export function words(text: unknown): string {
  // Validation and the review ask for the same titles several times (kpi-like, output-not-outcome,
  // then the review's insights): answers for short text are remembered, within a bound.
  const short = typeof text === "string" && text.length <= WORDS_MEMO_LENGTH;
  if (short) {
    const known = wordsMemo.get(text);
    if (known !== undefined) return known;
  }
  let result = String(text ?? "");
  // Decomposing accents (NFD) is the costly step, and a no-op on printable ASCII (and tabs and
  // line breaks): such text skips it; anything else takes the full path.
  if (NON_ASCII.test(result)) result = result.normalize("NFD").replace(/[\u0300-\u036f]/g, "");
  result = result
    .toLowerCase()
    .replace(/[’']/g, " ")
    .replace(/[^a-z0-9%.,]+/g, " ")
    .trim();
  if (short) {
    if (wordsMemo.size >= WORDS_MEMO_SIZE) wordsMemo.clear();
    wordsMemo.set(text, result);
  }
  return result;
}
const NON_ASCII = /[^ -~\t\n\r]/;
const WORDS_MEMO_LENGTH = 300;
const WORDS_MEMO_SIZE = 10_000;
const wordsMemo = new Map<string, string>();

/** A cell's text, trimmed, or '' for anything that is not text or a number. */
export function cellText(value: unknown): string {
  if (typeof value === "string") return value.trim();
  if (typeof value === "number" && Number.isFinite(value)) return String(value);
  return "";
}
