/**
 * A whole year in one spreadsheet, week by week, on the built bundle: four quarters, each planned
 * (drafted in the wizard or carried over), locked, checked in by two people, validated, reviewed
 * and rolled on. Along the way people do what people do to a spreadsheet: type a row by hand, add a
 * column of their own, sort, delete a row, move a key result to KPIs (the first data row), and
 * retry Start next quarter. After every step the same promises are checked:
 *
 * - a closed quarter's scores and statuses stay what they were when it ended;
 * - no ID is issued twice, and every check-in sits on the key result it was saved for;
 * - the Score and Status formulas still cover every row;
 * - nothing the user typed was changed.
 */
import { type FakeSheet, World } from "../../dev/gas";
import { type LoadedAddon, loadAddon } from "../../dev/loader";

const COL = {
  quarter: 0,
  id: 1,
  type: 2,
  team: 4,
  parent: 5,
  title: 6,
  owner: 7,
  current: 13,
  score: 16,
  status: 17,
  notes: 20,
  mine: 21, // the user's own column, V
} as const;

type Row = unknown[];

interface Kr {
  title: string;
  metric: "increase" | "decrease" | "threshold";
  baseline: number;
  target: number;
}

const QUARTERS = [
  { label: "2027-Q1", start: "2027-01-01", end: "2027-03-31" },
  { label: "2027-Q2", start: "2027-04-01", end: "2027-06-30" },
  { label: "2027-Q3", start: "2027-07-01", end: "2027-09-30" },
  { label: "2027-Q4", start: "2027-10-01", end: "2027-12-31" },
] as const;

const DAY = 86_400_000;
const dayAfter = (iso: string, days: number) =>
  new Date(Date.parse(`${iso}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);
const BRUSSELS_DAY = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Brussels" });
/** A date cell's calendar day in the spreadsheet's time zone. */
const isoOf = (value: unknown) => (value instanceof Date ? BRUSSELS_DAY.format(value) : String(value));

/** Two people on one spreadsheet: Ada (English) and Bruno (French), and a clock they share. */
class Team {
  readonly world = new World({ timeZone: "Europe/Brussels", locale: "en_US" });
  readonly ada: LoadedAddon;
  readonly bruno: LoadedAddon;
  /** Every ID the add-on handed out this year, in order. */
  readonly issued: string[] = [];
  /** Every check-in saved: [day, KR ID, value]. */
  readonly ledger: [string, string, number][] = [];
  /** What the user typed in their own column and in Notes, by the row's ID. */
  readonly typed = new Map<string, { mine: string; notes: string }>();
  /** Each closed quarter's rows when it ended: ID → [score, status]. */
  readonly finals = new Map<string, Map<string, [unknown, unknown]>>();
  /** Key results moved to KPIs: their IDs. */
  readonly moved: string[] = [];
  today = "";

  constructor(start: string) {
    this.ada = loadAddon({ world: this.world, locale: "en", email: "ada@example.com", now: start });
    this.bruno = loadAddon({ world: this.world, locale: "fr", email: "bruno@example.com", now: start });
    this.today = start.slice(0, 10);
  }

  /** Moves both people's clocks to a day (10:00 in Brussels), and one of them opens the file. */
  at(day: string, who: LoadedAddon = this.ada) {
    this.today = day;
    for (const addon of [this.ada, this.bruno]) addon.setNow(`${day}T09:00:00Z`);
    who.run("onOpen", { authMode: "LIMITED", source: who.spreadsheet.api });
  }

  sheet(name: string): FakeSheet {
    const found = this.world.spreadsheet.sheet(name);
    if (!found) throw new Error(`no sheet ${name}`);
    return found;
  }

  get okrs() {
    return this.sheet("OKRs");
  }

  rows(): Row[] {
    return this.okrs.values().slice(1);
  }

  row(id: string): Row {
    const found = this.rows().filter((r) => r[COL.id] === id);
    expect(found).toHaveLength(1);
    return found[0]!;
  }

  rowNumber(id: string): number {
    return this.rows().findIndex((r) => r[COL.id] === id) + 2;
  }

  currentQuarter(): string {
    return String(
      this.sheet("Settings")
        .values()
        .find((l) => l[0] === "Current quarter")![1],
    );
  }

  draft(who: LoadedAddon, team: string, owner: string, title: string, krs: Kr[]): string[] {
    const result = who.run<{ objectiveId: string; krIds: string[] }>("insertDraft", {
      objective: { level: "team", team, owner, kind: "aspirational", parent: "", title },
      krs: krs.map((kr) => ({ ...kr, unit: "", weight: 1 })),
    });
    const ids = [result.objectiveId, ...result.krIds];
    this.issued.push(...ids);
    return ids;
  }

  /** The current quarter's key results, as the sheet has them. */
  currentKrs(): Row[] {
    const quarter = this.currentQuarter();
    return this.rows().filter((r) => r[COL.quarter] === quarter && r[COL.type] === "Key result");
  }

  /** Everyone checks in on every key result of the quarter; Sales never quite gets there. */
  checkIn(who: LoadedAddon, progress: number) {
    const entries = this.currentKrs().map((r) => {
      const baseline = Number(r[11]);
      const target = Number(r[12]);
      const share = progress * (r[COL.team] === "Sales" ? 0.6 : 1);
      const value = Math.round((baseline + (target - baseline) * share) * 100) / 100;
      return { krId: String(r[COL.id]), value, confidence: 7, comment: `week of ${this.today}` };
    });
    if (entries.length === 0) return;
    who.run("saveCheckins", { entries });
    for (const e of entries) this.ledger.push([this.today, e.krId, e.value]);
  }

  /** The user types in their own column V and in Notes, for every row that has nothing there yet. */
  annotate() {
    const okrs = this.okrs;
    okrs.cell(1, COL.mine + 1).value = "My column";
    this.rows().forEach((r, i) => {
      const id = String(r[COL.id]);
      if (!id || this.typed.has(id)) return;
      const entry = { mine: `mine ${id}`, notes: `note for ${id}` };
      okrs.cell(i + 2, COL.mine + 1).value = entry.mine;
      okrs.cell(i + 2, COL.notes + 1).value = entry.notes;
      this.typed.set(id, entry);
    });
  }

  /** Snapshots a quarter's rows once it is over, as its final state. */
  close(quarter: string) {
    const final = new Map<string, [unknown, unknown]>();
    for (const r of this.rows()) {
      if (r[COL.quarter] === quarter) final.set(String(r[COL.id]), [r[COL.score], r[COL.status]]);
    }
    this.finals.set(quarter, final);
  }

  /** The promises, checked after every step. */
  check(step: string) {
    const rows = this.rows().filter((r) => r.some((v) => v !== ""));
    const context = `${step} (${this.today})`;

    // Closed quarters keep their final state.
    for (const [quarter, final] of this.finals) {
      const now = new Map(
        rows
          .filter((r) => r[COL.quarter] === quarter)
          .map((r) => [String(r[COL.id]), [r[COL.score], r[COL.status]]]),
      );
      expect([context, now]).toEqual([context, final]);
    }

    // No ID issued twice; IDs in the sheet are unique.
    expect([context, new Set(this.issued).size]).toEqual([context, this.issued.length]);
    const ids = rows.map((r) => String(r[COL.id]));
    expect([context, ids.filter((id, i) => ids.indexOf(id) !== i)]).toEqual([context, []]);

    // Every check-in is in the log, on the key result it was saved for, and nothing else is.
    const log = this.sheet("Check-ins")
      .values()
      .slice(1)
      .filter((l) => l[1] !== "")
      .map((l) => [isoOf(l[0]), String(l[1]), Number(l[2])]);
    expect([context, log]).toEqual([context, this.ledger]);
    for (const r of rows) {
      if (r[COL.type] !== "Key result") continue;
      const mine = this.ledger.filter((e) => e[1] === r[COL.id]);
      if (mine.length > 0)
        expect([context, r[COL.id], r[COL.current]]).toEqual([context, r[COL.id], mine.at(-1)![2]]);
    }

    // The formulas live in the header cells and cover every row.
    const header = (column: number) => this.okrs.peek(1, column + 1)?.formula ?? "";
    expect(header(COL.score)).toMatch(/^=OKRSCORE\(/);
    expect(header(COL.status)).toMatch(/^=OKRSTATUSES\(/);
    for (const r of rows) {
      expect([context, r[COL.id], r[COL.status]]).not.toEqual([context, r[COL.id], ""]);
      if (r[COL.type] === "Key result" && r[COL.current] !== "") {
        expect([context, r[COL.id], typeof r[COL.score]]).toEqual([context, r[COL.id], "number"]);
      }
    }

    // Nothing the user typed changed: their column and Notes stay on the row they were typed on,
    // or travel with a key result moved to KPIs.
    const kpis = this.sheet("KPIs").values();
    for (const [id, entry] of this.typed) {
      if (this.moved.includes(id)) {
        const kpi = kpis.find((l) => l.includes(id));
        expect([context, id, kpi]).toEqual([
          context,
          id,
          expect.arrayContaining([entry.mine, expect.stringContaining(entry.notes)]),
        ]);
        continue;
      }
      const r = rows.find((row) => row[COL.id] === id);
      if (!r) continue; // deleted by the user
      expect([context, id, r[COL.mine], r[COL.notes]]).toEqual([context, id, entry.mine, entry.notes]);
    }
  }
}

/** The Mondays of a quarter, from its first to its last. */
function mondays(start: string, end: string): string[] {
  const days: string[] = [];
  for (let day = start; day <= end; day = dayAfter(day, 1)) {
    if (new Date(`${day}T00:00:00Z`).getUTCDay() === 1) days.push(day);
  }
  return days;
}

describe("a year of OKRs in one spreadsheet", () => {
  it("keeps every quarter right, week after week, with two people and a moving clock", () => {
    const team = new Team("2027-01-04T09:00:00Z");
    const { ada, bruno } = team;
    ada.ui.answers.push({ button: "NO" });
    ada.run("setUpTemplate");
    expect(team.currentQuarter()).toBe("2027-Q1");
    team.check("set up");

    QUARTERS.forEach((quarter, q) => {
      const weeks = mondays(quarter.start, quarter.end);
      team.at(weeks[0]!, q % 2 ? bruno : ada);

      // Plan: new objectives drafted in the wizard by both people.
      if (q === 0) {
        team.draft(ada, "Sales", "Julien", "Win the Brussels market", [
          { title: "Grow partners from 100 to 200", metric: "increase", baseline: 100, target: 200 },
          { title: "Cut onboarding from 10 to 5 days", metric: "decrease", baseline: 10, target: 5 },
        ]);
      }
      team.draft(bruno, "Product", "Sofia", `Make booking effortless, part ${q + 1}`, [
        {
          title: `Raise NPS from ${30 + q} to ${50 + q}`,
          metric: "increase",
          baseline: 30 + q,
          target: 50 + q,
        },
        ...(q === 1
          ? [{ title: "Always answer within 2 hours", metric: "threshold" as const, baseline: 3, target: 2 }]
          : []),
      ]);
      team.check(`${quarter.label} planned`);

      ada.ui.answers.push({ button: "YES" });
      ada.run("lockPlan");
      team.annotate();
      team.check(`${quarter.label} locked`);

      weeks.forEach((monday, w) => {
        const who = w % 2 ? bruno : ada;
        team.at(monday, who);
        team.checkIn(who, Math.min(1, (w + 1) / weeks.length) * (q === 2 ? 0.5 : 1));
        team.check(`${quarter.label} week ${w + 1}`);

        if (q === 0 && w === 2) {
          // A key result typed by hand, without an ID: Validate gives it one.
          const objective = team.rows().find((r) => r[COL.team] === "Sales" && r[COL.type] === "Objective")!;
          const at = team.okrs.lastRow() + 1;
          team.okrs.fill(
            [
              [
                quarter.label,
                "",
                "Key result",
                "",
                "Sales",
                objective[COL.id],
                "Raise repeat bookings from 20 to 40",
                "",
                "",
                "Increase",
                "",
                20,
                40,
              ],
            ],
            at,
          );
          ada.run("validateNow");
          const id = String(team.okrs.values()[at - 1]![COL.id]);
          expect(id).toMatch(/^KR-\d+$/);
          team.issued.push(id);
          team.annotate();
          team.check("a row typed by hand");
        }

        if (q === 1 && w === 1) {
          // Sorted by title, the KPI-like key result is the first data row; it moves to KPIs.
          team.okrs.sortRows(2, team.okrs.lastRow() - 1, COL.title + 1);
          team.check("sorted by title");
          const kpiLike = team.rows()[0]!;
          expect(kpiLike[COL.title]).toBe("Always answer within 2 hours");
          const krId = String(kpiLike[COL.id]);
          const finding = bruno
            .run<{ items: { code: string; krId?: string; row: number }[] }>("getFindings")
            .items.find((f) => f.code === "kpi-like" && f.krId === krId)!;
          expect(finding.row).toBe(2);
          bruno.run("moveToKpis", { row: finding.row, krId });
          team.moved.push(krId);
          expect(team.rows().some((r) => r[COL.id] === krId)).toBe(false);
          team.check("moved to KPIs");
        }

        if (q === 2 && w === 5) {
          // The team drops a key result: the row is deleted by hand; its ID is never reissued.
          const dropped = team.currentKrs().at(-1)!;
          team.okrs.api.deleteRow(team.rowNumber(String(dropped[COL.id])));
          team.check("a row deleted");
          const [objective] = team.draft(ada, "Ops", "Chloé", "Make our ops calm", [
            { title: "Cut night incidents from 12 to 3", metric: "decrease", baseline: 12, target: 3 },
          ]);
          expect(objective).toBeDefined();
          team.annotate();
          team.check("drafted after a deletion");
        }
      });

      // Quarter's last day: validate, review, and remember its final state.
      team.at(quarter.end, ada);
      ada.run("validateNow");
      const review = ada.run<{ sheet: string }>("generateReview", { team: "" });
      expect(review.sheet).toBe(`Review ${quarter.label}`);
      team.check(`${quarter.label} reviewed`);

      // Next quarter's first day: Bruno starts it, carrying the first objective proposed; a retry,
      // from a dialog left open, is refused and moves nothing.
      const next = q < 3 ? QUARTERS[q + 1]!.label : "2028-Q1";
      team.at(dayAfter(quarter.end, 1), bruno);
      team.close(quarter.label);
      const proposal = bruno.run<{
        from: string;
        to: string;
        candidates: { id: string; proposed: boolean; nextOwner: string }[];
      }>("getNextQuarter");
      expect(proposal).toMatchObject({ from: quarter.label, to: next });
      const pick = proposal.candidates.find((c) => c.proposed)!;
      const request = { from: quarter.label, carry: [{ id: pick.id, owner: pick.nextOwner }] };
      const before = team.rows().length;
      bruno.run("startNextQuarter", request);
      const carried = team
        .rows()
        .slice(before)
        .map((r) => String(r[COL.id]));
      expect(carried.length).toBeGreaterThan(0);
      team.issued.push(...carried);
      expect(() => bruno.run("startNextQuarter", request)).toThrow();
      expect(team.currentQuarter()).toBe(next);
      expect(team.rows()).toHaveLength(before + carried.length);
      team.annotate();
      team.check(`${next} started`);
    });

    // A year later every quarter is still as it ended, and the log holds every check-in.
    expect([...team.finals.keys()]).toEqual(QUARTERS.map((q) => q.label));
    expect(team.ledger.length).toBeGreaterThan(100);
    for (const final of team.finals.values()) {
      expect([...final.values()].map((v) => v[1])).not.toContain("Not started");
    }
  });
});
