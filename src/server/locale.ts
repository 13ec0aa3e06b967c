import { type Lang, langFromLocale } from "../core/i18n";

/**
 * The user's language from their locale. Session needs no authorization; should it fail all the
 * same (an unusual account, a trigger context), English is the answer rather than an error.
 */
export function userLang(): Lang {
  try {
    return langFromLocale(Session.getActiveUserLocale());
  } catch {
    return "en";
  }
}
