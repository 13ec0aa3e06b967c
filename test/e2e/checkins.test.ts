import { World } from "../../dev/gas";
import { type LoadedAddon, loadAddon } from "../../dev/loader";
import { isoIn } from "../helpers/grids";

const NOW = "2026-11-15T10:00:00Z";

interface View {
  teams: string[];
  owners: string[];
  filter: { team?: string; owner?: string };
  items: {
    id: string;
    current: number | null;
    score: number | null;
    status: string;
    stale: boolean;
    lastCheckIn: string;
    daysSince: number;
    history: { date: string; value: number; comment: string }[];
  }[];
}

function ready(options: { locale?: string; world?: World; email?: string } = {}): LoadedAddon {
  const addon = loadAddon({
    locale: options.locale ?? "en",
    now: NOW,
    world: options.world,
    email: options.email,
  });
  if (!options.world || options.world.spreadsheet.allSheets().length === 1) {
    addon.ui.answers.push({ button: "YES" });
    addon.run("setUpTemplate");
  }
  return addon;
}

const okrRow = (addon: LoadedAddon, id: string) => {
  const values = addon.spreadsheet.sheet("OKRs")!.values();
  const header = values[0]!;
  const line = values.find((l) => l[1] === id)!;
  return Object.fromEntries(header.map((h, i) => [String(h), line[i]]));
};
const log = (addon: LoadedAddon) => addon.spreadsheet.sheet("Check-ins")!.values().slice(1);

describe("the check-in view", () => {
  it("lists a team's key results with values, score, status, last check-in and history", () => {
    const addon = ready();
    const view = addon.run<View>("getCheckins", { team: "Sales" });
    expect(view.teams).toEqual(["Product", "Sales"]);
    expect(view.items.map((i) => i.id)).toEqual(["KR-1", "KR-2", "KR-3"]);
    const kr1 = view.items[0]!;
    expect(kr1).toMatchObject({
      current: 150,
      score: 0.5,
      status: "on-track",
      lastCheckIn: "2026-11-08",
      stale: false,
    });
    expect(kr1.history.map((h) => [h.date, h.value])).toEqual([
      ["2026-11-08", 150],
      ["2026-11-01", 135],
      ["2026-10-25", 125],
    ]);
    expect(view.items[1]).toMatchObject({ id: "KR-2", stale: true, daysSince: 45 });
  });

  it("filters by owner (the objective's owner) and remembers the choice", () => {
    const addon = ready();
    addon.run("getCheckins", { owner: "Sofia" });
    const again = addon.run<View>("getCheckins");
    expect(again.filter).toEqual({ owner: "Sofia" });
    expect(again.items.map((i) => i.id)).toEqual(["KR-4", "KR-5", "KR-6"]);
  });
});

describe("saving check-ins", () => {
  it("appends to the log and updates Current, Confidence and Last check-in, one batch each", () => {
    const addon = ready();
    addon.calls.reset();
    const result = addon.run("saveCheckins", {
      entries: [
        { krId: "KR-1", value: 165, confidence: 8, comment: "Three more partners" },
        { krId: "KR-5", value: 4.3, confidence: 7 },
      ],
    });
    expect(result).toMatchObject({ saved: 2, message: "2 check-ins saved." });
    expect(log(addon).slice(-2)).toEqual([
      [expect.any(Date), "KR-1", 165, 8, "Three more partners", "ada@example.com"],
      [expect.any(Date), "KR-5", 4.3, 7, "", "ada@example.com"],
    ]);
    expect(okrRow(addon, "KR-1")).toMatchObject({ Current: 165, Confidence: 8 });
    expect(isoIn(okrRow(addon, "KR-1")["Last check-in"])).toBe("2026-11-15");
    expect(okrRow(addon, "KR-4")).toMatchObject({ Current: 8 }); // in between, untouched
    expect(addon.calls.get("Range.setValues")).toBe(1 + 3); // log, then one per OKRs column
    expect(addon.calls.get("Lock.releaseLock")).toBe(1);
    // The answer carries the view as the save left the sheets, the one a new call reads.
    expect((result as { view: View }).view).toEqual(addon.run<View>("getCheckins"));
    const view = addon.run<View>("getCheckins", { team: "Sales" });
    expect(view.items[0]).toMatchObject({ current: 165, score: 0.75, lastCheckIn: "2026-11-15" });
    expect(view.items[0]!.history[0]).toMatchObject({
      date: "2026-11-15",
      value: 165,
      comment: "Three more partners",
    });
  });

  it("keeps a comment starting with = as plain text, and formulas between updated rows", () => {
    const addon = ready();
    const okrs = addon.spreadsheet.sheet("OKRs")!;
    const kr4 = okrs.values().findIndex((l) => l[1] === "KR-4") + 1;
    okrs.cell(kr4, 14).formula = "=7+1";
    addon.run("saveCheckins", {
      entries: [
        { krId: "KR-1", value: 170, comment: '=IMPORTXML("http://x","//a")' },
        { krId: "KR-5", value: 4.4 },
      ],
    });
    const last = addon.spreadsheet.sheet("Check-ins")!;
    const row = last.lastRow();
    expect(last.peek(row - 1, 5)).toMatchObject({ value: '=IMPORTXML("http://x","//a")', formula: "" });
    expect(okrs.peek(kr4, 14)?.formula).toBe("=7+1");
  });

  it("shows the status against the pace for today", () => {
    const addon = ready();
    addon.setNow("2026-12-20T10:00:00Z"); // 80 of 91 days: 0.88 expected
    addon.run("saveCheckins", { entries: [{ krId: "KR-1", value: 160 }] }); // score 0.67
    const kr1 = addon.run<View>("getCheckins", { team: "Sales" }).items[0]!;
    expect(kr1).toMatchObject({ score: 40 / 60, status: "at-risk" });
  });

  it("answers the view with the filter the sidebar shows, as a new call would draw it", () => {
    const addon = ready();
    addon.run("getCheckins", { team: "Sales" });
    const saved = addon.run<{ view: View }>("saveCheckins", {
      entries: [{ krId: "KR-5", value: 4.4, comment: "Up" }],
      filter: { owner: "Sofia" },
    });
    expect(saved.view.filter).toEqual({ owner: "Sofia" });
    expect(saved.view.items.find((i) => i.id === "KR-5")).toMatchObject({ current: 4.4 });
    expect(saved.view).toEqual(addon.run<View>("getCheckins", { owner: "Sofia" }));
  });
});

describe("bad input is refused, nothing written", () => {
  const cases: [string, unknown, RegExp][] = [
    [
      "a value that is not a number",
      { entries: [{ krId: "KR-1", value: "lots" }] },
      /check-ins › entry 1 › Value: must be a number/,
    ],
    ["NaN", { entries: [{ krId: "KR-1", value: NaN }] }, /Value/],
    // Beyond ±1e15 a sheet loses digits: the add-on itself would read the saved value as an error.
    [
      "a value too large for a sheet to keep",
      { entries: [{ krId: "KR-1", value: 1e16 }] },
      /check-ins › entry 1 › Value: must be at most 1000000000000000/,
    ],
    [
      "a value too far below zero",
      { entries: [{ krId: "KR-1", value: -2e15 }] },
      /Value: must be at least -1000000000000000/,
    ],
    [
      "a confidence above 10",
      { entries: [{ krId: "KR-1", value: 1, confidence: 11 }] },
      /Confidence: must be at most 10/,
    ],
    [
      "a negative confidence",
      { entries: [{ krId: "KR-1", value: 1, confidence: -1 }] },
      /Confidence: must be at least 0/,
    ],
    [
      "an unknown KR ID",
      {
        entries: [
          { krId: "KR-1", value: 1 },
          { krId: "KR-99", value: 1 },
        ],
      },
      /Nothing was saved: no key result has the ID KR-99/,
    ],
    ["an objective", { entries: [{ krId: "O-2", value: 1 }] }, /O-2 is an objective/],
    [
      "the same key result twice",
      {
        entries: [
          { krId: "KR-1", value: 1 },
          { krId: "kr-1", value: 2 },
        ],
      },
      /appears twice/,
    ],
    ["extra keys", { entries: [{ krId: "KR-1", value: 1, admin: true }] }, /unexpected field admin/],
    [
      "a __proto__ key",
      JSON.parse('{"entries":[{"krId":"KR-1","value":1,"__proto__":{"x":1}}]}'),
      /unexpected field __proto__/,
    ],
    ["an empty batch", { entries: [] }, /needs at least 1/],
    ["an oversized comment", { entries: [{ krId: "KR-1", value: 1, comment: "x".repeat(501) }] }, /too long/],
    [
      "too many entries",
      { entries: Array.from({ length: 201 }, (_, i) => ({ krId: `KR-${i}`, value: 1 })) },
      /too many items/,
    ],
  ];

  it.each(cases)("%s", (_name, payload, message) => {
    const addon = ready();
    const before = [addon.spreadsheet.sheet("OKRs")!.values(), log(addon)];
    expect(() => addon.run("saveCheckins", payload)).toThrow(message);
    expect([addon.spreadsheet.sheet("OKRs")!.values(), log(addon)]).toEqual(before);
  });

  it("refuses a key result of another quarter", () => {
    const addon = ready();
    addon.spreadsheet
      .sheet("OKRs")!
      .fill(
        [
          [
            "2026-Q3",
            "KR-OLD",
            "Key result",
            "",
            "Sales",
            "O-2",
            "Old one from 1 to 2",
            "",
            "",
            "Increase",
            "",
            1,
            2,
          ],
        ],
        20,
      );
    expect(() => addon.run("saveCheckins", { entries: [{ krId: "KR-OLD", value: 2 }] })).toThrow(
      "Nothing was saved: KR-OLD belongs to 2026-Q3, not to the current quarter",
    );
  });

  it.each([
    [
      "en",
      "OKRs",
      "Nothing was saved: KR-3 was moved to the KPIs sheet (row 2): update its value there, and open the check-in again to see the key results as they are now",
    ],
    [
      "fr",
      "OKR",
      "Rien n'a été enregistré : KR-3 a été déplacé dans la feuille KPI (ligne 2) : mettez sa valeur à jour là-bas, et rouvrez le point pour voir les résultats clés tels qu'ils sont maintenant",
    ],
  ])(
    "names a key result moved to KPIs since the view was drawn (%s), and saves nothing",
    (locale, okrs, message) => {
      const addon = ready({ locale });
      const team = locale === "en" ? "Sales" : "Ventes";
      expect(addon.run<View>("getCheckins", { team }).items.map((i) => i.id)).toContain("KR-3");
      // Meanwhile a teammate moves KR-3, a KPI in disguise, to the KPIs sheet.
      const row =
        addon.spreadsheet
          .sheet(okrs)!
          .values()
          .findIndex((l) => l[1] === "KR-3") + 1;
      addon.run("moveToKpis", { row, krId: "KR-3" });
      const sheets = () => addon.spreadsheet.allSheets().map((s) => s.values());
      const before = sheets();
      expect(() =>
        addon.run("saveCheckins", {
          entries: [
            { krId: "KR-1", value: 170 },
            { krId: "KR-3", value: 1.7 },
          ],
        }),
      ).toThrow(message);
      expect(sheets()).toEqual(before);
      // An ID no one ever held is still called unknown.
      expect(() => addon.run("saveCheckins", { entries: [{ krId: "KR-98", value: 1 }] })).toThrow(
        locale === "en" ? "no key result has the ID KR-98" : "aucun résultat clé n'a l'ID KR-98",
      );
    },
  );

  it.each([
    ["Value", 3],
    ["KR ID", 2],
    ["Comment", 5],
    ["Author", 6],
  ])("refuses when the log's %s column was deleted by hand, rather than drop it", (header, column) => {
    const addon = ready();
    const sheet = addon.spreadsheet.sheet("Check-ins")!;
    const kept = sheet.values().map((line) => line.filter((_, i) => i !== column - 1));
    sheet.removeRows(1, sheet.lastRow());
    sheet.fill(kept);
    const okrsBefore = addon.spreadsheet.sheet("OKRs")!.values();
    expect(() =>
      addon.run("saveCheckins", { entries: [{ krId: "KR-1", value: 170, comment: "hello" }], author: "Zed" }),
    ).toThrow(
      `Nothing was saved: The column ${header} is missing from the header row: run OKR › Set up template to add it back.`,
    );
    expect(sheet.values()).toEqual(kept);
    expect(addon.spreadsheet.sheet("OKRs")!.values()).toEqual(okrsBefore);
  });

  it("refuses to write into a Check-ins tab that is not the log", () => {
    const addon = ready({ locale: "fr" });
    const sheet = addon.spreadsheet.sheet("Points")!;
    sheet.removeRows(1, sheet.lastRow());
    sheet.fill([
      ["Nom", "Âge"],
      ["Bob", 4],
    ]);
    expect(() => addon.run("saveCheckins", { entries: [{ krId: "KR-1", value: 170 }] })).toThrow(
      /^Rien n'a été enregistré : .*Date/,
    );
    expect(sheet.values()).toEqual([
      ["Nom", "Âge"],
      ["Bob", 4],
    ]);
  });

  it("answers in French", () => {
    const addon = ready({ locale: "fr" });
    expect(() =>
      addon.run("saveCheckins", { entries: [{ krId: "KR-1", value: 1, confidence: 12 }] }),
    ).toThrow("La demande a été refusée : points › saisie 1 › Confiance : doit valoir au plus 10.");
  });
});

describe("two people saving at once", () => {
  it("both land: the second waits for the lock, and the first re-reads after taking it", () => {
    const world = new World({ timeZone: "Europe/Brussels" });
    const ada = ready({ world, email: "ada@example.com" });
    const bob = loadAddon({ world, now: NOW, email: "bob@example.com" });
    const okrs = world.spreadsheet.sheet("OKRs")!;
    const kr4 = okrs.values().findIndex((l) => l[1] === "KR-4") + 1;
    let bobTried: unknown;
    world.lock.onAcquire = (owner) => {
      if (owner !== "ada@example.com" || bobTried) return;
      // Bob types a value by hand, then tries to save while Ada holds the lock.
      okrs.cell(kr4, 14).value = 7.5;
      try {
        bob.run("saveCheckins", { entries: [{ krId: "KR-5", value: 4.2 }] });
        bobTried = "saved";
      } catch (error) {
        bobTried = (error as Error).message;
      }
    };
    ada.run("saveCheckins", {
      entries: [
        { krId: "KR-1", value: 160 },
        { krId: "KR-5", value: 4.25 },
      ],
    });
    expect(bobTried).toBe("Someone else is saving right now. Please try again in a moment.");
    world.lock.onAcquire = undefined;
    bob.run("saveCheckins", { entries: [{ krId: "KR-5", value: 4.2 }] });
    const rows = log(ada)
      .slice(-3)
      .map((l) => [l[1], l[2], l[5]]);
    expect(rows).toEqual([
      ["KR-1", 160, "ada@example.com"],
      ["KR-5", 4.25, "ada@example.com"],
      ["KR-5", 4.2, "bob@example.com"],
    ]);
    expect(okrRow(ada, "KR-4").Current).toBe(7.5); // Bob's hand edit, read after Ada took the lock
    expect(okrRow(ada, "KR-5").Current).toBe(4.2);
    expect(world.lock.holder).toBeUndefined();
  });
});

describe("on open", () => {
  it("reminds of stale key results when authorized, and not in AuthMode.NONE", () => {
    const addon = ready();
    addon.run("onOpen", { authMode: "LIMITED" });
    expect(addon.spreadsheet.toasts.at(-1)).toEqual({
      message: "3 key results have had no check-in for more than 14 days.",
      title: "OKR check-ins",
    });
    const count = addon.spreadsheet.toasts.length;
    addon.run("onOpen", { authMode: "NONE" });
    expect(addon.spreadsheet.toasts).toHaveLength(count);
  });

  it("counts the stale key results the check-in view shows: one typed without an ID is not among them", () => {
    const addon = ready();
    const okrs = addon.spreadsheet.sheet("OKRs")!;
    okrs.fill(
      [
        [
          "2026-Q4",
          "",
          "Key result",
          "",
          "Sales",
          "O-2",
          "Sign resellers from 0 to 5",
          "",
          "",
          "Increase",
          "",
          0,
          5,
        ],
      ],
      okrs.lastRow() + 1,
    );
    addon.run("onOpen", { authMode: "LIMITED" });
    const stale = addon.run<View>("getCheckins", {}).items.filter((i) => i.stale);
    expect(stale.map((i) => i.id)).toEqual(["KR-2", "KR-3", "KR-6"]);
    expect(addon.spreadsheet.toasts.at(-1)!.message).toBe(
      "3 key results have had no check-in for more than 14 days.",
    );
  });
});
