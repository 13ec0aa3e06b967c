import { messages } from "../define";

/**
 * The Guide sheet (src/core/guide.ts), one row a message: its topic, a tab, its explanation.
 * {objectives} and {krs} are the focus limits of Settings; {menu} the menu path.
 */
export default messages(
  {
    "guide.row01": "OKR Sheets — the method in short\t",
    "guide.row02":
      "Objective\tWhere you want to go: qualitative, inspiring, a few words. No number — the numbers live in the key results.",
    "guide.row03": "✔ Good\tWin the Brussels market",
    "guide.row04": "✘ Bad\tReach 1M€ revenue (a number: make it a key result)",
    "guide.row05":
      "Key result\tHow you will know you got there: a measurable change, from a baseline to a target, with a unit and a direction.",
    "guide.row06": "✔ Good\tGrow active parking partners in Brussels from 120 to 180",
    "guide.row07": "✘ Bad\tImprove customer happiness (not measurable)",
    "guide.row08":
      "Outcome, not output\tMeasure the change your work brings, not the work itself. “Launch”, “implement”, “organize”, “hire”, “run 5 workshops” are activities.",
    "guide.row09": "✔ Good\tCut the time to a first booking from 10 to 4 minutes",
    "guide.row10": "✘ Bad\tLaunch the new onboarding (an output: what should it change?)",
    "guide.row11":
      "KPI, not OKR\tA level you keep healthy (uptime, churn below 2%) is a KPI: watch it on the KPIs sheet. An OKR changes something.",
    "guide.row12": "✘ Bad\tKeep monthly churn below 2% (maintains a level: a KPI)",
    "guide.row13":
      "Focus\tAt most {objectives} objectives per team and 1 to {krs} key results per objective (Settings). Too many OKRs means no priority.",
    "guide.row14":
      "Two levels\tCompany and Team are enough. Team objectives link to the company objective they support (Parent). More levels dilute ownership.",
    "guide.row15":
      "Owners\tEvery objective has one owner. Rotate owners each quarter so more people learn to lead.",
    "guide.row16":
      "Weekly check-ins\tEvery week, update each key result's current value and your confidence (0–10) from the sidebar ({menu} › Check-in). Steady progress beats a rush at quarter end.",
    "guide.row17":
      "Pace\tStatus compares the score to the share of the quarter elapsed: on track at 90% of the expected pace or more, at risk from 60%, else off track.",
    "guide.row18":
      "Scoring\tScore = (current − baseline) ÷ (target − baseline), from 0 to 1. Red below 0.4, yellow below 0.7, green from 0.7.",
    "guide.row19":
      "Committed vs aspirational\tCommitted objectives are expected at 1.0: below, explain why in the review. Aspirational ones aim high: 0.7 is a success.",
    "guide.row20":
      "The quarter\tPlan → {menu} › Lock plan → weekly check-ins → {menu} › Generate quarterly review → {menu} › Start next quarter. Anything added after the lock is flagged “added mid-quarter”.",
    "guide.row21":
      "A year in one spreadsheet\tEvery quarter stays in the OKRs sheet. Each row is judged in its own quarter, with the dates of the quarters table in Settings (calendar quarters by default; edit it for a fiscal year). Once a quarter is over, its rows keep the state they ended in: Done, On track, At risk or Off track (a key result never scored ends Off track).",
    "guide.row22":
      "“As of”\tStatuses are judged on the “As of” day in Settings, not on the clock: a custom formula is only recalculated when its inputs change. The add-on sets “As of” to today when the spreadsheet is opened and whenever you use the OKR menu or sidebar. Type another day there to see the statuses as they were; the next day it is brought back to today.",
    "guide.row23":
      "Custom formulas\t=KRSCORE(baseline, target, current), =OKRSCORE(scores), =OKRSTATUS(score, start, end, as of), =KRCHECK(text, baseline, target).",
    "guide.row24":
      "Formula tip\tSheets refuses NOW(), TODAY() or RAND() as inputs of a custom formula. Pass a date cell instead, such as “As of” in Settings.",
  },
  {
    "guide.row01": "OKR Sheets — la méthode en bref\t",
    "guide.row02":
      "Objectif\tOù vous voulez aller : qualitatif, motivant, en quelques mots. Pas de chiffre — les chiffres vont dans les résultats clés.",
    "guide.row03": "✔ Bon\tConquérir le marché bruxellois",
    "guide.row04": "✘ Mauvais\tAtteindre 1 M€ de chiffre d'affaires (un chiffre : faites-en un résultat clé)",
    "guide.row05":
      "Résultat clé\tComment vous saurez que vous y êtes : un changement mesurable, d'une valeur de départ à une cible, avec une unité et un sens.",
    "guide.row06": "✔ Bon\tPasser de 120 à 180 parkings partenaires actifs à Bruxelles",
    "guide.row07": "✘ Mauvais\tAméliorer la satisfaction client (pas mesurable)",
    "guide.row08":
      "Résultat, pas activité\tMesurez le changement que votre travail apporte, pas le travail lui-même. « Lancer », « mettre en place », « organiser », « recruter », « animer 5 ateliers » sont des activités.",
    "guide.row09": "✔ Bon\tRéduire le temps jusqu'à la première réservation de 10 à 4 minutes",
    "guide.row10": "✘ Mauvais\tMettre en place le nouvel onboarding (une activité : que doit-elle changer ?)",
    "guide.row11":
      "KPI, pas OKR\tUn niveau à garder sain (disponibilité, churn sous 2 %) est un KPI : suivez-le dans la feuille KPI. Un OKR change quelque chose.",
    "guide.row12": "✘ Mauvais\tMaintenir le churn mensuel sous 2 % (maintient un niveau : un KPI)",
    "guide.row13":
      "Focus\tAu plus {objectives} objectifs par équipe et 1 à {krs} résultats clés par objectif (Paramètres). Trop d'OKR, plus de priorité.",
    "guide.row14":
      "Deux niveaux\tEntreprise et Équipe suffisent. Les objectifs d'équipe se rattachent à l'objectif d'entreprise qu'ils servent (Parent). Plus de niveaux dilue la responsabilité.",
    "guide.row15":
      "Responsables\tChaque objectif a un responsable. Faites tourner les responsables chaque trimestre pour que plus de monde apprenne à piloter.",
    "guide.row16":
      "Point hebdomadaire\tChaque semaine, mettez à jour la valeur actuelle et votre confiance (0–10) de chaque résultat clé depuis le panneau ({menu} › Point hebdo). Un progrès régulier vaut mieux qu'un rush en fin de trimestre.",
    "guide.row17":
      "Rythme\tLe statut compare le score à la part du trimestre écoulée : en bonne voie à 90 % du rythme attendu ou plus, à risque dès 60 %, sinon en retard.",
    "guide.row18":
      "Score\tScore = (actuel − départ) ÷ (cible − départ), de 0 à 1. Rouge sous 0,4, jaune sous 0,7, vert à partir de 0,7.",
    "guide.row19":
      "Engagé ou ambitieux\tUn objectif engagé est attendu à 1,0 : en dessous, expliquez pourquoi dans la revue. Un objectif ambitieux vise haut : 0,7 est une réussite.",
    "guide.row20":
      "Le trimestre\tPlanifier → {menu} › Verrouiller le plan → points hebdomadaires → {menu} › Générer la revue trimestrielle → {menu} › Démarrer le trimestre suivant. Tout ajout après le verrouillage est signalé « ajouté en cours de trimestre ».",
    "guide.row21":
      "Une année dans un classeur\tTous les trimestres restent dans la feuille OKR. Chaque ligne est évaluée dans son propre trimestre, avec les dates du tableau des trimestres des Paramètres (trimestres civils par défaut ; modifiez-le pour un exercice décalé). Une fois le trimestre terminé, ses lignes gardent leur état final : Atteint, En bonne voie, À risque ou En retard (un résultat clé jamais mesuré finit En retard).",
    "guide.row22":
      "« À la date du »\tLes statuts sont évalués au jour « À la date du » des Paramètres, pas à l'horloge : une formule personnalisée n'est recalculée que quand ses entrées changent. Le module y met la date du jour à l'ouverture du classeur et à chaque utilisation du menu ou du panneau OKR. Saisissez-y un autre jour pour revoir les statuts d'alors ; le lendemain, il revient à la date du jour.",
    "guide.row23":
      "Formules\t=KRSCORE(départ; cible; actuel), =OKRSCORE(scores), =OKRSTATUS(score; début; fin; date), =KRCHECK(texte; départ; cible).",
    "guide.row24":
      "Astuce formules\tSheets refuse MAINTENANT(), AUJOURDHUI() ou ALEA() comme entrées d'une formule personnalisée. Passez plutôt une cellule de date, comme « À la date du » des Paramètres.",
  },
);
