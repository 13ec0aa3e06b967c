#!/usr/bin/env node
/**
 * `npm start`: builds dist/ (scripts/build.mjs), bundles the playground's server (dev/playground,
 * TypeScript) with esbuild into node_modules/.cache/okr-playground/, and starts it on
 * http://127.0.0.1:8787/ (PORT or --port=N to change; --locale=fr; --now=2026-11-15T10:00:00Z).
 */
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import * as esbuild from "esbuild";
import { build } from "./build.mjs";

export const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");

/** Builds the add-on and the playground's server; resolves with the server module (dev/playground/cli.ts). */
export async function loadPlayground() {
  await build();
  const outfile = join(root, "node_modules", ".cache", "okr-playground", "cli.cjs");
  await esbuild.build({
    entryPoints: [join(root, "dev", "playground", "cli.ts")],
    bundle: true,
    platform: "node",
    format: "cjs",
    target: "node20",
    packages: "external",
    outfile,
    logLevel: "warning",
  });
  const require = createRequire(import.meta.url);
  delete require.cache[outfile];
  return require(outfile);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  loadPlayground()
    .then(({ main }) => main({ root, argv: process.argv.slice(2), env: process.env }))
    .catch((error) => {
      console.error(error?.message ?? error);
      process.exit(1);
    });
}
