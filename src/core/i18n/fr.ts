import type { ServerCatalog } from "./catalog";
import checkins from "./messages/checkins";
import findings from "./messages/findings";
import formulas from "./messages/formulas";
import guide from "./messages/guide";
import health from "./messages/health";
import insert from "./messages/insert";
import integrity from "./messages/integrity";
import review from "./messages/review";
import rollup from "./messages/rollup";
import sheets from "./messages/sheets";
import ui from "./messages/ui";

/** Messages en français : mêmes clés et mêmes `{paramètres}` que en.ts (un test le vérifie). */
export const fr: ServerCatalog = {
  ...ui.fr,
  ...formulas.fr,
  ...findings.fr,
  ...sheets.fr,
  ...checkins.fr,
  ...review.fr,
  ...insert.fr,
  ...integrity.fr,
  ...guide.fr,
  ...health.fr,
  ...rollup.fr,
};
