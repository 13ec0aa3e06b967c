/**
 * The playground's page: the sheet tabs and grid, the menu bar with the add-on's menu as onOpen
 * built it, the sidebar and dialogs the add-on shows (its real HTML in iframes, google.script.run
 * bridged by bridge.ts through `window.__okrPlayground`), and the alerts it raises.
 *
 * Every call goes the same way (menu item or google.script.run): POST /api/run answers a step;
 * while the step is a dialog, the page shows it and POSTs the user's answer to /api/answer, which
 * answers the next step; at the end the page applies the call's effects (new sidebar or dialog,
 * toasts, selection) and redraws the grid if anything was written.
 */
import { columnLetter } from "../../gas/a1";
import type {
  Active,
  Answer,
  ButtonName,
  CellView,
  ChartView,
  Dialog,
  Effects,
  RecordedMenu,
  SheetView,
  ShownUi,
  State,
  Step,
} from "../protocol";

/** What the bridge in an add-on iframe sees of the page. */
export interface PlaygroundApi {
  call(name: string, argsJson: string): Promise<{ ok: true; json: string } | { ok: false; message: string }>;
  close(source: Window): void;
  setHeight(source: Window, height: number): void;
  setWidth(source: Window, width: number): void;
}

function byId<T extends HTMLElement = HTMLElement>(id: string): T {
  return document.getElementById(id) as T;
}

function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Record<string, string> = {},
  ...children: (Node | string)[]
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  for (const child of children) node.append(child);
  return node;
}

const grid = byId<HTMLTableElement>("grid");
const scroller = byId("grid-scroll");
const formulaInput = byId<HTMLInputElement>("formula");
const namebox = byId<HTMLInputElement>("namebox");

let state: State | undefined;
let currentSheet: string | undefined;
/** The sheet the grid shows: another one opens at A1. */
let drawnSheet: string | undefined;
let selected = { row: 1, column: 1 };
let highlighted: { top: number; left: number; bottom: number; right: number } | undefined;
let cellsByKey = new Map<string, CellView>();
let menusDrawn = "";
let busy = 0;

// ------------------------------------------------------------------------------------------ words

/** The playground's own words, in the user's language (`--locale=fr`), as Sheets' chrome would be. */
const WORDS = {
  en: {
    working: "Working…",
    error: "Error",
    file: "File",
    extensions: "Extensions",
    newBlank: "New blank spreadsheet",
    importXlsx: "Import .xlsx…",
    exportXlsx: "Export .xlsx",
    reset: "Reset to the example",
    openCompany: "Open the company example (4 spreadsheets)",
    open: "Open",
    allowTitle: "Allow access",
    allowAsk:
      "{cell} imports from another spreadsheet, and these two are not connected yet. Allow access? Anyone who can edit this spreadsheet will then see the other's imported data.",
    imported: "Imported",
    importFailed: "Import failed",
    cannotStart: "The playground could not start",
    firstRows: "The first {n} rows are shown.",
    edit: "Edit {cell}",
    sidebar: "Sidebar",
    dialog: "Dialog",
    close: "Close",
    closeToast: "Dismiss",
    closeSidebar: "Close the sidebar",
    closeDialog: "Close the dialog",
    selectedCell: "Selected cell",
    formulaBar: "Formula bar",
    sheet: "Sheet",
    sheets: "Sheets",
    menus: "Menus",
    playground: "playground",
    chart: "Chart",
    exported: "Exported with Excel's limits",
    exportCut: "Cut at 32,767 characters (a note in the cell says so): {cells}.",
    exportNotFinite: "Not a finite number, written as the text shown: {cells}.",
  },
  fr: {
    working: "Traitement…",
    error: "Erreur",
    file: "Fichier",
    extensions: "Extensions",
    newBlank: "Nouvelle feuille de calcul vierge",
    importXlsx: "Importer un fichier .xlsx…",
    exportXlsx: "Exporter au format .xlsx",
    reset: "Revenir à l’exemple",
    openCompany: "Ouvrir l’exemple d’entreprise (4 classeurs)",
    open: "Ouvrir",
    allowTitle: "Autoriser l’accès",
    allowAsk:
      "{cell} importe les données d’un autre classeur, et ces deux classeurs ne sont pas encore connectés. Autoriser l’accès ? Toute personne pouvant modifier ce classeur verra alors les données importées de l’autre.",
    imported: "Importé",
    importFailed: "Échec de l’importation",
    cannotStart: "Le bac à sable n’a pas pu démarrer",
    firstRows: "Les {n} premières lignes sont affichées.",
    edit: "Modifier {cell}",
    sidebar: "Barre latérale",
    dialog: "Boîte de dialogue",
    close: "Fermer",
    closeToast: "Ignorer",
    closeSidebar: "Fermer la barre latérale",
    closeDialog: "Fermer la boîte de dialogue",
    selectedCell: "Cellule sélectionnée",
    formulaBar: "Barre de formule",
    sheet: "Feuille",
    sheets: "Feuilles",
    menus: "Menus",
    playground: "bac à sable",
    chart: "Graphique",
    exported: "Exporté dans les limites d’Excel",
    exportCut: "Coupé à 32 767 caractères (une note dans la cellule le dit) : {cells}.",
    exportNotFinite: "Pas un nombre fini, écrit comme le texte affiché : {cells}.",
  },
} as const;

type Word = keyof (typeof WORDS)["en"];

function lang(): "en" | "fr" {
  return state?.locale?.toLowerCase().startsWith("fr") ? "fr" : "en";
}

function w(word: Word, values: Record<string, string | number> = {}): string {
  return WORDS[lang()][word].replace(/\{(\w+)\}/g, (_, name: string) => String(values[name] ?? ""));
}

/** The page's fixed labels, once the language is known. */
function translateChrome(): void {
  document.documentElement.lang = lang();
  const labels: [string, Word][] = [
    ["namebox", "selectedCell"],
    ["formula", "formulaBar"],
    ["grid-scroll", "sheet"],
    ["sidebar-close", "closeSidebar"],
    ["modal-close", "closeDialog"],
    ["alert-close", "close"],
    ["menubar", "menus"],
    ["tabs", "sheets"],
  ];
  for (const [id, word] of labels) byId(id).setAttribute("aria-label", w(word));
  const brand = document.querySelector(".brand span");
  if (brand) brand.textContent = w("playground");
}

// ------------------------------------------------------------------------------------------ server

class ServerError extends Error {}

async function request<T>(path: string, init?: RequestInit): Promise<T> {
  const response = await fetch(path, init);
  const text = await response.text();
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new ServerError(`${response.status} ${response.statusText}`);
  }
  if (!response.ok) throw new ServerError((body as { error?: string })?.error ?? response.statusText);
  return body as T;
}

function postJson<T>(path: string, body: unknown): Promise<T> {
  return request<T>(path, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
}

function setBusy(delta: number): void {
  busy += delta;
  document.body.dataset.busy = String(busy > 0);
  byId("busy").textContent = busy > 0 ? w("working") : "";
}

/** Runs a global function of the add-on, following its dialogs; resolves with its JSON result. */
async function call(
  name: string,
  argsJson: string,
): Promise<{ ok: true; json: string } | { ok: false; message: string }> {
  setBusy(1);
  try {
    let step = await postJson<Step>("/api/run", `{"name":${JSON.stringify(name)},"args":${argsJson}}`);
    step = await follow(step);
    if (step.kind !== "done") throw new Error("unreachable");
    await applyEffects(step.effects);
    return step.ok
      ? { ok: true, json: JSON.stringify(step.value ?? null) }
      : { ok: false, message: step.message };
  } catch (error) {
    return { ok: false, message: (error as Error).message };
  } finally {
    setBusy(-1);
  }
}

async function follow(first: Step): Promise<Step> {
  let step = first;
  while (step.kind === "dialog") {
    const ended = new AbortController();
    const watch = watchDialog(step.token, ended);
    try {
      const answer = await showAlert(step.dialog, ended.signal);
      step = await postJson<Step>("/api/answer", { token: step.token, ...answer });
    } finally {
      ended.abort();
      await watch;
    }
  }
  return step;
}

/** While an alert is open, checks that its call still waits: the watchdog may have ended it. */
async function watchDialog(token: string, ended: AbortController): Promise<void> {
  while (!ended.signal.aborted) {
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, 2000);
      const stop = () => {
        clearTimeout(timer);
        resolve();
      };
      ended.signal.addEventListener("abort", stop, { once: true });
    });
    if (ended.signal.aborted) return;
    const now = await request<{ pending: { token: string } | null; notice: { message: string } | null }>(
      "/api/pending",
    ).catch(() => undefined);
    if (now && now.pending?.token !== token) {
      ended.abort(new Error(now.notice?.message ?? "This dialog was closed."));
      return;
    }
  }
}

/** From the menu bar: a failure is shown as Sheets does, in a red toast. */
async function runFromMenu(name: string): Promise<void> {
  const outcome = await call(name, "[]");
  if (!outcome.ok) toast({ title: w("error"), message: outcome.message }, true);
}

// ------------------------------------------------------------------------------------------ effects

async function applyEffects(effects: Effects): Promise<void> {
  for (const shown of effects.shown) showUi(shown);
  for (const t of effects.toasts) toast(t);
  const before = state?.active;
  const moved = effects.active.sheet !== before?.sheet || effects.active.range !== before?.range;
  if (moved || effects.active.sheet !== currentSheet || effects.version !== state?.version) {
    if (effects.active.sheet !== currentSheet) {
      selected = { row: 1, column: 1 };
      highlighted = undefined;
    }
    currentSheet = effects.active.sheet;
    await refresh();
    if (moved && effects.active.range) select(effects.active);
  }
}

function select(active: Active): void {
  const range = active.range && parseRange(active.range);
  if (!range) return;
  highlighted = range.top === range.bottom && range.left === range.right ? undefined : range;
  selected = { row: range.top, column: range.left };
  drawSelection(true);
}

function parseRange(a1: string): { top: number; left: number; bottom: number; right: number } | undefined {
  const match = /^([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?$/.exec(a1);
  if (!match) return undefined;
  const column = (letters: string) => [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  const top = Number(match[2]);
  const left = column(match[1]!);
  const bottom = match[4] ? Number(match[4]) : top;
  const right = match[3] ? column(match[3]) : left;
  return {
    top: Math.min(top, bottom),
    left: Math.min(left, right),
    bottom: Math.max(top, bottom),
    right: Math.max(left, right),
  };
}

/** A toast as Sheets shows one: bottom right, left of the sidebar, gone after a while or when closed. */
function toast(t: { title: string; message: string }, error = false): void {
  const node = el("div", { class: error ? "toast error" : "toast" });
  const text = el("div", { class: "toast-text" });
  if (t.title) text.append(el("strong", {}, t.title));
  text.append(t.message);
  const close = el("button", { type: "button", class: "icon", "aria-label": w("closeToast") }, "×");
  close.addEventListener("click", () => node.remove());
  node.append(text, close);
  byId("toasts").append(node);
  setTimeout(() => node.remove(), error ? 12_000 : 8_000);
}

// ------------------------------------------------------------------------------- sidebar & dialogs

function showUi(shown: ShownUi): void {
  if (shown.kind === "sidebar") {
    byId("sidebar-title").textContent = shown.title;
    const frame = byId<HTMLIFrameElement>("sidebar-frame");
    frame.title = shown.title || w("sidebar");
    frame.src = `/ui/${shown.id}`;
    byId("sidebar").hidden = false;
    return;
  }
  byId("modal-title").textContent = shown.title;
  const frame = byId<HTMLIFrameElement>("modal-frame");
  frame.title = shown.title || w("dialog");
  frame.style.width = `${shown.width}px`;
  frame.style.height = `${shown.height}px`;
  frame.src = `/ui/${shown.id}`;
  byId("modal").hidden = false;
}

function closeSidebar(): void {
  byId("sidebar").hidden = true;
  byId<HTMLIFrameElement>("sidebar-frame").src = "about:blank";
}

function closeModal(): void {
  byId("modal").hidden = true;
  byId<HTMLIFrameElement>("modal-frame").src = "about:blank";
}

function frameOf(source: Window): HTMLIFrameElement | undefined {
  return [byId<HTMLIFrameElement>("sidebar-frame"), byId<HTMLIFrameElement>("modal-frame")].find(
    (frame) => frame.contentWindow === source,
  );
}

byId("sidebar-close").addEventListener("click", closeSidebar);
byId("modal-close").addEventListener("click", closeModal);

const BUTTONS: Record<string, ButtonName[]> = {
  OK: ["OK"],
  OK_CANCEL: ["OK", "CANCEL"],
  YES_NO: ["YES", "NO"],
  YES_NO_CANCEL: ["YES", "NO", "CANCEL"],
};

const LABELS: Record<"en" | "fr", Record<ButtonName, string>> = {
  en: { OK: "OK", CANCEL: "Cancel", YES: "Yes", NO: "No", CLOSE: "Close" },
  fr: { OK: "OK", CANCEL: "Annuler", YES: "Oui", NO: "Non", CLOSE: "Fermer" },
};

/** Shows an alert or prompt the add-on raised; resolves with the user's answer. */
function showAlert(dialog: Dialog, ended?: AbortSignal): Promise<Answer> {
  const overlay = byId("alert");
  const input = byId<HTMLInputElement>("alert-input");
  const buttons = byId("alert-buttons");
  byId("alert-title").textContent = dialog.title;
  byId("alert-message").textContent = dialog.message;
  input.hidden = dialog.kind !== "prompt";
  input.value = "";
  buttons.replaceChildren();
  const previous = document.activeElement as HTMLElement | null;
  return new Promise((resolve, reject) => {
    const close = () => {
      overlay.hidden = true;
      overlay.removeEventListener("keydown", keys);
      byId("alert-close").onclick = null;
      ended?.removeEventListener("abort", gone);
      previous?.focus?.();
    };
    const done = (button: ButtonName) => {
      close();
      resolve(dialog.kind === "prompt" ? { button, text: input.value } : { button });
    };
    // Its call was ended meanwhile (the watchdog): the alert goes, the reason is the error.
    const gone = () => {
      close();
      reject(ended?.reason instanceof Error ? ended.reason : new Error("This dialog was closed."));
    };
    ended?.addEventListener("abort", gone);
    const names = BUTTONS[dialog.buttons] ?? ["OK"];
    names.forEach((name, i) => {
      const button = el("button", { type: "button", class: i === 0 ? "primary" : "" }, LABELS[lang()][name]);
      button.addEventListener("click", () => done(name));
      buttons.append(button);
    });
    const keys = (event: KeyboardEvent) => {
      if (event.key === "Escape") {
        event.preventDefault();
        done("CLOSE");
      } else if (event.key === "Enter" && event.target === input) {
        event.preventDefault();
        done(names[0]!);
      }
    };
    overlay.addEventListener("keydown", keys);
    byId("alert-close").onclick = () => done("CLOSE");
    overlay.hidden = false;
    (dialog.kind === "prompt" ? input : (buttons.firstElementChild as HTMLElement | null))?.focus();
  });
}

// -------------------------------------------------------------------------------------------- menus

function closeMenus(except?: HTMLElement): void {
  for (const menu of document.querySelectorAll<HTMLElement>(".menu")) {
    if (menu === except) continue;
    const popup = menu.querySelector<HTMLElement>(".menu-popup");
    if (popup) popup.hidden = true;
    menu.querySelector(":scope > button")?.setAttribute("aria-expanded", "false");
  }
}

type Entry = { caption: string; run: () => void } | { group: string; items: Entry[] } | null;

function dropdown(title: string, entries: Entry[]): HTMLElement {
  const menu = el("div", { class: "menu" });
  const id = `menu-${title.replace(/\W+/g, "-").toLowerCase()}-${Math.random().toString(36).slice(2, 7)}`;
  const button = el(
    "button",
    { type: "button", "aria-haspopup": "menu", "aria-expanded": "false", "aria-controls": id },
    title,
  );
  const popup = el("div", { class: "menu-popup", role: "menu", id, "aria-label": title });
  popup.hidden = true;
  const add = (parent: HTMLElement, list: Entry[]) => {
    for (const entry of list) {
      if (entry === null) parent.append(el("div", { role: "separator" }));
      else if ("group" in entry) {
        const group = el(
          "div",
          { role: "group", "aria-label": entry.group },
          el("div", { class: "group-label" }, entry.group),
        );
        add(group, entry.items);
        parent.append(group);
      } else {
        const item = el("button", { type: "button", role: "menuitem" }, entry.caption);
        item.addEventListener("click", () => {
          closeMenus();
          entry.run();
        });
        parent.append(item);
      }
    }
  };
  add(popup, entries);
  button.addEventListener("click", () => {
    const open = popup.hidden;
    closeMenus(menu);
    popup.hidden = !open;
    button.setAttribute("aria-expanded", String(open));
    if (open) popup.querySelector<HTMLElement>("[role=menuitem]")?.focus();
  });
  popup.addEventListener("keydown", (event) => {
    const items = [...popup.querySelectorAll<HTMLElement>("[role=menuitem]")];
    const at = items.indexOf(document.activeElement as HTMLElement);
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      const next = (at + (event.key === "ArrowDown" ? 1 : -1) + items.length) % items.length;
      items[next]?.focus();
    } else if (event.key === "Escape") {
      closeMenus();
      button.focus();
    }
  });
  menu.append(button, popup);
  return menu;
}

function addonEntries(menu: RecordedMenu): Entry[] {
  return menu.items.map((item) => {
    if (item === null) return null;
    if ("items" in item) return { group: item.title, items: addonEntries(item) };
    return { caption: item.caption, run: () => void runFromMenu(item.functionName) };
  });
}

function drawMenus(menus: RecordedMenu[]): void {
  const files = state?.files ?? [];
  const key = JSON.stringify([menus, files]);
  if (key === menusDrawn) return;
  menusDrawn = key;
  const file: Entry[] = [
    { caption: w("newBlank"), run: () => void reset(true) },
    { caption: w("openCompany"), run: () => void openFile("/api/company", {}) },
    ...(files.length
      ? [
          {
            group: w("open"),
            items: files.map((f) => ({
              caption: `${f.active ? "✓ " : ""}${f.name}`,
              run: () => void openFile("/api/open", { file: f.id }),
            })),
          },
        ]
      : []),
    null,
    { caption: w("importXlsx"), run: () => byId<HTMLInputElement>("import-file").click() },
    { caption: w("exportXlsx"), run: exportXlsx },
    null,
    { caption: w("reset"), run: () => void reset(false) },
  ];
  const bar = byId("menubar");
  bar.replaceChildren(dropdown(w("file"), file));
  const addons = menus.filter((m) => m.kind === "addon");
  for (const menu of menus.filter((m) => m.kind === "menu"))
    bar.append(dropdown(menu.title, addonEntries(menu)));
  if (addons.length) {
    bar.append(
      dropdown(
        w("extensions"),
        addons.map((m) => ({ group: m.title, items: addonEntries(m) })),
      ),
    );
  }
}

document.addEventListener("click", (event) => {
  if (!(event.target as HTMLElement).closest?.(".menu")) closeMenus();
});

// ----------------------------------------------------------------------------------- import, export

/** Runs an action under the busy cursor; a failure is toasted under `title`. */
async function busyWhile(run: () => Promise<void>, title = w("error")): Promise<void> {
  setBusy(1);
  try {
    await run();
  } catch (error) {
    toast({ title, message: (error as Error).message }, true);
  } finally {
    setBusy(-1);
  }
}

/** After another spreadsheet was opened, imported or reset: no dialog left open, its first sheet shown. */
async function reopen(): Promise<void> {
  closeSidebar();
  closeModal();
  currentSheet = undefined;
  await refresh();
}

/**
 * File › Export .xlsx: downloads the file, then says what Excel's limits changed in it (text cut at
 * 32,767 characters, Infinity or NaN written as text), from the server's X-Export-Report header.
 */
async function exportXlsx(): Promise<void> {
  await busyWhile(async () => {
    const response = await fetch("/api/export");
    if (!response.ok) {
      const body = (await response.json().catch(() => ({}))) as { error?: string };
      throw new ServerError(body.error ?? response.statusText);
    }
    const name = /filename="([^"]+)"/.exec(response.headers.get("Content-Disposition") ?? "")?.[1];
    const url = URL.createObjectURL(await response.blob());
    const link = el("a", { href: url, download: name ?? "okr-sheets.xlsx" });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
    const report = JSON.parse(decodeURIComponent(response.headers.get("X-Export-Report") ?? "%7B%7D")) as {
      cut?: string[];
      notFinite?: string[];
    };
    const lines = [
      report.cut?.length ? w("exportCut", { cells: report.cut.join(", ") }) : "",
      report.notFinite?.length ? w("exportNotFinite", { cells: report.notFinite.join(", ") }) : "",
    ].filter(Boolean);
    if (lines.length > 0) toast({ title: w("exported"), message: lines.join(" ") });
  });
}

byId<HTMLInputElement>("import-file").addEventListener("change", async (event) => {
  const input = event.target as HTMLInputElement;
  const file = input.files?.[0];
  input.value = "";
  if (!file) return;
  await busyWhile(async () => {
    const result = await request<{ sheets: string[] }>("/api/import", {
      method: "POST",
      headers: { "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" },
      body: await file.arrayBuffer(),
    });
    await reopen();
    toast({ title: w("imported"), message: `${file.name}: ${result.sheets.join(", ")}` });
  }, w("importFailed"));
});

/** File › Open the company example, or File › Open › one of its spreadsheets. */
async function openFile(path: string, body: object): Promise<void> {
  await busyWhile(async () => {
    await postJson(path, body);
    await reopen();
  });
}

/** Sheets' Allow access, on a cell whose IMPORTRANGE is not connected yet (a click on it asks). */
async function offerAccess(cell: CellView): Promise<void> {
  const answer = await showAlert({
    kind: "alert",
    title: w("allowTitle"),
    message: w("allowAsk", { cell: cell.a1 }),
    buttons: "OK_CANCEL",
  });
  if (answer.button !== "OK") return;
  await busyWhile(async () => {
    await postJson("/api/allow", { sheet: state!.sheet.name, row: cell.row, column: cell.column });
    await refresh();
  });
}

/** File › Reset to the example, or File › New blank spreadsheet (to try Set up template from scratch). */
async function reset(blank: boolean): Promise<void> {
  setBusy(1);
  try {
    await postJson("/api/reset", blank ? { blank } : {});
    await reopen();
  } finally {
    setBusy(-1);
  }
}

// --------------------------------------------------------------------------------------------- grid

const keyOf = (row: number, column: number) => `${row}:${column}`;

async function refresh(): Promise<void> {
  const query = currentSheet ? `?sheet=${encodeURIComponent(currentSheet)}` : "";
  state = await request<State>(`/api/state${query}`);
  const opened = drawnSheet !== state.sheet.name;
  currentSheet = drawnSheet = state.sheet.name;
  translateChrome();
  drawMenus(state.menus);
  drawTabs();
  drawGrid();
  // A sheet opens at A1, as in Sheets, not where the previous one was scrolled to.
  if (opened) scroller.scrollTo(0, 0);
}

function drawTabs(): void {
  const tabs = byId("tabs");
  tabs.replaceChildren(
    ...state!.sheets.map((sheet) => {
      const tab = el(
        "button",
        { type: "button", role: "tab", "aria-selected": String(sheet.name === currentSheet) },
        sheet.name,
      );
      if (sheet.tabColor) tab.style.boxShadow = `inset 0 -3px 0 ${sheet.tabColor}`;
      tab.addEventListener("click", () => void switchSheet(sheet.name));
      return tab;
    }),
  );
}

async function switchSheet(name: string): Promise<void> {
  currentSheet = name;
  selected = { row: 1, column: 1 };
  highlighted = undefined;
  if (state) state.active = { sheet: name };
  void postJson("/api/select", { sheet: name }).catch(() => undefined);
  await refresh();
}

function drawGrid(): void {
  const view = state!.sheet;
  cellsByKey = new Map(view.cells.map((cell) => [keyOf(cell.row, cell.column), cell]));
  const colgroup = el("colgroup", {}, el("col", { style: "width:46px" }));
  for (const width of view.widths) colgroup.append(el("col", { style: `width:${width}px` }));
  const total = 46 + view.widths.reduce((a, b) => a + b, 0);
  const head = el("tr", {}, el("th", { class: "corner", scope: "col" }, ""));
  for (let c = 1; c <= view.columns; c++) head.append(el("th", { scope: "col" }, columnLetter(c)));
  const body = el("tbody");
  for (let r = 1; r <= view.rows; r++) {
    const row = el("tr", {}, el("th", { scope: "row" }, String(r)));
    if (r <= view.frozenRows) row.className = r === view.frozenRows ? "frozen last" : "frozen";
    for (let c = 1; c <= view.columns; c++)
      row.append(drawCell(r, c, cellsByKey.get(keyOf(r, c)), room(view, r, c)));
    body.append(row);
  }
  grid.style.width = `${total}px`;
  grid.replaceChildren(colgroup, el("thead", {}, head), body);
  // Frozen rows stick where they are laid out (measured before they stick).
  const origin = scroller.getBoundingClientRect().top - scroller.scrollTop;
  const frozen = [...body.querySelectorAll<HTMLElement>("tr.frozen")].map((line) => ({
    line,
    top: line.getBoundingClientRect().top - origin,
  }));
  for (const { line, top } of frozen) {
    for (const cell of line.children) (cell as HTMLElement).style.top = `${top}px`;
  }
  drawCharts(view);
  scroller.querySelector(".more")?.remove();
  if (view.truncated) scroller.append(el("div", { class: "more" }, w("firstRows", { n: view.rows })));
  drawSelection(false);
}

// ------------------------------------------------------------------------------------------- charts

const SVG = "http://www.w3.org/2000/svg";
const CHART = { width: 480, height: 300, top: 40, right: 24, bottom: 36, left: 150 };
const SERIES_COLOURS = [
  "#4285f4",
  "#ea4335",
  "#fbbc04",
  "#34a853",
  "#ff6d01",
  "#46bdc6",
  "#7b1fa2",
  "#795548",
  "#c2185b",
  "#9e9d24",
];
const LEGEND_ROW = 14;

function svg(tag: string, attributes: Record<string, string | number> = {}, text?: string): SVGElement {
  const node = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, String(value));
  if (text !== undefined) node.textContent = text;
  return node;
}

/** The add-on's charts over the grid, where it placed them: bars, columns or lines, as SVG. */
function drawCharts(view: SheetView): void {
  for (const old of scroller.querySelectorAll(".chart")) old.remove();
  for (const chart of view.charts) {
    const anchor = cellElement(chart.row, chart.column);
    if (!anchor) continue;
    const figure = el("figure", { class: "chart", "data-type": chart.type.toLowerCase() });
    // A cell's offsets are within the table.
    figure.style.left = `${grid.offsetLeft + anchor.offsetLeft}px`;
    figure.style.top = `${grid.offsetTop + anchor.offsetTop}px`;
    figure.append(chartSvg(chart));
    scroller.append(figure);
  }
}

function chartSvg(chart: ChartView): SVGElement {
  const { width, right, bottom } = CHART;
  const horizontal = chart.type === "BAR";
  // Several lines get a legend, three entries a row, between the title and the plot.
  const legendRows =
    chart.type === "LINE" && chart.series.length > 1 ? Math.ceil(chart.series.length / 3) : 0;
  const top = CHART.top + legendRows * LEGEND_ROW;
  const height = CHART.height + legendRows * LEGEND_ROW;
  const left = horizontal ? CHART.left : 48;
  const label = chart.title || w("chart");
  const root = svg("svg", { viewBox: `0 0 ${width} ${height}`, width, height, role: "img" });
  root.setAttribute("aria-label", label);
  root.append(svg("rect", { width, height, fill: "#fff" }));
  root.append(svg("text", { x: width / 2, y: 24, "text-anchor": "middle", class: "chart-title" }, label));
  const values = chart.series.flatMap((s) => s.values).filter((v): v is number => v !== null);
  const min = Math.min(chart.min ?? 0, ...values);
  const max = Math.max(chart.max ?? 0, ...values) || 1;
  const plot = { x: left, y: top, w: width - left - right, h: height - top - bottom };
  const n = Math.max(chart.labels.length, 1);
  const band = (horizontal ? plot.h : plot.w) / n;
  const scale = (v: number) => ((v - min) / (max - min)) * (horizontal ? plot.w : plot.h);
  // Grid lines at quarters of the value axis, labelled.
  for (let i = 0; i <= 4; i++) {
    const v = min + ((max - min) * i) / 4;
    const text = String(Number(v.toPrecision(3))).replace(".", lang() === "fr" ? "," : ".");
    if (horizontal) {
      const x = plot.x + scale(v);
      root.append(svg("line", { x1: x, x2: x, y1: plot.y, y2: plot.y + plot.h, class: "chart-grid" }));
      root.append(svg("text", { x, y: plot.y + plot.h + 16, "text-anchor": "middle" }, text));
    } else {
      const y = plot.y + plot.h - scale(v);
      root.append(svg("line", { x1: plot.x, x2: plot.x + plot.w, y1: y, y2: y, class: "chart-grid" }));
      root.append(svg("text", { x: plot.x - 6, y: y + 4, "text-anchor": "end" }, text));
    }
  }
  chart.labels.forEach((name, i) => {
    const short = name.length > 20 ? `${name.slice(0, 19)}…` : name;
    const middle = (horizontal ? plot.y : plot.x) + band * (i + 0.5);
    const attributes = horizontal
      ? { x: plot.x - 6, y: middle + 4, "text-anchor": "end" }
      : { x: middle, y: plot.y + plot.h + 16, "text-anchor": "middle" };
    const text = svg("text", attributes, short);
    text.append(svg("title", {}, name));
    root.append(text);
  });
  chart.series.forEach((series, s) => {
    const colour = SERIES_COLOURS[s % SERIES_COLOURS.length]!;
    if (chart.type === "LINE") {
      // An empty cell breaks the line (a gap, not a zero); a lone point between gaps is a dot.
      const runs: [number, number][][] = [[]];
      series.values.forEach((v, i) => {
        if (v === null) runs.push([]);
        else runs[runs.length - 1]!.push([plot.x + band * (i + 0.5), plot.y + plot.h - scale(v)]);
      });
      for (const run of runs.filter((r) => r.length > 0)) {
        const line =
          run.length === 1
            ? svg("circle", { cx: run[0]![0], cy: run[0]![1], r: 3, fill: colour, class: "chart-point" })
            : svg("polyline", {
                points: run.map(([x, y]) => `${x},${y}`).join(" "),
                fill: "none",
                stroke: colour,
                "stroke-width": 2,
                class: "chart-line",
              });
        line.append(svg("title", {}, series.name));
        root.append(line);
      }
      if (chart.series.length > 1) {
        // A legend under the title, one short entry per series.
        const x = 16 + (s % 3) * ((width - 32) / 3);
        const y = CHART.top + Math.floor(s / 3) * LEGEND_ROW;
        root.append(svg("rect", { x, y: y - 6, width: 10, height: 4, fill: colour }));
        const name = series.name.length > 22 ? `${series.name.slice(0, 21)}…` : series.name;
        root.append(svg("text", { x: x + 14, y, class: "chart-legend" }, name));
      }
      return;
    }
    const thickness = (band * 0.7) / chart.series.length;
    series.values.forEach((v, i) => {
      if (v === null) return;
      const along = (horizontal ? plot.y : plot.x) + band * (i + 0.15) + thickness * s;
      const length = Math.abs(scale(v) - scale(0));
      const start = Math.min(scale(v), scale(0));
      const bar = horizontal
        ? { x: plot.x + start, y: along, width: length, height: thickness }
        : { x: along, y: plot.y + plot.h - start - length, width: thickness, height: length };
      const rect = svg("rect", { ...bar, fill: colour, class: "chart-bar" });
      rect.append(svg("title", {}, `${chart.labels[i] ?? ""}: ${v}`));
      root.append(rect);
    });
  });
  return root;
}

/** How wide a cell's text may run: as in Sheets, left-aligned text flows over empty cells on its right. */
function room(view: SheetView, row: number, column: number): number {
  const own = view.widths[column - 1] ?? 100;
  const cell = cellsByKey.get(keyOf(row, column));
  if (!cell?.text || cell.align !== "left") return own;
  let width = own;
  for (let c = column + 1; c <= view.columns && !cellsByKey.get(keyOf(row, c))?.text; c++) {
    width += view.widths[c - 1] ?? 100;
  }
  return width;
}

function drawCell(
  row: number,
  column: number,
  cell: CellView | undefined,
  width: number,
): HTMLTableCellElement {
  const td = el("td", { "data-cell": `${columnLetter(column)}${row}` });
  if (!cell) return td;
  if (width > (state!.sheet.widths[column - 1] ?? 100)) {
    td.classList.add("overflow");
    td.append(el("span", { style: `max-width:${width - 9}px` }, cell.text));
  } else td.textContent = cell.text;
  const classes = [cell.align === "left" ? "" : cell.align];
  if (cell.bold) classes.push("bold");
  if (cell.formula) classes.push("formula");
  if (cell.spilled) classes.push("spilled");
  if (cell.error) classes.push("has-error");
  if (cell.note) classes.push("has-note");
  td.classList.add(...classes.filter(Boolean));
  const tip = [cell.note, cell.error].filter(Boolean).join("\n\n");
  if (tip) td.title = tip;
  if (cell.background) td.style.background = cell.background;
  if (cell.color) td.style.color = cell.color;
  return td;
}

function cellElement(row: number, column: number): HTMLTableCellElement | null {
  return grid.querySelector<HTMLTableCellElement>(`td[data-cell="${columnLetter(column)}${row}"]`);
}

function drawSelection(scroll: boolean): void {
  for (const td of grid.querySelectorAll("td.selected, td.in-range"))
    td.classList.remove("selected", "in-range");
  if (highlighted) {
    for (let r = highlighted.top; r <= highlighted.bottom; r++) {
      for (let c = highlighted.left; c <= highlighted.right; c++)
        cellElement(r, c)?.classList.add("in-range");
    }
  }
  const td = cellElement(selected.row, selected.column);
  td?.classList.add("selected");
  const a1 = `${columnLetter(selected.column)}${selected.row}`;
  namebox.value = a1;
  if (document.activeElement !== formulaInput) {
    formulaInput.value = cellsByKey.get(keyOf(selected.row, selected.column))?.edit ?? "";
  }
  if (scroll) td?.scrollIntoView({ block: "nearest", inline: "nearest" });
}

function moveTo(row: number, column: number, tellServer = true): void {
  const view = state?.sheet;
  if (!view) return;
  selected = {
    row: Math.max(1, Math.min(row, view.rows)),
    column: Math.max(1, Math.min(column, view.columns)),
  };
  highlighted = undefined;
  drawSelection(true);
  if (tellServer) {
    const a1 = `${columnLetter(selected.column)}${selected.row}`;
    if (state) state.active = { sheet: view.name, range: a1 };
    void postJson("/api/select", { sheet: view.name, a1 }).catch(() => undefined);
  }
}

async function commit(row: number, column: number, input: string): Promise<void> {
  if (!currentSheet) return;
  const sheet = currentSheet;
  await busyWhile(async () => {
    await postJson("/api/edit", { sheet, row, column, input });
    await refresh();
  });
}

/** Opens the in-cell editor, with the cell's text or with what the user started typing. */
function startEditing(initial?: string): void {
  const td = cellElement(selected.row, selected.column);
  if (!td || td.querySelector(".editor")) return;
  const { row, column } = selected;
  const editor = el("input", {
    class: "editor",
    "aria-label": w("edit", { cell: `${columnLetter(column)}${row}` }),
    spellcheck: "false",
  });
  editor.value = initial ?? cellsByKey.get(keyOf(row, column))?.edit ?? "";
  td.append(editor);
  editor.focus();
  let finished = false;
  const finish = (save: boolean, next?: { row: number; column: number }) => {
    if (finished) return;
    finished = true;
    const value = editor.value;
    editor.remove();
    scroller.focus();
    if (next) moveTo(next.row, next.column);
    if (save) void commit(row, column, value);
  };
  editor.addEventListener("keydown", (event) => {
    event.stopPropagation();
    if (event.key === "Enter") {
      event.preventDefault();
      finish(true, { row: row + 1, column });
    } else if (event.key === "Tab") {
      event.preventDefault();
      finish(true, { row, column: column + 1 });
    } else if (event.key === "Escape") {
      event.preventDefault();
      finish(false);
    }
  });
  editor.addEventListener("blur", () => finish(true));
}

grid.addEventListener("click", (event) => {
  const td = (event.target as HTMLElement).closest("td");
  if (!td || (event.target as HTMLElement).classList.contains("editor")) return;
  const range = parseRange(td.dataset.cell ?? "");
  if (range) moveTo(range.top, range.left);
  scroller.focus();
  const cell = range && cellsByKey.get(keyOf(range.top, range.left));
  if (cell?.error?.startsWith("You need to connect these sheets")) void offerAccess(cell);
});

grid.addEventListener("dblclick", (event) => {
  if ((event.target as HTMLElement).closest("td")) startEditing();
});

scroller.addEventListener("keydown", (event) => {
  if (event.target !== scroller || event.ctrlKey || event.metaKey || event.altKey) return;
  const { row, column } = selected;
  const moves: Record<string, [number, number]> = {
    ArrowUp: [-1, 0],
    ArrowDown: [1, 0],
    ArrowLeft: [0, -1],
    ArrowRight: [0, 1],
  };
  const move = moves[event.key];
  if (move) {
    event.preventDefault();
    moveTo(row + move[0], column + move[1]);
  } else if (event.key === "Enter" || event.key === "F2") {
    event.preventDefault();
    startEditing();
  } else if (event.key === "Delete" || event.key === "Backspace") {
    event.preventDefault();
    void commit(row, column, "");
  } else if (event.key.length === 1) {
    event.preventDefault();
    startEditing(event.key);
  }
});

formulaInput.addEventListener("keydown", (event) => {
  if (event.key === "Enter") {
    event.preventDefault();
    const { row, column } = selected;
    const value = formulaInput.value;
    formulaInput.blur();
    void commit(row, column, value);
  } else if (event.key === "Escape") {
    formulaInput.blur();
    drawSelection(false);
  }
});

// ----------------------------------------------------------------------------------------- the api

const api: PlaygroundApi = {
  call,
  close(source) {
    const frame = frameOf(source);
    if (frame?.id === "sidebar-frame") closeSidebar();
    else if (frame?.id === "modal-frame") closeModal();
  },
  setHeight(source, height) {
    const frame = frameOf(source);
    if (frame?.id === "modal-frame") frame.style.height = `${Math.max(50, Math.min(height, 2000))}px`;
  },
  setWidth(source, width) {
    const frame = frameOf(source);
    if (frame?.id === "modal-frame") frame.style.width = `${Math.max(50, Math.min(width, 2000))}px`;
  },
};
(window as unknown as { __okrPlayground: PlaygroundApi }).__okrPlayground = api;

async function start(): Promise<void> {
  setBusy(1);
  try {
    // A dialog left waiting (the page was reloaded in the middle of a call): answer it first.
    const { pending, notice } = await request<{
      pending: { token: string; dialog: Dialog } | null;
      notice: { message: string; at: string } | null;
    }>("/api/pending");
    // A call the watchdog ended while no page was there to hear it: said once, on the next page.
    if (notice && sessionStorage.getItem("okr-notice") !== notice.at) {
      sessionStorage.setItem("okr-notice", notice.at);
      toast({ title: "Error", message: notice.message }, true);
    }
    if (pending) {
      await refresh();
      try {
        const step = await follow({ kind: "dialog", ...pending });
        if (step.kind === "done") await applyEffects(step.effects);
      } catch (error) {
        toast({ title: "Error", message: (error as Error).message }, true);
      }
    }
    await refresh();
    document.body.dataset.ready = "true";
  } catch (error) {
    toast({ title: w("cannotStart"), message: (error as Error).message }, true);
  } finally {
    setBusy(-1);
  }
}

void start();
