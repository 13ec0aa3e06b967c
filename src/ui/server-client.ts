/**
 * Typed calls to the server. The names and signatures come from src/server/main.ts, whose exports
 * are the globals google.script.run can reach, so a misspelled function or a wrong argument is a
 * compile error, and a call cannot name a function the server does not have. Each call returns a
 * promise and tells the busy listeners, so the sidebar shows its loading indicator and disables the
 * buttons marked `data-busy` (no double submit).
 */
import type * as Globals from "../server/main";
import type { MENU_FUNCTIONS } from "../server/menu";
import { type Lang, t } from "./i18n";

type Api = typeof Globals;

/**
 * What the sidebar and dialogs may call: main.ts's functions, less the menu's commands, the private
 * ones (a trailing underscore, which google.script.run refuses anyway) and the custom formulas
 * (capitalized names), none of which is meant for a page.
 */
export type ServerFunction = Exclude<
  keyof Api,
  (typeof MENU_FUNCTIONS)[number] | `${string}_` | Uppercase<keyof Api>
>;

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

/**
 * What google.script.run reports when several Google accounts are signed in to the browser and the
 * call goes out as another account than the page's (a long-standing Apps Script limitation:
 * https://developers.google.com/apps-script/guides/support/troubleshooting#issues-multiple and
 * https://issuetracker.google.com/issues/69270374): "a server error occurred while reading from
 * storage. Error code PERMISSION_DENIED", "Authorization is required to perform that action", or
 * "Exception: Action not allowed".
 */
const SEVERAL_ACCOUNTS =
  /PERMISSION_DENIED|authori[sz]ation is required to perform that action|exception: action not allowed/i;

/** The language the several-accounts explanation is written in, until the server names the user's. */
let explainIn: Lang = /^fr\b/i.test(globalThis.navigator?.language ?? "") ? "fr" : "en";

export function setCallLanguage(lang: Lang): void {
  explainIn = lang;
}

/** A failed call's error, the several-accounts case explained with what to do. */
export function callError(raw: { message?: string } | string | undefined): Error {
  const message = typeof raw === "string" ? raw : (raw?.message ?? String(raw));
  if (!SEVERAL_ACCOUNTS.test(message)) return new Error(message);
  const error = new Error(t(explainIn, "sidebar.accounts"));
  error.name = "AccountsError";
  return error;
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
    let runner: ScriptRun;
    try {
      runner = scriptRun()
        .withSuccessHandler((value) => {
          setPending(-1);
          resolve(value as Awaited<ReturnType<Api[K]>>);
        })
        .withFailureHandler((error) => {
          setPending(-1);
          reject(callError(error));
        });
      const fn = runner[name];
      if (typeof fn !== "function") throw new Error(`Unknown server function: ${name}`);
      (fn as (...a: unknown[]) => void).apply(runner, args);
    } catch (error) {
      setPending(-1);
      reject(error instanceof Error ? error : new Error(String(error)));
    }
  });
}
