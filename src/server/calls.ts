/**
 * How an operation meets the user, written once: a call from the sidebar or a dialog, and a menu
 * command. Both run in the user's language and let no error through but a localized message
 * (`userFacing`); the operation itself lives in its module, and main.ts names it once.
 */
import type * as z from "zod/mini";
import { type Lang, type MessageKey, type MessageParams, t } from "../core/i18n";
import { withAsOf } from "./as-of";
import type { UserError } from "../core/user-error";
import { userFacing } from "./errors";
import { userLang } from "./locale";
import { Workbook } from "./workbook";

/**
 * What the sidebar sends for a payload schema of src/core/payloads.ts: the client's argument type
 * comes from the schema that parses it on arrival, so the two cannot drift.
 */
export type Payload<Schema extends () => z.ZodMiniType> = z.input<ReturnType<Schema>>;

/**
 * A call from the sidebar or a dialog, without "as of" (the sidebar's first screen and a cell's
 * selection write nothing and show no status). The module parses any payload with zod in `lang`,
 * and its refusal reaches the sidebar as is.
 */
export function inUserLanguage<T>(run: (lang: Lang) => T): T {
  const lang = userLang();
  return userFacing(lang, () => run(lang));
}

/** A call from the sidebar or a dialog, after bringing Settings' "as of" to today. */
export function sidebarCall<T>(run: (lang: Lang) => T): T {
  return withAsOf(() => inUserLanguage(run));
}

/** A message without parameters: a title. */
type Title = { [K in MessageKey]: keyof MessageParams<K> extends never ? K : never }[MessageKey];

/** What a menu command tells the user when it is done: an alert's text, a toast's, or nothing. */
type Told = string | { toast: string } | undefined;

/**
 * A menu command: runs in the user's language, then tells the user under the item's title what it
 * answered (an alert waits for a click, a toast does not) or what went wrong (an alert). The Ui is
 * fetched once, and only when a question or an alert needs it.
 */
export function menuCommand(
  title: Title,
  run: (lang: Lang, getUi: () => GoogleAppsScript.Base.Ui) => Told | void,
): void {
  const lang = userLang();
  let ui: GoogleAppsScript.Base.Ui | undefined;
  const getUi = () => (ui ??= SpreadsheetApp.getUi());
  let told: Told | void;
  try {
    told = userFacing(lang, () => run(lang, getUi));
  } catch (error) {
    told = (error as UserError).message;
  }
  if (typeof told === "string") getUi().alert(t(lang, title), told, getUi().ButtonSet.OK);
  // The operation's spreadsheet, opened once (menu commands run inside `withAsOf`).
  else if (told) Workbook.active().ss.toast(told.toast, t(lang, title), 5);
}
