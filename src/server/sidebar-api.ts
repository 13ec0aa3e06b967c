/**
 * The functions the sidebar may call through google.script.run. The client is typed from this
 * module (src/ui/server.ts), so a misspelled call or a wrong argument does not compile. Every
 * argument is untrusted: it is parsed with zod before use.
 */
import type { Lang } from "../core/i18n";
import { userLang } from "./locale";

export interface SidebarContext {
  lang: Lang;
}

/** What the sidebar needs to draw its first screen. */
export function getSidebarContext(): SidebarContext {
  return { lang: userLang() };
}
