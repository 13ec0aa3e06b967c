import { messages } from "../define";

/** Template set-up, validation and the other menu commands that work on the sheets. */
export default messages(
  {
    "menu.setUp": "Set up template",
    "menu.validate": "Validate",
    "menu.settings": "Settings",
    "settings.missing": "There is no Settings sheet yet: run {menu} › Set up template first.",
    "setup.askExample":
      "Fill in an example quarter? It shows scores, statuses and findings at once; delete the rows when you start your own.",
    "setup.whoTitle": "Who is setting up?",
    "setup.whoPrompt":
      "Google does not share your email here. Your name is written as the author of the example check-ins:",
    "setup.exampleAuthor": "Example",
    "setup.title": "OKR template",
    "setup.created": "{count:Sheet|Sheets} created: {sheets}.",
    "setup.kept": "{count:Sheet|Sheets} kept as they were, with your data: {sheets}.",
    "setup.columnsAdded": "Columns added to {sheet}: {columns}.",
    "setup.settingsAdded": "Settings added: {settings}.",
    "setup.computedProtection":
      "{column} is computed by the formula in its header cell. Typing here would stop the whole column; change the inputs (Baseline, Target, Current) instead.",
    "setup.quartersAdded":
      "Settings now has a quarters table: each quarter's first and last day. Edit it for a fiscal calendar.",
    "setup.noHeader": "{sheet} has data but no header row I recognise: it was left untouched.",
    "setup.formulaSkipped":
      "{sheet}: the {column} column already holds values, so its formula was not added.",
    "setup.formatsLanguage":
      "The dropdowns, their help and the Status colours of {sheets} are now in {language}, as the Language setting says. Values typed in {formerly} before are still read by the add-on, but Sheets marks them as not in the list: pick the {language} value to clear the mark.",
    "setup.exampleAdded": "Example quarter added: {count} objectives and key results.",
    "setup.done": "The template is ready.",
    "validation.list": "Pick one of: {values}.",
    "validation.number": "A number, such as 120, 1.5 or 15%.",
    "validation.range": "A number from {min} to {max}.",
    "validation.date": "A date, such as 2026-10-01.",
    "validate.toast":
      "{errors} {errors:error|errors}, {warnings} {warnings:warning|warnings}, {notes} {notes:note|notes}.",
    "validate.toastTitle": "OKR validation",
    "validate.clean": "No finding: your OKRs look sound.",
    "error.generic": "Something went wrong: {message}",
    "error.badRequest": "The request was refused: {detail}.",
    "error.busy": "Someone else is saving right now. Please try again in a moment.",
    "error.noOkrSheet": "There is no OKRs sheet yet: run {menu} › Set up template first.",
    "error.rowChanged": "Row {row} no longer holds {id}: the sheet changed. Validate again and retry.",
    "error.notKeyResult": "{id} is not a key result.",
    "kpi.moved": "{id} moved to the KPIs sheet.",
  },
  {
    "menu.setUp": "Préparer le modèle",
    "menu.validate": "Valider",
    "menu.settings": "Paramètres",
    "settings.missing":
      "Il n'y a pas encore de feuille Paramètres : lancez d'abord {menu} › Préparer le modèle.",
    "setup.askExample":
      "Remplir un trimestre d'exemple ? Scores, statuts et constats apparaissent aussitôt ; supprimez ces lignes quand vous commencez les vôtres.",
    "setup.whoTitle": "Qui prépare le modèle ?",
    "setup.whoPrompt":
      "Google ne communique pas votre adresse électronique ici. Votre nom est inscrit comme auteur des points d'exemple :",
    "setup.exampleAuthor": "Exemple",
    "setup.title": "Modèle OKR",
    "setup.created": "{count:Feuille créée|Feuilles créées} : {sheets}.",
    "setup.kept":
      "{count:Feuille conservée telle quelle|Feuilles conservées telles quelles}, avec vos données : {sheets}.",
    "setup.columnsAdded": "Colonnes ajoutées à {sheet} : {columns}.",
    "setup.settingsAdded": "Paramètres ajoutés : {settings}.",
    "setup.computedProtection":
      "{column} est calculé par la formule de sa cellule d'en-tête. Saisir ici bloquerait toute la colonne ; modifiez plutôt les valeurs (Départ, Cible, Actuel).",
    "setup.quartersAdded":
      "Les Paramètres ont maintenant un tableau des trimestres : le premier et le dernier jour de chacun. Modifiez-le pour un exercice décalé.",
    "setup.noHeader":
      "{sheet} contient des données mais aucune ligne d'en-tête reconnue : elle n'a pas été modifiée.",
    "setup.formulaSkipped":
      "{sheet} : la colonne {column} contient déjà des valeurs, sa formule n'a pas été ajoutée.",
    "setup.formatsLanguage":
      "Les listes déroulantes, leur aide et les couleurs de Statut de {sheets} sont maintenant en {language}, comme le veut le paramètre Langue. Les valeurs saisies en {formerly} auparavant restent lues par le module, mais Sheets les marque comme absentes de la liste : choisissez la valeur en {language} pour effacer la marque.",
    "setup.exampleAdded": "Trimestre d'exemple ajouté : {count} objectifs et résultats clés.",
    "setup.done": "Le modèle est prêt.",
    "validation.list": "Choisissez parmi : {values}.",
    "validation.number": "Un nombre, par exemple 120, 1,5 ou 15 %.",
    "validation.range": "Un nombre de {min} à {max}.",
    "validation.date": "Une date, par exemple 2026-10-01.",
    "validate.toast":
      "{errors} {errors:erreur|erreurs}, {warnings} {warnings:avertissement|avertissements}, {notes} {notes:remarque|remarques}.",
    "validate.toastTitle": "Validation OKR",
    "validate.clean": "Aucun constat : vos OKR tiennent la route.",
    "error.generic": "Une erreur est survenue : {message}",
    "error.badRequest": "La demande a été refusée : {detail}.",
    "error.busy": "Quelqu'un d'autre enregistre en ce moment. Réessayez dans un instant.",
    "error.noOkrSheet": "Il n'y a pas encore de feuille OKR : lancez d'abord {menu} › Préparer le modèle.",
    "error.rowChanged":
      "La ligne {row} ne contient plus {id} : la feuille a changé. Validez à nouveau et réessayez.",
    "error.notKeyResult": "{id} n'est pas un résultat clé.",
    "kpi.moved": "{id} a été déplacé dans la feuille KPI.",
  },
);
