/**
 * The playground never hangs: the page reads state while a call waits on an alert, a call past
 * Apps Script's time limit is ended and the playground starts again from its last good state, and a
 * call from a page that went away is dropped.
 */
import http from "node:http";
import { join } from "node:path";
import { readDist } from "../../dev/loader";
import type { State, Step } from "../../dev/playground/protocol";
import { type Playground, startPlayground } from "../../dev/playground/server";
import { PlaygroundSession } from "../../dev/playground/session";

const NOW = "2026-11-15T10:00:00Z";
const ZONE = "Europe/Brussels";
const ROOT = join(__dirname, "..", "..");

describe("a playground that never hangs", () => {
  let playground: Playground;

  beforeAll(async () => {
    playground = await startPlayground({
      root: ROOT,
      port: 0,
      now: NOW,
      timeZone: ZONE,
      watchdog: { scriptMs: 1500, formulaMs: 10_000 },
    });
  });
  afterAll(async () => {
    await playground?.close();
  });

  async function call(method: string, path: string, body?: unknown, timeoutMs = 5000) {
    const response = await fetch(`${playground.url}${path.slice(1)}`, {
      method,
      signal: AbortSignal.timeout(timeoutMs),
      ...(body === undefined
        ? {}
        : { headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) }),
    });
    return { status: response.status, body: (await response.json()) as unknown };
  }

  const run = async (name: string, ...args: unknown[]) =>
    (await call("POST", "/api/run", { name, args })).body as Step;
  const state = async (sheet = "OKRs") => (await call("GET", `/api/state?sheet=${sheet}`)).body as State;
  const pending = async () =>
    (await call("GET", "/api/pending")).body as {
      pending: { token: string } | null;
      notice: { message: string } | null;
    };
  const text = (s: State, a1: string) => s.sheet.cells.find((c) => c.a1 === a1)?.text;

  it("draws the page while a call waits on an alert, and takes the answer from a reloaded page", async () => {
    const asked = await run("lockPlan");
    expect(asked).toMatchObject({ kind: "dialog", dialog: { kind: "alert" } });
    // What a reloaded page asks first: the state, at once (not behind the paused call), and the alert.
    const started = Date.now();
    const drawn = await state();
    expect(Date.now() - started).toBeLessThan(1000);
    expect(drawn.sheets.map((s) => s.name)).toContain("OKRs");
    const again = await pending();
    expect(again.pending?.token).toBe(asked.kind === "dialog" ? asked.token : "");
    const done = await call("POST", "/api/answer", { token: again.pending!.token, button: "NO" });
    expect(done.body).toMatchObject({ kind: "done", ok: true });
  });

  it("ends a call past the time limit in Apps Script's words and carries on from the last good state", async () => {
    expect(
      (await call("POST", "/api/edit", { sheet: "OKRs", row: 4, column: 14, input: "180" })).status,
    ).toBe(200);
    expect(text(await state(), "Q4")).toBe("1.00");
    const asked = await run("lockPlan");
    expect(asked.kind).toBe("dialog");
    // Nobody answers: the 1.5 s watchdog ends the call and restarts the worker.
    let after = await pending();
    for (let i = 0; i < 40 && !after.notice; i++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      after = await pending();
    }
    expect(after).toMatchObject({ pending: null, notice: { message: "Exceeded maximum execution time" } });
    const late = await call("POST", "/api/answer", {
      token: asked.kind === "dialog" ? asked.token : "",
      button: "YES",
    });
    expect(late).toEqual({ status: 409, body: { error: "Exceeded maximum execution time" } });
    // The restarted worker holds the edit made before the call, and answers calls again.
    expect(text(await state(), "Q4")).toBe("1.00");
    expect(text(await state(), "N4")).toBe("180");
    expect(await run("getSidebarContext")).toMatchObject({ kind: "done", ok: true, value: { lang: "en" } });
  });

  it("drops a call whose page went away while it waited its turn", async () => {
    const before = (await state()).active;
    const asked = await run("lockPlan");
    expect(asked.kind).toBe("dialog");
    // A page queues a call behind the alert, then goes away (the request is aborted).
    await new Promise<void>((resolve) => {
      const body = JSON.stringify({ name: "selectCell", args: [{ sheet: "okrs", a1: "G5" }] });
      const req = http.request(`${playground.url}api/run`, {
        method: "POST",
        headers: { "Content-Type": "application/json", "Content-Length": Buffer.byteLength(body) },
      });
      req.on("error", () => resolve());
      req.end(body);
      setTimeout(() => {
        req.destroy();
        resolve();
      }, 300);
    });
    const token = asked.kind === "dialog" ? asked.token : "";
    expect((await call("POST", "/api/answer", { token, button: "NO" })).body).toMatchObject({ ok: true });
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect((await state()).active).toEqual(before);
    expect(before.range).not.toBe("G5");
  });
});

describe("a custom function that never returns", () => {
  it("shows #ERROR! with Apps Script's words after the formula limit, and the sheet stays usable", () => {
    // A function that loops for ever, added to the real bundle as a user's own script could be.
    const session = new PlaygroundSession({
      code: `${readDist("Code.js")}\nfunction SPIN() { for (;;) {} }\n`,
      sidebarHtml: readDist("Sidebar.html"),
      now: NOW,
      timeZone: ZONE,
      formulaTimeoutMs: 300,
    });
    const started = Date.now();
    session.edit("OKRs", 2, 23, "=SPIN()");
    const cell = session.state("OKRs").sheet.cells.find((c) => c.a1 === "W2");
    expect(cell).toMatchObject({ text: "#ERROR!", error: "Exceeded maximum execution time" });
    expect(Date.now() - started).toBeLessThan(3000);
    session.edit("OKRs", 3, 23, "=KRSCORE(L4:L6,M4:M6,N4:N6)");
    expect(session.state("OKRs").sheet.cells.find((c) => c.a1 === "W3")).toMatchObject({ text: "0.5" });
  });
});
