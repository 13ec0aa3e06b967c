/**
 * Every call made to an in-memory Apps Script service is counted here, so a test or the benchmark
 * can prove that an operation reads and writes each sheet once, whatever the number of rows.
 */
export class CallLog {
  private readonly counts = new Map<string, number>();
  private readonly order: string[] = [];
  /** Told of every call as it is counted (the playground drops its formula cache on writes). */
  onCount: ((name: string) => void) | undefined;
  /** Asked before each call runs; throws when the manifest's scopes do not allow it (see scopes.ts). */
  authorize: ((name: string) => void) | undefined;

  private paused = 0;

  count(name: string): void {
    if (this.paused > 0) return;
    this.counts.set(name, (this.counts.get(name) ?? 0) + 1);
    this.order.push(name);
    this.onCount?.(name);
  }

  /** Calls of one method, e.g. `get("Range.getValues")`. */
  get(name: string): number {
    return this.counts.get(name) ?? 0;
  }

  total(): number {
    return this.order.length;
  }

  /** The calls in the order they were made. */
  sequence(): readonly string[] {
    return this.order;
  }

  /** A sorted `{ "Range.getValues": 2, ... }` record, handy for snapshot-style comparisons. */
  snapshot(): Record<string, number> {
    return Object.fromEntries([...this.counts.entries()].sort(([a], [b]) => a.localeCompare(b)));
  }

  /**
   * Runs without counting: a custom function recalculated while an operation reads a sheet runs in
   * an execution of its own in Sheets, so its calls are not the operation's.
   */
  uncounted<T>(run: () => T): T {
    this.paused++;
    try {
      return run();
    } finally {
      this.paused--;
    }
  }

  reset(): void {
    this.counts.clear();
    this.order.length = 0;
  }
}

/**
 * Builders (newDataValidation, newConditionalFormatRule, newChart and their chains) are assembled
 * locally by Apps Script and only reach the spreadsheet when applied (setDataValidations,
 * setConditionalFormatRules, insertChart), so they are listed as `local` and not counted.
 */
export const LOCAL_BUILDERS = ["newDataValidation", "newConditionalFormatRule", "newChart"] as const;

/**
 * Wraps a service object so that each method call is counted as `kind.method`. Methods that return
 * their own object (builders, chained setters) return the wrapper, so chains stay counted.
 */
export function counted<T extends object>(
  target: T,
  kind: string,
  log: CallLog,
  local: readonly string[] = [],
): T {
  const proxy: T = new Proxy(target, {
    get(obj, prop, receiver) {
      const value = Reflect.get(obj, prop, receiver) as unknown;
      if (typeof value !== "function" || typeof prop !== "string" || prop === "constructor") return value;
      return (...args: unknown[]) => {
        if (!local.includes(prop)) {
          log.authorize?.(`${kind}.${prop}`);
          log.count(`${kind}.${prop}`);
        }
        const result = (value as (...a: unknown[]) => unknown).apply(obj, args);
        return result === obj ? proxy : result;
      };
    },
  });
  return proxy;
}
