/**
 * One language per spreadsheet, one per person: a user whose language differs from the
 * spreadsheet's gets every sheet text in the spreadsheet's language (headers, list values and
 * their help, notes, the Guide, the example quarter, the review) and every dialog, alert, toast and
 * sidebar answer in their own.
 */
import { type LoadedAddon, loadAddon } from "../../dev/loader";
import type { FakeSheet } from "../../dev/gas";
import { type Lang, t } from "../../src/core/i18n";
import { OKRS, ROW_TYPES, SHEETS } from "../../src/core/schema";
import { englishIn, frenchIn } from "../helpers/words";

const NOW = "2026-11-15T10:00:00Z";

/** Every text the add-on leaves in a sheet: values, notes, and the validation help of row 2. */
function sheetTexts(sheet: FakeSheet): string[] {
  const texts: string[] = [];
  sheet.values().forEach((line, r) =>
    line.forEach((value, c) => {
      if (typeof value === "string" && value !== "") texts.push(value);
      const note = sheet.peek(r + 1, c + 1)?.note;
      if (note) texts.push(note);
      if (r === 1) {
        const help = sheet.peek(r + 1, c + 1)?.validation?.getHelpText();
        if (help) texts.push(help);
      }
    }),
  );
  return texts;
}

/** Words of the other language found in the add-on's sheets (Sheet1, the user's own tab, aside). */
function foreignWords(addon: LoadedAddon, sheetLang: Lang): string[] {
  const foreign = sheetLang === "fr" ? englishIn : frenchIn;
  return addon.spreadsheet
    .allSheets()
    .filter((s) => s.name !== "Sheet1")
    .flatMap((s) =>
      sheetTexts(s).flatMap((text) => foreign(text).map((w) => `${s.name}: ${w} in "${text}"`)),
    );
}

const PAIRS = [
  { user: "en", spreadsheet: "fr_BE", userLang: "en", sheetLang: "fr" },
  { user: "fr_CA", spreadsheet: "en_US", userLang: "fr", sheetLang: "en" },
] as const;

describe.each(PAIRS)(
  "a $user user on a $spreadsheet spreadsheet",
  ({ user, spreadsheet, userLang, sheetLang }) => {
    let addon: LoadedAddon;
    const name = (key: keyof typeof SHEETS) => SHEETS[key].name[sheetLang];
    const byName = (sheetName: string) => {
      const found = addon.spreadsheet.sheet(sheetName);
      if (!found) throw new Error(`no sheet ${sheetName}`);
      return found;
    };

    beforeEach(() => {
      addon = loadAddon({ locale: user, spreadsheetLocale: spreadsheet, now: NOW });
      addon.ui.answers.push({ button: "YES" });
      addon.run("setUpTemplate");
    });

    it("sets up the sheets in the spreadsheet's language and reports in the user's", () => {
      expect(addon.spreadsheet.allSheets().map((s) => s.name)).toEqual([
        "Sheet1",
        name("okrs"),
        name("checkins"),
        name("kpis"),
        name("settings"),
        name("guide"),
      ]);
      expect(byName(name("okrs")).values()[0]).toEqual(OKRS.columns.map((c) => c.header[sheetLang]));
      const [question, report] = addon.ui.dialogs;
      expect(question?.message).toBe(t(userLang, "setup.askExample"));
      expect(report?.message).toContain(
        t(userLang, "setup.created", {
          sheets: ["okrs", "checkins", "kpis", "settings", "guide"].map((k) => name(k as "okrs")).join(", "),
          count: 5,
        }),
      );
      expect(report?.message).toContain(t(userLang, "setup.done"));
      // The Settings sheet records the language, so whoever opens the file later writes in it too.
      const language = byName(name("settings"))
        .values()
        .find((line) => line[0] === (sheetLang === "fr" ? "Langue" : "Language"));
      expect(language?.[1]).toBe(sheetLang);
      expect(foreignWords(addon, sheetLang)).toEqual([]);
    });

    it("marks findings in the spreadsheet's language and lists and toasts them in the user's", () => {
      addon.run("validate");
      const toast = addon.spreadsheet.toasts.at(-1)!;
      expect(toast.title).toBe(t(userLang, "validate.toastTitle"));
      const findings = addon.run<{ lang: Lang; items: { code: string; message: string; sheet: string }[] }>(
        "getFindings",
      );
      expect(findings.lang).toBe(userLang);
      const output = findings.items.find((i) => i.code === "output-not-outcome")!;
      expect(output.sheet).toBe(name("okrs"));
      expect(output.message).toMatch(
        userLang === "fr" ? /^Une activité, pas un résultat/ : /^An output, not an outcome/,
      );
      // The trigger word is quoted from the title as written; the metric is named in the user's words.
      expect(output.message).toContain(userLang === "fr" ? "(launch, jalon)" : "(lancer, milestone)");
      const notes = sheetTexts(byName(name("okrs"))).filter((text) => text.startsWith("⚑"));
      expect(notes.length).toBeGreaterThan(0);
      expect(foreignWords(addon, sheetLang)).toEqual([]);
    });

    it("saves check-ins and inserts a draft with sheet words in the sheet, answers in the user's words", () => {
      const krId = byName(name("okrs"))
        .values()
        .find((line) => line[2] === ROW_TYPES.find((r) => r.key === "kr")!.label[sheetLang])![1] as string;
      const saved = addon.run<{ message: string }>("saveCheckins", { entries: [{ krId, value: 150 }] });
      expect(saved.message).toBe(t(userLang, "checkin.saved", { count: 1 }));

      const inserted = addon.run<{ message: string; firstRow: number }>("insertDraft", {
        objective: {
          level: "team",
          team: "Marketing",
          owner: "Zoe",
          kind: "committed",
          parent: "",
          title: sheetLang === "fr" ? "Faire connaître l'application" : "Make the app known",
        },
        krs: [
          {
            title:
              sheetLang === "fr" ? "Faire passer les visites de 100 à 300" : "Grow visits from 100 to 300",
            metric: "increase",
            unit: "",
            baseline: 100,
            target: 300,
          },
        ],
      });
      expect(inserted.message.startsWith(userLang === "fr" ? "O-" : "Inserted")).toBe(true);
      const row = byName(name("okrs")).values()[inserted.firstRow - 1]!;
      expect(row[2]).toBe(ROW_TYPES.find((r) => r.key === "objective")!.label[sheetLang]);
      expect(foreignWords(addon, sheetLang)).toEqual([]);
    });

    it("generates the review sheet in the spreadsheet's language, announced in the user's", () => {
      addon.run("openReview");
      expect(addon.ui.shown.at(-1)).toMatchObject({ kind: "modal", title: t(userLang, "menu.review") });
      const result = addon.run<{ sheet: string; message: string }>("generateReview", { team: "" });
      expect(result.sheet).toBe(t(sheetLang, "review.sheetName", { quarter: "2026-Q4" }));
      expect(result.message).toBe(t(userLang, "review.done", { sheet: result.sheet }));
      expect(foreignWords(addon, sheetLang)).toEqual([]);
    });

    it("carries objectives into the next quarter with list values in the spreadsheet's language", () => {
      const proposal = addon.run<{ candidates: { id: string; nextOwner?: string; owner: string }[] }>(
        "getNextQuarter",
      );
      const carry = proposal.candidates.slice(0, 1).map((c) => ({ id: c.id, owner: c.nextOwner || "Zoe" }));
      const message = addon.run<string>("startNextQuarter", { from: "2026-Q4", carry, early: true });
      expect(message).toBe(t(userLang, "next.done", { to: "2027-Q1", count: 1 }));
      expect(foreignWords(addon, sheetLang)).toEqual([]);
    });
  },
);

describe("the Settings language", () => {
  it("wins over the spreadsheet's locale for what is written later", () => {
    const addon = loadAddon({ locale: "fr", spreadsheetLocale: "fr_FR", now: NOW });
    addon.ui.answers.push({ button: "YES" });
    addon.run("setUpTemplate");
    const settings = addon.spreadsheet.sheet("Paramètres")!;
    const row = settings.values().findIndex((line) => line[0] === "Langue") + 1;
    settings.cell(row, 2).value = "en";
    const result = addon.run<{ sheet: string; message: string }>("generateReview", { team: "" });
    expect(result.sheet).toBe("Review 2026-Q4");
    expect(result.message).toBe("La revue est prête dans la feuille « Review 2026-Q4 ».");
  });
});

describe("switching the Settings language after set-up", () => {
  /** An English spreadsheet set up with the example, then its Language set to French. */
  function switchedToFrench(locale = "en") {
    const addon = loadAddon({ locale, spreadsheetLocale: "en_US", now: NOW });
    addon.ui.answers.push({ button: "YES" });
    addon.run("setUpTemplate");
    addon.ui.answers.length = 0;
    const settings = addon.spreadsheet.sheet("Settings")!;
    const row = settings.values().findIndex((line) => line[0] === "Language") + 1;
    settings.cell(row, 2).value = "fr";
    return { addon, okrs: addon.spreadsheet.sheet("OKRs")!, settings, languageRow: row };
  }
  /** The values the dropdown of an OKRs column offers (row 2). */
  const dropdown = (okrs: FakeSheet, column: number) =>
    (okrs.peek(2, column + 1)?.validation?.getCriteriaValues()[0] ?? []) as string[];
  const statusColours = (okrs: FakeSheet) =>
    okrs.conditionalRules.filter((r) => r.condition === "TEXT_EQUAL_TO").map((r) => r.values[0]);
  const column = (key: string) => OKRS.columns.findIndex((c) => c.key === key);
  type Items = { items: { code: string; a1: string; sheet: string; message: string }[] };

  it("writes in French at once; Validate says the dropdowns and colours are still English, on the Language cell", () => {
    const { addon, okrs, languageRow } = switchedToFrench();
    // The Status formula takes the Language cell: the column is French at once; new rows too.
    const statuses = okrs
      .values()
      .slice(1)
      .map((line) => line[column("status")]);
    expect(statuses).toContain("En bonne voie");
    const inserted = addon.run<{ firstRow: number }>("insertDraft", {
      objective: {
        level: "team",
        team: "Ventes",
        owner: "Zoé",
        kind: "committed",
        parent: "",
        title: "Vendre plus",
      },
      krs: [
        {
          title: "Faire passer les ventes de 10 à 20",
          metric: "increase",
          unit: "",
          baseline: 10,
          target: 20,
        },
      ],
    });
    expect(okrs.values()[inserted.firstRow - 1]![column("type")]).toBe("Objectif");
    // Until set-up runs again, the dropdowns offer English and the colours match English statuses.
    expect(dropdown(okrs, column("type"))).toEqual(["Objective", "Key result"]);
    expect(statusColours(okrs)).toEqual(["On track", "At risk", "Off track", "Done"]);

    const found = addon.run<Items>("validateNow").items;
    expect(found.filter((f) => f.code === "formats-language")).toEqual([
      expect.objectContaining({
        sheet: "Settings",
        a1: `B${languageRow}`,
        message:
          "The dropdowns, their help and the Status colours are still in English, while this spreadsheet is now written in French: run OKR › Set up template to switch them to French. Values already typed in English stay understood.",
      }),
    ]);
    // The rows typed in English before the switch are still read: no value is refused, and
    // their key results are still offered for check-in.
    expect(found.filter((f) => f.code === "not-in-list")).toEqual([]);
    const view = addon.run<{ items: { id: string }[] }>("getCheckins", {});
    expect(view.items.map((i) => i.id)).toEqual(expect.arrayContaining(["KR-1", "KR-2"]));
    // Marked on the cell, in the spreadsheet's language.
    expect(addon.spreadsheet.sheet("Settings")!.peek(languageRow, 2)?.note).toMatch(
      /listes déroulantes.*Préparer le modèle/,
    );
  });

  it("tells a French user in French, and set-up switches the dropdowns and colours, which ends the finding", () => {
    const { addon, okrs } = switchedToFrench("fr");
    addon.run("getFindings"); // the French catalogue and the day's As of, read once
    addon.calls.reset();
    const before = addon.run<Items>("getFindings").items.filter((f) => f.code === "formats-language");
    const calls = addon.calls.snapshot();
    expect(before.map((f) => f.message)).toEqual([
      "Les listes déroulantes, leur aide et les couleurs de Statut sont encore en anglais, alors que ce classeur s'écrit maintenant en français : lancez OKR › Préparer le modèle pour les passer en français. Les valeurs déjà saisies en anglais restent comprises.",
    ]);
    addon.ui.answers.push({ button: "OK" });
    addon.run("setUpTemplate");
    // Set-up says what it switched, and what Sheets now shows on the values typed in English.
    expect(addon.ui.dialogs.at(-1)?.message).toContain(
      "Les listes déroulantes, leur aide et les couleurs de Statut de OKRs, Check-ins, KPIs sont maintenant en français, comme le veut le paramètre Langue. Les valeurs saisies en anglais auparavant restent lues par le module, mais Sheets les marque comme absentes de la liste : choisissez la valeur en français pour effacer la marque.",
    );
    expect(dropdown(okrs, column("type"))).toEqual(["Objectif", "Résultat clé"]);
    expect(dropdown(okrs, column("metric"))).toEqual(["Augmenter", "Diminuer", "Jalon", "Seuil"]);
    expect(okrs.peek(2, column("type") + 1)?.validation?.getHelpText()).toMatch(/^Choisissez/);
    expect(statusColours(okrs)).toEqual(["En bonne voie", "À risque", "En retard", "Atteint"]);
    addon.calls.reset();
    const after = addon.run<Items>("getFindings").items;
    expect(after.filter((f) => f.code === "formats-language")).toEqual([]);
    // The finding cost no call but the Settings tab's name, to say where it is.
    expect({ ...addon.calls.snapshot(), "Sheet.getName": calls["Sheet.getName"] }).toEqual(calls);
    expect(addon.calls.get("Sheet.getName")).toBe(calls["Sheet.getName"]! - 1);
    expect(after.filter((f) => f.code === "not-in-list")).toEqual([]);
  });

  it("says nothing while the language is the one the sheets were formatted in", () => {
    const addon = loadAddon({ locale: "en", spreadsheetLocale: "fr_FR", now: NOW });
    addon.ui.answers.push({ button: "YES" });
    addon.run("setUpTemplate");
    const found = addon.run<Items>("getFindings").items;
    expect(found.filter((f) => f.code === "formats-language")).toEqual([]);
    addon.ui.answers.push({ button: "OK" });
    addon.run("setUpTemplate");
    expect(addon.ui.dialogs.at(-1)?.message).not.toContain("dropdowns");
  });
});
