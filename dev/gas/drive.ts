/**
 * Several spreadsheets side by side, as in a Drive, and IMPORTRANGE between them as Sheets does it
 * (https://support.google.com/docs/answer/3093340):
 * - a destination must be connected to a source once ("Allow access", pressed by a person who can
 *   see both) before it imports anything: until then the formula shows #REF!;
 * - the connection then holds for the pair, whoever edits the destination;
 * - a source that was deleted, or that is no longer shared with the person who connected it, shows
 *   #REF! again with its own message;
 * - any change in the source shows in the destination (results are recomputed on read).
 * A custom function sees only "#REF!" in the cell, never the message: the add-on cannot tell these
 * states apart from the value alone, and the runtime does not pretend it can.
 */
import { parseA1 } from "./a1";
import type { CellValue } from "./input";
import type { FakeSpreadsheet, ImportResult } from "./spreadsheet";

export const IMPORT_MESSAGES = {
  notConnected: "You need to connect these sheets. Open the cell and press Allow access.",
  notFound: "Unable to find the spreadsheet at this URL: it was deleted or never existed.",
  noAccess: "You don't have permission to access the spreadsheet at this URL.",
  badRange: "Unable to parse range: ",
} as const;

const REF = "#REF!";

/** The spreadsheet ID in a Sheets URL (…/spreadsheets/d/<id>/edit), or a bare ID. */
export function spreadsheetIdOf(url: string): string | undefined {
  const text = url.trim();
  const match = /\/spreadsheets\/d\/([A-Za-z0-9_-]+)/.exec(text);
  if (match) return match[1];
  return /^[A-Za-z0-9_-]{10,}$/.test(text) ? text : undefined;
}

/** A spreadsheet's ID, read without counting a call: the Drive's bookkeeping is not the script's. */
const idOf = (spreadsheet: FakeSpreadsheet) => spreadsheet.calls.uncounted(() => spreadsheet.api.getId());

export class Drive {
  private readonly files = new Map<string, FakeSpreadsheet>();
  private readonly connected = new Set<string>();
  private readonly deleted = new Set<string>();
  private readonly unshared = new Set<string>();
  /** Moves when a connection or a file's state changes. */
  private changes = 0;

  /** Puts a spreadsheet on the Drive: its formulas can import from the others, and they from it. */
  add(spreadsheet: FakeSpreadsheet): string {
    const id = idOf(spreadsheet);
    this.files.set(id, spreadsheet);
    spreadsheet.importer = (url, range) => this.importRange(spreadsheet, url, range);
    spreadsheet.importVersion = () => this.version();
    return Drive.urlOf(id);
  }

  static urlOf(id: string): string {
    return `https://docs.google.com/spreadsheets/d/${id}/edit`;
  }

  get(urlOrId: string): FakeSpreadsheet | undefined {
    const id = spreadsheetIdOf(urlOrId);
    return id === undefined || this.deleted.has(id) ? undefined : this.files.get(id);
  }

  all(): FakeSpreadsheet[] {
    return [...this.files.values()].filter((s) => !this.deleted.has(idOf(s)));
  }

  /** "Allow access" pressed in the destination for a source. */
  allowAccess(destination: FakeSpreadsheet, source: FakeSpreadsheet | string): void {
    const id = typeof source === "string" ? spreadsheetIdOf(source) : idOf(source);
    if (id === undefined || !this.files.has(id)) throw new Error("Unable to find the spreadsheet.");
    this.connected.add(`${idOf(destination)}>${id}`);
    this.changes++;
  }

  isConnected(destination: FakeSpreadsheet, source: FakeSpreadsheet): boolean {
    return this.connected.has(`${idOf(destination)}>${idOf(source)}`);
  }

  /** The source is moved to the bin: imports from it fail. */
  delete(source: FakeSpreadsheet): void {
    this.deleted.add(idOf(source));
    this.changes++;
  }

  /** The person who connected no longer has access to the source. */
  unshare(source: FakeSpreadsheet): void {
    this.unshared.add(idOf(source));
    this.changes++;
  }

  /** Grows with any change to any spreadsheet of the Drive or to its connections. */
  version(): number {
    let sum = this.changes;
    for (const file of this.files.values()) sum += file.version;
    return sum;
  }

  importRange(destination: FakeSpreadsheet, url: string, range: string): ImportResult {
    const fail = (message: string): ImportResult => ({ error: { code: REF, message } });
    const id = spreadsheetIdOf(String(url));
    const source = id === undefined ? undefined : this.files.get(id);
    if (!source || this.deleted.has(id!)) return fail(IMPORT_MESSAGES.notFound);
    if (this.unshared.has(id!)) return fail(IMPORT_MESSAGES.noAccess);
    if (source !== destination && !this.connected.has(`${idOf(destination)}>${id}`))
      return { error: { code: REF, message: IMPORT_MESSAGES.notConnected, source: id } };
    const text = String(range);
    const bang = text.lastIndexOf("!");
    const sheetName =
      bang >= 0
        ? text
            .slice(0, bang)
            .replace(/^'(.*)'$/, "$1")
            .replace(/''/g, "'")
        : undefined;
    const sheet =
      sheetName === undefined ? source.allSheets()[0] : source.allSheets().find((s) => s.name === sheetName);
    const rect = sheet && parseA1(bang >= 0 ? text.slice(bang + 1) : text, sheet.maxRows, sheet.maxColumns);
    if (!sheet || !rect) return fail(IMPORT_MESSAGES.badRange + text);
    // An open-ended range (A1:U) stops at the source's last row with data.
    const openEnded = /:\$?[A-Za-z]+$/.test(text);
    const rows = openEnded
      ? Math.max(0, Math.min(rect.numRows, sheet.lastRow() - rect.row + 1))
      : rect.numRows;
    const values: CellValue[][] = [];
    for (let r = 0; r < Math.max(rows, 1); r++) {
      const line: CellValue[] = [];
      for (let c = 0; c < rect.numColumns; c++) line.push(sheet.shownValue(rect.row + r, rect.column + c));
      values.push(line);
    }
    return { values };
  }
}
