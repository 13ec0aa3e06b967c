import { en } from "../../src/core/i18n/en";
import { fr } from "../../src/core/i18n/fr";
import { sidebarMessages } from "../../src/core/i18n/sidebar";
import { LANGS, catalogFor, langFromLocale, registerMessages, t } from "../../src/core/i18n";

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

/** Two catalogs in step: same keys, same placeholders, nothing empty. */
function expectInStep(english: Record<string, string>, french: Record<string, string>) {
  expect(Object.keys(french).sort()).toEqual(Object.keys(english).sort());
  for (const key of Object.keys(english)) {
    expect([key, placeholders(french[key]!)]).toEqual([key, placeholders(english[key]!)]);
    expect([key, french[key]!.trim() !== "" && english[key]!.trim() !== ""]).toEqual([key, true]);
  }
}

describe("the message catalogs", () => {
  it("has every server message in French, with the same placeholders as English", () => {
    expectInStep(en, fr);
  });

  it("has every sidebar message in French, with the same placeholders as English", () => {
    expectInStep(sidebarMessages.en, sidebarMessages.fr);
  });

  it("keeps the sidebar-only messages out of the server's catalog (dist/Code.js stays small)", () => {
    const shared = Object.keys(sidebarMessages.en).filter((key) => key in en);
    expect(shared).toEqual([]);
  });

  it.each(LANGS)("serves the sidebar's messages once registered (%s)", (lang) => {
    registerMessages(sidebarMessages);
    const catalog = catalogFor(lang);
    for (const key of Object.keys(sidebarMessages.en))
      expect(catalog[key]).toBe(sidebarMessages[lang][key as keyof typeof sidebarMessages.en]);
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
