import { type Lang, type MenuKind, t } from "../core/i18n";
import { jsonInHtml, PAGE_CONTEXT_ID } from "../core/page-data";
import { userLang } from "./locale";
import { Workbook } from "./workbook";

export type SidebarView = "home" | "findings" | "checkin" | "review" | "nextQuarter";

/** What the sidebar needs to draw its first screen. */
export interface SidebarContext {
  lang: Lang;
  /** The view to open first: the menu item that opened the sidebar chose it. */
  view: SidebarView;
  /** Where the menu sits in this build, for the messages that name its items. */
  menu: MenuKind;
  /** The spreadsheet's ID: the sidebar keeps its draft per spreadsheet. */
  spreadsheetId: string;
}

export function sidebarContext(view: SidebarView): SidebarContext {
  return { lang: userLang(), view, menu: __MENU_KIND__, spreadsheetId: Workbook.spreadsheetId() };
}

/**
 * The built dist/Sidebar.html with its opening context appended as a JSON data block, so that the
 * page draws its first screen without calling the server back (an execution saved: the app's code
 * and the user's locale read again). `HtmlOutput.append` adds content unescaped, "only for content
 * from a trusted source" (https://developers.google.com/apps-script/reference/html/html-output#append(String)):
 * the JSON is ours, and jsonInHtml escapes <, > and & so that no user text (none today) could end
 * the element.
 */
function sidebarPage(view: SidebarView): GoogleAppsScript.HTML.HtmlOutput {
  const data = jsonInHtml(sidebarContext(view));
  return HtmlService.createHtmlOutputFromFile("Sidebar").append(
    `<script type="application/json" id="${PAGE_CONTEXT_ID}">${data}</script>`,
  );
}

/** Shows the built dist/Sidebar.html as the OKR sidebar, opening on a view. */
export function openSidebar(view: SidebarView = "home"): void {
  SpreadsheetApp.getUi().showSidebar(sidebarPage(view).setTitle(t(userLang(), "sidebar.title")));
}

/** Shows the same built HTML as a modal dialog on one view (the review and next-quarter choices). */
export function openDialog(view: SidebarView, title: string): void {
  SpreadsheetApp.getUi().showModalDialog(sidebarPage(view).setWidth(520).setHeight(560), title);
}
