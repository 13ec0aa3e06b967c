/**
 * Bundles scripts/bench/harness.ts (and the offline runtime, fixtures and core it imports) with
 * esbuild on the fly, and loads it as a CommonJS module in this process. The runtime's `./calls`
 * module is swapped for scripts/bench/timed-calls.ts, which adds service timing to the counters.
 */
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import * as esbuild from "esbuild";
import { deferredFrench, loadNodeModule, SCRIPT_OPTIONS } from "../esbuild-options.mjs";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..");
const GAS = join(root, "dev", "gas");
const TIMED_CALLS = join(root, "scripts", "bench", "timed-calls.ts");

/** Redirects dev/gas/*'s `import … from "./calls"` to the timed version. */
const timedCalls = {
  name: "timed-calls",
  setup(build) {
    build.onResolve({ filter: /^\.\/calls$/ }, (args) =>
      resolve(args.resolveDir) === GAS ? { path: TIMED_CALLS } : undefined,
    );
  },
};

/**
 * The core's validate → score → review pipeline as a plain script (one IIFE setting
 * `globalThis.okrCore`), so that the harness can run it in fresh vm contexts: cold, as each Apps
 * Script execution is.
 */
export async function buildCoreScript() {
  const result = await esbuild.build({
    stdin: {
      contents: `import { analyze, buildReview, reviewLayout } from "./src/core";
globalThis.okrCore = { analyze, buildReview, reviewLayout };`,
      resolveDir: root,
      sourcefile: "core-entry.ts",
      loader: "ts",
    },
    ...SCRIPT_OPTIONS,
    minify: true,
    plugins: [deferredFrench()],
  });
  return result.outputFiles[0].text;
}

export async function loadHarness() {
  return loadNodeModule(join(root, "scripts", "bench", "harness.ts"), [timedCalls]);
}
