/**
 * Practice health across quarters: whether a company's OKR habit is getting healthier. A pure
 * function of the parsed quarters, the check-in log and the lock history, giving
 * per quarter and per team the signals named after the lessons from the field (focus, outcomes not
 * outputs, KPIs apart, weekly check-ins, no end-of-quarter rush, no mid-quarter additions, owners
 * who follow their objectives, scores, carry-over), each with a band against its threshold and a
 * trend against the quarter before. A quarter without OKRs is a gap, never a zero.
 */
import type { CheckinRow, OkrRow } from "./parse";
import { nextQuarter, parseQuarter, quarterName } from "./quarters";
import { scoreQuarter } from "./quarter-scores";
import { quarterDatesOf } from "./settings";
import { normalize } from "./text";
import { SIGNALS, type Signal } from "./health-settings";
import { findingsOf } from "./health-findings";
import {
  type Health,
  healthBand,
  type HealthInput,
  MAX_QUARTERS,
  type QuarterData,
  type QuarterHealth,
  type SignalValue,
  type TeamHealth,
  TREND_STEP,
} from "./health-model";
import { measure } from "./health-signals";

export * from "./health-model";
export { samePerson } from "./health-signals";

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

const CARRY_NOTE = /←\s*([^\s(]+)\s*\(([^)]+)\)/;

/**
 * Builds the practice health of every quarter in the spreadsheet, for all teams and each team.
 *
 * @example
 * practiceHealth({ okrs, checkins, settings, locks, thresholds: HEALTH_DEFAULTS, today }).byTeam[0].quarters[3].signals.regularity.value //=> 5 / 13
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
    const scores = new Map<number, number | undefined>();
    for (const [row, s] of scored.byRow) scores.set(row, s.score);
    // Only the key results with check-ins have a log (most of an old quarter's have none).
    const logs = new Map<OkrRow, CheckinRow[]>();
    for (const kr of krs) {
      const log = logByKr.get(kr);
      if (log)
        logs.set(
          kr,
          log.filter((c) => (c.date as number) <= dates.end),
        );
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

  const teams = [
    ...new Set(data.flatMap((q) => [...q.objectives, ...q.krs].map((r) => r.team.trim()).filter(Boolean))),
  ].sort((a, b) => a.localeCompare(b));
  const teamKeys = new Map<string, string>();
  for (const team of teams) if (!teamKeys.has(team.toLowerCase())) teamKeys.set(team.toLowerCase(), team);
  const shownTeams = [...teamKeys.values()];

  // Each quarter's rows by team, grouped once: every team's scope is then a look-up, not a pass.
  const teamOf = (r: OkrRow) => r.team.trim().toLowerCase();
  const grouped = data.map((q) => ({
    objectives: groupBy(q.objectives, teamOf),
    krs: groupBy(q.krs, teamOf),
  }));
  const byTeam: TeamHealth[] = ["", ...shownTeams].map((team) => {
    const key = team.toLowerCase();
    const quarters = data.map((q, index): QuarterHealth => {
      const gap = q.objectives.length === 0 && q.krs.length === 0;
      const scope =
        team === ""
          ? { objectives: q.objectives, krs: q.krs }
          : {
              objectives: grouped[index]!.objectives.get(key) ?? [],
              krs: grouped[index]!.krs.get(key) ?? [],
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

function groupBy<T>(list: readonly T[], keyOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of list) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}
