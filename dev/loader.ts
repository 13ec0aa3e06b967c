import { readFileSync } from "node:fs";
import { join } from "node:path";
import vm from "node:vm";
import { createRuntime, type Runtime, type RuntimeOptions } from "./gas";

export const DIST = join(__dirname, "..", "dist");

/** The built add-on loaded in a fresh `vm` context, with the in-memory Apps Script services as globals. */
export interface LoadedAddon extends Runtime {
  context: vm.Context;
  /** Calls a top-level function of the bundle by name, as Apps Script or google.script.run would. */
  run<T = unknown>(name: string, ...args: unknown[]): T;
  /** The names of the bundle's top-level functions. */
  functionNames(): string[];
}

export function readDist(file: string): string {
  return readFileSync(join(DIST, file), "utf8");
}

export function loadAddon(options: RuntimeOptions & { code?: string } = {}): LoadedAddon {
  const code = options.code ?? readDist("Code.js");
  const files = options.files ?? { Sidebar: readDist("Sidebar.html") };
  const runtime = createRuntime({ ...options, files });
  const context = vm.createContext({ ...runtime.globals, console });
  vm.runInContext(code, context, { filename: "Code.js" });
  const globals = context as Record<string, unknown>;
  return {
    ...runtime,
    context,
    run<T>(name: string, ...args: unknown[]): T {
      const fn = globals[name];
      if (typeof fn !== "function") throw new Error(`Script function not found: ${name}`);
      return (fn as (...a: unknown[]) => T)(...args);
    },
    functionNames() {
      return vm.runInContext(
        "Object.getOwnPropertyNames(globalThis).filter((k) => typeof globalThis[k] === 'function')",
        context,
      ) as string[];
    },
  };
}
