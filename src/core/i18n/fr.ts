import type { Catalog } from "./catalog";

/** Messages en français. Mêmes clés et mêmes `{paramètres}` que en.ts. */
export const fr: Catalog = {
  "menu.title": "OKR",
  "menu.openSidebar": "Ouvrir le panneau OKR",
  "menu.help": "Aide",
  "sidebar.title": "OKR",
  "sidebar.loading": "Chargement…",
  "sidebar.welcome":
    "Rédigez objectifs et résultats clés, faites le point chaque semaine et revoyez le trimestre.",
  "sidebar.nav.wizard": "Rédiger",
  "sidebar.nav.checkin": "Point hebdo",
  "sidebar.nav.findings": "Constats",
  "sidebar.error": "Une erreur est survenue : {message}",
  "help.title": "OKR Sheets",
  "help.body":
    "OKR Sheets aide votre équipe à mener ses OKR dans ce classeur : quelques objectifs qualitatifs, chacun avec des résultats clés mesurables, un point chaque semaine et une revue en fin de trimestre. Ouvrez le panneau depuis le menu OKR pour commencer.",
  "formula.error.notNumber": "{fn} : {argument} doit être un nombre, reçu « {value} ».",
  "formula.error.targetEqualsBaseline":
    "{fn} : la cible est égale à la valeur de départ ({value}), la progression ne peut pas être mesurée.",
  "formula.error.shape": "{fn} : {argument} doit avoir la même forme que {other} ({rows}×{columns}).",
  "formula.error.unknownMetric": "{fn} : la métrique doit être l'une de {allowed}, reçu « {value} ».",
  "formula.error.missing": "{fn} : {argument} est obligatoire.",
};
