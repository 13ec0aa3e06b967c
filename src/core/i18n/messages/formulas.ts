import { messages } from "../define";

/**
 * Custom formulas: their errors, and the names of their arguments as the errors mention them. In
 * English an argument is named as in the formula's autocomplete (start_date); in French, in words.
 */
export default messages(
  {
    "formula.error.notNumber": '{fn}: {argument} must be a number, got "{value}".',
    "formula.error.notDate":
      '{fn}: {argument} must be a date (a date cell, 2026-10-01 or 01/10/2026), got "{value}".',
    "formula.error.targetEqualsBaseline":
      "{fn}: the target equals the baseline ({value}), so progress cannot be measured.",
    "formula.error.shape": "{fn}: {argument} must have the same shape as {other} ({rows}×{columns}).",
    "formula.error.notColumn": "{fn}: {argument} must be a single column, got {columns} columns.",
    "formula.error.notInList": '{fn}: {argument} must be one of {allowed}, got "{value}".',
    "formula.error.missing": "{fn}: {argument} is required.",
    "formula.error.outOfRange": "{fn}: {argument} must be between {min} and {max}, got {value}.",
    "formula.error.notPositive": "{fn}: {argument} must be above 0, got {value} (leave it empty for 1).",
    "formula.error.notNegative": "{fn}: {argument} must not be negative, got {value}.",
    "formula.error.endBeforeStart": "{fn}: {end} ({endValue}) is before {start} ({startValue}).",
    "formula.error.thresholds":
      "{fn}: {atRisk} ({atRiskValue}) must not be above {onTrack} ({onTrackValue}).",
    "formula.error.arity":
      "{fn}: give 1 or 2 arguments ({short}) or 6 to 9 arguments, one column each ({long}); got {count}.",
    "formula.error.todayRequired":
      "{fn}: {argument} is required: give a date, such as the “As of” cell of Settings (a custom function may not use TODAY()).",
    "formula.error.language": '{fn}: {argument} must be en, fr or auto, got "{value}".',
    "formula.arg.baseline": "baseline",
    "formula.arg.target": "target",
    "formula.arg.current": "current",
    "formula.arg.metric": "metric",
    "formula.arg.krScores": "kr_scores",
    "formula.arg.weights": "weights",
    "formula.arg.ids": "ids",
    "formula.arg.types": "types",
    "formula.arg.parents": "parents",
    "formula.arg.baselines": "baselines",
    "formula.arg.targets": "targets",
    "formula.arg.currents": "currents",
    "formula.arg.metrics": "metrics",
    "formula.arg.score": "score",
    "formula.arg.startDate": "start_date",
    "formula.arg.endDate": "end_date",
    "formula.arg.today": "today",
    "formula.arg.onTrack": "on_track",
    "formula.arg.atRisk": "at_risk",
    "formula.arg.keyResultText": "key_result_text",
    "formula.arg.quarters": "quarters",
    "formula.arg.quarterTable": "quarter_table",
    "formula.arg.asOf": "as_of",
    "formula.arg.language": "language",
  },
  {
    "formula.error.notNumber": "{fn} : l'argument « {argument} » doit être un nombre, reçu « {value} ».",
    "formula.error.notDate":
      "{fn} : l'argument « {argument} » doit être une date (une cellule date, 2026-10-01 ou 01/10/2026), reçu « {value} ».",
    "formula.error.targetEqualsBaseline":
      "{fn} : la cible est égale à la valeur de départ ({value}), la progression ne peut pas être mesurée.",
    "formula.error.shape":
      "{fn} : l'argument « {argument} » doit avoir la même forme que « {other} » ({rows}×{columns}).",
    "formula.error.notColumn":
      "{fn} : l'argument « {argument} » doit être une seule colonne, reçu {columns} colonnes.",
    "formula.error.notInList":
      "{fn} : l'argument « {argument} » doit être l'une de ces valeurs : {allowed} ; reçu « {value} ».",
    "formula.error.missing": "{fn} : l'argument « {argument} » est obligatoire.",
    "formula.error.outOfRange":
      "{fn} : l'argument « {argument} » doit être entre {min} et {max}, reçu {value}.",
    "formula.error.notPositive":
      "{fn} : l'argument « {argument} » doit être supérieur à 0, reçu {value} (laissez vide pour 1).",
    "formula.error.notNegative": "{fn} : l'argument « {argument} » ne peut pas être négatif, reçu {value}.",
    "formula.error.endBeforeStart":
      "{fn} : « {end} » ({endValue}) est antérieure à « {start} » ({startValue}).",
    "formula.error.thresholds":
      "{fn} : « {atRisk} » ({atRiskValue}) ne peut pas dépasser « {onTrack} » ({onTrackValue}).",
    "formula.error.arity":
      "{fn} : donnez 1 ou 2 arguments ({short}) ou 6 à 9 arguments, une colonne chacun ({long}) ; reçu {count}.",
    "formula.error.todayRequired":
      "{fn} : l'argument « {argument} » est obligatoire : donnez une date, par exemple la cellule « À la date du » des Paramètres (une fonction personnalisée ne peut pas utiliser AUJOURDHUI()).",
    "formula.error.language":
      "{fn} : l'argument « {argument} » doit valoir en, fr ou auto, reçu « {value} ».",

    "formula.arg.baseline": "valeur de départ",
    "formula.arg.target": "cible",
    "formula.arg.current": "valeur actuelle",
    "formula.arg.metric": "métrique",
    "formula.arg.krScores": "scores des résultats clés",
    "formula.arg.weights": "poids",
    "formula.arg.ids": "ID",
    "formula.arg.types": "types",
    "formula.arg.parents": "parents",
    "formula.arg.baselines": "valeurs de départ",
    "formula.arg.targets": "cibles",
    "formula.arg.currents": "valeurs actuelles",
    "formula.arg.metrics": "métriques",
    "formula.arg.score": "score",
    "formula.arg.startDate": "date de début",
    "formula.arg.endDate": "date de fin",
    "formula.arg.today": "date du jour",
    "formula.arg.onTrack": "seuil en bonne voie",
    "formula.arg.atRisk": "seuil à risque",
    "formula.arg.keyResultText": "texte du résultat clé",
    "formula.arg.quarters": "trimestres",
    "formula.arg.quarterTable": "tableau des trimestres",
    "formula.arg.asOf": "date d'évaluation",
    "formula.arg.language": "langue",
  },
);
