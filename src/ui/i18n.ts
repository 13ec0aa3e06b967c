/**
 * The sidebar's messages: the core catalog plus the sidebar-only messages, registered on first
 * import so that every view can use `t` with any key.
 */
import { registerMessages } from "./i18n";
import { sidebarMessages } from "../core/i18n/sidebar";

registerMessages(sidebarMessages);

export * from "../core/i18n";
