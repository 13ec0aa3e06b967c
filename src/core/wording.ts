/**
 * The wording heuristics, as data: the words that make a key result look like an activity (an
 * output) or like a level to keep (a KPI), in English and French. Every finding names the words
 * that triggered it, so a user understands and can disagree. Edit the lists here, nowhere else.
 */
import { words } from "./text";

/** Activities and deliverables, matched at the start of a key result ("Launch the app"). */
// prettier-ignore
export const OUTPUT_STARTS: readonly string[] = [
  // English
  "launch", "implement", "organize", "organise", "create", "hire", "recruit", "run", "hold", "host", "build",
  "develop", "deliver", "ship", "release", "publish", "write", "finalize", "finalise", "complete", "set up",
  "setup", "roll out", "deploy", "migrate", "design", "introduce", "install", "conduct", "produce",
  "redesign", "rebuild", "start", "do", "attend", "train",
  // French (accents are ignored when matching)
  "lancer", "lancement", "mettre en place", "mise en place", "organiser", "organisation de", "creer",
  "creation", "recruter", "recrutement", "embaucher", "livrer", "livraison", "finaliser", "finalisation",
  "developper", "developpement", "deployer", "deploiement", "construire", "rediger", "redaction", "publier",
  "publication", "realiser", "realisation", "migrer", "migration", "concevoir", "conception", "installer",
  "installation", "implementer", "implementation", "refondre", "refonte", "animer", "tenir", "faire",
  "former", "demarrer",
];

/** Wording of a level to maintain rather than a change to make, matched anywhere. */
// prettier-ignore
export const MAINTAIN_WORDS: readonly string[] = [
  // English, then French
  "keep", "maintain", "stay above", "stay below", "stay under", "remain", "sustain", "preserve",
  "hold at", "no more than", "at least as", "maintenir", "garder", "rester au dessus", "rester en dessous",
  "rester sous", "rester a", "conserver", "preserver", "stabiliser", "ne pas depasser",
];

export interface WordMatch {
  /** The words found, as written in the lists, joined for a message. */
  words: string;
}

// Normalized once, on first use, with the spaces a match needs around them: matching a key result
// then allocates nothing per word (the validator and KRCHECK run this on every key result).
let starts: { word: string; prefix: string }[] | undefined;
let maintain: { word: string; padded: string }[] | undefined;
// Fast rejection, same answers: most key results start with none of the activity words (checked by
// their first word, one Set lookup) and hold none of the maintain words (one regular expression),
// so the per-word loops below only run on the few that might match.
let firstWords: Set<string> | undefined;
let anyMaintain: RegExp | undefined;

const firstWord = (text: string): string => {
  const space = text.indexOf(" ");
  return space < 0 ? text : text.slice(0, space);
};
const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * The activity word a key result starts with, if any (the longest when several match).
 *
 * @example
 * outputWords("Launch the new onboarding") //=> { words: "launch" }
 * outputWords("Mettre en place un CRM") //=> { words: "mettre en place" }
 * outputWords("Raise NPS from 30 to 45") //=> undefined
 */
export function outputWords(text: string): WordMatch | undefined {
  starts ??= OUTPUT_STARTS.map((w) => ({ word: words(w), prefix: `${words(w)} ` }));
  firstWords ??= new Set(starts.map((s) => firstWord(s.word)));
  const t = words(text);
  if (!firstWords.has(firstWord(t))) return undefined;
  let hit: string | undefined;
  for (const { word, prefix } of starts) {
    if ((t === word || t.startsWith(prefix)) && (hit === undefined || word.length > hit.length)) hit = word;
  }
  return hit ? { words: hit } : undefined;
}

/**
 * The words of a key result that only maintain a level, if any.
 *
 * @example
 * maintainWords("Keep churn below 2%") //=> { words: "keep" }
 * maintainWords("Maintenir le NPS au-dessus de 40") //=> { words: "maintenir" }
 */
export function maintainWords(text: string): WordMatch | undefined {
  maintain ??= MAINTAIN_WORDS.map((w) => ({ word: words(w), padded: ` ${words(w)} ` }));
  anyMaintain ??= new RegExp(maintain.map((m) => escape(m.padded)).join("|"));
  const t = ` ${words(text)} `;
  if (!anyMaintain.test(t)) return undefined;
  let hits: string | undefined;
  for (const { word, padded } of maintain) {
    if (t.includes(padded)) hits = hits === undefined ? word : `${hits}, ${word}`;
  }
  return hits === undefined ? undefined : { words: hits };
}

/** True when the text holds a figure ("30", "2,5", "15%"). */
export function hasNumber(text: string): boolean {
  return /\d/.test(text);
}

/**
 * The figures in an objective, which should be qualitative. Years and quarter names are fine.
 *
 * @example
 * objectiveNumbers("Win the Belgian market in 2026") //=> undefined
 * objectiveNumbers("Reach 1M€ revenue") //=> { words: "1M€" }
 */
export function objectiveNumbers(text: string): WordMatch | undefined {
  const tokens = text.split(/\s+/).filter((token) => /\d/.test(token));
  const figures = tokens.filter(
    (token) => !/^(19|20)\d\d[.,;:!?)]*$/.test(token) && !/^[QT][1-4]\b/i.test(token),
  );
  return figures.length ? { words: figures.join(", ") } : undefined;
}
