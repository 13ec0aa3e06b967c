/**
 * Reads an imported .xlsx file in its own thread (import-worker.ts, bundled by assets.ts), with a
 * heap limit and a time limit: a file that would need more is refused, and the server, its memory
 * and the user's spreadsheet are untouched.
 */
import { Worker } from "node:worker_threads";
import type { ImportJob } from "./import-worker";
import type { WorkbookData } from "./workbook";
import { IMPORT_LIMITS, type ImportLimits } from "./zipcheck";

export function importInWorker(
  workerCode: string,
  file: Buffer,
  timeZone: string,
  limits: ImportLimits = IMPORT_LIMITS,
): Promise<WorkbookData> {
  const job: ImportJob = { file: new Uint8Array(file), timeZone, limits };
  const worker = new Worker(workerCode, {
    eval: true,
    workerData: job,
    resourceLimits: { maxOldGenerationSizeMb: limits.memoryMb, maxYoungGenerationSizeMb: 32 },
  });
  return new Promise<WorkbookData>((resolve, reject) => {
    const timer = setTimeout(() => {
      reject(
        new Error(
          `Reading this .xlsx file took longer than ${limits.timeMs / 1000} s; the playground stopped it.`,
        ),
      );
      void worker.terminate();
    }, limits.timeMs);
    const settle = () => {
      clearTimeout(timer);
      void worker.terminate();
    };
    worker.once("message", (message: { ok: true; data: WorkbookData } | { ok: false; error: string }) => {
      settle();
      if (message.ok) resolve(message.data);
      else reject(new Error(message.error));
    });
    worker.once("error", (error: Error & { code?: string }) => {
      settle();
      reject(
        new Error(
          error.code === "ERR_WORKER_OUT_OF_MEMORY"
            ? `Reading this .xlsx file needs more than ${limits.memoryMb} MB of memory; the playground stopped it.`
            : `This .xlsx file could not be read: ${error.message}`,
        ),
      );
    });
    worker.once("exit", () => {
      clearTimeout(timer);
      reject(new Error("Reading this .xlsx file stopped before it ended."));
    });
  });
}
