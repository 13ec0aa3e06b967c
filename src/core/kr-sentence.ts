/**
 * A key result's text as the KR coach sees it before reading it (kr-reading.ts): cut into tokens
 * (punctuation, elision and list labels set aside, accents and ligatures folded), its figures told
 * apart from dates and labels, and its head found (its first verb or noun, past a subject, an
 * auxiliary or a time phrase). The word classes come from kr-words.ts. Also the figures of an
 * objective (objectiveNumbers), told apart from its years and quarters as a key result's are.
 */

import {
  ACHIEVE,
  ACTIVITY_VERBS,
  AUXILIARIES,
  BEFORE_QUANTITY,
  BOUNDS,
  CHANGE,
  COMPLETION,
  DEADLINES,
  DETERMINERS,
  MAINTAIN,
  MONTHS,
  MULTIPLIERS,
  NUMBER_WORDS,
  PLACEHOLDER,
  PRONOUNS,
  PUNCTUATION,
  QUARTER,
  RECURRING,
  REMOVAL,
  STOPS,
  TEAMS,
  TIME_OPENERS,
  TIME_WORDS,
  WordSet,
  YEAR,
} from "./kr-words";

// ---------------------------------------------------------------------------------------- tokens

/** One word or figure of a key result: its matching form, and where it sits in the text. */
export interface Token {
  /** Lower case, accents and ligatures folded ("Œuvre" → "oeuvre", "Réduire" → "reduire"). */
  norm: string;
  start: number;
  end: number;
  /** Holds a digit of any script. */
  digit: boolean;
}

/** Words and figures: letters with their digits ("Q3", "24h"), figures with their decimals ("37,50"), and the signs that carry meaning. */
const TOKEN = /[\p{L}\p{M}\p{N}]+(?:[.,]\p{N}+)*|[:%→<>≤≥=]/gu;
export const DIGIT = /\p{Nd}/u;
const MARKS = /\p{M}/gu;
const NON_ASCII = /[^\x20-\x7e]/;

function fold(word: string): string {
  let w = word.toLowerCase();
  if (NON_ASCII.test(w))
    w = w
      .replace(/œ/g, "oe")
      .replace(/æ/g, "ae")
      .replace(/ß/g, "ss")
      .normalize("NFD")
      .replace(MARKS, "")
      .replace(OTHER_DIGIT, asciiDigit);
  return w;
}

/** Digits of other scripts read as 0–9 ("٢٠٢٦" is a year like "2026"): each script's digits run from its zero. */
const OTHER_DIGIT = /[^\P{Nd}0-9]/gu;
// prettier-ignore
const ZEROS = [0x660, 0x6f0, 0x7c0, 0x966, 0x9e6, 0xa66, 0xae6, 0xb66, 0xbe6, 0xc66, 0xce6, 0xd66, 0xde6,
  0xe50, 0xed0, 0xf20, 0x1040, 0x1090, 0x17e0, 0x1810, 0x1946, 0x19d0, 0x1a80, 0x1a90, 0x1b50, 0x1bb0,
  0x1c40, 0x1c50, 0xa620, 0xa8d0, 0xa900, 0xa9d0, 0xa9f0, 0xaa50, 0xabf0, 0xff10];
function asciiDigit(digit: string): string {
  const code = digit.codePointAt(0)!;
  for (let i = ZEROS.length - 1; i >= 0; i--) {
    const zero = ZEROS[i]!;
    if (code >= zero && code - zero < 10) return String(code - zero);
  }
  return "0";
}

/**
 * A leading list label, set aside before reading: "KR1:", "KR #1.1 -", "Résultat clé 2 :", "1.", "-", "•".
 *
 * @example
 * "KR2 : Lancer le portail".replace(LABEL, "") //=> "Lancer le portail"
 */
const LABEL =
  /^\s*(?:(?:[-–—•*·▪►✓✔☐]+|\(?\p{N}{1,2}[.)\]]|(?:kr|okr|o|key\s*results?|r[ée]sultats?\s*cl[ée]s?|objecti(?:ve|f))\s*#?\s*\p{N}*(?:\.\p{N}+)?\s*[:.)\-–—])\s*)+/iu;

function tokenize(text: string, from: number): Token[] {
  const tokens: Token[] = [];
  TOKEN.lastIndex = from;
  for (let m = TOKEN.exec(text); m !== null; m = TOKEN.exec(text)) {
    tokens.push({ norm: fold(m[0]), start: m.index, end: m.index + m[0].length, digit: DIGIT.test(m[0]) });
  }
  return tokens;
}

// -------------------------------------------------------------------------------------- sentence

export interface WordMatch {
  /** The words of the user's text that triggered it, lower case, as written. */
  words: string;
}

/** The tokens of a key result, its figures and its head, with the look-ups the reading makes on them. */
export interface Sentence {
  /** The tokens past the list label. */
  t: Token[];
  n: number;
  /** Whether each token is a figure (not a year, a quarter, a date or a version). */
  figure: boolean[];
  /** The index of the head token, and its folded form ("" when the text has no head). */
  h: number;
  head: string;
  /** The text from token `i` to token `j`, as written. */
  raw: (i: number, j?: number) => string;
  /** One token as written. */
  raw1: (tok: Token) => string;
  /** The text between token `i - 1` and token `i`. */
  gap: (i: number) => string;
  /** Token `i` exists and is one of `words`. */
  is: (i: number, words: WordSet) => boolean;
  /** Token `i` is a verb of activity, change, result, keeping or removal. */
  isVerb: (i: number) => boolean;
  /** A deadline: a word of deadline with a date, a quarter, a year or a period soon after. */
  hasDeadline: () => boolean;
  /** A figure among tokens `from` to `to` (excluded). */
  anyFigure: (from: number, to?: number) => boolean;
  /** A figure or a frequency among tokens `from` to `to` (excluded). */
  anyValue: (from: number, to: number) => boolean;
  /** What the verb at `i - 1` acts on, as written (with its determiner if `keep`). */
  objectFrom: (i: number, keep?: boolean) => string | undefined;
}

/** Cuts a key result's text into tokens and finds its figures and its head. */
export function readSentence(text: string): Sentence {
  const label = LABEL.exec(text);
  const t = tokenize(text, label ? label[0].length : 0);
  const n = t.length;
  const raw = (i: number, j = i) => text.slice(t[i]!.start, t[j]!.end);
  const gap = (i: number) => (i > 0 && i < n ? text.slice(t[i - 1]!.end, t[i]!.start) : "");
  const is = (i: number, words: WordSet) => i >= 0 && i < n && words.has(t[i]!.norm);
  const isVerb = (i: number) =>
    is(i, ACTIVITY_VERBS) || is(i, CHANGE) || is(i, ACHIEVE) || is(i, MAINTAIN) || is(i, REMOVAL);
  /** A deadline: a word of deadline with a date, a quarter, a year or a period soon after ("by Q4", "d'ici fin 2026"). */
  const hasDeadline = () =>
    t.some(
      (x, i) =>
        DEADLINES.has(x.norm) &&
        t
          .slice(i + 1, i + 4)
          .some(
            (y) => QUARTER.test(y.norm) || YEAR.test(y.norm) || MONTHS.has(y.norm) || TIME_WORDS.has(y.norm),
          ),
    );
  const raw1 = (tok: Token) => text.slice(tok.start, tok.end);

  // Figures: digits that are not a year, a quarter, a date or a version; placeholders; number words.
  const figure: boolean[] = t.map((tok, i) => {
    const w = tok.norm;
    if (tok.digit) {
      if (QUARTER.test(w) || YEAR.test(w)) return false;
      if (is(i - 1, MONTHS) || is(i + 1, MONTHS) || w === "1er") return false;
      if (i > 0 && (t[i - 1]!.norm === "version" || t[i - 1]!.norm === "v")) return false;
      if (/^v\d/.test(w)) return false;
      if (i > 0 && YEAR.test(t[i - 1]!.norm) && /^[-/–]$/.test(gap(i))) return false;
      return true;
    }
    if (PLACEHOLDER.test(text.slice(tok.start, tok.end)))
      return is(i - 1, BEFORE_QUANTITY) || (i + 1 < n && t[i + 1]!.norm === "%");
    // "Double" and "triple" multiply as verbs ("Double the sign-ups"), not as adjectives inside a
    // noun phrase ("CRUD complet avec double validation", "double opt-in").
    if (
      MULTIPLIERS.has(w) &&
      i > 0 &&
      !is(i - 1, AUXILIARIES) &&
      !is(i - 1, PRONOUNS) &&
      !is(i + 1, DETERMINERS)
    )
      return false;
    return NUMBER_WORDS.has(w);
  });
  // Figures from each token to the end, so that "any figure between i and j" costs nothing on long text.
  const after = new Array<number>(n + 1).fill(0);
  for (let i = n - 1; i >= 0; i--) after[i] = after[i + 1]! + (figure[i] ? 1 : 0);
  const anyFigure = (from: number, to = n) =>
    after[Math.min(n, Math.max(0, from))]! > after[Math.min(n, Math.max(0, to))]!;
  // A value in a from … to: a figure or a frequency ("from monthly to weekly").
  const anyValue = (from: number, to: number) =>
    anyFigure(from, to) || t.slice(Math.max(0, from), to).some((x) => RECURRING.has(x.norm));

  // The head: past a time phrase, a subject and its auxiliaries.
  let h = 0;
  for (let pass = 0; pass < 2 && h < n; pass++) {
    if (is(h, TIME_OPENERS)) {
      let j = h + 1;
      while (j < n && j < h + 5 && !(is(j, TIME_WORDS) || QUARTER.test(t[j]!.norm) || YEAR.test(t[j]!.norm)))
        j++;
      if (j < n && j < h + 5 && (j + 1 >= n || /,/.test(gap(j + 1)))) h = j + 1;
    }
  }
  // A subject opens the clause (a pronoun first, or a team past its determiner and one qualifier);
  // its verb follows within two more words: "Our team runs 6 interviews", "Une équipe Scrum livre…".
  // A later "on" is a preposition, not a subject: "Post 30 times on Instagram".
  let subject = is(h, PRONOUNS) ? h : -1;
  if (subject < 0) {
    let j = h;
    while (is(j, DETERMINERS)) j++;
    subject = is(j, TEAMS) ? j : j > h && is(j + 1, TEAMS) ? j + 1 : -1;
  }
  if (subject >= 0) {
    h = subject + 1;
    for (let k = h; k < Math.min(n, subject + 4); k++)
      if (is(k, AUXILIARIES) || isVerb(k)) {
        h = k;
        break;
      }
    while (is(h, AUXILIARIES)) h++;
  }
  while (is(h, AUXILIARIES) && h + 1 < n) h++;
  while (is(h, DETERMINERS) && h + 1 < n) h++;
  const head = h < n ? t[h]!.norm : "";

  /** What the verb at `i - 1` acts on, as written: "the partner portal" → "partner portal" (with its determiner if `keep`). */
  const objectFrom = (i: number, keep = false): string | undefined => {
    const from = i;
    while (is(i, DETERMINERS)) i++;
    const first = keep ? from : i;
    let last = -1;
    for (let k = 0; i < n && k < 6; i++, k++) {
      const w = t[i]!.norm;
      if (figure[i] || PUNCTUATION.test(gap(i))) break;
      if (w === "of" || w === "de" || w === "du" || w === "des" || w === "d") {
        if (i + 1 < n && !figure[i + 1] && !STOPS.has(t[i + 1]!.norm) && !PUNCTUATION.test(gap(i + 1)))
          continue;
        break;
      }
      if (STOPS.has(w) || BOUNDS.has(w) || COMPLETION.has(w) || MAINTAIN.has(w) || w === ":" || w === "%")
        break;
      last = i;
    }
    return last >= first && last >= 0 ? raw(first, last) : undefined;
  };

  return { t, n, figure, h, head, raw, raw1, gap, is, isVerb, hasDeadline, anyFigure, anyValue, objectFrom };
}

/**
 * The figures in an objective, which should be qualitative. Years and quarter names are fine.
 *
 * @example
 * objectiveNumbers("Win the Belgian market in 2026") //=> undefined
 * objectiveNumbers("Reach 1M€ revenue") //=> { words: "1M€" }
 */
export function objectiveNumbers(text: string): WordMatch | undefined {
  const tokens = text.split(/\s+/).filter((token) => DIGIT.test(token));
  const figures = tokens.filter(
    (token) => !/^(19|20)\d\d[.,;:!?)]*$/.test(token) && !/^[QT][1-4]\b/i.test(token),
  );
  return figures.length ? { words: figures.join(", ") } : undefined;
}
