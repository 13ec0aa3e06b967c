/**
 * Exports that Excel and Sheets accept: the exported file, read back with exceljs, stays within
 * Excel's specification limits (no Infinity or NaN, no text over 32,767 characters, formulas within
 * 8,192, sheet names within 31) and keeps validations, conditional formats, frozen rows and widths.
 */
import * as ExcelJS from "exceljs";
import { readDist } from "../../dev/loader";
import { displayValue } from "../../dev/playground/display";
import { PlaygroundSession } from "../../dev/playground/session";
import { EXCEL_LIMITS, type ExportReport, exportXlsx } from "../../dev/playground/xlsx";

const ZONE = "Europe/Brussels";

describe("the playground's .xlsx export", () => {
  let session: PlaygroundSession;
  let book: ExcelJS.Workbook;
  const report: ExportReport = { cut: [], notFinite: [] };
  const long = "Grow ".repeat(9000);

  beforeAll(async () => {
    session = new PlaygroundSession({
      code: readDist("Code.js"),
      sidebarHtml: readDist("Sidebar.html"),
      now: "2026-11-15T10:00:00Z",
      timeZone: ZONE,
    });
    // A very long text, as a user can paste it.
    session.edit("KPIs", 21, 2, long);
    // A number Excel has no way to hold, as an imported file can bring one (<v>1E+400</v> reads as Infinity).
    const data = session.snapshot();
    data.sheets.find((s) => s.name === "KPIs")!.cells.push({ row: 20, column: 2, value: Infinity });
    const file = await exportXlsx(data, ZONE, report);
    book = new ExcelJS.Workbook();
    await book.xlsx.load(file as unknown as ExcelJS.Buffer);
  });

  it("stays within Excel's limits in every cell", () => {
    const broken: string[] = [];
    for (const sheet of book.worksheets) {
      if (sheet.name.length > 31 || /[[\]:*?/\\]/.test(sheet.name)) broken.push(`name ${sheet.name}`);
      sheet.eachRow((row) =>
        row.eachCell((cell) => {
          const value = cell.value as unknown;
          const result = (value as { result?: unknown } | null)?.result;
          for (const v of [value, result]) {
            if (typeof v === "number" && !Number.isFinite(v)) broken.push(`${cell.address}: ${v}`);
            if (typeof v === "string" && v.length > EXCEL_LIMITS.text)
              broken.push(`${cell.address}: long text`);
          }
          if (cell.formula && cell.formula.length > EXCEL_LIMITS.formula)
            broken.push(`${cell.address}: formula`);
        }),
      );
    }
    expect(broken).toEqual([]);
  });

  it("writes Infinity as the text the user saw, and cuts long text with a note, and says so", () => {
    const kpis = book.getWorksheet("KPIs")!;
    expect(kpis.getCell("B20").value).toBe(displayValue(Infinity, "", ZONE).text);
    expect(kpis.getCell("B21").value).toBe(long.slice(0, 32_767));
    expect(String(kpis.getCell("B21").note)).toMatch(
      /^Cut at 32,767 characters, Excel's limit for a cell; the full text had 45,000\./,
    );
    expect(report).toEqual({ cut: ["KPIs!B21"], notFinite: ["KPIs!B20"] });
  });

  it("keeps data validations, conditional formats, frozen rows and column widths", () => {
    for (const data of session.snapshot().sheets) {
      const sheet = book.getWorksheet(data.name)!;
      const view = sheet.views[0] as { state?: string; ySplit?: number };
      expect({ sheet: data.name, frozen: view.state === "frozen" ? view.ySplit : 0 }).toEqual({
        sheet: data.name,
        frozen: data.frozenRows,
      });
      for (const [column, pixels] of data.columnWidths) {
        expect(Math.abs(sheet.getColumn(column).width! * 7 + 5 - pixels)).toBeLessThan(1);
      }
      for (const cell of data.cells.filter((c) => c.validation)) {
        const kind = cell.validation!.type;
        const exported = sheet.getCell(cell.row, cell.column).dataValidation;
        if (kind === "VALUE_IN_LIST") expect(exported).toMatchObject({ type: "list" });
        if (kind.startsWith("NUMBER_")) expect(exported).toMatchObject({ type: "decimal" });
      }
    }
    const validated = session
      .snapshot()
      .sheets.flatMap((s) => s.cells)
      .filter((c) => c.validation);
    expect(validated.length).toBeGreaterThan(0);
    const okrs = book.getWorksheet("OKRs") as unknown as { conditionalFormattings: unknown[] };
    expect(okrs.conditionalFormattings.length).toBeGreaterThan(0);
  });
});
