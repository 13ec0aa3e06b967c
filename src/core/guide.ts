/**
 * The Guide sheet: the method in short, with good and bad examples, in the user's language — the
 * shared base of knowledge the teams in the interview lacked. Rows of [topic, explanation].
 */
import { type Lang, menuPath } from "./i18n";
import { defaultSettings, type Settings } from "./settings";

export type GuideRow = [string, string];

const GUIDE: Record<Lang, GuideRow[]> = {
  en: [
    ["OKR Sheets — the method in short", ""],
    [
      "Objective",
      "Where you want to go: qualitative, inspiring, a few words. No number — the numbers live in the key results.",
    ],
    ["✔ Good", "Win the Brussels market"],
    ["✘ Bad", "Reach 1M€ revenue (a number: make it a key result)"],
    [
      "Key result",
      "How you will know you got there: a measurable change, from a baseline to a target, with a unit and a direction.",
    ],
    ["✔ Good", "Grow active parking partners in Brussels from 120 to 180"],
    ["✘ Bad", "Improve customer happiness (not measurable)"],
    [
      "Outcome, not output",
      "Measure the change your work brings, not the work itself. “Launch”, “implement”, “organize”, “hire”, “run 5 workshops” are activities.",
    ],
    ["✔ Good", "Cut the time to a first booking from 10 to 4 minutes"],
    ["✘ Bad", "Launch the new onboarding (an output: what should it change?)"],
    [
      "KPI, not OKR",
      "A level you keep healthy (uptime, churn below 2%) is a KPI: watch it on the KPIs sheet. An OKR changes something.",
    ],
    ["✘ Bad", "Keep monthly churn below 2% (maintains a level: a KPI)"],
    [
      "Focus",
      "At most {objectives} objectives per team and 1 to {krs} key results per objective (Settings). Too many OKRs means no priority.",
    ],
    [
      "Two levels",
      "Company and Team are enough. Team objectives link to the company objective they support (Parent). More levels dilute ownership.",
    ],
    ["Owners", "Every objective has one owner. Rotate owners each quarter so more people learn to lead."],
    [
      "Weekly check-ins",
      "Every week, update each key result's current value and your confidence (0–10) from the sidebar ({menu} › Check-in). Steady progress beats a rush at quarter end.",
    ],
    [
      "Pace",
      "Status compares the score to the share of the quarter elapsed: on track at 90% of the expected pace or more, at risk from 60%, else off track.",
    ],
    [
      "Scoring",
      "Score = (current − baseline) ÷ (target − baseline), from 0 to 1. Red below 0.4, yellow below 0.7, green from 0.7.",
    ],
    [
      "Committed vs aspirational",
      "Committed objectives are expected at 1.0: below, explain why in the review. Aspirational ones aim high: 0.7 is a success.",
    ],
    [
      "The quarter",
      "Plan → {menu} › Lock plan → weekly check-ins → {menu} › Generate quarterly review → {menu} › Start next quarter. Anything added after the lock is flagged “added mid-quarter”.",
    ],
    [
      "A year in one spreadsheet",
      "Every quarter stays in the OKRs sheet. Each row is judged in its own quarter, with the dates of the quarters table in Settings (calendar quarters by default; edit it for a fiscal year). Once a quarter is over, its rows keep the state they ended in: Done, On track, At risk or Off track (a key result never scored ends Off track).",
    ],
    [
      "“As of”",
      "Statuses are judged on the “As of” day in Settings, not on the clock: a custom formula is only recalculated when its inputs change. The add-on sets “As of” to today when the spreadsheet is opened and whenever you use the OKR menu or sidebar. Type another day there to see the statuses as they were; the next day it is brought back to today.",
    ],
    [
      "Custom formulas",
      "=KRSCORE(baseline, target, current), =OKRSCORE(scores), =OKRSTATUS(score, start, end, as of), =KRCHECK(text, baseline, target).",
    ],
    [
      "Formula tip",
      "Sheets refuses NOW(), TODAY() or RAND() as inputs of a custom formula. Pass a date cell instead, such as “As of” in Settings.",
    ],
  ],
  fr: [
    ["OKR Sheets — la méthode en bref", ""],
    [
      "Objectif",
      "Où vous voulez aller : qualitatif, motivant, en quelques mots. Pas de chiffre — les chiffres vont dans les résultats clés.",
    ],
    ["✔ Bon", "Conquérir le marché bruxellois"],
    ["✘ Mauvais", "Atteindre 1 M€ de chiffre d'affaires (un chiffre : faites-en un résultat clé)"],
    [
      "Résultat clé",
      "Comment vous saurez que vous y êtes : un changement mesurable, d'une valeur de départ à une cible, avec une unité et un sens.",
    ],
    ["✔ Bon", "Passer de 120 à 180 parkings partenaires actifs à Bruxelles"],
    ["✘ Mauvais", "Améliorer la satisfaction client (pas mesurable)"],
    [
      "Résultat, pas activité",
      "Mesurez le changement que votre travail apporte, pas le travail lui-même. « Lancer », « mettre en place », « organiser », « recruter », « animer 5 ateliers » sont des activités.",
    ],
    ["✔ Bon", "Réduire le temps jusqu'à la première réservation de 10 à 4 minutes"],
    ["✘ Mauvais", "Mettre en place le nouvel onboarding (une activité : que doit-elle changer ?)"],
    [
      "KPI, pas OKR",
      "Un niveau à garder sain (disponibilité, churn sous 2 %) est un KPI : suivez-le dans la feuille KPI. Un OKR change quelque chose.",
    ],
    ["✘ Mauvais", "Maintenir le churn mensuel sous 2 % (maintient un niveau : un KPI)"],
    [
      "Focus",
      "Au plus {objectives} objectifs par équipe et 1 à {krs} résultats clés par objectif (Paramètres). Trop d'OKR, plus de priorité.",
    ],
    [
      "Deux niveaux",
      "Entreprise et Équipe suffisent. Les objectifs d'équipe se rattachent à l'objectif d'entreprise qu'ils servent (Parent). Plus de niveaux dilue la responsabilité.",
    ],
    [
      "Responsables",
      "Chaque objectif a un responsable. Faites tourner les responsables chaque trimestre pour que plus de monde apprenne à piloter.",
    ],
    [
      "Point hebdomadaire",
      "Chaque semaine, mettez à jour la valeur actuelle et votre confiance (0–10) de chaque résultat clé depuis le panneau ({menu} › Point hebdo). Un progrès régulier vaut mieux qu'un rush en fin de trimestre.",
    ],
    [
      "Rythme",
      "Le statut compare le score à la part du trimestre écoulée : en bonne voie à 90 % du rythme attendu ou plus, à risque dès 60 %, sinon en retard.",
    ],
    [
      "Score",
      "Score = (actuel − départ) ÷ (cible − départ), de 0 à 1. Rouge sous 0,4, jaune sous 0,7, vert à partir de 0,7.",
    ],
    [
      "Engagé ou ambitieux",
      "Un objectif engagé est attendu à 1,0 : en dessous, expliquez pourquoi dans la revue. Un objectif ambitieux vise haut : 0,7 est une réussite.",
    ],
    [
      "Le trimestre",
      "Planifier → {menu} › Verrouiller le plan → points hebdomadaires → {menu} › Générer la revue trimestrielle → {menu} › Démarrer le trimestre suivant. Tout ajout après le verrouillage est signalé « ajouté en cours de trimestre ».",
    ],
    [
      "Une année dans un classeur",
      "Tous les trimestres restent dans la feuille OKR. Chaque ligne est évaluée dans son propre trimestre, avec les dates du tableau des trimestres des Paramètres (trimestres civils par défaut ; modifiez-le pour un exercice décalé). Une fois le trimestre terminé, ses lignes gardent leur état final : Atteint, En bonne voie, À risque ou En retard (un résultat clé jamais mesuré finit En retard).",
    ],
    [
      "« À la date du »",
      "Les statuts sont évalués au jour « À la date du » des Paramètres, pas à l'horloge : une formule personnalisée n'est recalculée que quand ses entrées changent. Le module y met la date du jour à l'ouverture du classeur et à chaque utilisation du menu ou du panneau OKR. Saisissez-y un autre jour pour revoir les statuts d'alors ; le lendemain, il revient à la date du jour.",
    ],
    [
      "Formules",
      "=KRSCORE(départ; cible; actuel), =OKRSCORE(scores), =OKRSTATUS(score; début; fin; date), =KRCHECK(texte; départ; cible).",
    ],
    [
      "Astuce formules",
      "Sheets refuse MAINTENANT(), AUJOURDHUI() ou ALEA() comme entrées d'une formule personnalisée. Passez plutôt une cellule de date, comme « À la date du » des Paramètres.",
    ],
  ],
};

/** The focus limits the Guide states: Settings', the same the wizard and Validate apply. */
export type FocusLimits = Pick<Settings, "maxObjectivesPerTeam" | "maxKrsPerObjective">;

/** Settings' defaults (the day only decides the default quarter, not used here). */
const { maxObjectivesPerTeam, maxKrsPerObjective } = defaultSettings(0);

export function guideRows(
  lang: Lang,
  limits: FocusLimits = { maxObjectivesPerTeam, maxKrsPerObjective },
): GuideRow[] {
  const menu = menuPath(lang);
  return GUIDE[lang].map(([topic, text]) => [
    topic,
    text
      .replace(/\{menu\}/g, menu)
      .replace(/\{objectives\}/g, String(limits.maxObjectivesPerTeam))
      .replace(/\{krs\}/g, String(limits.maxKrsPerObjective)),
  ]);
}
