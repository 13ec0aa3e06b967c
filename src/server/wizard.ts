/**
 * The drafting wizard's two endpoints. `wizardContext` gives the sidebar what it needs to coach
 * live: settings, teams, owners, this quarter's company objectives and the rows the validation
 * rules look at. `insertDraft` parses the draft again with zod, checks it with the same rules, and
 * writes the objective and its key results in one batch under the document lock, with new IDs.
 */
import * as z from "zod/mini";
import type { Day } from "../core/dates";
import { blocksInsert, checkDraft, type Draft, DRAFT_LIMITS as LIMITS, nextIds } from "../core/draft";
import { describeFinding } from "../core/describe";
import { type Lang, t } from "../core/i18n";
import { shorten } from "../core/cell-reader";
import { type OkrRow, parseCheckins, parseKpis, parseOkrs } from "../core/parse";
import { parseQuarter, previousQuarter, quarterName } from "../core/quarters";
import {
  type Choice,
  choiceLabel,
  columnHeader,
  KINDS,
  LEVELS,
  type Level,
  type ListName,
  OKRS,
  type OkrColumn,
  type RowCells,
} from "../core/schema";
import { METRICS } from "../core/scoring";
import { parseSettings, type Settings } from "../core/settings";
import { today } from "./clock";
import { userError } from "./errors";
import { highestIssued, recordIssued } from "./ids";
import { sheetLangOf } from "./locale";
import { withDocumentLock } from "./lock";
import { type FieldLabels, parsePayload, text } from "./payload";
import { readAll, Workbook } from "./workbook";
import { nextFreeRow, writeRows } from "./writer";

/** What the wizard needs to draw its steps and run the rules in the browser. Plain data. */
export interface WizardContext {
  lang: Lang;
  /** Dates are day numbers (days since 1970-01-01): Dates cannot cross google.script.run. */
  settings: Settings;
  today: Day;
  /** The allowed levels (Settings), labelled in the user's language. */
  levels: { key: Level; label: string }[];
  /** Every team and owner named in the OKRs sheet, for suggestions. */
  teams: string[];
  owners: string[];
  companyObjectives: { id: string; title: string; team: string }[];
  /** Objectives this quarter per team, for the focus counters. */
  teamCounts: { team: string; objectives: number }[];
  /** This quarter's rows and last quarter's objectives: what the rules look at beside the draft. */
  rows: OkrRow[];
}

/** The draft as the sidebar sends it. Every field is checked again here. */
export interface DraftPayload {
  objective: {
    level: Level;
    team: string;
    owner: string;
    kind: "aspirational" | "committed";
    /** The company objective's ID, or "". */
    parent: string;
    title: string;
  };
  krs: {
    title: string;
    metric: (typeof METRICS)[number];
    unit: string;
    baseline: number;
    target: number;
    /** Absent for the default weight, 1. */
    weight?: number;
  }[];
}

export interface InsertResult {
  objectiveId: string;
  krIds: string[];
  sheet: string;
  firstRow: number;
  lastRow: number;
  message: string;
}

const MAX_SUGGESTIONS = 200;
const TITLE_SHOWN = 200;

const keys = <K extends string>(list: readonly Choice<K>[]) => list.map((c) => c.key) as [K, ...K[]];

const amount = () => z.number().check(z.gte(-LIMITS.magnitude), z.lte(LIMITS.magnitude));

const draftSchema = (): z.ZodMiniType<DraftPayload> =>
  z.strictObject({
    objective: z.strictObject({
      level: z.enum(keys(LEVELS)),
      team: text(LIMITS.name),
      owner: text(LIMITS.name),
      kind: z.enum(keys(KINDS)),
      parent: text(LIMITS.id),
      title: text(LIMITS.title),
    }),
    krs: z
      .array(
        z.strictObject({
          title: text(LIMITS.title),
          metric: z.enum(METRICS),
          unit: text(LIMITS.unit),
          baseline: amount(),
          target: amount(),
          weight: z.optional(amount()),
        }),
      )
      .check(z.minLength(1), z.maxLength(LIMITS.krs)),
  });

const LABELLED: OkrColumn[] = [
  "level",
  "team",
  "owner",
  "kind",
  "parent",
  "title",
  "metric",
  "unit",
  "baseline",
  "target",
  "weight",
];

/** Field names as the user sees them, for a refusal that says which field is wrong. */
function fieldLabels(userLang: Lang): FieldLabels {
  const header = (key: OkrColumn) => columnHeader("okrs", key, userLang);
  return {
    objective: t(userLang, "wizard.objective"),
    krs: t(userLang, "wizard.steps.krs"),
    ...Object.fromEntries(LABELLED.map((key) => [key, header(key)])),
  };
}

interface Sheets {
  wb: Workbook;
  day: Day;
  settings: Settings;
  okrs: ReturnType<typeof parseOkrs>;
  grid: ReturnType<typeof readAll>;
}

function readSheets(userLang: Lang): Sheets {
  const wb = Workbook.active();
  const sheet = wb.find("okrs");
  if (!sheet) throw userError(userLang, "error.noOkrSheet");
  const grid = readAll(sheet);
  const okrs = parseOkrs(grid, wb.timeZone);
  if (okrs.table.headerRow === 0) throw userError(userLang, "error.noOkrSheet");
  const day = today(wb.timeZone);
  const settings = parseSettings(wb.read("settings") ?? [], day, wb.timeZone).settings;
  return { wb, day, settings, okrs, grid };
}

/** This quarter's rows, and last quarter's objectives (the owner-rotation rule looks at them). */
function rowsForRules(all: readonly OkrRow[], settings: Settings): OkrRow[] {
  const quarter = parseQuarter(settings.quarter);
  const previous = quarter ? quarterName(previousQuarter(quarter)) : undefined;
  return all.filter(
    (r) => r.quarter === settings.quarter || (r.quarter === previous && r.type === "objective"),
  );
}

function distinct(values: string[]): string[] {
  const seen = new Map<string, string>();
  for (const value of values) {
    const key = value.toLowerCase();
    if (value !== "" && !seen.has(key)) seen.set(key, value);
  }
  return [...seen.values()].sort((a, b) => a.localeCompare(b)).slice(0, MAX_SUGGESTIONS);
}

/** The wizard's context, read from the OKRs and Settings sheets (one read each). */
export function wizardContext(userLang: Lang): WizardContext {
  const { day, settings, okrs } = readSheets(userLang);
  const all = okrs.items;
  const current = all.filter((r) => r.quarter === settings.quarter);
  const objectives = current.filter((r) => r.type === "objective");
  const counts = new Map<string, { team: string; objectives: number }>();
  for (const o of objectives) {
    const key = o.team.toLowerCase();
    const entry = counts.get(key) ?? { team: o.team, objectives: 0 };
    entry.objectives++;
    counts.set(key, entry);
  }
  return {
    lang: userLang,
    settings,
    today: day,
    levels: settings.allowedLevels.map((key) => ({
      key,
      label: LEVELS.find((l) => l.key === key)!.label[userLang],
    })),
    teams: distinct(all.map((r) => r.team)),
    owners: distinct(all.map((r) => r.owner)),
    companyObjectives: objectives
      .filter((o) => o.level === "company" && o.id !== "")
      .map((o) => ({ id: o.id, title: shorten(o.title, TITLE_SHOWN), team: o.team })),
    teamCounts: [...counts.values()],
    // Long titles and notes stay in the sheet: the rules on the draft do not read them.
    rows: rowsForRules(all, settings).map((r) => ({ ...r, title: shorten(r.title, TITLE_SHOWN), notes: "" })),
  };
}

function toDraft(payload: DraftPayload): Draft {
  return {
    objective: { ...payload.objective },
    krs: payload.krs.map((kr) => ({ ...kr, weight: kr.weight })),
  };
}

const label = (list: ListName, key: string | undefined, lang: Lang) =>
  key === undefined ? "" : choiceLabel(list, key, lang);

/**
 * Writes a drafted objective and its key results below the last row of the OKRs sheet, after
 * parsing the payload and checking the draft with the validation rules: a finding that blocks an
 * insert (see blocksInsert) refuses the whole draft, and nothing is written. The new rows are
 * selected.
 */
export function insertDraft(userLang: Lang, request: unknown): InsertResult {
  const payload = parsePayload(userLang, draftSchema(), request, fieldLabels(userLang));
  const draft = toDraft(payload);
  return withDocumentLock(userLang, () => {
    // Read under the lock: someone may have added rows since the wizard opened.
    const { wb, day, settings, okrs, grid } = readSheets(userLang);
    const floor = highestIssued(wb, {
      okrs: okrs.items,
      kpis: parseKpis(wb.read("kpis") ?? [], wb.timeZone).items,
      checkins: parseCheckins(wb.read("checkins") ?? [], wb.timeZone).items,
    });
    const ids = nextIds(okrs.items, draft.krs.length, floor, settings.idPrefix);
    const { rows, findings } = checkDraft(draft, rowsForRules(okrs.items, settings), settings, day, ids);
    const blocking = findings.find(blocksInsert);
    if (blocking) {
      throw userError(userLang, "wizard.error.refused", { message: describeFinding(blocking, userLang) });
    }
    const missing = okrs.table.findings.find((f) => f.code === "missing-column");
    if (missing)
      throw userError(userLang, "wizard.error.refused", { message: describeFinding(missing, userLang) });
    // List values in the spreadsheet's language; the answer in the user's.
    const sheetLang = sheetLangOf(wb.ss, settings);
    const values = rows.map((row): RowCells<"okrs"> => ({
      quarter: row.quarter,
      id: row.id,
      type: label("type", row.type, sheetLang),
      level: label("level", row.level, sheetLang),
      team: row.team,
      parent: row.parent,
      title: row.title,
      owner: row.owner,
      kind: label("kind", row.kind, sheetLang),
      metric: label("metric", row.metric, sheetLang),
      unit: row.unit,
      baseline: row.baseline,
      target: row.target,
      weight: row.weight,
      created: day,
    }));
    const sheet = wb.find("okrs")!;
    const place = { headerRow: okrs.table.headerRow, columns: okrs.table.columns };
    const first = nextFreeRow(grid, place, OKRS.columns);
    writeRows(sheet, first, place, OKRS.columns, values, wb.timeZone);
    recordIssued(wb, [ids.objectiveId, ...ids.krIds]);
    const width = Math.max(1, ...Object.values(place.columns).map((c) => c + 1));
    sheet.getRange(first, 1, values.length, width).activate();
    const last = first + values.length - 1;
    const name = sheet.getName();
    return {
      objectiveId: ids.objectiveId,
      krIds: ids.krIds,
      sheet: name,
      firstRow: first,
      lastRow: last,
      message: t(userLang, "wizard.inserted", {
        objective: ids.objectiveId,
        krs: ids.krIds.join(", "),
        sheet: name,
        first,
        last,
      }),
    };
  });
}
