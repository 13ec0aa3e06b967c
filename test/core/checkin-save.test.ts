import { analyze, dateOfDay, parseOkrs } from "../../src/core";
import { keyResultUpdates, logHeader, logPlace, logRows } from "../../src/core/checkin-save";
import { CHECKINS } from "../../src/core/schema";
import { lostColumn } from "../../src/core/table-write";
import {
  checkinFieldLabels,
  checkinViewOf,
  describeEntryProblem,
  entryProblems,
} from "../../src/core/checkin-view";
import { checkinGrid, day, okrGrid, soundQuarter } from "../helpers/grids";

const TZ = "Europe/Brussels";
const today = day("2026-11-25");
const okrs = okrGrid(soundQuarter());

describe("the check-in view", () => {
  const analysis = analyze(
    { okrs, checkins: checkinGrid([{ date: "2026-11-20", krId: "KR-1", value: 150 }]) },
    today,
    TZ,
  );
  const author = { email: "ada@example.com", name: "" };

  it("offers the teams and owners of this quarter's key results, each once", () => {
    const view = checkinViewOf("en", analysis, {}, author, today);
    expect(view.teams).toEqual(["Sales"]);
    expect(view.owners).toEqual(["Julien"]);
    expect(view.items.map((i) => i.id)).toEqual(["KR-1", "KR-2"]);
  });

  it("keeps the filter it was drawn with", () => {
    const view = checkinViewOf("fr", analysis, { team: "Ops" }, author, today);
    expect(view).toMatchObject({ lang: "fr", filter: { team: "Ops" }, items: [] });
  });

  it("names fields and problems in the user's language", () => {
    expect(checkinFieldLabels("fr").comment).toBe("Commentaire");
    expect(describeEntryProblem("en", { code: "unknown-kr", krId: "KR-9" })).toContain("KR-9");
    const many = Array.from({ length: 7 }, (_, i) => ({ code: "unknown-kr" as const, krId: `KR-${i + 10}` }));
    expect(entryProblems("en", many).split("; ")).toHaveLength(5);
  });
});

describe("saving check-ins", () => {
  const entries = [
    { krId: "kr-1", value: 160, confidence: 7, comment: "=good" },
    { krId: "KR-2", value: 6 },
  ];

  it("logs one row per entry, with the day and the author", () => {
    expect(logRows(entries, today, "Ada")).toEqual([
      { date: today, krId: "kr-1", value: 160, confidence: 7, comment: "=good", author: "Ada" },
      { date: today, krId: "KR-2", value: 6, confidence: undefined, comment: "", author: "Ada" },
    ]);
  });

  it("writes into a log without a header in the schema's order, under the header it writes", () => {
    expect(logHeader("fr")[0]).toBe("Date");
    expect(logPlace({ headerRow: 0, columns: {} })).toEqual({
      headerRow: 1,
      columns: { date: 0, krId: 1, value: 2, confidence: 3, comment: 4, author: 5 },
    });
    expect(logPlace({ headerRow: 3, columns: { krId: 0 } })).toEqual({ headerRow: 3, columns: { krId: 0 } });
  });

  it("names the first log column a batch fills that the header lacks; a blank one is not lost", () => {
    const rows = logRows([{ krId: "KR-1", value: 160 }], today, "ada@example.com");
    const all = { date: 0, krId: 1, value: 2, confidence: 3, comment: 4, author: 5 };
    expect(lostColumn("checkins", all, CHECKINS.columns, rows)).toBeUndefined();
    const { confidence: _c, comment: _m, ...withoutBlanks } = all;
    expect(lostColumn("checkins", withoutBlanks, CHECKINS.columns, rows)).toBeUndefined();
    const { value: _v, author: _a, ...withoutValue } = all;
    expect(lostColumn("checkins", withoutValue, CHECKINS.columns, rows)).toEqual({
      code: "missing-column",
      severity: "error",
      sheet: "checkins",
      params: { column: "value" },
    });
    // No header: a tab of that name that is not the log.
    expect(lostColumn("checkins", {}, CHECKINS.columns, rows)?.params).toEqual({ column: "date" });
  });

  it("updates Current, Confidence only when given, and Last check-in on the key result's row", () => {
    const parsed = parseOkrs(okrs, TZ);
    const { current, confidence, lastCheckIn } = parsed.table.columns;
    const updates = keyResultUpdates(parsed.items, parsed.table.columns, entries, today, TZ);
    const kr1 = parsed.items.find((r) => r.id === "KR-1")!.row;
    const kr2 = parsed.items.find((r) => r.id === "KR-2")!.row;
    expect(updates.get(current!)).toEqual(
      new Map([
        [kr1, 160],
        [kr2, 6],
      ]),
    );
    expect(updates.get(confidence!)).toEqual(new Map([[kr1, 7]]));
    expect(updates.get(lastCheckIn!)!.get(kr2)).toEqual(dateOfDay(today, TZ));
  });
});
