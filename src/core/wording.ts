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

const normalizedStarts = () => OUTPUT_STARTS.map((w) => words(w));
const normalizedMaintain = () => MAINTAIN_WORDS.map((w) => words(w));
let starts: string[] | undefined;
let maintain: string[] | undefined;

/**
 * The activity word a key result starts with, if any.
 *
 * @example
 * outputWords("Launch the new onboarding") //=> { words: "launch" }
 * outputWords("Mettre en place un CRM") //=> { words: "mettre en place" }
 * outputWords("Raise NPS from 30 to 45") //=> undefined
 */
export function outputWords(text: string): WordMatch | undefined {
  starts ??= normalizedStarts();
  const t = words(text);
  const hit = starts.filter((w) => t === w || t.startsWith(`${w} `)).sort((a, b) => b.length - a.length)[0];
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
  maintain ??= normalizedMaintain();
  const t = ` ${words(text)} `;
  const hits = maintain.filter((w) => t.includes(` ${w} `));
  return hits.length ? { words: hits.join(", ") } : undefined;
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
