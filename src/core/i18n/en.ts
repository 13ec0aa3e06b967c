/**
 * Every message, by feature (src/core/i18n/messages/*.ts). English is the reference: its templates'
 * `{placeholders}` type the parameters of `t()`.
 */
import checkins from "./messages/checkins";
import findings from "./messages/findings";
import formulas from "./messages/formulas";
import review from "./messages/review";
import sheets from "./messages/sheets";
import sidebarViews from "./messages/sidebar-views";
import ui from "./messages/ui";
import wizard from "./messages/wizard";

export const en = {
  ...ui.en,
  ...formulas.en,
  ...findings.en,
  ...sheets.en,
  ...checkins.en,
  ...review.en,
  ...wizard.en,
  ...sidebarViews.en,
};
