/**
 * Validate in a company spreadsheet: the roll-up's cross-team problems (Parent links and focus
 * across the imported teams) as findings on the company's OKRs sheet.
 */
import type { RawCell } from "./cells";
import type { Day } from "./dates";
import type { Finding } from "./findings";
import { qualifiedId } from "./identity";
import { parseOkrs } from "./parse";
import { rollUp, rollupInput } from "./rollup";
import type { TeamImport } from "./rollup-import";
import type { Settings } from "./settings";

/**
 * The findings of the company roll-up, judged on Settings' "as of" day (else `today`). Teams that
 * are not connected are left out, as the roll-up leaves them out. No team: no finding.
 */
export function rollupFindings(
  okrsGrid: RawCell[][],
  teams: TeamImport[],
  settings: Settings,
  today: Day,
  timeZone: string,
): Finding[] {
  if (teams.length === 0) return [];
  const rollup = rollUp(
    rollupInput(settings, okrsGrid, teams, settings.asOf ?? today, timeZone),
    settings.maxObjectivesPerTeam,
  );
  const prefix = settings.idPrefix;
  const companyRows = new Map(
    parseOkrs(okrsGrid, timeZone).items.map((r) => [qualifiedId(r.id, prefix), r.row] as const),
  );
  return rollup.problems.map((p): Finding => {
    const str = (key: string) => String(p.params[key] ?? "");
    const onOkrs = { severity: "warning", sheet: "okrs" } as const;
    switch (p.code) {
      case "rollup-unknown-parent":
        return { code: p.code, ...onOkrs, params: { team: p.team, id: p.id, parent: str("parent") } };
      case "rollup-team-parent":
        return {
          code: p.code,
          ...onOkrs,
          params: { team: p.team, id: p.id, parent: str("parent"), other: str("other") },
        };
      case "rollup-unserved":
        return {
          code: p.code,
          ...onOkrs,
          row: companyRows.get(qualifiedId(p.id, prefix)),
          column: "title",
          params: { id: qualifiedId(p.id, prefix), title: str("title") },
        };
      case "rollup-too-many":
        return {
          code: p.code,
          ...onOkrs,
          params: { count: Number(p.params.count), max: Number(p.params.max) },
        };
    }
  });
}
