/**
 * The playground's web server: Node's http module on 127.0.0.1 only. It serves the page, the
 * add-on's sidebars and dialogs (the real dist/Sidebar.html, with google.script.run bridged to
 * POST /api/run), and a small JSON API over the worker that runs dist/Code.js (host.ts).
 *
 * Every request is checked: the Host header must name this server (no DNS rebinding), a POST must
 * come from the page's own origin when the browser says where it comes from, bodies have a size
 * limit (413), JSON bodies are parsed with zod (400), only the bundle's global functions not ending
 * in "_" can be run (400), and only the known routes exist (404): no file is served from disk.
 */
import { readdirSync, readFileSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import * as z from "zod/mini";
import { buildAssets, withBridge } from "./assets";
import { PlaygroundHost, type Watchdog } from "./host";
import type { Step } from "./protocol";
import { importInWorker } from "./imports";
import { inLocale } from "./messages";
import type { WorkbookData } from "./workbook";
import { type ExportReport, exportXlsx } from "./xlsx";

export interface PlaygroundOptions {
  /** The repository: dist/ holds the built add-on, dev/playground the page's sources. */
  root: string;
  /** 0 picks a free port. */
  port?: number;
  /** The user's locale: "en" (default) or "fr". */
  locale?: string;
  email?: string;
  timeZone?: string;
  /** Pins the add-on's clock, e.g. "2026-11-15T10:00:00Z". */
  now?: string;
  /** Apps Script's time limits, shorter for tests (host.ts). */
  watchdog?: Partial<Watchdog>;
}

export interface Playground {
  url: string;
  port: number;
  server: http.Server;
  host: PlaygroundHost;
  close(): Promise<void>;
}

export const HOST = "127.0.0.1";
export const JSON_LIMIT = 1024 * 1024;
export const IMPORT_LIMIT = 5 * 1024 * 1024;

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

const sheetName = () => z.string().check(z.minLength(1), z.maxLength(200));
const schemas = {
  run: z.strictObject({
    name: z.string().check(z.regex(/^[A-Za-z_$][\w$]{0,99}$/)),
    args: z.array(z.unknown()).check(z.maxLength(50)),
  }),
  answer: z.strictObject({
    token: z.string().check(z.regex(/^[0-9a-f-]{36}$/)),
    button: z.enum(["OK", "CANCEL", "YES", "NO", "CLOSE"]),
    text: z.optional(z.string().check(z.maxLength(50_000))),
  }),
  edit: z.strictObject({
    sheet: sheetName(),
    row: z.int().check(z.gte(1), z.lte(10_000_000)),
    column: z.int().check(z.gte(1), z.lte(18_278)),
    input: z.string().check(z.maxLength(50_000)),
  }),
  select: z.strictObject({
    sheet: sheetName(),
    a1: z.optional(z.string().check(z.regex(/^[A-Z]{1,3}[1-9]\d{0,6}(:[A-Z]{1,3}[1-9]\d{0,6})?$/))),
  }),
  reset: z.strictObject({ blank: z.optional(z.boolean()) }),
  open: z.strictObject({ file: z.string().check(z.regex(/^[A-Za-z0-9_-]{1,100}$/)) }),
  allow: z.strictObject({
    sheet: sheetName(),
    row: z.int().check(z.gte(1), z.lte(10_000_000)),
    column: z.int().check(z.gte(1), z.lte(18_278)),
  }),
};

function send(
  res: http.ServerResponse,
  status: number,
  body: string | Buffer,
  type: string,
  headers: http.OutgoingHttpHeaders = {},
): void {
  res.writeHead(status, {
    "Content-Type": type,
    "Content-Length": Buffer.byteLength(body),
    "Cache-Control": "no-store",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    ...headers,
  });
  res.end(body);
}

function sendJson(res: http.ServerResponse, status: number, value: unknown): void {
  send(res, status, JSON.stringify(value), "application/json; charset=utf-8");
}

const PAGE_POLICY =
  "default-src 'self'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src 'self' data:; " +
  "frame-src 'self'; connect-src 'self'; form-action 'none'; base-uri 'none'; frame-ancestors 'none'";
const UI_POLICY =
  "default-src 'self'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src 'self' data:; " +
  "connect-src 'self'; form-action 'none'; frame-ancestors 'self'";

function sendHtml(res: http.ServerResponse, html: string, policy: string): void {
  send(res, 200, html, "text/html; charset=utf-8", {
    "Content-Security-Policy": policy,
    "X-Frame-Options": "SAMEORIGIN",
  });
}

/** Reads a body up to `limit` bytes; beyond, a 413 (the rest is drained, then the socket closed). */
function readBody(req: http.IncomingMessage, limit: number): Promise<Buffer> {
  const declared = Number(req.headers["content-length"] ?? NaN);
  if (Number.isFinite(declared) && declared > limit) {
    return Promise.reject(new HttpError(413, `The request body is larger than ${limit} bytes.`));
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let over = false;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        if (!over) reject(new HttpError(413, `The request body is larger than ${limit} bytes.`));
        over = true;
        chunks.length = 0;
      } else chunks.push(chunk);
    });
    req.on("end", () => {
      if (!over) resolve(Buffer.concat(chunks));
    });
    req.on("error", reject);
  });
}

/** After an early answer (413…), reads and drops what the client still sends, up to a point. */
function drain(req: http.IncomingMessage, res: http.ServerResponse, cap: number): void {
  if (req.complete) return;
  let dropped = 0;
  req.on("data", (chunk: Buffer) => {
    dropped += chunk.length;
    if (dropped > cap) req.destroy();
  });
  req.resume();
  res.on("finish", () => {
    if (!req.complete) setTimeout(() => req.destroy(), 2000).unref();
  });
}

function parse<T>(schema: z.ZodMiniType<T>, value: unknown): T {
  const result = schema.safeParse(value);
  if (!result.success) {
    const issue = result.error.issues[0];
    const where = issue?.path.length ? ` at ${issue.path.join(".")}` : "";
    throw new HttpError(400, `Invalid request${where}: ${issue?.message ?? "bad value"}.`);
  }
  return result.data;
}

async function readJson(req: http.IncomingMessage): Promise<unknown> {
  const type = String(req.headers["content-type"] ?? "");
  if (!/^application\/json\s*(;|$)/i.test(type)) {
    throw new HttpError(415, "Send JSON (Content-Type: application/json).");
  }
  const body = await readBody(req, JSON_LIMIT);
  try {
    return JSON.parse(body.toString("utf8")) as unknown;
  } catch {
    throw new HttpError(400, "The request body is not valid JSON.");
  }
}

type Route = (req: http.IncomingMessage, res: http.ServerResponse, url: URL) => Promise<void> | void;

/** Starts the playground: builds its assets, starts the worker with the example, listens on loopback. */
export async function startPlayground(options: PlaygroundOptions): Promise<Playground> {
  const { root } = options;
  const code = readFileSync(join(root, "dist", "Code.js"), "utf8");
  const sidebarHtml = readFileSync(join(root, "dist", "Sidebar.html"), "utf8");
  // The worker thread cannot find dist/ by itself: it gets every project file (messages-fr…).
  const files = Object.fromEntries(
    readdirSync(join(root, "dist"))
      .filter((file) => file.endsWith(".html"))
      .map((file) => [file.slice(0, -".html".length), readFileSync(join(root, "dist", file), "utf8")]),
  );
  const assets = await buildAssets(root);
  const timeZone = options.timeZone ?? (Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC");
  const host = await PlaygroundHost.start(
    assets.workerCode,
    {
      code,
      sidebarHtml,
      files,
      locale: options.locale ?? "en",
      email: options.email,
      timeZone,
      now: options.now,
    },
    options.watchdog,
  );

  let port = 0;
  const step = (res: http.ServerResponse, value: Step) =>
    sendJson(
      res,
      200,
      value.kind === "done" && !value.ok
        ? { ...value, message: inLocale(value.message, options.locale) }
        : value,
    );

  const routes: Record<string, Record<string, Route>> = {
    "/": { GET: (_req, res) => sendHtml(res, assets.pageHtml, PAGE_POLICY) },
    "/api/state": {
      GET: async (_req, res, url) => {
        const sheet = url.searchParams.get("sheet") ?? undefined;
        if (sheet !== undefined) parse(sheetName(), sheet);
        sendJson(res, 200, await host.state(sheet));
      },
    },
    "/api/pending": {
      GET: (_req, res) =>
        sendJson(res, 200, {
          pending: host.pending() ?? null,
          notice: host.notice
            ? { ...host.notice, message: inLocale(host.notice.message, options.locale) }
            : null,
        }),
    },
    "/api/run": {
      POST: async (req, res) => {
        const { name, args } = parse(schemas.run, await readJson(req));
        if (!host.callable(name)) throw new HttpError(400, `Script function not found: ${name}`);
        // A page that went away while the call waited its turn does not get it run.
        let gone = false;
        res.once("close", () => (gone = !res.writableFinished));
        const result = await host.run(name, JSON.stringify(args), () => gone || req.socket.destroyed);
        if (result) step(res, result);
      },
    },
    "/api/answer": {
      POST: async (req, res) => {
        const { token, button, text } = parse(schemas.answer, await readJson(req));
        if (host.pending()?.token !== token)
          throw new HttpError(409, host.endedBecause(token) ?? "No dialog is waiting for this answer.");
        step(res, await host.answer(token, text === undefined ? { button } : { button, text }));
      },
    },
    "/api/edit": {
      POST: async (req, res) => {
        const { sheet, row, column, input } = parse(schemas.edit, await readJson(req));
        sendJson(res, 200, await host.edit(sheet, row, column, input));
      },
    },
    "/api/select": {
      POST: async (req, res) => {
        const { sheet, a1 } = parse(schemas.select, await readJson(req));
        await host.select(sheet, a1);
        sendJson(res, 200, { ok: true });
      },
    },
    "/api/reset": {
      POST: async (req, res) => {
        const { blank } = parse(schemas.reset, await readJson(req));
        await host.load(blank ? blankWorkbook(options.locale) : null);
        sendJson(res, 200, { ok: true });
      },
    },
    "/api/company": {
      POST: async (_req, res) => {
        await host.openCompany();
        sendJson(res, 200, { ok: true });
      },
    },
    "/api/open": {
      POST: async (req, res) => {
        const { file } = parse(schemas.open, await readJson(req));
        await host.openFile(file);
        sendJson(res, 200, { ok: true });
      },
    },
    "/api/allow": {
      POST: async (req, res) => {
        const { sheet, row, column } = parse(schemas.allow, await readJson(req));
        await host.allow(sheet, row, column);
        sendJson(res, 200, { ok: true });
      },
    },
    "/api/import": {
      POST: async (req, res) => {
        const type = String(req.headers["content-type"] ?? "");
        if (
          !/^application\/(vnd\.openxmlformats-officedocument\.spreadsheetml\.sheet|octet-stream)\s*(;|$)/i.test(
            type,
          )
        ) {
          throw new HttpError(
            415,
            "Send the .xlsx file as application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.",
          );
        }
        const body = await readBody(req, IMPORT_LIMIT);
        let data;
        try {
          data = await importInWorker(assets.importWorkerCode, body, timeZone);
        } catch (error) {
          throw new HttpError(400, (error as Error).message);
        }
        await host.load(data);
        sendJson(res, 200, { ok: true, sheets: data.sheets.map((s) => s.name) });
      },
    },
    "/api/export": {
      GET: async (_req, res) => {
        const report: ExportReport = { cut: [], notFinite: [] };
        const file = await exportXlsx(await host.snapshot(), timeZone, report);
        const day = new Date().toISOString().slice(0, 10);
        send(res, 200, file, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", {
          "Content-Disposition": `attachment; filename="okr-sheets-${day}.xlsx"`,
          // What Excel's limits changed (cells cut, Infinity written as text), for the page to say.
          "X-Export-Report": encodeURIComponent(JSON.stringify(report)),
        });
      },
    },
  };

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const allowed = [`${HOST}:${port}`, `localhost:${port}`];
    if (!allowed.includes(String(req.headers.host ?? "").toLowerCase())) {
      throw new HttpError(403, "This server answers requests to 127.0.0.1 only.");
    }
    const raw = req.url ?? "";
    if (!raw.startsWith("/") || raw.startsWith("//")) throw new HttpError(400, "Bad request target.");
    const url = new URL(raw, `http://${HOST}:${port}`);
    const method = req.method ?? "GET";
    if (method !== "GET" && method !== "HEAD") {
      const origin = req.headers.origin;
      const site = req.headers["sec-fetch-site"];
      const origins = allowed.map((h) => `http://${h}`);
      if (
        (origin !== undefined && !origins.includes(origin)) ||
        (site !== undefined && site !== "same-origin")
      ) {
        throw new HttpError(403, "Requests must come from the playground's own page.");
      }
    }
    const ui = /^\/ui\/([1-9]\d{0,8})$/.exec(url.pathname);
    if (ui) {
      if (method !== "GET") throw new HttpError(405, "Method not allowed.");
      const html = host.shown(Number(ui[1]));
      if (html === undefined) throw new HttpError(404, "Not found.");
      sendHtml(res, withBridge(html, assets.bridgeScript), UI_POLICY);
      return;
    }
    const route = Object.prototype.hasOwnProperty.call(routes, url.pathname)
      ? routes[url.pathname]
      : undefined;
    if (!route) throw new HttpError(404, "Not found.");
    const handler = Object.prototype.hasOwnProperty.call(route, method) ? route[method] : undefined;
    if (!handler) throw new HttpError(405, "Method not allowed.");
    await handler(req, res, url);
  }

  const server = http.createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      const status = error instanceof HttpError ? error.status : 500;
      const message = error instanceof Error ? error.message : String(error);
      if (res.headersSent) {
        res.destroy();
        return;
      }
      if (status === 413) res.setHeader("Connection", "close");
      sendJson(res, status, { error: inLocale(message, options.locale) });
      if (status === 413 || status === 415 || status === 403) drain(req, res, 4 * IMPORT_LIMIT);
    });
  });
  server.headersTimeout = 20_000;
  server.requestTimeout = 120_000;
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 8787, HOST, () => {
      server.off("error", reject);
      resolve();
    });
  });
  port = (server.address() as AddressInfo).port;
  return {
    url: `http://${HOST}:${port}/`,
    port,
    server,
    host,
    async close() {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await host.close();
    },
  };
}

/** File › New blank spreadsheet: one empty sheet, named as Sheets names it in the user's language. */
function blankWorkbook(locale: string | undefined): WorkbookData {
  const name = /^fr/i.test(locale ?? "") ? "Feuille 1" : "Sheet1";
  return { sheets: [{ name, maxRows: 1000, maxColumns: 26, frozenRows: 0, columnWidths: [], cells: [] }] };
}
