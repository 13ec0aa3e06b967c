/**
 * Loads the app: the menu commands and the sidebar's and dialogs' calls (src/server/main.ts), built
 * apart from Code.js into the project file server-app.html (scripts/build.mjs). Apps Script loads
 * every script file on every execution, each custom-formula recalculation included, so Code.js
 * keeps only what a recalculation and onOpen need and the app is read when a stub first asks.
 *
 * - HtmlService needs no authorization scope, and custom functions may use it ("HTML: can generate
 *   HTML", https://developers.google.com/apps-script/guides/sheets/functions#using_apps_script_services).
 * - createHtmlOutputFromFile(name).getContent() answers a project file's text, the "include"
 *   pattern of https://developers.google.com/apps-script/guides/html/best-practices#separate_html_css_and_javascript.
 *   The file is a JSON string with < and & escaped (esbuild-options.mjs appFile), so it holds no
 *   markup, whatever the code holds.
 * - The V8 runtime runs standard modern JavaScript (https://developers.google.com/apps-script/guides/v8-runtime),
 *   whose Function constructor compiles the code in the global scope.
 *
 * Each execution starts with a fresh global scope, so the app is read at most once per execution:
 * two calls for a menu command, a sidebar call, KRCHECK or a company roll-up formula, none for a team
 * formula's recalculation or for onOpen in AuthMode.NONE.
 */
import { deferMessages } from "../core/i18n";
import type * as App from "./main";

export type AppExports = typeof App;

// Code.js carries the English its own code can ask for (scripts/esbuild-options.mjs,
// residentCatalogue). Should it ask for another, the app's catalogue answers rather than an error.
deferMessages("en", () => loadApp().englishMessages_());

export function loadApp(): AppExports {
  const global = globalThis as unknown as Record<string, AppExports | undefined>;
  const loaded = global[__APP_GLOBAL__];
  if (loaded) return loaded;
  const code = JSON.parse(HtmlService.createHtmlOutputFromFile(__APP_FILE__).getContent()) as string;
  // The app bundle sets the global to its exports as it runs.
  new Function(code)();
  const app = global[__APP_GLOBAL__];
  if (!app) throw new Error(`${__APP_FILE__} did not define the add-on's functions`);
  return app;
}
