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
  return String(text ?? "")
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[’']/g, " ")
    .replace(/[^a-z0-9%.,]+/g, " ")
    .trim();
}

/** A cell's text, trimmed, or '' for anything that is not text or a number. */
export function cellText(value: unknown): string {
  if (typeof value === "string") return value.trim();
  if (typeof value === "number" && Number.isFinite(value)) return String(value);
  return "";
}
