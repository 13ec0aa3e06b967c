/**
 * The sidebar's check-in view as the server sends it, built from an analysis of the sheets (as
 * read, or as a save just left them), and the words for the view's fields and refusals.
 */
import type { Analysis } from "./analyze";
import { type CheckinFilter, type CheckinItem, checkinItems, type EntryProblem, ownerOf } from "./checkins";
import type { Day } from "./dates";
import { type Lang, t } from "./i18n";
import { checkinFilterSchema } from "./payloads";
import { columnHeader } from "./schema";

export interface CheckinView {
  lang: Lang;
  /** Who is checking in: the email Google shares ("" when it does not), else the name chosen last time. */
  author: { email: string; name: string };
  quarter: string;
  staleDays: number;
  teams: string[];
  owners: string[];
  filter: CheckinFilter;
  items: CheckinItem[];
}

/** Names once each, sorted, blanks left out. */
const sortedNames = (values: string[]) =>
  [...new Set(values.filter(Boolean))].sort((a, b) => a.localeCompare(b));

/** The view for a filter: this quarter's key results, the teams and owners to filter by. */
export function checkinViewOf(
  lang: Lang,
  analysis: Pick<Analysis, "settings" | "okrs" | "checkins" | "scores">,
  filter: CheckinFilter,
  author: CheckinView["author"],
  day: Day,
): CheckinView {
  const { settings, okrs, checkins, scores } = analysis;
  const current = okrs.filter((r) => r.quarter === settings.quarter);
  const byId = new Map(current.map((r) => [r.id, r] as const));
  const krs = current.filter((r) => r.type === "kr");
  return {
    lang,
    author,
    quarter: settings.quarter,
    staleDays: settings.staleDays,
    teams: sortedNames(krs.map((r) => r.team)),
    owners: sortedNames(krs.map((r) => ownerOf(r, byId))),
    filter,
    items: checkinItems(okrs, checkins, scores, settings, day, filter),
  };
}

/**
 * The filter remembered in the user's properties (JSON); a damaged or foreign one is no filter.
 *
 * @example
 * storedFilter('{"team":"Sales"}') //=> { team: "Sales" }
 * storedFilter('{"team":1}') //=> {}
 */
export function storedFilter(raw: string | null): CheckinFilter {
  try {
    const parsed = checkinFilterSchema().safeParse(raw ? JSON.parse(raw) : {});
    return parsed.success ? parsed.data : {};
  } catch {
    return {};
  }
}

/** Field names as the user sees them, for a refusal that says which field is wrong. */
export function checkinFieldLabels(lang: Lang): Record<string, string> {
  return {
    entries: t(lang, "payload.entries"),
    krId: "ID",
    value: columnHeader("checkins", "value", lang),
    confidence: columnHeader("okrs", "confidence", lang),
    comment: columnHeader("checkins", "comment", lang),
    team: columnHeader("okrs", "team", lang),
    owner: columnHeader("okrs", "owner", lang),
    author: columnHeader("checkins", "author", lang),
  };
}

/** Why an entry cannot be saved, in words. */
export function describeEntryProblem(lang: Lang, problem: EntryProblem): string {
  switch (problem.code) {
    case "unknown-kr":
      return t(lang, "checkin.unknownKr", { id: problem.krId });
    case "moved-to-kpis":
      return t(lang, "checkin.movedToKpis", { id: problem.krId, row: problem.row });
    case "not-a-kr":
      return t(lang, "checkin.notKr", { id: problem.krId });
    case "other-quarter":
      return t(lang, "checkin.otherQuarter", { id: problem.krId, quarter: problem.quarter });
    case "duplicate-entry":
      return t(lang, "checkin.duplicate", { id: problem.krId });
    case "ambiguous-id":
      return t(lang, "id.ambiguous", { id: problem.krId, rows: problem.rows.join(", ") });
  }
}

/** The refusal of a batch: its first five problems. */
export function entryProblems(lang: Lang, problems: readonly EntryProblem[]): string {
  return problems
    .slice(0, 5)
    .map((p) => describeEntryProblem(lang, p))
    .join("; ");
}
