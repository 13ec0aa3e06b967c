import type { Lang } from "../core/i18n";
import { UserError, userError } from "../core/user-error";
import { t } from "../core/i18n";
import { Workbook } from "./workbook";

/** How long to wait for another user's save before telling this one to try again. */
export const LOCK_TIMEOUT_MS = 10_000;

/** Told by a writing operation once its first write is made, so a later failure says so. */
export interface Progress {
  wrote(): void;
}

/**
 * Runs a write under the document lock, so two people saving at once both land, and every read
 * made inside `run` sees the sheet as it is now. The lock is released whatever fails:
 * `SpreadsheetApp.flush()` applies pending writes before others may read them, and a failure there
 * or in `releaseLock()` after a successful write is not the user's business (the lock also expires
 * with the execution: https://developers.google.com/apps-script/reference/lock/lock#releaseLock()).
 * When `run` fails after its first write, the user is told that part was written, so a retry does
 * not write the same thing twice.
 */
export function withDocumentLock<T>(lang: Lang, run: (progress: Progress) => T): T {
  const lock = LockService.getDocumentLock();
  if (!lock.tryLock(LOCK_TIMEOUT_MS)) throw userError(lang, "error.busy");
  Workbook.lockTaken();
  let written = false;
  try {
    return run({ wrote: () => (written = true) });
  } catch (error) {
    if (!written) throw error;
    // Errors from Apps Script services may come from another realm: no instanceof.
    const message = String((error as { message?: unknown } | null)?.message ?? error);
    throw new UserError(t(lang, "lock.partial", { message }));
  } finally {
    Workbook.lockReleasing();
    try {
      SpreadsheetApp.flush();
    } catch {
      // The writes are made; flushing only hurries them (the lock is released below regardless).
    }
    if (!releaseOnce(lock)) releaseOnce(lock);
  }
}

/** One attempt to release; a second one follows a failure (the lock would otherwise stay held). */
function releaseOnce(lock: GoogleAppsScript.Lock.Lock): boolean {
  try {
    lock.releaseLock();
    return true;
  } catch {
    return false;
  }
}
