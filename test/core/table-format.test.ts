import {
  band,
  BAND_COLORS,
  type ColorRule,
  COMPUTED_NOTE,
  columnOf,
  KPIS,
  OKRS,
  schemaPlace,
  t,
  tableFormat,
  validationRule,
} from "../../src/core";

/** The colour the first matching rule gives a score, as Sheets applies conditional formats. */
function colourOf(rules: readonly ColorRule[], score: number): string | undefined {
  return rules.find((r) =>
    r.when === "below" ? score < r.value : r.when === "atLeast" ? score >= r.value : false,
  )?.color;
}

describe("tableFormat on a new OKRs sheet", () => {
  const format = tableFormat(OKRS, schemaPlace("okrs"), "en", true);

  it("styles and protects the whole header as one run", () => {
    expect(format.headerRanges).toEqual(["A1:U1"]);
    expect(format.protections).toEqual([{ start: 0, count: OKRS.columns.length }]);
  });

  it("sets only the widths that differ from Sheets' default, one call per run of one width", () => {
    expect(format.widths).toContainEqual({ start: 6, count: 1, width: 320 }); // Title
    expect(format.widths).toContainEqual({ start: 10, count: 5, width: 70 }); // Unit to Weight
    expect(format.widths.some((w) => w.width === 100)).toBe(false);
  });

  it("validates every column in one run, with no rule on text columns", () => {
    expect(format.validations).toHaveLength(1);
    const [run] = format.validations;
    expect(run!.count).toBe(OKRS.columns.length);
    expect(run!.rules[OKRS.columns.findIndex((c) => c.key === "title")]).toBeNull();
    expect(run!.rules[OKRS.columns.findIndex((c) => c.key === "type")]).toMatchObject({
      kind: "list",
      values: ["Objective", "Key result"],
    });
  });

  it("formats Score as 0.00 and the two date columns together", () => {
    expect(format.numberFormats).toEqual([
      { start: 16, count: 1, formats: ["0.00"] },
      { start: 18, count: 2, formats: ["yyyy-mm-dd", "yyyy-mm-dd"] },
    ]);
  });

  it("colours scores by the one band definition", () => {
    for (const score of [0, 0.39, 0.4, 0.69, 0.7, 1]) {
      expect(colourOf(format.colors!.score, score)).toBe(BAND_COLORS[band(score)]);
    }
  });

  it("protects the computed cells below the header, saying why in the sheet's language", () => {
    const fr = tableFormat(OKRS, schemaPlace("okrs"), "fr", true);
    expect(fr.computed.map((c) => c.index)).toEqual([16, 17]);
    expect(fr.computed[1]!.description).toBe(
      `${COMPUTED_NOTE} — ${t("fr", "setup.computedProtection", { column: "Statut" })}`,
    );
  });

  it("colours statuses by the label the Status formula shows", () => {
    const fr = tableFormat(OKRS, schemaPlace("okrs"), "fr", true);
    expect(fr.colors!.status).toContainEqual({
      when: "text",
      text: "En bonne voie",
      color: BAND_COLORS.green,
    });
    expect(fr.colors!.status).toContainEqual({
      when: "text",
      text: t("fr", "status.off-track"),
      color: BAND_COLORS.red,
    });
  });
});

describe("tableFormat on a sheet with a column of the user's between ours", () => {
  // KPIs with the user's own column at index 2 (C): ours are A:B and D:I.
  const columns = Object.fromEntries(KPIS.columns.map((c, i) => [c.key, i < 2 ? i : i + 1]));
  const format = tableFormat(KPIS, { headerRow: 3, columns }, "en", false);

  it("leaves the user's header unstyled and unprotected", () => {
    expect(format.headerRanges).toEqual(["A3:B3", "D3:I3"]);
    expect(format.protections).toEqual([
      { start: 0, count: 2 },
      { start: 3, count: 6 },
    ]);
  });

  it("validates only the columns that have a rule, in runs", () => {
    expect(format.validations.map(({ start, count }) => ({ start, count }))).toEqual([
      { start: 5, count: 2 },
    ]);
    expect(format.validations[0]!.rules.every((r) => r?.kind === "number")).toBe(true);
  });

  it("has no colour rules or computed protections outside OKRs", () => {
    expect(format.colors).toBeUndefined();
    expect(format.computed).toEqual([]);
  });
});

describe("validationRule", () => {
  it("lists a list column's labels in the sheet's language", () => {
    expect(validationRule(columnOf("okrs", "kind"), "fr")).toEqual({
      kind: "list",
      values: ["Ambitieux", "Engagé"],
      help: t("fr", "validation.list", { values: "Ambitieux, Engagé" }),
    });
  });

  it("bounds a number column by its schema bounds, else by what a double holds exactly", () => {
    expect(validationRule(columnOf("checkins", "confidence"), "en")).toMatchObject({ min: 0, max: 10 });
    expect(validationRule(columnOf("checkins", "value"), "en")).toMatchObject({ min: -1e15, max: 1e15 });
  });

  it("asks for a date in date columns and nothing in text columns", () => {
    expect(validationRule(columnOf("checkins", "date"), "en")).toMatchObject({ kind: "date" });
    expect(validationRule(columnOf("checkins", "comment"), "en")).toBeUndefined();
  });
});
