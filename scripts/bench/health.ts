/**
 * The benchmark of OKR › Practice health: service calls and compute time at 1 quarter × 10 key
 * results and at 12 quarters × 2,000 key results (24,000 key results), through dist/Code.js in the
 * offline runtime, each run in a fresh vm context; the first run creates the sheet, the second
 * refreshes it in place.
 */
import { quartersGrids } from "../../dev/health-fixtures";
import { loadAddon } from "../../dev/loader";
import { resetServiceTime, serviceTime } from "./timed-calls";

export const HEALTH_NOW = "2026-11-20T09:00:00Z";
export const HEALTH_SIZES = [
  { quarters: 1, krs: 10 },
  { quarters: 12, krs: 2000 },
] as const;

export interface HealthRun {
  calls: number;
  byMethod: Record<string, number>;
  /** Medians in ms: the add-on's own work (wall − time inside the in-memory services), and wall. */
  compute: number;
  wall: number;
}

export interface HealthResult {
  quarters: number;
  krs: number;
  okrRows: number;
  first: HealthRun;
  refresh: HealthRun;
  runs: number;
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

export function measureHealth(
  code: string,
  files: Record<string, string>,
  quarters: number,
  krs: number,
  runs: number,
): HealthResult {
  const grids = quartersGrids(quarters, krs);
  const samples: { first: HealthRun; refresh: HealthRun }[] = [];
  for (let i = 0; i < runs; i++) {
    const options = {
      locale: "en",
      now: HEALTH_NOW,
      code,
      files,
      timeZone: "Europe/Brussels",
      formulas: false,
    };
    const setUp = loadAddon(options);
    setUp.ui.answers.push({ button: "NO" });
    setUp.run("setUpTemplate");
    setUp.spreadsheet.sheet("OKRs")!.fill(grids.okrs);
    setUp.spreadsheet.sheet("Check-ins")!.fill(grids.checkins);
    const run = (): HealthRun => {
      // A new execution: the bundle loaded afresh on the same spreadsheet.
      const addon = loadAddon({ ...options, world: setUp.world });
      addon.calls.reset();
      resetServiceTime();
      const start = performance.now();
      addon.run("practiceHealth");
      const wall = performance.now() - start;
      return {
        calls: addon.calls.total(),
        byMethod: addon.calls.snapshot(),
        compute: Math.max(0, wall - serviceTime.ms),
        wall,
      };
    };
    samples.push({ first: run(), refresh: run() });
  }
  const summary = (pick: (s: (typeof samples)[number]) => HealthRun): HealthRun => ({
    calls: pick(samples[0]!).calls,
    byMethod: pick(samples[0]!).byMethod,
    compute: median(samples.map((s) => pick(s).compute)),
    wall: median(samples.map((s) => pick(s).wall)),
  });
  return {
    quarters,
    krs,
    okrRows: grids.okrs.length - 1,
    first: summary((s) => s.first),
    refresh: summary((s) => s.refresh),
    runs,
  };
}
