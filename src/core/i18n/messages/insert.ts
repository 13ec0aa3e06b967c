import { messages } from "../define";

/** Messages the server needs when the wizard inserts a draft (the rest of the wizard is sidebar-only). */
export default messages(
  {
    "wizard.steps.krs": "Key results",
    "wizard.objective": "Objective",
    "wizard.inserted": "Inserted {objective} ({krs}) in {sheet}, rows {first} to {last}.",
    "wizard.error.refused": "Nothing was written: {message}",
  },
  {
    "wizard.steps.krs": "Résultats clés",
    "wizard.objective": "Objectif",
    "wizard.inserted": "{objective} ({krs}) inséré dans {sheet}, lignes {first} à {last}.",
    "wizard.error.refused": "Rien n'a été écrit : {message}",
  },
);
