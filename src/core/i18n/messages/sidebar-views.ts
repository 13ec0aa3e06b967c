import { messages } from "../define";

/** The sidebar's check-in view and the review and next-quarter dialogs. */
export default messages(
  {
    "checkinView.title": "Weekly check-in — {quarter}",
    "checkinView.filter": "Key results of",
    "checkinView.filterHint":
      "Pick a team or an owner; your choice is remembered. With the keyboard, the list changes when you press Enter or leave the field.",
    "checkinView.allTeams": "All teams",
    "checkinView.allOwners": "All owners",
    "checkinView.intro":
      "Type the new values you have: 1.5, 1,5 and 15% all work. Only the key results with a new value are saved.",
    "checkinView.summary":
      "Key results: {count} · without a check-in for over {days} {days:day|days}: {stale}",
    "checkinView.empty": "No key result of {quarter} for this choice.",
    "checkinView.never": "never",
    "checkinView.stale": "No check-in for {days} {days:day|days} (limit {limit}).",
    "checkinView.staleBadge": "Stale",
    "checkinView.history": "Last check-ins ({count})",
    "checkinView.noHistory": "No check-in yet.",
    "checkinView.historyConfidence": "confidence {value}/10",
    "checkinView.trend": "Trend of the last check-ins, oldest first: {values}",
    "checkinView.newValue": "New value",
    "checkinView.confidence": "Confidence (0–10)",
    "checkinView.confidenceNone": "Not set",
    "checkinView.comment": "Comment",
    "checkinView.readAs": "Saved as {value}.",
    "checkinView.notNumber": "“{text}” is not a number. Type it like 1.5, 1,5 or 15%.",
    "checkinView.valueNeeded": "Enter the new value too: a confidence or a comment is saved with a value.",
    "checkinView.commentTooLong": "At most {max} characters ({count} now).",
    "checkinView.nothingToSave": "Enter a new value for at least one key result.",
    "views.fix": "Some fields need your attention.",
    "checkinView.toSave": "Check-ins to save: {count}",
    "checkinView.save": "Save check-ins",
    "checkinView.who": "Who is checking in",
    "checkinView.whoHint":
      "Google does not share your email here: pick your name or type it. It is remembered for next time.",
    "checkinView.whoAs": "Saved as {email}, the Google account you are signed in with.",
    "checkinView.whoNeeded": "Say who is checking in: it is written as the author of each check-in.",
    "views.retry": "Try again",
    "reviewView.intro":
      "Creates a new sheet for {quarter} with scores, colours, a chart, insights and retrospective columns. Nothing is overwritten.",
    "reviewView.oneTeam": "One team",
    "reviewView.quarterHint":
      "A quarter that has ended is reviewed as it ended: its final scores and statuses, its own check-ins.",
    "reviewView.noTeams": "No team objectives this quarter: the review covers everything.",
    "nextView.candidates": "Objectives of {from}",
    "nextView.none": "{from} has no objectives: {to} will start with a clean slate.",
    "nextView.owner": "Owner: {owner}",
    "nextView.noOwner": "no owner",
    "nextView.score": "Score {score}",
    "nextView.picked": "Objectives to carry over: {count} of {total}",
    "nextView.ownerNeeded": "Name the next owner of {id}.",
    "dialog.close": "Close",
    "sidebar.accounts":
      "Google could not run OKR Sheets for this account. This usually happens when several Google accounts are signed in to this browser. Open the spreadsheet in a private window and sign in with the account that installed OKR Sheets, or sign out of your other accounts, then reopen this panel.",
  },
  {
    "checkinView.title": "Point hebdomadaire — {quarter}",
    "checkinView.filter": "Résultats clés de",
    "checkinView.filterHint":
      "Choisissez une équipe ou un responsable ; votre choix est retenu. Au clavier, la liste change quand vous appuyez sur Entrée ou quittez le champ.",
    "checkinView.allTeams": "Toutes les équipes",
    "checkinView.allOwners": "Tous les responsables",
    "checkinView.intro":
      "Saisissez les nouvelles valeurs connues : 1,5, 1.5 et 15 % sont acceptés. Seuls les résultats clés avec une nouvelle valeur sont enregistrés.",
    "checkinView.summary":
      "Résultats clés : {count} · sans point depuis plus de {days} {days:jour|jours} : {stale}",
    "checkinView.empty": "Aucun résultat clé de {quarter} pour ce choix.",
    "checkinView.never": "jamais",
    "checkinView.stale": "Aucun point depuis {days} {days:jour|jours} (limite {limit}).",
    "checkinView.staleBadge": "Pas à jour",
    "checkinView.history": "Derniers points ({count})",
    "checkinView.noHistory": "Aucun point pour l'instant.",
    "checkinView.historyConfidence": "confiance {value}/10",
    "checkinView.trend": "Évolution des derniers points, du plus ancien au plus récent : {values}",
    "checkinView.newValue": "Nouvelle valeur",
    "checkinView.confidence": "Confiance (0–10)",
    "checkinView.confidenceNone": "Non renseignée",
    "checkinView.comment": "Commentaire",
    "checkinView.readAs": "Enregistré comme {value}.",
    "checkinView.notNumber": "« {text} » n'est pas un nombre. Écrivez-le comme 1,5, 1.5 ou 15 %.",
    "checkinView.valueNeeded":
      "Saisissez aussi la nouvelle valeur : une confiance ou un commentaire s'enregistre avec une valeur.",
    "checkinView.commentTooLong": "Au plus {max} caractères ({count} actuellement).",
    "checkinView.nothingToSave": "Saisissez une nouvelle valeur pour au moins un résultat clé.",
    "views.fix": "Certains champs demandent votre attention.",
    "checkinView.toSave": "Points à enregistrer : {count}",
    "checkinView.save": "Enregistrer les points",
    "checkinView.who": "Qui fait le point",
    "checkinView.whoHint":
      "Google ne communique pas votre adresse électronique ici : choisissez votre nom ou tapez-le. Il est retenu pour la prochaine fois.",
    "checkinView.whoAs": "Enregistré au nom de {email}, le compte Google avec lequel vous êtes connecté.",
    "checkinView.whoNeeded": "Indiquez qui fait le point : ce nom est inscrit comme auteur de chaque point.",
    "views.retry": "Réessayer",
    "reviewView.intro":
      "Crée une nouvelle feuille pour {quarter} avec scores, couleurs, graphique, enseignements et colonnes de rétrospective. Rien n'est écrasé.",
    "reviewView.oneTeam": "Une équipe",
    "reviewView.quarterHint":
      "Un trimestre terminé est passé en revue tel qu'il s'est terminé : ses scores et statuts finaux, ses propres points hebdomadaires.",
    "reviewView.noTeams": "Aucun objectif d'équipe ce trimestre : la revue couvre tout.",
    "nextView.candidates": "Objectifs de {from}",
    "nextView.none": "{from} n'a pas d'objectifs : {to} démarrera sur une page blanche.",
    "nextView.owner": "Responsable : {owner}",
    "nextView.noOwner": "aucun responsable",
    "nextView.score": "Score {score}",
    "nextView.picked": "Objectifs à reconduire : {count} sur {total}",
    "nextView.ownerNeeded": "Indiquez le prochain responsable de {id}.",
    "dialog.close": "Fermer",
    "sidebar.accounts":
      "Google n'a pas pu lancer OKR Sheets pour ce compte. Cela arrive le plus souvent quand plusieurs comptes Google sont connectés dans ce navigateur. Ouvrez le classeur dans une fenêtre de navigation privée avec le compte qui a installé OKR Sheets, ou déconnectez vos autres comptes, puis rouvrez ce panneau.",
  },
);
