/**
 * The wizard's state: what the user typed, as typed (numbers stay text until they are read, so a
 * half-typed "1," is not lost), and the step they are on. It survives closing the sidebar in
 * localStorage, and turns into the core's Draft for the rules and into the server's payload.
 */
import { parseNumber } from "../../core/cells";
import { DRAFT_LIMITS, type Draft, type DraftKr } from "../../core/draft";
import { shorten } from "../../core/cell-reader";
import { KINDS, type Kind, LEVELS, type Level } from "../../core/schema";
import { type Metric, METRICS } from "../../core/scoring";
import type { Lang } from "../../core/i18n";
import type { DraftPayload } from "../../core/wizard";

export const STEPS = ["context", "objective", "krs", "review"] as const;
export type Step = (typeof STEPS)[number] | "done";

export interface KrInput {
  title: string;
  metric: Metric | "";
  unit: string;
  baseline: string;
  target: string;
  weight: string;
}

export interface WizardState {
  step: Step;
  level: Level | "";
  team: string;
  owner: string;
  kind: Kind;
  parent: string;
  title: string;
  krs: KrInput[];
}

export function emptyKr(): KrInput {
  return { title: "", metric: "increase", unit: "", baseline: "", target: "", weight: "" };
}

export function emptyState(): WizardState {
  return {
    step: "context",
    level: "",
    team: "",
    owner: "",
    kind: "committed",
    parent: "",
    title: "",
    krs: [emptyKr()],
  };
}

/** A fresh draft for the same team: the context is kept, the objective and key results cleared. */
export function nextDraft(state: WizardState): WizardState {
  return { ...emptyState(), level: state.level, team: state.team, owner: state.owner, kind: state.kind };
}

/** True when the user typed something worth restoring. */
export function hasInput(state: WizardState): boolean {
  return (
    state.title !== "" ||
    state.team !== "" ||
    state.owner !== "" ||
    state.krs.some((kr) => kr.title !== "" || kr.baseline !== "" || kr.target !== "")
  );
}

/** The draft's key in localStorage: one draft per spreadsheet (the browser's storage is shared by all). */
const DRAFT_STORAGE_KEY = "okr-sheets.wizard.v1";
let draftKey = DRAFT_STORAGE_KEY;

/** Keys the draft by spreadsheet; the sidebar calls it with the ID the server gives at start. */
export function setDraftScope(spreadsheetId: string | undefined): void {
  if (spreadsheetId) draftKey = `${DRAFT_STORAGE_KEY}.${spreadsheetId}`;
}

function storage(): Storage | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined; // storage blocked in this browser: the draft lives as long as the sidebar
  }
}

export function saveState(state: WizardState): void {
  try {
    storage()?.setItem(draftKey, JSON.stringify(state));
  } catch {
    // full or blocked: nothing to do, the draft is still on screen
  }
}

export function clearState(): void {
  try {
    storage()?.removeItem(draftKey);
  } catch {
    // blocked: nothing stored anyway
  }
}

const str = (value: unknown, max: number): string => (typeof value === "string" ? value.slice(0, max) : "");
const oneOf = <T extends string>(value: unknown, allowed: readonly T[], fallback: T): T =>
  allowed.find((a) => a === value) ?? fallback;

/** The saved draft, read defensively: anything odd in storage falls back to an empty field. */
export function loadState(): WizardState | undefined {
  let raw: unknown;
  try {
    const text = storage()?.getItem(draftKey);
    if (!text) return undefined;
    raw = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (!raw || typeof raw !== "object") return undefined;
  const r = raw as Record<string, unknown>;
  const krs = (Array.isArray(r.krs) ? r.krs : []).slice(0, DRAFT_LIMITS.krs).map((item): KrInput => {
    const k = (item && typeof item === "object" ? item : {}) as Record<string, unknown>;
    return {
      title: str(k.title, DRAFT_LIMITS.title),
      metric: oneOf<Metric>(k.metric, METRICS, "increase"),
      unit: str(k.unit, DRAFT_LIMITS.unit),
      baseline: str(k.baseline, 40),
      target: str(k.target, 40),
      weight: str(k.weight, 40),
    };
  });
  return {
    step: oneOf<Step>(r.step, [...STEPS, "done"], "context"),
    level: oneOf<Level | "">(r.level, ["", ...LEVELS.map((l) => l.key)], ""),
    team: str(r.team, DRAFT_LIMITS.name),
    owner: str(r.owner, DRAFT_LIMITS.name),
    kind: oneOf<Kind>(
      r.kind,
      KINDS.map((k) => k.key),
      "committed",
    ),
    parent: str(r.parent, DRAFT_LIMITS.id),
    title: str(r.title, DRAFT_LIMITS.title),
    krs: krs.length ? krs : [emptyKr()],
  };
}

function readNumber(text: string, lang?: Lang): { value: number | undefined; bad: boolean } {
  const parsed = parseNumber(text, lang);
  if (parsed.ok) return { value: parsed.value, bad: false };
  return { value: undefined, bad: parsed.reason !== "blank" };
}

/**
 * The core's Draft from what was typed, numbers read as the sheet reads them ("1,5", "15%"; "1,500"
 * as 1500 for an English user), and a "not a number" finding for each number that cannot be read
 * (rows are filled in by the caller).
 */
export function toDraft(
  state: WizardState,
  lang?: Lang,
): {
  draft: Draft;
  problems: { kr: number; column: string; value: string }[];
} {
  const problems: { kr: number; column: string; value: string }[] = [];
  const krs = state.krs.map((kr, i): DraftKr => {
    const number = (column: "baseline" | "target" | "weight") => {
      const read = readNumber(kr[column], lang);
      if (read.bad) problems.push({ kr: i, column, value: shorten(kr[column].trim()) });
      return read.value;
    };
    return {
      title: kr.title,
      metric: kr.metric === "" ? undefined : kr.metric,
      unit: kr.unit,
      baseline: number("baseline"),
      target: number("target"),
      weight: number("weight"),
    };
  });
  return {
    draft: {
      objective: {
        level: state.level === "" ? undefined : state.level,
        team: state.team,
        owner: state.owner,
        kind: state.kind,
        parent: state.parent,
        title: state.title,
      },
      krs,
    },
    problems,
  };
}

/** The payload for insertDraft; undefined while something required is missing or unreadable. */
export function toPayload(state: WizardState, lang?: Lang): DraftPayload | undefined {
  const { draft, problems } = toDraft(state, lang);
  const o = draft.objective;
  if (problems.length > 0 || o.level === undefined || o.kind === undefined) return undefined;
  const krs: DraftPayload["krs"] = [];
  for (const kr of draft.krs) {
    if (kr.metric === undefined || kr.baseline === undefined || kr.target === undefined) return undefined;
    krs.push({
      title: kr.title.trim(),
      metric: kr.metric,
      unit: kr.unit.trim(),
      baseline: kr.baseline,
      target: kr.target,
      ...(kr.weight === undefined ? {} : { weight: kr.weight }),
    });
  }
  return {
    objective: {
      level: o.level,
      team: o.team.trim(),
      owner: o.owner.trim(),
      kind: o.kind,
      parent: o.level === "company" ? "" : o.parent,
      title: o.title.trim(),
    },
    krs,
  };
}
