/**
 * The practice-health signals: each one measured over one quarter and one scope (all teams or
 * one), as a share from 0 to 1 (the average score for "outcomes") and the counts behind it.
 */
import type { Day } from "./dates";
import type { CheckinRow, OkrRow } from "./parse";
import { isNotMeasurable, kpiLikeWords, outputNotOutcomeWords } from "./rules/wording";
import { rowKrScore } from "./quarter-scores";
import type { Settings } from "./settings";
import { normalize } from "./text";
import type { Signal } from "./health-settings";
import type { QuarterData } from "./health-model";

/** The end-of-quarter rush: the quarter's last two weeks. */
const RUSH_DAYS = 14;

export interface Scope {
  objectives: OkrRow[];
  krs: OkrRow[];
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
export function measure(
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
      return { value: share(kpiLike, krs.length), detail: { kpiLike, krs: krs.length } };
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
      const isAdded = (r: OkrRow) => r.created === undefined || r.created > lock;
      const added = objectives.filter(isAdded).length + krs.filter(isAdded).length;
      const rows = objectives.length + krs.length;
      return { value: share(added, rows), detail: { added, rows, locked: 1 } };
    }
    case "continuity": {
      const owned = objectives.filter((o) => o.owner);
      const krsOf = new Map<string, OkrRow[]>();
      for (const kr of krs) (krsOf.get(kr.parent) ?? krsOf.set(kr.parent, []).get(kr.parent)!).push(kr);
      // A quarter's log names few people: each author–owner pair is compared once.
      const same = new Map<string, boolean>();
      const isOwner = (author: string, owner: string) => {
        const key = `${author}\u0000${owner}`;
        let known = same.get(key);
        if (known === undefined) same.set(key, (known = samePerson(author, owner)));
        return known;
      };
      const checkedIn = owned.filter((o) =>
        (krsOf.get(o.id) ?? []).some((kr) => (q.logs.get(kr) ?? []).some((c) => isOwner(c.author, o.owner))),
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
 * names them ("ada.martin@…" for "Ada" or "Ada Martin"; "jean-pierre.dupont@…" for "Jean-Pierre
 * Dupont": a compound name is split where the address splits it).
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
  const words = o.split(/[\s._+-]+/).filter(Boolean);
  return words.length > 0 && words.every((w, i) => normalize(local[i]) === normalize(w));
}
