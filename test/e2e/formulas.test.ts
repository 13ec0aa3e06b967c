/**
 * Every custom formula, called as Sheets calls it: through the stubs of the built dist/Code.js, with
 * single values and 2-D ranges, hostile values (DESIGN.md §7), in both languages.
 */
import * as acorn from "acorn";
import { OKRS, parseOkrs, scoreQuarter } from "../../src/core";
import { loadAddon, readDist, type LoadedAddon } from "../../dev/loader";
import { day, okrGrid, type RowSpec } from "../helpers/grids";

const FORMULAS = [
  "KRSCORE",
  "OKRSCORE",
  "OKRSTATUS",
  "OKRSTATUSES",
  "KRCHECK",
  "OKRBAND",
  "OKRPACE",
] as const;
type Name = (typeof FORMULAS)[number];

const en = loadAddon({ locale: "en_US" });
const fr = loadAddon({ locale: "en_US", spreadsheetLocale: "fr_BE" });
const call = (addon: LoadedAddon, name: Name, ...args: unknown[]) => addon.run(name, ...args);
const EN = (name: Name, ...args: unknown[]) => call(en, name, ...args);
const FR = (name: Name, ...args: unknown[]) => call(fr, name, ...args);

/** The value, or the message of the error thrown. */
function outcome(fn: () => unknown): unknown {
  try {
    return fn();
  } catch (error) {
    return { error: (error as Error).message };
  }
}

/** A column range as Sheets passes it. */
const column = (...values: unknown[]) => values.map((v) => [v]);
/** A date cell as Sheets passes it: midnight in the spreadsheet's time zone (Europe/Brussels). */
const brussels = (iso: string) =>
  new Date(`${iso}T00:00:00${/-(0[4-9]|10)-/.test(iso) ? "+02:00" : "+01:00"}`);

const hostile: unknown[] = [
  "=1+1",
  "+1",
  "-1+1",
  "@SUM(A1)",
  "\t =1",
  '=IMPORTXML("http://x","//a")',
  "'=1",
  "1,5",
  "1.5",
  "10%",
  "03/04/2025",
  true,
  false,
  "",
  "   ",
  "\u200b",
  "#N/A",
  Number("123456789012345678901234567890"), // a 30-digit number, as a cell holds it
  "123456789012345678901234567890",
  "1e309",
  Number("1e309"), // Infinity
  "NaN",
  NaN,
  "x".repeat(50_000),
  "🚀📈",
  "\u202eabc",
  new Date("2026-10-01T00:00:00+02:00"),
  null,
  undefined,
];

/** Every answer is a number in [0, 1] or a string, never NaN; every error a short, named message. */
function expectSane(name: Name, result: unknown) {
  const values = Array.isArray(result) ? (result as unknown[][]).flat() : [result];
  for (const value of values) {
    if (value && typeof value === "object" && "error" in value) {
      // The user's own value, quoted, may say anything ("NaN"); the rest of the message may not.
      const message = (value as { error: string }).error.replace(/"[^"]*"|« [^»]* »/g, "…");
      expect(message.startsWith(`${name}`)).toBe(true);
      expect(message).not.toMatch(/\n\s+at |Error:|undefined|NaN|\[object/);
      expect(message.length).toBeLessThan(400);
    } else if (typeof value === "number") {
      expect(Number.isFinite(value)).toBe(true);
    } else {
      expect(typeof value).toBe("string");
      expect((value as string).replace(/"[^"]*"|« [^»]* »/g, "…")).not.toMatch(
        /\n\s+at |NaN|undefined|\[object/,
      );
    }
  }
}

describe("KRSCORE", () => {
  it("scores single values and ranges, and accepts metric labels in English and French", () => {
    expect(EN("KRSCORE", 100, 200, 150)).toBe(0.5);
    expect(EN("KRSCORE", "1,5", "3,5", "2,5")).toBe(0.5);
    expect(EN("KRSCORE", 0, 10, 7, "Jalon")).toBe(0);
    expect(EN("KRSCORE", 0, 10, 10, "milestone")).toBe(1);
    expect(EN("KRSCORE", 40, 20, 30, " Diminuer ")).toBe(0.5);
    expect(EN("KRSCORE", 5, 2, 1, "Seuil")).toBe(1);
    expect(
      EN("KRSCORE", column(0, 0, 0), 10, column(5, "", 10), column("Increase", "", "Augmenter")),
    ).toEqual(column(0.5, "", 1));
  });

  it("names an unknown metric and lists the labels in the user's language", () => {
    expect(outcome(() => EN("KRSCORE", 0, 10, 5, "sideways"))).toEqual({
      error: 'KRSCORE: metric must be one of Increase, Decrease, Milestone, Threshold, got "sideways".',
    });
    expect(outcome(() => FR("KRSCORE", 0, 10, 5, "sideways"))).toEqual({
      error:
        "KRSCORE : l'argument « métrique » doit être l'une de ces valeurs : Augmenter, Diminuer, Jalon, Seuil ; reçu « sideways ».",
    });
  });

  it("keeps the column when one row is bad, in French too", () => {
    expect(FR("KRSCORE", column(0, "abc", 5), column(10, 10, 5), column(5, 5, 5))).toEqual([
      [0.5],
      ["KRSCORE : l'argument « valeur de départ » doit être un nombre, reçu « abc »."],
      ["KRSCORE : la cible est égale à la valeur de départ (5), la progression ne peut pas être mesurée."],
    ]);
  });

  it("localizes the argument names of a shape error", () => {
    expect(outcome(() => FR("KRSCORE", column(0, 0), column(1, 1, 1), 1))).toEqual({
      error: "KRSCORE : l'argument « cible » doit avoir la même forme que « valeur de départ » (2×1).",
    });
  });

  it.each(hostile.map((v) => [v]))("answers %p sanely in every position", (value) => {
    for (const args of [
      [value, 10, 5],
      [0, value, 5],
      [0, 10, value],
      [0, 10, 5, value],
    ]) {
      expectSane(
        "KRSCORE",
        outcome(() => EN("KRSCORE", ...args)),
      );
      expectSane("KRSCORE", EN("KRSCORE", ...args.map((a) => [[a], [a]])));
    }
  });

  it("reads the hostile numbers the way the rest of the add-on does", () => {
    expect(EN("KRSCORE", 0, 10, "10%")).toBeCloseTo(0.01);
    expect(EN("KRSCORE", 0, 10, "+1")).toBeCloseTo(0.1);
    expect(EN("KRSCORE", 0, 10, Number("123456789012345678901234567890"))).toBe(1);
    expect(EN("KRSCORE", 0, 10, "   ")).toBe("");
    expect(outcome(() => EN("KRSCORE", 0, 10, "1e309"))).toEqual({
      error: 'KRSCORE: current must be a number, got "1e309".',
    });
    expect(outcome(() => EN("KRSCORE", true, 10, 5))).toEqual({
      error: 'KRSCORE: baseline must be a number, got "TRUE".',
    });
    expect(outcome(() => EN("KRSCORE", brussels("2026-10-01"), 10, 5))).toEqual({
      error: 'KRSCORE: baseline must be a number, got "2026-10-01".',
    });
    const long = outcome(() => EN("KRSCORE", "🚀".repeat(25_000), 10, 5)) as { error: string };
    expect(long.error.length).toBeLessThan(120);
    expect(long.error).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])/); // no emoji cut in half
  });
});

describe("OKRSCORE, weighted mean", () => {
  it("is the weighted mean of the scores, blank scores left out and blank weights 1", () => {
    expect(EN("OKRSCORE", column(1, 0, ""))).toBe(0.5);
    expect(EN("OKRSCORE", column(1, 0, ""), column(3, "", 5))).toBe(0.75);
    expect(EN("OKRSCORE", column("100%", "50%"), column("1,5", "0,5"))).toBe(0.875);
    expect(EN("OKRSCORE", 0.4)).toBe(0.4);
    expect(EN("OKRSCORE", column("", ""))).toBe("");
    expect(EN("OKRSCORE", [[1, 0.5, 0]])).toBe(0.5);
  });

  it("explains bad scores and weights", () => {
    expect(outcome(() => EN("OKRSCORE", column(1, 2)))).toEqual({
      error: "OKRSCORE: kr_scores must be between 0 and 1, got 2.",
    });
    expect(outcome(() => EN("OKRSCORE", column(1, 0), column(1, -1)))).toEqual({
      error: "OKRSCORE: weights must be above 0, got -1 (leave it empty for 1).",
    });
    expect(outcome(() => FR("OKRSCORE", column(1, "#N/A")))).toEqual({
      error: "OKRSCORE : l'argument « scores des résultats clés » doit être un nombre, reçu « #N/A ».",
    });
    expect(outcome(() => EN("OKRSCORE", column(1, 0), column(1, 1, 1)))).toEqual({
      error: "OKRSCORE: weights must have the same shape as kr_scores (2×1).",
    });
  });

  it("tells the two forms apart by the number of arguments", () => {
    expect(outcome(() => EN("OKRSCORE", 1, 1, 1))).toEqual({
      error:
        "OKRSCORE: give 1 or 2 arguments (kr_scores, [weights]) or 6 to 9 arguments, one column each (ids, types, parents, baselines, targets, currents, [metrics], [weights], [language]); got 3.",
    });
    expect(outcome(() => FR("OKRSCORE", 1, 1, 1, 1, 1))).toMatchObject({
      error: expect.stringMatching(/^OKRSCORE : donnez 1 ou 2 arguments .* reçu 5\.$/),
    });
  });

  it.each(hostile.map((v) => [v]))("answers %p sanely", (value) => {
    expectSane(
      "OKRSCORE",
      outcome(() => EN("OKRSCORE", column(value, 0.5))),
    );
    expectSane(
      "OKRSCORE",
      outcome(() => EN("OKRSCORE", column(0.5, 0.5), column(value, 1))),
    );
  });
});

describe("OKRSCORE, column form", () => {
  /** A quarter shaped like the template's OKRs sheet: a company objective measured by two teams. */
  const quarter: RowSpec[] = [
    { id: "O-1", type: "Objective", level: "Company", team: "Company", title: "Be the app Belgians love" },
    { id: "O-2", type: "Objective", level: "Team", team: "Sales", parent: "O-1", title: "Win Brussels" },
    {
      id: "KR-1",
      type: "Key result",
      parent: "O-2",
      title: "Grow parkings from 120 to 180",
      baseline: 120,
      target: 180,
      current: 150,
    },
    {
      id: "KR-2",
      type: "Key result",
      parent: "O-2",
      title: "Cut days to first booking from 10 to 4",
      metric: "Decrease",
      baseline: 10,
      target: 4,
      current: "7",
      weight: 2,
    },
    {},
    { id: "O-3", type: "Objective", level: "Team", team: "Ops", parent: "O-1", title: "Run smoothly" },
    {
      id: "KR-3",
      type: "Key result",
      parent: "O-3",
      title: "Raise uptime from 0% to 100%",
      baseline: "0%",
      target: "100%",
      current: "90%",
      weight: 3,
    },
    { id: "KR-4", type: "Key result", parent: "O-3", title: "Answer in 2 hours", baseline: 8, target: 2 },
    {
      id: "KR-5",
      type: "Key result",
      parent: "O-3",
      title: "Pricing live",
      metric: "Milestone",
      baseline: 0,
      target: 1,
      current: 1,
    },
    { id: "O-4", type: "Objective", level: "Team", team: "Ops", title: "Not started yet" },
  ].map((s) => (Object.keys(s).length ? { quarter: "2026-Q4", team: "Sales", metric: "Increase", ...s } : s));

  const KEYS = ["id", "type", "parent", "baseline", "target", "current", "metric", "weight"] as const;
  /** The eight columns of a grid as Sheets passes them, the header row left out by the caller's range. */
  function columns(grid: unknown[][]): unknown[][][] {
    return KEYS.map((key) => {
      const at = OKRS.columns.findIndex((c) => c.key === key);
      return grid.slice(1).map((line) => [line[at]]);
    });
  }

  it("scores every row, as OKR › Validate's scoring does", () => {
    const grid = okrGrid(quarter);
    const result = EN("OKRSCORE", ...columns(grid)) as unknown[][];
    expect(result.map((r) => r[0])).toEqual([(0.5 + 0.925) / 2, 0.5, 0.5, 0.5, "", 0.925, 0.9, "", 1, ""]);
    const okrs = parseOkrs(grid, "UTC").items;
    const today = day("2026-11-15");
    const expected = scoreQuarter(okrs, {
      start: today - 45,
      end: today + 45,
      today,
      onTrack: 0.9,
      atRisk: 0.6,
    });
    for (const item of okrs) {
      const want = expected.byRow.get(item.row)?.score;
      expect(result[item.row - 2]?.[0]).toEqual(want === undefined ? "" : expect.closeTo(want, 12));
    }
  });

  it("reads French labels and the six-argument form", () => {
    const grid = okrGrid(quarter).map((line) =>
      line.map(
        (cell) =>
          ({ Objective: "Objectif", "Key result": "Résultat clé", Decrease: "Diminuer" })[String(cell)] ??
          cell,
      ),
    );
    const six = columns(grid).slice(0, 6);
    const result = FR("OKRSCORE", ...six) as unknown[][];
    // Without the Weight column every weight is 1: O-3 is then (0.9 + 1) / 2.
    expect(result.map((r) => r[0])).toEqual([(0.5 + 0.95) / 2, 0.5, 0.5, 0.5, "", 0.95, 0.9, "", 1, ""]);
  });

  it("leaves a bad row without a score (the message is Validate's) and out of its objective", () => {
    const rows = [
      { id: "O-1", type: "Objective" },
      { id: "KR-1", type: "Key result", parent: "O-1", baseline: 0, target: 10, current: 5 },
      { id: "KR-2", type: "Key result", parent: "O-1", baseline: "abc", target: 10, current: 5 },
      { id: "KR-3", type: "Key result", parent: "O-1", baseline: 5, target: 5, current: 5 },
      {
        id: "KR-4",
        type: "Key result",
        parent: "O-1",
        baseline: 0,
        target: 10,
        current: 5,
        metric: "sideways",
      },
      { id: "KR-5", type: "Key result", parent: "O-1", baseline: 0, target: 10, current: 5, weight: 0 },
      { id: "KR-6", type: "Key result", parent: "O-1", target: 10, current: 5 },
      { id: "X-1", type: "Project", parent: "O-1" },
    ].map((s) => ({ quarter: "2026-Q4", team: "Sales", ...s }));
    const result = EN("OKRSCORE", ...columns(okrGrid(rows))) as unknown[][];
    // Errors stay where they start: no message cascades into the column of numbers.
    expect(result).toEqual([[0.5], [0.5], [""], [""], [""], [""], [""], [""]]);
  });

  it("accepts single cells (a one-row range) and refuses several columns", () => {
    expect(EN("OKRSCORE", "KR-1", "Key result", "O-1", 0, 10, 5)).toEqual([[0.5]]);
    expect(EN("OKRSCORE", "O-1", "Objective", "", "", "", "")).toEqual([[""]]);
    expect(outcome(() => EN("OKRSCORE", [["a", "b"]], [["x", "y"]], [["", ""]], 0, 1, 1))).toEqual({
      error: "OKRSCORE: ids must be a single column, got 2 columns.",
    });
    expect(outcome(() => EN("OKRSCORE", column(1, 2), column(1), "", "", "", ""))).toEqual({
      error: "OKRSCORE: types must have the same shape as ids (2×1).",
    });
  });

  it.each(hostile.map((v) => [v]))("answers %p sanely in every column", (value) => {
    const objective = ["O-1", "Objective", "", "", "", "", "", ""];
    const kr = ["KR-1", "Key result", "O-1", 0, 10, 5, "Increase", 1];
    for (let i = 0; i < kr.length; i++) {
      const args = kr.map((v, j) => [[objective[j]], [j === i ? value : v]]);
      expectSane(
        "OKRSCORE",
        outcome(() => EN("OKRSCORE", ...args)),
      );
    }
  });
});

describe("OKRSTATUS", () => {
  const start = brussels("2026-10-01");
  const end = brussels("2026-12-31");
  const today = brussels("2026-11-15"); // 45 of 91 days: expected ≈ 0.49

  it("gives the pace status of a column of scores, dates broadcast", () => {
    expect(EN("OKRSTATUS", column(0.5, 0.35, 0.1, 1, "", "  "), start, end, today)).toEqual(
      column("On track", "At risk", "Off track", "Done", "Not started", "Not started"),
    );
    expect(FR("OKRSTATUS", column(0.5, 0.35, 0.1, 1, ""), start, end, today)).toEqual(
      column("En bonne voie", "À risque", "En retard", "Atteint", "Pas commencé"),
    );
  });

  it("leaves rows without an ID blank when given the ID column (the empty rows below a table)", () => {
    expect(EN("OKRSTATUS", column("", "", ""), start, end, today, "", "", column("KR-1", "", "  "))).toEqual(
      column("Not started", "", ""),
    );
  });

  it("reads dates as Dates, ISO text or day-first text, and is not started before the quarter", () => {
    expect(EN("OKRSTATUS", "45%", "2026-10-01", "31/12/2026", "15.11.2026")).toBe("On track");
    expect(EN("OKRSTATUS", 0.5, start, end, brussels("2026-09-30"))).toBe("Not started");
    expect(EN("OKRSTATUS", 0.5, column(start, start), column(end, end), column(today, "2026-12-31"))).toEqual(
      column("On track", "Off track"),
    );
  });

  it("needs today as an argument: a custom function never reads the clock (it would not rerun)", () => {
    expect(outcome(() => EN("OKRSTATUS", 0.5, "2000-01-01", "2000-03-31"))).toEqual({
      error:
        "OKRSTATUS: today is required: give a date, such as the “As of” cell of Settings (a custom function may not use TODAY()).",
    });
    expect(outcome(() => EN("OKRPACE", "2000-01-01", "2000-03-31"))).toEqual({
      error:
        "OKRPACE: today is required: give a date, such as the “As of” cell of Settings (a custom function may not use TODAY()).",
    });
  });

  it("uses the thresholds given", () => {
    expect(EN("OKRSTATUS", 0.35, start, end, today, 0.7, 0.5)).toBe("On track");
    expect(EN("OKRSTATUS", 0.2, start, end, today, "70%", "40%")).toBe("At risk");
    expect(outcome(() => EN("OKRSTATUS", 0.2, start, end, today, 0.5, 0.7))).toEqual({
      error: "OKRSTATUS: at_risk (0.7) must not be above on_track (0.5).",
    });
    expect(outcome(() => FR("OKRSTATUS", 0.2, start, end, today, -1))).toEqual({
      error: "OKRSTATUS : l'argument « seuil en bonne voie » ne peut pas être négatif, reçu -1.",
    });
  });

  it("explains bad dates and scores, naming the argument", () => {
    expect(outcome(() => EN("OKRSTATUS", 0.5, "soon", end))).toEqual({
      error: 'OKRSTATUS: start_date must be a date (a date cell, 2026-10-01 or 01/10/2026), got "soon".',
    });
    expect(outcome(() => FR("OKRSTATUS", 0.5, start, ""))).toEqual({
      error: "OKRSTATUS : l'argument « date de fin » est obligatoire.",
    });
    expect(outcome(() => EN("OKRSTATUS", 0.5, end, start, today))).toEqual({
      error: "OKRSTATUS: end_date (2026-10-01) is before start_date (2026-12-31).",
    });
    expect(outcome(() => EN("OKRSTATUS", 1.5, start, end, today))).toEqual({
      error: "OKRSTATUS: score must be between 0 and 1, got 1.5.",
    });
    expect(EN("OKRSTATUS", column(0.5, "abc"), start, end, today)).toEqual([
      ["On track"],
      ['OKRSTATUS: score must be a number, got "abc".'],
    ]);
  });

  it.each(hostile.map((v) => [v]))("answers %p sanely in every position", (value) => {
    const base = [0.5, start, end, today, 0.9, 0.6];
    for (let i = 0; i < base.length; i++) {
      const args = base.map((v, j) => (j === i ? value : v));
      expectSane(
        "OKRSTATUS",
        outcome(() => EN("OKRSTATUS", ...args)),
      );
    }
  });
});

describe("OKRSTATUSES", () => {
  const table = [
    ["Quarter", "Start", "End"],
    ["2026-Q4", "2026-10-01", "2026-12-31"],
    ["2027-Q1", "2027-01-01", "2027-03-31"],
  ];
  /** Header row first, as the template passes header-inclusive ranges. */
  const args = (asOf: unknown, language: unknown = "auto") => [
    column("Score", 0.65, "", 0.2, "", ""),
    column("Current", 5, "", 2, "x", ""),
    column("Quarter", "2026-Q4", "2026-Q4", "2026-Q3", "2026-Q4", "2026-Q4"),
    table,
    asOf,
    0.9,
    0.6,
    column("ID", "KR-1", "KR-2", "KR-3", "KR-4", ""),
    language,
  ];

  it("judges each row in its own quarter on the as-of day, the header row answering the header", () => {
    expect(EN("OKRSTATUSES", ...args("2026-11-15"))).toEqual(
      column("Status", "On track", "Not started", "Off track", "", ""),
    );
    // The Settings language wins over the spreadsheet's locale, for the header and the statuses.
    expect(EN("OKRSTATUSES", ...args("2026-11-15", "fr"))).toEqual(
      column("Statut", "En bonne voie", "Pas commencé", "En retard", "", ""),
    );
    expect((FR("OKRSTATUSES", ...args("2026-11-15", "en")) as unknown[][])[0]).toEqual(["Status"]);
    // After the quarter: the state each row ended in.
    expect(EN("OKRSTATUSES", ...args("2027-01-20"))).toEqual(
      column("Status", "At risk", "Off track", "Off track", "", ""),
    );
  });

  it("needs the as-of day and refuses an unknown language", () => {
    expect(outcome(() => EN("OKRSTATUSES", ...args("")))).toEqual({
      error:
        "OKRSTATUSES: as_of is required: give a date, such as the “As of” cell of Settings (a custom function may not use TODAY()).",
    });
    expect(outcome(() => EN("OKRSTATUSES", ...args("2026-11-15", "de")))).toEqual({
      error: 'OKRSTATUSES: language must be en, fr or auto, got "de".',
    });
  });

  it.each(hostile.map((v) => [v]))("answers %p sanely in every position", (value) => {
    for (let i = 0; i < 9; i++) {
      const given = args("2026-11-15");
      given[i] = value;
      expectSane(
        "OKRSTATUSES",
        outcome(() => EN("OKRSTATUSES", ...given)),
      );
    }
  });
});

describe("OKRPACE", () => {
  it("reads a text date in the spreadsheet's locale: 03/04/2027 is March 4 in en_US, 3 April in fr_BE and en_GB", () => {
    const gb = loadAddon({ locale: "en_GB", spreadsheetLocale: "en_GB" });
    const pace = (addon: LoadedAddon, asOf: string) =>
      call(addon, "OKRPACE", "2027-01-01", "2027-06-30", asOf);
    expect(pace(en, "03/04/2027")).toBe(pace(en, "2027-03-04"));
    expect(pace(fr, "03/04/2027")).toBe(pace(fr, "2027-04-03"));
    expect(pace(gb, "03/04/2027")).toBe(pace(gb, "2027-04-03"));
    expect(pace(en, "03/04/2027")).not.toBe(pace(fr, "03/04/2027"));
    // One reading only: the same day in every locale; dotted dates are day first.
    expect(pace(en, "25/03/2027")).toBe(pace(fr, "03/25/2027"));
    expect(pace(en, "3.4.2027")).toBe(pace(en, "2027-04-03"));
  });

  it("is the elapsed share of the quarter", () => {
    expect(EN("OKRPACE", "2026-10-01", "2026-12-31", "2026-11-15")).toBeCloseTo(45 / 91);
    expect(EN("OKRPACE", brussels("2026-10-01"), brussels("2026-12-31"), brussels("2026-10-01"))).toBe(0);
    expect(EN("OKRPACE", "01/10/2026", "31/12/2026", "2027-01-10")).toBe(1);
    expect(EN("OKRPACE", "2000-01-01", "2000-03-31", "2026-11-15")).toBe(1);
    expect(EN("OKRPACE", column("2026-10-01", "2026-11-01"), "2026-12-01", "2026-11-01")).toEqual(
      column(31 / 61, 0),
    );
  });

  it.each(hostile.map((v) => [v]))("answers %p sanely in every position", (value) => {
    for (const args of [
      [value, "2026-12-31", "2026-11-15"],
      ["2026-10-01", value, "2026-11-15"],
      ["2026-10-01", "2026-12-31", value],
    ]) {
      expectSane(
        "OKRPACE",
        outcome(() => EN("OKRPACE", ...args)),
      );
      expectSane(
        "OKRPACE",
        outcome(() => FR("OKRPACE", ...args)),
      );
    }
  });
});

describe("OKRBAND", () => {
  it("names the band in the spreadsheet's language", () => {
    expect(EN("OKRBAND", column(0, 0.39, 0.4, 0.69, 0.7, 1, "", "70%"))).toEqual(
      column("Red", "Red", "Yellow", "Yellow", "Green", "Green", "", "Green"),
    );
    expect(FR("OKRBAND", 0.5)).toBe("Jaune");
    expect(outcome(() => EN("OKRBAND", 70))).toEqual({
      error: "OKRBAND: score must be between 0 and 1, got 70.",
    });
  });

  it.each(hostile.map((v) => [v]))("answers %p sanely", (value) => {
    expectSane(
      "OKRBAND",
      outcome(() => EN("OKRBAND", value)),
    );
  });
});

describe("KRCHECK", () => {
  it("is empty for a sound key result and names each problem with its code", () => {
    expect(EN("KRCHECK", "Raise NPS from 30 to 45", 30, 45)).toBe("");
    expect(EN("KRCHECK", "Launch the new onboarding", 0, 1)).toBe(
      'output: An output, not an outcome (launch): it measures an activity, not the change it should bring. Try: "Increase <new onboarding adoption> from X to Y by <date>".',
    );
    expect(EN("KRCHECK", "Keep churn below 2%")).toMatch(/^kpi: Looks like a KPI, not an OKR \(keep\)/);
    expect(EN("KRCHECK", "Grow revenue", 10, 10)).toMatch(/^kpi: .*\(target = baseline\)/);
    expect(EN("KRCHECK", "Improve customer happiness")).toBe(
      'vague: Not measurable: no figure, no target and no named metric. Say from what to what: "Improve customer happiness from X to Y by <date>".',
    );
    expect(EN("KRCHECK", "Improve customer happiness", "", 45)).toBe("");
    // An activity is not also called vague: "say from what to what" is the wrong advice for it.
    expect(EN("KRCHECK", "Launch a happier onboarding")).toMatch(/^output: [^;]*$/);
    expect(EN("KRCHECK", "Launch and keep the app")).toMatch(/^output: .*\(launch\).*; kpi: .*\(keep\)/);
  });

  it("speaks French, with the same codes", () => {
    expect(FR("KRCHECK", "Mettre en place un CRM")).toBe(
      "output: Une activité, pas un résultat (mettre en place) : il mesure une action, pas le changement attendu. Essayez : « Faire passer <CRM : adoption> de X à Y d'ici <date> ».",
    );
    expect(FR("KRCHECK", "Faire passer la note sur les stores de 3,9 à 4,5")).toBe("");
    expect(FR("KRCHECK", "Maintenir le NPS au-dessus de 40")).toMatch(/^kpi: Ressemble à un KPI/);
  });

  it("checks a column, and gives a bad baseline its message", () => {
    expect(
      EN(
        "KRCHECK",
        column("Launch the app", "Raise NPS from 30 to 45", "", "Grow revenue"),
        column("", 30, "", "x"),
      ),
    ).toEqual([
      [expect.stringMatching(/^output: /)],
      [""],
      [""],
      ['KRCHECK: baseline must be a number, got "x".'],
    ]);
  });

  it.each(hostile.map((v) => [v]))("answers %p sanely in every position", (value) => {
    for (const args of [[value], ["Grow revenue from 1 to 2", value], ["Grow revenue", 1, value]]) {
      expectSane(
        "KRCHECK",
        outcome(() => EN("KRCHECK", ...args)),
      );
    }
  });
});

describe("every formula", () => {
  const everyCall: [Name, unknown[]][] = [
    ["KRSCORE", [column(0, 0), column(10, 10), column(5, "abc"), column("Increase", "Jalon")]],
    ["OKRSCORE", [column(0.5, 1), column(1, 2)]],
    ["OKRSCORE", [column("O-1", "KR-1"), column("Objective", "Key result"), column("", "O-1"), 0, 10, 5]],
    ["OKRSTATUS", [column(0.5, ""), brussels("2026-10-01"), brussels("2026-12-31")]],
    ["KRCHECK", [column("Launch the app", "Keep churn at 2%"), "", column(1, "")]],
    ["OKRBAND", [column(0.2, 0.8)]],
    ["OKRPACE", [brussels("2026-10-01"), "2026-12-31", column("", "2026-11-15")]],
  ];

  it("reads only the spreadsheet's locale and time zone: no Session, nothing that writes", () => {
    const addon = loadAddon({ locale: "fr_FR", spreadsheetLocale: "en_GB" });
    // Custom functions may not use Session; make any use of it fail loudly.
    (addon.context as Record<string, unknown>).Session = new Proxy(
      {},
      {
        get() {
          throw new Error("Session is not available in custom functions");
        },
      },
    );
    for (const [name, args] of everyCall) {
      addon.calls.reset();
      expect(() => call(addon, name, ...args)).not.toThrow();
      const sequence = addon.calls.sequence();
      expect(sequence.length).toBeGreaterThan(0);
      // KRCHECK's code is the app's (src/server/main.ts): its recalculation reads the app file.
      const appRead =
        name === "KRCHECK" ? ["HtmlService.createHtmlOutputFromFile", "HtmlOutput.getContent"] : [];
      for (const service of sequence) {
        expect([
          "SpreadsheetApp.getActiveSpreadsheet",
          "Spreadsheet.getSpreadsheetLocale",
          "Spreadsheet.getSpreadsheetTimeZone",
          ...appRead,
        ]).toContain(service);
      }
      // The language comes from the spreadsheet's locale (English here), read once per call.
      expect(addon.calls.get("Spreadsheet.getSpreadsheetLocale")).toBe(1);
    }
    expect(call(addon, "OKRBAND", 0.9)).toBe("Green");
  });

  it("reads the spreadsheet once per call, whatever the number of rows", () => {
    const rows = 10_000;
    const scores = Array.from({ length: rows }, (_, i) => [(i % 100) / 100]);
    const dates = Array.from({ length: rows }, () => [brussels("2026-10-01")]);
    const ids = Array.from({ length: rows }, (_, i) => [i % 5 ? `KR-${i}` : `O-${i}`]);
    const types = Array.from({ length: rows }, (_, i) => [i % 5 ? "Key result" : "Objective"]);
    const parents = Array.from({ length: rows }, (_, i) => [i % 5 ? `O-${i - (i % 5)}` : ""]);
    const texts = Array.from({ length: rows }, (_, i) => [`Grow signups from ${i} to ${i + 10}`]);
    const big: [Name, unknown[]][] = [
      ["KRSCORE", [0, 1, scores]],
      ["OKRSCORE", [scores]],
      ["OKRSCORE", [ids, types, parents, 0, 1, scores, "", ""]],
      ["OKRSTATUS", [scores, dates, "2026-12-31", "2026-11-15"]],
      ["KRCHECK", [texts]],
      ["OKRBAND", [scores]],
      ["OKRPACE", [dates, "2026-12-31", "2026-11-15"]],
    ];
    for (const [name, args] of big) {
      en.calls.reset();
      const result = call(en, name, ...args);
      if (Array.isArray(result)) expect(result).toHaveLength(rows);
      // Two more for KRCHECK, whose code is read from the app file (src/server/main.ts).
      expect(en.calls.total()).toBeLessThanOrEqual(name === "KRCHECK" ? 5 : 3);
    }
  });

  it("still answers, in English, when the spreadsheet cannot be read", () => {
    const addon = loadAddon();
    (addon.context as Record<string, unknown>).SpreadsheetApp = {
      getActiveSpreadsheet() {
        throw new Error("You do not have permission to call getActiveSpreadsheet");
      },
    };
    expect(call(addon, "OKRBAND", 0.9)).toBe("Green");
    expect(call(addon, "OKRPACE", new Date("2026-10-01T00:00:00Z"), "2026-12-31", "2026-11-15")).toBeCloseTo(
      45 / 91,
    );
    expect(outcome(() => call(addon, "KRSCORE", "x", 1, 1))).toEqual({
      error: 'KRSCORE: baseline must be a number, got "x".',
    });
  });

  it("has a stub with JSDoc, @param for each argument, @return and @customfunction", () => {
    const code = readDist("Code.js");
    const comments: acorn.Comment[] = [];
    const program = acorn.parse(code, { ecmaVersion: 2020, onComment: comments, locations: true });
    for (const name of FORMULAS) {
      expect(name).toBe(name.toUpperCase());
      const fn = program.body.find(
        (n): n is acorn.FunctionDeclaration => n.type === "FunctionDeclaration" && n.id.name === name,
      );
      expect(fn).toBeDefined();
      const doc = comments.find((c) => c.type === "Block" && c.loc!.end.line === fn!.loc!.start.line - 1);
      expect(doc?.value).toContain("@customfunction");
      expect(doc?.value).toMatch(/@return \{[^}]+\} \S/);
      for (const param of fn!.params) {
        expect(doc?.value).toMatch(
          new RegExp(`@param \\{[^}]+\\} \\[?${(param as acorn.Identifier).name}\\]? \\S`),
        );
      }
    }
  });
});
