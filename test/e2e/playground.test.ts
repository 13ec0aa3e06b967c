/**
 * The playground (`npm start`) without a browser: formula evaluation and .xlsx round trips on an
 * in-process session, then the HTTP server itself (loopback only, limits, validation, dialogs).
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import * as ExcelJS from "exceljs";
import type { FakeSheet } from "../../dev/gas";
import { readDist } from "../../dev/loader";
import type { State, Step } from "../../dev/playground/protocol";
import { type Playground, startPlayground } from "../../dev/playground/server";
import { PlaygroundSession, type SessionOptions } from "../../dev/playground/session";
import { exportXlsx, importXlsx } from "../../dev/playground/xlsx";

const NOW = "2026-11-15T10:00:00Z";
const ZONE = "Europe/Brussels";
const ROOT = join(__dirname, "..", "..");

function options(): SessionOptions {
  return { code: readDist("Code.js"), sidebarHtml: readDist("Sidebar.html"), now: NOW, timeZone: ZONE };
}

function sheetOf(session: PlaygroundSession, name: string): FakeSheet {
  const sheet = session.world.spreadsheet.sheet(name);
  if (!sheet) throw new Error(`no sheet ${name}`);
  return sheet;
}

/** Column letters to numbers, for readable cell addresses. */
const col = (letters: string) => [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);

describe("the playground's formulas", () => {
  let session: PlaygroundSession;
  let okrs: FakeSheet;
  const shown = (a1: string, sheet = okrs) => {
    const [, letters = "", row = ""] = /^([A-Z]+)(\d+)$/.exec(a1) ?? [];
    return sheet.shownValue(Number(row), col(letters));
  };
  const type = (a1: string, input: string) => {
    const [, letters = "", row = ""] = /^([A-Z]+)(\d+)$/.exec(a1) ?? [];
    session.edit("OKRs", Number(row), col(letters), input);
  };
  const viewOf = (a1: string) => session.state("OKRs").sheet.cells.find((c) => c.a1 === a1);

  beforeEach(() => {
    session = new PlaygroundSession(options());
    okrs = sheetOf(session, "OKRs");
  });

  it("starts with the template and the example quarter, scored and with statuses", () => {
    expect(session.world.spreadsheet.allSheets().map((s) => s.name)).toEqual(
      expect.arrayContaining(["OKRs", "Check-ins", "KPIs", "Settings", "Guide"]),
    );
    expect(okrs.peek(1, col("Q"))?.formula).toBe(
      "=OKRSCORE(B1:B,C1:C,F1:F,L1:L,M1:M,N1:N,J1:J,O1:O,'Settings'!$B$11)",
    );
    expect(okrs.peek(1, col("R"))?.formula).toBe(
      "=OKRSTATUSES(Q1:Q,N1:N,A1:A,'Settings'!$A:$C,'Settings'!$B$3,'Settings'!$B$8,'Settings'!$B$9,B1:B,'Settings'!$B$11)",
    );
    const last = okrs.lastRow();
    expect(last).toBeGreaterThan(5);
    for (let row = 2; row <= last; row++) {
      const id = okrs.shownValue(row, col("B"));
      const score = okrs.shownValue(row, col("Q"));
      const status = okrs.shownValue(row, col("R"));
      if (okrs.shownValue(row, col("N")) !== "" || String(id).startsWith("O-")) {
        expect(typeof score).toBe("number");
      }
      expect(["On track", "At risk", "Off track", "Done", "Not started"]).toContain(status);
    }
    // KR-1: from 120 to 180, now 150.
    expect(shown("B4")).toBe("KR-1");
    expect(shown("Q4")).toBe(0.5);
    // Displayed with the column's number format, coloured by the template's conditional format.
    expect(viewOf("Q4")).toMatchObject({
      text: "0.50",
      align: "right",
      spilled: true,
      background: "#fce8b2",
    });
    expect(viewOf("Q1")).toMatchObject({ formula: true, edit: okrs.peek(1, col("Q"))!.formula });
  });

  it("passes open-ended ranges down to the last row with data, not to the sheet's 1,000 rows", () => {
    const last = okrs.lastRow();
    expect(okrs.maxRows).toBeGreaterThanOrEqual(1000);
    expect(session.engine.spillOf(okrs, 1, col("Q"))).toEqual({ rows: last, columns: 1 });
    expect(session.engine.isSpilled(okrs, last, col("Q"))).toBe(true);
    expect(session.engine.isSpilled(okrs, last + 1, col("Q"))).toBe(false);
    expect(shown(`R${last + 1}`)).toBe("");
  });

  it("passes a single cell as its value, and reads other sheets' cells", () => {
    type("X1", "=KRSCORE(L4,M4,N4)");
    expect(shown("X1")).toBe(0.5);
    // Row 17 of Settings is 2026-Q4 in the quarters table: its first and last day.
    type("X2", "=OKRPACE('Settings'!$B$17,'Settings'!$C$17,\"2026-11-15\")");
    type("X3", '=OKRPACE(Settings!B17,Settings!C17,"2026-11-15")');
    expect(shown("X2")).toBeCloseTo(45 / 91, 2);
    expect(shown("X3")).toBe(shown("X2"));
    type("X4", "=OKRPACE('No such sheet'!B3,Settings!B4)");
    expect(shown("X4")).toBe("#REF!");
    expect(viewOf("X4")?.error).toMatch(/Unresolved sheet name 'No such sheet'/);
  });

  it("spills an array result below, shows #REF! when a cell is in the way, and spills again once cleared", () => {
    type("X1", "=KRSCORE(L4:L6,M4:M6,N4:N6,J4:J6)");
    expect([shown("X1"), shown("X2"), shown("X3")]).toEqual([shown("Q4"), shown("Q5"), shown("Q6")]);
    expect(viewOf("X2")).toMatchObject({ spilled: true });
    type("X3", "mine");
    expect(shown("X1")).toBe("#REF!");
    expect(viewOf("X1")?.error).toBe("Array result was not expanded because it would overwrite data in X3.");
    expect(shown("X2")).toBe("");
    type("X3", "");
    expect(shown("X3")).toBe(shown("Q6"));
  });

  it("recalculates on edit: a new current value changes the score and the objective's", () => {
    const objective = shown("Q3");
    type("N4", "180");
    expect(shown("Q4")).toBe(1);
    expect(shown("Q3")).not.toBe(objective);
    type("N4", "=KRSCORE(1,2,1.5)");
    expect(shown("N4")).toBe(0.5);
  });

  it("names what it cannot evaluate instead of failing silently", () => {
    type("X1", "=SUM(A1:A3)");
    type("X2", "=today()");
    type("X3", "=KRSCORE(1,2,1.5)*2");
    type("X4", "=SUM(Q4:Q5)+KRSCORE(1,2,1.5)");
    type("X5", "=MyRange");
    expect([shown("X1"), shown("X2"), shown("X3"), shown("X4"), shown("X5")]).toEqual([
      "#PLAYGROUND: cannot evaluate SUM",
      "#PLAYGROUND: cannot evaluate TODAY",
      "#PLAYGROUND: cannot evaluate =KRSCORE(1,2,1.5)*2",
      "#PLAYGROUND: cannot evaluate SUM",
      "#PLAYGROUND: cannot evaluate MyRange",
    ]);
    expect(viewOf("X1")?.error).toMatch(/only the add-on's custom functions \(KRSCORE, OKRSCORE/);
  });

  it("passes empty arguments as '', literals as they are, and calls functions case-insensitively", () => {
    type("X1", '=OKRSTATUS(0.5,"2026-10-01","2026-12-31","2026-11-15",,0.6)');
    expect(shown("X1")).toBe("On track");
    type("X2", "=okrband(KRSCORE(100, 200, 150))");
    expect(shown("X2")).toBe("Yellow");
    type("X3", '=KRCHECK("Launch the ""new"" app")');
    expect(shown("X3")).toMatch(/^output: /);
    type("X4", "=KRSCORE(-10,10,0)");
    expect(shown("X4")).toBe(0.5);
  });

  it("shows a custom function's error as #ERROR! with its message, and a cycle as #REF!", () => {
    type("X1", '=KRSCORE("abc",2,1)');
    expect(shown("X1")).toBe("#ERROR!");
    expect(viewOf("X1")?.error).toMatch(/KRSCORE/);
    type("X2", "=KRSCORE(X2,1,2)");
    expect(shown("X2")).toBe("#REF!");
    expect(viewOf("X2")?.error).toBe("Circular dependency detected.");
  });

  it("lets the add-on read the scores as Sheets would: validate and set up again run on the evaluated sheet", () => {
    session.respond = (dialog) => ({ button: dialog.buttons === "YES_NO" ? "NO" : "OK" });
    const setUp = session.run("setUpTemplate", "[]");
    expect(setUp).toMatchObject({ ok: true });
    expect(session.addon.ui.dialogs.at(-1)?.message).not.toMatch(/skipped|ignor/i);
    expect(okrs.peek(1, col("Q"))?.formula).toMatch(/^=OKRSCORE\(/);
    const validate = session.run("validate", "[]");
    expect(validate).toMatchObject({
      ok: true,
      effects: { shown: [expect.objectContaining({ kind: "sidebar" })] },
    });
    const view = session.state("OKRs").sheet;
    expect(view.cells.some((c) => c.note)).toBe(true);
  });

  it("runs functions with JSON semantics: results as JSON, errors as messages, unknown names refused", () => {
    const context = session.run("getSidebarContext", "[]");
    expect(context.ok && JSON.parse(context.json)).toMatchObject({ lang: "en", view: "home" });
    const refused = session.run("selectCell", JSON.stringify([{ sheet: "okrs", a1: "G5; DROP" }]));
    expect(refused).toMatchObject({ ok: false, message: expect.stringMatching(/refused/) });
    expect(session.run("OKR_", "[]")).toMatchObject({
      ok: false,
      message: "Script function not found: OKR_",
    });
    expect(session.run("eval", '["1"]')).toMatchObject({ ok: false });
    expect(session.functions).toEqual(expect.arrayContaining(["onOpen", "setUpTemplate", "KRSCORE"]));
    expect(session.functions.some((name) => name.endsWith("_"))).toBe(false);
  });
});

describe("the playground's .xlsx export and import", () => {
  it("round-trips values, formulas, notes, backgrounds, dates and formats", async () => {
    const session = new PlaygroundSession(options());
    session.edit("OKRs", 30, col("G"), "'=1+1 stays text");
    session.run("validate", "[]");
    const file = await exportXlsx(session.snapshot(), ZONE);
    const data = await importXlsx(file, ZONE);
    expect(data.sheets.map((s) => s.name)).toEqual(session.world.spreadsheet.allSheets().map((s) => s.name));
    const again = new PlaygroundSession(options(), data);
    for (const { name } of session.state().sheets) {
      const before = session.state(name).sheet;
      const after = again.state(name).sheet;
      expect({ name, frozen: after.frozenRows, cells: after.cells }).toEqual({
        name,
        frozen: before.frozenRows,
        cells: before.cells,
      });
    }
    const okrs = again.world.spreadsheet.sheet("OKRs")!;
    expect(okrs.peek(30, col("G"))).toMatchObject({ value: "=1+1 stays text", formula: "" });
    expect(okrs.peek(3, col("Q"))?.formula ?? "").toBe("");
    // B17: the first day of 2026-Q4 in the quarters table, a date cell.
    expect(again.state("Settings").sheet.cells.find((c) => c.a1 === "B17")?.text).toMatch(/^2026-10-01$/);
  });

  it("reads Google Sheets' export of custom functions (__xludf.DUMMYFUNCTION) back as formulas", async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("Scores");
    sheet.getCell("A1").value = 100;
    sheet.getCell("B1").value = 200;
    sheet.getCell("C1").value = 150;
    sheet.getCell("D1").value = {
      formula: 'IFERROR(__xludf.DUMMYFUNCTION("KRSCORE(A1:A2,B1:B2,C1:C2)"),0.5)',
      result: 0.5,
    };
    sheet.getCell("D2").value = {
      formula: 'IFERROR(__xludf.DUMMYFUNCTION("""COMPUTED_VALUE"""),1)',
      result: 1,
    };
    sheet.getCell("A2").value = 0;
    sheet.getCell("B2").value = 10;
    sheet.getCell("C2").value = 10;
    sheet.getCell("E1").value = { formula: "SUM(A1:A2)", result: 100 };
    sheet.getCell("A1").note = "a note";
    sheet.getCell("A1").fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFFCE8B2" } };
    const data = await importXlsx(Buffer.from(await workbook.xlsx.writeBuffer()), ZONE);
    const session = new PlaygroundSession(options(), data);
    const scores = session.world.spreadsheet.sheet("Scores")!;
    expect(scores.peek(1, 4)?.formula).toBe("=KRSCORE(A1:A2,B1:B2,C1:C2)");
    expect(scores.peek(2, 4)).toMatchObject({ value: "", formula: "" });
    expect([scores.shownValue(1, 4), scores.shownValue(2, 4)]).toEqual([0.5, 1]);
    expect(scores.shownValue(1, 5)).toBe("#PLAYGROUND: cannot evaluate SUM");
    expect(scores.peek(1, 1)).toMatchObject({ note: "a note", background: "#fce8b2" });
    // The menu is built again for the imported file.
    expect(session.menus[0]?.title).toBe("OKR");
  });

  it("refuses what is not an .xlsx file", async () => {
    await expect(importXlsx(Buffer.from("not a zip"), ZONE)).rejects.toThrow(/not an \.xlsx file/);
  });
});

// ------------------------------------------------------------------------------------------ server

interface Raw {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

describe("the playground's server", () => {
  let playground: Playground;

  beforeAll(async () => {
    playground = await startPlayground({ root: ROOT, port: 0, now: NOW, timeZone: ZONE });
  });
  afterAll(async () => {
    await playground?.close();
  });

  /** A request with full control of headers and body (fetch would fix Host and more). */
  function raw(
    method: string,
    path: string,
    { headers = {}, body }: { headers?: http.OutgoingHttpHeaders; body?: string | Buffer } = {},
  ): Promise<Raw> {
    return new Promise((resolve, reject) => {
      const req = http.request({ host: "127.0.0.1", port: playground.port, method, path, headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("end", () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks).toString(),
          }),
        );
      });
      req.on("error", reject);
      if (body !== undefined) req.write(body);
      req.end();
    });
  }

  const post = (path: string, value: unknown, headers: http.OutgoingHttpHeaders = {}) =>
    raw("POST", path, {
      headers: { "Content-Type": "application/json", ...headers },
      body: JSON.stringify(value),
    });

  async function run(name: string, ...args: unknown[]): Promise<Step> {
    const response = await post("/api/run", { name, args });
    expect(response.status).toBe(200);
    return JSON.parse(response.body) as Step;
  }

  async function answer(step: Step, button: string): Promise<Step> {
    if (step.kind !== "dialog") throw new Error(`expected a dialog, got ${JSON.stringify(step)}`);
    const response = await post("/api/answer", { token: step.token, button });
    expect(response.status).toBe(200);
    return JSON.parse(response.body) as Step;
  }

  async function state(sheet?: string): Promise<State> {
    const response = await raw("GET", `/api/state${sheet ? `?sheet=${encodeURIComponent(sheet)}` : ""}`);
    expect(response.status).toBe(200);
    return JSON.parse(response.body) as State;
  }

  it("listens on the loopback interface only", () => {
    const address = playground.server.address() as AddressInfo;
    expect(address.address).toBe("127.0.0.1");
    expect(playground.url).toBe(`http://127.0.0.1:${address.port}/`);
  });

  it("serves the page with the example and the OKR menu onOpen built", async () => {
    const page = await raw("GET", "/");
    expect(page.status).toBe(200);
    expect(page.headers["content-type"]).toMatch(/^text\/html/);
    expect(page.headers["content-security-policy"]).toMatch(/frame-ancestors 'none'/);
    const initial = await state();
    expect(initial.active.sheet).toBe("OKRs");
    expect(initial.menus[0]?.title).toBe("OKR");
    expect(initial.menus[0]?.items).toEqual(
      expect.arrayContaining([{ caption: "Set up template", functionName: "setUpTemplate" }]),
    );
    const q4 = initial.sheet.cells.find((c) => c.a1 === "Q4");
    expect(q4?.text).toBe("0.50");
  });

  it("answers 404 to unknown routes and never serves files from disk", async () => {
    for (const path of [
      "/nope",
      "/api/nope",
      "/ui/999",
      "/ui/abc",
      "/dist/Code.js",
      "/package.json",
      "/../package.json",
      "/%2e%2e/package.json",
      "/ui/1/../../package.json",
      "/dev/playground/server.ts",
    ]) {
      const response = await raw("GET", path);
      expect({ path, status: response.status }).toEqual({ path, status: 404 });
      expect(response.body).not.toMatch(/okr-sheets|import /);
    }
    expect((await raw("GET", "/api/run")).status).toBe(405);
    expect((await raw("GET", "http://evil.example/")).status).toBe(400);
  });

  it("refuses requests for another host name (DNS rebinding) and from another origin", async () => {
    expect((await raw("GET", "/", { headers: { Host: "evil.example" } })).status).toBe(403);
    expect(
      (await raw("GET", "/api/state", { headers: { Host: `evil.example:${playground.port}` } })).status,
    ).toBe(403);
    expect((await raw("GET", "/", { headers: { Host: `localhost:${playground.port}` } })).status).toBe(200);
    const foreign = await post(
      "/api/run",
      { name: "getFindings", args: [] },
      { Origin: "http://evil.example" },
    );
    expect(foreign.status).toBe(403);
    const crossSite = await post(
      "/api/run",
      { name: "getFindings", args: [] },
      { "Sec-Fetch-Site": "cross-site" },
    );
    expect(crossSite.status).toBe(403);
    const text = await raw("POST", "/api/run", {
      headers: { "Content-Type": "text/plain" },
      body: '{"name":"getFindings","args":[]}',
    });
    expect(text.status).toBe(415);
  });

  it("refuses bodies over the limit with 413: 1 MB for JSON, 5 MB for imports", async () => {
    const big = JSON.stringify({ name: "getFindings", args: ["x".repeat(1024 * 1024 + 10)] });
    expect(
      (await raw("POST", "/api/run", { headers: { "Content-Type": "application/json" }, body: big })).status,
    ).toBe(413);
    // Without a Content-Length (chunked), counted as it arrives.
    const chunked = await new Promise<number>((resolve, reject) => {
      const req = http.request(
        {
          host: "127.0.0.1",
          port: playground.port,
          method: "POST",
          path: "/api/edit",
          headers: { "Content-Type": "application/json", "Transfer-Encoding": "chunked" },
        },
        (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        },
      );
      req.on("error", reject);
      for (let i = 0; i < 12; i++) req.write("x".repeat(100 * 1024));
      req.end();
    });
    expect(chunked).toBe(413);
    const file = Buffer.alloc(5 * 1024 * 1024 + 1);
    const tooBig = await raw("POST", "/api/import", {
      headers: { "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" },
      body: file,
    });
    expect(tooBig.status).toBe(413);
    // The server is still fine afterwards.
    expect((await state()).active.sheet).toBe("OKRs");
  });

  it("runs only the bundle's global functions, never one ending in _", async () => {
    for (const name of ["nope", "OKR_", "onOpen_", "eval", "constructor", "__proto__", "toString", "JSON"]) {
      const response = await post("/api/run", { name, args: [] });
      expect({ name, status: response.status, body: JSON.parse(response.body) }).toEqual({
        name,
        status: 400,
        body: { error: `Script function not found: ${name}` },
      });
    }
    for (const bad of [
      { name: "a b", args: [] },
      { name: "getFindings" },
      { name: "getFindings", args: {} },
      { name: "getFindings", args: [], extra: 1 },
      "getFindings",
    ]) {
      expect((await post("/api/run", bad)).status).toBe(400);
    }
    expect(
      (await raw("POST", "/api/run", { headers: { "Content-Type": "application/json" }, body: "{" })).status,
    ).toBe(400);
  });

  it("returns results as JSON and failures as the error's message", async () => {
    const context = await run("getSidebarContext");
    expect(context).toMatchObject({ kind: "done", ok: true, value: { lang: "en" } });
    const refused = await run("selectCell", { sheet: "okrs", a1: "G5; DROP" });
    expect(refused).toMatchObject({ kind: "done", ok: false, message: expect.stringMatching(/refused/) });
    const selected = await run("selectCell", { sheet: "okrs", a1: "G5" });
    expect(selected).toMatchObject({ ok: true, effects: { active: { sheet: "OKRs", range: "G5" } } });
  });

  it("pauses a call on an alert until the user answers, then carries on", async () => {
    const asked = await run("lockPlan");
    expect(asked).toMatchObject({ kind: "dialog", dialog: { kind: "alert", buttons: "YES_NO" } });
    if (asked.kind !== "dialog") return;
    expect(asked.dialog.message).toMatch(/2026-11-15/);
    // Another request waits behind the paused call; the pending dialog can be fetched again.
    const pending = JSON.parse((await raw("GET", "/api/pending")).body) as { pending: { token: string } };
    expect(pending.pending.token).toBe(asked.token);
    const wrong = await post("/api/answer", { token: "00000000-0000-0000-0000-000000000000", button: "YES" });
    expect(wrong.status).toBe(409);
    const done = await answer(asked, "NO");
    expect(done).toMatchObject({ kind: "done", ok: true });
    expect(JSON.parse((await raw("GET", "/api/pending")).body)).toEqual({ pending: null, notice: null });

    const again = await run("lockPlan");
    const confirmation = await answer(again, "YES");
    expect(confirmation).toMatchObject({
      kind: "dialog",
      dialog: { message: expect.stringMatching(/locked/) },
    });
    expect(await answer(confirmation, "OK")).toMatchObject({ kind: "done", ok: true });
  });

  it("writes what the user types, as Sheets reads typing, and recalculates", async () => {
    const edit = await post("/api/edit", { sheet: "OKRs", row: 4, column: col("N"), input: "180" });
    expect(edit.status).toBe(200);
    const after = await state("OKRs");
    expect(after.sheet.cells.find((c) => c.a1 === "Q4")?.text).toBe("1.00");
    expect(after.sheet.cells.find((c) => c.a1 === "N4")).toMatchObject({ text: "180", edit: "180" });
    for (const bad of [
      { sheet: "OKRs", row: 0, column: 1, input: "x" },
      { sheet: "OKRs", row: 1, column: 1, input: 5 },
      { sheet: "OKRs", row: 1, column: 1, input: "x", more: true },
    ]) {
      expect((await post("/api/edit", bad)).status).toBe(400);
    }
    expect((await post("/api/edit", { sheet: "Nope", row: 1, column: 1, input: "x" })).status).toBe(500);
  });

  it("exports the spreadsheet as .xlsx and imports it back", async () => {
    const before = await state("OKRs");
    const exported = await fetch(`${playground.url}api/export`);
    expect(exported.status).toBe(200);
    expect(exported.headers.get("content-disposition")).toMatch(
      /^attachment; filename="okr-sheets-.*\.xlsx"$/,
    );
    const file = Buffer.from(await exported.arrayBuffer());
    const imported = await raw("POST", "/api/import", {
      headers: { "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" },
      body: file,
    });
    expect(imported.status).toBe(200);
    expect(JSON.parse(imported.body).sheets).toEqual(before.sheets.map((s) => s.name));
    const after = await state("OKRs");
    expect(after.sheet.cells).toEqual(before.sheet.cells);
    expect(after.menus).toEqual(before.menus);
    const junk = await raw("POST", "/api/import", {
      headers: { "Content-Type": "application/octet-stream" },
      body: "PK not really",
    });
    expect(junk.status).toBe(400);
    expect((await post("/api/reset", {})).status).toBe(200);
    expect((await state("OKRs")).sheet.cells.find((c) => c.a1 === "Q4")?.text).toBe("0.50");
  });
});
