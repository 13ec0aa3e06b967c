/**
 * Who is writing: the Google account's email when Google shares it, else the name the person
 * chose, remembered in their user properties. `Session.getActiveUser().getEmail()` needs the
 * userinfo.email scope, and even then "returns a blank string" when security policies do not
 * allow access, e.g. across Workspace domains or for consumer accounts
 * (https://developers.google.com/apps-script/reference/base/user#getEmail()).
 */
import { authorOf } from "../core/checkins";

const AUTHOR_PROPERTY = "okr.author";

/** The active user's email, or "" when Google does not share it. */
export function currentUserEmail(): string {
  try {
    return Session.getActiveUser().getEmail() ?? "";
  } catch {
    return ""; // no userinfo.email scope granted: the same as a blank email
  }
}

/** The name this person chose last time, or "". */
export function rememberedAuthor(): string {
  return PropertiesService.getUserProperties().getProperty(AUTHOR_PROPERTY) ?? "";
}

/** Remembers the chosen name for next time (nothing to remember when it is blank). */
export function rememberAuthor(name: string): void {
  const chosen = authorOf("", name);
  if (chosen) PropertiesService.getUserProperties().setProperty(AUTHOR_PROPERTY, chosen);
}

/**
 * The author to write: the email when Google gives it, else the name chosen now (remembered for
 * next time), else the one remembered; "" when there is none, so the caller asks.
 */
export function resolveAuthor(email: string, chosen?: string): string {
  if (email.trim()) return authorOf(email, "");
  if (chosen?.trim()) {
    rememberAuthor(chosen);
    return authorOf("", chosen);
  }
  return authorOf("", rememberedAuthor());
}
