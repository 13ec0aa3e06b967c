/**
 * The company roll-up across team spreadsheets: each company objective of the quarter scored from
 * the team objectives whose Parent names it, the cross-team problems Validate reports, and the
 * company's rows merged with its teams' for the quarterly review. The teams come from their import
 * sheets (src/core/rollup-import.ts); nothing here reads a sheet.
 */
import type { RawCell } from "./cells";
import type { Day } from "./dates";
import { defaultIdPrefix, prefixOf, qualifiedId } from "./identity";
import { type PaceThresholds, paceStatus, type Status } from "./pace";
import { type CheckinRow, parseOkrs, type OkrRow } from "./parse";
import { type QuarterScores, scoreQuarter } from "./quarter-scores";
import { canonicalQuarter, type QuarterDates } from "./quarters";
import type { TeamImport } from "./rollup-import";
import { band, type Band } from "./scoring";
import { quarterDatesOf, type Settings } from "./settings";

export interface RollupInput {
  /** The company spreadsheet's OKRs grid (header row included). */
  companyOkrs: RawCell[][];
  /** The company spreadsheet's ID prefix (Settings), "" for none. */
  companyPrefix: string;
  quarter: string;
  dates: QuarterDates;
  asOf: Day;
  thresholds: PaceThresholds;
  teams: TeamImport[];
  timeZone: string;
}

export interface CompanyObjective {
  id: string;
  title: string;
  /** Teams with at least one objective of the quarter under it. */
  teams: string[];
  /** Mean of the team objectives' scores; undefined when none has a score. */
  score: number | undefined;
  band: Band | undefined;
  status: Status | undefined;
  /** Team objectives under it without a score: left out of the mean, and said. */
  unscored: number;
  lastCheckIn: Day | undefined;
}

/** A cross-team problem Validate reports: which team, which row, what. */
export interface RollupProblem {
  code: "rollup-unknown-parent" | "rollup-team-parent" | "rollup-unserved" | "rollup-too-many";
  team: string;
  id: string;
  params: Record<string, string | number>;
}

export interface Rollup {
  objectives: CompanyObjective[];
  /** Per team: objectives of the quarter, and how many of them serve a company objective. */
  teams: { team: TeamImport; objectives: number; aligned: number }[];
  problems: RollupProblem[];
}

const isObjective = (r: OkrRow) => r.type === "objective";

/** The roll-up's input from the company's Settings: its quarter, dates, thresholds and ID prefix. */
export function rollupInput(
  settings: Settings,
  companyOkrs: RawCell[][],
  teams: TeamImport[],
  asOf: Day,
  timeZone: string,
): RollupInput {
  return {
    companyOkrs,
    companyPrefix: settings.idPrefix,
    quarter: settings.quarter,
    dates: quarterDatesOf(settings, settings.quarter)!,
    asOf,
    thresholds: { onTrack: settings.onTrack, atRisk: settings.atRisk },
    teams,
    timeZone,
  };
}

/**
 * Scores each company objective of the quarter from the team objectives whose Parent names it,
 * and lists cross-team problems. Teams that are not connected contribute nothing and are listed.
 */
export function rollUp(input: RollupInput, maxObjectives: number): Rollup {
  const quarter = canonicalQuarter(input.quarter) ?? input.quarter;
  const company = parseOkrs(input.companyOkrs, input.timeZone).items.filter(
    (r) => isObjective(r) && r.quarter === quarter && r.level === "company",
  );
  const byId = new Map<
    string,
    { row: OkrRow; scores: (number | undefined)[]; teams: Set<string>; last?: Day }
  >();
  for (const row of company) {
    byId.set(qualifiedId(row.id, input.companyPrefix), { row, scores: [], teams: new Set() });
  }
  const teamIds = new Map<string, string>();
  for (const team of input.teams) {
    for (const row of team.okrs)
      if (isObjective(row)) teamIds.set(qualifiedId(row.id, prefixOfTeam(team)), team.name);
  }
  const problems: RollupProblem[] = [];
  const teams: Rollup["teams"] = [];
  let companyWide = 0;
  for (const team of input.teams) {
    const prefix = prefixOfTeam(team);
    const mine = team.okrs.filter((r) => r.quarter === quarter);
    const objectives = mine.filter((r) => isObjective(r) && r.level !== "company");
    const krsOf = new Map<string, OkrRow[]>();
    for (const kr of mine) {
      if (kr.type !== "kr") continue;
      const key = kr.parent.trim().toUpperCase();
      krsOf.set(key, [...(krsOf.get(key) ?? []), kr]);
    }
    let aligned = 0;
    for (const objective of objectives) {
      companyWide++;
      const parent = objective.parent.trim();
      if (parent === "") continue;
      const target = byId.get(parent.toUpperCase()) ?? byId.get(qualifiedId(parent, input.companyPrefix));
      if (!target) {
        const other = teamIds.get(qualifiedId(parent, prefix));
        problems.push({
          code: other && other !== team.name ? "rollup-team-parent" : "rollup-unknown-parent",
          team: team.name,
          id: objective.id,
          params: { id: objective.id, team: team.name, parent, other: other ?? "" },
        });
        continue;
      }
      aligned++;
      target.teams.add(team.name);
      target.scores.push(team.scores.get(objective.row));
      for (const kr of krsOf.get(objective.id.trim().toUpperCase()) ?? []) {
        const days = [kr.lastCheckIn, team.lastCheckIns.get(kr.id.trim().toUpperCase())];
        for (const day of days)
          if (day !== undefined && (target.last === undefined || day > target.last)) target.last = day;
      }
    }
    teams.push({ team, objectives: objectives.length, aligned });
  }
  const objectives = company.map((row): CompanyObjective => {
    const entry = byId.get(qualifiedId(row.id, input.companyPrefix))!;
    const known = entry.scores.filter((s): s is number => s !== undefined);
    const score = known.length ? known.reduce((a, b) => a + b, 0) / known.length : undefined;
    if (entry.teams.size === 0)
      problems.push({
        code: "rollup-unserved",
        team: "",
        id: row.id,
        params: { id: row.id, title: row.title },
      });
    return {
      id: qualifiedId(row.id, input.companyPrefix),
      title: row.title,
      teams: [...entry.teams],
      score,
      band: score === undefined ? undefined : band(score),
      status:
        entry.teams.size === 0
          ? undefined
          : paceStatus(
              score,
              { start: input.dates.start, end: input.dates.end, today: input.asOf },
              input.thresholds,
            ),
      unscored: entry.scores.length - known.length,
      lastCheckIn: entry.last,
    };
  });
  const limit =
    maxObjectives * Math.max(1, teams.filter((t) => t.team.connection.state === "connected").length);
  if (companyWide > limit)
    problems.push({ code: "rollup-too-many", team: "", id: "", params: { count: companyWide, max: limit } });
  return { objectives, teams, problems };
}

/**
 * The company's rows of a quarter with every connected team's rows beside them, for the company's
 * quarterly review: team IDs qualified (SALES-KR-3) so that none collides, a team objective's
 * Parent pointing at the company's own row, team rows numbered after the company's (row numbers
 * key the scores; they are not cells of this spreadsheet). Teams not connected bring nothing.
 */
export function companyWithTeams(
  company: { okrs: readonly OkrRow[]; checkins: readonly CheckinRow[] },
  companyPrefix: string,
  teams: readonly TeamImport[],
): { okrs: OkrRow[]; checkins: CheckinRow[] } {
  const ownIds = new Map(company.okrs.map((r) => [qualifiedId(r.id, companyPrefix), r.id] as const));
  const okrs = [...company.okrs];
  const checkins = [...company.checkins];
  let next = Math.max(0, ...company.okrs.map((r) => r.row)) + 1;
  for (const team of teams) {
    if (team.connection.state !== "connected") continue;
    const prefix = prefixOfTeam(team);
    for (const row of team.okrs) {
      const parent =
        row.type === "objective"
          ? (ownIds.get(row.parent.trim().toUpperCase()) ??
            ownIds.get(qualifiedId(row.parent, companyPrefix)) ??
            "")
          : qualifiedId(row.parent, prefix);
      okrs.push({
        ...row,
        row: next++,
        id: qualifiedId(row.id, prefix),
        parent,
        team: row.team || team.name,
      });
    }
    for (const c of team.checkins) checkins.push({ ...c, row: next++, krId: qualifiedId(c.krId, prefix) });
  }
  return { okrs, checkins };
}

/**
 * The quarterly review of the whole company: the company's rows with its connected teams' (see
 * companyWithTeams), scored as the teams score them. Undefined when no team is connected.
 */
export function companyReview(
  company: { okrs: readonly OkrRow[]; checkins: readonly CheckinRow[]; settings: Settings },
  teams: readonly TeamImport[],
  today: Day,
): { okrs: OkrRow[]; checkins: CheckinRow[]; scores: QuarterScores } | undefined {
  const { settings } = company;
  const connected = teams.filter((team) => team.connection.state === "connected");
  if (connected.length === 0) return undefined;
  const merged = companyWithTeams(company, settings.idPrefix, connected);
  const scores = scoreQuarter(
    merged.okrs.filter((r) => r.quarter === settings.quarter),
    {
      start: settings.quarterStart,
      end: settings.quarterEnd,
      today,
      onTrack: settings.onTrack,
      atRisk: settings.atRisk,
    },
  );
  return { ...merged, scores };
}

/**
 * A team's ID prefix, as the company sees it: the prefix its IDs carry (SALES-O-3 → SALES), else
 * one made from its name in the Teams table ("Sales" → SALES).
 */
function prefixOfTeam(team: TeamImport): string {
  for (const row of team.okrs) {
    const prefix = prefixOf(row.id);
    if (prefix !== "") return prefix;
  }
  return defaultIdPrefix(team.name);
}
