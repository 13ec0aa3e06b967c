/**
 * Imports that cannot hurt: hostile .xlsx files are refused before they are unpacked, in a thread
 * with a heap limit and a clock, with a message naming the limit; a good file still comes in.
 */
import { join } from "node:path";
import { buildAssets } from "../../dev/playground/assets";
import { importInWorker } from "../../dev/playground/imports";
import { IMPORT_LIMITS } from "../../dev/playground/zipcheck";
import { entry, workbook, zeros, zip } from "../helpers/xlsx-files";
import { type Playground, startPlayground } from "../../dev/playground/server";

const ROOT = join(__dirname, "..", "..");
const ZONE = "Europe/Brussels";

const SKELETON = [
  entry("[Content_Types].xml", '<?xml version="1.0"?><Types/>'),
  entry("xl/workbook.xml", '<?xml version="1.0"?><workbook/>'),
];

describe("importing an .xlsx file", () => {
  let workerCode: string;
  const read = (file: Buffer) => importInWorker(workerCode, file, ZONE);

  beforeAll(async () => {
    workerCode = (await buildAssets(ROOT)).importWorkerCode;
  });

  it("reads a good file", async () => {
    const file = await workbook((sheet) => {
      sheet.getCell("A1").value = "Objective";
      sheet.getCell("B2").value = 0.42;
    });
    const data = await read(file);
    expect(data.sheets.map((s) => s.name)).toEqual(["OKRs"]);
    expect(data.sheets[0]!.cells).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ row: 1, column: 1, value: "Objective" }),
        expect.objectContaining({ row: 2, column: 2, value: 0.42 }),
      ]),
    );
  });

  it("refuses what is not a zip, and a zip cut short", async () => {
    await expect(read(Buffer.from("Objective,Score\nGrow,0.4\n"))).rejects.toThrow(/not a zip archive/);
    const file = await workbook((sheet) => (sheet.getCell("A1").value = "x"));
    await expect(read(file.subarray(0, Math.floor(file.length / 2)))).rejects.toThrow(/damaged or cut short/);
  });

  it("refuses a zip bomb from its directory, without unpacking it", async () => {
    const gigabyte = await zeros(1024);
    const bomb = zip([...SKELETON, { name: "xl/worksheets/sheet1.xml", ...gigabyte }]);
    expect(bomb.length).toBeLessThan(2 * 1024 * 1024);
    const rss = process.memoryUsage().rss;
    const started = Date.now();
    await expect(read(bomb)).rejects.toThrow(
      "This .xlsx file unpacks to 1024 MB; the playground takes 50 MB at most.",
    );
    const ms = Date.now() - started;
    const grew = (process.memoryUsage().rss - rss) / 1024 / 1024;
    console.log(`zip bomb (${bomb.length} B → 1 GB) refused in ${ms} ms, rss +${grew.toFixed(0)} MB`);
    expect(ms).toBeLessThan(5000);
    expect(grew).toBeLessThan(150);
  });

  it("refuses a zip bomb whose directory lies, at the declared size", async () => {
    const big = await zeros(256);
    const liar = zip([...SKELETON, { name: "xl/worksheets/sheet1.xml", ...big, size: 1000 }]);
    await expect(read(liar)).rejects.toThrow(/unpacks to more than its zip directory says/);
  });

  it("stops reading a file that needs more memory or time than the reading thread has", async () => {
    const file = await workbook((sheet) => {
      for (let r = 1; r <= 20_000; r++) sheet.addRow([`Objective ${r}`, r / 7, `Owner ${r}`, r]);
    });
    await expect(importInWorker(workerCode, file, ZONE, { ...IMPORT_LIMITS, memoryMb: 8 })).rejects.toThrow(
      "Reading this .xlsx file needs more than 8 MB of memory; the playground stopped it.",
    );
    await expect(importInWorker(workerCode, file, ZONE, { ...IMPORT_LIMITS, timeMs: 50 })).rejects.toThrow(
      "Reading this .xlsx file took longer than 0.05 s; the playground stopped it.",
    );
    expect((await read(file)).sheets[0]!.cells).toHaveLength(80_000);
  });

  it("refuses a sparse giant sheet: rows × columns is capped, not each alone", async () => {
    const file = await workbook((sheet) => {
      sheet.getCell("A1").value = 1;
      sheet.getCell("ALL100000").value = 2;
    });
    expect(file.length).toBeLessThan(10_000);
    const started = Date.now();
    await expect(read(file)).rejects.toThrow(
      "The sheets span 100,000,000 cells (rows × columns); the playground takes 2,000,000 at most.",
    );
    expect(Date.now() - started).toBeLessThan(5000);
  });
});

describe("the playground's import route", () => {
  let playground: Playground;

  beforeAll(async () => {
    playground = await startPlayground({ root: ROOT, port: 0, timeZone: ZONE });
  });
  afterAll(async () => {
    await playground?.close();
  });

  const upload = (file: Buffer) =>
    fetch(`${playground.url}api/import`, {
      method: "POST",
      headers: { "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" },
      body: new Uint8Array(file),
    });

  it("refuses a hostile file with the limit it broke and keeps the spreadsheet, then takes a good one", async () => {
    const sparse = await workbook((sheet) => {
      sheet.getCell("A1").value = 1;
      sheet.getCell("ALL100000").value = 2;
    });
    const refused = await upload(sparse);
    expect(refused.status).toBe(400);
    expect(((await refused.json()) as { error: string }).error).toMatch(/100,000,000 cells/);
    const state = await (await fetch(`${playground.url}api/state`)).json();
    expect((state as { sheets: { name: string }[] }).sheets.map((s) => s.name)).toContain("Check-ins");

    const good = await upload(await workbook((sheet) => (sheet.getCell("A1").value = "Objective")));
    expect(good.status).toBe(200);
    expect(await good.json()).toEqual({ ok: true, sheets: ["OKRs"] });
  });
});

describe("the import route of a French playground", () => {
  let playground: Playground;

  beforeAll(async () => {
    playground = await startPlayground({ root: ROOT, port: 0, timeZone: ZONE, locale: "fr" });
  });
  afterAll(async () => {
    await playground?.close();
  });

  it("refuses a hostile file in French, naming the limit it broke", async () => {
    const refused = await fetch(`${playground.url}api/import`, {
      method: "POST",
      headers: { "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" },
      body: new Uint8Array(zip([entry("xl/workbook.xml", "<workbook/>")]).subarray(0, 40)),
    });
    expect(refused.status).toBe(400);
    expect(((await refused.json()) as { error: string }).error).toBe(
      "Ce fichier .xlsx est endommagé ou tronqué : son répertoire zip manque ou est cassé.",
    );
  });
});
