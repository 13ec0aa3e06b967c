import { describeFinding } from "./describe";
import type { Finding } from "./findings";
import { type Lang, type MessageKey, type MessageParams, t } from "./i18n";

/**
 * An error whose message is meant for the user, already in their language. Anything else that
 * escapes an operation is wrapped by the server's `userFacing`, so no stack trace reaches the user.
 */
export class UserError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UserError";
  }
}

export function userError<K extends MessageKey>(
  lang: Lang,
  key: K,
  ...params: keyof MessageParams<K> extends never ? [] : [MessageParams<K>]
): UserError {
  return new UserError(t(lang, key, ...params));
}

/** An insert refused by a finding on its rows (a blocking rule, a lost column): nothing written. */
export function refusedBy(lang: Lang, finding: Finding): UserError {
  return userError(lang, "wizard.error.refused", { message: describeFinding(finding, lang) });
}
