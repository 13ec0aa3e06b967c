/**
 * The sidebar's entry: reads the user's language and the view to open (written into the page by
 * the server, else asked of it), then draws the navigation and that view. The views are listed here, and only the tabs have a tab; the same
 * page opened in a modal dialog (review, next quarter) shows its one view, without navigation.
 */
import { type Lang, setMenuKind, t } from "./i18n";
import { PAGE_CONTEXT_ID } from "../core/page-data";
import type { SidebarContext, SidebarView } from "../server/sidebar";
import { el, fill } from "./dom";
import { findingsView } from "./findings";
import { checkinView } from "./checkin";
import { nextQuarterView } from "./next-quarter";
import { reviewView } from "./review";
import { callServer, onBusyChange, setCallLanguage } from "./server-client";
import type { App, View } from "./view";
import { setDraftScope } from "./wizard/state";
import { wizardView } from "./wizard/view";

/** Every view of the sidebar, in tab order. The first one is the home view. */
const VIEWS: View[] = [wizardView(), checkinView(), findingsView()];

/** The views opened in a modal dialog (OKR › Generate quarterly review, Start next quarter). */
const DIALOGS: View[] = [reviewView(), nextQuarterView()];

interface Host {
  close?: () => void;
}

/** google.script.host.close, when the page runs where it can be closed (a dialog in Sheets). */
function hostClose(): (() => void) | undefined {
  const host = (globalThis as { google?: { script?: { host?: Host } } }).google?.script?.host;
  return host && typeof host.close === "function" ? () => host.close!() : undefined;
}

const app = document.getElementById("app") as HTMLElement;
const status = document.getElementById("status") as HTMLElement;
let lang: Lang = navigator.language?.toLowerCase().startsWith("fr") ? "fr" : "en";

// The loading indicator for every call; an error already shown there stays until the next one.
onBusyChange((busy) => {
  document.getElementById("app")?.setAttribute("aria-busy", String(busy));
  if (busy) {
    status.className = "status loading";
    status.textContent = t(lang, "sidebar.loading");
  } else if (status.classList.contains("loading")) {
    status.className = "status";
    status.textContent = "";
  }
});

function showFatal(error: unknown): void {
  status.className = "status error";
  status.setAttribute("role", "alert");
  const message = (error as Error)?.message ?? String(error);
  // The several-accounts explanation stands alone: it is not "something went wrong" with the add-on.
  status.textContent =
    (error as Error)?.name === "AccountsError" ? message : t(lang, "sidebar.error", { message });
}

function shell(initial: SidebarView): void {
  document.documentElement.lang = lang;
  const dialog = DIALOGS.find((v) => v.id === initial);
  const tabs = new Map<SidebarView, HTMLButtonElement>();
  const content = el("main", { class: "view" });
  const context: App = dialog
    ? { lang, show, dialog: true, close: hostClose() }
    : { lang, show, dialog: false };

  function show(id: SidebarView): void {
    const view = (dialog ? DIALOGS : VIEWS).find((v) => v.id === id) ?? VIEWS[0]!;
    document.title = `${t(lang, view.label)} — ${t(lang, "help.title")}`;
    for (const [key, tab] of tabs) {
      if (key === view.id) tab.setAttribute("aria-current", "page");
      else tab.removeAttribute("aria-current");
    }
    // A fresh element per visit: a call still running for the view left behind draws nowhere.
    const root = el("div", { class: `view-${view.id}` });
    fill(content, root);
    view.mount(root, context);
  }

  const nav = el("nav", { class: "tabs", "aria-label": t(lang, "nav.label") });
  for (const view of VIEWS) {
    const tab = el("button", { type: "button", "data-busy": true }, t(lang, view.label));
    tab.addEventListener("click", () => show(view.id));
    tabs.set(view.id, tab);
    nav.appendChild(tab);
  }
  document.body.classList.toggle("dialog", dialog !== undefined);
  fill(app, !dialog && VIEWS.length > 1 ? nav : null, content);
  show(initial);
}

/**
 * The context the server wrote into the page (src/server/sidebar.ts), appended after this script:
 * read once the document is parsed. A page without it (or with a damaged one) asks the server.
 */
async function pageContext(): Promise<SidebarContext | undefined> {
  if (document.readyState === "loading") {
    await new Promise((resolve) => document.addEventListener("DOMContentLoaded", resolve, { once: true }));
  }
  const text = document.getElementById(PAGE_CONTEXT_ID)?.textContent;
  if (!text) return undefined;
  try {
    const context = JSON.parse(text) as Partial<SidebarContext>;
    const known = (context.lang === "en" || context.lang === "fr") && typeof context.view === "string";
    return known ? (context as SidebarContext) : undefined;
  } catch {
    return undefined;
  }
}

async function start(): Promise<void> {
  try {
    const context = (await pageContext()) ?? (await callServer("getSidebarContext"));
    lang = context.lang;
    setCallLanguage(lang);
    setMenuKind(context.menu);
    setDraftScope(context.spreadsheetId);
    shell(context.view);
  } catch (error) {
    showFatal(error);
  }
}

void start();
