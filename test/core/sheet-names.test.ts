import { freeSheetName, isSheetName, sheetIdsFrom } from "../../src/core/sheet-names";

describe("finding our sheets", () => {
  it("reads the remembered ids, leaving out what is not one of our sheets' numbers", () => {
    expect(sheetIdsFrom('{"okrs": 12, "settings": 0, "kpis": "7", "other": 3}')).toEqual({
      okrs: 12,
      settings: 0,
    });
    expect(sheetIdsFrom(undefined)).toEqual({});
    expect(sheetIdsFrom("not json")).toEqual({});
    expect(sheetIdsFrom("null")).toEqual({});
  });

  it("knows a tab by its English or French name, as a person may type it", () => {
    expect(isSheetName("okrs", "OKR")).toBe(true);
    expect(isSheetName("settings", "parametres")).toBe(true);
    expect(isSheetName("checkins", "Check ins")).toBe(true);
    expect(isSheetName("kpis", "OKRs")).toBe(false);
  });

  it("numbers a new tab's name past the names taken", () => {
    const taken = new Set(["kpis", "kpis (2)"]);
    expect(freeSheetName("KPIs", (name) => taken.has(name.toLowerCase()))).toBe("KPIs (3)");
    expect(freeSheetName("Guide", () => false)).toBe("Guide");
  });
});
