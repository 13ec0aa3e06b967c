/**
 * The sidebar's entry: asks the server for the user's language, then draws the first screen.
 */
import { type Lang, t } from "../core/i18n";
import { clear, el } from "./dom";
import { callServer, onBusyChange } from "./server";

const app = document.getElementById("app") as HTMLElement;
const status = document.getElementById("status") as HTMLElement;

onBusyChange((busy) => {
  document.body.classList.toggle("busy", busy);
  document.querySelectorAll<HTMLButtonElement>("button[data-busy]").forEach((button) => {
    button.disabled = busy;
  });
});

function showError(lang: Lang, error: unknown): void {
  status.className = "status error";
  status.textContent = t(lang, "sidebar.error", { message: (error as Error)?.message ?? String(error) });
}

function renderHome(lang: Lang): void {
  document.documentElement.lang = lang;
  clear(app);
  app.appendChild(
    el(
      "main",
      { class: "home" },
      el("h1", {}, t(lang, "sidebar.title")),
      el("p", {}, t(lang, "sidebar.welcome")),
    ),
  );
}

async function start(): Promise<void> {
  const fallback: Lang = navigator.language?.toLowerCase().startsWith("fr") ? "fr" : "en";
  status.className = "status loading";
  status.textContent = t(fallback, "sidebar.loading");
  try {
    const context = await callServer("getSidebarContext");
    status.className = "status";
    status.textContent = "";
    renderHome(context.lang);
  } catch (error) {
    showError(fallback, error);
  }
}

void start();
