/**
 * The findings list: what OKR › Validate found, grouped by severity with counts. A finding is a
 * button that selects its cell in the sheet; one that "looks like a KPI" offers to move the key
 * result to the KPIs sheet, after a confirmation in place; "Validate again" marks the sheet anew.
 */
import type { Severity } from "../core/findings";
import { type Lang, t } from "./i18n";
import type { FindingItem, FindingsView } from "../core/findings-view";
import { act, actionSlot, announce, busyButton, showNote } from "./actions";
import { append, el, fill } from "./dom";
import { setText } from "./live";
import { callServer } from "./server-client";
import type { App, View } from "./view";

const SEVERITIES: Severity[] = ["error", "warning", "info"];

class FindingsList {
  private lang: Lang = "en";
  private list: HTMLElement | undefined;
  private summary: HTMLElement | undefined;
  private slot: HTMLElement | undefined;

  mount(root: HTMLElement, app: App): void {
    this.lang = app.lang;
    const lang = this.lang;
    // Only the count is live (read out when it changes), never the list and its buttons.
    this.summary = el("p", { class: "summary-line", role: "status" });
    this.list = el("div", { class: "findings" });
    this.slot = actionSlot();
    const again = busyButton(t(lang, "findings.validateAgain"), () => void this.load("validateNow"), {
      class: "primary",
      "data-action": "validate",
    });
    fill(
      root,
      el(
        "section",
        { class: "findings-view", "aria-labelledby": "findings-title" },
        el(
          "div",
          { class: "title-row" },
          el("h1", { id: "findings-title" }, t(lang, "findings.title")),
          again,
        ),
        this.slot,
        this.summary,
        this.list,
      ),
    );
    void this.load("getFindings");
  }

  private async load(name: "getFindings" | "validateNow"): Promise<void> {
    const list = this.list!;
    const outcome = await act(this.slot!, this.lang, () => callServer(name));
    if (outcome.ok && list.isConnected) this.draw(outcome.value);
  }

  private draw(view: FindingsView): void {
    const lang = view.lang;
    this.lang = lang;
    const { error, warning, info } = view.counts;
    const summary =
      view.items.length === 0
        ? t(lang, "validate.clean")
        : t(lang, "validate.toast", { errors: error, warnings: warning, notes: info });
    const groups = SEVERITIES.flatMap((severity) => {
      const items = view.items.filter((item) => item.severity === severity);
      if (items.length === 0) return [];
      const id = `findings-${severity}`;
      return [
        el(
          "section",
          { class: `group ${severity}`, "aria-labelledby": id },
          el("h2", { id }, t(lang, `findings.group.${severity}`, { count: items.length })),
          el("ul", {}, ...items.map((item) => this.item(item))),
        ),
      ];
    });
    setText(this.summary!, summary);
    fill(this.list!, ...groups);
  }

  private item(item: FindingItem): HTMLElement {
    const lang = this.lang;
    const li = el("li", { class: `finding-item ${item.severity}` });
    const where = item.a1 ? t(lang, "findings.at", { sheet: item.sheet, cell: item.a1 }) : item.sheet;
    const content = [el("span", { class: "what" }, item.message), el("span", { class: "where" }, where)];
    if (item.a1) {
      // A button: Enter and Space select the cell, as a click does.
      const go = busyButton("", () => void this.select(item), { class: `finding ${item.severity}` });
      append(go, ...content);
      li.appendChild(go);
    } else {
      li.appendChild(el("div", { class: `finding ${item.severity}` }, ...content));
    }
    if (item.code === "kpi-like" && item.krId) li.appendChild(this.moveControl(item, item.krId));
    return li;
  }

  private async select(item: FindingItem): Promise<void> {
    const outcome = await act(this.slot!, this.lang, () =>
      callServer("selectCell", {
        sheet: item.sheetKey,
        ...(item.sheetId === undefined ? {} : { sheetId: item.sheetId }),
        a1: item.a1,
      }),
    );
    if (outcome.ok)
      showNote(this.slot!, t(this.lang, "findings.selected", { sheet: item.sheet, cell: item.a1 }));
  }

  /** "Move to KPIs", then a confirmation in place (no browser dialog), then the move. */
  private moveControl(item: FindingItem, krId: string): HTMLElement {
    const lang = this.lang;
    const box = el("div", { class: "move" });
    const ask = busyButton(t(lang, "findings.moveToKpis"), () => {
      const yes = busyButton(t(lang, "findings.moveYes", { id: krId }), () => void this.move(item, krId), {
        class: "primary",
      });
      const cancel = busyButton(t(lang, "findings.cancel"), () => {
        fill(box, ask);
        ask.focus();
      });
      fill(
        box,
        el(
          "div",
          { class: "confirm", role: "group", "aria-label": t(lang, "findings.moveToKpis") },
          el("p", {}, t(lang, "findings.moveConfirm", { id: krId })),
          yes,
          " ",
          cancel,
        ),
      );
      yes.focus();
    });
    box.appendChild(ask);
    return box;
  }

  private async move(item: FindingItem, krId: string): Promise<void> {
    const slot = this.slot!;
    // One call: the answer carries the findings as the move left them.
    const outcome = await act(slot, this.lang, () =>
      callServer("moveFindingToKpis", { row: item.row, krId }),
    );
    if (!outcome.ok) return;
    if (this.list!.isConnected) this.draw(outcome.value.findings);
    announce(slot, outcome.value.message);
  }
}

/** The findings list view; OKR › Validate opens the sidebar on it. */
export function findingsView(): View {
  return {
    id: "findings",
    label: "sidebar.nav.findings",
    mount(root, app) {
      new FindingsList().mount(root, app);
    },
  };
}
