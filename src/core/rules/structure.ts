/**
 * Structure: the sheet says what it must for the rest to work.
 */
import type { Finding } from "../findings";
import { prefixOf } from "../identity";
import type { OkrRow } from "../parse";
import { parseQuarter } from "../quarters";
import { type ColumnDef, OKRS } from "../schema";
import { onCell, type Rule } from "./context";

/**
 * A required value is missing. Quarter, ID, Type, Team and Title always; Level for objectives;
 * Parent, Metric, Baseline and Target for key results. (Owner has its own rule.)
 *
 * @example a key result without a target → { code: "required", column: "target" }
 */
export const required: Rule = (ctx) => {
  const findings: Finding[] = [];
  for (const row of ctx.current) {
    for (const column of OKRS.columns as readonly ColumnDef[]) {
      const needed =
        column.required === "always" ||
        (column.required === "objective" && row.type === "objective") ||
        (column.required === "kr" && row.type === "kr");
      if (!needed || column.key === "owner") continue;
      const value = row[column.key as keyof OkrRow];
      if (value === undefined || value === "") {
        findings.push(onCell(row, column.key, "required", "error", { column: column.key }));
      }
    }
  }
  return findings;
};

/**
 * Two rows with the same ID, in any quarter, or a row reusing the ID of a key result moved to the
 * KPIs sheet: links and check-ins would go to the wrong one.
 *
 * @example rows 5 and 9 both "KR-3" → a finding on row 9 that names row 5
 */
export const duplicateIds: Rule = (ctx) => {
  const seen = new Map<string, number>();
  const findings: Finding[] = [];
  for (const row of ctx.all) {
    if (!row.id) continue;
    const key = row.id.toLowerCase();
    const first = seen.get(key);
    if (ctx.movedToKpis.has(key)) findings.push(onCell(row, "id", "id-on-kpis", "error", { id: row.id }));
    if (first === undefined) seen.set(key, row.row);
    else findings.push(onCell(row, "id", "duplicate-id", "error", { id: row.id, firstRow: first }));
  }
  return findings;
};

/**
 * A key result's Parent must be an objective of the quarter; a team objective's Parent, when set,
 * must be a company objective (alignment).
 *
 * @example KR with Parent "O-9" that does not exist → { code: "unknown-parent", parent: "O-9" }
 */
export const parents: Rule = (ctx) => {
  const findings: Finding[] = [];
  for (const row of ctx.current) {
    if (!row.parent) continue;
    const parent = ctx.byId.get(row.parent);
    if (row.type === "kr") {
      if (!parent) findings.push(onCell(row, "parent", "unknown-parent", "error", { parent: row.parent }));
      else if (parent.type !== "objective")
        findings.push(onCell(row, "parent", "parent-not-objective", "error", { parent: row.parent }));
    } else if (row.type === "objective" && row.level !== "company") {
      // A Parent with another spreadsheet's prefix (CO-O-1) is a company spreadsheet's objective:
      // only the company's roll-up can see it, and its Validate checks it.
      const foreign = prefixOf(row.parent);
      if (!parent && foreign !== "" && foreign !== ctx.settings.idPrefix) continue;
      if (!parent || parent.type !== "objective" || parent.level !== "company") {
        findings.push(onCell(row, "parent", "unknown-company-objective", "warning", { parent: row.parent }));
      }
    }
  }
  return findings;
};

/**
 * An increasing or decreasing key result whose target equals its baseline cannot be scored.
 *
 * @example baseline 40, target 40 → { code: "target-equals-baseline", value: "40" }
 */
export const targetEqualsBaseline: Rule = (ctx) =>
  ctx.krs
    .filter(
      (r) =>
        (r.metric === "increase" || r.metric === "decrease" || r.metric === undefined) &&
        r.baseline !== undefined &&
        r.baseline === r.target,
    )
    .map((r) => onCell(r, "target", "target-equals-baseline", "error", { value: String(r.target) }));

/**
 * A weight must be positive (empty means 1).
 *
 * @example weight 0 → { code: "weight-not-positive", value: "0" }
 */
export const weights: Rule = (ctx) =>
  ctx.krs
    .filter((r) => r.weight !== undefined && !(r.weight > 0))
    .map((r) => onCell(r, "weight", "weight-not-positive", "error", { value: String(r.weight) }));

/**
 * A Quarter that is not a quarter ("Q5", "next") matches no quarter's settings.
 *
 * @example "2026-Q5" → { code: "unknown-quarter", quarter: "2026-Q5" }
 */
export const quarters: Rule = (ctx) =>
  ctx.all
    .filter((r) => r.quarter !== "" && parseQuarter(r.quarter) === undefined)
    .map((r) => onCell(r, "quarter", "unknown-quarter", "warning", { quarter: r.quarter }));

/**
 * A check-in for a key result that does not exist (in any quarter). A key result moved to the KPIs
 * sheet keeps its ID there ("Moved from"): its check-ins belong to that KPI and are not reported.
 *
 * @example Check-ins row with KR ID "KR-99" → { code: "unknown-kr", sheet: "checkins", id: "KR-99" }
 */
export const checkinKrs: Rule = (ctx) => {
  const ids = new Set(ctx.all.filter((r) => r.type === "kr").map((r) => r.id.toLowerCase()));
  return ctx.checkins
    .filter(
      (c) => c.krId !== "" && !ids.has(c.krId.toLowerCase()) && !ctx.movedToKpis.has(c.krId.toLowerCase()),
    )
    .map((c) => ({
      code: "unknown-kr",
      severity: "warning",
      sheet: "checkins",
      row: c.row,
      column: "krId",
      params: { id: c.krId },
    }));
};
