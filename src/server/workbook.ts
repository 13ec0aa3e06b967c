/**
 * Finding our sheets robustly and reading them in one batch each. A sheet is found by the id
 * remembered when it was created (so a renamed tab still works), else by its name in English or
 * French; a sheet that was deleted is simply missing.
 *
 * Each sheet's id and name are read when first needed, then kept: every service call costs a
 * round trip, and reading both for every tab up front was a quarter of an operation's calls.
 */
import type { RawCell } from "../core/cells";
import { SHEETS, type SheetKey } from "../core/schema";
import { normalize } from "../core/text";
import { timeZoneOf } from "./clock";

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
const IDS_PROPERTY = "okr.sheetIds";

/** A tab of the spreadsheet, its id and name read on first use. */
class SheetEntry {
  private knownId: number | undefined;
  private knownName: string | undefined;

  constructor(readonly sheet: Sheet) {}

  get id(): number {
    return (this.knownId ??= this.sheet.getSheetId());
  }

  get name(): string {
    return (this.knownName ??= this.sheet.getName());
  }
}

type Properties = GoogleAppsScript.Properties.Properties;

export class Workbook {
  readonly timeZone: string;
  private readonly sheets: SheetEntry[];
  private readonly ids: Partial<Record<SheetKey, number>>;
  /** The document properties, read in one call when the workbook is opened. */
  private readonly store: Properties | undefined;
  private readonly properties: Record<string, string>;

  constructor(readonly ss: GoogleAppsScript.Spreadsheet.Spreadsheet) {
    this.timeZone = timeZoneOf(ss);
    this.sheets = ss.getSheets().map((sheet) => new SheetEntry(sheet));
    try {
      this.store = PropertiesService.getDocumentProperties();
      this.properties = { ...this.store.getProperties() };
    } catch {
      this.store = undefined;
      this.properties = {};
    }
    this.ids = idsFrom(this.properties[IDS_PROPERTY]);
  }

  /** A document property as read when the workbook was opened (no service call). */
  property(name: string): string | undefined {
    return this.properties[name];
  }

  /** Writes a document property, unless it already holds that value. */
  setProperty(name: string, value: string): void {
    if (this.properties[name] === value) return;
    (this.store ?? PropertiesService.getDocumentProperties()).setProperty(name, value);
    this.properties[name] = value;
  }

  static active(): Workbook {
    return new Workbook(SpreadsheetApp.getActiveSpreadsheet());
  }

  find(key: SheetKey): Sheet | undefined {
    return this.entry(key)?.sheet;
  }

  /** Every sheet with its name and id (each read once, on first use). */
  all(): readonly { readonly sheet: Sheet; readonly name: string; readonly id: number }[] {
    return this.sheets;
  }

  /** The sheet's name (read once, on first use). */
  nameOf(key: SheetKey): string | undefined {
    return this.entry(key)?.name;
  }

  /** True when the sheet found for a key is the one we created or adopted (remembered by id). */
  remembered(key: SheetKey): boolean {
    const id = this.ids[key];
    return id !== undefined && this.sheets.some((s) => s.id === id);
  }

  /** Remembers a sheet as ours for a key, so later operations find it whatever its name. */
  remember(key: SheetKey, sheet: Sheet): void {
    const entry = this.sheets.find((s) => s.sheet === sheet) ?? new SheetEntry(sheet);
    if (this.ids[key] === entry.id) return;
    this.ids[key] = entry.id;
    this.setProperty(IDS_PROPERTY, JSON.stringify(this.ids));
  }

  private entry(key: SheetKey) {
    const id = this.ids[key];
    const byId = id === undefined ? undefined : this.sheets.find((s) => s.id === id);
    if (byId) return byId;
    const names = [SHEETS[key].name.en, SHEETS[key].name.fr].map(normalize);
    return this.sheets.find((s) => names.includes(normalize(s.name)));
  }

  /**
   * A name no sheet has yet: "OKRs", else "OKRs (2)", "OKRs (3)"… Each candidate is looked up by
   * name (usually one call) rather than reading every tab's name.
   */
  freeName(base: string): string {
    const taken = (name: string) => this.ss.getSheetByName(name) !== null;
    if (!taken(base)) return base;
    for (let n = 2; ; n++) if (!taken(`${base} (${n})`)) return `${base} (${n})`;
  }

  insert(key: SheetKey | undefined, name: string): Sheet {
    const sheet = this.ss.insertSheet(this.freeName(name));
    const entry = new SheetEntry(sheet);
    this.sheets.push(entry);
    if (key) {
      this.ids[key] = entry.id;
      this.setProperty(IDS_PROPERTY, JSON.stringify(this.ids));
    }
    return sheet;
  }

  /** Every value of a sheet in one call; an empty sheet gives []. */
  read(key: SheetKey): RawCell[][] | undefined {
    const sheet = this.find(key);
    return sheet ? readAll(sheet) : undefined;
  }

  /** The same, with the data range read (to read or write its notes and colours without another call). */
  readRange(key: SheetKey): { range: GoogleAppsScript.Spreadsheet.Range; values: RawCell[][] } | undefined {
    const sheet = this.find(key);
    return sheet ? readDataRange(sheet) : undefined;
  }
}

export function readAll(sheet: Sheet): RawCell[][] {
  return readDataRange(sheet).values;
}

function readDataRange(sheet: Sheet): { range: GoogleAppsScript.Spreadsheet.Range; values: RawCell[][] } {
  const range = sheet.getDataRange();
  const values = range.getValues() as RawCell[][];
  const blank = values.length === 1 && values[0]!.every((v) => v === "");
  return { range, values: blank ? [] : values };
}

function idsFrom(raw: string | undefined): Partial<Record<SheetKey, number>> {
  try {
    const parsed: unknown = raw ? JSON.parse(raw) : {};
    if (!parsed || typeof parsed !== "object") return {};
    const ids: Partial<Record<SheetKey, number>> = {};
    for (const key of Object.keys(SHEETS) as SheetKey[]) {
      const id = (parsed as Record<string, unknown>)[key];
      if (typeof id === "number") ids[key] = id;
    }
    return ids;
  } catch {
    return {};
  }
}
