/**
 * The KR coach on any text: whatever a user types (casing, spaces, emoji, any script, any digit
 * system, 50,000 characters), reading a key result never throws and gives the same verdict for the
 * same sentence however it is dressed.
 */
import fc from "fast-check";
import { checkKeyResult, krCheckText } from "../../src/core/formula-results";
import { readKr } from "../../src/core/kr-reading";
import { readCorpus } from "../../scripts/bench/coach-eval";

const kr = (title: string, baseline?: number, target?: number) => ({
  title,
  metric: undefined,
  baseline,
  target,
});
const codes = (title: string) => checkKeyResult(kr(title)).map((c) => c.code);
const corpus = readCorpus().map((row) => row.text);

const anyText = fc.oneof(
  fc.string({ unit: "grapheme", maxLength: 200 }),
  fc.string({ unit: "binary", maxLength: 200 }),
  fc
    .array(
      fc.constantFrom(...corpus, "🚀", "Ω", "٣٠", "४५", ":", "→", "KR1:", " ", "\n", "X", "%", "de", "from"),
      {
        maxLength: 30,
      },
    )
    .map((parts) => parts.join(" ")),
);

describe("the KR coach on any text", () => {
  it("never throws, and answers in both languages with its own codes only", () => {
    fc.assert(
      fc.property(anyText, fc.option(fc.double(), { nil: undefined }), (title, target) => {
        const found = checkKeyResult(kr(title, undefined, target));
        expect(found.every((f) => ["output", "kpi", "vague"].includes(f.code))).toBe(true);
        for (const lang of ["en", "fr"] as const) {
          const text = krCheckText(kr(title, undefined, target), lang);
          expect(text).not.toMatch(/undefined|NaN|\{\w+\}/);
        }
      }),
      { numRuns: 500 },
    );
  });

  it("reads 50,000 characters without trouble", () => {
    for (const title of [
      "x".repeat(50_000),
      "Launch ".repeat(7_000),
      "٣".repeat(50_000),
      "🚀".repeat(25_000),
      "Increase ".repeat(7_000),
      "from 1 to 2 ".repeat(4_000),
      "Maintenir : 1 ".repeat(4_000),
      `KR1: ${"ab ".repeat(16_000)}`,
    ]) {
      expect(() => krCheckText(kr(title), "fr")).not.toThrow();
    }
    expect(codes(`Increase NPS from 30 to 45 ${"and more ".repeat(5_000)}`)).toEqual([]);
  });

  it("gives the same verdict whatever the casing, the spaces, a list label or an emoji around the sentence", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...corpus),
        fc.constantFrom("upper", "lower", "spaces", "label", "emoji", "bullet"),
        (title, dress) => {
          const dressed =
            dress === "upper"
              ? title.toUpperCase()
              : dress === "lower"
                ? title.toLowerCase()
                : dress === "spaces"
                  ? `  ${title.replace(/ /g, "  ")}\t`
                  : dress === "label"
                    ? `KR2 : ${title}`
                    : dress === "emoji"
                      ? `${title} 🚀`
                      : `- ${title}`;
          expect(codes(dressed)).toEqual(codes(title));
        },
      ),
      { numRuns: 400 },
    );
  });

  it("reads figures in any digit system, and not a year, a quarter or a date", () => {
    const arabic = (text: string) => text.replace(/[0-9]/g, (d) => String.fromCharCode(0x660 + Number(d)));
    const devanagari = (text: string) =>
      text.replace(/[0-9]/g, (d) => String.fromCharCode(0x966 + Number(d)));
    for (const title of corpus) {
      expect(codes(arabic(title))).toEqual(codes(title));
      expect(codes(devanagari(title))).toEqual(codes(title));
    }
    expect(readKr("Win the Belgian market in Q3 2026").figure).toBe(false);
    expect(readKr("Ship the pricing page by 15 March").figure).toBe(false);
    expect(readKr("Publier les résultats d'ici le 7 mars").figure).toBe(false);
    expect(readKr("Install version 10.0 of the package").figure).toBe(false);
    expect(readKr("Increase conversion from X to Y").figure).toBe(true);
    expect(readKr("Doubler le nombre d'inscrits").figure).toBe(true);
  });

  it("calls nothing measurable vague, and a named metric measurable", () => {
    expect(codes("Improve customer happiness")).toEqual(["vague"]);
    expect(codes("Measured by the number of active users")).toEqual([]);
    expect(codes("Mesurés par les erreurs de commande signalées par les clients")).toEqual([]);
    expect(codes("Increase conversion from X to Y")).toEqual([]);
    expect(codes("Increase conversion from x to y")).toEqual([]);
  });

  it("reads a level held to a sign or stated as an average as a KPI, and a level against today's as a change", () => {
    expect(codes("Page load time <2s on every page")).toEqual(["kpi"]);
    expect(codes("Délai de livraison ≤ 48 h")).toEqual(["kpi"]);
    expect(codes("Cinq heures de formation en moyenne")).toEqual(["kpi"]);
    expect(codes("4 tickets per agent on average")).toEqual(["kpi"]);
    expect(codes("Signups per week: 500 (currently 320)")).toEqual([]);
    expect(codes("Achieve >90% of orders shipped the same day")).toEqual([]);
  });

  it("reads counted deliverables and repairs as outputs, and a removal as a measurable change", () => {
    expect(codes("8 nouvelles intégrations livrées")).toEqual(["output"]);
    expect(codes("3 integrations shipped")).toEqual(["output"]);
    expect(codes("Fix the 20 oldest bugs")).toEqual(["output"]);
    expect(codes("Analyse the accounts likely to reach 90 days overdue")).toEqual(["output"]);
    expect(codes("Eliminate manual invoice entry")).toEqual([]);
    expect(codes("Éliminer les doublons de fiches clients")).toEqual([]);
  });
});

/**
 * Issue 15's nine patterns, each with sentences of our own in English and French (not from the
 * corpus), so that a rule that reads one language only shows here.
 */
describe("the nine patterns of issue 15, in English and French", () => {
  it.each([
    ["1. a KPI written as a reading", "Refund rate: 1.5%", ["kpi"]],
    ["1. a KPI written as a reading", "Taux de retour : 4 %", ["kpi"]],
    ["1. a KPI held to a bound in words", "Customer satisfaction above 90%", ["kpi"]],
    ["1. a KPI held to a bound in words", "Taux de disponibilité supérieur à 99,5 %", ["kpi"]],
    ["2. a communication or production verb", "Publish the pricing FAQ", ["output"]],
    ["2. a communication or production verb", "Renégocier le bail des bureaux", ["output"]],
    ["2. the noun of an activity", "Rollout of the billing portal", ["output"]],
    ["2. the noun of an activity", "Mise en place d'un wiki interne", ["output"]],
    ["2. a bare count of activities", "12 customer webinars", ["output"]],
    ["2. a bare count of activities", "25 rendez-vous clients", ["output"]],
    ["3. a gerund, an imperative, a past tense", "Shipping the billing portal", ["output"]],
    ["3. a gerund, an imperative, a past tense", "Déployez le portail de facturation", ["output"]],
    ["3. a gerund, an imperative, a past tense", "Nous avons publié le guide d'accueil", ["output"]],
    ["3. the team as subject", "Our support team runs 4 trainings", ["output"]],
    ["3. the team as subject", "L'équipe support livre deux guides", ["output"]],
    ["3. a state of completion", "Partner portal shipped", ["output"]],
    ["3. a state of completion", "Portail partenaires opérationnel", ["output"]],
    ["3. a state of completion", "Scénarios de paiement testés par la recette", ["output"]],
    ["3. a recurring event or a new deliverable", "Monthly newsletter to customers", ["output"]],
    ["3. a recurring event or a new deliverable", "Nouveau site vitrine", ["output"]],
    ["4. placeholders stand for figures", "Grow weekly active teams from X to Y", []],
    ["4. placeholders stand for figures", "Faire passer le taux d'activation de X à Y", []],
    [
      "5. an activity verb carrying an outcome",
      "Launch self-serve onboarding to cut time-to-value by 30%",
      [],
    ],
    [
      "5. an activity verb carrying an outcome",
      "Lancer l'onboarding en libre-service pour réduire le délai d'activation de 30 %",
      [],
    ],
    ["5. an activity noun naming a measure", "Deployment frequency from weekly to daily", []],
    ["5. a change with faire passer", "Faire passer le taux de réachat de 18 % à 25 %", []],
    ["6. a negated guardrail", "No customer data breach", ["kpi"]],
    ["6. a negated guardrail", "Aucune panne de paie", ["kpi"]],
    ["7. punctuation on the verb", "Deploy.", ["output"]],
    ["7. punctuation on the verb", "Déployer, puis mesurer", ["output"]],
    ["7. a list label", "1. Publish the onboarding guide", ["output"]],
    ["7. a list label", "KR3 : Déployer le CRM", ["output"]],
    ["7. elision and the œ ligature", "L'animation des ateliers clients", ["output"]],
    ["7. elision and the œ ligature", "Mise en œuvre du SSO", ["output"]],
    ["7. a quarter or a year is no figure", "Improve onboarding by Q3 2027", ["vague"]],
    ["7. a quarter or a year is no figure", "Améliorer l'accueil d'ici le T3 2027", ["vague"]],
    ["7. digits of any script", "Raise NPS from ٣٠ to ٤٥", []],
    ["8. holding a level is a KPI, not an output", "Hold refund rate at 1%", ["kpi"]],
    ["8. holding a level is a KPI, not an output", "Tenir le taux de retour à 1 %", ["kpi"]],
    ["8. a change verb with a bound", "Cut first reply time to no more than 4 h", []],
    ["8. a change verb with a bound", "Réduire le délai de première réponse à 4 h maximum", []],
    ["8. an activity noun as the measured thing", "Delivery within 48 h for 90% of parcels", []],
    ["8. an activity noun as the measured thing", "Livraison sous 48 h pour 90 % des colis", []],
    ["9. a named metric is not vague", "Tracked by the number of weekly active teams", []],
    ["9. a named metric is not vague", "Mesuré par le nombre d'équipes actives", []],
    ["9. no vague beside an output", "Launch the partner portal", ["output"]],
    ["9. no vague beside an output", "Lancer le portail partenaires", ["output"]],
    ["9. nothing measurable", "Améliorer le moral de l'équipe", ["vague"]],
  ] as const)("%s: %p", (_pattern, title, expected) => {
    expect(codes(title)).toEqual(expected);
    expect(corpus).not.toContain(title);
  });

  it("keeps an event held apart from a level held, a doubled noun apart from a doubled figure, a count apart from a share", () => {
    expect(codes("Hold 4 customer workshops")).toEqual(["output"]);
    expect(codes("Tenir 3 ateliers clients")).toEqual(["output"]);
    expect(readKr("Activer la double authentification").figure).toBe(false);
    expect(readKr("Double the weekly sign-ups").figure).toBe(true);
    expect(codes("Publish 30 posts on Instagram")).toEqual(["output"]);
    expect(codes("Nombre de devis envoyés")).toEqual(["output"]);
    expect(codes("12 rapports mensuels livrés")).toEqual(["output"]);
    expect(readKr("Portail partenaires opérationnel").output).toEqual({
      words: "opérationnel",
      object: "portail partenaires",
    });
    expect(readKr("Partner portal shipped").output).toEqual({ words: "shipped", object: "partner portal" });
    expect(codes("NPS above 50 by Q4")).toEqual([]);
    expect(codes("Taux d'activation supérieur à 40 % d'ici fin 2027")).toEqual([]);
    expect(codes("95 % du catalogue disponible")).toEqual([]);
    expect(codes("100% of invoices processed")).toEqual([]);
  });
});
