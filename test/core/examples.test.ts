/**
 * The `@example` lines of src/core run as tests: each `call(...) //=> value` whose call needs only
 * the core's exports is evaluated and compared with the value written. Examples that lean on
 * variables of their own (`okrs`, `settings`…) or span several lines illustrate and are skipped;
 * a floor on the number run keeps a renamed export from quietly turning examples into skips.
 */
import { transformSync } from "esbuild";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import * as core from "../../src/core";

const CORE = join(__dirname, "..", "..", "src", "core");

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : name.endsWith(".ts") ? [path] : [];
  });
}

interface Example {
  where: string;
  expr: string;
  expected: string;
}

/** `expr //=> expected` lines inside JSDoc `@example` blocks. */
function examples(path: string): Example[] {
  const lines = readFileSync(path, "utf8").split("\n");
  const found: Example[] = [];
  let inExample = false;
  lines.forEach((line, i) => {
    const text = line.replace(/^\s*(\/\*\*|\*\/|\*)\s?/, "");
    if (/\*\//.test(line) && !/@example/.test(line)) inExample = false;
    if (/@example/.test(text)) inExample = true;
    if (!inExample && !/@example/.test(text)) return;
    const m = /^(?:@example\s+)?(.+?)\s*\/\/=>\s*(.+?)\s*(?:\*\/)?$/.exec(text);
    if (m) found.push({ where: `${relative(CORE, path)}:${i + 1}`, expr: m[1]!, expected: m[2]! });
    if (/\*\//.test(line)) inExample = false;
  });
  return found;
}

const js = (ts: string) => transformSync(`(${ts})`, { loader: "ts" }).code;

/** The written value as JavaScript, without the commentary after it ("(decreasing)", "; also …"). */
function expectedValue(text: string): { value: unknown } | undefined {
  if (text.includes("…")) return undefined;
  const candidates = [text, text.replace(/\s+\([^()]*\)\s*$/, ""), text.split(/;\s/)[0]!];
  for (const candidate of candidates) {
    try {
      return { value: new Function(`return ${js(candidate)}`)() as unknown };
    } catch {
      // try the next reading
    }
  }
  return undefined;
}

const scope = core as unknown as Record<string, unknown>;

function run(example: Example, own: Record<string, unknown>): { value: unknown } | "illustrative" {
  const names = Object.keys({ ...scope, ...own }).filter((n) => /^[A-Za-z_$][\w$]*$/.test(n));
  const values = names.map((n) => (n in own ? own[n] : scope[n]));
  let code: string;
  try {
    code = js(example.expr);
  } catch {
    return "illustrative";
  }
  try {
    return { value: new Function(...names, `return ${code}`)(...values) as unknown };
  } catch (error) {
    if (error instanceof ReferenceError) return "illustrative";
    throw error;
  }
}

const all = files(CORE).flatMap((path) => examples(path).map((example) => ({ path, example })));
const runnable = all.flatMap(({ path, example }) => {
  const expected = expectedValue(example.expected);
  if (!expected) return [];
  const own = require(path) as Record<string, unknown>; // eslint-disable-line @typescript-eslint/no-require-imports
  const outcome = run(example, own);
  return outcome === "illustrative" ? [] : [{ example, actual: outcome.value, expected: expected.value }];
});

describe("@example lines in src/core", () => {
  test("most of them run", () => {
    expect(all.length).toBeGreaterThan(60);
    expect(runnable.length).toBeGreaterThanOrEqual(45);
  });

  test.each(runnable.map((r) => [r.example.where, r.example.expr, r] as const))(
    "%s: %s",
    (_where, _expr, r) => {
      expect(r.actual).toEqual(r.expected);
    },
  );
});
