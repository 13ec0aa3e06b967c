import { messages } from "../define";

export default messages(
  {
    "formula.error.notNumber": '{fn}: {argument} must be a number, got "{value}".',
    "formula.error.targetEqualsBaseline":
      "{fn}: the target equals the baseline ({value}), so progress cannot be measured.",
    "formula.error.shape": "{fn}: {argument} must have the same shape as {other} ({rows}×{columns}).",
    "formula.error.unknownMetric": '{fn}: metric must be one of {allowed}, got "{value}".',
    "formula.error.missing": "{fn}: {argument} is required.",
  },
  {
    "formula.error.notNumber": "{fn} : {argument} doit être un nombre, reçu « {value} ».",
    "formula.error.targetEqualsBaseline":
      "{fn} : la cible est égale à la valeur de départ ({value}), la progression ne peut pas être mesurée.",
    "formula.error.shape": "{fn} : {argument} doit avoir la même forme que {other} ({rows}×{columns}).",
    "formula.error.unknownMetric": "{fn} : la métrique doit être l'une de {allowed}, reçu « {value} ».",
    "formula.error.missing": "{fn} : {argument} est obligatoire.",
  },
);
