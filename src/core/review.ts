/**
 * The quarterly review, as data: a pure function of the parsed sheets, so every number in the
 * generated sheet is tested against a hand-computed fixture. The insights are named after the
 * lessons from the field: focus, KPIs and outputs, check-in regularity, the end-of-quarter rush,
 * mid-quarter additions and owner rotation.
 */
import type { Day } from "./dates";
import type { CheckinRow, OkrRow } from "./parse";
import { kpiLikeWords, outputNotOutcomeWords } from "./rules/wording";
import { ruleContext, RULES } from "./rules";
import { paceStatus, type Status } from "./pace";
import { type QuarterScores, rowKrScore, scoreQuarter } from "./quarter-scores";
import { canonicalQuarter, parseQuarter } from "./quarters";
import { quarterRank, reviewQuarterOf, reviewQuarters, reviewSettings } from "./review-quarters";
import { band, type Band, meanScore, needsExplanation } from "./scoring";
import type { Settings } from "./settings";
import { userError } from "./user-error";
import type { Analysis } from "./analyze";
import type { Lang } from "./i18n";

export interface ReviewRow {
  type: "objective" | "kr";
  id: string;
  title: string;
  team: string;
  owner: string;
  level: string;
  kind: string;
  unit: string;
  baseline: number | undefined;
  target: number | undefined;
  /** The final value: the latest check-in, else Current. */
  final: number | undefined;
  score: number | undefined;
  band: Band | undefined;
  status: Status;
  checkins: number;
  lastCheckIn: Day | undefined;
  needsExplanation: boolean;
}

export interface Insights {
  focus: {
    teams: number;
    teamsOverLimit: number;
    maxObjectives: number;
    objectiveLimit: number;
    maxKrs: number;
    krLimit: number;
  };
  kpiLike: number;
  outputs: number;
  /** Weeks of the quarter (so far) with at least one check-in, out of its weeks. */
  regularity: { weeksWithCheckin: number; weeks: number };
  /** Share of the quarter's progress made in its last two weeks; undefined without progress. */
  rush: number | undefined;
  midQuarter: number;
  ownerRotation: { repeated: number; owners: number };
}

export interface Review {
  quarter: string;
  /** '' for all teams. */
  team: string;
  generated: Day;
  overall: number | undefined;
  /** Key results by band of their score, and those without a score. */
  distribution: Record<Band | "none", number>;
  rows: ReviewRow[];
  insights: Insights;
  /** The objectives' scores, for the chart. */
  chart: { label: string; score: number }[];
}

const RUSH_DAYS = 14;

/** The rows a review reads: a spreadsheet's own, or a company's with its teams' (core/rollup.ts). */
type ReviewRows = Pick<Analysis, "okrs" | "checkins" | "scores">;

/**
 * The review a request asks for: of its quarter (the current one when it names none; refused, in
 * the user's language, when the dialog would not offer it), for one team, or for all of them with,
 * in a company spreadsheet, the rolled-up teams' rows (`company`, read only then).
 */
export function requestedReview(
  userLang: Lang,
  analysis: ReviewRows & Pick<Analysis, "settings">,
  asked: { team: string; quarter: string | undefined; locks: ReadonlyMap<string, Day>; today: Day },
  company: () => ReviewRows | undefined,
): Review {
  const current = analysis.settings.quarter;
  const quarter = reviewQuarterOf(asked.quarter, reviewQuarters(analysis.okrs, current));
  if (quarter === undefined)
    throw userError(userLang, "review.unknownQuarter", { quarter: asked.quarter ?? "" });
  const rows = (asked.team ? undefined : company()) ?? analysis;
  return buildReview({
    okrs: rows.okrs,
    checkins: rows.checkins,
    scores: rows.scores,
    settings: analysis.settings,
    today: asked.today,
    team: asked.team,
    // Another quarter's lock date is in the history (Settings keeps the current one's only).
    ...(quarter === current ? {} : { quarter, locks: asked.locks }),
  });
}

/**
 * Builds the review of a quarter for one team or all of them: the current quarter (Settings) with
 * `scores`, or `quarter`, another one, scored here on its own dates. A quarter that has ended is
 * judged as it ended: its rows' final values, its own check-ins, statuses at the end of the quarter.
 * `locks`: each quarter's plan lock date (the history), for another quarter's mid-quarter count.
 *
 * @example
 * buildReview({ okrs, checkins, scores, settings, today, team: "" }).overall //=> 0.5
 * buildReview({ okrs, checkins, scores, settings, today, team: "", quarter: "2026-Q3" }).quarter //=> "2026-Q3"
 */
export function buildReview(input: {
  okrs: readonly OkrRow[];
  checkins: readonly CheckinRow[];
  scores: QuarterScores;
  settings: Settings;
  today: Day;
  team: string;
  quarter?: string;
  locks?: ReadonlyMap<string, Day>;
}): Review {
  const { today } = input;
  const asked = input.quarter === undefined ? undefined : canonicalQuarter(input.quarter);
  const other = asked !== undefined && asked !== input.settings.quarter;
  const settings = other ? reviewSettings(input.settings, asked, input.locks ?? new Map()) : input.settings;
  const scores = other
    ? scoreQuarter(
        input.okrs.filter((r) => r.quarter === settings.quarter),
        {
          start: settings.quarterStart,
          end: settings.quarterEnd,
          today,
          onTrack: settings.onTrack,
          atRisk: settings.atRisk,
        },
      )
    : input.scores;
  // A closed quarter is judged on what came before it: later quarters (their owners) are not its.
  const reviewed = parseQuarter(settings.quarter);
  const history =
    other && reviewed
      ? input.okrs.filter((r) => {
          const q = parseQuarter(r.quarter);
          return !q || quarterRank(q) <= quarterRank(reviewed);
        })
      : input.okrs;
  const team = input.team.trim();
  const inTeam = (r: OkrRow) => !team || r.team.toLowerCase() === team.toLowerCase();
  const quarterRows = input.okrs.filter((r) => r.quarter === settings.quarter);
  const scope = quarterRows.filter(
    (r) => inTeam(r) && (team === "" || r.type === "kr" || r.level !== "company"),
  );
  const objectives = scope.filter((r) => r.type === "objective");
  const krs = scope.filter((r) => r.type === "kr");
  const krIds = new Set(krs.map((r) => r.id.toLowerCase()));
  const logByKr = new Map<string, CheckinRow[]>();
  for (const c of input.checkins) {
    const key = c.krId.toLowerCase();
    if (!krIds.has(key) || c.date === undefined || c.value === undefined) continue;
    const log = logByKr.get(key);
    if (log) log.push(c);
    else logByKr.set(key, [c]);
  }
  for (const list of logByKr.values())
    list.sort((a, b) => (a.date as number) - (b.date as number) || a.row - b.row);

  const clock = { start: settings.quarterStart, end: settings.quarterEnd, today };
  const reviewRow = (r: OkrRow): ReviewRow => {
    const log = logByKr.get(r.id.toLowerCase()) ?? [];
    const score = scores.byRow.get(r.row)?.score;
    return {
      type: r.type === "objective" ? "objective" : "kr",
      id: r.id,
      title: r.title,
      team: r.team,
      owner: r.owner,
      level: r.level ?? "",
      kind: r.kind ?? "",
      unit: r.unit,
      baseline: r.baseline,
      target: r.target,
      final: r.type === "kr" ? (log.length ? log[log.length - 1]!.value : r.current) : undefined,
      score,
      band: score === undefined ? undefined : band(score),
      status: paceStatus(score, clock, settings),
      checkins: log.length,
      lastCheckIn: log.length ? log[log.length - 1]!.date : r.lastCheckIn,
      needsExplanation: r.type === "objective" && needsExplanation(r.kind, score),
    };
  };
  // Objectives in sheet order, each followed by its key results; orphans last.
  const krsByParent = byParent(krs);
  const rows: ReviewRow[] = [];
  const placed = new Set<OkrRow>();
  for (const o of objectives) {
    rows.push(reviewRow(o));
    for (const kr of krsByParent.get(o.id) ?? []) {
      rows.push(reviewRow(kr));
      placed.add(kr);
    }
  }
  for (const kr of krs) if (!placed.has(kr)) rows.push(reviewRow(kr));

  const distribution: Review["distribution"] = { red: 0, yellow: 0, green: 0, none: 0 };
  for (const row of rows) if (row.type === "kr") distribution[row.band ?? "none"]++;

  const overall =
    team === "" ? scores.company : meanScore(objectives.map((o) => scores.byRow.get(o.row)?.score));
  return {
    quarter: settings.quarter,
    team,
    generated: today,
    overall,
    distribution,
    rows,
    insights: insights({
      all: history,
      quarterRows,
      objectives,
      krs,
      krsByParent,
      logByKr,
      settings,
      today,
      inTeam,
    }),
    chart: rows
      .filter((r) => r.type === "objective" && r.score !== undefined)
      .map((r) => ({ label: r.title || r.id, score: r.score as number })),
  };
}

/**
 * Key results by their Parent, in sheet order: one pass instead of a filter per objective
 * (5,000 key results under 1,700 objectives made that 8.5 million comparisons).
 */
function byParent(krs: readonly OkrRow[]): Map<string, OkrRow[]> {
  const map = new Map<string, OkrRow[]>();
  for (const kr of krs) {
    const list = map.get(kr.parent);
    if (list) list.push(kr);
    else map.set(kr.parent, [kr]);
  }
  return map;
}

function insights(x: {
  all: readonly OkrRow[];
  quarterRows: readonly OkrRow[];
  objectives: readonly OkrRow[];
  krs: readonly OkrRow[];
  krsByParent: ReadonlyMap<string, readonly OkrRow[]>;
  logByKr: Map<string, CheckinRow[]>;
  settings: Settings;
  today: Day;
  inTeam: (r: OkrRow) => boolean;
}): Insights {
  const { settings, today } = x;
  const perTeam = new Map<string, number>();
  for (const o of x.objectives)
    perTeam.set(o.team.toLowerCase(), (perTeam.get(o.team.toLowerCase()) ?? 0) + 1);
  const perObjective = x.objectives.map((o) => x.krsByParent.get(o.id)?.length ?? 0);

  // Check-in regularity: the quarter's weeks so far, and those with at least one check-in.
  const last = Math.min(today, settings.quarterEnd);
  const weeks = last < settings.quarterStart ? 0 : Math.floor((last - settings.quarterStart) / 7) + 1;
  const weeksWith = new Set<number>();
  for (const log of x.logByKr.values()) {
    for (const c of log) {
      const d = c.date as number;
      if (d >= settings.quarterStart && d <= last) weeksWith.add(Math.floor((d - settings.quarterStart) / 7));
    }
  }

  // The rush: progress (in score points) made after the last two weeks began, over all progress.
  const cutoff = settings.quarterEnd - RUSH_DAYS;
  let total = 0;
  let late = 0;
  for (const kr of x.krs) {
    const log = x.logByKr.get(kr.id.toLowerCase()) ?? [];
    const finalValue = log.length ? log[log.length - 1]!.value : kr.current;
    const before = [...log].reverse().find((c) => (c.date as number) <= cutoff);
    const scoreOf = (value: number | undefined) => rowKrScore({ ...kr, current: value }) ?? 0;
    const finalScore = scoreOf(finalValue);
    const cutoffScore = before ? scoreOf(before.value) : 0;
    total += finalScore;
    late += Math.max(0, finalScore - cutoffScore);
  }

  // The same rules as validation, counted in scope.
  const ctx = ruleContext({ okrs: x.all, settings, today });
  const inScopeRows = new Set([...x.objectives, ...x.krs].map((r) => r.row));
  const count = (rule: keyof typeof RULES) =>
    new Set(
      RULES[rule](ctx)
        .filter((f) => f.row !== undefined && inScopeRows.has(f.row))
        .map((f) => f.row),
    ).size;

  return {
    focus: {
      teams: perTeam.size,
      teamsOverLimit: [...perTeam.values()].filter((n) => n > settings.maxObjectivesPerTeam).length,
      maxObjectives: Math.max(0, ...perTeam.values()),
      objectiveLimit: settings.maxObjectivesPerTeam,
      maxKrs: Math.max(0, ...perObjective),
      krLimit: settings.maxKrsPerObjective,
    },
    kpiLike: x.krs.filter((k) => kpiLikeWords(k) !== undefined).length,
    outputs: x.krs.filter((k) => outputNotOutcomeWords(k) !== undefined).length,
    regularity: { weeksWithCheckin: weeksWith.size, weeks },
    rush: total > 0 ? Math.min(1, late / total) : undefined,
    midQuarter: count("addedMidQuarter"),
    ownerRotation: {
      repeated: count("ownerRepeated"),
      owners: new Set(x.objectives.map((o) => o.owner.toLowerCase()).filter(Boolean)).size,
    },
  };
}
