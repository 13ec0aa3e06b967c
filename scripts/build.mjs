#!/usr/bin/env node
/**
 * Builds what clasp pushes, into dist/:
 *   Code.js         what every execution loads: the resident bundle (src/server/resident.ts: onOpen,
 *                   onInstall, the custom formulas; one IIFE, es2020, its English catalogue cut to
 *                   the messages it can ask for) followed by one top-level function stub per export
 *                   of either entry, forwarding all its arguments; a custom formula's stub carries
 *                   the JSDoc written from src/core/formula-docs.ts (esbuild drops comments, and
 *                   Sheets needs `@customfunction` for autocomplete). The stubs of
 *                   src/server/main.ts's exports load the app first. Nothing else is global.
 *   server-app.html the app bundle (src/server/main.ts: the menu commands, the sidebar's and the
 *                   dialogs' calls), as a JSON string: read and evaluated by the first stub of an
 *                   execution that needs it (src/server/app-loader.ts), so that a recalculation or
 *                   onOpen never pays for it.
 *   Sidebar.html    src/ui bundled and inlined with its CSS into one self-contained file, with only
 *                   the messages the sidebar's modules can ask for.
 *   messages-fr.html the French messages Code.js does not carry (all but the menu's), as JSON: the
 *                   server reads them with HtmlService when a French message is first needed, so
 *                   that English executions never load them (scripts/esbuild-options.mjs).
 *   appsscript.json the manifest, copied.
 *
 * Options: --menu=menu|addon (top-level "OKR" menu, the default, or the add-on menu under Extensions),
 *          --outdir=DIR (default dist), --no-minify.
 */
import { mkdirSync, readFileSync, writeFileSync, copyFileSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import * as esbuild from "esbuild";
import ts from "typescript";
import {
  APP_ENTRY,
  APP_FILE,
  appFile,
  BUNDLE_GLOBAL,
  catalogueCut,
  evaluateCore,
  FRENCH_FILE,
  frenchFile,
  keysAskedBy,
  RESIDENT_ENTRY,
  residentCatalogue,
  serverCatalogs,
  serverOptions,
} from "./esbuild-options.mjs";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const fromRoot = (importPath) => join(root, `${importPath}.ts`);
const ENTRY = fromRoot(RESIDENT_ENTRY);

function option(name, fallback) {
  const arg = process.argv.find((a) => a.startsWith(`--${name}=`));
  return arg ? arg.slice(name.length + 3) : fallback;
}

/** The exported functions of the entry: name, parameter names and JSDoc, in source order. */
export function readEntryExports(file = ENTRY) {
  const text = readFileSync(file, "utf8");
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.ES2020, true);
  const exports = [];
  for (const statement of source.statements) {
    const exported = ts.getCombinedModifierFlags(statement) & ts.ModifierFlags.Export;
    if (!exported) {
      if (ts.isExportDeclaration(statement) || ts.isExportAssignment(statement)) {
        throw new Error(
          `${file}: export functions one by one ("export function name(...)"), not re-exports.`,
        );
      }
      continue;
    }
    if (!ts.isFunctionDeclaration(statement) || !statement.name) {
      throw new Error(`${file}: only function declarations may be exported from the server entry.`);
    }
    const jsdoc = ts
      .getJSDocCommentsAndTags(statement)
      .filter(ts.isJSDoc)
      .map((doc) => text.slice(doc.pos, doc.end))
      .join("\n");
    // A TypeScript `this: T` parameter only types `this`; it takes no argument.
    const parameters = statement.parameters.filter(
      (p) => !(ts.isIdentifier(p.name) && p.name.text === "this"),
    );
    const types = parameters.map((p) => p.type?.getText(source));
    exports.push({ name: statement.name.text, params: parameters.map(stubParameter), types, jsdoc });
  }
  return exports;
}

/**
 * How a parameter appears in its stub's signature: its name, with the spread of a rest parameter;
 * a default value is left to the bundled function, and a destructured one gets a positional name.
 * The signature is for people reading the stub: the arguments are forwarded as given.
 */
function stubParameter(parameter, index) {
  const name = ts.isIdentifier(parameter.name) ? parameter.name.text : `arg${index + 1}`;
  return parameter.dotDotDotToken ? `...${name}` : name;
}

/**
 * The custom formulas' documentation (src/core/formula-docs.ts) with its renderers
 * (src/core/formula-jsdoc.ts), bundled apart: no formula's code carries it.
 */
export function loadFormulaDocs() {
  return evaluateCore(
    'export { FORMULA_DOCS } from "./src/core/formula-docs";\n' +
      'export { formulaJsDoc, stubParameters } from "./src/core/formula-jsdoc";',
    "formula-docs.ts",
  );
}

/** A custom formula's name, as Sheets offers it: capitals and digits (KRSCORE, OKRSTATUSES). */
const isFormula = (name) => /^[A-Z][A-Z0-9]*$/.test(name);

/**
 * Refuses entries whose custom formulas and documentation disagree: a formula must be documented,
 * take what its documentation says (`...args: FormulaArgs<"ITS_NAME">`, which typecheck holds to
 * the formula's code, or the documented parameters by name), and carry no JSDoc of its own; every
 * documented formula must be exported.
 */
function checkFormulas(exports, docs, stubParameters) {
  const problems = [];
  for (const { name, params, types, jsdoc } of exports) {
    if (jsdoc.includes("@customfunction"))
      problems.push(
        `${name}: a custom formula is documented in src/core/formula-docs.ts, not by its own JSDoc`,
      );
    if (!isFormula(name)) continue;
    const doc = docs[name];
    if (!doc) {
      problems.push(`${name}: a custom formula that src/core/formula-docs.ts does not document`);
      continue;
    }
    const wired = params.length === 1 && params[0].startsWith("...") && types[0] === `FormulaArgs<"${name}">`;
    const documented = stubParameters(doc);
    if (!wired && params.join(", ") !== documented.join(", "))
      problems.push(
        `${name}: takes (${params.join(", ")}), its documentation (${documented.join(", ")}); ` +
          `declare it as ${name}(...args: FormulaArgs<"${name}">)`,
      );
  }
  const exported = new Set(exports.map((e) => e.name));
  for (const name of Object.keys(docs))
    if (!exported.has(name)) problems.push(`${name}: documented, but exported by neither server entry`);
  if (problems.length) throw new Error(`custom formulas:\n  ${problems.join("\n  ")}`);
}

/**
 * One top-level function per export. It forwards `arguments` whole, so rest parameters, defaults
 * and however many values Sheets or google.script.run pass all reach the bundled function: the
 * resident bundle's own, or the app's, loaded first (once per execution) by `OKR_.loadApp()`.
 */
function stub({ name, params }, inApp, { FORMULA_DOCS, formulaJsDoc, stubParameters }) {
  // Sheets needs the JSDoc of custom formulas for autocomplete; other stubs keep the bundle small.
  const formula = isFormula(name) ? FORMULA_DOCS[name] : undefined;
  const doc = formula ? `${formulaJsDoc(formula)}\n` : "";
  const signature = formula ? stubParameters(formula) : params;
  const target = inApp ? `${BUNDLE_GLOBAL}.loadApp()` : BUNDLE_GLOBAL;
  return `${doc}function ${name}(${signature.join(", ")}) {\n  return ${target}.${name}.apply(this, arguments);\n}\n`;
}

/** The entry as imported from the root ("./src/server/resident", as scripts/bench/bundle.mjs does). */
const importPath = (entry) => `./${relative(root, entry).split(sep).join("/").replace(/\.ts$/, "")}`;

/**
 * dist/Code.js and dist/server-app.html from the two entry modules (src/server/resident.ts and
 * src/server/main.ts; tests pass small ones of their own, and the documentation of their
 * formulas as `formulaDocs`). An export name may belong to one only.
 */
export async function buildServer({
  outdir,
  menu = "menu",
  minify = true,
  entry = ENTRY,
  appEntry = fromRoot(APP_ENTRY),
  formulaDocs,
}) {
  const resident = readEntryExports(entry);
  const app = readEntryExports(appEntry);
  const twice = resident.filter((r) => app.some((a) => a.name === r.name)).map((r) => r.name);
  if (twice.length) throw new Error(`exported by both server entries: ${twice.join(", ")}`);
  const loaded = await loadFormulaDocs();
  const docs = { ...loaded, FORMULA_DOCS: formulaDocs ?? loaded.FORMULA_DOCS };
  checkFormulas([...resident, ...app], docs.FORMULA_DOCS, docs.stubParameters);
  const { fr } = await serverCatalogs();
  const cut = await residentCatalogue({ importPath: importPath(entry), menu });
  const [residentBuild, appBuild] = await Promise.all([
    esbuild.build(serverOptions({ importPath: importPath(entry), menu, minify, plugins: [cut] })),
    esbuild.build(serverOptions({ importPath: importPath(appEntry), kind: "app", menu, minify })),
  ]);
  const header = `// OKR Sheets — built by scripts/build.mjs (menu: ${menu}). Do not edit; edit src/ and rebuild.\n`;
  const stubs = [...resident.map((e) => stub(e, false, docs)), ...app.map((e) => stub(e, true, docs))];
  const code = header + residentBuild.outputFiles[0].text + "\n" + stubs.join("\n");
  writeFileSync(join(outdir, "Code.js"), code);
  const appText = appFile(appBuild.outputFiles[0].text);
  writeFileSync(join(outdir, `${APP_FILE}.html`), appText);
  const french = frenchFile(fr);
  writeFileSync(join(outdir, `${FRENCH_FILE}.html`), french);
  return {
    exports: [...resident, ...app],
    bytes: Buffer.byteLength(code),
    appBytes: Buffer.byteLength(appText),
    frenchBytes: Buffer.byteLength(french),
  };
}

/** Inline a script safely: "</script" or "<!--" inside the code would end or confuse the element. */
function inlineScript(code) {
  return code.replace(/<\/(script)/gi, "<\\/$1").replace(/<!--/g, "<\\!--");
}

/**
 * The sidebar's script. The message catalogues are shared with the server; the sidebar keeps only
 * the messages its own modules can ask for (a literal key, or a `prefix.${…}` they build), found
 * from the modules esbuild bundles: the server-only messages stay out of Sidebar.html.
 */
async function buildSidebarScript(minify) {
  const options = {
    entryPoints: [join(root, "src/ui/main.ts")],
    bundle: true,
    format: "iife",
    target: "es2020",
    platform: "browser",
    minify,
    legalComments: "none",
    charset: "utf8",
    write: false,
    logLevel: "warning",
  };
  const first = await esbuild.build({ ...options, metafile: true });
  const asked = await keysAskedBy(first.metafile);
  const script = await esbuild.build({
    ...options,
    plugins: [catalogueCut("sidebar-messages", (_lang, key) => asked(key))],
  });
  return script.outputFiles[0].text;
}

async function buildSidebar(outdir, minify) {
  const script = await buildSidebarScript(minify);
  const css = await esbuild.build({
    entryPoints: [join(root, "src/ui/styles.css")],
    bundle: true,
    minify,
    write: false,
    logLevel: "warning",
  });
  const template = readFileSync(join(root, "src/ui/sidebar.html"), "utf8");
  const html = template
    .replace("/* STYLES */", () => css.outputFiles[0].text.replace(/<\/(style)/gi, "<\\/$1"))
    .replace("/* SCRIPT */", () => inlineScript(script));
  writeFileSync(join(outdir, "Sidebar.html"), html);
  return { bytes: Buffer.byteLength(html) };
}

export async function build({ outdir = join(root, "dist"), menu = "menu", minify = true } = {}) {
  if (menu !== "menu" && menu !== "addon") throw new Error(`--menu must be "menu" or "addon", got "${menu}"`);
  mkdirSync(outdir, { recursive: true });
  const server = await buildServer({ outdir, menu, minify });
  const sidebar = await buildSidebar(outdir, minify);
  copyFileSync(join(root, "appsscript.json"), join(outdir, "appsscript.json"));
  return { server, sidebar };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const outdir = resolve(option("outdir", join(root, "dist")));
  const menu = option("menu", "menu");
  const minify = !process.argv.includes("--no-minify");
  build({ outdir, menu, minify })
    .then(({ server, sidebar }) => {
      const names = server.exports.map((e) => e.name).join(", ");
      console.log(
        `dist: Code.js ${server.bytes} B (${names}), ${APP_FILE}.html ${server.appBytes} B, ` +
          `${FRENCH_FILE}.html ${server.frenchBytes} B, ` +
          `Sidebar.html ${sidebar.bytes} B, menu: ${menu}`,
      );
    })
    .catch((error) => {
      console.error(error.message ?? error);
      process.exit(1);
    });
}
