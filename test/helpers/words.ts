/**
 * Common English words that have no place in French text, and the product names that may appear
 * in either language. Shared by the catalogue test and the e2e tests of the sheet language.
 */
export const ENGLISH_WORDS = new Set(
  (
    "the and of to is are was were with for from this that these those your you it its be been has have " +
    "not no yes by an in at as will would should can could must which what when where who how all each " +
    "every some more less than then there their they we our my me if but so do does done only also into " +
    "about after before over under up down out new next last first one two three week weeks day days " +
    "quarter team teams owner owners key result results objective objectives check sheet settings " +
    "setting status target baseline increase decrease milestone threshold launch keep maintain error " +
    "errors warning warnings save saved review draft help open close cancel move try again please " +
    "nothing something went wrong insert inserted created kept added allowed level levels company " +
    "value values number text list entry field fields unexpected invalid required missing stale trend " +
    "confidence findings finding lesson weight kind committed aspirational track risk " +
    "started carry"
  ).split(" "),
);

/** Names kept as they are in French: the product, Google's, and abbreviations. */
export const PRODUCT_NAMES = [
  "OKR Sheets",
  "Google Sheets",
  "Extensions",
  "OKR",
  "KPI",
  "ID",
  "Sheets",
  "Google",
];

/** The words of a text, placeholders dropped and plural choices kept as words. */
export function wordsOf(text: string): string[] {
  let plain = text.replace(/\{\w+:([^|{}]*)\|([^{}]*)\}/g, " $1 $2 ").replace(/\{\w+\}/g, " ");
  // Function names (KRSCORE, OKRSTATUS) are the same in every language.
  plain = plain.replace(/\b[A-Z]{3,}\b/g, " ");
  for (const name of PRODUCT_NAMES) plain = plain.split(name).join(" ");
  return plain.toLowerCase().match(/[a-zà-ÿœ]+/g) ?? [];
}

/** The English words found in a French text. */
export function englishIn(text: string): string[] {
  return wordsOf(text).filter((w) => ENGLISH_WORDS.has(w));
}

/** Common French words, and the letters English text never has. */
const FRENCH_WORDS = new Set(
  (
    "le la les des du une est sont pour avec dans sur pas aucun aucune objectif objectifs équipe " +
    "responsable trimestre cible départ paramètres feuille point points résultat résultats clé clés " +
    "valeur jalon seuil augmenter diminuer engagé ambitieux entreprise remarque avertissement erreur"
  ).split(" "),
);

/** The French words (or accented letters) found in an English text. */
export function frenchIn(text: string): string[] {
  return wordsOf(text).filter((w) => FRENCH_WORDS.has(w) || /[àâçéèêëîïôûùüœ]/.test(w));
}
