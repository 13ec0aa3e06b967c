import type { MessageKey, MessageParams } from "./catalog";
import { en } from "./en";
import { fr } from "./fr";

export type { MessageKey, MessageParams } from "./catalog";

export const LANGS = ["en", "fr"] as const;
export type Lang = (typeof LANGS)[number];

/** The messages known so far: the server's, plus what the sidebar registers at start. */
const catalogs: Record<Lang, Record<string, string>> = { en: { ...en }, fr: { ...fr } };

/** Adds messages (the sidebar's own) to the catalogs; later keys win. */
export function registerMessages(more: Record<Lang, Record<string, string>>): void {
  for (const lang of LANGS) Object.assign(catalogs[lang], more[lang]);
}

/**
 * The language for a locale as Apps Script reports it ("fr", "fr_BE", "en-US", …): French for any
 * French locale, English otherwise.
 *
 * @example
 * langFromLocale("fr_BE") //=> "fr"
 * langFromLocale("de") //=> "en"
 */
export function langFromLocale(locale: string | null | undefined): Lang {
  return /^fr\b|^fr[_-]/i.test(String(locale ?? "").trim()) ? "fr" : "en";
}

/**
 * The language of everything written into the spreadsheet (headers, list values, formula results,
 * colour-rule texts, review, Guide): the Settings language, or, while it is "auto" or missing, the
 * spreadsheet's locale. Dialogs, sidebars, alerts and toasts use the user's language instead.
 *
 * @example
 * sheetLanguage("auto", "fr_BE") //=> "fr"
 * sheetLanguage("en", "fr_BE") //=> "en"
 */
export function sheetLanguage(
  settingsLanguage: "auto" | Lang | undefined,
  spreadsheetLocale: string | null | undefined,
): Lang {
  return settingsLanguage === "en" || settingsLanguage === "fr"
    ? settingsLanguage
    : langFromLocale(spreadsheetLocale);
}

/** A message in the user's language, its `{placeholders}` filled. */
export function t<K extends MessageKey>(
  lang: Lang,
  key: K,
  ...params: keyof MessageParams<K> extends never ? [] : [MessageParams<K>]
): string {
  const template = catalogs[lang][key] ?? catalogs.en[key] ?? key;
  const values = (params[0] ?? {}) as Record<string, string | number>;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in values ? String(values[name]) : whole,
  );
}

/** For tests and tooling: every message registered so far, by language. */
export function catalogFor(lang: Lang): Readonly<Record<string, string>> {
  return catalogs[lang];
}

/**
 * `t` for a key computed at run time (`status.${status}`): the key is still checked to be a
 * message key, the parameters are not.
 */
export function tKey(lang: Lang, key: MessageKey, params: Record<string, string | number> = {}): string {
  return (t as (lang: Lang, key: MessageKey, params: Record<string, string | number>) => string)(
    lang,
    key,
    params,
  );
}
