/**
 * Every message is asked for somewhere in src: by its literal key (`t(lang, "review.title")`), or
 * under one of the prefixes below, whose keys the code builds or selects at run time (`status.${status}`). A
 * message nobody asks for is dead text in dist/Code.js or dist/Sidebar.html; a prefix nobody builds
 * any more is a stale entry of the allowlist. Both fail here.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import ts from "typescript";
import { en } from "../../src/core/i18n/en";
import { fr } from "../../src/core/i18n/fr";
import { sidebarMessages } from "../../src/core/i18n/sidebar";
import { GUIDE_ROWS, guideRows } from "../../src/core/guide";

const SRC = join(__dirname, "..", "..", "src");

/** Prefixes of keys built at run time, each with where it is built. */
const DYNAMIC_PREFIXES: Record<string, string> = {
  "menu.path.": "core/i18n: the menu path of the build's flavour",
  "formula.arg.": "core/formula-call: an argument's name",
  "guide.row": "core/guide: the Guide's rows, in order",
  "finding.": "core/describe: a finding's message by its code",
  "status.": "a pace status's label",
  "payload.": "core/payload-problem: the type a sidebar payload lacked",
  "wizard.steps.": "ui/wizard: a step's title",
  "wizard.kind.": "ui/wizard: an objective's kind",
  "findings.group.": "ui/findings: a severity's group heading",
  "health.signal.": "core/health-settings: a practice-health signal's name",
  "health.about.": "core/health-settings: what a practice-health signal measures",
  "health.worse.": "core/health-sheet: the finding for a signal getting worse",
  "rollup.col.": "server/rollup: a column header of the roll-up sheet",
};

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return path.endsWith(".ts") ? [path] : [];
  });
}

/** The string literals of src outside the catalogues, and the heads of its template literals. */
function references() {
  const literals = new Set<string>();
  const heads = new Set<string>();
  const catalogues = join(SRC, "core", "i18n");
  for (const file of sourceFiles(SRC)) {
    if (file.startsWith(catalogues) && !file.endsWith("index.ts")) continue;
    const source = ts.createSourceFile(file, readFileSync(file, "utf8"), ts.ScriptTarget.ES2020, true);
    const visit = (node: ts.Node) => {
      if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) literals.add(node.text);
      else if (ts.isTemplateExpression(node)) heads.add(node.head.text);
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return { literals, heads };
}

describe("the message catalogues against src", () => {
  const { literals, heads } = references();
  const keys = [...Object.keys(en), ...Object.keys(sidebarMessages.en)];

  it("has no message that nothing in src asks for", () => {
    const prefixes = Object.keys(DYNAMIC_PREFIXES);
    const unused = keys.filter((key) => !literals.has(key) && !prefixes.some((p) => key.startsWith(p)));
    expect(unused).toEqual([]);
  });

  it("builds a key under every prefix of the allowlist, and each prefix names messages", () => {
    for (const prefix of Object.keys(DYNAMIC_PREFIXES)) {
      expect([prefix, heads.has(prefix) || literals.has(prefix)]).toEqual([prefix, true]);
      expect([prefix, keys.some((key) => key.startsWith(prefix))]).toEqual([prefix, true]);
    }
  });

  it("has no message equal to its key, in either language", () => {
    const all = { en: { ...en, ...sidebarMessages.en }, fr: { ...fr, ...sidebarMessages.fr } };
    for (const [lang, catalogue] of Object.entries(all)) {
      const same = Object.entries(catalogue).filter(([key, text]) => text === key);
      expect([lang, same]).toEqual([lang, []]);
    }
  });

  it("has as many Guide rows as the Guide writes", () => {
    expect(keys.filter((key) => key.startsWith("guide.row"))).toHaveLength(GUIDE_ROWS);
    expect(guideRows("fr").every(([topic]) => topic !== "")).toBe(true);
  });

  it("is checked over the whole of src", () => {
    expect(relative(SRC, join(SRC, "core", "i18n", "index.ts"))).toBe(join("core", "i18n", "index.ts"));
    expect(literals.size).toBeGreaterThan(100);
  });
});
