import { asText, isBlank, parseNumber } from "../../src/core/cells";

describe("parseNumber", () => {
  it.each([
    [1.5, 1.5],
    ["1.5", 1.5],
    ["1,5", 1.5],
    ["15%", 0.15],
    [" 2 000 ", 2000],
    ["-3", -3],
    ["1e3", 1000],
  ])("reads %p as %p", (input, value) => {
    expect(parseNumber(input)).toEqual({ ok: true, value });
  });

  it.each(["", "   ", "\u200b", null, undefined])("calls %p blank", (input) => {
    expect(parseNumber(input)).toEqual({ ok: false, reason: "blank" });
  });

  it.each(["abc", "#N/A", "NaN", true, new Date(2026, 0, 1), NaN, "03/04/2025", "1,5,6"])(
    "refuses %p",
    (input) => {
      expect(parseNumber(input)).toEqual({ ok: false, reason: "not-a-number" });
    },
  );

  it.each([
    ["1,500", 1500],
    ["12,000.5", 12000.5],
    ["-1,234,567", -1234567],
    ["1,500%", 15],
    ["1,5", 1.5],
    ["0,500", 0.5],
    ["1,50", 1.5],
  ])("reads %p as %p for an English user: commas group thousands only in groups of three", (input, value) => {
    expect(parseNumber(input, "en")).toEqual({ ok: true, value });
  });

  it("reads a comma as a decimal point for a French user, or when the language is not known", () => {
    expect([parseNumber("1,500", "fr"), parseNumber("1,500")]).toEqual([
      { ok: true, value: 1.5 },
      { ok: true, value: 1.5 },
    ]);
    expect(parseNumber("1,234,567", "fr")).toEqual({ ok: false, reason: "not-a-number" });
  });

  it.each(["1e309", "-1e309", Infinity, -Infinity])("calls %p too large, never Infinity", (input) => {
    expect(parseNumber(input)).toEqual({ ok: false, reason: "too-large" });
  });
});

describe("isBlank", () => {
  it("treats whitespace and zero-width characters as blank, not 0 or false", () => {
    expect([isBlank(""), isBlank(" \t"), isBlank("\u200b"), isBlank(0), isBlank(false)]).toEqual([
      true,
      true,
      true,
      false,
      false,
    ]);
  });
});

describe("asText", () => {
  it.each([
    "=1+1",
    "+1",
    "-1+1",
    "@SUM(A1)",
    "\t=1+1",
    "  =1",
    "'=1",
    "1,5",
    "10%",
    "TRUE",
    "03/04/2025",
    "42",
  ])("keeps %p as text with a leading apostrophe", (input) => {
    expect(asText(input)).toBe(`'${input}`);
  });

  it("leaves ordinary text alone", () => {
    expect(asText("Grow revenue in Belgium 🚀")).toBe("Grow revenue in Belgium 🚀");
    expect(asText("")).toBe("");
  });
});
