/**
 * Benchmark only: stands in for dev/gas/calls.ts when scripts/bench.mjs bundles the offline
 * runtime (an esbuild plugin redirects the runtime's `./calls` imports here). Calls are counted by
 * the real `counted` and `CallLog`, unchanged; this adds one thing: the time spent inside the
 * in-memory services, so that the benchmark can tell the add-on's own compute (what runs in Apps
 * Script's V8) from the fake spreadsheet's work (what Sheets' servers do, estimated per call).
 */
import { CallLog, counted as countedCalls, LOCAL_BUILDERS } from "../../dev/gas/calls";

export { CallLog, LOCAL_BUILDERS };

/** Milliseconds spent inside service calls since the last reset; nested calls are counted once. */
export const serviceTime = { ms: 0, depth: 0 };

export function resetServiceTime(): void {
  serviceTime.ms = 0;
  serviceTime.depth = 0;
}

/** The real `counted`, around a proxy that times each method call (`this` chains preserved). */
export function counted<T extends object>(
  target: T,
  kind: string,
  log: CallLog,
  local: readonly string[] = [],
): T {
  const timed: T = new Proxy(target, {
    get(obj, prop, receiver) {
      const value = Reflect.get(obj, prop, receiver) as unknown;
      if (typeof value !== "function" || typeof prop !== "string" || prop === "constructor") return value;
      return (...args: unknown[]) => {
        const outer = serviceTime.depth++ === 0;
        const start = outer ? performance.now() : 0;
        try {
          const result = (value as (...a: unknown[]) => unknown).apply(obj, args);
          return result === obj ? timed : result;
        } finally {
          serviceTime.depth--;
          if (outer) serviceTime.ms += performance.now() - start;
        }
      };
    },
  });
  return countedCalls(timed, kind, log, local);
}
