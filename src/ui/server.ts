/**
 * Typed calls to the server. The names and signatures come from src/server/sidebar-api.ts, so a
 * misspelled function or a wrong argument is a compile error. Each call returns a promise, shows the
 * loading indicator while it runs and disables every button marked `data-busy` (no double submit).
 */
import type * as SidebarApi from "../server/sidebar-api";

type Api = typeof SidebarApi;
export type ServerFunction = {
  [K in keyof Api]: Api[K] extends (...args: never[]) => unknown ? K : never;
}[keyof Api];

interface ScriptRun {
  withSuccessHandler(handler: (value: unknown) => void): ScriptRun;
  withFailureHandler(handler: (error: { message?: string } | string) => void): ScriptRun;
  [name: string]: unknown;
}

function scriptRun(): ScriptRun {
  const google = (globalThis as { google?: { script?: { run?: ScriptRun } } }).google;
  const run = google?.script?.run;
  if (!run) throw new Error("google.script.run is not available");
  return run;
}

let pending = 0;
const busyListeners: ((busy: boolean) => void)[] = [];

/** Called with true when the first call starts and false when the last one ends. */
export function onBusyChange(listener: (busy: boolean) => void): void {
  busyListeners.push(listener);
}

function setPending(delta: number): void {
  const wasBusy = pending > 0;
  pending += delta;
  if (wasBusy !== pending > 0) busyListeners.forEach((listener) => listener(pending > 0));
}

export function isBusy(): boolean {
  return pending > 0;
}

export function callServer<K extends ServerFunction>(
  name: K,
  ...args: Parameters<Api[K]>
): Promise<Awaited<ReturnType<Api[K]>>> {
  return new Promise((resolve, reject) => {
    setPending(1);
    const runner = scriptRun()
      .withSuccessHandler((value) => {
        setPending(-1);
        resolve(value as Awaited<ReturnType<Api[K]>>);
      })
      .withFailureHandler((error) => {
        setPending(-1);
        reject(new Error(typeof error === "string" ? error : (error?.message ?? String(error))));
      });
    const fn = runner[name];
    if (typeof fn !== "function") {
      setPending(-1);
      reject(new Error(`Unknown server function: ${name}`));
      return;
    }
    (fn as (...a: unknown[]) => void).apply(runner, args);
  });
}
