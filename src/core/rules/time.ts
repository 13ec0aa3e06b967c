/**
 * Time: "not starting other projects mid-quarter" and "not only a big rush at the end".
 */
import { staleSince } from "../checkins";
import { isoOf } from "../dates";
import type { Finding } from "../findings";
import { onCell, type Rule } from "./context";

/**
 * A row created after the plan was locked was added mid-quarter. Locking the plan dates every row
 * that has no Created date yet, so a row without one in a locked quarter came later too.
 *
 * @example plan locked 2026-10-05, objective created 2026-11-02 → { code: "added-mid-quarter" }
 */
export const addedMidQuarter: Rule = (ctx) => {
  const lock = ctx.settings.lockDate;
  if (lock === undefined) return [];
  return ctx.current
    .filter((r) => r.created === undefined || r.created > lock)
    .map((r) =>
      onCell(r, "created", "added-mid-quarter", "warning", {
        created: r.created === undefined ? "" : isoOf(r.created),
        lockDate: isoOf(lock),
      }),
    );
};

/**
 * During the quarter, a key result without a check-in for more than the stale limit (14 days by
 * default), counting, when it never had one, from its creation or the quarter's start, whichever is
 * later.
 *
 * @example stale limit 14, last check-in 20 days ago → { code: "stale", days: 20 }
 */
export const stale: Rule = (ctx) => {
  const { quarterStart, quarterEnd, staleDays } = ctx.settings;
  if (ctx.today < quarterStart || ctx.today > quarterEnd) return [];
  return ctx.krs.flatMap((kr): Finding[] => {
    const since = staleSince(kr, ctx.settings);
    const days = ctx.today - since;
    if (days <= staleDays) return [];
    return [
      onCell(kr, "lastCheckIn", "stale", "warning", {
        days,
        lastCheckIn: kr.lastCheckIn === undefined ? "" : isoOf(kr.lastCheckIn),
      }),
    ];
  });
};
