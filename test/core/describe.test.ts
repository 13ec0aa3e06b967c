import { describeFinding, type Finding, type FindingCode, languageName, LANGS } from "../../src/core";

/** One example of every finding code; a new code without an example fails the completeness test. */
const EXAMPLES: { [C in FindingCode]: Extract<Finding, { code: C }> } = {
  "missing-sheet": { code: "missing-sheet", severity: "error", sheet: "okrs", params: { sheet: "okrs" } },
  "missing-column": {
    code: "missing-column",
    severity: "error",
    sheet: "okrs",
    row: 1,
    params: { column: "team" },
  },
  "computed-blocked": {
    code: "computed-blocked",
    severity: "error",
    sheet: "okrs",
    row: 5,
    column: "score",
    params: { column: "score" },
  },
  "computed-failed": {
    code: "computed-failed",
    severity: "error",
    sheet: "okrs",
    row: 1,
    column: "status",
    params: { column: "status" },
  },
  "computed-replaced": {
    code: "computed-replaced",
    severity: "error",
    sheet: "okrs",
    row: 1,
    column: "score",
    params: { column: "score" },
  },
  required: {
    code: "required",
    severity: "error",
    sheet: "okrs",
    row: 2,
    column: "target",
    params: { column: "target" },
  },
  "not-in-list": {
    code: "not-in-list",
    severity: "error",
    sheet: "okrs",
    row: 2,
    column: "kind",
    params: { column: "kind", value: "Maybe" },
  },
  "not-a-number": {
    code: "not-a-number",
    severity: "error",
    sheet: "okrs",
    row: 2,
    column: "baseline",
    params: { column: "baseline", value: "ten" },
  },
  "out-of-range": {
    code: "out-of-range",
    severity: "error",
    sheet: "okrs",
    row: 2,
    column: "confidence",
    params: { column: "confidence", value: "11", min: "0", max: "10" },
  },
  "number-too-large": {
    code: "number-too-large",
    severity: "error",
    sheet: "okrs",
    row: 2,
    column: "target",
    params: { column: "target", value: "1e309" },
  },
  "not-a-date": {
    code: "not-a-date",
    severity: "warning",
    sheet: "okrs",
    row: 2,
    column: "created",
    params: { column: "created", value: "soon" },
  },
  "ambiguous-date": {
    code: "ambiguous-date",
    severity: "warning",
    sheet: "checkins",
    row: 5,
    column: "date",
    params: { column: "date", value: "03/04/2027", dayFirst: "2027-04-03", monthFirst: "2027-03-04" },
  },
  "id-on-kpis": {
    code: "id-on-kpis",
    severity: "error",
    sheet: "okrs",
    row: 4,
    column: "id",
    params: { id: "KR-9" },
  },
  "duplicate-id": {
    code: "duplicate-id",
    severity: "error",
    sheet: "okrs",
    row: 9,
    column: "id",
    params: { id: "KR-3", firstRow: 5 },
  },
  "unknown-parent": {
    code: "unknown-parent",
    severity: "error",
    sheet: "okrs",
    row: 2,
    params: { parent: "O-9" },
  },
  "parent-not-objective": {
    code: "parent-not-objective",
    severity: "error",
    sheet: "okrs",
    row: 2,
    params: { parent: "KR-1" },
  },
  "unknown-company-objective": {
    code: "unknown-company-objective",
    severity: "warning",
    sheet: "okrs",
    row: 2,
    params: { parent: "O-2" },
  },
  "target-equals-baseline": {
    code: "target-equals-baseline",
    severity: "error",
    sheet: "okrs",
    row: 2,
    params: { value: "40" },
  },
  "weight-not-positive": {
    code: "weight-not-positive",
    severity: "error",
    sheet: "okrs",
    row: 2,
    params: { value: "0" },
  },
  "unknown-quarter": {
    code: "unknown-quarter",
    severity: "warning",
    sheet: "okrs",
    row: 2,
    params: { quarter: "Q5" },
  },
  "unknown-kr": {
    code: "unknown-kr",
    severity: "warning",
    sheet: "checkins",
    row: 2,
    params: { id: "KR-404" },
  },
  "too-many-objectives": {
    code: "too-many-objectives",
    severity: "warning",
    sheet: "okrs",
    row: 5,
    params: { team: "Sales", quarter: "2026-Q4", count: 5, limit: 3 },
  },
  "too-many-krs": {
    code: "too-many-krs",
    severity: "warning",
    sheet: "okrs",
    row: 2,
    params: { objective: "O-2", count: 6, limit: 4 },
  },
  "objective-without-krs": {
    code: "objective-without-krs",
    severity: "warning",
    sheet: "okrs",
    row: 2,
    params: { objective: "O-2" },
  },
  "kpi-like": { code: "kpi-like", severity: "warning", sheet: "okrs", row: 2, params: { words: "maintain" } },
  "output-not-outcome": {
    code: "output-not-outcome",
    severity: "warning",
    sheet: "okrs",
    row: 2,
    params: { words: "launch" },
  },
  "not-measurable": { code: "not-measurable", severity: "warning", sheet: "okrs", row: 2, params: {} },
  "objective-has-number": {
    code: "objective-has-number",
    severity: "info",
    sheet: "okrs",
    row: 2,
    params: { words: "20%" },
  },
  "level-not-allowed": {
    code: "level-not-allowed",
    severity: "warning",
    sheet: "okrs",
    row: 2,
    params: { level: "individual", allowed: "company, team" },
  },
  "owner-missing": { code: "owner-missing", severity: "warning", sheet: "okrs", row: 2, params: {} },
  "owner-repeated": {
    code: "owner-repeated",
    severity: "info",
    sheet: "okrs",
    row: 2,
    params: { owner: "Ada", previousQuarter: "2026-Q3" },
  },
  "added-mid-quarter": {
    code: "added-mid-quarter",
    severity: "warning",
    sheet: "okrs",
    row: 2,
    params: { created: "2026-11-02", lockDate: "2026-10-05" },
  },
  stale: {
    code: "stale",
    severity: "warning",
    sheet: "okrs",
    row: 2,
    params: { days: 20, lastCheckIn: "2026-11-06" },
  },
  "setting-invalid": {
    code: "setting-invalid",
    severity: "warning",
    sheet: "settings",
    row: 3,
    params: { setting: "staleDays", value: "-1" },
  },
  "formats-language": {
    code: "formats-language",
    severity: "warning",
    sheet: "settings",
    row: 11,
    column: "value",
    params: { formatted: "en", language: "fr" },
  },
  "rollup-unknown-parent": {
    code: "rollup-unknown-parent",
    severity: "warning",
    sheet: "okrs",
    params: { team: "Sales", id: "O-2", parent: "CO-O-9" },
  },
  "rollup-team-parent": {
    code: "rollup-team-parent",
    severity: "warning",
    sheet: "okrs",
    params: { team: "Sales", id: "O-2", parent: "OPS-O-1", other: "Ops" },
  },
  "rollup-unserved": {
    code: "rollup-unserved",
    severity: "warning",
    sheet: "okrs",
    row: 4,
    column: "title",
    params: { id: "CO-O-3", title: "Hire well" },
  },
  "rollup-too-many": {
    code: "rollup-too-many",
    severity: "warning",
    sheet: "okrs",
    params: { count: 12, max: 9 },
  },
};

describe("describeFinding", () => {
  it.each(LANGS)("words every finding code in %s, with every placeholder filled", (lang) => {
    for (const finding of Object.values(EXAMPLES)) {
      const text = describeFinding(finding, lang);
      expect([finding.code, text]).not.toEqual([finding.code, expect.stringMatching(/\{\w+\}/)]);
      expect(text.length).toBeGreaterThan(10);
    }
  });

  it("names the words that triggered a heuristic", () => {
    expect(describeFinding(EXAMPLES["kpi-like"], "en")).toBe(
      "Looks like a KPI, not an OKR (maintain): it keeps a level instead of changing one. Move it to the KPIs sheet.",
    );
    expect(describeFinding(EXAMPLES["output-not-outcome"], "fr")).toContain("(launch)");
  });

  it("shows columns, lists and levels as the user sees them", () => {
    expect(describeFinding(EXAMPLES.required, "fr")).toBe("Cible est obligatoire.");
    expect(describeFinding(EXAMPLES["not-in-list"], "en")).toBe(
      'Kind: "Maybe" is not one of Aspirational, Committed.',
    );
    expect(describeFinding(EXAMPLES["level-not-allowed"], "fr")).toContain("Individuel");
    expect(describeFinding(EXAMPLES["setting-invalid"], "en")).toContain("Stale after");
  });

  it.each(LANGS)(
    "says in %s that the formulas reading As of or Language fail, where others use the default",
    (lang) => {
      const asOf: Finding = { ...EXAMPLES["setting-invalid"], params: { setting: "asOf", value: "hier" } };
      expect(describeFinding(asOf, lang)).toContain("#ERROR!");
      expect(describeFinding(EXAMPLES["setting-invalid"], lang)).not.toContain("#ERROR!");
    },
  );

  it("names a language in a sentence of either", () => {
    expect([languageName("en", "en"), languageName("fr", "en")]).toEqual(["English", "French"]);
    expect([languageName("en", "fr"), languageName("fr", "fr")]).toEqual(["anglais", "français"]);
  });

  it("names the languages of a Language switch the formatting has not followed, in the user's words", () => {
    expect(describeFinding(EXAMPLES["formats-language"], "en")).toBe(
      "The dropdowns, their help and the Status colours are still in English, while this spreadsheet is now written in French: run OKR › Set up template to switch them to French. Values already typed in English stay understood.",
    );
    expect(describeFinding(EXAMPLES["formats-language"], "fr")).toBe(
      "Les listes déroulantes, leur aide et les couleurs de Statut sont encore en anglais, alors que ce classeur s'écrit maintenant en français : lancez OKR › Préparer le modèle pour les passer en français. Les valeurs déjà saisies en anglais restent comprises.",
    );
  });

  it("names a bad row of the quarters table by the table's header, in the user's language", () => {
    const row: Finding = { ...EXAMPLES["setting-invalid"], params: { setting: "quarters", value: "x" } };
    expect(describeFinding(row, "en")).toMatch(/^The setting Quarter cannot use/);
    expect(describeFinding(row, "fr")).toContain("Trimestre");
  });
});
