/**
 * Realistic generated OKR data for tests and the benchmark: several teams, objectives with three
 * key results each, a mix of good and flawed wording, check-ins every week.
 */
import { CHECKINS, OKRS } from "../src/core/schema";

export type Spec = Record<string, string | number | Date>;

const TEAMS = ["Sales", "Product", "Ops", "Marketing", "Support", "Finance", "People", "Data"];
const GOOD = [
  "Grow weekly bookings from {a} to {b}",
  "Cut onboarding time from {b} to {a} minutes",
  "Raise NPS from {a} to {b}",
];
const FLAWED = ["Launch the partner portal", "Keep churn below {a}%", "Improve customer happiness"];

/**
 * `krs` key results in a quarter: one company objective, then team objectives of three key results
 * each, spread over teams. Every tenth key result is worded badly, so validation has work to do.
 */
export function generateOkrs(krs: number, quarter = "2026-Q4"): Spec[] {
  const rows: Spec[] = [
    {
      quarter,
      id: "O-0",
      type: "Objective",
      level: "Company",
      team: "Company",
      title: "Become the app drivers love",
      owner: "Maxime",
      kind: "Aspirational",
      created: "2026-10-01",
    },
  ];
  let objective = 0;
  for (let k = 0; k < krs; k++) {
    if (k % 3 === 0) {
      objective++;
      const team = TEAMS[objective % TEAMS.length]!;
      rows.push({
        quarter,
        id: `O-${objective}`,
        type: "Objective",
        level: "Team",
        team,
        parent: "O-0",
        title: `Delight our ${team.toLowerCase()} customers`,
        owner: `Owner ${objective % 11}`,
        kind: objective % 2 ? "Aspirational" : "Committed",
        created: "2026-10-01",
      });
    }
    const a = 10 + (k % 50);
    const b = a * 2;
    const flawed = k % 10 === 9;
    const title = (flawed ? FLAWED[k % 3]! : GOOD[k % 3]!)
      .replace("{a}", String(a))
      .replace("{b}", String(b));
    const decreasing = !flawed && k % 3 === 1;
    rows.push({
      quarter,
      id: `KR-${k + 1}`,
      type: "Key result",
      team: TEAMS[objective % TEAMS.length]!,
      parent: `O-${objective}`,
      title,
      metric: decreasing ? "Decrease" : "Increase",
      baseline: decreasing ? b : a,
      target: decreasing ? a : b,
      current: decreasing ? b - (k % 7) : a + (k % 13),
      weight: 1 + (k % 2),
      confidence: k % 11,
      lastCheckIn: "2026-11-09",
      created: k % 17 === 0 ? "2026-11-02" : "2026-10-01",
    });
  }
  return rows;
}

/** Weekly check-ins for the first `krs` key results over `weeks` weeks from 2026-10-05. */
export function generateCheckins(krs: number, weeks = 6): Spec[] {
  const rows: Spec[] = [];
  for (let w = 0; w < weeks; w++) {
    const date = new Date(Date.UTC(2026, 9, 5 + 7 * w, 12));
    const iso = date.toISOString().slice(0, 10);
    for (let k = 0; k < krs; k++)
      rows.push({
        date: iso,
        krId: `KR-${k + 1}`,
        value: 10 + w + (k % 5),
        confidence: 5 + (w % 5),
        comment: w % 2 ? "" : "on it",
        author: "ada@example.com",
      });
  }
  return rows;
}

/** Rows as a grid under the schema's English headers. */
export function asGrid(
  columns: readonly { key: string; header: { en: string } }[],
  rows: Spec[],
): unknown[][] {
  return [columns.map((c) => c.header.en), ...rows.map((row) => columns.map((c) => row[c.key] ?? ""))];
}

export const okrGridOf = (rows: Spec[]) => asGrid(OKRS.columns, rows);
export const checkinGridOf = (rows: Spec[]) => asGrid(CHECKINS.columns, rows);
