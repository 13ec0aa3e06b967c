/**
 * Moving a "looks like a KPI" key result to the KPIs sheet, nothing lost on the way: under the
 * document lock, the row is re-read and checked, appended to KPIs, and only then deleted from OKRs.
 */
import type { Lang } from "../core/i18n";
import { t } from "../core/i18n";
import { parseKpis, parseOkrs } from "../core/parse";
import { KPIS } from "../core/schema";
import { userError } from "./errors";
import { withDocumentLock } from "./lock";
import { readAll, Workbook } from "./workbook";
import { nextFreeRow, writeRows } from "./writer";

export function moveKeyResultToKpis(lang: Lang, row: number, id: string): string {
  return withDocumentLock(lang, () => {
    const wb = Workbook.active();
    const okrSheet = wb.find("okrs");
    const kpiSheet = wb.find("kpis");
    if (!okrSheet || !kpiSheet) throw userError(lang, "error.noOkrSheet");
    const okrs = parseOkrs(readAll(okrSheet), wb.timeZone);
    const kr = okrs.items.find((r) => r.row === row);
    if (!kr || kr.id !== id) throw userError(lang, "error.rowChanged", { row, id });
    if (kr.type !== "kr") throw userError(lang, "error.notKeyResult", { id });
    const kpiGrid = readAll(kpiSheet);
    const kpis = parseKpis(kpiGrid, wb.timeZone);
    const place = kpis.table.headerRow
      ? { headerRow: kpis.table.headerRow, columns: kpis.table.columns }
      : { headerRow: 1, columns: Object.fromEntries(KPIS.columns.map((c, i) => [c.key, i])) };
    const notes = [kr.notes, kr.metric ? `${kr.baseline ?? ""} → ${kr.target ?? ""}` : ""]
      .filter(Boolean)
      .join(" · ");
    writeRows(
      kpiSheet,
      nextFreeRow(kpiGrid, place, KPIS.columns),
      place,
      KPIS.columns,
      [
        {
          team: kr.team,
          name: kr.title,
          owner: kr.owner,
          unit: kr.unit,
          target: kr.target,
          current: kr.current,
          origin: kr.id,
          notes,
        },
      ],
      wb.timeZone,
    );
    okrSheet.deleteRow(row);
    return t(lang, "kpi.moved", { id });
  });
}
