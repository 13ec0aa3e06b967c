/**
 * The KR coach's reading of a key result, in English and French: is it an activity (an output), a
 * level to keep (a KPI), or nothing measurable (vague)? It reads word classes and sentence shapes,
 * not sentences: the text is cut into tokens (punctuation, elision and list labels set aside, accents
 * and ligatures folded), then the head of the sentence (its first verb or noun, past a subject, an
 * auxiliary or a time phrase) and the figures around it decide. Every finding names the words of the
 * user's text that triggered it, so a user understands and can disagree. The word lists are in
 * kr-words.ts, the tokens and the head in kr-sentence.ts; the rules (rules/wording.ts), KRCHECK and
 * the wizard all read them through readKr.
 */

import {
  ACHIEVE,
  ACTIVITY_COUNTS,
  ACTIVITY_NOUNS,
  ACTIVITY_PARTICIPLES,
  ACTIVITY_VERBS,
  AFTER_DONE,
  AVERAGE,
  BASELINE,
  BOUNDS,
  BY,
  CHANGE,
  CHANGE_NOUNS,
  COMPARATOR_HEADS,
  COMPLEMENT_HEADS,
  COPULAS,
  COUNT_HEADS,
  DETERMINERS,
  HOLD,
  HOLD_AT,
  isDone,
  LEVEL_BOUNDS,
  MAINTAIN,
  MEASURED,
  METRIC_NOUNS,
  NEGATIONS,
  NEW_WORDS,
  PUNCTUATION,
  PURPOSE,
  RECURRING,
  REMOVAL,
  W_A_DE_THAN,
  W_DESSUS_DESSOUS_THAN,
  W_EN_A,
  W_EN_ON_IN,
  W_EN_UP_OUT_OFF,
  W_HAVE_HAS_AVOIR,
  W_OF,
  W_PLACE_OEUVRE_PRODUCTION_LIGNE,
  W_THAN_QUE_DE_LEAST_MOST_MOINS_PLUS_DESSUS_DESSOUS,
  W_THAT_AS,
  W_UP_DOWN,
  W_UP_OUT_OFF_IN,
  W_WITHIN_UNDER_EN_SOUS_IN,
} from "./kr-words";
import { readSentence, type WordMatch } from "./kr-sentence";

export type { WordMatch };

// ------------------------------------------------------------------------------------- reading

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
  const { t, n, figure, h, head, raw, raw1, gap, is, isVerb, hasDeadline, anyFigure, anyValue, objectFrom } =
    readSentence(text);
  const lower = (s: string) => s.toLowerCase();

  const changeAt = (i: number) =>
    is(i, CHANGE) &&
    (t[i]!.norm !== "faire" || is(i + 1, CHANGE)) &&
    (t[i]!.norm !== "passer" || anyFigure(i + 1, i + 8)) &&
    (t[i]!.norm !== "up" && t[i]!.norm !== "down" ? true : anyFigure(i + 1, i + 3));
  const removal = is(h, REMOVAL);
  const headChange = (changeAt(h) || removal) && !is(h + 1, METRIC_NOUNS);
  const headAchieve = is(h, ACHIEVE);
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
      (PURPOSE.has(w) && (is(i + 1, CHANGE) || is(i + 1, ACHIEVE)) && !is(i - 1, COMPLEMENT_HEADS)) ||
      (w === "so" && is(i + 1, W_THAT_AS)) ||
      w === "afin" ||
      w === "permettant" ||
      (w === "order" && t[i - 1]?.norm === "in");
    if (opens) {
      purpose = i;
      break;
    }
  }
  const purposeFigure = purpose >= 0 && anyFigure(purpose + 1);

  const namesMetric = t.some((tok, i) => MEASURED.has(tok.norm) && is(i + 1, BY));

  const reading: KrReading = { figure: anyFigure(0) || fromTo || removal, namesMetric };

  // ------------------------------------------------------------------------------- output
  let output: { words: string; object?: string } | undefined;
  const nounHead = is(h, ACTIVITY_NOUNS) || ((head === "mise" || head === "mises") && is(h + 1, W_EN_A));
  if (h < n && !headChange && !headAchieve && !namesMetric && !purposeFigure) {
    if (is(h, ACTIVITY_VERBS) && !is(h + 1, METRIC_NOUNS)) {
      // "hold" keeps a level when a bound follows ("Hold churn at 2%", "Tenir le taux de retour à 1 %"),
      // "faire" changes one with a verb of change.
      const keeps = is(h, HOLD) && t.slice(h + 1).some((x) => BOUNDS.has(x.norm) || HOLD_AT.has(raw1(x)));
      const particle =
        is(h + 1, W_EN_UP_OUT_OFF) && is(h + 2, W_PLACE_OEUVRE_PRODUCTION_LIGNE)
          ? h + 2
          : is(h + 1, W_UP_OUT_OFF_IN)
            ? h + 1
            : h;
      if (!keeps && !(head === "faire" && is(h + 1, CHANGE))) {
        const multi =
          (head === "mettre" ||
            head === "mis" ||
            head === "mise" ||
            head === "mettez" ||
            head === "mettons") &&
          is(h + 1, W_EN_A)
            ? h + 2
            : particle;
        output = { words: lower(raw(h, multi)), object: objectFrom(multi + 1) };
      }
    } else if (nounHead && !is(h + 1, METRIC_NOUNS) && !is(h + 1, W_WITHIN_UNDER_EN_SOUS_IN)) {
      const end = head === "mise" || head === "mises" ? Math.min(n - 1, h + 2) : h;
      output = { words: lower(raw(h, end)), object: objectFrom(end + 1) };
    } else if (is(h, NEW_WORDS) && !reading.figure) {
      output = { words: lower(raw(h)) };
    } else if (is(h, RECURRING) && !reading.figure) {
      output = { words: lower(raw(h, Math.min(n - 1, h + 1))) };
    }
  }
  // A bare count of activities: "100 calls", "Quatre séances par semaine".
  if (!output && !headChange && !headAchieve && !anyChange) {
    for (let i = h; i < Math.min(n - 1, h + 3); i++) {
      if (figure[i] && is(i + 1, ACTIVITY_COUNTS)) {
        output = { words: lower(raw(i, i + 2 < n && gap(i + 2) === "-" ? i + 2 : i + 1)) };
        break;
      }
      // One qualifier may come between, as in English: "12 customer webinars", "40 discovery calls".
      if (
        figure[i] &&
        is(i + 2, ACTIVITY_COUNTS) &&
        !figure[i + 1] &&
        !is(i + 1, METRIC_NOUNS) &&
        !PUNCTUATION.test(gap(i + 2))
      ) {
        output = { words: lower(raw(i, i + 2)) };
        break;
      }
    }
  }
  // A count (not a share) opens the sentence: "6 features livrées", not "95 % du catalogue disponible".
  const countAtHead = figure[h] === true && !(h + 1 < n && t[h + 1]!.norm === "%");
  // A state of completion at the end: "Refonte terminée", "New pricing live", "Recettes testées". With a
  // count at the head it counts deliverables: "6 nouvelles features majeures livrées", "3 integrations shipped".
  // Right after the thing done, before its agent or a bracket, it reads the same: "Profils validés par
  // l'expert", "Pipeline CI/CD complet (lint → test)".
  if (!output && n > 1 && !headChange && !headAchieve) {
    const done =
      isDone(t[n - 1]!.norm) && (!reading.figure || (countAtHead && !anyFigure(h + 1, n - 1)))
        ? n - 1
        : reading.figure
          ? -1
          : t.findIndex(
              (x, i) =>
                i > h &&
                i <= h + 4 &&
                isDone(x.norm) &&
                (PUNCTUATION.test(gap(i + 1)) || is(i + 1, AFTER_DONE)) &&
                !PUNCTUATION.test(text.slice(t[h]!.start, x.start)),
            );
    if (done > 0) {
      // The thing done, for the hint: "Partner portal shipped" → "partner portal".
      let first = h;
      while (is(first, DETERMINERS) && first < done) first++;
      const plain =
        first < done &&
        done - first <= 5 &&
        !anyFigure(first, done) &&
        !PUNCTUATION.test(text.slice(t[first]!.start, t[done - 1]!.end));
      output = plain
        ? { words: lower(raw(done)), object: sentenceCase(raw(first, done - 1)) }
        : { words: lower(raw(done)) };
    }
  }
  // A count of things done, with no figure to reach: "Nombre de formations données", "Nombre de
  // tickets traités par le support". Counting them measures the activity, not its result.
  if (!output && !reading.figure && !headChange && !headAchieve && is(h, COUNT_HEADS)) {
    for (let i = h + 2; i < Math.min(n, h + 5) && is(h + 1, W_OF); i++)
      if (is(i, ACTIVITY_COUNTS) || ACTIVITY_PARTICIPLES.has(t[i]!.norm)) {
        output = { words: lower(raw(h, i)) };
        break;
      }
  }
  if (output) reading.output = output.object ? output : { words: output.words };

  // ---------------------------------------------------------------------------------- kpi
  let kpi: { words: string; metric?: string } | undefined;
  const maintainAt = t.findIndex((x, i) => MAINTAIN.has(x.norm) && !(x.norm === "on" && i === h));
  if (maintainAt >= 0 && !headChange && !(headAchieve && maintainAt > h)) {
    const bound = is(maintainAt + 1, BOUNDS)
      ? maintainAt + (is(maintainAt + 2, W_DESSUS_DESSOUS_THAN) ? 2 : 1)
      : maintainAt;
    kpi = { words: lower(raw(maintainAt, bound)), metric: objectFrom(bound + 1) };
  }
  if (!kpi && is(h, HOLD) && !output) {
    kpi = { words: lower(raw(h)), metric: objectFrom(h + 1) };
  }
  const stable =
    !headChange &&
    !anyChange &&
    !headAchieve &&
    !fromTo &&
    !t.some((x) => CHANGE_NOUNS.has(x.norm) || BASELINE.has(x.norm));
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
  // A measure held to a bound in words, with no change and no deadline: "Customer satisfaction above
  // 90%", "Taux de disponibilité supérieur à 99,5 %", "Churn under 2% each month". With a deadline it is a
  // target to reach ("NPS above 50 by Q4"), and so is a sentence with its verb ("Votre handicap est
  // inférieur à 16"); "within"/"sous" state a service delay, not a level kept.
  if (!kpi && stable && !output && h < n && !isVerb(h) && !is(h, COMPARATOR_HEADS) && !hasDeadline()) {
    for (let i = h + 1; i < Math.min(n - 1, h + 10); i++) {
      if (is(i, COPULAS)) break;
      if (!is(i, LEVEL_BOUNDS)) continue;
      const at = figure[i + 1] ? i + 1 : is(i + 1, W_A_DE_THAN) && figure[i + 2] ? i + 2 : -1;
      if (at < 0) continue;
      const end = at + 1 < n && t[at + 1]!.norm === "%" ? at + 1 : at;
      kpi = { words: lower(raw(i, end)), metric: sentenceCase(raw(h, i - 1)) };
      break;
    }
  }
  // An average as it stands: "Sept heures de sommeil en moyenne".
  if (!kpi && stable && !output && figure[h]) {
    const at = t.findIndex((x) => AVERAGE.has(x.norm));
    if (at > h && is(at - 1, W_EN_ON_IN)) kpi = { words: lower(raw(at - 1, at)) };
  }
  // A guardrail: "Never miss a payroll date", "Aucun incident de sécurité majeur", "Zero downtime".
  if (!kpi && stable && h < n && (is(h, NEGATIONS) || (t[h]!.norm === "0" && n > h + 1))) {
    kpi = { words: lower(raw(h)) };
  }
  // A level with a bound: "Less than 2 major bugs", "Have more than 100 people in meetups".
  const bounded = is(h, W_HAVE_HAS_AVOIR) ? h + 1 : h;
  if (
    !kpi &&
    stable &&
    !output &&
    is(bounded, COMPARATOR_HEADS) &&
    (is(bounded + 1, W_THAN_QUE_DE_LEAST_MOST_MOINS_PLUS_DESSUS_DESSOUS) ||
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

  if (headChange && !is(h, W_UP_DOWN) && /^[a-z]/.test(head) && !ACTIVITY_NOUNS.has(head)) {
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
