import { LANGS, catalogFor, langFromLocale, t } from "../../src/core/i18n";

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe("the message catalog", () => {
  const en = catalogFor("en");

  it.each(LANGS)("has every key in %s, with the same placeholders as English", (lang) => {
    const catalog = catalogFor(lang);
    expect(Object.keys(catalog).sort()).toEqual(Object.keys(en).sort());
    for (const key of Object.keys(en) as (keyof typeof en)[]) {
      expect([key, placeholders(catalog[key])]).toEqual([key, placeholders(en[key])]);
      expect(catalog[key].trim()).not.toBe("");
    }
  });

  it("fills placeholders", () => {
    expect(t("en", "sidebar.error", { message: "boom" })).toBe("Something went wrong: boom");
  });
});

describe("langFromLocale", () => {
  it.each([
    ["fr", "fr"],
    ["fr_BE", "fr"],
    ["fr-CA", "fr"],
    ["en_US", "en"],
    ["de", "en"],
    ["", "en"],
    [undefined, "en"],
  ])("%s → %s", (locale, lang) => {
    expect(langFromLocale(locale)).toBe(lang);
  });
});
