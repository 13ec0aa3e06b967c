/**
 * One key result's check-in inputs (new value, confidence, comment): built from what was typed
 * before, checked as the sheet would read them, each problem shown next to its field.
 */
import { MAX_MAGNITUDE, type NumberResult, parseNumber } from "../core/cells";
import type { CheckinItem } from "../core/checkins";
import { LIMITS } from "../core/limits";
import { type Lang, t } from "./i18n";
import { el, option, uid } from "./dom";
import { formatNumber } from "./format";
import { mark } from "./field";

/** The server's limit for a comment. */
export const MAX_COMMENT = LIMITS.comment;
const CONFIDENCES = Array.from({ length: 11 }, (_, i) => String(i));

/** What was typed for a key result, kept until it is saved. */
export interface Draft {
  value: string;
  confidence: string;
  comment: string;
}

export interface Entry {
  krId: string;
  value: number;
  confidence?: number;
  comment?: string;
}

export interface Row {
  item: CheckinItem;
  draft: Draft;
  value: HTMLInputElement;
  confidence: HTMLSelectElement;
  comment: HTMLTextAreaElement;
  valueMsgs: HTMLElement;
  commentMsgs: HTMLElement;
}

export function emptyDraft(): Draft {
  return { value: "", confidence: "", comment: "" };
}

export function hasInput(draft: Draft): boolean {
  return draft.value.trim() !== "" || draft.confidence !== "" || draft.comment.trim() !== "";
}

/**
 * Reads a typed value as the sheet would. For a key result counted in "%" the sheet holds 2 for
 * 2 %, so a trailing % there is the unit, not a hundredth. Commas are read in the user's `lang`
 * (1,500 is 1500 in English, 1.5 in French). Beyond ±1e15 a sheet loses digits (the add-on reads
 * such a cell as an error): "too-large", as the server would refuse it.
 *
 * @example
 * readValue("15%", "") //=> { ok: true, value: 0.15 }
 * readValue("1,8 %", "%") //=> { ok: true, value: 1.8 }
 * readValue("1,500", "", "en") //=> { ok: true, value: 1500 }
 * readValue("1e16", "") //=> { ok: false, reason: "too-large" }
 */
export function readValue(text: string, unit: string, lang?: Lang): NumberResult {
  const trimmed = text.trim();
  const unitPercent = unit.trim() === "%" && /%$/.test(trimmed);
  const read = parseNumber(unitPercent ? trimmed.slice(0, -1) : trimmed, lang);
  return read.ok && Math.abs(read.value) > MAX_MAGNITUDE ? { ok: false, reason: "too-large" } : read;
}

/**
 * The three inputs of a key result, filled from its draft. `changed` runs after each edit (the
 * draft is up to date), `left` when the value field is left.
 */
export function rowFields(
  lang: Lang,
  item: CheckinItem,
  draft: Draft,
  staleId: string | undefined,
  on: { changed: (row: Row) => void; left: (row: Row) => void },
): Row {
  const valueMsgs = el("div", { id: uid("ci-msgs"), class: "msgs" });
  const commentMsgs = el("div", { id: uid("ci-msgs"), class: "msgs" });
  const value = el("input", {
    type: "text",
    inputmode: "decimal",
    autocomplete: "off",
    maxlength: String(LIMITS.number),
    "aria-describedby": [valueMsgs.id, staleId].filter(Boolean).join(" "),
  });
  value.value = draft.value;
  const confidence = el(
    "select",
    {},
    option("", t(lang, "checkinView.confidenceNone")),
    ...CONFIDENCES.map((c) => option(c, c)),
  );
  confidence.value = draft.confidence;
  const comment = el("textarea", {
    rows: "2",
    dir: "auto",
    maxlength: String(MAX_COMMENT),
    "aria-describedby": commentMsgs.id,
  });
  comment.value = draft.comment;
  const row: Row = { item, draft, value, confidence, comment, valueMsgs, commentMsgs };
  const changed = () => {
    draft.value = value.value;
    draft.confidence = confidence.value;
    draft.comment = comment.value;
    on.changed(row);
  };
  value.addEventListener("input", changed);
  confidence.addEventListener("change", changed);
  comment.addEventListener("input", changed);
  value.addEventListener("blur", () => on.left(row));
  return row;
}

/**
 * Checks one key result's inputs and shows the outcome next to its fields: the entry to save,
 * nothing (no input), or the first field to fix.
 */
export function checkRow(lang: Lang, row: Row): { entry?: Entry; invalid?: HTMLElement } {
  const draft = row.draft;
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
    const read = readValue(text, row.item.unit, lang);
    if (!read.ok && read.reason === "too-large") valueError = t(lang, "checkinView.tooLarge", { text });
    else if (!read.ok) valueError = t(lang, "checkinView.notNumber", { text });
    else {
      entry = { krId: row.item.id, value: read.value };
      if (draft.confidence !== "") entry.confidence = Number(draft.confidence);
      if (comment) entry.comment = comment;
      const shown = formatNumber(lang, read.value);
      if (shown !== text) valueNote = t(lang, "checkinView.readAs", { value: shown });
    }
  }
  mark(row.value, row.valueMsgs, valueError, valueNote);
  mark(row.comment, row.commentMsgs, commentError);
  if (valueError) return { invalid: row.value };
  if (commentError) return { invalid: row.comment };
  return entry ? { entry } : {};
}
