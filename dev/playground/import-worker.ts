/**
 * The thread that reads an imported .xlsx file (imports.ts starts it with a heap limit and a clock):
 * checks the zip before unpacking it (zipcheck.ts), then reads it with exceljs. Whatever a hostile
 * file does here, the playground's server and its spreadsheet are not in this thread.
 */
import { parentPort, workerData } from "node:worker_threads";
import { importXlsx } from "./xlsx";
import { checkXlsx, type ImportLimits } from "./zipcheck";

export interface ImportJob {
  file: Uint8Array;
  timeZone: string;
  limits: ImportLimits;
}

const { file, timeZone, limits } = workerData as ImportJob;

async function read(): Promise<void> {
  const bytes = Buffer.from(file.buffer, file.byteOffset, file.byteLength);
  checkXlsx(bytes, limits);
  const data = await importXlsx(bytes, timeZone, limits);
  parentPort!.postMessage({ ok: true, data });
}

read().catch((error: unknown) => {
  parentPort!.postMessage({ ok: false, error: (error as Error)?.message ?? String(error) });
});
