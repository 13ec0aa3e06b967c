import { t } from "../core/i18n";
import { userLang } from "./locale";
import { Workbook } from "./workbook";

export type SidebarView = "home" | "findings" | "checkin" | "review" | "nextQuarter";
export const SIDEBAR_VIEWS: readonly SidebarView[] = ["home", "findings", "checkin", "review", "nextQuarter"];

/**
 * The view hand-off lives in the user's properties, which an add-on shares across every
 * spreadsheet its user opens: the key names the spreadsheet, so a sidebar opened in another file
 * does not take this one's view.
 */
const VIEW_PROPERTY = "okr.sidebar.view";

function viewProperty(): string {
  return `${VIEW_PROPERTY}.${Workbook.spreadsheetId()}`;
}

/**
 * Shows the built dist/Sidebar.html as the OKR sidebar, opening on a view. The HTML is a static
 * file, so the view is left in the user's properties for the sidebar's first call to pick up.
 */
export function openSidebar(view: SidebarView = "home"): void {
  PropertiesService.getUserProperties().setProperty(viewProperty(), view);
  const html = HtmlService.createHtmlOutputFromFile("Sidebar").setTitle(t(userLang(), "sidebar.title"));
  SpreadsheetApp.getUi().showSidebar(html);
}

/** Shows the same built HTML as a modal dialog on one view (the review and next-quarter choices). */
export function openDialog(view: SidebarView, title: string): void {
  PropertiesService.getUserProperties().setProperty(viewProperty(), view);
  const html = HtmlService.createHtmlOutputFromFile("Sidebar").setWidth(520).setHeight(560);
  SpreadsheetApp.getUi().showModalDialog(html, title);
}

/** The view the sidebar was opened for, once (a later reopening starts from home). */
export function takeRequestedView(): SidebarView {
  const props = PropertiesService.getUserProperties();
  const requested = props.getProperty(viewProperty());
  if (requested !== null) props.deleteProperty(viewProperty());
  return SIDEBAR_VIEWS.find((v) => v === requested) ?? "home";
}
