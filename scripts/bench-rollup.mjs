#!/usr/bin/env node
/**
 * `npm run bench:rollup`: the company roll-up at scale (issue 17). Builds dist/, then rolls up
 * 5 and 50 team spreadsheets of 200 key results each into a company spreadsheet in the offline
 * runtime: service calls of OKR › Roll up teams (first run and refresh: they grow with the teams
 * only by the one write per import sheet and the lookup of its range), and the time of the
 * OKRROLLUP / OKRTEAMS custom formulas on the values Sheets would pass them (median of the runs).
 * With --write, records bench/rollup.json; with --enforce, exits 1 when the formulas take 300 ms or more.
 */
import { writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "./build.mjs";
import { loadNodeModule } from "./esbuild-options.mjs";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const TARGET_MS = 300;
const runs = Number(process.argv.find((a) => a.startsWith("--runs="))?.slice(7) ?? 5);

await build({ menu: "menu" });
const { benchRollup } = await loadNodeModule(join(root, "scripts", "bench", "rollup.ts"));

const results = [5, 50].map((teams) => benchRollup(teams, 200, runs));
const line = (cells) => `| ${cells.join(" | ")} |`;
console.log(
  [
    line([
      "teams × KRs",
      "Roll up: calls (first run)",
      "calls (refresh)",
      "writes (refresh)",
      "OKRROLLUP ms",
      "OKRTEAMS ms",
    ]),
    line(["---", "---:", "---:", "---:", "---:", "---:"]),
    ...results.map((r) =>
      line([
        `${r.teams} × ${r.krsPerTeam}`,
        r.firstCalls,
        r.refreshCalls,
        r.refreshWrites,
        r.rollupMs.toFixed(1),
        r.teamsMs.toFixed(1),
      ]),
    ),
  ].join("\n"),
);
const [small, large] = results;
const perTeam = (large.refreshCalls - small.refreshCalls) / (large.teams - small.teams);
console.log(
  `\nRefresh calls per added team: ${perTeam} (one range lookup and one write of its import sheet).`,
);
const slowest = Math.max(large.rollupMs, large.teamsMs);
console.log(
  `Formulas at ${large.teams} × ${large.krsPerTeam}: ${slowest.toFixed(1)} ms (target < ${TARGET_MS} ms).`,
);
if (process.argv.includes("--write")) {
  const record = results.map(({ objectives: _objectives, ...r }) => r);
  writeFileSync(
    join(root, "bench", "rollup.json"),
    JSON.stringify({ target: TARGET_MS, results: record }, null, 2) + "\n",
  );
}
if (process.argv.includes("--enforce") && slowest >= TARGET_MS) process.exit(1);
