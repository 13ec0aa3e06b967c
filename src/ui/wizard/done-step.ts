/**
 * The wizard's end: what was inserted, an offer to move each key result Validate will call a KPI
 * to the KPIs sheet (it exists in the sheet only now), and a fresh draft.
 */
import type { InsertResult } from "../../core/wizard";
import { act, actionSlot, busyButton, showNote } from "../actions";
import { el } from "../dom";
import { type Lang, t } from "../i18n";
import { callServer } from "../server-client";

export interface Inserted {
  result: InsertResult;
  /** The inserted key results (their index in the draft) still offered a move. */
  kpiLike: number[];
}

/** The done step's content after its title; `again` starts a fresh draft. */
export function doneStep(lang: Lang, inserted: Inserted | undefined, again: () => void): HTMLElement[] {
  return [
    el("p", { class: "msg ok", role: "status" }, inserted?.result.message ?? ""),
    ...(inserted ? kpiMoves(lang, inserted) : []),
    el("div", { class: "wizard-buttons" }, busyButton(t(lang, "wizard.again"), again)),
  ];
}

/** "Move KR-8 to the KPIs sheet" for each key result the review step called a KPI. */
function kpiMoves(lang: Lang, inserted: Inserted): HTMLElement[] {
  const { result } = inserted;
  return inserted.kpiLike.flatMap((kr) => {
    const krId = result.krIds[kr];
    if (!krId) return [];
    const slot = actionSlot();
    // The objective's row comes first, then its key results in order.
    const row = result.firstRow + 1 + kr;
    const move = busyButton(t(lang, "wizard.moveToKpis", { id: krId }), async () => {
      const outcome = await act(slot, lang, () => callServer("moveToKpis", { row, krId }));
      if (!outcome.ok) return;
      inserted.kpiLike = inserted.kpiLike.filter((k) => k !== kr);
      move.remove();
      showNote(slot, outcome.value);
    });
    return [
      el("div", { class: "kpi-move" }, el("p", {}, t(lang, "wizard.kpiLike", { id: krId })), move, slot),
    ];
  });
}
