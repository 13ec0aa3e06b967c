/**
 * The KR coach's reading of a key result, in English and French: is it an activity (an output), a
 * level to keep (a KPI), or nothing measurable (vague)? It reads word classes and sentence shapes,
 * not sentences: the text is cut into tokens (punctuation, elision and list labels set aside, accents
 * and ligatures folded), then the head of the sentence (its first verb or noun, past a subject, an
 * auxiliary or a time phrase) and the figures around it decide. Every finding names the words of the
 * user's text that triggered it, so a user understands and can disagree. The word lists are in
 * kr-words.ts; the rules (rules/wording.ts), KRCHECK and the wizard all read them through readKr.
 */

import * as W from "./kr-words";

// ------------------------------------------------------------------------------------- reading

export interface WordMatch {
  /** The words of the user's text that triggered it, lower case, as written. */
  words: string;
}

/** What the coach reads in one key result's text. */
export interface KrReading {
  /** Worded as an activity or a deliverable, and the thing it would change, if one can be named. */
  output?: WordMatch & { object?: string };
  /** Worded as a level to keep or a bare reading, and the measure it names, if any. */
  kpi?: WordMatch & { metric?: string };
  /** Holds a quantity: a figure, a placeholder or a number word (not a date, a quarter or a label). */
  figure: boolean;
  /** Names its metric ("Measured by the number of active users"). */
  namesMetric: boolean;
  /** The change verb it opens with and what it changes, for the rewrite hint of a vague key result. */
  change?: { verb: string; object?: string };
}

// Analyses of recent titles, within a bound: Validate, KRCHECK and the review read the same titles.
const MEMO_SIZE = 10_000;
const MEMO_LENGTH = 500;
const memo = new Map<string, KrReading>();

/**
 * The coach's reading of a key result's text.
 *
 * @example
 * readKr("KR1: Launch the partner portal").output //=> { words: "launch", object: "partner portal" }
 * readKr("Uptime: 99.9%").kpi //=> { words: "uptime: 99.9%", metric: "uptime" }
 * readKr("Increase conversion from X to Y").figure //=> true
 */
export function readKr(text: string): KrReading {
  const known = memo.get(text);
  if (known !== undefined) return known;
  const reading = analyse(text);
  if (text.length > MEMO_LENGTH) return reading;
  if (memo.size >= MEMO_SIZE) memo.clear();
  memo.set(text, reading);
  return reading;
}

function analyse(text: string): KrReading {
  const label = W.LABEL.exec(text);
  const t = W.tokenize(text, label ? label[0].length : 0);
  const n = t.length;
  const raw = (i: number, j = i) => text.slice(t[i]!.start, t[j]!.end);
  const gap = (i: number) => (i > 0 && i < n ? text.slice(t[i - 1]!.end, t[i]!.start) : "");
  const is = (i: number, words: Set<string>) => i >= 0 && i < n && words.has(t[i]!.norm);
  const lower = (s: string) => s.toLowerCase();

  // Figures: digits that are not a year, a quarter, a date or a version; placeholders; number words.
  const figure: boolean[] = t.map((tok, i) => {
    const w = tok.norm;
    if (tok.digit) {
      if (W.QUARTER.test(w) || W.YEAR.test(w)) return false;
      if (is(i - 1, W.MONTHS) || is(i + 1, W.MONTHS) || w === "1er") return false;
      if (i > 0 && (t[i - 1]!.norm === "version" || t[i - 1]!.norm === "v")) return false;
      if (/^v\d/.test(w)) return false;
      if (i > 0 && W.YEAR.test(t[i - 1]!.norm) && /^[-/–]$/.test(gap(i))) return false;
      return true;
    }
    if (W.PLACEHOLDER.test(text.slice(tok.start, tok.end)))
      return is(i - 1, W.BEFORE_QUANTITY) || (i + 1 < n && t[i + 1]!.norm === "%");
    return W.NUMBER_WORDS.has(w);
  });
  // Figures from each token to the end, so that "any figure between i and j" costs nothing on long text.
  const after = new Array<number>(n + 1).fill(0);
  for (let i = n - 1; i >= 0; i--) after[i] = after[i + 1]! + (figure[i] ? 1 : 0);
  const anyFigure = (from: number, to = n) =>
    after[Math.min(n, Math.max(0, from))]! > after[Math.min(n, Math.max(0, to))]!;
  // A value in a from … to: a figure or a frequency ("from monthly to weekly").
  const anyValue = (from: number, to: number) =>
    anyFigure(from, to) || t.slice(Math.max(0, from), to).some((x) => W.RECURRING.has(x.norm));

  // The head: past a time phrase, a subject and its auxiliaries.
  let h = 0;
  for (let pass = 0; pass < 2 && h < n; pass++) {
    if (is(h, W.TIME_OPENERS)) {
      let j = h + 1;
      while (
        j < n &&
        j < h + 5 &&
        !(is(j, W.TIME_WORDS) || W.QUARTER.test(t[j]!.norm) || W.YEAR.test(t[j]!.norm))
      )
        j++;
      if (j < n && j < h + 5 && (j + 1 >= n || /,/.test(gap(j + 1)))) h = j + 1;
    }
  }
  for (let j = h; j < Math.min(n, h + 4); j++) {
    if (is(j, W.SUBJECTS)) {
      h = j + 1;
      while (is(h, W.AUXILIARIES)) h++;
      break;
    }
  }
  while (is(h, W.AUXILIARIES) && h + 1 < n) h++;
  while (is(h, W.DETERMINERS) && h + 1 < n) h++;
  const head = h < n ? t[h]!.norm : "";

  const changeAt = (i: number) =>
    is(i, W.CHANGE) &&
    (t[i]!.norm !== "faire" || is(i + 1, W.CHANGE)) &&
    (t[i]!.norm !== "passer" || anyFigure(i + 1, i + 8)) &&
    (t[i]!.norm !== "up" && t[i]!.norm !== "down" ? true : anyFigure(i + 1, i + 3));
  const removal = is(h, W.REMOVAL);
  const headChange = (changeAt(h) || removal) && !is(h + 1, W.METRIC_NOUNS);
  const headAchieve = is(h, W.ACHIEVE);
  let anyChange = headChange;
  for (let i = 0; i < n && !anyChange; i++) if (changeAt(i) && i !== h) anyChange = anyFigure(i + 1);

  // From … to …, or an arrow, with a figure on both sides.
  let fromTo = false;
  for (let i = 0; i < n && !fromTo; i++) {
    const w = t[i]!.norm;
    if (w === "→" || (w === ">" && gap(i).endsWith("-")))
      fromTo = anyFigure(i - 2, i) && anyFigure(i + 1, i + 3);
    else if (w === "from" || w === "de" || w === "du" || w === "depuis" || w === "vs" || w === "versus") {
      for (let j = i + 1; j < Math.min(n, i + 7) && !fromTo; j++)
        if (["to", "a", "au", "aux"].includes(t[j]!.norm))
          fromTo = anyValue(i + 1, j) && anyValue(j + 1, j + 4);
    }
  }

  // A purpose clause carrying a figure: "Ship the checkout to raise conversion by 10%".
  let purpose = -1;
  for (let i = h + 1; i < n; i++) {
    const w = t[i]!.norm;
    const opens =
      (W.PURPOSE.has(w) && (is(i + 1, W.CHANGE) || is(i + 1, W.ACHIEVE)) && !is(i - 1, W.COMPLEMENT_HEADS)) ||
      (w === "so" && is(i + 1, W.W_THAT_AS)) ||
      w === "afin" ||
      w === "permettant" ||
      (w === "order" && t[i - 1]?.norm === "in");
    if (opens) {
      purpose = i;
      break;
    }
  }
  const purposeFigure = purpose >= 0 && anyFigure(purpose + 1);

  const namesMetric = t.some((tok, i) => W.MEASURED.has(tok.norm) && is(i + 1, W.BY));

  /** What the verb at `i - 1` acts on, as written: "the partner portal" → "partner portal" (with its determiner if `keep`). */
  const objectFrom = (i: number, keep = false): string | undefined => {
    const from = i;
    while (is(i, W.DETERMINERS)) i++;
    const first = keep ? from : i;
    let last = -1;
    for (let k = 0; i < n && k < 6; i++, k++) {
      const w = t[i]!.norm;
      if (figure[i] || W.PUNCTUATION.test(gap(i))) break;
      if (w === "of" || w === "de" || w === "du" || w === "des" || w === "d") {
        if (i + 1 < n && !figure[i + 1] && !STOPS.has(t[i + 1]!.norm) && !W.PUNCTUATION.test(gap(i + 1)))
          continue;
        break;
      }
      if (
        STOPS.has(w) ||
        W.BOUNDS.has(w) ||
        W.COMPLETION.has(w) ||
        W.MAINTAIN.has(w) ||
        w === ":" ||
        w === "%"
      )
        break;
      last = i;
    }
    return last >= first && last >= 0 ? raw(first, last) : undefined;
  };

  const reading: KrReading = { figure: anyFigure(0) || fromTo || removal, namesMetric };

  // ------------------------------------------------------------------------------- output
  let output: { words: string; object?: string } | undefined;
  const nounHead = is(h, W.ACTIVITY_NOUNS) || ((head === "mise" || head === "mises") && is(h + 1, W.W_EN_A));
  if (h < n && !headChange && !headAchieve && !namesMetric && !purposeFigure) {
    if (is(h, W.ACTIVITY_VERBS) && !is(h + 1, W.METRIC_NOUNS)) {
      // "hold" keeps a level when a bound follows ("Hold churn at 2%"), "faire" changes one with a verb of change.
      const keeps =
        (head === "hold" || head === "held" || head === "tenir") &&
        t.slice(h + 1).some((x) => W.BOUNDS.has(x.norm) || x.norm === "at" || x.norm === "steady");
      const particle =
        is(h + 1, W.W_EN_UP_OUT_OFF) && is(h + 2, W.W_PLACE_OEUVRE_PRODUCTION_LIGNE)
          ? h + 2
          : is(h + 1, W.W_UP_OUT_OFF_IN)
            ? h + 1
            : h;
      if (!keeps && !(head === "faire" && is(h + 1, W.CHANGE))) {
        const multi =
          (head === "mettre" ||
            head === "mis" ||
            head === "mise" ||
            head === "mettez" ||
            head === "mettons") &&
          is(h + 1, W.W_EN_A)
            ? h + 2
            : particle;
        output = { words: lower(raw(h, multi)), object: objectFrom(multi + 1) };
      }
    } else if (nounHead && !is(h + 1, W.METRIC_NOUNS) && !is(h + 1, W.W_WITHIN_UNDER_EN_SOUS_IN)) {
      const end = head === "mise" || head === "mises" ? Math.min(n - 1, h + 2) : h;
      output = { words: lower(raw(h, end)), object: objectFrom(end + 1) };
    } else if (is(h, W.NEW_WORDS) && !reading.figure) {
      output = { words: lower(raw(h)) };
    } else if (is(h, W.RECURRING) && !reading.figure) {
      output = { words: lower(raw(h, Math.min(n - 1, h + 1))) };
    }
  }
  // A bare count of activities: "100 calls", "Quatre séances par semaine".
  if (!output && !headChange && !headAchieve && !anyChange) {
    for (let i = h; i < Math.min(n - 1, h + 3); i++) {
      if (figure[i] && is(i + 1, W.ACTIVITY_COUNTS)) {
        output = { words: lower(raw(i, i + 2 < n && gap(i + 2) === "-" ? i + 2 : i + 1)) };
        break;
      }
    }
  }
  // A state of completion at the end: "Refonte terminée", "New pricing live". With a count at the
  // head it counts deliverables: "6 nouvelles features majeures livrées", "3 integrations shipped".
  if (
    !output &&
    n > 1 &&
    is(n - 1, W.COMPLETION) &&
    !headChange &&
    !headAchieve &&
    (!reading.figure || (figure[h] && !anyFigure(h + 1, n - 1)))
  ) {
    output = { words: lower(raw(n - 1)) };
  }
  if (output) reading.output = output.object ? output : { words: output.words };

  // ---------------------------------------------------------------------------------- kpi
  let kpi: { words: string; metric?: string } | undefined;
  const maintainAt = t.findIndex((x, i) => W.MAINTAIN.has(x.norm) && !(x.norm === "on" && i === h));
  if (maintainAt >= 0 && !headChange && !(headAchieve && maintainAt > h)) {
    const bound = is(maintainAt + 1, W.BOUNDS)
      ? maintainAt + (is(maintainAt + 2, W.W_DESSUS_DESSOUS_THAN) ? 2 : 1)
      : maintainAt;
    kpi = { words: lower(raw(maintainAt, bound)), metric: objectFrom(bound + 1) };
  }
  if (!kpi && (head === "hold" || head === "held") && !output) {
    kpi = { words: lower(raw(h)), metric: objectFrom(h + 1) };
  }
  const stable =
    !headChange &&
    !anyChange &&
    !headAchieve &&
    !fromTo &&
    !t.some((x) => W.CHANGE_NOUNS.has(x.norm) || W.BASELINE.has(x.norm));
  // A reading: "Uptime: 99.9%", "Délai moyen de paiement : 38 jours", "Our turnover rate is 18%", or a
  // measure held to a bound by a sign: "Temps de chargement <2s sur toutes les pages".
  if (!kpi && stable && !output) {
    for (let i = 1; i < Math.min(n - 1, h + 12); i++) {
      const w = t[i]!.norm;
      const sign = w === ":" || w === "=" || w === "is" || w === "est" || (i > h && /^[<>≤≥]$/.test(w));
      if (sign && (figure[i + 1] || ((t[i + 1]!.norm === "<" || t[i + 1]!.norm === ">") && figure[i + 2]))) {
        const end = i + 2 < n && t[i + 2]!.norm === "%" ? i + 2 : i + 1;
        kpi = { words: lower(raw(h, end)), metric: i > h ? sentenceCase(raw(h, i - 1)) : undefined };
        break;
      }
    }
  }
  // An average as it stands: "Sept heures de sommeil en moyenne".
  if (!kpi && stable && !output && figure[h]) {
    const at = t.findIndex((x) => W.AVERAGE.has(x.norm));
    if (at > h && is(at - 1, W.W_EN_ON_IN)) kpi = { words: lower(raw(at - 1, at)) };
  }
  // A guardrail: "Never miss a payroll date", "Aucun incident de sécurité majeur", "Zero downtime".
  if (!kpi && stable && h < n && (is(h, W.NEGATIONS) || (t[h]!.norm === "0" && n > h + 1))) {
    kpi = { words: lower(raw(h)) };
  }
  // A level with a bound: "Less than 2 major bugs", "Have more than 100 people in meetups".
  const bounded = is(h, W.W_HAVE_HAS_AVOIR) ? h + 1 : h;
  if (
    !kpi &&
    stable &&
    !output &&
    is(bounded, W.COMPARATOR_HEADS) &&
    (is(bounded + 1, W.W_THAN_QUE_DE_LEAST_MOST_MOINS_PLUS_DESSUS_DESSOUS) ||
      /^[<>≤≥]$/.test(t[bounded]!.norm)) &&
    anyFigure(bounded)
  ) {
    kpi = { words: lower(raw(h, bounded + 1)) };
  }
  // "No more than", "ne pas dépasser" with no change at all.
  if (!kpi && stable && !output) {
    for (let i = 0; i < n - 2; i++) {
      const a = t[i]!.norm;
      const b = t[i + 1]!.norm;
      const c = t[i + 2]!.norm;
      if ((a === "no" || a === "not") && b === "more" && c === "than") kpi = { words: lower(raw(i, i + 2)) };
      else if (a === "ne" && b === "pas" && c.startsWith("depass")) kpi = { words: lower(raw(i, i + 2)) };
      if (kpi) break;
    }
  }
  if (kpi) reading.kpi = kpi.metric ? kpi : { words: kpi.words };

  if (headChange && !is(h, W.W_UP_DOWN) && /^[a-z]/.test(head) && !W.ACTIVITY_NOUNS.has(head)) {
    const verbEnd = head === "faire" ? h + 1 : h;
    reading.change = { verb: raw(h, verbEnd), object: objectFrom(verbEnd + 1, true) };
    if (!reading.change.object) reading.change = { verb: reading.change.verb };
  }
  return reading;
}

/** A name as it reads inside a sentence: "Uptime" → "uptime", but "NPS" stays. */
function sentenceCase(name: string): string {
  return /^\p{Lu}\p{Ll}/u.test(name) ? name.charAt(0).toLowerCase() + name.slice(1) : name;
}

/** Words that end the thing a verb acts on: "the partner portal | to raise…", "le portail | pour…". */
const STOPS = W.set(`to for by in on with within at from so and or before after until than while across per
  pour afin par avec dans en avant apres sur au aux a et ou jusqu ici dici chaque each every that which qui que
  is are est sont`);

/**
 * The figures in an objective, which should be qualitative. Years and quarter names are fine.
 *
 * @example
 * objectiveNumbers("Win the Belgian market in 2026") //=> undefined
 * objectiveNumbers("Reach 1M€ revenue") //=> { words: "1M€" }
 */
export function objectiveNumbers(text: string): WordMatch | undefined {
  const tokens = text.split(/\s+/).filter((token) => W.DIGIT.test(token));
  const figures = tokens.filter(
    (token) => !/^(19|20)\d\d[.,;:!?)]*$/.test(token) && !/^[QT][1-4]\b/i.test(token),
  );
  return figures.length ? { words: figures.join(", ") } : undefined;
}
