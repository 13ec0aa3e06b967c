/**
 * The quarter lifecycle from the menu: lock the plan, generate the quarterly review, start the
 * next quarter. Each reads the sheets once and writes in a number of calls that does not grow with
 * the rows; nothing the user wrote is overwritten (reviews get a new sheet with a free name).
 */
import * as z from "zod/mini";
import type { RawCell } from "../core/cells";
import { dateOfDay, type Day, isoOf } from "../core/dates";
import { type Lang, t } from "../core/i18n";
import { analyze, type Analysis } from "../core/analyze";
import {
  carryCandidates,
  type CarryCandidate,
  carryOverRows,
  followingQuarter,
  type NewRow,
} from "../core/next-quarter";
import { parseTable } from "../core/parse-table";
import { buildReview } from "../core/review";
import { carryOverHeaders, reviewLayout } from "../core/review-sheet";
import {
  type Choice,
  columnOf,
  KINDS,
  LEVELS,
  METRIC_CHOICES,
  OKRS,
  ROW_TYPES,
  SETTINGS_SHEET,
} from "../core/schema";
import { parseSettings, type SettingKey } from "../core/settings";
import { normalize } from "../core/text";
import { SETTING_DEFS, settingHelp } from "../core/setting-rows";
import { LIMITS } from "../core/limits";
import { today } from "./clock";
import { userError } from "./errors";
import { recordLock } from "./health";
import { highestIssued, recordIssued, uniqueRow } from "./ids";
import { sheetLangOf } from "./locale";
import { type Progress, withDocumentLock } from "./lock";
import { companyReviewInput } from "./rollup";
import { parsePayload, text } from "./payload";
import { readAll, sizeNewSheet, Workbook } from "./workbook";
import { cellValue, nextFreeRow, updateColumn, writeRows } from "./writer";

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

interface Loaded {
  wb: Workbook;
  day: Day;
  okrSheet: Sheet;
  okrGrid: RawCell[][];
  settingsSheet: Sheet | undefined;
  settingsGrid: RawCell[][];
  analysis: Analysis;
  /** The spreadsheet's language: what is written into it (the user's language is passed apart). */
  sheetLang: Lang;
}

/**
 * The OKRs and Settings sheets, and the log and KPIs when asked: scores depend on neither, so an
 * operation that needs only scores or settings does not pay for reading them (two calls each).
 */
function load(userLang: Lang, also: { checkins?: true; kpis?: true } = {}, wb = Workbook.active()): Loaded {
  const okrSheet = wb.find("okrs");
  if (!okrSheet) throw userError(userLang, "error.noOkrSheet");
  const okrGrid = readAll(okrSheet);
  const settingsSheet = wb.find("settings");
  const settingsGrid = settingsSheet ? readAll(settingsSheet) : [];
  const day = today(wb.timeZone);
  const analysis = analyze(
    {
      okrs: okrGrid,
      checkins: also.checkins ? wb.read("checkins") : undefined,
      kpis: also.kpis ? wb.read("kpis") : undefined,
      settings: settingsGrid,
    },
    day,
    wb.timeZone,
  );
  const sheetLang = sheetLangOf(wb.ss, analysis.settings);
  return { wb, day, okrSheet, okrGrid, settingsSheet, settingsGrid, analysis, sheetLang };
}

/**
 * Writes setting values (by key) into the Settings sheet, adding rows for settings it lacks
 * (labelled in the spreadsheet's language).
 */
function writeSettings(
  loaded: Loaded,
  values: Partial<Record<SettingKey, string | number | Date>>,
  /** A quarter to add to the quarters table (Start next quarter, when the table lacks it). */
  quarter?: { quarter: string; start: Day; end: Day },
): void {
  const lang = loaded.sheetLang;
  const sheet = loaded.settingsSheet ?? loaded.wb.insert("settings", SETTINGS_SHEET.name[lang]);
  const rows = loaded.analysis.settingsRows;
  const updates = new Map<number, string | number | Date>();
  const missing: unknown[][] = [];
  for (const [key, value] of Object.entries(values) as [SettingKey, string | number | Date][]) {
    const row = rows[key];
    if (row !== undefined) updates.set(row, value);
    else {
      const def = SETTING_DEFS.find((d) => d.key === key)!;
      missing.push([
        def.label[lang],
        typeof value === "string" ? cellValue(TEXT, value, loaded.wb.timeZone) : value,
        settingHelp(key, lang, String(values.quarter ?? loaded.analysis.settings.quarter)),
      ]);
    }
  }
  // Rows are appended below everything: a quarter row is recognised wherever it sits.
  const zone = loaded.wb.timeZone;
  if (quarter) missing.push([quarter.quarter, dateOfDay(quarter.start, zone), dateOfDay(quarter.end, zone)]);
  updateColumn(sheet, loaded.settingsGrid, 1, updates);
  // The "Current quarter" help names the quarter: it follows, unless the user wrote their own.
  const quarterRow = rows.quarter;
  const help = quarterRow === undefined ? undefined : loaded.settingsGrid[quarterRow - 1]?.[2];
  if (values.quarter !== undefined && quarterRow !== undefined && isOurQuarterHelp(help)) {
    const own = (["en", "fr"] as const).find((l) => quarterHelpPattern(l).test(String(help))) ?? lang;
    sheet.getRange(quarterRow, 3).setValue(quarterHelp(own, String(values.quarter)));
  }
  if (missing.length) sheet.getRange(loaded.settingsGrid.length + 1, 1, missing.length, 3).setValues(missing);
}

const TEXT = columnOf("okrs", "title");

const QUARTER_HELP = SETTING_DEFS.find((d) => d.key === "quarter")!.help;
const quarterHelp = (lang: Lang, quarter: string) => settingHelp("quarter", lang, quarter);
/** Our "Current quarter" help in a language, whatever quarter and menu path it names. */
const quarterHelpPattern = (lang: Lang) =>
  new RegExp(
    `^${QUARTER_HELP[lang]
      .replace(/[.*+?^${}()|[\]\\]/g, "\\$&")
      .replace("\\{quarter\\}", ".*")
      .replace("\\{menu\\}", ".*")}$`,
  );
const isOurQuarterHelp = (help: unknown) =>
  typeof help === "string" && (["en", "fr"] as const).some((l) => quarterHelpPattern(l).test(help));

// ---------------------------------------------------------------- lock plan

export interface LockQuestion {
  quarter: string;
  date: string;
  previous: string;
}

/** What the lock question needs: the Settings sheet only (the plan is read again under the lock). */
export function lockQuestion(userLang: Lang, wb = Workbook.active()): LockQuestion {
  const day = today(wb.timeZone);
  const { settings } = parseSettings(wb.read("settings") ?? [], day, wb.timeZone);
  const previous = settings.lockDate === undefined ? "" : isoOf(settings.lockDate);
  return { quarter: settings.quarter, date: isoOf(day), previous };
}

/**
 * Records today as the lock date, and dates the current quarter's rows that have no Created date,
 * so anything added later (even typed by hand) is recognised as "added mid-quarter". `wb` may be
 * the workbook the question was asked on (its tabs are known; the sheets are read again here).
 */
export function lockPlan(userLang: Lang, wb = Workbook.active()): string {
  return withDocumentLock(userLang, () => {
    const loaded = load(userLang, {}, wb);
    const { analysis, day, okrSheet, okrGrid } = loaded;
    writeSettings(loaded, { lockDate: dateOfDay(day, wb.timeZone) });
    // Settings keeps only the current quarter's lock date: the history keeps every quarter's.
    recordLock(wb, analysis.settings.quarter, day);
    const created = analysis.okrTable?.columns.created;
    if (created !== undefined) {
      const undated = analysis.okrs.filter(
        (r) => r.quarter === analysis.settings.quarter && r.created === undefined,
      );
      updateColumn(
        okrSheet,
        okrGrid,
        created,
        new Map(undated.map((r) => [r.row, dateOfDay(day, wb.timeZone)] as const)),
      );
    }
    return t(userLang, "lock.done", { quarter: analysis.settings.quarter, date: isoOf(day) });
  });
}

// ---------------------------------------------------------------- quarterly review

export interface ReviewOptions {
  lang: Lang;
  quarter: string;
  teams: string[];
}

export function reviewOptions(userLang: Lang): ReviewOptions {
  const { analysis } = load(userLang);
  const teams = analysis.okrs
    .filter((r) => r.quarter === analysis.settings.quarter && r.type === "objective" && r.level !== "company")
    .map((r) => r.team);
  return {
    lang: userLang,
    quarter: analysis.settings.quarter,
    teams: [...new Set(teams.filter(Boolean))].sort((a, b) => a.localeCompare(b)),
  };
}

const reviewRequest = () => z.strictObject({ team: text(LIMITS.name) });

const NUMBER_FORMATS = { text: "", number: "", date: "yyyy-mm-dd", score: "0.00", percent: "0%" } as const;

/**
 * Builds the review sheet in the spreadsheet's language; answers the sheet's name and a
 * confirmation in the user's.
 */
export function generateReview(userLang: Lang, request: unknown): { sheet: string; message: string } {
  const { team } = parsePayload(userLang, reviewRequest(), request, { team: t(userLang, "review.team") });
  return withDocumentLock(userLang, (progress) => writeReview(userLang, team, progress));
}

function writeReview(userLang: Lang, team: string, progress: Progress): { sheet: string; message: string } {
  const { wb, day, analysis, sheetLang, settingsGrid } = load(userLang, { checkins: true });
  // All teams of a company spreadsheet: the rolled-up teams' rows too.
  const company = team ? undefined : companyReviewInput(wb, settingsGrid, analysis, day);
  const review = buildReview({
    okrs: company?.okrs ?? analysis.okrs,
    checkins: company?.checkins ?? analysis.checkins,
    scores: company?.scores ?? analysis.scores,
    settings: analysis.settings,
    today: day,
    team,
  });
  const layout = reviewLayout(review, sheetLang);
  const base = t(sheetLang, "review.sheetName", { quarter: review.quarter }) + (team ? ` ${team}` : "");
  // The free name is the new sheet's name: no need to ask the sheet for it afterwards.
  const name = wb.freeName(base.slice(0, 90));
  const sheet = wb.insert(undefined, name, true);
  progress.wrote();
  const height = layout.cells.length;
  const textColumn = { ...TEXT };
  const values = layout.cells.map((line) =>
    line.map((cell) => {
      if (cell.value === undefined || cell.value === "") return "";
      if (cell.kind === "date" && typeof cell.value === "number") return dateOfDay(cell.value, wb.timeZone);
      return typeof cell.value === "string" ? cellValue(textColumn, cell.value, wb.timeZone) : cell.value;
    }),
  );
  sizeNewSheet(sheet, height, layout.width);
  const range = sheet.getRange(1, 1, height, layout.width);
  range.setNumberFormats(layout.cells.map((line) => line.map((cell) => NUMBER_FORMATS[cell.kind])));
  range.setValues(values);
  range.setBackgrounds(layout.cells.map((line) => line.map((cell) => cell.background ?? null)) as string[][]);
  range.setFontWeights(layout.cells.map((line) => line.map((cell) => (cell.bold ? "bold" : "normal"))));
  if (layout.tableRows > 0) {
    // The "Carry over?" checkboxes through the range already in hand: null leaves a cell without
    // validation (https://developers.google.com/apps-script/reference/spreadsheet/range#setdatavalidationsrules).
    const checkbox = SpreadsheetApp.newDataValidation().requireCheckbox().build();
    const first = layout.tableHeaderRow + 1;
    const last = layout.tableHeaderRow + layout.tableRows;
    range.setDataValidations(
      layout.cells.map((line, i) =>
        line.map((_, c) =>
          i + 1 >= first && i + 1 <= last && c === layout.columns.carryOver ? checkbox : null,
        ),
      ) as GoogleAppsScript.Spreadsheet.DataValidation[][],
    );
  }
  // Column A holds the summary's labels ("Overall score") and the chart's objective titles.
  sheet.setColumnWidth(1, 200);
  sheet.setColumnWidth(layout.columns.title + 1, 300);
  // "Needs an explanation", "What worked" and "What did not" sit side by side: one call.
  sheet.setColumnWidths(layout.columns.explain + 1, layout.columns.didNot - layout.columns.explain + 1, 220);
  sheet.setFrozenRows(layout.tableHeaderRow);
  if (review.chart.length > 0) {
    const chart = sheet
      .newChart()
      .setChartType(Charts.ChartType.BAR)
      .addRange(sheet.getRange(layout.chart.firstRow, 1, layout.chart.rows, 2))
      // Beside its data, below the table: it covers neither.
      .setPosition(layout.chart.firstRow, 4, 0, 0)
      .setOption("title", t(sheetLang, "review.chartTitle"))
      .setOption("legend", { position: "none" })
      .setOption("hAxis", { minValue: 0, maxValue: 1 })
      .build();
    sheet.insertChart(chart);
  }
  sheet.activate();
  return { sheet: name, message: t(userLang, "review.done", { sheet: name }) };
}

/** The IDs ticked "Carry over?" in the latest review sheet of a quarter, read in one call. */
function markedCarryOver(wb: Workbook, quarter: string): Set<string> {
  const names = (["en", "fr"] as const).map((l) => normalize(t(l, "review.sheetName", { quarter })));
  const sheets = wb.all().filter((s) => names.some((n) => normalize(s.name).startsWith(n)));
  const latest = sheets[sheets.length - 1];
  if (!latest) return new Set();
  const grid = readAll(latest.sheet);
  const headers = carryOverHeaders().map(normalize);
  const headerRow = grid.findIndex(
    (line) => line.some((v) => headers.includes(normalize(v))) && line.some((v) => normalize(v) === "id"),
  );
  if (headerRow < 0) return new Set();
  const idColumn = grid[headerRow]!.findIndex((v) => normalize(v) === "id");
  const carryColumn = grid[headerRow]!.findIndex((v) => headers.includes(normalize(v)));
  return new Set(
    grid
      .slice(headerRow + 1)
      .filter((line) => line[carryColumn] === true)
      .map((line) => String(line[idColumn] ?? "").toLowerCase()),
  );
}

// ---------------------------------------------------------------- next quarter

export interface NextQuarterProposal {
  lang: Lang;
  from: string;
  to: string;
  candidates: CarryCandidate[];
  /** Set when the quarter ends more than EARLY_DAYS from today: the dialog asks first. */
  early?: { end: string; days: number };
}

/** Starting a quarter more than two weeks before the current one ends asks for a confirmation. */
export const EARLY_DAYS = 14;

function earliness(analysis: Analysis, day: Day): NextQuarterProposal["early"] {
  const days = analysis.settings.quarterEnd - day;
  return days > EARLY_DAYS ? { end: isoOf(analysis.settings.quarterEnd), days } : undefined;
}

export function nextQuarterProposal(userLang: Lang): NextQuarterProposal {
  const { wb, analysis, day } = load(userLang);
  const next = followingQuarter(analysis.settings);
  if (!next) throw userError(userLang, "finding.unknown-quarter", { quarter: analysis.settings.quarter });
  const marked = markedCarryOver(wb, analysis.settings.quarter);
  const early = earliness(analysis, day);
  return {
    lang: userLang,
    from: analysis.settings.quarter,
    to: next.quarter,
    candidates: carryCandidates(analysis.okrs, analysis.scores, analysis.settings, marked),
    ...(early ? { early } : {}),
  };
}

const nextRequest = () =>
  z.strictObject({
    /** The quarter the dialog starts from: a second run (a retry, another person's dialog) is refused. */
    from: text(50),
    carry: z.array(z.strictObject({ id: text(50), owner: text(LIMITS.name) })).check(z.maxLength(200)),
    /** The user confirmed starting more than two weeks before the quarter's end. */
    early: z.optional(z.boolean()),
  });

function labelOf(list: readonly Choice[], key: unknown, lang: Lang): string | undefined {
  return typeof key === "string" ? list.find((c) => c.key === key)?.label[lang] : undefined;
}

/** Rows from core (list keys) as cells (list labels in the spreadsheet's language). */
function withLabels(row: NewRow, lang: Lang): NewRow {
  return {
    ...row,
    type: labelOf(ROW_TYPES, row.type, lang),
    level: labelOf(LEVELS, row.level, lang),
    kind: labelOf(KINDS, row.kind, lang),
    metric: labelOf(METRIC_CHOICES, row.metric, lang),
  };
}

/**
 * Refuses a start that would not run once: the dialog's quarter is no longer the current one (a
 * retry, a second dialog), an objective picked twice or not of this quarter, an ID that several
 * rows hold, or an early start the user did not confirm. Answers the picks with the IDs as the
 * sheet spells them.
 */
function checkStart(
  lang: Lang,
  analysis: Analysis,
  day: Day,
  carry: readonly { id: string; owner: string }[],
  asked: string,
  confirmedEarly: boolean,
  to: string,
): { id: string; owner: string }[] {
  const from = analysis.settings.quarter;
  if (asked.trim().toLowerCase() !== from.toLowerCase())
    throw userError(lang, "next.alreadyStarted", { from: asked, current: from });
  const seen = new Set<string>();
  const picks: { id: string; owner: string }[] = [];
  for (const pick of carry) {
    const key = pick.id.trim().toLowerCase();
    if (seen.has(key)) throw userError(lang, "next.pickedTwice", { id: pick.id });
    seen.add(key);
    const row = uniqueRow(lang, analysis.okrs, pick.id);
    if (!row || row.quarter !== from || row.type !== "objective")
      throw userError(lang, "next.unknownObjective", { id: pick.id, from });
    for (const kr of analysis.okrs) {
      if (kr.quarter === from && kr.type === "kr" && kr.parent === row.id && kr.id)
        uniqueRow(lang, analysis.okrs, kr.id);
    }
    picks.push({ id: row.id, owner: pick.owner });
  }
  const early = earliness(analysis, day);
  if (early && !confirmedEarly) throw userError(lang, "next.tooEarly", { from, to, ...early });
  return picks;
}

/**
 * Copies the picked objectives into the next quarter and moves Settings there. The previous
 * quarter's rows stay exactly as they were.
 */
export function startNextQuarter(userLang: Lang, request: unknown): string {
  const { carry, from: asked, early } = parsePayload(userLang, nextRequest(), request);
  return withDocumentLock(userLang, (progress) => {
    // The log and the KPIs hold IDs too: new ones must be above them.
    const loaded = load(userLang, { checkins: true, kpis: true });
    const { analysis, okrSheet, okrGrid, day, wb } = loaded;
    const from = analysis.settings.quarter;
    const next = followingQuarter(analysis.settings);
    if (!next) throw userError(userLang, "finding.unknown-quarter", { quarter: from });
    const picks = checkStart(userLang, analysis, day, carry, asked, early === true, next.quarter);
    const floor = highestIssued(wb, analysis);
    const rows = carryOverRows(
      analysis.okrs,
      picks,
      from,
      next.quarter,
      day,
      floor,
      analysis.settings.idPrefix,
    ).map((r) => withLabels(r, loaded.sheetLang));
    const table = analysis.okrTable ?? parseTable("okrs", OKRS.columns, okrGrid);
    const place = { headerRow: table.headerRow || 1, columns: table.columns };
    writeRows(okrSheet, nextFreeRow(okrGrid, place, OKRS.columns), place, OKRS.columns, rows, wb.timeZone);
    if (rows.length > 0) progress.wrote();
    recordIssued(
      wb,
      rows.map((r) => String(r.id ?? "")),
    );
    writeSettings(
      loaded,
      { quarter: next.quarter, lockDate: "" },
      analysis.settingsQuarterRows.has(next.quarter) ? undefined : next,
    );
    const count = carry.length;
    return count
      ? t(userLang, "next.done", { to: next.quarter, count })
      : t(userLang, "next.none", { to: next.quarter });
  });
}
