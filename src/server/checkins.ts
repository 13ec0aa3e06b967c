/**
 * Weekly check-ins: what the sidebar's check-in view shows, and saving a batch of new values.
 * Saving happens under the document lock: after taking it the server re-reads, appends the rows to
 * Check-ins and updates Current, Confidence and Last check-in on the OKRs sheet, one batch each.
 * When anything in the payload is invalid, nothing is written.
 */
import * as z from "zod/mini";
import type { RawCell } from "../core/cells";
import {
  AUTHOR_MAX,
  type CheckinEntry,
  type CheckinFilter,
  type CheckinItem,
  checkEntries,
  checkinItems,
  rowsById,
  type EntryProblem,
  ownerOf,
  staleCount,
} from "../core/checkins";
import { dateOfDay, type Day } from "../core/dates";
import { type Lang, t } from "../core/i18n";
import { analyze } from "../core/index";
import { LIMITS } from "../core/limits";
import { parseCheckins, parseOkrs } from "../core/parse";
import { CHECKINS, OKRS } from "../core/schema";
import { parseSettings, type Settings } from "../core/settings";
import { today } from "./clock";
import { currentUserEmail, rememberedAuthor, resolveAuthor } from "./author";
import { userError } from "./errors";
import { sheetLangOf } from "./locale";
import { withDocumentLock } from "./lock";
import { type FieldLabels, parsePayload, text } from "./payload";
import { readAll, Workbook } from "./workbook";
import { nextFreeRow, type TablePlace, updateColumn, withRows, writeRows } from "./writer";

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

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

const FILTER_PROPERTY = "okr.checkin.filter";

/** The remembered filter belongs to one spreadsheet: user properties are shared by all of them. */
function filterProperty(): string {
  return `${FILTER_PROPERTY}.${Workbook.spreadsheetId()}`;
}
export const MAX_ENTRIES = 200;

const filterSchema = () =>
  z.strictObject({ team: z.optional(text(LIMITS.name)), owner: z.optional(text(LIMITS.name)) });

function rememberedFilter(): CheckinFilter {
  try {
    const raw = PropertiesService.getUserProperties().getProperty(filterProperty());
    const parsed = filterSchema().safeParse(raw ? JSON.parse(raw) : {});
    return parsed.success ? parsed.data : {};
  } catch {
    return {};
  }
}

/** The check-in view for a team or an owner; the choice is remembered for next time. */
export function checkinView(lang: Lang, request: unknown): CheckinView {
  const wb = Workbook.active();
  let filter: CheckinFilter;
  if (request === undefined || request === null) filter = rememberedFilter();
  else {
    filter = parsePayload(lang, filterSchema(), request, labels(lang));
    PropertiesService.getUserProperties().setProperty(filterProperty(), JSON.stringify(filter));
  }
  const okrGrid = wb.read("okrs");
  if (!okrGrid) throw userError(lang, "error.noOkrSheet");
  const email = currentUserEmail();
  return viewOf(
    lang,
    { okrs: okrGrid, checkins: wb.read("checkins"), settings: wb.read("settings") },
    filter,
    { email, name: email ? "" : rememberedAuthor() },
    today(wb.timeZone),
    wb.timeZone,
  );
}

/** The view from the sheets' grids (as read, or as a save just left them). */
function viewOf(
  lang: Lang,
  grids: { okrs: RawCell[][]; checkins: RawCell[][] | undefined; settings: RawCell[][] | undefined },
  filter: CheckinFilter,
  author: CheckinView["author"],
  day: Day,
  timeZone: string,
): CheckinView {
  const { settings, okrs, checkins, scores } = analyze(grids, day, timeZone);
  const current = okrs.filter((r) => r.quarter === settings.quarter);
  const byId = new Map(current.map((r) => [r.id, r] as const));
  const krs = current.filter((r) => r.type === "kr");
  const unique = (values: string[]) =>
    [...new Set(values.filter(Boolean))].sort((a, b) => a.localeCompare(b));
  return {
    lang,
    author,
    quarter: settings.quarter,
    staleDays: settings.staleDays,
    teams: unique(krs.map((r) => r.team)),
    owners: unique(krs.map((r) => ownerOf(r, byId))),
    filter,
    items: checkinItems(okrs, checkins, scores, settings, day, filter),
  };
}

function labels(lang: Lang): FieldLabels {
  const header = (key: string) =>
    (OKRS.columns.find((c) => c.key === key) ?? CHECKINS.columns.find((c) => c.key === key))!.header[lang];
  return {
    entries: t(lang, "payload.entries"),
    krId: "ID",
    value: header("value"),
    confidence: header("confidence"),
    comment: header("comment"),
    team: header("team"),
    owner: header("owner"),
    author: header("author"),
  };
}

const entriesSchema = () =>
  z.strictObject({
    entries: z
      .array(
        z.strictObject({
          krId: text(50).check(z.minLength(1)),
          value: z.number().check(z.refine(Number.isFinite)),
          confidence: z.optional(z.int().check(z.gte(0), z.lte(10))),
          comment: z.optional(text(LIMITS.comment)),
        }),
      )
      .check(z.minLength(1), z.maxLength(MAX_ENTRIES)),
    author: z.optional(text(AUTHOR_MAX)),
    /** The filter the sidebar shows: the answer's view is drawn with it (else the remembered one). */
    filter: z.optional(filterSchema()),
  });

export interface SaveResult {
  saved: number;
  message: string;
  /** The check-in view after the save, from what was read under the lock: no second round trip. */
  view: CheckinView;
}

function describe(lang: Lang, problem: EntryProblem): string {
  switch (problem.code) {
    case "unknown-kr":
      return t(lang, "checkin.unknownKr", { id: problem.krId });
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
  } = parsePayload(userLang, entriesSchema(), request, labels(userLang));
  const author = resolveAuthor(email, chosen);
  if (!author) throw userError(userLang, "checkin.whoNeeded");
  return withDocumentLock(userLang, (progress) => {
    const wb = Workbook.active();
    const okrSheet = wb.find("okrs");
    if (!okrSheet) throw userError(userLang, "error.noOkrSheet");
    const day = today(wb.timeZone);
    const settingsGrid = wb.read("settings");
    const settings = parseSettings(settingsGrid ?? [], day, wb.timeZone).settings;
    const sheetLang = sheetLangOf(wb.ss, settings);
    const logSheet = wb.find("checkins") ?? wb.insert("checkins", CHECKINS.name[sheetLang]);
    // Re-read under the lock: another person may have saved a moment ago.
    const okrGrid = readAll(okrSheet);
    const okrs = parseOkrs(okrGrid, wb.timeZone);
    const problems = checkEntries(entries, okrs.items, settings);
    if (problems.length > 0) {
      throw userError(userLang, "checkin.nothingSaved", {
        problems: problems
          .slice(0, 5)
          .map((p) => describe(userLang, p))
          .join("; "),
      });
    }
    const logGrid = appendToLog(logSheet, sheetLang, entries, day, author, wb.timeZone);
    progress.wrote();
    updateKeyResults(okrSheet, okrGrid, okrs.table.columns, okrs.items, entries, day, wb.timeZone);
    const grids = { okrs: okrGrid, checkins: logGrid, settings: settingsGrid };
    return {
      saved: entries.length,
      message: t(userLang, "checkin.saved", { count: entries.length }),
      view: viewOf(
        userLang,
        grids,
        filter ?? rememberedFilter(),
        { email, name: email ? "" : author },
        day,
        wb.timeZone,
      ),
    };
  });
}

/** Appends the entries to the log; answers the log's grid with them, as the sheet now reads. */
function appendToLog(
  sheet: Sheet,
  sheetLang: Lang,
  entries: CheckinEntry[],
  day: Day,
  author: string,
  timeZone: string,
): RawCell[][] {
  let grid = readAll(sheet);
  if (grid.length === 0) {
    const header = CHECKINS.columns.map((c) => c.header[sheetLang]);
    sheet.getRange(1, 1, 1, header.length).setValues([header]);
    grid = [header];
  }
  const table = parseCheckins(grid, timeZone).table;
  const place: TablePlace = table.headerRow
    ? { headerRow: table.headerRow, columns: table.columns }
    : { headerRow: 1, columns: Object.fromEntries(CHECKINS.columns.map((c, i) => [c.key, i])) };
  const rows = entries.map((e) => ({
    date: day,
    krId: e.krId,
    value: e.value,
    confidence: e.confidence,
    comment: e.comment ?? "",
    author,
  }));
  const at = nextFreeRow(grid, place, CHECKINS.columns);
  writeRows(sheet, at, place, CHECKINS.columns, rows, timeZone);
  return withRows(grid, at, place, CHECKINS.columns, rows, timeZone);
}

/** Current, Confidence and Last check-in of the updated key results: one write per column. */
function updateKeyResults(
  sheet: Sheet,
  grid: RawCell[][],
  columns: Record<string, number>,
  okrs: ReturnType<typeof parseOkrs>["items"],
  entries: CheckinEntry[],
  day: Day,
  timeZone: string,
): void {
  // The same lookup checkEntries used: the row checked is the row written.
  const byId = rowsById(okrs);
  const rowOf = new Map([...byId].map(([id, rows]) => [id, rows[0]!.row] as const));
  const values: Record<string, (e: CheckinEntry) => number | Date | undefined> = {
    current: (e) => e.value,
    confidence: (e) => e.confidence,
    lastCheckIn: () => dateOfDay(day, timeZone),
  };
  for (const [key, valueOf] of Object.entries(values)) {
    const column = columns[key];
    if (column === undefined) continue;
    const updates = new Map<number, number | Date>();
    for (const entry of entries) {
      const value = valueOf(entry);
      if (value !== undefined) updates.set(rowOf.get(entry.krId.toLowerCase())!, value);
    }
    updateColumn(sheet, grid, column, updates);
    for (const [row, value] of updates) grid[row - 1]![column] = value;
  }
}

/** On open: how many key results have gone without a check-in too long (0 outside the quarter). */
export function staleReminder(): { count: number; settings: Settings } | undefined {
  const wb = Workbook.active();
  const okrs = wb.read("okrs");
  if (!okrs) return undefined;
  const day = today(wb.timeZone);
  const settings = parseSettings(wb.read("settings") ?? [], day, wb.timeZone).settings;
  return { count: staleCount(parseOkrs(okrs, wb.timeZone).items, settings, day), settings };
}
