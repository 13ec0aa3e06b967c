/**
 * Whether a start of the next quarter may run, and the rows it writes as the sheet shows them:
 * the checks behind Start next quarter, pure, so the server only reads, asks here and writes.
 */
import { type Day, isoOf } from "./dates";
import type { Lang, MessageKey, MessageParams } from "./i18n";
import { userError } from "./user-error";
import type { Analysis } from "./analyze";
import type { HighestIds } from "./draft";
import {
  carryCandidates,
  type CarryCandidate,
  carryOverRows,
  followingQuarter,
  type NewRow,
} from "./next-quarter";
import { idHolder } from "./identity";
import type { OkrRow } from "./parse";
import { choiceLabel, type ListName, LISTS } from "./schema";
import type { Settings } from "./settings";

/** Starting a quarter more than two weeks before the current one ends asks for a confirmation. */
export const EARLY_DAYS = 14;

/**
 * How early a start is: set when the current quarter ends more than EARLY_DAYS after `day`.
 *
 * @example
 * earliness({ quarterEnd: 20454 }, 20400) //=> { end: "2026-01-01", days: 54 }
 */
export function earliness(
  settings: Pick<Settings, "quarterEnd">,
  day: Day,
): { end: string; days: number } | undefined {
  const days = settings.quarterEnd - day;
  return days > EARLY_DAYS ? { end: isoOf(settings.quarterEnd), days } : undefined;
}

/**
 * The current quarter when it ended before `day` and Settings were not moved on: a plan drafted or
 * locked now would land in a closed quarter and change the state it ended in.
 *
 * @example
 * endedQuarter({ quarter: "2025-Q4", quarterEnd: 20453 }, 20460) //=> { quarter: "2025-Q4", end: "2025-12-31" }
 */
export function endedQuarter(
  settings: Pick<Settings, "quarter" | "quarterEnd">,
  day: Day,
): { quarter: string; end: string } | undefined {
  return day > settings.quarterEnd
    ? { quarter: settings.quarter, end: isoOf(settings.quarterEnd) }
    : undefined;
}

/** What the next-quarter dialog shows: the quarters, the objectives it may carry over. */
export interface NextQuarterProposal {
  lang: Lang;
  from: string;
  to: string;
  candidates: CarryCandidate[];
  /** Set when the quarter ends more than EARLY_DAYS from today: the dialog asks first. */
  early?: { end: string; days: number };
}

/**
 * The dialog's proposal, in the user's language; `marked`: the IDs ticked "Carry over?" in the
 * quarter's latest review. Refused when the current quarter is not in the quarters table.
 */
export function nextQuarterProposalOf(
  userLang: Lang,
  analysis: Pick<Analysis, "settings" | "okrs" | "scores">,
  day: Day,
  marked: () => Set<string>,
): NextQuarterProposal {
  const { settings } = analysis;
  const next = followingQuarter(settings);
  if (!next) throw userError(userLang, "finding.unknown-quarter", { quarter: settings.quarter });
  const early = earliness(settings, day);
  return {
    lang: userLang,
    from: settings.quarter,
    to: next.quarter,
    candidates: carryCandidates(analysis.okrs, analysis.scores, settings, marked()),
    ...(early ? { early } : {}),
  };
}

/** A message key with its parameters: what the server says, in the user's language. */
export interface Said<K extends MessageKey> {
  key: K;
  params: MessageParams<K>;
}

export type StartRefusal =
  | Said<"next.alreadyStarted">
  | Said<"next.pickedTwice">
  | Said<"next.unknownObjective">
  | Said<"id.ambiguous">
  | Said<"next.tooEarly">;

export interface StartRequest {
  /** The quarter the dialog started from. */
  asked: string;
  carry: readonly { id: string; owner: string }[];
  /** The user confirmed an early start. */
  confirmedEarly: boolean;
  /** The quarter being started. */
  to: string;
}

/**
 * Refuses a start that would not run once: the dialog's quarter is no longer the current one (a
 * retry, a second dialog), an objective picked twice or not of this quarter, an ID that several
 * rows hold (the objective or its key results), or an early start the user did not confirm.
 * Answers the picks with the IDs as the sheet spells them.
 */
export function checkStart(
  okrs: readonly OkrRow[],
  settings: Pick<Settings, "quarter" | "quarterEnd">,
  day: Day,
  request: StartRequest,
): { picks: { id: string; owner: string }[] } | { refusal: StartRefusal } {
  const from = settings.quarter;
  if (request.asked.trim().toLowerCase() !== from.toLowerCase())
    return { refusal: { key: "next.alreadyStarted", params: { from: request.asked, current: from } } };
  const seen = new Set<string>();
  const picks: { id: string; owner: string }[] = [];
  for (const pick of request.carry) {
    const key = pick.id.trim().toLowerCase();
    if (seen.has(key)) return { refusal: { key: "next.pickedTwice", params: { id: pick.id } } };
    seen.add(key);
    const held = idHolder(okrs, pick.id);
    if ("refusal" in held) return held;
    const { row } = held;
    if (!row || row.quarter !== from || row.type !== "objective")
      return { refusal: { key: "next.unknownObjective", params: { id: pick.id, from } } };
    for (const kr of okrs) {
      if (kr.quarter !== from || kr.type !== "kr" || kr.parent !== row.id || !kr.id) continue;
      const krHeld = idHolder(okrs, kr.id);
      if ("refusal" in krHeld) return krHeld;
    }
    picks.push({ id: row.id, owner: pick.owner });
  }
  const early = earliness(settings, day);
  if (early && !request.confirmedEarly)
    return { refusal: { key: "next.tooEarly", params: { from, to: request.to, ...early } } };
  return { picks };
}

/**
 * A row from core (list keys) as cells: the lists' labels in the spreadsheet's language.
 *
 * @example
 * withLabels({ type: "kr", title: "Grow" }, "fr").type //=> "Résultat clé"
 */
export function withLabels(row: NewRow, lang: Lang): NewRow {
  const labelled = { ...row };
  for (const list of Object.keys(LISTS) as ListName[]) {
    const key = row[list];
    labelled[list] = typeof key === "string" ? choiceLabel(list, key, lang) : undefined;
  }
  return labelled;
}

/**
 * The whole start, decided: the quarter that follows, the rows to write (new IDs above `floor`,
 * asked only when the start may run, list values in the spreadsheet's language, asked then too),
 * and whether the
 * quarters table lacks the new quarter; else the refusal.
 */
export function startPlan(
  analysis: Pick<Analysis, "okrs" | "settings" | "settingsQuarterRows">,
  day: Day,
  request: Omit<StartRequest, "to">,
  floor: () => HighestIds,
  sheetLang: () => Lang,
):
  | { next: NonNullable<ReturnType<typeof followingQuarter>>; rows: NewRow[]; quarterMissing: boolean }
  | { refusal: StartRefusal | Said<"finding.unknown-quarter"> } {
  const { okrs, settings } = analysis;
  const next = followingQuarter(settings);
  if (!next) return { refusal: { key: "finding.unknown-quarter", params: { quarter: settings.quarter } } };
  const checked = checkStart(okrs, settings, day, { ...request, to: next.quarter });
  if ("refusal" in checked) return checked;
  const rows = carryOverRows(
    okrs,
    checked.picks,
    settings.quarter,
    next.quarter,
    day,
    floor(),
    settings.idPrefix,
  );
  return {
    next,
    rows: rows.map((r) => withLabels(r, sheetLang())),
    quarterMissing: !analysis.settingsQuarterRows.has(next.quarter),
  };
}
