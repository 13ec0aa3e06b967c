/**
 * The drafting wizard's pure part: the context the sidebar coaches with, the draft's payload as the
 * server accepts it (zod), the finding that refuses an insert, and the cells the draft's rows write.
 */
import * as z from "zod/mini";
import type { Day } from "./dates";
import { blocksInsert, checkDraft, type Draft, type HighestIds, nextIds } from "./draft";
import type { Finding } from "./findings";
import { type Lang, t } from "./i18n";
import { text } from "./payloads";
import { LIMITS } from "./limits";
import { shorten } from "./cell-reader";
import { endedQuarter } from "./next-quarter-start";
import type { OkrRow, Parsed } from "./parse";
import { parseQuarter, previousQuarter, quarterName } from "./quarters";
import {
  type Choice,
  choiceLabel,
  columnHeader,
  KINDS,
  LEVELS,
  type Level,
  type OkrColumn,
  type RowCells,
} from "./schema";
import { METRICS } from "./scoring";
import type { Settings } from "./settings";
import { refusedBy, userError } from "./user-error";

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
  /**
   * Set when the quarter Settings are on has ended (today is past its last day): an insert would be
   * refused, so the wizard says so up front and keeps the draft until the next quarter is started.
   */
  ended?: { quarter: string; end: string };
}

/** The draft as the sidebar sends it. Every field is checked again on the server. */
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

/** The draft payload's schema: strict objects (no extra key), bounded text, lists and numbers. */
export const draftSchema = (): z.ZodMiniType<DraftPayload> =>
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
  ...["level", "team", "owner", "kind", "parent", "title"],
  ...["metric", "unit", "baseline", "target", "weight"],
] as OkrColumn[];

/** Field names as the user sees them, for a refusal that says which field is wrong. */
export function draftFieldLabels(lang: Lang): Record<string, string> {
  return {
    objective: t(lang, "wizard.objective"),
    krs: t(lang, "wizard.steps.krs"),
    ...Object.fromEntries(LABELLED.map((key) => [key, columnHeader("okrs", key, lang)])),
  };
}

/** This quarter's rows, and last quarter's objectives (the owner-rotation rule looks at them). */
export function rowsForRules(all: readonly OkrRow[], settings: Settings): OkrRow[] {
  const quarter = parseQuarter(settings.quarter);
  const previous = quarter ? quarterName(previousQuarter(quarter)) : undefined;
  return all.filter(
    (r) => r.quarter === settings.quarter || (r.quarter === previous && r.type === "objective"),
  );
}

/**
 * Names once each (case aside, the first spelling kept), sorted, at most 200.
 *
 * @example
 * distinctNames(["sales", "Ops", "", "Sales"]) //=> ["Ops", "sales"]
 */
export function distinctNames(values: readonly string[]): string[] {
  const seen = new Map<string, string>();
  for (const value of values) {
    const key = value.toLowerCase();
    if (value !== "" && !seen.has(key)) seen.set(key, value);
  }
  return [...seen.values()].sort((a, b) => a.localeCompare(b)).slice(0, MAX_SUGGESTIONS);
}

/** The wizard's context from the OKRs rows and the settings, and whether the quarter has ended. */
export function wizardContextOf(
  lang: Lang,
  settings: Settings,
  day: Day,
  all: readonly OkrRow[],
): WizardContext {
  const objectives = all.filter((r) => r.quarter === settings.quarter && r.type === "objective");
  // The same test as the insert's (draftInsert): the wizard warns of what the insert would refuse.
  const ended = endedQuarter(settings, day);
  const counts = new Map<string, { team: string; objectives: number }>();
  for (const o of objectives) {
    const key = o.team.toLowerCase();
    const entry = counts.get(key) ?? { team: o.team, objectives: 0 };
    entry.objectives++;
    counts.set(key, entry);
  }
  return {
    lang,
    settings,
    today: day,
    levels: settings.allowedLevels.map((key) => ({ key, label: choiceLabel("level", key, lang) })),
    teams: distinctNames(all.map((r) => r.team)),
    owners: distinctNames(all.map((r) => r.owner)),
    companyObjectives: objectives
      .filter((o) => o.level === "company" && o.id !== "")
      .map((o) => ({ id: o.id, title: shorten(o.title, TITLE_SHOWN), team: o.team })),
    teamCounts: [...counts.values()],
    // Long titles and notes stay in the sheet: the rules on the draft do not read them.
    rows: rowsForRules(all, settings).map((r) => ({ ...r, title: shorten(r.title, TITLE_SHOWN), notes: "" })),
    ...(ended ? { ended } : {}),
  };
}

export function toDraft(payload: DraftPayload): Draft {
  return {
    objective: { ...payload.objective },
    krs: payload.krs.map((kr) => ({ ...kr, weight: kr.weight })),
  };
}

/**
 * The finding that refuses the insert, if any: one on the draft that blocks it (see blocksInsert),
 * else a column the OKRs sheet lacks.
 */
export function insertRefusal(
  draftFindings: readonly Finding[],
  tableFindings: readonly Finding[],
): Finding | undefined {
  return draftFindings.find(blocksInsert) ?? tableFindings.find((f) => f.code === "missing-column");
}

/**
 * What inserting a draft writes: its new IDs (above `floor`, the highest ever issued) and its rows'
 * cells, list values in the spreadsheet's language. Refused with a UserError in the user's language,
 * nothing written, in a quarter that has ended or when a finding blocks the insert.
 */
export function draftInsert(
  draft: Draft,
  at: {
    userLang: Lang;
    okrs: Parsed<OkrRow>;
    settings: Settings;
    day: Day;
    floor: () => HighestIds;
    sheetLang: () => Lang;
  },
): { ids: { objectiveId: string; krIds: string[] }; values: RowCells<"okrs">[] } {
  const { userLang, okrs, settings, day } = at;
  const ended = endedQuarter(settings, day);
  if (ended) throw userError(userLang, "quarter.ended", ended);
  const ids = nextIds(okrs.items, draft.krs.length, at.floor(), settings.idPrefix);
  const { rows, findings } = checkDraft(draft, rowsForRules(okrs.items, settings), settings, day, ids);
  const refusal = insertRefusal(findings, okrs.table.findings);
  if (refusal) throw refusedBy(userLang, refusal);
  return { ids, values: draftCells(rows, day, at.sheetLang()) };
}

const label = (list: "type" | "level" | "kind" | "metric", key: string | undefined, lang: Lang) =>
  key === undefined ? "" : choiceLabel(list, key, lang);

/** The cells of the draft's rows, list values in the spreadsheet's language. */
export function draftCells(rows: readonly OkrRow[], created: Day, sheetLang: Lang): RowCells<"okrs">[] {
  return rows.map((row) => ({
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
    created,
  }));
}

/** The answer to an insert, in the user's language. */
export function insertResult(
  lang: Lang,
  ids: { objectiveId: string; krIds: string[] },
  sheet: string,
  firstRow: number,
  lastRow: number,
): InsertResult {
  const message = t(lang, "wizard.inserted", {
    objective: ids.objectiveId,
    krs: ids.krIds.join(", "),
    sheet,
    first: firstRow,
    last: lastRow,
  });
  return { ...ids, sheet, firstRow, lastRow, message };
}
