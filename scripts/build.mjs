#!/usr/bin/env node
/**
 * Builds what clasp pushes, into dist/:
 *   Code.js         the server bundle (one IIFE, es2020) followed by one top-level function stub per
 *                   export of src/server/main.ts, forwarding all its arguments and carrying its JSDoc
 *                   (esbuild drops comments, and Sheets needs `@customfunction` for autocomplete).
 *                   Nothing else is global.
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
  BUNDLE_GLOBAL,
  catalogueCut,
  FRENCH_FILE,
  frenchFile,
  keyReferences,
  serverCatalogs,
  serverOptions,
} from "./esbuild-options.mjs";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const ENTRY = join(root, "src/server/main.ts");

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
    exports.push({ name: statement.name.text, params: parameters.map(stubParameter), jsdoc });
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
 * One top-level function per export. It forwards `arguments` whole, so rest parameters, defaults
 * and however many values Sheets or google.script.run pass all reach the bundled function.
 */
function stub({ name, params, jsdoc }) {
  // Sheets needs the JSDoc of custom formulas for autocomplete; other stubs keep the bundle small.
  const doc = jsdoc.includes("@customfunction") ? `${jsdoc}\n` : "";
  const call = `${BUNDLE_GLOBAL}.${name}.apply(this, arguments)`;
  return `${doc}function ${name}(${params.join(", ")}) {\n  return ${call};\n}\n`;
}

/** The entry as imported from the root ("./src/server/main", as scripts/bench/bundle.mjs does). */
const importPath = (entry) => `./${relative(root, entry).split(sep).join("/").replace(/\.ts$/, "")}`;

/** dist/Code.js from an entry module (src/server/main.ts; tests pass small ones of their own). */
export async function buildServer({ outdir, menu = "menu", minify = true, entry = ENTRY }) {
  const exports = readEntryExports(entry);
  const { fr } = await serverCatalogs();
  const result = await esbuild.build(serverOptions({ importPath: importPath(entry), menu, minify }));
  const bundle = result.outputFiles[0].text;
  const header = `// OKR Sheets — built by scripts/build.mjs (menu: ${menu}). Do not edit; edit src/ and rebuild.\n`;
  const code = header + bundle + "\n" + exports.map(stub).join("\n");
  writeFileSync(join(outdir, "Code.js"), code);
  const french = frenchFile(fr);
  writeFileSync(join(outdir, `${FRENCH_FILE}.html`), french);
  return { exports, bytes: Buffer.byteLength(code), frenchBytes: Buffer.byteLength(french) };
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
  const catalogues = join(root, "src", "core", "i18n", "messages");
  const modules = Object.keys(first.metafile.inputs)
    .map((input) => resolve(root, input))
    .filter((file) => file.startsWith(join(root, "src")) && !file.startsWith(catalogues));
  const asked = await keyReferences(modules);
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
        `dist: Code.js ${server.bytes} B (${names}), ${FRENCH_FILE}.html ${server.frenchBytes} B, ` +
          `Sidebar.html ${sidebar.bytes} B, menu: ${menu}`,
      );
    })
    .catch((error) => {
      console.error(error.message ?? error);
      process.exit(1);
    });
}
