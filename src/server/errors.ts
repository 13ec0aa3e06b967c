import { type Lang, t } from "../core/i18n";
import { UserError } from "../core/user-error";

/**
 * Runs an operation for the sidebar or a menu: user errors pass, others become a short message.
 * An unexpected error is logged first, with its stack: caught here, Apps Script would not record the
 * execution as failed, and the log is where a maintainer looks (console.error writes to the execution
 * log and Cloud Logging: https://developers.google.com/apps-script/reference/base/console).
 */
export function userFacing<T>(lang: Lang, run: () => T): T {
  try {
    return run();
  } catch (error) {
    if (error instanceof UserError) throw error;
    console.error(error);
    const message = error instanceof Error ? error.message : String(error);
    throw new UserError(t(lang, "error.generic", { message }));
  }
}
