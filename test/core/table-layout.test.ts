import {
  CHECKINS,
  type ColumnDef,
  formatSignature,
  formattedLanguage,
  formattedLayouts,
  formatsLanguageFinding,
  formatting,
  formattingPlan,
  KPIS,
  missingColumns,
  addedColumns,
  OKRS,
  recognisedTable,
  schemaPlace,
} from "../../src/core";

describe("recognisedTable: is a sheet bearing our name ours?", () => {
  it("recognises our headers in French, a few rows down, beside the user's own columns", () => {
    const ours = (OKRS.columns as readonly ColumnDef[]).filter((c) => c.required).map((c) => c.header.fr);
    const header = ["Mine", ...ours];
    expect(recognisedTable("okrs", [["Plan 2027"], [], header])).toBe(true);
  });

  it("refuses a sheet with a few of our columns only, or none", () => {
    expect(recognisedTable("okrs", [["Quarter", "ID", "Budget"]])).toBe(false);
    expect(recognisedTable("kpis", [["Colour", "Blue"]])).toBe(false);
  });
});

describe("schemaPlace", () => {
  it("puts every column where the schema has it, under a header in row 1", () => {
    const place = schemaPlace("checkins");
    expect(place.headerRow).toBe(1);
    expect(CHECKINS.columns.map((c) => place.columns[c.key])).toEqual(CHECKINS.columns.map((_, i) => i));
  });
});

describe("missingColumns", () => {
  it("lists the columns a table lacks, in schema order, after the last column used anywhere", () => {
    const columns = { team: 0, name: 1, owner: 2 };
    const grid = [
      ["Team", "KPI", "Owner"],
      ["Sales", "Churn", "Ada", "", "", "a note of the user's"],
    ];
    const { start, missing } = missingColumns("kpis", columns, grid);
    expect(start).toBe(6);
    expect(missing.map((c) => c.key)).toEqual(KPIS.columns.slice(3).map((c) => c.key));
  });

  it("finds nothing missing in a complete table", () => {
    expect(missingColumns("okrs", schemaPlace("okrs").columns, [[]]).missing).toEqual([]);
  });
});

describe("addedColumns: the headers set-up adds to a table", () => {
  it("names them in the sheet's language and places them after the last column used, the table's columns with them", () => {
    const columns = { team: 0, name: 1, owner: 2 };
    const added = addedColumns("kpis", columns, [["Équipe", "KPI", "Responsable", "", "Mine"]], "fr")!;
    const lacking = KPIS.columns.slice(3);
    expect(added.start).toBe(5);
    expect(added.headers).toEqual(lacking.map((c) => c.header.fr));
    expect(added.columns).toEqual({
      ...columns,
      ...Object.fromEntries(lacking.map((c, i) => [c.key, 5 + i])),
    });
    expect(columns).toEqual({ team: 0, name: 1, owner: 2 });
  });

  it("adds nothing to a complete table", () => {
    expect(addedColumns("checkins", schemaPlace("checkins").columns, [[]], "en")).toBeUndefined();
  });
});

describe("the formatted layouts", () => {
  const place = { headerRow: 1, columns: { id: 1, quarter: 0 } };

  it("sign a layout whatever the order its columns were found in", () => {
    const same = { headerRow: 1, columns: { quarter: 0, id: 1 } };
    expect(formatSignature(5, same, "en")).toBe(formatSignature(5, place, "en"));
  });

  it("change with the sheet, the header row, a column's place and the language", () => {
    const signature = formatSignature(5, place, "en");
    expect(formatSignature(6, place, "en")).not.toBe(signature);
    expect(formatSignature(5, { ...place, headerRow: 2 }, "en")).not.toBe(signature);
    expect(formatSignature(5, { headerRow: 1, columns: { id: 2, quarter: 0 } }, "en")).not.toBe(signature);
    expect(formatSignature(5, place, "fr")).not.toBe(signature);
  });

  it("read back as recorded, and as none from a property that is missing or not ours", () => {
    const recorded = { okrs: formatSignature(5, place, "en") };
    expect(formattedLayouts(JSON.stringify(recorded))).toEqual(recorded);
    expect(formattedLayouts(undefined)).toEqual({});
    expect(formattedLayouts("null")).toEqual({});
    expect(formattedLayouts("{oops")).toEqual({});
  });

  it("tell set-up to format a sheet not remembered by id, or whose layout changed, and what to record", () => {
    const signature = formatSignature(5, place, "en");
    expect(formatting({ okrs: signature }, "okrs", 5, place, "en")).toEqual({ format: false, signature });
    const moved = { headerRow: 2, columns: place.columns };
    expect(formatting({ okrs: signature }, "okrs", 5, moved, "en")).toEqual({
      format: true,
      signature: formatSignature(5, moved, "en"),
    });
    expect(formatting({ okrs: signature }, "kpis", 5, place, "en").format).toBe(true);
    expect(formatting({ okrs: signature }, "okrs", undefined, place, "en")).toEqual({ format: true });
  });

  it("tell set-up the language a sheet was formatted in when it switches, and only then", () => {
    const signature = formatSignature(5, place, "en");
    expect(formatting({ okrs: signature }, "okrs", 5, place, "fr")).toEqual({
      format: true,
      signature: formatSignature(5, place, "fr"),
      switchedFrom: "en",
    });
    expect(formatting({ okrs: signature }, "okrs", 5, place, "en")).not.toHaveProperty("switchedFrom");
    expect(formatting({}, "okrs", 5, place, "fr")).not.toHaveProperty("switchedFrom");
  });
});

describe("formattedLanguage", () => {
  it("returns the language a layout was formatted in", () => {
    const place = { headerRow: 1, columns: { id: 1 } };
    expect(formattedLanguage(formatSignature(5, place, "fr"))).toBe("fr");
    expect(formattedLanguage(formatSignature(5, place, "en"))).toBe("en");
  });

  it("returns undefined for a record that is missing or not ours", () => {
    for (const record of [undefined, "", "{oops", "[]", '"fr"', '[1,5,1,[],"de"]', "[1,5,1,[],null]"])
      expect(formattedLanguage(record)).toBeUndefined();
  });
});

describe("formatsLanguageFinding", () => {
  const place = { headerRow: 1, columns: { id: 1 } };
  const english = { okrs: formatSignature(5, place, "en"), checkins: formatSignature(6, place, "en") };

  it("returns a warning on the Language cell when the tables were formatted in the other language", () => {
    expect(formatsLanguageFinding(english, "fr", 11)).toEqual({
      code: "formats-language",
      severity: "warning",
      sheet: "settings",
      row: 11,
      column: "value",
      params: { formatted: "en", language: "fr" },
    });
  });

  it("returns it on the Settings sheet when it has no Language row", () => {
    const finding = formatsLanguageFinding(english, "fr", undefined);
    expect(finding).toMatchObject({ code: "formats-language", sheet: "settings" });
    expect(finding).not.toHaveProperty("row");
  });

  it("returns it when one table only was left in the other language", () => {
    const mixed = { okrs: formatSignature(5, place, "fr"), kpis: formatSignature(7, place, "en") };
    expect(formatsLanguageFinding(mixed, "fr", 11)?.params).toEqual({ formatted: "en", language: "fr" });
  });

  it("returns undefined when every table follows the language, or none was recorded", () => {
    expect(formatsLanguageFinding(english, "en", 11)).toBeUndefined();
    expect(formatsLanguageFinding({}, "fr", 11)).toBeUndefined();
    expect(formatsLanguageFinding({ okrs: "not ours" }, "fr", 11)).toBeUndefined();
  });
});

describe("set-up's formatting plan", () => {
  const place = { headerRow: 1, columns: { id: 1, quarter: 0 } };
  const table = (key: "okrs" | "kpis", created = false) => ({ key, sheetId: 5, place, created, name: key });

  it("formats the sheets whose layout changed and records every layout", () => {
    const recorded = { okrs: formatSignature(5, place, "en") };
    const plan = formattingPlan(recorded, [table("okrs"), table("kpis")], {
      sheetLang: "en",
      userLang: "en",
    });
    expect(plan.format).toEqual(["kpis"]);
    expect(plan.layouts).toEqual({ okrs: recorded.okrs, kpis: formatSignature(5, place, "en") });
    expect(plan.note).toBeUndefined();
  });

  it("says, in the user's language, which sheets it switched to the spreadsheet's new language", () => {
    const recorded = { okrs: formatSignature(5, place, "en"), kpis: formatSignature(5, place, "en") };
    const plan = formattingPlan(recorded, [table("okrs"), table("kpis", true)], {
      sheetLang: "fr",
      userLang: "fr",
    });
    expect(plan.format).toEqual(["okrs", "kpis"]);
    // A sheet set-up just created switched nothing: it is not named.
    expect(plan.note).toMatch(/okrs/);
    expect(plan.note).not.toMatch(/kpis/);
    expect(plan.note).toMatch(/français/);
  });
});
