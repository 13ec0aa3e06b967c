import { type Lang, langFromLocale } from "../core/i18n";

/**
 * The user's language from their locale. Session needs no authorization; should it fail all the
 * same (an unusual account, a trigger context), English is the answer rather than an error.
 */
export function userLang(): Lang {
  // Read once per execution (each one starts with a fresh global scope): a command and the sidebar
  // it opens both ask, and each Session call is a round trip.
  if (known === undefined) {
    try {
      known = langFromLocale(Session.getActiveUserLocale());
    } catch {
      known = "en";
    }
  }
  return known;
}
let known: Lang | undefined;
