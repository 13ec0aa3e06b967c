/**
 * A drafted objective and its key results, as the sidebar's wizard builds them. The draft becomes
 * OKR rows and is checked by the very rules of OKR › Validate: in the sidebar while the user types,
 * and again on the server before anything is written. No rule is repeated here.
 */
import type { Day } from "./dates";
import type { Finding, FindingCode } from "./findings";
import type { OkrRow } from "./parse";
import { validate } from "./rules";
import type { Kind, Level } from "./schema";
import type { Metric } from "./scoring";
import type { Settings } from "./settings";
import { LIMITS } from "./limits";

/**
 * Sizes a draft may have (core/limits.ts): the sidebar's fields stop there, and the server refuses
 * anything larger. Numbers are bounded so that a typo such as 1e300 is refused rather than written.
 */
export const DRAFT_LIMITS = LIMITS;

export interface DraftObjective {
  level: Level | undefined;
  team: string;
  owner: string;
  kind: Kind | undefined;
  /** The company objective a team objective supports; "" for none. */
  parent: string;
  title: string;
}

export interface DraftKr {
  title: string;
  metric: Metric | undefined;
  unit: string;
  baseline: number | undefined;
  target: number | undefined;
  /** Empty means 1. */
  weight: number | undefined;
}

export interface Draft {
  objective: DraftObjective;
  krs: DraftKr[];
}

export interface DraftPlace {
  quarter: string;
  /** The day the rows are created (the Created column). */
  created: Day;
  /** The objective's ID, and one per key result in order. */
  objectiveId: string;
  krIds: readonly string[];
  /** The sheet row given to the objective; its key results follow. */
  firstRow: number;
}

/**
 * The rows a draft becomes: the objective, then its key results (same team, the objective as
 * parent). Text is trimmed as a cell's would be when read back.
 *
 * @example
 * draftRows(draft, { objectiveId: "O-4", krIds: ["KR-9"], firstRow: 12, … }).map((r) => [r.id, r.row, r.parent])
 * //=> [["O-4", 12, ""], ["KR-9", 13, "O-4"]]
 */
export function draftRows(draft: Draft, place: DraftPlace): OkrRow[] {
  const o = draft.objective;
  const common = {
    quarter: place.quarter,
    team: o.team.trim(),
    current: undefined,
    confidence: undefined,
    lastCheckIn: undefined,
    created: place.created,
    notes: "",
  };
  const objective: OkrRow = {
    ...common,
    row: place.firstRow,
    id: place.objectiveId,
    type: "objective",
    level: o.level,
    // Only a team objective links to a company objective.
    parent: o.level === "company" ? "" : o.parent.trim(),
    title: o.title.trim(),
    owner: o.owner.trim(),
    kind: o.kind,
    metric: undefined,
    unit: "",
    baseline: undefined,
    target: undefined,
    weight: undefined,
  };
  const krs = draft.krs.map((kr, i): OkrRow => ({
    ...common,
    row: place.firstRow + 1 + i,
    id: place.krIds[i] ?? "",
    type: "kr",
    level: undefined,
    parent: place.objectiveId,
    title: kr.title.trim(),
    owner: "",
    kind: undefined,
    metric: kr.metric,
    unit: kr.unit.trim(),
    baseline: kr.baseline,
    target: kr.target,
    weight: kr.weight,
  }));
  return [objective, ...krs];
}

/**
 * Findings that say nothing about a draft: its IDs are only given on insert, and a key result
 * that does not exist yet cannot have missed a check-in.
 */
const NOT_FOR_DRAFTS: ReadonlySet<FindingCode> = new Set<FindingCode>([
  "duplicate-id",
  "stale",
  "unknown-kr",
]);

export interface DraftCheck {
  rows: OkrRow[];
  /** The findings on the draft's rows only, sorted as the validator sorts them. */
  findings: Finding[];
}

/**
 * Runs every validation rule on the existing rows plus the draft, and keeps the findings about the
 * draft: "this team already has 3 objectives" comes out of the same focus rule as on validation.
 *
 * @param existing The sheet's rows the rules need (this quarter's, and last quarter's objectives).
 * @example
 * checkDraft(draft, rows, settings, today, ids).findings.map((f) => f.code) //=> ["output-not-outcome"]
 */
export function checkDraft(
  draft: Draft,
  existing: readonly OkrRow[],
  settings: Settings,
  today: Day,
  ids: { objectiveId: string; krIds: readonly string[] },
): DraftCheck {
  const firstRow = existing.reduce((last, r) => Math.max(last, r.row), 1) + 1;
  const rows = draftRows(draft, { quarter: settings.quarter, created: today, firstRow, ...ids });
  const findings = validate({ okrs: [...existing, ...rows], settings, today }).filter(
    (f) => f.sheet === "okrs" && f.row !== undefined && f.row >= firstRow && !NOT_FOR_DRAFTS.has(f.code),
  );
  return { rows, findings };
}

/**
 * Warnings in the sheet that the wizard does not let through: it asks for one owner per objective,
 * offers only the allowed levels and this quarter's company objectives, and stops adding key
 * results at the limit. A payload that gets past the sidebar with one of them is refused.
 */
const WIZARD_REFUSES: ReadonlySet<FindingCode> = new Set<FindingCode>([
  "owner-missing",
  "level-not-allowed",
  "unknown-company-objective",
  "too-many-krs",
]);

/**
 * True for a finding that must be fixed before the draft is written: an error, or one of the
 * warnings the wizard does not let through.
 *
 * @example
 * blocksInsert({ code: "owner-missing", severity: "warning", … }) //=> true
 * blocksInsert({ code: "output-not-outcome", severity: "warning", … }) //=> false
 */
export function blocksInsert(finding: Finding): boolean {
  return finding.severity === "error" || WIZARD_REFUSES.has(finding.code);
}

/**
 * The number in an ID such as "O-12", "kr-3" or, with a spreadsheet's ID prefix, "SALES-KR-3", for
 * a kind (O or KR); undefined for any other ID. Prefixed and unprefixed IDs share one sequence.
 */
function idNumber(kind: string, id: string): number | undefined {
  // Up to 15 digits, all exact in a double: a 10-digit ID must count, or O-1000000000 is issued twice.
  const match = /^(?:[A-Za-z0-9]+-)?([A-Za-z]+)-(\d{1,15})$/.exec(id.trim());
  return match && match[1]!.toUpperCase() === kind ? Number(match[2]) : undefined;
}

/** The highest ID numbers seen or issued: "O-n" objectives and "KR-n" key results. */
export interface HighestIds {
  objective: number;
  kr: number;
}

/**
 * The highest numbers among IDs, starting from a floor (the spreadsheet's high-water mark, so an ID
 * deleted without a trace still counts).
 *
 * @example
 * highestIds(["O-3", "KR-7", "kr-9", "X"], { objective: 5, kr: 0 }) //=> { objective: 5, kr: 9 }
 */
export function highestIds(ids: Iterable<string>, floor: HighestIds = { objective: 0, kr: 0 }): HighestIds {
  let { objective, kr } = floor;
  for (const id of ids) {
    objective = Math.max(objective, idNumber("O", id) ?? 0);
    kr = Math.max(kr, idNumber("KR", id) ?? 0);
  }
  return { objective, kr };
}

/** The high-water mark as the document property holds it (`{"objective": n, "kr": n}`); zeros when unreadable. */
export function highWaterOf(stored: string | undefined): HighestIds {
  try {
    const parsed = JSON.parse(stored ?? "{}") as Partial<HighestIds>;
    const n = (v: unknown) => (typeof v === "number" && Number.isSafeInteger(v) && v > 0 ? v : 0);
    return { objective: n(parsed.objective), kr: n(parsed.kr) };
  } catch {
    return { objective: 0, kr: 0 };
  }
}

/** Every ID a spreadsheet holds: its OKRs' (all quarters), its KPIs' "Moved from" and its log's. */
export function idsHeld(sources: {
  okrs: readonly { id: string }[];
  kpis?: readonly { origin: string }[] | undefined;
  checkins?: readonly { krId: string }[] | undefined;
}): string[] {
  return [
    ...sources.okrs.map((r) => r.id),
    ...(sources.kpis ?? []).map((k) => k.origin),
    ...(sources.checkins ?? []).map((c) => c.krId),
  ];
}

/**
 * The next free IDs over every quarter: one after the highest "O-n" for the objective and after
 * the highest "KR-n" for the key results, so an ID is never reused, even after rows were deleted
 * in the middle.
 *
 * @example
 * nextIds([{ id: "O-3" }, { id: "KR-7" }, { id: "kr-2" }], 2) //=> { objectiveId: "O-4", krIds: ["KR-8", "KR-9"] }
 */
export function nextIds(
  rows: readonly { id: string }[],
  krCount: number,
  floor?: HighestIds,
  /** The spreadsheet's ID prefix (Settings): "SALES" issues SALES-O-4. */
  idPrefix = "",
): { objectiveId: string; krIds: string[] } {
  const { objective, kr } = highestIds(
    rows.map((r) => r.id),
    floor,
  );
  const p = idPrefix ? `${idPrefix}-` : "";
  return {
    objectiveId: `${p}O-${objective + 1}`,
    krIds: Array.from({ length: krCount }, (_, i) => `${p}KR-${kr + 1 + i}`),
  };
}
