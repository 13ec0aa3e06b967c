/**
 * The practice-health findings: the quarters left empty or never locked, each signal's latest
 * move between bands, and the objectives carried again and again.
 */
import type { HealthBand, HealthFinding, QuarterData, TeamHealth } from "./health-model";
import { SIGNALS } from "./health-settings";
import type { OkrRow } from "./parse";
import { normalize } from "./text";

/** The findings: gaps, quarters without a lock date, each signal's latest move, and objectives carried again and again. */
export function findingsOf(byTeam: readonly TeamHealth[], data: readonly QuarterData[]): HealthFinding[] {
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
