/**
 * The Guide sheet: the method in short, with good and bad examples, in the user's language — the
 * shared base of knowledge the teams in the interview lacked. Rows of [topic, explanation], from the
 * message catalogue, so that the French Guide is read only when a French Guide is written.
 */
import { type Lang, type MessageKey, tKey } from "./i18n";
import { defaultSettings, type Settings } from "./settings";

export type GuideRow = [string, string];

/** The Guide's rows: messages guide.row01 to guide.row24 (src/core/i18n/messages/guide.ts). */
export const GUIDE_ROWS = 24;
const rowKey = (n: number) => `guide.row${String(n).padStart(2, "0")}` as MessageKey;

/** The Guide's column widths in pixels: topics, then explanations (wrapped). */
export const GUIDE_WIDTHS = [200, 640] as const;

/**
 * The Guide's bold cells, for one RangeList: the title row and the topics column.
 *
 * @example
 * guideBold(24) //=> ["A1:B1", "A1:A24"]
 */
export function guideBold(rows: number): string[] {
  return ["A1:B1", `A1:A${rows}`];
}

/** The focus limits the Guide states: Settings', the same the wizard and Validate apply. */
export type FocusLimits = Pick<Settings, "maxObjectivesPerTeam" | "maxKrsPerObjective">;

/** The Guide's rows; the focus limits default to Settings' (the day only decides the quarter). */
export function guideRows(lang: Lang, limits: FocusLimits = defaultSettings(0)): GuideRow[] {
  const params = { objectives: limits.maxObjectivesPerTeam, krs: limits.maxKrsPerObjective };
  return Array.from({ length: GUIDE_ROWS }, (_, i) => {
    const row = tKey(lang, rowKey(i + 1), params);
    const tab = row.indexOf("\t");
    return [row.slice(0, tab), row.slice(tab + 1)];
  });
}
