import { t } from "../core/i18n";
import { userLang } from "./locale";

/** Shows the built dist/Sidebar.html as the OKR sidebar. */
export function openSidebar(): void {
  const html = HtmlService.createHtmlOutputFromFile("Sidebar").setTitle(t(userLang(), "sidebar.title"));
  SpreadsheetApp.getUi().showSidebar(html);
}
