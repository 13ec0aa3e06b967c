/**
 * One key result in the check-in: what the sheet says of it (baseline, target, current value,
 * score, status, last check-in), its recent history and trend, stale ones marked, and its inputs.
 */
import type { CheckinItem, HistoryEntry } from "../core/checkins";
import { columnHeader, type OkrColumn } from "../core/schema";
import { type Lang, t, tKey } from "./i18n";
import type { Row } from "./checkin-row";
import { labelled } from "./field";
import { dotted, el, typed, uid } from "./dom";
import { formatNumber, formatScore, withUnit } from "./format";
import { sparkline } from "./sparkline";

/** The id that ties a stale key result's note to its value field. */
export function staleNoteId(item: CheckinItem): string | undefined {
  return item.stale ? uid("ci-stale") : undefined;
}

export function krCard(
  lang: Lang,
  item: CheckinItem,
  staleDays: number,
  row: Row,
  staleId?: string,
): HTMLElement {
  const legend = el(
    "legend",
    {},
    el("span", { class: "kr-id" }, item.id),
    " ",
    el("span", { class: "kr-title" }, typed(item.title)),
    item.stale ? el("span", { class: "badge stale" }, t(lang, "checkinView.staleBadge")) : null,
  );
  const header = (key: OkrColumn) => columnHeader("okrs", key, lang);
  const shown = (value: number | null) => (value === null ? "—" : withUnit(lang, value, item.unit));
  const stat = (label: string, value: string | Node, cls?: string) =>
    el("div", { class: cls ? `stat ${cls}` : "stat" }, el("dt", {}, label), el("dd", {}, value));
  const stats = el(
    "dl",
    { class: "stats" },
    stat(header("baseline"), shown(item.baseline)),
    stat(header("target"), shown(item.target)),
    stat(header("current"), shown(item.current)),
    stat(header("score"), item.score === null ? t(lang, "review.noScore") : formatScore(lang, item.score)),
    stat(
      header("status"),
      el("span", { class: `status-label ${item.status}` }, tKey(lang, `status.${item.status}`)),
    ),
    stat(header("lastCheckIn"), item.lastCheckIn || t(lang, "checkinView.never"), "last"),
  );
  return el(
    "fieldset",
    { class: item.stale ? "kr-checkin stale" : "kr-checkin", "data-kr": item.id },
    legend,
    el("p", { class: "meta" }, ...dotted([item.owner, item.team].filter(Boolean).map(typed))),
    item.stale
      ? el(
          "p",
          { class: "stale-note", id: staleId },
          t(lang, "checkinView.stale", { days: item.daysSince, limit: staleDays }),
        )
      : null,
    stats,
    history(lang, item),
    el(
      "div",
      { class: "pair" },
      labelled(t(lang, "checkinView.newValue"), row.value),
      labelled(t(lang, "checkinView.confidence"), row.confidence),
    ),
    row.valueMsgs, // full width: the pair's columns are narrow
    labelled(t(lang, "checkinView.comment"), row.comment, row.commentMsgs),
  );
}

function history(lang: Lang, item: CheckinItem): HTMLElement {
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
      el("ol", {}, ...item.history.map((h) => historyLine(lang, h, item.unit))),
    ),
  );
}

function historyLine(lang: Lang, h: HistoryEntry, unit: string): HTMLElement {
  const parts: (string | Node)[] = [
    el("span", { class: "date" }, h.date),
    " · ",
    el("strong", {}, h.value === null ? "—" : withUnit(lang, h.value, unit)),
  ];
  if (h.confidence !== null)
    parts.push(" · ", t(lang, "checkinView.historyConfidence", { value: formatNumber(lang, h.confidence) }));
  if (h.comment) parts.push(" · ", el("q", { class: "comment" }, typed(h.comment)));
  return el("li", {}, ...parts);
}
