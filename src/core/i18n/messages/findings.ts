import { messages } from "../define";

/** One message per finding code (`finding.<code>`), with the same parameters as its Finding. */
export default messages(
  {
    "finding.missing-sheet": "The sheet {sheet} is missing: run {menu} › Set up template to add it.",
    "finding.missing-column":
      "The column {column} is missing from the header row: run {menu} › Set up template to add it back.",
    "finding.computed-blocked":
      "{column} is computed by the formula in its header, and what was typed here stops it: the whole column stays empty. Clear this cell and anything else typed in {column}.",
    "finding.computed-failed":
      "{column}'s formula in this cell shows an error, so the whole column stays empty: check the Settings values it reads (As of, Language), or run {menu} › Set up template to restore it.",
    "finding.computed-replaced":
      "{column} is computed by a formula in this header cell, and text typed here replaced it: nothing fills the column any more. Run {menu} › Set up template to put the formula back.",
    "finding.required": "{column} is required.",
    "finding.not-in-list": '{column}: "{value}" is not one of {allowed}.',
    "finding.not-a-number": '{column}: "{value}" is not a number (write 1.5, 1,5 or 15%).',
    "finding.out-of-range": "{column}: {value} is outside {min}–{max}.",
    "finding.not-a-date": '{column}: "{value}" is not a date (write 2026-10-01).',
    "finding.ambiguous-date":
      '{column}: "{value}" is text that could be {dayFirst} or {monthFirst}: write the one you mean in that form (year-month-day).',
    "finding.duplicate-id": "The ID {id} is already used on row {firstRow}.",
    "finding.unknown-parent": "The objective {parent} does not exist this quarter.",
    "finding.parent-not-objective":
      "{parent} is a key result, not an objective: a key result belongs to an objective.",
    "finding.unknown-company-objective":
      "{parent} is not a company objective this quarter: link the team objective to the company objective it supports.",
    "finding.target-equals-baseline": "Target equals baseline ({value}): there is no progress to measure.",
    "finding.weight-not-positive": "Weight {value} must be above 0 (leave it empty for 1).",
    "finding.unknown-quarter": '"{quarter}" is not a quarter (write 2026-Q4).',
    "finding.unknown-kr": "No key result has the ID {id}.",
    "finding.too-many-objectives":
      "Too many OKRs: team {team} has {count} objectives in {quarter}, the limit is {limit}. Focus on the few that matter most.",
    "finding.too-many-krs": "Too many key results: {objective} has {count}, the limit is {limit}.",
    "finding.objective-without-krs":
      "The objective {objective} has no key result: how will you know it is reached?",
    "finding.kpi-like":
      "Looks like a KPI, not an OKR ({words}): it keeps a level instead of changing one. Move it to the KPIs sheet.",
    "finding.kpi-like.hint": 'Or set a change: "Take {metric} from X to Y by <date>".',
    "finding.output-not-outcome":
      "An output, not an outcome ({words}): it measures an activity, not the change it should bring.",
    "finding.output-not-outcome.hint": 'Try: "Increase <{object} adoption> from X to Y by <date>".',
    "finding.output-not-outcome.hint-generic":
      'Name the result it should change: "Increase <result> from X to Y by <date>".',
    "finding.not-measurable": "Not measurable: no figure, no target and no named metric.",
    "finding.not-measurable.hint": 'Say from what to what: "{verb} {object} from X to Y by <date>".',
    "finding.not-measurable.hint-generic": 'Say from what to what: "from X to Y by <date>".',
    "finding.objective-has-number": "Objectives are qualitative; put the number in a key result ({words}).",
    "finding.level-not-allowed":
      "The level {level} is not used here (allowed: {allowed}). Fewer levels keep OKRs simple.",
    "finding.owner-missing": "Every objective needs an owner.",
    "finding.owner-repeated":
      "{owner} already owned one of this team's objectives in {previousQuarter}: owners rotate each quarter.",
    "finding.added-mid-quarter":
      "Added mid-quarter ({created}, plan locked on {lockDate}): does it replace something?",
    "finding.added-mid-quarter-undated":
      "Added mid-quarter (after the plan was locked on {lockDate}): does it replace something?",
    "finding.stale":
      "No check-in for {days} {days:day|days}: check in weekly to avoid the end-of-quarter rush.",
    "finding.setting-invalid": 'The setting {setting} cannot use "{value}": the default is used.',
    "finding.setting-invalid-formula":
      'The setting {setting} cannot use "{value}": the add-on uses the default, but the Score and Status formulas that read it show #ERROR! until you correct it.',
    "finding.formats-language":
      "The dropdowns, their help and the Status colours are still in {formatted}, while this spreadsheet is now written in {language}: run {menu} › Set up template to switch them to {language}. Values already typed in {formatted} stay understood.",
    "language.en": "English",
    "language.fr": "French",
    "status.not-started": "Not started",
    "status.on-track": "On track",
    "status.at-risk": "At risk",
    "status.off-track": "Off track",
    "status.done": "Done",
    "band.red": "Red",
    "band.yellow": "Yellow",
    "band.green": "Green",
  },
  {
    "finding.missing-sheet": "La feuille {sheet} manque : lancez {menu} › Préparer le modèle pour l'ajouter.",
    "finding.missing-column":
      "La colonne {column} manque dans la ligne d'en-tête : lancez {menu} › Préparer le modèle pour la rajouter.",
    "finding.computed-blocked":
      "{column} est calculé par la formule de son en-tête, et ce qui a été saisi ici la bloque : toute la colonne reste vide. Effacez cette cellule et toute autre saisie dans {column}.",
    "finding.computed-failed":
      "La formule de {column} dans cette cellule affiche une erreur, donc toute la colonne reste vide : vérifiez les paramètres qu'elle lit (À la date du, Langue), ou lancez {menu} › Préparer le modèle pour la rétablir.",
    "finding.computed-replaced":
      "La colonne {column} est calculée par une formule dans cette cellule d'en-tête, et le texte tapé ici l'a remplacée : plus rien ne remplit la colonne. Lancez {menu} › Préparer le modèle pour remettre la formule.",
    "finding.required": "{column} est obligatoire.",
    "finding.not-in-list": "{column} : « {value} » ne fait pas partie de {allowed}.",
    "finding.not-a-number": "{column} : « {value} » n'est pas un nombre (écrivez 1,5 ou 15 %).",
    "finding.out-of-range": "{column} : {value} est hors de {min}–{max}.",
    "finding.not-a-date": "{column} : « {value} » n'est pas une date (écrivez 2026-10-01).",
    "finding.ambiguous-date":
      "{column} : « {value} » est un texte qui peut se lire {dayFirst} ou {monthFirst} : écrivez la date voulue sous cette forme (année-mois-jour).",
    "finding.duplicate-id": "L'ID {id} est déjà utilisé ligne {firstRow}.",
    "finding.unknown-parent": "L'objectif {parent} n'existe pas ce trimestre.",
    "finding.parent-not-objective":
      "{parent} est un résultat clé, pas un objectif : un résultat clé appartient à un objectif.",
    "finding.unknown-company-objective":
      "{parent} n'est pas un objectif d'entreprise ce trimestre : reliez l'objectif d'équipe à l'objectif d'entreprise qu'il sert.",
    "finding.target-equals-baseline":
      "La cible est égale au départ ({value}) : il n'y a pas de progression à mesurer.",
    "finding.weight-not-positive": "Le poids {value} doit être supérieur à 0 (laissez vide pour 1).",
    "finding.unknown-quarter": "« {quarter} » n'est pas un trimestre (écrivez 2026-Q4).",
    "finding.unknown-kr": "Aucun résultat clé n'a l'ID {id}.",
    "finding.too-many-objectives":
      "Trop d'OKR : l'équipe {team} a {count} objectifs en {quarter}, la limite est {limit}. Concentrez-vous sur l'essentiel.",
    "finding.too-many-krs": "Trop de résultats clés : {objective} en a {count}, la limite est {limit}.",
    "finding.objective-without-krs":
      "L'objectif {objective} n'a aucun résultat clé : comment saurez-vous qu'il est atteint ?",
    "finding.kpi-like":
      "Ressemble à un KPI, pas à un OKR ({words}) : il maintient un niveau au lieu de le changer. Déplacez-le dans la feuille KPI.",
    "finding.kpi-like.hint": "Ou fixez un changement : « Faire passer {metric} de X à Y d'ici <date> ».",
    "finding.output-not-outcome":
      "Une activité, pas un résultat ({words}) : il mesure une action, pas le changement attendu.",
    "finding.output-not-outcome.hint":
      "Essayez : « Faire passer <{object} : adoption> de X à Y d'ici <date> ».",
    "finding.output-not-outcome.hint-generic":
      "Nommez le résultat qu'il doit changer : « Faire passer <résultat> de X à Y d'ici <date> ».",
    "finding.not-measurable": "Pas mesurable : ni chiffre, ni cible, ni indicateur nommé.",
    "finding.not-measurable.hint": "Dites de combien à combien : « {verb} {object} de X à Y d'ici <date> ».",
    "finding.not-measurable.hint-generic": "Dites de combien à combien : « de X à Y d'ici <date> ».",
    "finding.objective-has-number":
      "Un objectif est qualitatif ; mettez le chiffre dans un résultat clé ({words}).",
    "finding.level-not-allowed":
      "Le niveau {level} n'est pas utilisé ici (autorisés : {allowed}). Moins de niveaux, des OKR plus simples.",
    "finding.owner-missing": "Chaque objectif a besoin d'un responsable.",
    "finding.owner-repeated":
      "{owner} portait déjà un objectif de cette équipe en {previousQuarter} : les responsables changent chaque trimestre.",
    "finding.added-mid-quarter":
      "Ajouté en cours de trimestre ({created}, plan verrouillé le {lockDate}) : remplace-t-il quelque chose ?",
    "finding.added-mid-quarter-undated":
      "Ajouté en cours de trimestre (après le verrouillage du plan le {lockDate}) : remplace-t-il quelque chose ?",
    "finding.stale":
      "Aucun point depuis {days} {days:jour|jours} : faites le point chaque semaine pour éviter le rush de fin de trimestre.",
    "finding.setting-invalid":
      "Le paramètre {setting} ne peut pas valoir « {value} » : la valeur par défaut est utilisée.",
    "finding.setting-invalid-formula":
      "Le paramètre {setting} ne peut pas valoir « {value} » : le module utilise la valeur par défaut, mais les formules Score et Statut qui le lisent affichent #ERROR! tant que vous ne le corrigez pas.",
    "finding.formats-language":
      "Les listes déroulantes, leur aide et les couleurs de Statut sont encore en {formatted}, alors que ce classeur s'écrit maintenant en {language} : lancez {menu} › Préparer le modèle pour les passer en {language}. Les valeurs déjà saisies en {formatted} restent comprises.",
    "language.en": "anglais",
    "language.fr": "français",
    "status.not-started": "Pas commencé",
    "status.on-track": "En bonne voie",
    "status.at-risk": "À risque",
    "status.off-track": "En retard",
    "status.done": "Atteint",
    "band.red": "Rouge",
    "band.yellow": "Jaune",
    "band.green": "Vert",
  },
);
