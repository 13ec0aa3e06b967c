/**
 * Bundles scripts/bench/harness.ts (and the offline runtime, fixtures and core it imports) with
 * esbuild on the fly, and loads it as a CommonJS module in this process. The runtime's `./calls`
 * module is swapped for scripts/bench/timed-calls.ts, which adds service timing to the counters.
 */
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import * as esbuild from "esbuild";
import { deferredFrench, SCRIPT_OPTIONS } from "../esbuild-options.mjs";

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
  const result = await esbuild.build({
    entryPoints: [join(root, "scripts", "bench", "harness.ts")],
    bundle: true,
    platform: "node",
    format: "cjs",
    target: "node20",
    write: false,
    logLevel: "warning",
    // dev/loader.ts finds dist/ from its own directory.
    define: { __dirname: JSON.stringify(join(root, "dev")) },
    plugins: [timedCalls],
  });
  const module = { exports: {} };
  const require = createRequire(import.meta.url);
  new Function("module", "exports", "require", result.outputFiles[0].text)(module, module.exports, require);
  return module.exports;
}
