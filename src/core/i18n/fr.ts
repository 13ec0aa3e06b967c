import type { Catalog } from "./catalog";
import checkins from "./messages/checkins";
import findings from "./messages/findings";
import formulas from "./messages/formulas";
import review from "./messages/review";
import sheets from "./messages/sheets";
import sidebarViews from "./messages/sidebar-views";
import ui from "./messages/ui";
import wizard from "./messages/wizard";

/** Messages en français : mêmes clés et mêmes `{paramètres}` que en.ts (un test le vérifie). */
export const fr: Catalog = {
  ...ui.fr,
  ...formulas.fr,
  ...findings.fr,
  ...sheets.fr,
  ...checkins.fr,
  ...review.fr,
  ...wizard.fr,
  ...sidebarViews.fr,
};
