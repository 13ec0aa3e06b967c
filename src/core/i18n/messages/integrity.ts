import { messages } from "../define";

/** Keeping data whole across quarters: IDs, moves to KPIs, the lock, starting a quarter once. */
export default messages(
  {
    "id.ambiguous":
      "{id} is on more than one row ({rows}): nothing was written. Give each row its own ID (Validate lists the duplicates), then try again.",
    "id.assigned": "New IDs for rows typed without one: {ids}.",
    "kpi.notKpiLike":
      "{id} was not moved: only a key result that Validate flags as “looks like a KPI” in {quarter} can be moved.",
    "kpi.otherQuarter": "{id} belongs to {quarter}, not to the current quarter {current}: it was not moved.",
    "lock.partial":
      "Part of this change was already written before it failed ({message}). Check the sheet before you try again.",
    "next.alreadyStarted":
      "Nothing was done: this dialog starts from {from}, but Settings have already moved on to {current}. Close it and open Start next quarter again.",
    "next.pickedTwice": "Nothing was done: {id} is picked twice.",
    "quarter.ended":
      "{quarter} ended on {end} and Settings are still on it: nothing was written. Start the next quarter first ({menu} › Start next quarter).",
    "next.tooEarly":
      "{from} ends on {end}, in {days} days. Start {to} anyway? Check-ins after today will land in {to}.",
    "next.startAnyway": "Start {to} anyway",
    "setup.exampleSkipped":
      "The example quarter was not added: this spreadsheet already issued IDs, and its example would use them again.",
    "setup.notOurs":
      "{sheet} does not have the template's columns, so it was left exactly as it was; the template's sheet was created beside it.",
    "finding.number-too-large":
      '{column}: "{value}" is out of range (numbers must be between -1e15 and 1e15).',
    "finding.id-on-kpis":
      "The ID {id} belongs to a key result moved to the KPIs sheet (“Moved from”): give this row a new ID (clear it and Validate).",
  },
  {
    "id.ambiguous":
      "{id} figure sur plusieurs lignes ({rows}) : rien n'a été écrit. Donnez à chaque ligne son propre ID (Valider liste les doublons), puis réessayez.",
    "id.assigned": "Nouveaux ID pour les lignes saisies sans ID : {ids}.",
    "kpi.notKpiLike":
      "{id} n'a pas été déplacé : seul un résultat clé que Valider signale comme « ressemble à un KPI » en {quarter} peut être déplacé.",
    "kpi.otherQuarter":
      "{id} appartient à {quarter}, pas au trimestre en cours {current} : il n'a pas été déplacé.",
    "lock.partial":
      "Une partie de cette modification a déjà été écrite avant l'échec ({message}). Vérifiez la feuille avant de réessayer.",
    "next.alreadyStarted":
      "Rien n'a été fait : cette fenêtre part de {from}, mais les paramètres sont déjà passés à {current}. Fermez-la et rouvrez Démarrer le trimestre suivant.",
    "next.pickedTwice": "Rien n'a été fait : {id} est choisi deux fois.",
    "quarter.ended":
      "{quarter} s'est terminé le {end} et les paramètres y sont restés : rien n'a été écrit. Démarrez d'abord le trimestre suivant ({menu} › Démarrer le trimestre suivant).",
    "next.tooEarly":
      "{from} se termine le {end}, dans {days} jours. Démarrer {to} quand même ? Les points faits après aujourd'hui iront dans {to}.",
    "next.startAnyway": "Démarrer {to} quand même",
    "setup.exampleSkipped":
      "Le trimestre d'exemple n'a pas été ajouté : ce classeur a déjà attribué des ID, que l'exemple réutiliserait.",
    "setup.notOurs":
      "{sheet} n'a pas les colonnes du modèle : elle a été laissée telle quelle, et la feuille du modèle a été créée à côté.",
    "finding.number-too-large":
      "{column} : « {value} » est hors limites (les nombres doivent être entre -1e15 et 1e15).",
    "finding.id-on-kpis":
      "L'ID {id} appartient à un résultat clé déplacé dans la feuille KPI (« Déplacé depuis ») : donnez un nouvel ID à cette ligne (videz-le et lancez Valider).",
  },
);
