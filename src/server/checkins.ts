/**
 * Weekly check-ins: what the sidebar's check-in view shows, and saving a batch of new values.
 * Saving happens under the document lock: after taking it the server re-reads, appends the rows to
 * Check-ins and updates Current, Confidence and Last check-in on the OKRs sheet, one batch each.
 * When anything in the payload is invalid, nothing is written.
 */
import type { RawCell } from "../core/cells";
import { keyResultUpdates, logHeader, logPlace, logRows } from "../core/checkin-save";
import {
  checkinFieldLabels as labels,
  type CheckinView,
  checkinViewOf,
  entryProblems,
  storedFilter,
} from "../core/checkin-view";
import { type CheckinEntry, type CheckinFilter, checkEntries, staleCount } from "../core/checkins";
import type { Day } from "../core/dates";
import { describeFinding } from "../core/describe";
import { type Lang, t } from "../core/i18n";
import { checkinFilterSchema, checkinsSchema } from "../core/payloads";
import { parseCheckins, parseKpis } from "../core/parse";
import { lostColumn } from "../core/table-write";
import { CHECKINS } from "../core/schema";
import type { Settings } from "../core/settings";
import { currentUserEmail, rememberedAuthor, resolveAuthor } from "./author";
import { userError } from "../core/user-error";
import { load } from "./load";
import { withDocumentLock } from "./lock";
import { parsePayload } from "../core/payload-problem";
import { readAll, Workbook } from "./workbook";
import { nextFreeRow, updateColumn, withRows, writeRows } from "./writer";

export type { CheckinView } from "../core/checkin-view";

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

const FILTER_PROPERTY = "okr.checkin.filter";

/** The remembered filter belongs to one spreadsheet: user properties are shared by all of them. */
function filterProperty(): string {
  return `${FILTER_PROPERTY}.${Workbook.spreadsheetId()}`;
}

function rememberedFilter(): CheckinFilter {
  try {
    return storedFilter(PropertiesService.getUserProperties().getProperty(filterProperty()));
  } catch {
    return {}; // user properties out of reach: no filter
  }
}

/** The check-in view for a team or an owner; the choice is remembered for next time. */
export function checkinView(lang: Lang, request: unknown): CheckinView {
  let filter: CheckinFilter;
  if (request === undefined || request === null) filter = rememberedFilter();
  else {
    filter = parsePayload(lang, checkinFilterSchema(), request, labels(lang));
    PropertiesService.getUserProperties().setProperty(filterProperty(), JSON.stringify(filter));
  }
  const { analysis, day } = load(lang, { checkins: true });
  const email = currentUserEmail();
  const author = { email, name: email ? "" : rememberedAuthor() };
  return checkinViewOf(lang, analysis, filter, author, day);
}

export interface SaveResult {
  saved: number;
  message: string;
  /** The check-in view after the save, from what was read under the lock: no second round trip. */
  view: CheckinView;
}

/**
 * Saves a batch of check-ins for today, all or nothing. The answer and refusals are in `userLang`;
 * a new Check-ins sheet and its header in the spreadsheet's language. The author is the email when
 * Google gives it, else the name chosen in the view (or remembered); with neither, nothing is saved.
 */
export function saveCheckins(userLang: Lang, request: unknown, email: string): SaveResult {
  const {
    entries,
    author: chosen,
    filter,
  } = parsePayload(userLang, checkinsSchema(), request, labels(userLang));
  const author = resolveAuthor(email, chosen);
  if (!author) throw userError(userLang, "checkin.whoNeeded");
  return withDocumentLock(userLang, (progress) => {
    // Read under the lock: another person may have saved a moment ago.
    const loaded = load(userLang);
    const { wb, day, okrSheet, okrGrid, sheetLang } = loaded;
    const okrs = loaded.parsed.okrs!;
    const logSheet = wb.find("checkins") ?? wb.insert("checkins", CHECKINS.name[sheetLang]);
    const settings = loaded.parsed.settings.settings;
    // The KPIs sheet is read only to name an unknown ID a teammate moved there since the view was drawn.
    const kpis = () => parseKpis(wb.read("kpis") ?? [], wb.timeZone).items;
    const problems = checkEntries(entries, okrs.items, settings, kpis);
    if (problems.length > 0)
      throw userError(userLang, "checkin.nothingSaved", { problems: entryProblems(userLang, problems) });
    const logGrid = appendToLog(userLang, logSheet, sheetLang, entries, day, author, wb.timeZone);
    progress.wrote();
    // One write per column; the grid follows, so the answer's view is drawn from it.
    const updates = keyResultUpdates(okrs.items, okrs.table.columns, entries, day, wb.timeZone);
    for (const [column, cells] of updates) updateColumn(okrSheet, okrGrid, column, cells);
    const view = checkinViewOf(
      userLang,
      loaded.analysisOf({ checkins: logGrid }),
      filter ?? rememberedFilter(),
      { email, name: email ? "" : author },
      day,
    );
    return { saved: entries.length, message: t(userLang, "checkin.saved", { count: entries.length }), view };
  });
}

/** Appends the entries to the log; answers the log's grid with them, as the sheet now reads. */
function appendToLog(
  userLang: Lang,
  sheet: Sheet,
  sheetLang: Lang,
  entries: CheckinEntry[],
  day: Day,
  author: string,
  timeZone: string,
): RawCell[][] {
  let grid = readAll(sheet);
  if (grid.length === 0) {
    const header = logHeader(sheetLang);
    sheet.getRange(1, 1, 1, header.length).setValues([header]);
    grid = [header];
  }
  const table = parseCheckins(grid, timeZone).table;
  const place = logPlace(table);
  const rows = logRows(entries, day, author);
  const lost = lostColumn("checkins", table.columns, CHECKINS.columns, rows);
  if (lost) throw userError(userLang, "checkin.nothingSaved", { problems: describeFinding(lost, userLang) });
  const at = nextFreeRow(grid, place, CHECKINS.columns);
  writeRows(sheet, at, place, CHECKINS.columns, rows, timeZone);
  return withRows(grid, at, place, CHECKINS.columns, rows, timeZone);
}

/** On open: how many key results have gone without a check-in too long (0 outside the quarter). */
export function staleReminder(): { count: number; settings: Settings } | undefined {
  // No OKRs sheet, nothing to remind (and no refusal to word: the language is not needed).
  const wb = Workbook.active();
  if (!wb.find("okrs")) return undefined;
  const { parsed, day } = load("en", {}, wb);
  const settings = parsed.settings.settings;
  return { count: staleCount(parsed.okrs!.items, settings, day), settings };
}
