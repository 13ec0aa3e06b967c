/**
 * Live coaching: the draft as typed, checked by the core's validation rules beside this quarter's
 * rows (sent by the server), each finding put into words by describeFinding and attached to the
 * field it is about. No rule lives here: this only places findings.
 */
import { blocksInsert, checkDraft } from "../../core/draft";
import { describeFinding } from "../../core/describe";
import type { Finding } from "../../core/findings";
import { type Lang, t } from "../i18n";
import type { WizardContext } from "../../core/wizard";
import { type Step, toDraft, type WizardState } from "./state";

/** A field of the wizard: "team", "title", "kr.0.target"…; "objective" and "kr.0" for the whole row. */
export type FieldKey = string;

export interface Note {
  finding: Finding;
  message: string;
  field: FieldKey;
  /** The key result it is about, or undefined for the objective. */
  kr: number | undefined;
  blocking: boolean;
}

export interface Coaching {
  notes: Note[];
  /** The team's objectives already in the sheet this quarter, and the limit. */
  team: { name: string; count: number; limit: number } | undefined;
}

const OBJECTIVE_FIELDS = new Set(["level", "team", "owner", "parent", "title"]);
const KR_FIELDS = new Set(["title", "metric", "unit", "baseline", "target", "weight"]);

/** The step a field is typed on. */
export function stepOf(field: FieldKey): Step {
  if (field.startsWith("kr.")) return "krs";
  return field === "title" ? "objective" : "context";
}

/** Runs the rules on the draft and attaches each finding to its field, in the user's language. */
export function coach(context: WizardContext, state: WizardState, lang: Lang): Coaching {
  const { draft, problems } = toDraft(state, lang);
  const ids = {
    objectiveId: t(lang, "wizard.thisObjective"),
    krIds: draft.krs.map((_, i) => t(lang, "wizard.kr.legend", { n: i + 1 })),
  };
  const { rows, findings } = checkDraft(draft, context.rows, context.settings, context.today, ids);
  const first = rows[0]!.row;
  const parseFindings: Finding[] = problems.map((p) => ({
    code: "not-a-number",
    severity: "error",
    sheet: "okrs",
    row: first + 1 + p.kr,
    column: p.column,
    params: { column: p.column, value: p.value },
  }));
  const unreadable = new Set(parseFindings.map((f) => `${f.row}|${f.column}`));
  const notes: Note[] = [];
  const seen = new Set<string>();
  for (const finding of [...parseFindings, ...findings]) {
    // "Target is required" says nothing more when the target typed is not a number.
    if (finding.code === "required" && unreadable.has(`${finding.row}|${finding.column}`)) continue;
    const kr = finding.row === first ? undefined : (finding.row ?? first) - first - 1;
    const column = finding.column ?? "";
    const field =
      kr === undefined
        ? OBJECTIVE_FIELDS.has(column)
          ? column
          : "objective"
        : KR_FIELDS.has(column)
          ? `kr.${kr}.${column}`
          : `kr.${kr}`;
    const message = describeFinding(finding, lang);
    // A finding about whole rows (added mid-quarter) would repeat on every key result: once is enough.
    const general = field === "objective" || field === `kr.${kr}`;
    if (general && seen.has(message)) continue;
    seen.add(message);
    notes.push({ finding, message, field, kr, blocking: blocksInsert(finding) });
  }
  const name = state.team.trim();
  const counted = context.teamCounts.find((c) => c.team.toLowerCase() === name.toLowerCase());
  return {
    notes,
    team:
      name === ""
        ? undefined
        : { name, count: counted?.objectives ?? 0, limit: context.settings.maxObjectivesPerTeam },
  };
}
