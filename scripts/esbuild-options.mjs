/**
 * The one esbuild configuration of the server bundle, shared by scripts/build.mjs (dist/Code.js),
 * scripts/bench/bundle.mjs (its metafile and what-if bundles) and scripts/bench/load-harness.mjs
 * (the core alone), so that what the bench measures is what clasp pushes.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
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
 * but the menu may be touched; and the labels Settings' health thresholds table is recognized by
 * in either language, so that an English operation reading Settings does not load the French file.
 */
export const residentFrench = (key) =>
  key.startsWith("menu.") ||
  key.startsWith("health.signal.") ||
  key === "health.settingsSignal" ||
  key === "health.settingsHealthy";

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

const CATALOGUE_FILE = /[\\/]src[\\/]core[\\/]i18n[\\/]messages[\\/][^\\/]+\.ts$/;

/**
 * Cuts each src/core/i18n/messages/*.ts (`messages({…en}, {…fr})`) down to the messages
 * `keep(lang, key)` accepts. TypeScript is loaded on first use: the bench measures in the process
 * that imports this module.
 */
export function catalogueCut(name, keep) {
  return {
    name,
    setup(build) {
      build.onLoad({ filter: CATALOGUE_FILE }, async (args) => {
        const ts = (await import("typescript")).default;
        return { contents: cutCatalogue(ts, readFileSync(args.path, "utf8"), args.path, keep), loader: "ts" };
      });
    },
  };
}

/**
 * The server bundle's catalogues: English whole, French down to its resident messages; the rest
 * ships as dist/messages-fr.html and is read on first use (src/server/locale.ts).
 */
export const deferredFrench = () =>
  catalogueCut("deferred-french", (lang, key) => lang === "en" || residentFrench(key));

/** The `messages({en…}, {fr…})` object literals of a parsed catalogue file, each with its language. */
export function messagesLiterals(ts, source) {
  const literals = [];
  const visit = (node) => {
    if (
      ts.isCallExpression(node) &&
      ts.isIdentifier(node.expression) &&
      node.expression.text === "messages" &&
      node.arguments.length === 2 &&
      node.arguments.every(ts.isObjectLiteralExpression)
    ) {
      node.arguments.forEach((literal, i) => literals.push({ lang: i === 0 ? "en" : "fr", literal }));
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return literals;
}

/** The source of a catalogue file with only the messages `keep(lang, key)` accepts. */
function cutCatalogue(ts, text, file, keep) {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.ES2020, true);
  const literals = messagesLiterals(ts, source);
  if (literals.length === 0) throw new Error(`${file}: no messages({…}, {…}) call to cut`);
  let out = text;
  for (const { lang, literal } of literals.sort((x, y) => y.literal.pos - x.literal.pos)) {
    const kept = literal.properties
      .filter((p) => ts.isPropertyAssignment(p) && keep(lang, p.name.text ?? p.name.getText()))
      .map((p) => p.getText());
    out = `${out.slice(0, literal.getStart())}{ ${kept.join(",\n")} }${out.slice(literal.getEnd())}`;
  }
  return out;
}

/**
 * The message keys some source files can ask for: their string literals (exact keys) and the heads
 * of their template literals and string concatenations (`status.${s}`, "menu." + x: key prefixes).
 */
export async function keyReferences(files) {
  const ts = (await import("typescript")).default;
  const exact = new Set();
  const prefixes = new Set();
  for (const file of files) {
    const visit = (node) => {
      if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) exact.add(node.text);
      else if (ts.isTemplateExpression(node) && node.head.text.includes(".")) prefixes.add(node.head.text);
      else if (
        ts.isBinaryExpression(node) &&
        node.operatorToken.kind === ts.SyntaxKind.PlusToken &&
        ts.isStringLiteral(node.left) &&
        node.left.text.includes(".")
      ) {
        prefixes.add(node.left.text);
      }
      ts.forEachChild(node, visit);
    };
    visit(ts.createSourceFile(file, readFileSync(file, "utf8"), ts.ScriptTarget.ES2020, true));
  }
  const prefixList = [...prefixes];
  return (key) => exact.has(key) || prefixList.some((p) => key.startsWith(p));
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

/**
 * Bundles a TypeScript entry (a bench harness and the offline runtime it imports) for Node and
 * loads it as a CommonJS module in this process; `plugins` may swap modules on the way.
 */
export async function loadNodeModule(entry, plugins = []) {
  const result = await esbuild.build({
    entryPoints: [entry],
    bundle: true,
    platform: "node",
    format: "cjs",
    target: "node20",
    write: false,
    logLevel: "warning",
    // dev/loader.ts finds dist/ from its own directory.
    define: { __dirname: JSON.stringify(resolve(root, "dev")) },
    plugins,
  });
  const module = { exports: {} };
  const require = createRequire(import.meta.url);
  new Function("module", "exports", "require", result.outputFiles[0].text)(module, module.exports, require);
  return module.exports;
}
