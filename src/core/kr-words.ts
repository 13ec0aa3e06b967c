/**
 * The words the KR coach knows (kr-reading.ts reads key results with them), in English and French:
 * how a text is cut into tokens, and the word classes (activity verbs, change verbs, bounds,
 * time words…). Edit the word lists here, nowhere else.
 */
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
export const TOKEN = /[\p{L}\p{M}\p{N}]+(?:[.,]\p{N}+)*|[:%→<>≤≥=]/gu;
export const DIGIT = /\p{Nd}/u;
export const MARKS = /\p{M}/gu;
export const NON_ASCII = /[^\x20-\x7e]/;

export function fold(word: string): string {
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
export const OTHER_DIGIT = /[^\P{Nd}0-9]/gu;
// prettier-ignore
export const ZEROS = [0x660, 0x6f0, 0x7c0, 0x966, 0x9e6, 0xa66, 0xae6, 0xb66, 0xbe6, 0xc66, 0xce6, 0xd66, 0xde6,
  0xe50, 0xed0, 0xf20, 0x1040, 0x1090, 0x17e0, 0x1810, 0x1946, 0x19d0, 0x1a80, 0x1a90, 0x1b50, 0x1bb0,
  0x1c40, 0x1c50, 0xa620, 0xa8d0, 0xa900, 0xa9d0, 0xa9f0, 0xaa50, 0xabf0, 0xff10];
export function asciiDigit(digit: string): string {
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
export const LABEL =
  /^\s*(?:(?:[-–—•*·▪►✓✔☐]+|\(?\p{N}{1,2}[.)\]]|(?:kr|okr|o|key\s*results?|r[ée]sultats?\s*cl[ée]s?|objecti(?:ve|f))\s*#?\s*\p{N}*(?:\.\p{N}+)?\s*[:.)\-–—])\s*)+/iu;

export function tokenize(text: string, from: number): Token[] {
  const tokens: Token[] = [];
  TOKEN.lastIndex = from;
  for (let m = TOKEN.exec(text); m !== null; m = TOKEN.exec(text)) {
    tokens.push({ norm: fold(m[0]), start: m.index, end: m.index + m[0].length, digit: DIGIT.test(m[0]) });
  }
  return tokens;
}

// ---------------------------------------------------------------------------------- word classes

export const set = (words: string): Set<string> => new Set(words.split(/\s+/).filter(Boolean));

/** Regular English forms of a verb: launch → launches, launched, launching; ship → shipped, shipping. */
export function englishForms(verb: string): string[] {
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
export function frenchForms(verb: string): string[] {
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

export const forms = (english: string, french: string, irregular = ""): Set<string> =>
  new Set([
    ...english.split(/\s+/).filter(Boolean).flatMap(englishForms),
    ...french.split(/\s+/).filter(Boolean).flatMap(frenchForms),
    ...irregular.split(/\s+/).filter(Boolean),
  ]);

/**
 * Verbs of activity: communication, production, analysis, organisation, delivery, hiring. At the
 * head of a key result, in any form ("Launch", "Launching", "Lancez", "avons déployé"), they make it
 * an output.
 *
 * @example "Publish 12 articles", "Lancez le programme", "Nous avons déployé le CRM"
 */
export const ACTIVITY_VERBS = forms(
  `launch implement organize organise create hire recruit run host build develop deliver ship release
   publish write finalize finalise complete deploy migrate design introduce install conduct produce
   redesign rebuild start attend train send post collect provide assess evaluate renegotiate negotiate
   analyze analyse prioritize prioritise schedule undertake agree document update upgrade refactor rewrite
   draft prepare plan define map identify research investigate interview call contact email present
   announce share communicate facilitate coordinate participate integrate automate audit test
   establish institute roll kick perform execute finish onboard mentor coach fix`,
  `lancer implementer organiser creer recruter embaucher livrer finaliser developper deployer rediger
   publier realiser migrer installer refondre animer demarrer former envoyer collecter fournir evaluer
   renegocier negocier mener effectuer analyser identifier documenter definir preparer planifier
   programmer contacter appeler interviewer participer assister integrer automatiser auditer tester
   organiser elaborer etablir presenter partager communiquer annoncer moderniser refaire installer
   executer accompagner coacher corriger`,
  `ran built wrote written sent led held did done made began begun undertook undertaken set
   construire construit construis construisez construisons produire produit produis produisez produisons
   conduire conduit conduis conduisez conduisons ecrire ecrit ecris ecrivez ecrivons concevoir concu
   concevez concevons con conçu refondu refonds tenir tenu tenez tenons tient faire fait faites faisons
   mettre mis mise mises mettez mettons met acquerir`,
);

/** Nouns of activity at the head ("Mise en place d'un CRM", "Lancement du portail", "Identification des obstacles"). */
export const ACTIVITY_NOUNS = set(`
  launch rollout implementation deployment migration redesign creation installation introduction setup
  publication completion hiring recruitment recruiting organization organisation identification analysis
  audit delivery release development construction documentation onboarding
  lancement deploiement refonte creation installation livraison redaction publication realisation
  conception implementation integration automatisation recrutement construction developpement definition
  preparation envoi collecte animation tenue negociation renegociation identification analyse evaluation
  organisation formation migration modernisation elaboration acquisition installation`);

/** Activities counted as such: "100 calls", "12 webinars", "30 rendez-vous". */
export const ACTIVITY_COUNTS = set(`
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
export const CHANGE = forms(
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
export const CHANGE_NOUNS =
  set(`improvement improvements increase increases reduction reductions cut cuts growth gain
  gains decrease decreases drop drops rise uplift augmentation augmentations hausse baisse diminution
  amelioration progression croissance reduction reductions`);

/**
 * Verbs of removal: they change a level and set their own target, zero, so the key result is measurable.
 *
 * @example "Eliminate current Support cost for 'free users'", "Éliminer les ruptures de stock"
 */
export const REMOVAL = forms(`eliminate eradicate`, `eliminer eradiquer`);

/** Verbs of a result reached: they make a key result an outcome, even with a bare target. */
export const ACHIEVE = forms(
  `achieve reach attain hit get obtain generate sign close win gain earn acquire secure convert retain
   exceed surpass keep-up`,
  `atteindre obtenir generer signer conclure gagner conquerir decrocher depasser convertir fideliser
   retenir franchir apporter compter`,
  `got won atteint atteins atteignez atteignons obtenu obtiens obtenez obtenons conclu conquis acquis`,
);

/** Verbs of keeping a level. */
export const MAINTAIN = forms(
  `keep maintain sustain preserve remain stay stabilize stabilise protect`,
  `maintenir garder conserver preserver rester stabiliser perenniser`,
  `kept maintiens maintient maintenez maintenons maintenu maintien`,
);

/** Words that put a bound on a level: "below 2%", "au-dessus de 40", "no more than 2 h". */
export const BOUNDS =
  set(`below under above over beneath within between less fewer more least most max maximum
  minimum sous dessus dessous au entre moins plus max maximum minimum inferieur superieur < > ≤ ≥`);

/** Comparators that open a key result: "Less than 2 bugs", "Plus de 100 participants". */
export const COMPARATOR_HEADS = set(
  `less fewer more over under below above at moins plus au inferieur superieur < > ≤ ≥`,
);

/** Negations that open a guardrail: "Never miss a payroll date", "Aucun incident majeur", "Zero downtime". */
export const NEGATIONS = set(`never no zero none not nobody aucun aucune jamais zero pas sans nul nulle`);

/** The subject or auxiliary before the verb: "We will…", "Our team runs…", "Nous avons déployé…". */
export const SUBJECTS = set(`we i nous je on team teams squad squads equipe equipes`);
export const AUXILIARIES = set(`will shall must should can to have has had are is be going need needs aim want
  allons avons avoir devons ai vais va veut voulons doit sommes souhaitons`);
export const DETERMINERS = set(`the a an our your their my its this these those le la les l un une des du de d
  notre nos votre vos leur leurs ce cette ces son sa ses mon ma mes`);

/** Time phrases that may open a key result: "Each quarter,", "Sur le prochain trimestre,", "By Q3,". */
export const TIME_WORDS = set(`quarter quarters month months week weeks year years day days sprint sprints
  trimestre trimestres mois semaine semaines annee annees an ans jour jours sprint`);
export const TIME_OPENERS =
  set(`each every chaque tous toutes sur over during pendant in by en d dici ici au within this next
  durant cours`);

/** Names of a measure: after an activity word they make it a noun ("Build time", "Release frequency", "Run-rate"). */
export const METRIC_NOUNS =
  set(`time times frequency rate rates duration speed success failure failures cost costs
  quality velocity latency reliability coverage volume size throughput cycle lead efficiency accuracy
  delai delais taux temps frequence duree cout couts qualite vitesse volume fiabilite couverture`);

/** States of a thing done: "Refonte terminée", "pricing live", "Avoir le produit X terminé". */
export const COMPLETION =
  set(`done complete completed live launched shipped delivered released deployed finished
  finalized finalised implemented termine terminee termines terminees finalise finalisee finalises
  finalisees livre livree livres livrees lance lancee lances lancees deploye deployee deployes deployees
  acheve acheve acheves achevees operationnel operationnelle operationnels operationnelles`);

export const NEW_WORDS = set(`new nouveau nouvel nouvelle nouveaux nouvelles`);
export const RECURRING = set(`daily weekly monthly quarterly yearly annual biweekly quotidien quotidienne
  hebdomadaire hebdomadaires mensuel mensuelle mensuels mensuelles trimestriel trimestrielle annuel annuelle`);

/**
 * Words after which "to" opens a complement, not a purpose: "accounts more likely to reach 60+ days past
 * due" describes the accounts; it is not what the work is for.
 */
export const COMPLEMENT_HEADS = set(`likely unlikely able unable going about due used`);
/**
 * Words that state where a level stands today: with one, a target is a change from it, not a reading.
 *
 * @example "200k views per 30 days of Node.js Collection articles (current is 125k)"
 */
export const BASELINE = set(
  `current currently baseline today actuel actuelle actuels actuelles actuellement aujourd`,
);
/**
 * An average stated as it stands is a reading of a level: "Sept heures de sommeil en moyenne",
 * "3 tickets per agent on average".
 */
export const AVERAGE = set(`moyenne average`);
/** Where a purpose clause opens before a verb of change: "to raise conversion by 10%", "pour réduire le churn de 5 %". */
export const PURPOSE = set(`to pour de`);
/** "Measured by …", "Mesurés par …": a named metric, so not vague. */
export const MEASURED = set(`measured tracked mesure mesuree mesures mesurees suivi suivie suivis`);
export const BY = set(`by par`);
export const PUNCTUATION = /[,;:()[\]"«»“”.!?]/;
/** A figure that only dates or labels: quarters, halves, years, months. */
export const MONTHS =
  set(`january february march april may june july august september october november december
  jan feb mar apr jun jul aug sep sept oct nov dec janvier fevrier mars avril mai juin juillet aout
  septembre octobre novembre decembre janv fevr avr juil`);
export const QUARTER = /^(?:[qth][1-4]|s[12]|fy\d*|kr\d*)$/;
export const YEAR = /^(?:19|20)\d\d$/;
/** Numbers written as words count as figures: "trois réunions", "double the sign-ups". */
export const NUMBER_WORDS =
  set(`one two three four five six seven eight nine ten eleven twelve twenty thirty forty
  fifty hundred thousand million millions billion dozen half twice third quarter
  deux trois quatre cinq six sept huit neuf dix onze douze vingt trente quarante cinquante cent mille
  million millions milliard milliards moitie tiers quart
  double doubled doubling triple tripled halve halved doubler doublez doublons tripler quadrupler`);
/** Quantity placeholders where a figure goes: "from X to Y", "at Y", "N%". */
export const PLACEHOLDER = /^(?:x{1,3}|y{1,2}|n|z)$/i;
export const BEFORE_QUANTITY = set(`from to by at than of de a au aux par sous under over above below reach
  achieve atteindre entre between`);

/** Small word groups the reading below tests. */
export const W_THAT_AS = set(`that as`);
export const W_EN_A = set(`en a`);
export const W_EN_UP_OUT_OFF = set(`en up out off`);
export const W_PLACE_OEUVRE_PRODUCTION_LIGNE = set(`place oeuvre production ligne`);
export const W_UP_OUT_OFF_IN = set(`up out off in`);
export const W_WITHIN_UNDER_EN_SOUS_IN = set(`within under en sous in`);
export const W_DESSUS_DESSOUS_THAN = set(`dessus dessous than`);
export const W_HAVE_HAS_AVOIR = set(`have has avoir`);
export const W_THAN_QUE_DE_LEAST_MOST_MOINS_PLUS_DESSUS_DESSOUS = set(
  `than que de least most moins plus dessus dessous`,
);
export const W_UP_DOWN = set(`up down`);
export const W_EN_ON_IN = set(`en on in`);
