import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { buildSync } from "esbuild";
import { type Browser, chromium, type Page } from "playwright-core";
import type { LoadedAddon } from "../../dev/loader";
import type { Outcome } from "../../dev/script-run";

/** Flags that keep Chromium quiet on a machine without network (see the env notes). */
const FLAGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/**
 * @sparticuz/chromium is an ES module and Jest runs CommonJS, so a child Node process unpacks the
 * binary (once, into the temp folder) and prints where it is.
 */
function sparticuzChromium(): { executablePath: string; args: string[] } {
  const script =
    "import('@sparticuz/chromium').then(async ({ default: c }) => " +
    "console.log(JSON.stringify({ executablePath: await c.executablePath(), args: c.args })))";
  const out = execFileSync(process.execPath, ["-e", script], {
    cwd: join(__dirname, "..", ".."),
    encoding: "utf8",
  });
  return JSON.parse(out.trim().split("\n").pop() as string) as { executablePath: string; args: string[] };
}

/**
 * Real headless Chromium: CHROMIUM_PATH when set, else the system's Chromium, else the binary shipped
 * inside the npm package @sparticuz/chromium, so a fresh machine needs nothing but `npm ci`.
 */
export async function launchChromium(): Promise<Browser> {
  const system = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"].find(
    existsSync,
  );
  let executablePath = process.env.CHROMIUM_PATH ?? system;
  let args = FLAGS;
  if (!executablePath) {
    const shipped = sparticuzChromium();
    executablePath = shipped.executablePath;
    // "--single-process" suits Lambda, but closing one page there ends the whole browser.
    args = [...shipped.args.filter((a) => a !== "--single-process"), ...FLAGS];
  }
  return chromium.launch({ executablePath, args, headless: true });
}

/**
 * The page's `google.script.run`: the one fake in dev/script-run.ts (Apps Script's rules: no Date,
 * function, DOM element or cycle; success and failure handlers; withUserObject), bundled for the
 * browser once, its transport calling back into the test.
 */
let scriptRunBundle: string | undefined;
function scriptRunScript(): string {
  scriptRunBundle ??= buildSync({
    stdin: {
      contents: `import { scriptRun } from "./dev/script-run";
        const serve = window.__okrServe;
        window.google = { script: { run: scriptRun((name, argsJson) => serve(name, argsJson)) } };`,
      resolveDir: join(__dirname, "..", ".."),
      loader: "ts",
    },
    bundle: true,
    write: false,
    format: "iife",
    target: "es2020",
    logLevel: "silent",
  }).outputFiles[0]!.text;
  return scriptRunBundle;
}

/**
 * Gives the page a `google.script.run` that behaves like Apps Script's (dev/script-run.ts). `serve`
 * answers each call; by default it runs the built bundle in the offline runtime.
 */
export async function bridgeScriptRun(
  page: Page,
  serve: (name: string, args: unknown[]) => unknown | Promise<unknown>,
): Promise<void> {
  await page.exposeFunction("__okrServe", async (name: string, argsJson: string): Promise<Outcome> => {
    try {
      const value = await serve(name, JSON.parse(argsJson) as unknown[]);
      return { ok: true, json: JSON.stringify(value === undefined ? null : value) };
    } catch (error) {
      return { ok: false, message: (error as Error)?.message ?? String(error) };
    }
  });
  await page.addInitScript({ content: scriptRunScript() });
}

/** Serves google.script.run calls with the built bundle, as Apps Script would. */
export function serveWith(addon: LoadedAddon) {
  return (name: string, args: unknown[]) => addon.run(name, ...args);
}

export const ARTIFACTS = join(__dirname, "..", "..", "test-artifacts");

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });
}

/**
 * Opens built HTML as a page of its own (init scripts such as the google.script.run bridge run on
 * navigation, which `setContent` does not do). Nothing leaves the machine: the URL is answered here.
 */
export async function openHtml(page: Page, html: string): Promise<void> {
  const url = "http://okr-sheets.test/sidebar";
  await page.route(url, (route) =>
    route.fulfill({ status: 200, contentType: "text/html; charset=utf-8", body: html }),
  );
  await page.goto(url);
}

/**
 * One Chromium per test file and a fresh page per test. A page that opens a browser dialog (alert,
 * confirm: what an XSS payload would do) fails its test; `check` runs on each page before it closes.
 */
export function usePages(
  viewport: { width: number; height: number },
  check?: (page: Page) => Promise<void>,
): { readonly page: Page } {
  let browser: Browser | undefined;
  const state: { page?: Page; dialogs: string[] } = { dialogs: [] };
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });
  beforeEach(async () => {
    const page = await browser!.newPage({ viewport });
    state.page = page;
    state.dialogs = [];
    page.on("dialog", (dialog) => {
      state.dialogs.push(dialog.message());
      void dialog.dismiss();
    });
  });
  afterEach(async () => {
    expect(state.dialogs).toEqual([]);
    if (state.page && check) await check(state.page);
    await state.page?.close();
  });
  return {
    get page() {
      return state.page as Page;
    },
  };
}

/** Clicks a button as an impatient user would: a double click, then two more clicks at once. */
export async function hammer(page: Page, selector: string): Promise<void> {
  await page.locator(selector).dblclick();
  await page.evaluate((css) => {
    const button = document.querySelector<HTMLButtonElement>(css);
    button?.click();
    button?.click();
  }, selector);
}
