import type { Lang } from "../core/i18n";
import { userError } from "./errors";

/** How long to wait for another user's save before telling this one to try again. */
export const LOCK_TIMEOUT_MS = 10_000;

/** Runs a write under the document lock, so two people saving at once both land. */
export function withDocumentLock<T>(lang: Lang, run: () => T): T {
  const lock = LockService.getDocumentLock();
  if (!lock.tryLock(LOCK_TIMEOUT_MS)) throw userError(lang, "error.busy");
  try {
    return run();
  } finally {
    SpreadsheetApp.flush();
    lock.releaseLock();
  }
}
