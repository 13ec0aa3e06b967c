/**
 * The sidebar-only messages (wizard, check-in view, dialogs). The sidebar registers them at start
 * (src/ui/i18n.ts); the server bundle never imports this file.
 */
import sidebarViews from "./messages/sidebar-views";
import wizard from "./messages/wizard";

export const sidebarMessages = {
  en: { ...wizard.en, ...sidebarViews.en },
  fr: { ...wizard.fr, ...sidebarViews.fr },
};
