/**
 * Practice health across quarters: whether a company's OKR habit is getting healthier. A pure
 * function of the parsed quarters, the check-in log, the KPIs sheet and the lock history, giving
 * per quarter and per team the signals named after the lessons from the field (focus, outcomes not
 * outputs, KPIs apart, weekly check-ins, no end-of-quarter rush, no mid-quarter additions, owners
 * who follow their objectives, scores, carry-over), each with a band against its threshold and a
 * trend against the quarter before. A quarter without OKRs is a gap, never a zero.
 */
import type { Day } from "./dates";
import type { CheckinRow, KpiRow, OkrRow } from "./parse";
import { nextQuarter, parseQuarter, quarterName } from "./quarters";
import { isNotMeasurable, kpiLikeWords, outputNotOutcomeWords } from "./rules/wording";
import { rowKrScore, scoreQuarter } from "./quarter-scores";
import { quarterDatesOf, type Settings } from "./settings";
import { normalize } from "./text";
import { SIGNALS, type Signal, type HealthThresholds } from "./health-settings";

/** The most recent quarters shown: three years, enough for a trend, few enough for a chart. */
export const MAX_QUARTERS = 12;
/** The end-of-quarter rush: the quarter's last two weeks. */
const RUSH_DAYS = 14;
/** Within this much of its threshold on the wrong side, a signal is "watch" (yellow), beyond it red. */
export const WATCH_MARGIN = 0.15;
/** A change smaller than this (in share points) is "steady". */
export const TREND_STEP = 0.05;

export type HealthBand = "green" | "yellow" | "red";
export type Trend = "up" | "down" | "steady";

/** One signal in one quarter for one team (or all): its value 0–1 and the counts behind it. */
export interface SignalValue {
  /** Undefined when there is nothing to measure (a gap, no lock date, a quarter still running). */
  value: number | undefined;
  /** The figures the value is made of, named per signal (see `measure`). */
  detail: Record<string, number>;
  band: HealthBand | undefined;
  /** Against the previous quarter that has a value, in the signal's own sense (up = higher value). */
  trend: Trend | undefined;
}

export interface QuarterHealth {
  quarter: string;
  /** No objective and no key result in this quarter. */
  gap: boolean;
  /** The plan's lock date, when recorded (history or Settings for the current quarter). */
  locked: Day | undefined;
  signals: Record<Signal, SignalValue>;
}

export interface TeamHealth {
  /** '' for all teams. */
  team: string;
  quarters: QuarterHealth[];
}

export type HealthFinding =
  | { kind: "gap"; quarter: string }
  | { kind: "noLock"; quarters: string[] }
  | {
      kind: "worse" | "better" | "below";
      signal: Signal;
      team: string;
      from: string | undefined;
      to: string;
      fromValue: SignalValue | undefined;
      toValue: SignalValue;
    }
  | { kind: "carried"; team: string; title: string; quarters: number; okrRow: number };

export interface Health {
  quarters: string[];
  teams: string[];
  /** All teams first, then each team in name order. */
  byTeam: TeamHealth[];
  thresholds: HealthThresholds;
  findings: HealthFinding[];
}

export interface HealthInput {
  okrs: readonly OkrRow[];
  checkins: readonly CheckinRow[];
  kpis: readonly KpiRow[];
  settings: Settings;
  /** The plan's lock date of each quarter (canonical label), as recorded when it was locked. */
  locks: ReadonlyMap<string, Day>;
  thresholds: HealthThresholds;
  today: Day;
}

/** Signals whose healthy side is low (a share that should stay small). */
export const LOWER_IS_BETTER: ReadonlySet<Signal> = new Set(["kpiLeakage", "rush", "churn", "carryOver"]);

/**
 * The band of a value against its threshold: green on the healthy side, yellow within WATCH_MARGIN
 * of it, red beyond.
 *
 * @example
 * healthBand("regularity", 0.7, 0.8) //=> "yellow"
 */
export function healthBand(signal: Signal, value: number, threshold: number): HealthBand {
  const shortfall = LOWER_IS_BETTER.has(signal) ? value - threshold : threshold - value;
  if (shortfall <= 1e-9) return "green";
  return shortfall <= WATCH_MARGIN + 1e-9 ? "yellow" : "red";
}

/** The quarters shown: from the first with OKRs to the later of the last and the current one, at most MAX_QUARTERS. */
function quarterRange(labels: Iterable<string>, current: string): string[] {
  const keys = [...labels, current]
    .map(parseQuarter)
    .filter((q) => q !== undefined)
    .map((q) => q.year * 4 + q.q - 1);
  if (keys.length === 0) return [];
  const last = Math.max(...keys);
  const first = Math.max(Math.min(...keys), last - MAX_QUARTERS + 1);
  const list: string[] = [];
  let q = { year: Math.floor(first / 4), q: ((first % 4) + 1) as 1 | 2 | 3 | 4 };
  for (let k = first; k <= last; k++, q = nextQuarter(q)) list.push(quarterName(q));
  return list;
}

interface QuarterData {
  label: string;
  start: Day;
  end: Day;
  objectives: OkrRow[];
  krs: OkrRow[];
  /** Each key result's check-ins in this quarter, by date. */
  logs: Map<OkrRow, CheckinRow[]>;
  scores: Map<number, number | undefined>;
  locked: Day | undefined;
  /** Objectives carried into this quarter: objective → how many quarters in a row it has been carried. */
  carried: Map<OkrRow, number>;
  /** Lower-cased owners of each team's objectives (key: lower-cased team). */
  owners: Map<string, Set<string>>;
}

const CARRY_NOTE = /←\s*([^\s(]+)\s*\(([^)]+)\)/;

/**
 * Builds the practice health of every quarter in the spreadsheet, for all teams and each team.
 *
 * @example
 * practiceHealth({ okrs, checkins, kpis, settings, locks, thresholds: HEALTH_DEFAULTS, today }).byTeam[0].quarters[3].signals.regularity.value //=> 5 / 13
 */
export function practiceHealth(input: HealthInput): Health {
  const { settings, today, thresholds } = input;
  const byQuarter = new Map<string, OkrRow[]>();
  for (const row of input.okrs) {
    if (row.type !== "objective" && row.type !== "kr") continue;
    const list = byQuarter.get(row.quarter);
    if (list) list.push(row);
    else byQuarter.set(row.quarter, [row]);
  }
  const labels = quarterRange(byQuarter.keys(), settings.quarter);
  const krById = new Map<string, OkrRow>();
  for (const row of input.okrs) if (row.type === "kr" && row.id) krById.set(row.id.toLowerCase(), row);
  const logByKr = new Map<OkrRow, CheckinRow[]>();
  for (const c of input.checkins) {
    if (c.date === undefined) continue;
    const kr = krById.get(c.krId.toLowerCase());
    if (!kr) continue;
    const log = logByKr.get(kr);
    if (log) log.push(c);
    else logByKr.set(kr, [c]);
  }
  for (const log of logByKr.values())
    log.sort((a, b) => (a.date as number) - (b.date as number) || a.row - b.row);

  const data: QuarterData[] = [];
  const objectiveById = new Map<string, { row: OkrRow; data: QuarterData }>();
  for (const label of labels) {
    const rows = byQuarter.get(label) ?? [];
    const dates = quarterDatesOf(settings, label)!;
    const objectives = rows.filter((r) => r.type === "objective");
    const krs = rows.filter((r) => r.type === "kr");
    const scored = scoreQuarter(rows, { start: dates.start, end: dates.end, today, onTrack: 1, atRisk: 1 });
    const scores = new Map([...scored.byRow].map(([row, s]) => [row, s.score] as const));
    const logs = new Map<OkrRow, CheckinRow[]>();
    for (const kr of krs) {
      const log = (logByKr.get(kr) ?? []).filter((c) => (c.date as number) <= dates.end);
      logs.set(kr, log);
    }
    const owners = new Map<string, Set<string>>();
    for (const o of objectives) {
      if (!o.owner) continue;
      const team = o.team.toLowerCase();
      (owners.get(team) ?? owners.set(team, new Set()).get(team)!).add(o.owner.toLowerCase());
    }
    const locked = input.locks.get(label) ?? (label === settings.quarter ? settings.lockDate : undefined);
    const quarter: QuarterData = {
      label,
      start: dates.start,
      end: dates.end,
      objectives,
      krs,
      logs,
      scores,
      locked,
      carried: new Map(),
      owners,
    };
    // Carried: "← O-3 (2026-Q3)" in Notes (Start next quarter writes it), or the same title in the
    // same team the quarter before (carried by hand).
    const previous = data[data.length - 1];
    const previousTitles = new Map<string, OkrRow>();
    for (const o of previous?.objectives ?? [])
      previousTitles.set(`${o.team.toLowerCase()}|${normalize(o.title)}`, o);
    for (const o of objectives) {
      const note = CARRY_NOTE.exec(o.notes);
      const from = note ? objectiveById.get(note[1]!.toLowerCase()) : undefined;
      const source =
        from && from.data === previous
          ? from.row
          : previousTitles.get(`${o.team.toLowerCase()}|${normalize(o.title)}`);
      if (source && previous) quarter.carried.set(o, (previous.carried.get(source) ?? 0) + 1);
    }
    for (const o of objectives) if (o.id) objectiveById.set(o.id.toLowerCase(), { row: o, data: quarter });
    data.push(quarter);
  }

  // KPIs moved out of OKRs: counted in the quarter of their key result's check-ins, else the current one.
  const origins = new Set(input.kpis.map((k) => k.origin.trim().toLowerCase()).filter(Boolean));
  const lastCheckin = new Map<string, Day>();
  for (const c of input.checkins) {
    const id = c.krId.toLowerCase();
    if (c.date !== undefined && origins.has(id) && c.date >= (lastCheckin.get(id) ?? -Infinity))
      lastCheckin.set(id, c.date);
  }
  const moved = new Map<string, KpiRow[]>();
  for (const kpi of input.kpis) {
    const origin = kpi.origin.trim().toLowerCase();
    if (!origin) continue;
    const day = lastCheckin.get(origin);
    const quarter =
      (day === undefined ? undefined : data.find((q) => day >= q.start && day <= q.end)?.label) ??
      settings.quarter;
    (moved.get(quarter) ?? moved.set(quarter, []).get(quarter)!).push(kpi);
  }

  const teams = [
    ...new Set(data.flatMap((q) => [...q.objectives, ...q.krs].map((r) => r.team.trim()).filter(Boolean))),
  ].sort((a, b) => a.localeCompare(b));
  const teamKeys = new Map<string, string>();
  for (const team of teams) if (!teamKeys.has(team.toLowerCase())) teamKeys.set(team.toLowerCase(), team);
  const shownTeams = [...teamKeys.values()];

  const byTeam: TeamHealth[] = ["", ...shownTeams].map((team) => {
    const inTeam = (r: { team: string }) => team === "" || r.team.trim().toLowerCase() === team.toLowerCase();
    const quarters = data.map((q, index): QuarterHealth => {
      const gap = q.objectives.length === 0 && q.krs.length === 0;
      const scope = {
        objectives: q.objectives.filter(inTeam),
        krs: q.krs.filter(inTeam),
        moved: (moved.get(q.label) ?? []).filter(inTeam).length,
      };
      const signals = {} as Record<Signal, SignalValue>;
      for (const signal of SIGNALS) {
        const measured = gap
          ? { value: undefined, detail: {} }
          : measure(signal, q, scope, index, data, settings, today);
        const value = measured.value;
        signals[signal] = {
          value,
          detail: measured.detail,
          band: value === undefined ? undefined : healthBand(signal, value, thresholds[signal]),
          trend: undefined,
        };
      }
      return { quarter: q.label, gap, locked: q.locked, signals };
    });
    for (const signal of SIGNALS) {
      let before: number | undefined;
      for (const q of quarters) {
        const s = q.signals[signal];
        if (s.value === undefined) continue;
        if (before !== undefined)
          s.trend = Math.abs(s.value - before) < TREND_STEP ? "steady" : s.value > before ? "up" : "down";
        before = s.value;
      }
    }
    return { team, quarters };
  });

  return { quarters: labels, teams: shownTeams, byTeam, thresholds, findings: findingsOf(byTeam, data) };
}

interface Scope {
  objectives: OkrRow[];
  krs: OkrRow[];
  moved: number;
}

const share = (part: number, whole: number) => (whole > 0 ? part / whole : undefined);

/**
 * Each key result's wording, read once per run: every key result is measured for all teams and
 * for its own, by two signals (the wording rules are most of the time at 24,000 key results).
 */
const wordings = new WeakMap<OkrRow, { kpi: boolean; outcome: boolean }>();
function wordingOf(kr: OkrRow): { kpi: boolean; outcome: boolean } {
  let known = wordings.get(kr);
  if (!known) {
    const kpi = kpiLikeWords(kr) !== undefined;
    known = { kpi, outcome: !kpi && outputNotOutcomeWords(kr) === undefined && !isNotMeasurable(kr) };
    wordings.set(kr, known);
  }
  return known;
}

/** One signal of one quarter over a scope (a team or all of them). */
function measure(
  signal: Signal,
  q: QuarterData,
  scope: Scope,
  index: number,
  data: readonly QuarterData[],
  settings: Settings,
  today: Day,
): { value: number | undefined; detail: Record<string, number> } {
  const { objectives, krs } = scope;
  switch (signal) {
    case "focus": {
      // An objective is in focus when it is among its team's first `max` and has 1 to `max` key results.
      const krCount = new Map<string, number>();
      for (const kr of krs) krCount.set(kr.parent, (krCount.get(kr.parent) ?? 0) + 1);
      const seen = new Map<string, number>();
      let focused = 0;
      let maxKrs = 0;
      for (const o of objectives) {
        const team = o.team.toLowerCase();
        const rank = (seen.get(team) ?? 0) + 1;
        seen.set(team, rank);
        const n = krCount.get(o.id) ?? 0;
        maxKrs = Math.max(maxKrs, n);
        if (rank <= settings.maxObjectivesPerTeam && n >= 1 && n <= settings.maxKrsPerObjective) focused++;
      }
      return {
        value: share(focused, objectives.length),
        detail: {
          focused,
          objectives: objectives.length,
          maxObjectives: Math.max(0, ...seen.values()),
          objectiveLimit: settings.maxObjectivesPerTeam,
          maxKrs,
          krLimit: settings.maxKrsPerObjective,
        },
      };
    }
    case "outcomeShare": {
      const outcomes = krs.filter((kr) => wordingOf(kr).outcome).length;
      return { value: share(outcomes, krs.length), detail: { outcomes, krs: krs.length } };
    }
    case "kpiLeakage": {
      const kpiLike = krs.filter((kr) => wordingOf(kr).kpi).length;
      return { value: share(kpiLike, krs.length), detail: { kpiLike, krs: krs.length, moved: scope.moved } };
    }
    case "regularity": {
      const last = Math.min(today, q.end);
      const weeks = last < q.start ? 0 : Math.floor((last - q.start) / 7) + 1;
      const with_ = new Set<number>();
      for (const kr of krs) {
        for (const c of q.logs.get(kr) ?? []) {
          const d = c.date as number;
          if (d >= q.start && d <= last) with_.add(Math.floor((d - q.start) / 7));
        }
      }
      return {
        value: krs.length ? share(with_.size, weeks) : undefined,
        detail: { weeks: with_.size, of: weeks },
      };
    }
    case "rush": {
      // Measured once the quarter is over: progress (score points) made in its last two weeks, over all progress.
      if (today <= q.end) return { value: undefined, detail: { open: 1 } };
      const cutoff = q.end - RUSH_DAYS;
      let total = 0;
      let late = 0;
      for (const kr of krs) {
        const log = q.logs.get(kr) ?? [];
        const scoreOf = (value: number | undefined) => rowKrScore({ ...kr, current: value }) ?? 0;
        const final = scoreOf(log.length ? log[log.length - 1]!.value : kr.current);
        let before: CheckinRow | undefined;
        for (const c of log) if ((c.date as number) <= cutoff) before = c;
        total += final;
        late += Math.max(0, final - (before ? scoreOf(before.value) : 0));
      }
      return { value: total > 0 ? Math.min(1, late / total) : undefined, detail: { late, total } };
    }
    case "churn": {
      if (q.locked === undefined) return { value: undefined, detail: { locked: 0 } };
      const lock = q.locked;
      const rows = [...objectives, ...krs];
      const added = rows.filter((r) => r.created === undefined || r.created > lock).length;
      return { value: share(added, rows.length), detail: { added, rows: rows.length, locked: 1 } };
    }
    case "continuity": {
      const owned = objectives.filter((o) => o.owner);
      const krsOf = new Map<string, OkrRow[]>();
      for (const kr of krs) (krsOf.get(kr.parent) ?? krsOf.set(kr.parent, []).get(kr.parent)!).push(kr);
      const checkedIn = owned.filter((o) =>
        (krsOf.get(o.id) ?? []).some((kr) =>
          (q.logs.get(kr) ?? []).some((c) => samePerson(c.author, o.owner)),
        ),
      ).length;
      const previous = index > 0 ? data[index - 1] : undefined;
      const repeated = previous
        ? owned.filter((o) => previous.owners.get(o.team.toLowerCase())?.has(o.owner.toLowerCase())).length
        : 0;
      return {
        value: share(checkedIn, owned.length),
        detail: { checkedIn, objectives: owned.length, repeated },
      };
    }
    case "outcomes": {
      const scored = objectives.map((o) => q.scores.get(o.row)).filter((s): s is number => s !== undefined);
      const committed = objectives.filter((o) => o.kind === "committed");
      const aspirational = objectives.filter((o) => o.kind === "aspirational");
      const at = (list: OkrRow[], floor: number) =>
        list.filter((o) => (q.scores.get(o.row) ?? -1) >= floor - 1e-9).length;
      return {
        value: scored.length ? scored.reduce((a, b) => a + b, 0) / scored.length : undefined,
        detail: {
          scored: scored.length,
          committedDone: at(committed, 1),
          committed: committed.length,
          aspirationalMet: at(aspirational, 0.7),
          aspirational: aspirational.length,
        },
      };
    }
    case "carryOver": {
      const carried = objectives.filter((o) => q.carried.has(o));
      const again = carried.filter((o) => (q.carried.get(o) ?? 0) >= 2).length;
      return {
        value: index === 0 ? undefined : share(carried.length, objectives.length),
        detail: { carried: carried.length, objectives: objectives.length, again },
      };
    }
  }
}

/**
 * A check-in's author is the objective's owner: the same name, or an address whose first part
 * names them ("ada.martin@…" for "Ada" or "Ada Martin").
 */
export function samePerson(author: string, owner: string): boolean {
  const a = author.trim().toLowerCase();
  const o = owner.trim().toLowerCase();
  if (!a || !o) return false;
  if (a === o) return true;
  const local = a
    .split("@")[0]!
    .split(/[._+-]/)
    .filter(Boolean);
  const words = o.split(/\s+/).filter(Boolean);
  return words.length > 0 && words.every((w, i) => normalize(local[i]) === normalize(w));
}

/** The findings: gaps, quarters without a lock date, each signal's latest move, and objectives carried again and again. */
function findingsOf(byTeam: readonly TeamHealth[], data: readonly QuarterData[]): HealthFinding[] {
  const findings: HealthFinding[] = [];
  const all = byTeam[0]!;
  for (const q of all.quarters) if (q.gap) findings.push({ kind: "gap", quarter: q.quarter });
  for (const signal of SIGNALS) {
    const measured = all.quarters.filter((q) => q.signals[signal].value !== undefined);
    const last = measured[measured.length - 1];
    if (!last) continue;
    const before = measured[measured.length - 2];
    const rank = (b: HealthBand | undefined) => (b === "green" ? 2 : b === "yellow" ? 1 : 0);
    const to = last.signals[signal];
    const from = before?.signals[signal];
    const kind =
      from && rank(to.band) < rank(from.band)
        ? "worse"
        : from && rank(to.band) > rank(from.band)
          ? "better"
          : to.band === "red"
            ? "below"
            : undefined;
    if (kind)
      findings.push({
        kind,
        signal,
        team: "",
        from: before?.quarter,
        to: last.quarter,
        fromValue: from,
        toValue: to,
      });
  }
  // The same objective carried three quarters in a row (carried twice) or more: its latest row.
  const longest = new Map<string, { row: OkrRow; times: number }>();
  for (const q of data) {
    for (const [o, times] of q.carried) {
      if (times < 2) continue;
      const key = `${o.team.toLowerCase()}|${normalize(o.title)}`;
      const known = longest.get(key);
      if (!known || times >= known.times) longest.set(key, { row: o, times });
    }
  }
  for (const { row, times } of longest.values())
    findings.push({
      kind: "carried",
      team: row.team,
      title: row.title,
      quarters: times + 1,
      okrRow: row.row,
    });
  const unlocked = data
    .filter((q) => (q.objectives.length > 0 || q.krs.length > 0) && q.locked === undefined)
    .map((q) => q.label);
  if (unlocked.length) findings.push({ kind: "noLock", quarters: unlocked });
  return findings;
}
