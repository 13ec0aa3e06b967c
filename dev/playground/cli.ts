/**
 * `npm start`: the playground from the command line. scripts/playground.mjs builds dist/ and this
 * file, then calls `main`. Options: --port=N (or PORT; default 8787, 0 for any free port),
 * --locale=en|fr (default en), --now=2026-11-15T10:00:00Z to pin the add-on's clock,
 * --script-timeout=SECONDS (default 360) and --formula-timeout=SECONDS (default 30): Apps Script's limits.
 */
import { type Playground, startPlayground } from "./server";

export interface CliOptions {
  root: string;
  argv: readonly string[];
  env: Record<string, string | undefined>;
  log?: (line: string) => void;
}

function option(argv: readonly string[], name: string): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg.startsWith(`--${name}=`)) return arg.slice(name.length + 3);
    if (arg === `--${name}`) return argv[i + 1];
  }
  return undefined;
}

export function parsePort(value: string | undefined): number {
  if (value === undefined || value === "") return 8787;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`Not a port number: ${value}`);
  return port;
}

function seconds(argv: readonly string[], name: string): number | undefined {
  const value = option(argv, name);
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) throw new Error(`--${name} must be a number of seconds, got ${value}`);
  return n * 1000;
}

export async function main({ root, argv, env, log = console.log }: CliOptions): Promise<Playground> {
  const port = parsePort(option(argv, "port") ?? env.PORT);
  const locale = option(argv, "locale") ?? "en";
  if (!/^(en|fr)([_-][A-Za-z]{2})?$/.test(locale))
    throw new Error(`--locale must be en or fr, got ${locale}`);
  const now = option(argv, "now");
  if (now !== undefined && Number.isNaN(new Date(now).getTime()))
    throw new Error(`--now is not a date: ${now}`);
  const scriptMs = seconds(argv, "script-timeout");
  const formulaMs = seconds(argv, "formula-timeout");
  const watchdog = { ...(scriptMs ? { scriptMs } : {}), ...(formulaMs ? { formulaMs } : {}) };
  const playground = await startPlayground({ root, port, locale, now, watchdog });
  log(`OKR Sheets playground: ${playground.url}  (Ctrl+C to stop)`);
  const stop = () => {
    void playground.close().then(() => process.exit(0));
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
  return playground;
}
export { startPlayground } from "./server";
