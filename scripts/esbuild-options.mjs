/**
 * The one esbuild configuration of the server's two bundles, shared by scripts/build.mjs, scripts/
 * bench/bundle.mjs (their metafiles and what-if bundles) and scripts/bench/load-harness.mjs (the
 * core alone), so that what the bench measures is what clasp pushes:
 *   resident  dist/Code.js, what a recalculation and onOpen need (src/server/resident.ts): every
 *             Apps Script execution loads it, so it carries nothing else;
 *   app       dist/server-app.html, what the menu commands, the sidebar and the dialogs call
 *             (src/server/main.ts), read and evaluated on first need (src/server/app-loader.ts).
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import * as esbuild from "esbuild";

export const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");

/** The bundle's exports live on this global; Apps Script hides names ending in "_" from the Run menu. */
export const BUNDLE_GLOBAL = "OKR_";

/** The app bundle's exports live on this global, set when server-app.html is evaluated. */
export const APP_GLOBAL = "OKR_APP_";

/** The project file (dist/server-app.html) holding the app bundle, as a JSON string. */
export const APP_FILE = "server-app";

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
export function serverCatalogs() {
  return evaluateCore(
    `export { en } from "./src/core/i18n/en"; export { fr } from "./src/core/i18n/fr";`,
    "catalogs.ts",
  );
}

/** The exports of `contents` (TypeScript re-exporting src/core modules), bundled and evaluated here. */
export async function evaluateCore(contents, sourcefile) {
  const result = await esbuild.build({
    stdin: { contents, resolveDir: root, sourcefile, loader: "ts" },
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
export async function keyReferences(files, { namedTails = false } = {}) {
  const ts = (await import("typescript")).default;
  const exact = new Set();
  const prefixes = new Set();
  const names = new Set();
  // A file is a path, or { name, text } for code that is not on disk (a bundle's output).
  for (const file of files) {
    const [name, text] =
      typeof file === "string" ? [file, readFileSync(file, "utf8")] : [file.name, file.text];
    const visit = (node) => {
      if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) exact.add(node.text);
      else if (ts.isIdentifier(node)) names.add(node.text);
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
    visit(ts.createSourceFile(name, text, ts.ScriptTarget.ES2020, true));
  }
  const prefixList = [...prefixes];
  // With namedTails, a key built from a prefix counts only when the code also names what follows
  // the prefix, as a string or a name: `finding.${f.code}` asks for the findings whose codes the
  // code holds ("output-not-outcome"), not for every finding.
  const named = (tail) => !namedTails || exact.has(tail) || names.has(tail);
  return (key) => exact.has(key) || prefixList.some((p) => key.startsWith(p) && named(key.slice(p.length)));
}

/** The message keys the modules of a bundle can ask for: its metafile's inputs in src, catalogues left out. */
export async function keysAskedBy(metafile) {
  const catalogues = resolve(root, "src", "core", "i18n", "messages");
  const modules = Object.keys(metafile.inputs)
    .map((input) => resolve(root, input))
    .filter((file) => file.startsWith(resolve(root, "src")) && !file.startsWith(catalogues));
  return keyReferences(modules);
}

/**
 * The resident bundle's catalogues, cut to the messages its code can ask for (a literal key, or a
 * `prefix.${…}` it builds from a name it holds), in English and in resident French. The keys are read from a first
 * build of the same entry without any message: the code esbuild keeps once unused functions are
 * shaken off (a module such as server/rollup.ts holds a formula and a menu command, and only the
 * formula's messages belong in Code.js). The rest of the English catalogue ships in the app bundle.
 */
export async function residentCatalogue({ importPath, menu = "menu" }) {
  const asked = await residentKeys({ importPath, menu });
  return catalogueCut(
    "resident-messages",
    (lang, key) => asked(key) && (lang === "en" || residentFrench(key)),
  );
}

/** The message keys the resident bundle's code can ask for (see residentCatalogue). */
export async function residentKeys({ importPath, menu = "menu" }) {
  const plugins = [catalogueCut("no-messages", () => false)];
  const first = await esbuild.build({
    ...serverOptions({ importPath, menu, minify: false, plugins }),
    logLevel: "silent",
  });
  return keyReferences([{ name: "resident.js", text: first.outputFiles[0].text }], { namedTails: true });
}

/**
 * JSON with < and & as \u escapes: a project file's text then holds neither a tag nor a character
 * reference, the only things HTML reads in text. ">" alone means nothing outside a tag, and HtmlService
 * gives a file's text back unchanged (the "include" pattern of
 * https://developers.google.com/apps-script/guides/html/best-practices#separate_html_css_and_javascript
 * includes scripts full of "=>" and "&&" that way), so it stays as it is: escaped, each ">" cost six
 * bytes, about 4.5 kB of the app.
 */
const projectFileJson = (value) =>
  JSON.stringify(value).replace(/[<&]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);

/**
 * The deferred French messages as an HTML project file: JSON, with < and & escaped so that
 * HtmlService reads it back unchanged.
 */
export function frenchFile(fr) {
  const deferred = Object.fromEntries(Object.entries(fr).filter(([key]) => !residentFrench(key)));
  return projectFileJson(deferred);
}

/**
 * The app bundle as a project file: its code as one JSON string, with < and & escaped, so that the
 * file holds no markup and HtmlService's getContent() answers it unchanged, whatever the code
 * contains (`a < b`, "</script>"). Parsing the string back costs a fraction of a millisecond
 * (bench: "a menu or sidebar call").
 */
export function appFile(code) {
  return projectFileJson(code);
}

/** The entry modules of the two bundles, as imported from the root. */
export const RESIDENT_ENTRY = "./src/server/resident";
export const APP_ENTRY = "./src/server/main";

/**
 * esbuild options for a server bundle of `entry` (as imported from the root, "./src/server/resident").
 * The resident bundle also carries the loader of the app (`OKR_.loadApp`), which the stubs of the
 * app's exports call.
 */
export function serverOptions({
  importPath,
  kind = "resident",
  menu = "menu",
  minify = true,
  plugins = [],
  metafile = false,
}) {
  const contents =
    kind === "app"
      ? `import * as api from ${JSON.stringify(importPath)}; globalThis.${APP_GLOBAL} = api;`
      : `import * as api from ${JSON.stringify(importPath)}; import { loadApp } from "./src/server/app-loader";
globalThis.${BUNDLE_GLOBAL} = { ...api, loadApp };`;
  return {
    ...SCRIPT_OPTIONS,
    stdin: { contents, resolveDir: root, sourcefile: `${kind}-entry.ts`, loader: "ts" },
    minify,
    metafile,
    define: {
      __MENU_KIND__: JSON.stringify(menu),
      __APP_FILE__: JSON.stringify(APP_FILE),
      __APP_GLOBAL__: JSON.stringify(APP_GLOBAL),
    },
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
