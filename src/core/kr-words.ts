/**
 * The words the KR coach knows, in English and French: the word classes (activity verbs, change verbs,
 * bounds, time words…) that kr-sentence.ts and kr-reading.ts read a key result with. The lists are
 * written folded (lower case, no accents), as kr-sentence.ts folds the text. Edit the word lists here,
 * nowhere else.
 */

// ---------------------------------------------------------------------------------- word classes

const words = (list: string): string[] => list.split(/\s+/).filter(Boolean);

/** A word list, built on its first look-up: a script loaded for another formula never builds it. */
export type WordSet = Pick<ReadonlySet<string>, "has">;
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
export const ACTIVITY_VERBS = forms(ACTIVITY_EN, ACTIVITY_FR, ACTIVITY_IRREGULAR);

/**
 * Past participles of the verbs of activity: after the thing done they state it done, like
 * "terminé" ("Recettes testées", "Profils validés par l'expert", "Onboarding automated").
 *
 * @example "Expert Profiles avec recettes exécutables testées", "BA Profiles validés par l'expert"
 */
export const ACTIVITY_PARTICIPLES = lazy(
  () =>
    new Set([
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
    ]),
);

/** Nouns of activity at the head ("Mise en place d'un CRM", "Lancement du portail", "Identification des obstacles"). */
export const ACTIVITY_NOUNS = set(`
  launch rollout implementation deployment migration redesign creation installation introduction setup
  publication completion hiring recruitment recruiting organization organisation identification analysis
  audit delivery release development construction documentation onboarding
  lancement deploiement refonte creation installation livraison redaction publication realisation
  conception implementation integration automatisation recrutement construction developpement definition
  preparation envoi collecte animation tenue negociation renegociation identification analyse evaluation
  organisation formation migration modernisation elaboration acquisition installation participation
  attendance presence`);

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

/** Pronouns that open a clause as its subject: "We will…", "Nous avons déployé…", "On livre…". */
export const PRONOUNS = set(`we i nous je on`);
/** A team as the subject, after its determiner and a qualifier: "Our support team runs…", "Une équipe Scrum livre…". */
export const TEAMS = set(`team teams squad squads equipe equipes`);
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
  acheve acheve acheves achevees operationnel operationnelle operationnels operationnelles functional
  fonctionnel fonctionnelle fonctionnels fonctionnelles complet complets ready pret prete prets pretes
  available disponible disponibles`);
/** A thing stated done: a word of completion, or the participle of a verb of activity ("testées", "automated"). */
export const isDone = (word: string): boolean => COMPLETION.has(word) || ACTIVITY_PARTICIPLES.has(word);
/** Words that may follow a thing stated done: its agent or its companion ("validés par l'expert", "complet avec…"). */
export const AFTER_DONE = set(`by par with avec for pour in dans on sur`);
/** "Hold" and "tenir": they keep a level when a bound or a level follows ("Hold churn at 2%", "Tenir … à 1 %"). */
export const HOLD = set(`hold holds held holding tenir tiens tient tenons tenez`);
/** The words that set the level held, as written: "at", "steady", and the accented French "à" (not the article "a"). */
export const HOLD_AT = new Set(["at", "steady", "à", "À"]);
/** Bounds written as words that hold a measure to a level: "above 90%", "supérieur à 99,5 %", "au-dessous de 2 %". */
export const LEVEL_BOUNDS =
  set(`above below under over beneath superieur superieure superieurs superieures inferieur
  inferieure inferieurs inferieures dessus dessous`);
/** Copulas: a bound after one states a state to reach, not a label held to a level. */
export const COPULAS = set(`is are was were be est sont soit etre`);
/** Words that set a deadline when a date, a quarter or a period follows: "by Q4", "d'ici fin 2026", "avant mars". */
export const DEADLINES = set(`by dici ici avant before until jusqu end fin`);
/** Heads that count things: "Nombre de formations données", "Number of tickets handled". */
export const COUNT_HEADS = set(`nombre number count`);

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
/** Number words that are also adjectives: a figure only as a verb. */
export const MULTIPLIERS = set(`double triple`);
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
export const W_OF = set(`of de d des du`);
export const W_A_DE_THAN = set(`a de than`);

/** Words that end the thing a verb acts on: "the partner portal | to raise…", "le portail | pour…". */
export const STOPS =
  set(`to for by in on with within at from so and or before after until than while across per
  pour afin par avec dans en avant apres sur au aux a et ou jusqu ici dici chaque each every that which qui que
  is are est sont`);
