/**
 * What takes the bytes of dist/Code.js and of the app (dist/server-app.html), from esbuild's
 * metafiles: both bundles are rebuilt with the options of scripts/build.mjs (checked: the output
 * must be the bundle inside dist/Code.js, and the app file's code), their inputs grouped (message
 * catalogs, zod, core, server…), each catalog split by language and by whether the server can use
 * a message at all, and a "what if" bundle built with an esbuild plugin (catalogs as JSON strings)
 * to measure it in bytes, gzipped bytes and load time, not guess it.
 */
import { readFileSync, readdirSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import * as esbuild from "esbuild";
import ts from "typescript";
import {
  APP_ENTRY,
  keyReferences,
  messagesLiterals,
  RESIDENT_ENTRY,
  residentFrench,
  residentKeys,
  serverOptions,
  catalogueCut,
} from "../esbuild-options.mjs";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..");
const MESSAGES = join(root, "src", "core", "i18n", "messages");
const UI = join(root, "src", "ui");

export const gzipBytes = (text) => gzipSync(Buffer.from(text), { level: 9 }).length;

/** A bundle's text and its inputs' bytes, from its metafile. */
async function bundleOf(options) {
  const result = await esbuild.build({ ...options, metafile: true, logLevel: "silent" });
  const output = Object.values(result.metafile.outputs)[0];
  return { text: result.outputFiles[0].text, inputs: output.inputs };
}

/**
 * The resident bundle as scripts/build.mjs builds it (menu: "menu"), its catalogs cut to `asked`
 * (the keys its code can ask for), plus plugins for what-ifs, which take a catalog before the cut.
 */
const residentBundle = (asked, plugins = []) =>
  bundleOf(
    serverOptions({
      importPath: RESIDENT_ENTRY,
      plugins: [
        ...plugins,
        catalogueCut(
          "resident-messages",
          (lang, key) => asked(key) && (lang === "en" || residentFrench(key)),
        ),
      ],
    }),
  );

const appBundle = () => bundleOf(serverOptions({ importPath: APP_ENTRY, kind: "app" }));

/** The inputs of a bundle with bytes in its output, largest first, paths from the root. */
const inputsOf = (bundle) =>
  Object.entries(bundle.inputs)
    .map(([path, { bytesInOutput }]) => ({ path: relative(root, resolve(root, path)), bytes: bytesInOutput }))
    .filter((i) => i.bytes > 0)
    .sort((a, b) => b.bytes - a.bytes);

// ------------------------------------------------------------------------ which messages are used

function sourceFile(file) {
  return ts.createSourceFile(file, readFileSync(file, "utf8"), ts.ScriptTarget.ES2020, true);
}

/** The `messages({en…}, {fr…})` object literals of a catalog file, with their properties. */
function catalogLiterals(file) {
  const source = sourceFile(file);
  const literals = messagesLiterals(ts, source);
  const entries = (literal) =>
    literal.properties.filter(ts.isPropertyAssignment).map((p) => {
      const key = ts.isStringLiteral(p.name) || ts.isIdentifier(p.name) ? p.name.text : p.name.getText();
      const literal = ts.isStringLiteral(p.initializer) || ts.isNoSubstitutionTemplateLiteral(p.initializer);
      const value = literal ? p.initializer.text : p.initializer.getText();
      // Minified, an entry is about "key":"value", (esbuild keeps UTF-8 as is).
      return {
        key,
        value,
        literal,
        node: p,
        bytes: Buffer.byteLength(JSON.stringify(key) + JSON.stringify(value)) + 2,
      };
    });
  return { source, literals: literals.map((l) => ({ ...l, entries: entries(l.literal) })) };
}

/** Whether Code.js carries a message at all: English, and the resident French (the rest is deferred). */
const shipped = (lang, key) => lang === "en" || residentFrench(key);

/**
 * A catalog as one JSON string parsed at load (same messages as `keep` accepts): V8 scans a string
 * literal far faster than it parses an object literal, and JSON.parse builds the objects faster.
 */
function jsonCatalog(file, keep) {
  const catalog = {};
  for (const { lang, entries } of catalogLiterals(file).literals) {
    if (entries.some((e) => !e.literal)) return undefined; // not plain strings: leave the file as it is
    catalog[lang] = Object.fromEntries(
      entries.filter((e) => shipped(lang, e.key) && keep(e.key)).map((e) => [e.key, e.value]),
    );
  }
  return `export default JSON.parse(${JSON.stringify(JSON.stringify(catalog))});`;
}

function walk(dir, test) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return walk(path, test);
    return test(path) ? [path] : [];
  });
}

// ------------------------------------------------------------------------------------ the report

const GROUPS = [
  ["message catalogs (src/core/i18n/messages, en + fr)", (p) => p.startsWith("src/core/i18n/")],
  ["zod/mini (sidebar payload validation)", (p) => p.includes("node_modules/zod/")],
  ["other node_modules", (p) => p.includes("node_modules/")],
  [
    "bilingual content outside the catalogs (guide, example, schema, settings)",
    (p) => /^src\/core\/(guide|example|schema|settings)\.ts$/.test(p),
  ],
  [
    "custom formulas (src/core/formula-*.ts, src/server/sheets-host.ts)",
    (p) => /^src\/core\/formula-[^/]+\.ts$|^src\/server\/sheets-host\.ts$/.test(p),
  ],
  ["rest of src/core", (p) => p.startsWith("src/core/")],
  ["rest of src/server", (p) => p.startsWith("src/server/")],
  ["entry and glue", () => true],
];

/** The inputs of a bundle grouped (GROUPS), with the bytes of what is not an input. */
function groupsOf(inputs, otherName, otherBytes) {
  const groups = [];
  const left = [...inputs];
  for (const [name, test] of GROUPS) {
    const taken = left.filter((i) => test(i.path));
    for (const i of taken) left.splice(left.indexOf(i), 1);
    if (taken.length)
      groups.push({ name, bytes: taken.reduce((n, i) => n + i.bytes, 0), files: taken.length });
  }
  groups.push({ name: otherName, bytes: otherBytes, files: 0 });
  return groups;
}

/**
 * Composition of dist/Code.js and of the app, and a what-if bundle. `appCode` is the app bundle's
 * code (dist/server-app.html decoded). `measureLoad(code)` answers the load times of a script,
 * `{ compile, run, total }` in ms (the harness's, so every bundle is timed the same way).
 */
export async function analyzeBundle(code, appCode, measureLoad) {
  const asked = await residentKeys({ importPath: RESIDENT_ENTRY });
  const [actual, app] = await Promise.all([residentBundle(asked), appBundle()]);
  // dist/Code.js is a header line, the bundle (one IIFE) and the top-level stubs.
  const header = code.slice(0, code.indexOf("\n") + 1);
  const stubsPart = code.slice(code.lastIndexOf("})();\n") + "})();\n".length);
  const assemble = (bundleText) => header + bundleText + stubsPart;
  const warnings = [];
  if (assemble(actual.text) !== code || app.text !== appCode) {
    // Either src/ changed during the run, or the two builds' options drifted apart.
    warnings.push(
      "the bundles rebuilt for analysis differ from dist/: src/ changed during the run, or " +
        "scripts/bench/bundle.mjs and scripts/build.mjs no longer use the same esbuild options",
    );
  }
  const inputs = inputsOf(actual);
  const appInputs = inputsOf(app);
  const groups = groupsOf(
    inputs,
    "header and top-level stubs with their JSDoc (scripts/build.mjs)",
    Buffer.byteLength(header + stubsPart),
  );
  const appGroups = groupsOf(appInputs, "the JSON string's quotes and escapes", 0);

  // Messages the server can use (the app's modules: every server module), and the sidebar's only.
  const serverFiles = appInputs
    .map((i) => join(root, i.path))
    .filter((p) => p.startsWith(join(root, "src")) && !p.startsWith(MESSAGES));
  const server = await keyReferences(serverFiles);
  const ui = await keyReferences(walk(UI, (p) => p.endsWith(".ts")));
  const catalogFiles = walk(MESSAGES, (p) => p.endsWith(".ts")).sort();
  const catalogs = catalogFiles.map((file) => {
    const row = { file: relative(root, file), keys: 0, serverKeys: 0, uiOnlyKeys: 0 };
    const bytes = { en: 0, fr: 0, serverEn: 0, serverFr: 0, uiOnly: 0, unused: 0 };
    for (const { lang, entries } of catalogLiterals(file).literals) {
      for (const { key, bytes: size } of entries) {
        const inServer = server(key);
        const inUi = ui(key);
        bytes[lang] += size;
        if (inServer) bytes[lang === "en" ? "serverEn" : "serverFr"] += size;
        else if (inUi) bytes.uiOnly += size;
        else bytes.unused += size;
        if (lang === "en") {
          row.keys++;
          if (inServer) row.serverKeys++;
          else if (inUi) row.uiOnlyKeys++;
        }
      }
    }
    const inBundle = inputs.find((i) => i.path === row.file)?.bytes ?? 0;
    const inApp = appInputs.find((i) => i.path === row.file)?.bytes ?? 0;
    return { ...row, ...bytes, inBundle, inApp };
  });

  // What-if bundles of Code.js, each measured.
  const asJson = {
    name: "json-catalogs",
    setup(build) {
      build.onLoad({ filter: /[\\/]src[\\/]core[\\/]i18n[\\/]messages[\\/].*\.ts$/ }, (args) => {
        const contents = jsonCatalog(args.path, asked);
        return contents === undefined ? undefined : { contents, loader: "ts" };
      });
    },
  };
  const variants = [
    ["as built", []],
    ["catalogs as JSON strings (JSON.parse at load), the same messages", [asJson]],
  ];
  const whatIf = [];
  for (const [name, plugins] of variants) {
    const built = plugins.length ? await residentBundle(asked, plugins) : actual;
    const full = assemble(built.text);
    whatIf.push({
      name,
      bytes: Buffer.byteLength(full),
      gzip: gzipBytes(full),
      load: measureLoad(full),
      code: full,
    });
  }
  return { inputs, groups, appInputs, appGroups, catalogs, whatIf, warnings };
}
