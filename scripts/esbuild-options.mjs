/**
 * The one esbuild configuration of the server bundle, shared by scripts/build.mjs (dist/Code.js),
 * scripts/bench/bundle.mjs (its metafile and what-if bundles) and scripts/bench/load-harness.mjs
 * (the core alone), so that what the bench measures is what clasp pushes.
 */
import { readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import * as esbuild from "esbuild";

export const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");

/** The bundle's exports live on this global; Apps Script hides names ending in "_" from the Run menu. */
export const BUNDLE_GLOBAL = "OKR_";

/** The project file (dist/messages-fr.html) holding the French messages the bundle defers. */
export const FRENCH_FILE = "messages-fr";

/**
 * French messages the bundle keeps: the menu's, built by onOpen in AuthMode.NONE, where nothing
 * but the menu may be touched.
 */
export const residentFrench = (key) => key.startsWith("menu.");

/** Apps Script's V8 runtime, one script, no module system: what every server-side bundle targets. */
export const SCRIPT_OPTIONS = {
  bundle: true,
  format: "iife",
  target: "es2020",
  platform: "neutral",
  mainFields: ["module", "main"],
  legalComments: "none",
  charset: "utf8",
  logLevel: "warning",
  write: false,
};

/** The server's message catalogues as the bundle sees them (evaluated from src/core/i18n/{en,fr}.ts). */
export async function serverCatalogs() {
  const result = await esbuild.build({
    stdin: {
      contents: `export { en } from "./src/core/i18n/en"; export { fr } from "./src/core/i18n/fr";`,
      resolveDir: root,
      sourcefile: "catalogs.ts",
      loader: "ts",
    },
    bundle: true,
    format: "cjs",
    platform: "node",
    write: false,
    logLevel: "warning",
  });
  const module = { exports: {} };
  new Function("module", "exports", result.outputFiles[0].text)(module, module.exports);
  return module.exports;
}

/**
 * Cuts the French half of each src/core/i18n/messages/*.ts (`messages({…en}, {…fr})`) down to its
 * resident messages: the rest ships as dist/messages-fr.html and is read on first use
 * (src/server/locale.ts). English stays whole.
 */
export function deferredFrench() {
  return {
    name: "deferred-french",
    setup(build) {
      build.onLoad({ filter: /[\\/]src[\\/]core[\\/]i18n[\\/]messages[\\/][^\\/]+\.ts$/ }, async (args) => ({
        contents: cutFrench(readFileSync(args.path, "utf8"), args.path, (await import("typescript")).default),
        loader: "ts",
      }));
    },
  };
}

/**
 * The source of a catalogue file with only the resident properties left in its French literal
 * (TypeScript loaded on first use: the bench measures in the process that imports this module).
 */
function cutFrench(text, file, ts) {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.ES2020, true);
  const literals = [];
  const visit = (node) => {
    if (
      ts.isCallExpression(node) &&
      ts.isIdentifier(node.expression) &&
      node.expression.text === "messages" &&
      node.arguments.length === 2 &&
      ts.isObjectLiteralExpression(node.arguments[1])
    ) {
      literals.push(node.arguments[1]);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  if (literals.length === 0) throw new Error(`${file}: no messages({…}, {…}) call to cut`);
  let out = text;
  for (const literal of literals.sort((a, b) => b.pos - a.pos)) {
    const kept = literal.properties
      .filter((p) => ts.isPropertyAssignment(p) && residentFrench(p.name.text ?? p.name.getText()))
      .map((p) => p.getText());
    out = `${out.slice(0, literal.getStart())}{ ${kept.join(",\n")} }${out.slice(literal.getEnd())}`;
  }
  return out;
}

/**
 * The deferred French messages as an HTML project file: JSON, with <, > and & escaped so that
 * HtmlService reads it back unchanged.
 */
export function frenchFile(fr) {
  const deferred = Object.fromEntries(Object.entries(fr).filter(([key]) => !residentFrench(key)));
  return JSON.stringify(deferred).replace(
    /[<>&]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`,
  );
}

/** esbuild options for the server bundle of `entry` (as imported from the root, "./src/server/main"). */
export function serverOptions({ importPath, menu = "menu", minify = true, plugins = [], metafile = false }) {
  return {
    ...SCRIPT_OPTIONS,
    stdin: {
      contents: `import * as api from ${JSON.stringify(importPath)}; globalThis.${BUNDLE_GLOBAL} = api;`,
      resolveDir: root,
      sourcefile: "entry.ts",
      loader: "ts",
    },
    minify,
    metafile,
    define: { __MENU_KIND__: JSON.stringify(menu) },
    // Plugins given first: a what-if of the bench that rewrites a catalogue replaces the cut below.
    plugins: [...plugins, deferredFrench()],
  };
}
