import type { Catalog } from "./catalog";
import findings from "./messages/findings";
import formulas from "./messages/formulas";
import ui from "./messages/ui";

/** Messages en français : mêmes clés et mêmes `{paramètres}` que en.ts (un test le vérifie). */
export const fr: Catalog = { ...ui.fr, ...formulas.fr, ...findings.fr };
