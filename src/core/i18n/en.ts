/**
 * The messages the server needs, by feature (src/core/i18n/messages/*.ts). English is the
 * reference: its templates' `{placeholders}` type the parameters of `t()`. The sidebar-only
 * messages live in sidebar.ts, so that dist/Code.js — loaded for every custom-formula execution —
 * does not carry them.
 */
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

export const en = {
  ...ui.en,
  ...formulas.en,
  ...findings.en,
  ...sheets.en,
  ...checkins.en,
  ...review.en,
  ...insert.en,
  ...integrity.en,
  ...guide.en,
  ...health.en,
  ...rollup.en,
};
