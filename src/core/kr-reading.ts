/**
 * The KR coach's reading of a key result, in English and French: is it an activity (an output), a
 * level to keep (a KPI), or nothing measurable (vague)? It reads word classes and sentence shapes,
 * not sentences: the text is cut into tokens (punctuation, elision and list labels set aside, accents
 * and ligatures folded), then the head of the sentence (its first verb or noun, past a subject, an
 * auxiliary or a time phrase) and the figures around it decide. Every finding names the words of the
 * user's text that triggered it, so a user understands and can disagree. Edit the word lists here,
 * nowhere else; the rules (rules/wording.ts), KRCHECK and the wizard all read them through readKr.
 */

// ---------------------------------------------------------------------------------------- tokens

/** One word or figure of a key result: its matching form, and where it sits in the text. */
interface Token {
  /** Lower case, accents and ligatures folded ("Œuvre" → "oeuvre", "Réduire" → "reduire"). */
  norm: string;
  start: number;
  end: number;
  /** Holds a digit of any script. */
  digit: boolean;
}

/** Words and figures: letters with their digits ("Q3", "24h"), figures with their decimals ("37,50"), and the signs that carry meaning. */
const TOKEN = /[\p{L}\p{M}\p{N}]+(?:[.,]\p{N}+)*|[:%→<>≤≥=]/gu;
const DIGIT = /\p{Nd}/u;
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

// ---------------------------------------------------------------------------------- word classes

const words = (list: string): string[] => list.split(/\s+/).filter(Boolean);

/** A word list, built on its first look-up: a script loaded for another formula never builds it. */
type WordSet = Pick<ReadonlySet<string>, "has">;
function lazy(build: () => Set<string>): WordSet {
  let built: Set<string> | undefined;
  return { has: (word) => (built ??= build()).has(word) };
}

const set = (list: string): WordSet => lazy(() => new Set(words(list)));

/** Regular English forms of a verb: launch → launches, launched, launching; ship → shipped, shipping. */
function englishForms(verb: string): string[] {
  const stem = verb.endsWith("e") ? verb.slice(0, -1) : verb;
  const double = /[^aeiou][aeiou][bdglmnprt]$/.test(verb) ? verb + verb.slice(-1) : verb;
  return [
    verb,
    `${verb}s`,
    `${verb}es`,
    `${stem}ed`,
    `${stem}ing`,
    `${double}ed`,
    `${double}ing`,
    verb.replace(/y$/, "ies"),
    verb.replace(/y$/, "ied"),
  ];
}

/** Regular French forms of a verb in -er or -ir: lancer → lance, lancez, lançons, lancé, lancée…; fournir → fournis, fourni… */
function frenchForms(verb: string): string[] {
  if (verb.endsWith("er")) {
    const s = verb.slice(0, -2);
    const soft = s.endsWith("g") ? `${s}e` : s;
    return [
      verb,
      `${s}e`,
      `${s}es`,
      `${s}ent`,
      `${s}ez`,
      `${soft}ons`,
      `${s}e`,
      `${s}ee`,
      `${s}es`,
      `${s}ees`,
      `${soft}ant`,
      `${s}era`,
      `${s}erons`,
      `${s}ons`,
    ];
  }
  if (verb.endsWith("ir")) {
    const s = verb.slice(0, -2);
    return [verb, `${s}is`, `${s}it`, `${s}i`, `${s}ie`, `${s}ies`, `${s}issons`, `${s}issez`, `${s}issant`];
  }
  return [verb];
}

const forms = (english: string, french: string, irregular = ""): WordSet =>
  lazy(
    () =>
      new Set([
        ...words(english).flatMap(englishForms),
        ...words(french).flatMap(frenchForms),
        ...words(irregular),
      ]),
  );

/** The verbs of activity, in English and French (see ACTIVITY_VERBS). */
const ACTIVITY_EN = `launch implement organize organise create hire recruit run host build develop deliver ship release
   publish write finalize finalise complete deploy migrate design introduce install conduct produce
   redesign rebuild start attend train send post collect provide assess evaluate renegotiate negotiate
   analyze analyse prioritize prioritise schedule undertake agree document update upgrade refactor rewrite
   draft prepare plan define map identify research investigate interview call contact email present
   announce share communicate facilitate coordinate participate integrate automate audit test
   establish institute roll kick perform execute finish onboard mentor coach fix propose validate approve
   amplify celebrate promote advertise invest process manufacture hold`;
const ACTIVITY_FR = `lancer implementer organiser creer recruter embaucher livrer finaliser developper deployer rediger
   publier realiser migrer installer refondre animer demarrer former envoyer collecter fournir evaluer
   renegocier negocier mener effectuer analyser identifier documenter definir preparer planifier
   programmer contacter appeler interviewer participer assister integrer automatiser auditer tester
   organiser elaborer etablir presenter partager communiquer annoncer moderniser refaire installer
   executer accompagner coacher corriger proposer valider approuver celebrer investir traiter fabriquer
   prospecter demarcher`;
/** Irregular forms, participles among them ("built", "construit", "mis", "refondu"). */
const ACTIVITY_IRREGULAR = `ran built wrote written sent led held did done made began begun undertook undertaken set
   construire construit construis construisez construisons produire produit produis produisez produisons
   conduire conduit conduis conduisez conduisons ecrire ecrit ecris ecrivez ecrivons concevoir concu
   concevez concevons con conçu refondu refonds tenir tenu tenez tenons tient faire fait faites faisons
   mettre mis mise mises mettez mettons met acquerir promouvoir promu promeut promouvons`;

/**
 * Verbs of activity: communication, production, analysis, organisation, delivery, hiring. At the
 * head of a key result, in any form ("Launch", "Launching", "Lancez", "avons déployé"), they make it
 * an output.
 *
 * @example "Publish 12 articles", "Lancez le programme", "Nous avons déployé le CRM"
 */
const ACTIVITY_VERBS = forms(ACTIVITY_EN, ACTIVITY_FR, ACTIVITY_IRREGULAR);

/**
 * Past participles of the verbs of activity: after the thing done they state it done, like
 * "terminé" ("Recettes testées", "Profils validés par l'expert", "Onboarding automated").
 *
 * @example "Expert Profiles avec recettes exécutables testées", "BA Profiles validés par l'expert"
 */
const ACTIVITY_PARTICIPLES = new Set([
  ...words(ACTIVITY_EN).flatMap((verb) => englishForms(verb).filter((form) => form.endsWith("ed"))),
  ...words(ACTIVITY_FR).flatMap((verb) => {
    const s = verb.slice(0, -2);
    return verb.endsWith("er")
      ? [`${s}e`, `${s}ee`, `${s}es`, `${s}ees`]
      : [`${s}i`, `${s}ie`, `${s}is`, `${s}ies`];
  }),
  ...words(`built written sent done made construit construits construite construites produit produits
    produite produites ecrit ecrits ecrite ecrites concu concus concue concues refondu refondue fait faits
    faite faites mis mise mises`),
]);

/** Nouns of activity at the head ("Mise en place d'un CRM", "Lancement du portail", "Identification des obstacles"). */
const ACTIVITY_NOUNS = set(`
  launch rollout implementation deployment migration redesign creation installation introduction setup
  publication completion hiring recruitment recruiting organization organisation identification analysis
  audit delivery release development construction documentation onboarding
  lancement deploiement refonte creation installation livraison redaction publication realisation
  conception implementation integration automatisation recrutement construction developpement definition
  preparation envoi collecte animation tenue negociation renegociation identification analyse evaluation
  organisation formation migration modernisation elaboration acquisition installation participation
  attendance presence`);

/** Activities counted as such: "100 calls", "12 webinars", "30 rendez-vous". */
const ACTIVITY_COUNTS = set(`
  calls call emails mails webinars webinar meetings meeting interviews workshops demos demo posts articles
  sessions events trainings campaigns newsletters videos tests experiments hackathons conferences pitches
  visits outreach touchpoints releases
  appels appel webinaires reunions rendez rdv entretiens ateliers demos demonstrations articles seances
  sessions evenements formations campagnes videos tests experimentations conferences visites relances
  publications`);

/**
 * Verbs and nouns of change: the key result moves a level. "Faire passer", "porter … à", "ramener".
 *
 * @example "Raise NPS from 30 to 45", "Faire passer la note de 3,9 à 4,5", "Réduction du churn de 5 %"
 */
const CHANGE = forms(
  `increase raise grow reduce cut lower decrease improve boost lift double halve triple drop shrink
   expand accelerate optimize optimise minimize minimise maximize maximise shorten speed diminish
   multiply decline slash trim bring move push enhance`,
  `augmenter reduire diminuer baisser ameliorer accroitre doubler tripler diviser multiplier passer
   porter accelerer optimiser minimiser maximiser abaisser relever hausser elever progresser croitre
   evoluer ramener faire`,
  `grew grown brought reduis reduit reduisez reduisons accru accrois accroit croit
   increase reduction growth augmentation hausse baisse diminution amelioration progression croissance
   acceleration optimisation up down`,
);

/** Nouns of a change: "At least 32.5% improvement in energy efficiency" states a change, not a level. */
const CHANGE_NOUNS =
  set(`improvement improvements increase increases reduction reductions cut cuts growth gain
  gains decrease decreases drop drops rise uplift augmentation augmentations hausse baisse diminution
  amelioration progression croissance reduction reductions`);

/**
 * Verbs of removal: they change a level and set their own target, zero, so the key result is measurable.
 *
 * @example "Eliminate current Support cost for 'free users'", "Éliminer les ruptures de stock"
 */
const REMOVAL = forms(`eliminate eradicate`, `eliminer eradiquer`);

/** Verbs of a result reached: they make a key result an outcome, even with a bare target. */
const ACHIEVE = forms(
  `achieve reach attain hit get obtain generate sign close win gain earn acquire secure convert retain
   exceed surpass keep-up`,
  `atteindre obtenir generer signer conclure gagner conquerir decrocher depasser convertir fideliser
   retenir franchir apporter compter`,
  `got won atteint atteins atteignez atteignons obtenu obtiens obtenez obtenons conclu conquis acquis`,
);

/** Verbs of keeping a level. */
const MAINTAIN = forms(
  `keep maintain sustain preserve remain stay stabilize stabilise protect`,
  `maintenir garder conserver preserver rester stabiliser perenniser`,
  `kept maintiens maintient maintenez maintenons maintenu maintien`,
);

/** Words that put a bound on a level: "below 2%", "au-dessus de 40", "no more than 2 h". */
const BOUNDS = set(`below under above over beneath within between less fewer more least most max maximum
  minimum sous dessus dessous au entre moins plus max maximum minimum inferieur superieur < > ≤ ≥`);

/** Comparators that open a key result: "Less than 2 bugs", "Plus de 100 participants". */
const COMPARATOR_HEADS = set(
  `less fewer more over under below above at moins plus au inferieur superieur < > ≤ ≥`,
);

/** Negations that open a guardrail: "Never miss a payroll date", "Aucun incident majeur", "Zero downtime". */
const NEGATIONS = set(`never no zero none not nobody aucun aucune jamais zero pas sans nul nulle`);

/** Pronouns that open a clause as its subject: "We will…", "Nous avons déployé…", "On livre…". */
const PRONOUNS = set(`we i nous je on`);
/** A team as the subject, after its determiner and a qualifier: "Our support team runs…", "Une équipe Scrum livre…". */
const TEAMS = set(`team teams squad squads equipe equipes`);
const AUXILIARIES = set(`will shall must should can to have has had are is be going need needs aim want
  allons avons avoir devons ai vais va veut voulons doit sommes souhaitons`);
const DETERMINERS = set(`the a an our your their my its this these those le la les l un une des du de d
  notre nos votre vos leur leurs ce cette ces son sa ses mon ma mes`);

/** Time phrases that may open a key result: "Each quarter,", "Sur le prochain trimestre,", "By Q3,". */
const TIME_WORDS = set(`quarter quarters month months week weeks year years day days sprint sprints
  trimestre trimestres mois semaine semaines annee annees an ans jour jours sprint`);
const TIME_OPENERS =
  set(`each every chaque tous toutes sur over during pendant in by en d dici ici au within this next
  durant cours`);

/** Names of a measure: after an activity word they make it a noun ("Build time", "Release frequency", "Run-rate"). */
const METRIC_NOUNS = set(`time times frequency rate rates duration speed success failure failures cost costs
  quality velocity latency reliability coverage volume size throughput cycle lead efficiency accuracy
  delai delais taux temps frequence duree cout couts qualite vitesse volume fiabilite couverture`);

/** States of a thing done: "Refonte terminée", "pricing live", "Avoir le produit X terminé". */
const COMPLETION = set(`done complete completed live launched shipped delivered released deployed finished
  finalized finalised implemented termine terminee termines terminees finalise finalisee finalises
  finalisees livre livree livres livrees lance lancee lances lancees deploye deployee deployes deployees
  acheve acheve acheves achevees operationnel operationnelle operationnels operationnelles functional
  fonctionnel fonctionnelle fonctionnels fonctionnelles complet complets ready pret prete prets pretes
  available disponible disponibles`);
/** A thing stated done: a word of completion, or the participle of a verb of activity ("testées", "automated"). */
const isDone = (word: string): boolean => COMPLETION.has(word) || ACTIVITY_PARTICIPLES.has(word);
/** Words that may follow a thing stated done: its agent or its companion ("validés par l'expert", "complet avec…"). */
const AFTER_DONE = set(`by par with avec for pour in dans on sur`);
/** "Hold" and "tenir": they keep a level when a bound or a level follows ("Hold churn at 2%", "Tenir … à 1 %"). */
const HOLD = set(`hold holds held holding tenir tiens tient tenons tenez`);
/** The words that set the level held, as written: "at", "steady", and the accented French "à" (not the article "a"). */
const HOLD_AT = new Set(["at", "steady", "à", "À"]);
/** Bounds written as words that hold a measure to a level: "above 90%", "supérieur à 99,5 %", "au-dessous de 2 %". */
const LEVEL_BOUNDS = set(`above below under over beneath superieur superieure superieurs superieures inferieur
  inferieure inferieurs inferieures dessus dessous`);
/** Copulas: a bound after one states a state to reach, not a label held to a level. */
const COPULAS = set(`is are was were be est sont soit etre`);
/** Words that set a deadline when a date, a quarter or a period follows: "by Q4", "d'ici fin 2026", "avant mars". */
const DEADLINES = set(`by dici ici avant before until jusqu end fin`);
/** Heads that count things: "Nombre de formations données", "Number of tickets handled". */
const COUNT_HEADS = set(`nombre number count`);

const NEW_WORDS = set(`new nouveau nouvel nouvelle nouveaux nouvelles`);
const RECURRING = set(`daily weekly monthly quarterly yearly annual biweekly quotidien quotidienne
  hebdomadaire hebdomadaires mensuel mensuelle mensuels mensuelles trimestriel trimestrielle annuel annuelle`);

/**
 * Words after which "to" opens a complement, not a purpose: "accounts more likely to reach 60+ days past
 * due" describes the accounts; it is not what the work is for.
 */
const COMPLEMENT_HEADS = set(`likely unlikely able unable going about due used`);
/**
 * Words that state where a level stands today: with one, a target is a change from it, not a reading.
 *
 * @example "200k views per 30 days of Node.js Collection articles (current is 125k)"
 */
const BASELINE = set(
  `current currently baseline today actuel actuelle actuels actuelles actuellement aujourd`,
);
/**
 * An average stated as it stands is a reading of a level: "Sept heures de sommeil en moyenne",
 * "3 tickets per agent on average".
 */
const AVERAGE = set(`moyenne average`);
/** Where a purpose clause opens before a verb of change: "to raise conversion by 10%", "pour réduire le churn de 5 %". */
const PURPOSE = set(`to pour de`);
/** "Measured by …", "Mesurés par …": a named metric, so not vague. */
const MEASURED = set(`measured tracked mesure mesuree mesures mesurees suivi suivie suivis`);
const BY = set(`by par`);
const PUNCTUATION = /[,;:()[\]"«»“”.!?]/;
/** A figure that only dates or labels: quarters, halves, years, months. */
const MONTHS = set(`january february march april may june july august september october november december
  jan feb mar apr jun jul aug sep sept oct nov dec janvier fevrier mars avril mai juin juillet aout
  septembre octobre novembre decembre janv fevr avr juil`);
const QUARTER = /^(?:[qth][1-4]|s[12]|fy\d*|kr\d*)$/;
const YEAR = /^(?:19|20)\d\d$/;
/** Numbers written as words count as figures: "trois réunions", "double the sign-ups". */
const NUMBER_WORDS = set(`one two three four five six seven eight nine ten eleven twelve twenty thirty forty
  fifty hundred thousand million millions billion dozen half twice third quarter
  deux trois quatre cinq six sept huit neuf dix onze douze vingt trente quarante cinquante cent mille
  million millions milliard milliards moitie tiers quart
  double doubled doubling triple tripled halve halved doubler doublez doublons tripler quadrupler`);
/** Number words that are also adjectives: a figure only as a verb. */
const MULTIPLIERS = set(`double triple`);
/** Quantity placeholders where a figure goes: "from X to Y", "at Y", "N%". */
const PLACEHOLDER = /^(?:x{1,3}|y{1,2}|n|z)$/i;
const BEFORE_QUANTITY = set(`from to by at than of de a au aux par sous under over above below reach
  achieve atteindre entre between`);

/** Small word groups the reading below tests. */
const W_THAT_AS = set(`that as`);
const W_EN_A = set(`en a`);
const W_EN_UP_OUT_OFF = set(`en up out off`);
const W_PLACE_OEUVRE_PRODUCTION_LIGNE = set(`place oeuvre production ligne`);
const W_UP_OUT_OFF_IN = set(`up out off in`);
const W_WITHIN_UNDER_EN_SOUS_IN = set(`within under en sous in`);
const W_DESSUS_DESSOUS_THAN = set(`dessus dessous than`);
const W_HAVE_HAS_AVOIR = set(`have has avoir`);
const W_THAN_QUE_DE_LEAST_MOST_MOINS_PLUS_DESSUS_DESSOUS = set(
  `than que de least most moins plus dessus dessous`,
);
const W_UP_DOWN = set(`up down`);
const W_EN_ON_IN = set(`en on in`);
const W_OF = set(`of de d des du`);
const W_A_DE_THAN = set(`a de than`);

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
  const label = LABEL.exec(text);
  const t = tokenize(text, label ? label[0].length : 0);
  const n = t.length;
  const raw = (i: number, j = i) => text.slice(t[i]!.start, t[j]!.end);
  const gap = (i: number) => (i > 0 && i < n ? text.slice(t[i - 1]!.end, t[i]!.start) : "");
  const is = (i: number, words: WordSet) => i >= 0 && i < n && words.has(t[i]!.norm);
  const isVerb = (i: number) =>
    is(i, ACTIVITY_VERBS) || is(i, CHANGE) || is(i, ACHIEVE) || is(i, MAINTAIN) || is(i, REMOVAL);
  const lower = (s: string) => s.toLowerCase();
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

/** Words that end the thing a verb acts on: "the partner portal | to raise…", "le portail | pour…". */
const STOPS = set(`to for by in on with within at from so and or before after until than while across per
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
  const tokens = text.split(/\s+/).filter((token) => DIGIT.test(token));
  const figures = tokens.filter(
    (token) => !/^(19|20)\d\d[.,;:!?)]*$/.test(token) && !/^[QT][1-4]\b/i.test(token),
  );
  return figures.length ? { words: figures.join(", ") } : undefined;
}
