import { en } from "../../src/core/i18n/en";
import { fr } from "../../src/core/i18n/fr";
import { sidebarMessages } from "../../src/core/i18n/sidebar";
import {
  LANGS,
  catalogFor,
  langFromLocale,
  type MessageKey,
  pluralOf,
  registerMessages,
  setMenuKind,
  t,
  tKey,
} from "../../src/core/i18n";
import { describeFinding, triggerWords } from "../../src/core/describe";
import type { Finding, FindingCode } from "../../src/core/findings";
import { guideRows } from "../../src/core/guide";
import { englishIn } from "../helpers/words";

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

/** Every finding code: a code added to Finding without a line here fails to compile. */
const FINDING_CODES: Record<FindingCode, true> = {
  "missing-sheet": true,
  "missing-column": true,
  "computed-blocked": true,
  "computed-failed": true,
  "computed-replaced": true,
  required: true,
  "not-in-list": true,
  "not-a-number": true,
  "out-of-range": true,
  "not-a-date": true,
  "ambiguous-date": true,
  "duplicate-id": true,
  "id-on-kpis": true,
  "number-too-large": true,
  "unknown-parent": true,
  "parent-not-objective": true,
  "unknown-company-objective": true,
  "target-equals-baseline": true,
  "weight-not-positive": true,
  "unknown-quarter": true,
  "unknown-kr": true,
  "too-many-objectives": true,
  "too-many-krs": true,
  "objective-without-krs": true,
  "kpi-like": true,
  "output-not-outcome": true,
  "not-measurable": true,
  "objective-has-number": true,
  "level-not-allowed": true,
  "owner-missing": true,
  "owner-repeated": true,
  "added-mid-quarter": true,
  stale: true,
  "setting-invalid": true,
  "formats-language": true,
  "rollup-unknown-parent": true,
  "rollup-team-parent": true,
  "rollup-unserved": true,
  "rollup-too-many": true,
};

describe("every message, in both languages", () => {
  const english = { ...en, ...sidebarMessages.en } as Record<string, string>;
  const french = { ...fr, ...sidebarMessages.fr } as Record<string, string>;

  it("exists in English and in French and is never its own key", () => {
    const keys = new Set([...Object.keys(english), ...Object.keys(french)]);
    for (const key of keys) {
      expect([key, english[key] !== undefined && english[key] !== key]).toEqual([key, true]);
      expect([key, french[key] !== undefined && french[key] !== key]).toEqual([key, true]);
    }
  });

  it("has no English word in French (product names aside)", () => {
    const found = Object.entries(french)
      .map(([key, text]) => [key, englishIn(text)] as const)
      .filter(([, words]) => words.length > 0);
    expect(found).toEqual([]);
  });

  it("has no English word in the French Guide", () => {
    const found = guideRows("fr")
      .flat()
      .flatMap((text) => englishIn(text));
    expect(found).toEqual([]);
  });

  it("puts a space before a colon in French, never after a word directly", () => {
    const bad = Object.entries(french).filter(([, text]) =>
      /[\p{L}\d)»}]:(\s|$)/u.test(text.replace(/\{\w+:[^}]*\}/g, "")),
    );
    expect(bad).toEqual([]);
  });

  it("names the menu through {menu}, never as a fixed path", () => {
    const fixed = Object.entries({ ...english, ...french }).filter(([, text]) => /OKR ›/.test(text));
    expect(fixed).toEqual([]);
  });

  it("has a message for every finding code", () => {
    for (const code of Object.keys(FINDING_CODES)) {
      expect([code, `finding.${code}` in english]).toEqual([code, true]);
    }
  });
});

describe("t", () => {
  it("refuses a key that no catalogue has, rather than showing the key", () => {
    expect(() => tKey("fr", "no.such.message" as MessageKey)).toThrow(/no\.such\.message/);
  });

  it.each([
    ["en", 0, "0 errors, 1 warning, 2 notes."],
    ["en", 1, "1 error, 1 warning, 2 notes."],
    ["fr", 0, "0 erreur, 1 avertissement, 2 remarques."],
    ["fr", 1, "1 erreur, 1 avertissement, 2 remarques."],
    ["fr", 2, "2 erreurs, 1 avertissement, 2 remarques."],
  ] as const)("follows the plural rule of %s for %i", (lang, errors, expected) => {
    expect(t(lang, "validate.toast", { errors, warnings: 1, notes: 2 })).toBe(expected);
  });

  it("says 1 objective, 1 key result, 1 check-in in the singular", () => {
    expect(t("en", "review.rotationText", { repeated: 1, owners: 1 })).toBe(
      "1 objective kept last quarter's owner; 1 different owner this quarter.",
    );
    expect(t("fr", "wizard.kr.count", { count: 1, limit: 4 })).toBe("1 résultat clé sur 4.");
    expect(t("fr", "checkin.saved", { count: 1 })).toBe("1 point enregistré.");
    expect(t("en", "checkin.saved", { count: 2 })).toBe("2 check-ins saved.");
  });

  it("writes a fraction with a decimal comma in French, whole numbers as they are", () => {
    expect(t("fr", "finding.target-equals-baseline", { value: 0.5 })).toMatch(/^[^:]*\(0,5\)/);
    expect(t("en", "finding.target-equals-baseline", { value: 0.5 })).toMatch(/^[^:]*\(0\.5\)/);
    expect(t("fr", "checkin.saved", { count: 2000 })).toBe("2000 points enregistrés.");
  });

  it("writes the sheets set up in the feminine plural in French", () => {
    expect(t("fr", "setup.created", { sheets: "OKR, Points", count: 2 })).toBe(
      "Feuilles créées : OKR, Points.",
    );
    expect(t("fr", "setup.created", { sheets: "Guide", count: 1 })).toBe("Feuille créée : Guide.");
  });
});

describe("pluralOf", () => {
  it.each([
    ["en", 0, "other"],
    ["en", 1, "one"],
    ["en", 2, "other"],
    ["fr", 0, "one"],
    ["fr", 1, "one"],
    ["fr", 1.5, "one"],
    ["fr", 2, "other"],
    ["fr", -1, "one"],
  ] as const)("%s %d → %s", (lang, n, category) => {
    expect(pluralOf(lang, n)).toBe(category);
  });
});

describe("the menu path", () => {
  afterEach(() => setMenuKind("menu"));

  it("is the top-level OKR menu by default", () => {
    expect(t("en", "settings.missing")).toBe(
      "There is no Settings sheet yet: run OKR › Set up template first.",
    );
  });

  it("is Extensions › OKR Sheets in the add-on flavour, in both languages", () => {
    setMenuKind("addon");
    expect(t("en", "settings.missing")).toBe(
      "There is no Settings sheet yet: run Extensions › OKR Sheets › Set up template first.",
    );
    expect(t("fr", "error.noOkrSheet")).toContain(
      "lancez d'abord Extensions › OKR Sheets › Préparer le modèle",
    );
    expect(guideRows("en").flat().join(" ")).toContain("Extensions › OKR Sheets › Lock plan");
  });
});

describe("trigger words", () => {
  it("names the rule's own reasons in the reader's language", () => {
    expect(triggerWords("maintenir, threshold", "fr")).toBe("maintenir, seuil");
    expect(triggerWords("lancer, milestone", "fr")).toBe("lancer, jalon");
    expect(triggerWords("target = baseline", "fr")).toBe("cible = départ");
    expect(triggerWords("launch, milestone", "en")).toBe("launch, milestone");
  });

  it("shows no English reason in a French finding", () => {
    const finding = {
      code: "kpi-like",
      severity: "warning",
      sheet: "okrs",
      row: 3,
      params: { words: "maintenir, threshold" },
    } as unknown as Finding;
    expect(describeFinding(finding, "fr")).toContain("(maintenir, seuil)");
  });
});
