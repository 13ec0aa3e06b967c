/**
 * The weekly check-in: the key results of a team or an owner (the server remembers the choice),
 * each with its baseline, target, current value, score, status, last check-in and recent history,
 * stale ones marked; new values, confidences and comments are typed in and saved together. Values
 * are read here as the sheet reads them ("1,5", "1.5", "15%"), and a problem is shown next to its
 * field before anything is sent. What was typed is kept until it is saved: a failed save, another
 * filter or another tab loses nothing. When Google does not share the user's email, the view asks
 * who is checking in (a team owner or a typed name, remembered by the server) before saving.
 */
import type { CheckinFilter, CheckinItem } from "../core/checkins";
import { columnHeader } from "../core/schema";
import { type Lang, t } from "./i18n";
import type { CheckinView } from "../core/checkin-view";
import { act, actionSlot, announce, busyButton, busySelect, showError } from "./actions";
import { krCard, staleNoteId } from "./checkin-card";
import { WhoField } from "./checkin-who";
import { checkRow, type Draft, emptyDraft, type Entry, hasInput, type Row, rowFields } from "./checkin-row";
import { filterOptions, onPick } from "./checkin-filter";
import { append, el, fill, uid } from "./dom";
import { labelled } from "./field";
import { setText } from "./live";
import { watchPointer, whenReleased } from "./pointer";
import { callServer } from "./server-client";
import { type App, keptView, type View } from "./view";

class CheckinForm {
  private lang: Lang = "en";
  private data: CheckinView | undefined;
  private readonly drafts = new Map<string, Draft>();
  private rows: Row[] = [];
  private title: HTMLElement | undefined;
  private team: HTMLSelectElement | undefined;
  private owner: HTMLSelectElement | undefined;
  private summary: HTMLElement | undefined;
  private list: HTMLElement | undefined;
  private listSlot: HTMLElement | undefined;
  private saveSlot: HTMLElement | undefined;
  private counter: HTMLElement | undefined;
  private whoSlot: HTMLElement | undefined;
  private readonly who = new WhoField();

  constructor() {
    watchPointer();
  }

  mount(root: HTMLElement, app: App): void {
    this.lang = this.data?.lang ?? app.lang;
    const lang = this.lang;
    this.title = el("h1", { id: "checkin-title" }, t(lang, "menu.checkIn"));
    const hintId = uid("ci-hint");
    this.team = this.select(hintId);
    this.owner = this.select(hintId);
    onPick(this.team, () => {
      this.owner!.value = "";
      void this.load(this.team!.value ? { team: this.team!.value } : {});
    });
    onPick(this.owner, () => {
      this.team!.value = "";
      void this.load(this.owner!.value ? { owner: this.owner!.value } : {});
    });
    const filters = el(
      "fieldset",
      { class: "filters" },
      el("legend", {}, t(lang, "checkinView.filter")),
      el(
        "div",
        { class: "pair" },
        labelled(columnHeader("okrs", "team", lang), this.team),
        labelled(columnHeader("okrs", "owner", lang), this.owner),
      ),
      el("p", { class: "hint", id: hintId }, t(lang, "checkinView.filterHint")),
    );
    this.whoSlot = el("div", { class: "who" });
    this.summary = el("p", { class: "summary-line", role: "status" });
    this.listSlot = actionSlot();
    this.list = el("div", { class: "checkin-list" });
    this.saveSlot = actionSlot();
    this.counter = el("p", { class: "counter" });
    const save = busyButton(t(lang, "checkinView.save"), () => this.save(), {
      class: "primary",
      "data-action": "save-checkins",
    });
    fill(
      root,
      el(
        "section",
        { class: "checkin", "aria-labelledby": "checkin-title" },
        this.title,
        filters,
        this.whoSlot,
        el("p", { class: "hint" }, t(lang, "checkinView.intro")),
        this.summary,
        this.listSlot,
        this.list,
        el("div", { class: "save-row" }, this.counter, save),
        this.saveSlot,
      ),
    );
    if (this.data) this.draw();
    else this.showFilter();
    void this.load(this.data?.filter);
  }

  private select(hintId: string): HTMLSelectElement {
    return busySelect({ "aria-describedby": hintId });
  }

  // ---- loading -------------------------------------------------------------------------------

  private async load(filter: CheckinFilter | undefined): Promise<void> {
    const slot = this.listSlot!;
    const outcome = await act(slot, this.lang, () =>
      filter === undefined ? callServer("getCheckins") : callServer("getCheckins", filter),
    );
    if (!slot.isConnected) {
      if (outcome.ok) this.data = outcome.value;
      return;
    }
    if (!outcome.ok) {
      this.showFilter(); // the choice that failed is not the one shown
      if (!this.data)
        append(
          slot,
          busyButton(t(this.lang, "views.retry"), () => void this.load(filter)),
        );
      return;
    }
    this.data = outcome.value;
    this.lang = outcome.value.lang;
    this.draw();
  }

  private showFilter(): void {
    const filter = this.data?.filter ?? {};
    filterOptions(
      this.team!,
      t(this.lang, "checkinView.allTeams"),
      this.data?.teams ?? [],
      filter.team ?? "",
    );
    filterOptions(
      this.owner!,
      t(this.lang, "checkinView.allOwners"),
      this.data?.owners ?? [],
      filter.owner ?? "",
    );
  }

  // ---- drawing -------------------------------------------------------------------------------

  private draw(): void {
    const data = this.data!;
    const lang = this.lang;
    fill(this.title!, t(lang, "checkinView.title", { quarter: data.quarter }));
    this.showFilter();
    this.who.draw(this.whoSlot!, lang, data);
    const stale = data.items.filter((i) => i.stale).length;
    setText(
      this.summary!,
      data.items.length === 0
        ? t(lang, "checkinView.empty", { quarter: data.quarter })
        : t(lang, "checkinView.summary", { count: data.items.length, days: data.staleDays, stale }),
    );
    this.rows = [];
    fill(this.list!, ...data.items.map((item) => this.card(item)));
    // What was typed before (another filter, a failed save) shows its messages again.
    for (const row of this.rows) if (hasInput(row.draft)) this.check(row);
    this.count();
  }

  private draft(krId: string): Draft {
    let draft = this.drafts.get(krId);
    if (!draft) {
      draft = emptyDraft();
      this.drafts.set(krId, draft);
    }
    return draft;
  }

  private card(item: CheckinItem): HTMLElement {
    const staleId = staleNoteId(item);
    const row = rowFields(this.lang, item, this.draft(item.id), staleId, {
      changed: (row) => {
        this.count();
        // An error shown goes away as soon as it is fixed (and appears only on leaving the field).
        if (row.valueMsgs.hasChildNodes() || row.commentMsgs.hasChildNodes()) this.check(row);
      },
      left: (row) => {
        if (hasInput(row.draft)) whenReleased(() => row.value.isConnected && this.check(row));
      },
    });
    this.rows.push(row);
    return krCard(this.lang, item, this.data!.staleDays, row, staleId);
  }

  // ---- checking and saving -------------------------------------------------------------------

  private check(row: Row): { entry?: Entry; invalid?: HTMLElement } {
    return checkRow(this.lang, row);
  }

  /** How many key results have a value to save: updated quietly (not live), once per change. */
  private count(): void {
    const count = this.rows.filter((row) => row.draft.value.trim() !== "").length;
    setText(this.counter!, count > 0 ? t(this.lang, "checkinView.toSave", { count }) : "");
  }

  private save(): void {
    const slot = this.saveSlot!;
    const entries: Entry[] = [];
    const who = this.who.check(this.lang);
    let first: HTMLElement | undefined = who.invalid;
    for (const row of this.rows) {
      const { entry, invalid } = this.check(row);
      if (invalid) first ??= invalid;
      else if (entry) entries.push(entry);
    }
    if (first) {
      showError(slot, t(this.lang, "views.fix"));
      first.focus();
      return;
    }
    if (entries.length === 0) {
      showError(slot, t(this.lang, "checkinView.nothingToSave"));
      this.rows[0]?.value.focus();
      return;
    }
    void this.send(entries, who.author);
  }

  private async send(entries: Entry[], author: string | undefined): Promise<void> {
    const slot = this.saveSlot!;
    const filter = this.data?.filter ?? {};
    const request = author === undefined ? { entries, filter } : { entries, author, filter };
    // What each saved key result said when it was sent: typing goes on while the call runs.
    const sent = new Map(entries.map((e) => [e.krId, { ...this.draft(e.krId) }]));
    const outcome = await act(slot, this.lang, () => callServer("saveCheckins", request));
    if (!outcome.ok) return; // the error is next to Save; every field keeps what was typed
    this.who.saved();
    // Cleared once saved, unless changed meanwhile: then what was typed since stays, to save next.
    const unchanged = (row: Row) => {
      const before = sent.get(row.item.id);
      return (
        before !== undefined &&
        (Object.keys(before) as (keyof Draft)[]).every((k) => before[k] === row.draft[k])
      );
    };
    for (const row of this.rows.filter(unchanged)) {
      Object.assign(row.draft, emptyDraft());
      row.value.value = row.confidence.value = row.comment.value = "";
      this.check(row);
    }
    this.count();
    // The answer carries the view as the save left the sheets: no second call to draw it.
    this.data = outcome.value.view;
    if (!slot.isConnected) return;
    this.lang = outcome.value.view.lang;
    this.draw();
    announce(slot, outcome.value.message);
  }
}

/** The weekly check-in; OKR › Weekly check-in opens the sidebar on it. */
export function checkinView(): View {
  return keptView("checkin", "sidebar.nav.checkin", () => new CheckinForm());
}
