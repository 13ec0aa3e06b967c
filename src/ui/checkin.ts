/**
 * The weekly check-in: the key results of a team or an owner (the server remembers the choice),
 * each with its baseline, target, current value, score, status, last check-in and recent history,
 * stale ones marked; new values, confidences and comments are typed in and saved together. Values
 * are read here as the sheet reads them ("1,5", "1.5", "15%"), and a problem is shown next to its
 * field before anything is sent. What was typed is kept until it is saved: a failed save, another
 * filter or another tab loses nothing. When Google does not share the user's email, the view asks
 * who is checking in (a team owner or a typed name, remembered by the server) before saving.
 */
import { type NumberResult, parseNumber } from "../core/cells";
import type { CheckinFilter, CheckinItem, HistoryEntry } from "../core/checkins";
import { type Lang, t, tKey } from "./i18n";
import { OKRS } from "../core/schema";
import type { CheckinView } from "../server/sidebar-api";
import { act, actionSlot, busyButton, showError } from "./actions";
import { announce } from "./dialog";
import { append, el, fill, uid } from "./dom";
import { fillIfChanged, setText } from "./live";
import { formatNumber, formatScore, withUnit } from "./format";
import { callServer } from "./server-client";
import { sparkline } from "./sparkline";
import type { App, View } from "./view";

/** The server's limit for a comment (src/server/checkins.ts). */
export const MAX_COMMENT = 500;
const CONFIDENCES = Array.from({ length: 11 }, (_, i) => String(i));

interface Draft {
  value: string;
  confidence: string;
  comment: string;
}

interface Entry {
  krId: string;
  value: number;
  confidence?: number;
  comment?: string;
}

interface Row {
  item: CheckinItem;
  value: HTMLInputElement;
  confidence: HTMLSelectElement;
  comment: HTMLTextAreaElement;
  valueMsgs: HTMLElement;
  commentMsgs: HTMLElement;
}

/**
 * Reads a typed value as the sheet would. For a key result counted in "%" the sheet holds 2 for
 * 2 %, so a trailing % there is the unit, not a hundredth.
 *
 * @example
 * readValue("15%", "") //=> { ok: true, value: 0.15 }
 * readValue("1,8 %", "%") //=> { ok: true, value: 1.8 }
 */
export function readValue(text: string, unit: string): NumberResult {
  const trimmed = text.trim();
  if (unit.trim() === "%" && /%$/.test(trimmed)) return parseNumber(trimmed.slice(0, -1));
  return parseNumber(trimmed);
}

/**
 * Applies a filter when it is picked: at once with the mouse, but with the keyboard, where each
 * arrow key changes the choice, only on Enter or on leaving the list (the hint says so).
 */
function onPick(select: HTMLSelectElement, apply: () => void): void {
  let key: "arrow" | "enter" | undefined;
  let pending = false;
  const run = () => {
    pending = false;
    apply();
  };
  select.addEventListener("keydown", (event) => {
    if (event.key === "Enter" && pending) return run();
    key = event.key === "Enter" ? "enter" : "arrow";
    setTimeout(() => (key = undefined), 0); // the change a key makes comes in the same task
  });
  select.addEventListener("change", () => {
    if (key === "arrow") pending = true;
    else run();
  });
  select.addEventListener("blur", () => pending && run());
}

const header = (key: string, lang: Lang) => OKRS.columns.find((c) => c.key === key)!.header[lang];

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
  private who: HTMLInputElement | undefined;
  private whoMsgs: HTMLElement | undefined;
  /** The name typed or picked, kept across redraws until it is saved with a check-in. */
  private whoDraft: string | undefined;

  /**
   * While a pointer is pressed nothing moves: a message appearing on leaving a field would push
   * the Save button away from under the click that left it.
   */
  private pointerDown = false;
  private deferred: (() => void)[] = [];

  constructor() {
    document.addEventListener("pointerdown", () => (this.pointerDown = true), true);
    const release = () => {
      this.pointerDown = false;
      const waiting = this.deferred;
      this.deferred = [];
      if (waiting.length) setTimeout(() => waiting.forEach((run) => run()), 0); // after the click
    };
    document.addEventListener("pointerup", release, true);
    document.addEventListener("pointercancel", release, true);
  }

  private whenReleased(run: () => void): void {
    if (this.pointerDown) this.deferred.push(run);
    else run();
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
        this.labelled(header("team", lang), this.team),
        this.labelled(header("owner", lang), this.owner),
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
    return el("select", { "aria-describedby": hintId });
  }

  private labelled(label: string, control: HTMLSelectElement): HTMLElement {
    const id = uid("ci");
    control.id = id;
    return el("div", { class: "field" }, el("label", { for: id }, label), control);
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
    const options = (select: HTMLSelectElement, all: string, values: string[], current: string) => {
      const list = current && !values.includes(current) ? [current, ...values] : values;
      const none = el("option", {}, all);
      none.value = "";
      fill(
        select,
        none,
        ...list.map((v) => {
          const option = el("option", {}, v);
          option.value = v;
          return option;
        }),
      );
      select.value = current;
    };
    options(this.team!, t(this.lang, "checkinView.allTeams"), this.data?.teams ?? [], filter.team ?? "");
    options(this.owner!, t(this.lang, "checkinView.allOwners"), this.data?.owners ?? [], filter.owner ?? "");
  }

  // ---- drawing -------------------------------------------------------------------------------

  private draw(): void {
    const data = this.data!;
    const lang = this.lang;
    fill(this.title!, t(lang, "checkinView.title", { quarter: data.quarter }));
    this.showFilter();
    this.drawWho();
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
    for (const row of this.rows) if (this.hasInput(this.draft(row.item.id))) this.check(row);
    this.count();
  }

  /**
   * Who is checking in: the signed-in email when Google shares it; else a field to pick one of the
   * owners or type a name, filled with the one chosen last time.
   */
  private drawWho(): void {
    const { author, owners } = this.data!;
    const lang = this.lang;
    this.who = this.whoMsgs = undefined;
    if (author.email) {
      fill(
        this.whoSlot!,
        el("p", { class: "hint who-as" }, t(lang, "checkinView.whoAs", { email: author.email })),
      );
      return;
    }
    const listId = uid("ci-who-list");
    const hintId = uid("ci-who-hint");
    this.whoMsgs = el("div", { id: uid("ci-msgs"), class: "msgs" });
    this.who = el("input", {
      type: "text",
      list: listId,
      autocomplete: "name",
      maxlength: "100",
      required: true,
      "aria-describedby": `${hintId} ${this.whoMsgs.id}`,
    });
    this.who.value = this.whoDraft ?? author.name;
    this.who.addEventListener("input", () => {
      this.whoDraft = this.who!.value;
      if (this.whoMsgs!.hasChildNodes()) this.checkWho();
    });
    const options = owners.map((name) => {
      const option = el("option");
      option.value = name;
      return option;
    });
    fill(
      this.whoSlot!,
      this.field(t(lang, "checkinView.who"), this.who, this.whoMsgs),
      el("datalist", { id: listId }, ...options),
      el("p", { class: "hint", id: hintId }, t(lang, "checkinView.whoHint")),
    );
  }

  /** The name to send, "" when the email is known; the field to fix when a name is needed and missing. */
  private checkWho(): { author?: string; invalid?: HTMLElement } {
    if (!this.who) return {};
    const name = this.who.value.trim();
    this.mark(this.who, this.whoMsgs!, name ? undefined : t(this.lang, "checkinView.whoNeeded"));
    return name ? { author: name } : { invalid: this.who };
  }

  private draft(krId: string): Draft {
    let draft = this.drafts.get(krId);
    if (!draft) {
      draft = { value: "", confidence: "", comment: "" };
      this.drafts.set(krId, draft);
    }
    return draft;
  }

  private hasInput(draft: Draft): boolean {
    return draft.value.trim() !== "" || draft.confidence !== "" || draft.comment.trim() !== "";
  }

  private card(item: CheckinItem): HTMLElement {
    const lang = this.lang;
    const staleId = uid("ci-stale");
    const legend = el(
      "legend",
      {},
      el("span", { class: "kr-id" }, item.id),
      " ",
      el("span", { class: "kr-title" }, item.title),
      item.stale ? el("span", { class: "badge stale" }, t(lang, "checkinView.staleBadge")) : null,
    );
    const shown = (value: number | null) => (value === null ? "—" : withUnit(lang, value, item.unit));
    const stat = (label: string, value: string | Node, cls?: string) =>
      el("div", { class: cls ? `stat ${cls}` : "stat" }, el("dt", {}, label), el("dd", {}, value));
    const stats = el(
      "dl",
      { class: "stats" },
      stat(header("baseline", lang), shown(item.baseline)),
      stat(header("target", lang), shown(item.target)),
      stat(header("current", lang), shown(item.current)),
      stat(
        header("score", lang),
        item.score === null ? t(lang, "review.noScore") : formatScore(lang, item.score),
      ),
      stat(
        header("status", lang),
        el("span", { class: `status-label ${item.status}` }, tKey(lang, `status.${item.status}`)),
      ),
      stat(header("lastCheckIn", lang), item.lastCheckIn || t(lang, "checkinView.never"), "last"),
    );
    const row = this.fields(item, item.stale ? staleId : undefined);
    return el(
      "fieldset",
      { class: item.stale ? "kr-checkin stale" : "kr-checkin", "data-kr": item.id },
      legend,
      el("p", { class: "meta" }, [item.owner, item.team].filter(Boolean).join(" · ")),
      item.stale
        ? el(
            "p",
            { class: "stale-note", id: staleId },
            t(lang, "checkinView.stale", { days: item.daysSince, limit: this.data!.staleDays }),
          )
        : null,
      stats,
      this.history(item),
      el(
        "div",
        { class: "pair" },
        this.field(t(lang, "checkinView.newValue"), row.value),
        this.field(t(lang, "checkinView.confidence"), row.confidence),
      ),
      row.valueMsgs, // full width: the pair's columns are narrow
      this.field(t(lang, "checkinView.comment"), row.comment, row.commentMsgs),
    );
  }

  private history(item: CheckinItem): HTMLElement {
    const lang = this.lang;
    if (item.history.length === 0)
      return el("p", { class: "hint history-none" }, t(lang, "checkinView.noHistory"));
    const oldestFirst = [...item.history].reverse();
    const values = oldestFirst.flatMap((h) => (h.value === null ? [] : [h.value]));
    const trend =
      values.length >= 2
        ? sparkline(
            values,
            item.target,
            t(lang, "checkinView.trend", {
              values: values.map((v) => formatNumber(lang, v)).join(", "),
            }),
          )
        : null;
    return el(
      "div",
      { class: "trend" },
      trend,
      el(
        "details",
        { class: "history", open: true },
        el("summary", {}, t(lang, "checkinView.history", { count: item.history.length })),
        el("ol", {}, ...item.history.map((h) => this.historyLine(h, item.unit))),
      ),
    );
  }

  private historyLine(h: HistoryEntry, unit: string): HTMLElement {
    const lang = this.lang;
    const parts: (string | Node)[] = [
      el("span", { class: "date" }, h.date),
      " · ",
      el("strong", {}, h.value === null ? "—" : withUnit(lang, h.value, unit)),
    ];
    if (h.confidence !== null)
      parts.push(
        " · ",
        t(lang, "checkinView.historyConfidence", { value: formatNumber(lang, h.confidence) }),
      );
    if (h.comment) parts.push(" · ", el("q", { class: "comment" }, h.comment));
    return el("li", {}, ...parts);
  }

  /** The three inputs of a key result, filled from what was typed before. */
  private fields(item: CheckinItem, staleId: string | undefined): Row {
    const lang = this.lang;
    const draft = this.draft(item.id);
    const valueMsgs = el("div", { id: uid("ci-msgs"), class: "msgs" });
    const commentMsgs = el("div", { id: uid("ci-msgs"), class: "msgs" });
    const value = el("input", {
      type: "text",
      inputmode: "decimal",
      autocomplete: "off",
      maxlength: "40",
      "aria-describedby": [valueMsgs.id, staleId].filter(Boolean).join(" "),
    });
    value.value = draft.value;
    const confidence = el("select");
    const none = el("option", {}, t(lang, "checkinView.confidenceNone"));
    none.value = "";
    confidence.appendChild(none);
    for (const c of CONFIDENCES) {
      const option = el("option", {}, c);
      option.value = c;
      confidence.appendChild(option);
    }
    confidence.value = draft.confidence;
    const comment = el("textarea", {
      rows: "2",
      maxlength: String(MAX_COMMENT),
      "aria-describedby": commentMsgs.id,
    });
    comment.value = draft.comment;
    const row: Row = { item, value, confidence, comment, valueMsgs, commentMsgs };
    const changed = () => {
      draft.value = value.value;
      draft.confidence = confidence.value;
      draft.comment = comment.value;
      this.count();
      // An error shown goes away as soon as it is fixed (and appears only on leaving the field).
      if (row.valueMsgs.hasChildNodes() || row.commentMsgs.hasChildNodes()) this.check(row);
    };
    value.addEventListener("input", changed);
    confidence.addEventListener("change", changed);
    comment.addEventListener("input", changed);
    value.addEventListener("blur", () => {
      if (this.hasInput(draft)) this.whenReleased(() => value.isConnected && this.check(row));
    });
    this.rows.push(row);
    return row;
  }

  private field(
    label: string,
    control: HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement,
    msgs?: HTMLElement,
  ) {
    const id = uid("ci");
    control.id = id;
    return el("div", { class: "field" }, el("label", { for: id }, label), control, msgs ?? null);
  }

  // ---- checking and saving -------------------------------------------------------------------

  /**
   * Checks one key result's inputs and shows the outcome next to its fields: the entry to save,
   * nothing (no input), or the first field to fix.
   */
  private check(row: Row): { entry?: Entry; invalid?: HTMLElement } {
    const lang = this.lang;
    const draft = this.draft(row.item.id);
    const text = draft.value.trim();
    const comment = draft.comment.trim();
    let valueError: string | undefined;
    let valueNote: string | undefined;
    let commentError: string | undefined;
    let entry: Entry | undefined;
    if (comment.length > MAX_COMMENT)
      commentError = t(lang, "checkinView.commentTooLong", { max: MAX_COMMENT, count: comment.length });
    if (text === "") {
      if (draft.confidence !== "" || comment !== "") valueError = t(lang, "checkinView.valueNeeded");
    } else {
      const read = readValue(text, row.item.unit);
      if (!read.ok) valueError = t(lang, "checkinView.notNumber", { text });
      else {
        entry = { krId: row.item.id, value: read.value };
        if (draft.confidence !== "") entry.confidence = Number(draft.confidence);
        if (comment) entry.comment = comment;
        const shown = formatNumber(lang, read.value);
        if (shown !== text) valueNote = t(lang, "checkinView.readAs", { value: shown });
      }
    }
    this.mark(row.value, row.valueMsgs, valueError, valueNote);
    this.mark(row.comment, row.commentMsgs, commentError);
    if (valueError) return { invalid: row.value };
    if (commentError) return { invalid: row.comment };
    return entry ? { entry } : {};
  }

  private mark(control: HTMLElement, msgs: HTMLElement, error?: string, note?: string): void {
    if (error) control.setAttribute("aria-invalid", "true");
    else control.removeAttribute("aria-invalid");
    // Rewritten only when it says something else; an error already shown, changed as the value is
    // fixed (it quotes the value), is updated quietly: an alert would read it out on every key.
    const shown = msgs.dataset.said?.startsWith("error:") ?? false;
    fillIfChanged(msgs, error ? `error:${error}` : note ? `note:${note}` : "", () =>
      error
        ? [el("p", { class: "msg error", role: shown ? undefined : "alert" }, error)]
        : note
          ? [el("p", { class: "msg note" }, note)]
          : [],
    );
  }

  /** How many key results have a value to save: updated quietly (not live), once per change. */
  private count(): void {
    const count = this.rows.filter((row) => this.draft(row.item.id).value.trim() !== "").length;
    setText(this.counter!, count > 0 ? t(this.lang, "checkinView.toSave", { count }) : "");
  }

  private save(): void {
    const slot = this.saveSlot!;
    const entries: Entry[] = [];
    const who = this.checkWho();
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
    const request = author === undefined ? { entries } : { entries, author };
    const outcome = await act(slot, this.lang, () => callServer("saveCheckins", request));
    if (!outcome.ok) return; // the error is next to Save; every field keeps what was typed
    this.whoDraft = undefined; // the server remembers the name now
    const saved = new Set(entries.map((e) => e.krId));
    for (const row of this.rows.filter((r) => saved.has(r.item.id))) {
      Object.assign(this.draft(row.item.id), { value: "", confidence: "", comment: "" });
      row.value.value = row.confidence.value = row.comment.value = "";
      this.check(row);
    }
    this.count();
    if (!slot.isConnected) return;
    await this.load(this.data?.filter ?? {});
    announce(slot, outcome.value.message);
  }
}

/** The weekly check-in; OKR › Weekly check-in opens the sidebar on it. */
export function checkinView(): View {
  let form: CheckinForm | undefined;
  return {
    id: "checkin",
    label: "sidebar.nav.checkin",
    mount(root, app) {
      form ??= new CheckinForm();
      form.mount(root, app);
    },
  };
}
