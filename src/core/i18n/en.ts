/**
 * Every message, by feature (src/core/i18n/messages/*.ts). English is the reference: its templates'
 * `{placeholders}` type the parameters of `t()`.
 */
import findings from "./messages/findings";
import formulas from "./messages/formulas";
import ui from "./messages/ui";

export const en = { ...ui.en, ...formulas.en, ...findings.en };
