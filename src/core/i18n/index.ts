import type { MessageKey, MessageParams } from "./catalog";
import { en } from "./en";
import { fr } from "./fr";

export type { MessageKey, MessageParams } from "./catalog";

export const LANGS = ["en", "fr"] as const;
export type Lang = (typeof LANGS)[number];

/** The messages known so far: the server's, plus what the sidebar registers at start. */
const catalogs: Record<Lang, Record<string, string>> = { en: { ...en }, fr: { ...fr } };

/**
 * Where the rest of a language's messages come from, read on the first message it lacks. The server
 * bundle carries only part of the French catalogue (scripts/build.mjs) and reads the rest from a
 * project file when a French message is first asked for, so that English executions never load it.
 */
const deferred: Partial<Record<Lang, () => Record<string, string>>> = {};

/** Registers the source of the messages of `lang` that are not loaded yet (read at most once). */
export function deferMessages(lang: Lang, load: () => Record<string, string>): void {
  deferred[lang] = load;
}

function loadDeferred(lang: Lang): boolean {
  const load = deferred[lang];
  if (!load) return false;
  delete deferred[lang];
  catalogs[lang] = { ...load(), ...catalogs[lang] };
  return true;
}

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

/** Where the add-on's menu sits: a top-level "OKR" menu, or the add-on menu under Extensions. */
export type MenuKind = "menu" | "addon";
let menuKind: MenuKind = "menu";

/**
 * Chooses the menu path that `{menu}` names in every message (`menu.path.menu` or
 * `menu.path.addon`): the server from its build flavour, the sidebar from the server's answer.
 */
export function setMenuKind(kind: MenuKind | undefined): void {
  menuKind = kind === "addon" ? "addon" : "menu";
}

/** The menu path in a language, as messages name it ("OKR", or "Extensions › OKR Sheets"). */
export function menuPath(lang: Lang): string {
  return template(lang, `menu.path.${menuKind}`);
}

/**
 * The plural category of a count: "one" or "other". English: exactly 1 is singular; French: 0 and 1
 * (and anything below 2) are. A rule of our own rather than `Intl.PluralRules`: Google's Apps Script
 * reference does not document `Intl` support in its V8 runtime, and two languages need no table.
 *
 * @example
 * pluralOf("fr", 0) //=> "one"
 * pluralOf("en", 0) //=> "other"
 */
export function pluralOf(lang: Lang, count: number): "one" | "other" {
  const n = Math.abs(count);
  return (lang === "fr" ? n < 2 : n === 1) ? "one" : "other";
}

/**
 * A message in the given language, its `{placeholders}` filled, `{count:one|other}` chosen by the
 * count's plural rule, `{menu}` the menu path. A key missing from the language's catalogue throws: the
 * catalogue test walks every message, so a missing one cannot ship as its bare key.
 */
export function t<K extends MessageKey>(
  lang: Lang,
  key: K,
  ...params: keyof MessageParams<K> extends never ? [] : [MessageParams<K>]
): string {
  const values = (params[0] ?? {}) as Record<string, string | number>;
  return fill(lang, template(lang, key), values);
}

function template(lang: Lang, key: string): string {
  // No fallback to English: both catalogues are complete (typed), so a missing message is a bug to
  // see, such as a French message asked for while the script loads, before its source is known.
  const found = catalogs[lang][key] ?? (loadDeferred(lang) ? catalogs[lang][key] : undefined);
  if (found === undefined) throw new Error(`No message "${key}"`);
  return found;
}

function fill(lang: Lang, text: string, values: Record<string, string | number>): string {
  return text.replace(
    /\{(\w+)(?::([^|{}]*)\|([^{}]*))?\}/g,
    (whole, name: string, one?: string, other?: string) => {
      if (one !== undefined) return pluralOf(lang, Number(values[name])) === "one" ? one : other!;
      if (name === "menu" && !(name in values)) return menuPath(lang);
      return name in values ? paramText(lang, values[name]!) : whole;
    },
  );
}

/**
 * A parameter as the message's language writes it: a fraction with a decimal comma in French
 * ("0,5"), as the French sidebar and sheets show numbers. Whole numbers (counts, rows, years) and
 * text stay as given.
 *
 * @example
 * paramText("fr", 0.5) //=> "0,5"
 * paramText("en", 0.5) //=> "0.5"
 */
export function paramText(lang: Lang, value: string | number): string {
  const text = String(value);
  return lang === "fr" && typeof value === "number" && !Number.isInteger(value)
    ? text.replace(".", ",")
    : text;
}

/** For tests and tooling: every message registered so far, by language. */
export function catalogFor(lang: Lang): Readonly<Record<string, string>> {
  loadDeferred(lang);
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
