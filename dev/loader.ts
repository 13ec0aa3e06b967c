import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import vm from "node:vm";
import { FormulaEngine } from "./formula-engine";
import { createRuntime, type Manifest, type Runtime, type RuntimeOptions } from "./gas";

export const DIST = join(__dirname, "..", "dist");

/** The built add-on loaded in a fresh `vm` context, with the in-memory Apps Script services as globals. */
export interface LoadedAddon extends Runtime {
  context: vm.Context;
  /** Calls a top-level function of the bundle by name, as Apps Script or google.script.run would. */
  run<T = unknown>(name: string, ...args: unknown[]): T;
  /** The names of the bundle's top-level functions. */
  functionNames(): string[];
  /**
   * What the bundle wrote with `console`, as Apps Script's execution log keeps it: a level and the
   * arguments serialized to one string (https://developers.google.com/apps-script/reference/base/console).
   */
  logs: LogEntry[];
  /** Moves the bundle's clock (`new Date()`, `Date.now()`), e.g. a week later for the next check-in. */
  setNow(now: string | Date): void;
  /**
   * The formula evaluator plugged into the spreadsheet: formula cells read as Sheets shows them,
   * custom functions rerunning only when an argument changed. Undefined with `formulas: false`.
   */
  engine: FormulaEngine | undefined;
}

export interface LogEntry {
  level: "log" | "info" | "warn" | "error";
  message: string;
}

/**
 * A console that records into `logs` rather than printing, so a test reads what a maintainer
 * would; `onLog` sees each entry too (the playground prints them).
 */
function executionLog(logs: LogEntry[], onLog?: (entry: LogEntry) => void): Pick<Console, LogEntry["level"]> {
  const record =
    (level: LogEntry["level"]) =>
    (...args: unknown[]) => {
      // An error of either realm (the bundle's or the caller's) with its stack.
      const stack = (a: unknown) => (typeof a === "object" && a !== null ? (a as Error).stack : undefined);
      const text = (a: unknown) => (typeof stack(a) === "string" ? stack(a)! : String(a));
      const entry: LogEntry = { level, message: args.map(text).join(" ") };
      logs.push(entry);
      onLog?.(entry);
    };
  return { log: record("log"), info: record("info"), warn: record("warn"), error: record("error") };
}

/**
 * Pins the clock inside the context: `new Date()` and `Date.now()` answer `clock.now` when set;
 * every other use of Date is untouched. Time is an input, so tests can walk through a quarter.
 */
const CLOCK_SCRIPT = `(() => {
  const RealDate = Date;
  const clock = globalThis.__okrClock;
  class ClockDate extends RealDate {
    constructor(...args) {
      if (args.length === 0 && clock.now !== undefined) super(clock.now);
      else super(...args);
    }
    static now() {
      return clock.now !== undefined ? clock.now : RealDate.now();
    }
  }
  globalThis.Date = ClockDate;
  delete globalThis.__okrClock;
})();`;

/**
 * A fresh global scope for the bundle. Where Node offers it (20.18+), the context is an ordinary
 * global object rather than an intercepted one, as in Apps Script's own V8: global lookups
 * (Math, Array…) then run at full speed, which matters when the benchmark times formulas.
 */
export function createGlobalContext(globals: Record<string, unknown>): vm.Context {
  const plain = (vm.constants as unknown as { DONT_CONTEXTIFY?: unknown } | undefined)?.DONT_CONTEXTIFY;
  if (plain === undefined) return vm.createContext(globals);
  const context = vm.createContext(plain as unknown as vm.Context);
  Object.assign(context, globals);
  return context;
}

export function readDist(file: string): string {
  return readFileSync(join(DIST, file), "utf8");
}

/**
 * The project's HTML files as clasp pushes them from dist/ (Sidebar, server-app, messages-fr…), or
 * from another build's directory, by name without extension: what
 * HtmlService.createHtmlOutputFromFile(name) serves.
 */
export function readDistFiles(dir: string = DIST): Record<string, string> {
  let names: string[];
  try {
    names = readdirSync(dir).filter((file) => file.endsWith(".html"));
  } catch {
    return {}; // No dist/ here (the playground's worker thread): the caller passes the files.
  }
  return Object.fromEntries(
    names.map((file) => [file.slice(0, -".html".length), readFileSync(join(dir, file), "utf8")]),
  );
}

/**
 * The global the app bundle (dist/server-app.html) sets when Code.js loads it
 * (scripts/esbuild-options.mjs APP_GLOBAL). Apps Script gives each execution a fresh global scope,
 * so each `run` and each custom-function call starts without it: the app is read again, with its
 * HtmlService calls counted, and nothing it memoized leaks from one execution to the next.
 */
export const APP_GLOBAL = "OKR_APP_";

/**
 * Runs one execution: without the app loaded, whatever an enclosing execution had loaded (a custom
 * function recalculated while an operation writes runs in an execution of its own), which gets it
 * back afterwards.
 */
function asExecution<T>(globals: Record<string, unknown>, run: () => T): T {
  const enclosing = globals[APP_GLOBAL];
  delete globals[APP_GLOBAL];
  try {
    return run();
  } finally {
    if (enclosing === undefined) delete globals[APP_GLOBAL];
    else globals[APP_GLOBAL] = enclosing;
  }
}

/** Calls the custom function the caller put in `__okrCall`, read before anything nested replaces it. */
const CUSTOM_CALL = new vm.Script("(function (c) { return c.fn.apply(null, c.args); })(__okrCall)");

/** What Sheets shows on a custom function past its time (https://developers.google.com/apps-script/guides/sheets/functions). */
export const EXCEEDED = "Exceeded maximum execution time";

export function loadAddon(
  options: RuntimeOptions & {
    code?: string;
    now?: string | Date;
    formulas?: boolean;
    /** Ends a custom function that runs longer, as Sheets does after 30 s (the playground sets it). */
    formulaTimeoutMs?: number;
    /** Sees each entry the bundle logs, as it is written (`logs` keeps them all). */
    onLog?: (entry: LogEntry) => void;
  } = {},
): LoadedAddon {
  const code = options.code ?? readDist("Code.js");
  // Files given (the playground's sidebar, the bench's) replace those of dist/, built with the bundle.
  const files = { ...readDistFiles(), ...options.files };
  // The built manifest, pushed with the built bundle: its scopes are the ones Apps Script grants.
  // Code passed in (the playground) runs with the runtime's default, the repository's manifest.
  const manifest =
    options.manifest ??
    (options.code === undefined ? (JSON.parse(readDist("appsscript.json")) as Manifest) : undefined);
  const runtime = createRuntime({ ...options, files, manifest });
  const clock: { now: number | undefined } = {
    now: options.now === undefined ? undefined : new Date(options.now).getTime(),
  };
  runtime.spreadsheet.now = () => clock.now ?? Date.now();
  const logs: LogEntry[] = [];
  const context = createGlobalContext({
    ...runtime.globals,
    console: executionLog(logs, options.onLog),
    __okrClock: clock,
  });
  vm.runInContext(CLOCK_SCRIPT, context);
  vm.runInContext(code, context, { filename: "Code.js" });
  const globals = context as Record<string, unknown>;
  const functionNames = () =>
    vm.runInContext(
      "Object.getOwnPropertyNames(globalThis).filter((k) => typeof globalThis[k] === 'function')",
      context,
    ) as string[];
  let engine: FormulaEngine | undefined;
  if (options.formulas !== false) {
    const custom = functionNames().filter((name) => /^[A-Z][A-Z0-9_]*$/.test(name));
    engine = new FormulaEngine(
      runtime.spreadsheet,
      (name) => {
        const fn = custom.includes(name) ? globals[name] : undefined;
        if (typeof fn !== "function") return undefined;
        const timeout = options.formulaTimeoutMs;
        if (timeout === undefined)
          return (...args: unknown[]) =>
            runtime.calls.uncounted(() =>
              asExecution(globals, () => (fn as (...a: unknown[]) => unknown)(...args)),
            );
        // Run inside the context, where vm's timeout can stop a loop that never ends.
        return (...args: unknown[]) =>
          runtime.calls.uncounted(() =>
            asExecution(globals, () => {
              globals.__okrCall = { fn, args };
              try {
                return CUSTOM_CALL.runInContext(context, { timeout });
              } catch (error) {
                const timedOut = (error as { code?: string })?.code === "ERR_SCRIPT_EXECUTION_TIMEOUT";
                throw timedOut ? new Error(EXCEEDED) : error;
              }
            }),
          );
      },
      custom,
    ).install();
  }
  return {
    ...runtime,
    engine,
    context,
    logs,
    run<T>(name: string, ...args: unknown[]): T {
      const fn = globals[name];
      if (typeof fn !== "function") throw new Error(`Script function not found: ${name}`);
      return asExecution(globals, () => (fn as (...a: unknown[]) => T)(...args));
    },
    setNow(now: string | Date) {
      clock.now = new Date(now).getTime();
    },
    functionNames,
  };
}
