/**
 * The layer guards, each proven by an import or a use that must be refused: src/core sees only
 * src/core (no server, UI, dev code, DOM or Apps Script types), the sidebar sees only src/core and
 * the server's types, the server never the sidebar or dev code. And the finding-code → message link
 * is a type, so a code without a message fails typecheck.
 */
import { execFileSync } from "node:child_process";
import { dirname, join } from "node:path";
import ts from "typescript";

const ROOT = join(__dirname, "..", "..");

/**
 * The layer-rule messages ESLint reports for each `[path, code]`, as if `code` were that file. ESLint
 * loads its config with a dynamic import, which Jest's module system refuses: a Node child lints.
 */
function refusalsOf(cases: [path: string, code: string][]): string[][] {
  const script = `
    const { ESLint } = require("eslint");
    const cases = JSON.parse(process.argv[1]);
    const eslint = new ESLint({ cwd: process.cwd() });
    Promise.all(cases.map(([filePath, code]) => eslint.lintText(code, { filePath }))).then((results) =>
      console.log(JSON.stringify(results.map(([r]) =>
        r.messages.filter((m) => String(m.ruleId).startsWith("no-restricted")).map((m) => m.message)))));`;
  const input = JSON.stringify(cases.map(([path, code]) => [join(ROOT, path), code]));
  return JSON.parse(
    execFileSync(process.execPath, ["-e", script, input], { cwd: ROOT, encoding: "utf8" }),
  ) as string[][];
}

const REFUSED: [string, string][] = [
  ["src/core/rules/time.ts", 'import { clock } from "../../server/clock";'],
  ["src/core/quarter-scores.ts", 'import { clock } from "../server/clock";'],
  ["src/core/rules/time.ts", 'import { clock } from "../../server";'],
  ["src/core/i18n/messages/ui.ts", 'import { x } from "../../../ui/wizard/state";'],
  ["src/core/dates.ts", 'import { x } from "../../dev/gas/a1";'],
  ["src/core/rules/time.ts", 'import type { Clock } from "../../server/clock";'],
  ["src/ui/wizard/view.ts", 'import { insertDraft } from "../../server/wizard";'],
  ["src/ui/checkin.ts", 'import { x } from "../server/checkins";'],
  ["src/ui/wizard/view.ts", 'import { x } from "../../../dev/fixtures";'],
  ["src/server/menu.ts", 'import { x } from "../ui/view";'],
  ["src/server/menu.ts", 'import { x } from "../../dev/loader";'],
  ["src/core/rules/time.ts", "export const s = SpreadsheetApp.getActive();"],
  ["src/ui/wizard/view.ts", "export const s = SpreadsheetApp.getActive();"],
];

const ALLOWED: [string, string][] = [
  ["src/core/rules/time.ts", 'import { x } from "../dates";'],
  ["src/core/i18n/en.ts", 'import { x } from "./messages/ui";'],
  ["src/ui/wizard/view.ts", 'import type { SidebarContext } from "../../server/sidebar";'],
  ["src/ui/checkin.ts", 'import { callServer } from "./server-client";'],
  ["src/ui/wizard/view.ts", 'import { x } from "../../core/schema";'],
  ["src/server/menu.ts", 'import { x } from "../core/schema";'],
  ["src/ui/wizard/view.ts", "export const r = google.script.run;"],
];

describe("eslint refuses imports across layers, at any depth", () => {
  const results = refusalsOf(
    [...REFUSED, ...ALLOWED].map(([path, line]) => [path, `${line}\nexport const y = 1;\n`]),
  );

  test.each(REFUSED.map((c, i) => [...c, i] as const))("refused in %s: %s", (_path, _line, i) => {
    expect(results[i]).toHaveLength(1);
  });

  test.each(ALLOWED.map((c, i) => [...c, REFUSED.length + i] as const))(
    "allowed in %s: %s",
    (_path, _line, i) => {
      expect(results[i]).toEqual([]);
    },
  );
});

/** Type errors of src/core as tsconfig.core.json compiles it, with `extra` files added. */
function coreErrors(extra: Record<string, string>): string[] {
  const file = ts.readConfigFile(join(ROOT, "tsconfig.core.json"), ts.sys.readFile.bind(ts.sys));
  const parsed = ts.parseJsonConfigFileContent(file.config, ts.sys, ROOT);
  const virtual = new Map(Object.entries(extra).map(([path, text]) => [join(ROOT, path), text]));
  const host = ts.createCompilerHost(parsed.options);
  const { getSourceFile, fileExists, readFile } = host;
  host.fileExists = (name) => virtual.has(name) || fileExists.call(host, name);
  host.readFile = (name) => virtual.get(name) ?? readFile.call(host, name);
  host.getSourceFile = (name, version, ...rest) => {
    const text = virtual.get(name);
    return text === undefined
      ? getSourceFile.call(host, name, version, ...rest)
      : ts.createSourceFile(name, text, version);
  };
  const program = ts.createProgram([...parsed.fileNames, ...virtual.keys()], parsed.options, host);
  return ts
    .getPreEmitDiagnostics(program)
    .map(
      (d) =>
        `${d.file ? d.file.fileName.slice(ROOT.length + 1) : ""}: ${ts.flattenDiagnosticMessageText(d.messageText, "\n")}`,
    );
}

describe("tsconfig.core.json: src/core compiles without the DOM or Apps Script", () => {
  test("src/core as it is compiles clean, and the guards refuse what they must", () => {
    const fixtures = {
      "src/core/rules/__dom.ts": "export const title = document.title;\n",
      "src/core/__apps-script.ts": "export const book = SpreadsheetApp.getActive();\n",
      "src/core/__finding-message.ts": [
        'import type { FindingCode } from "./findings";',
        'import type { MessageKey } from "./i18n";',
        'declare const code: FindingCode | "no-such-finding";',
        "export const key: MessageKey = `finding.${code}`;",
        "",
      ].join("\n"),
    };
    const errors = coreErrors(fixtures);
    // Only the fixtures fail, each once.
    expect(errors.map((e) => e.split(":")[0]).sort()).toEqual(Object.keys(fixtures).sort());
    expect(errors.find((e) => e.startsWith("src/core/rules/__dom.ts"))).toMatch(/document/);
    expect(errors.find((e) => e.startsWith("src/core/__apps-script.ts"))).toMatch(/SpreadsheetApp/);
    expect(errors.find((e) => e.startsWith("src/core/__finding"))).toMatch(
      /finding\.no-such-finding|not assignable/,
    );
  });

  test("tsconfig.core.json covers the whole of src/core", () => {
    const file = ts.readConfigFile(join(ROOT, "tsconfig.core.json"), ts.sys.readFile.bind(ts.sys));
    const parsed = ts.parseJsonConfigFileContent(file.config, ts.sys, ROOT);
    expect(parsed.options.types).toEqual([]);
    expect(parsed.options.lib).toEqual(["lib.es2020.d.ts"]);
    expect(parsed.fileNames.length).toBeGreaterThan(30);
    expect(parsed.fileNames.every((f) => dirname(f).startsWith(join(ROOT, "src", "core")))).toBe(true);
  });
});
