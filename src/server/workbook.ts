/**
 * Finding our sheets robustly and reading them in one batch each. A sheet is found by the id
 * remembered when it was created (so a renamed tab still works), else by its name in English or
 * French; a sheet that was deleted is simply missing.
 *
 * Each sheet's id and name are read when first needed, then kept: every service call costs a
 * round trip, and reading both for every tab up front was a quarter of an operation's calls.
 */
import type { RawCell } from "../core/cells";
import type { SheetKey } from "../core/schema";
import { freeSheetName, isSheetName, sheetIdsFrom as idsFrom } from "../core/sheet-names";
import { timeZoneOf } from "./clock";

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
const IDS_PROPERTY = "okr.sheetIds";

/** A tab of the spreadsheet, its id and name read on first use. */
class SheetEntry {
  constructor(
    readonly sheet: Sheet,
    private knownId?: number,
    private knownName?: string,
  ) {}

  get id(): number {
    return (this.knownId ??= this.sheet.getSheetId());
  }

  get name(): string {
    return (this.knownName ??= this.sheet.getName());
  }

  /** The name when already read, without a call. */
  get nameIfKnown(): string | undefined {
    return this.knownName;
  }
}

type Properties = GoogleAppsScript.Properties.Properties;

/** The workbook of the operation running now (see `Workbook.within`). */
let current: Workbook | undefined;

export class Workbook {
  readonly timeZone: string;
  private knownSheets: SheetEntry[] | undefined;
  private ids: Partial<Record<SheetKey, number>>;
  /** The document properties, read in one call when the workbook is opened. */
  private readonly store: Properties | undefined;
  private properties: Record<string, string>;

  constructor(readonly ss: GoogleAppsScript.Spreadsheet.Spreadsheet) {
    this.timeZone = timeZoneOf(ss);
    try {
      this.store = PropertiesService.getDocumentProperties();
      this.properties = { ...this.store.getProperties() };
    } catch {
      this.store = undefined;
      this.properties = {};
    }
    this.ids = idsFrom(this.properties[IDS_PROPERTY]);
  }

  /** The tabs, listed on first use (an operation that finds no sheet does not pay for it). */
  private get sheets(): SheetEntry[] {
    return (this.knownSheets ??= this.ss.getSheets().map((sheet) => new SheetEntry(sheet)));
  }

  /**
   * Runs an operation with one workbook: every `Workbook.active()` inside it answers the same one,
   * so the spreadsheet, its time zone, tabs and document properties are read once per operation
   * rather than once per step (each is a round trip).
   */
  static within<T>(run: (wb: Workbook) => T): T {
    const outer = current;
    const wb = outer ?? new Workbook(SpreadsheetApp.getActiveSpreadsheet());
    current = wb;
    try {
      return run(wb);
    } finally {
      current = outer;
      wb.saveIds();
    }
  }

  /** Set when a sheet was created or adopted: the ids are written once, not once per sheet. */
  private idsToSave = false;

  /** Writes the remembered sheet ids when they changed (one call for a set-up's five sheets). */
  saveIds(): void {
    if (!this.idsToSave) return;
    this.idsToSave = false;
    try {
      this.setProperty(IDS_PROPERTY, JSON.stringify(this.ids));
    } catch {
      // Never fails the operation: our sheets are still found by their names.
    }
  }

  /** Before the document lock is released: what this operation remembered is written under it. */
  static lockReleasing(): void {
    current?.saveIds();
  }

  /**
   * The document properties again (one call), as another user's operation may have changed them
   * while this one waited for the lock; the tabs too when that operation created or adopted a sheet
   * (the remembered ids changed).
   */
  private refresh(): void {
    if (!this.store) return;
    let fresh: Record<string, string>;
    try {
      fresh = { ...this.store.getProperties() };
    } catch {
      return;
    }
    const idsChanged = fresh[IDS_PROPERTY] !== this.properties[IDS_PROPERTY];
    this.properties = fresh;
    if (idsChanged) {
      this.ids = idsFrom(fresh[IDS_PROPERTY]);
      this.knownSheets = undefined;
      this.found.clear();
    }
  }

  /** Set when the document lock is taken: what was read before it is read again on first use. */
  private stale = false;

  private fresh(): void {
    if (!this.stale) return;
    this.stale = false;
    this.refresh();
  }

  /**
   * Once the document lock is held, the running operation's workbook reads its properties again
   * before their next use, and its tabs when a sheet is missing; an operation that uses neither
   * (the sheets it reads are found by their remembered ids) pays nothing.
   */
  static lockTaken(): void {
    if (current) current.stale = true;
  }

  /** A document property (read once, and again after the lock is taken). */
  property(name: string): string | undefined {
    this.fresh();
    return this.properties[name];
  }

  /** Writes a document property, unless it already holds that value. */
  setProperty(name: string, value: string): void {
    this.fresh();
    if (this.properties[name] === value) return;
    (this.store ?? PropertiesService.getDocumentProperties()).setProperty(name, value);
    this.properties[name] = value;
  }

  /** The spreadsheet's ID, read once. */
  get id(): string {
    return (this.knownId ??= this.ss.getId());
  }
  private knownId: string | undefined;

  /** The spreadsheet's ID: the running operation's (read once), else asked now. */
  static spreadsheetId(): string {
    return current ? current.id : SpreadsheetApp.getActiveSpreadsheet().getId();
  }

  /** The running operation's workbook, else the active spreadsheet's, opened now. */
  static active(): Workbook {
    return current ?? new Workbook(SpreadsheetApp.getActiveSpreadsheet());
  }

  find(key: SheetKey): Sheet | undefined {
    return this.entry(key)?.sheet;
  }

  /** Every sheet with its name and id (each read once, on first use). */
  all(): readonly { readonly sheet: Sheet; readonly name: string; readonly id: number }[] {
    return this.sheets;
  }

  /** The sheet's tab, its name and ID (each read once, on first use). */
  tabOf(key: SheetKey): { name: string; id: number } | undefined {
    const entry = this.entry(key);
    return entry && { name: entry.name, id: entry.id };
  }

  /** The sheet's name (read once, on first use). */
  nameOf(key: SheetKey): string | undefined {
    return this.entry(key)?.name;
  }

  /** True when the sheet found for a key is the one we created or adopted (remembered by id). */
  remembered(key: SheetKey): boolean {
    this.entry(key);
    return this.found.get(key)?.byId === true;
  }

  /** The id remembered for a key's sheet, when it was found by it or made ours (no call). */
  idOf(key: SheetKey): number | undefined {
    return this.remembered(key) ? this.ids[key] : undefined;
  }

  /** Remembers a sheet as ours for a key, so later operations find it whatever its name. */
  remember(key: SheetKey, sheet: Sheet): void {
    this.fresh();
    const known = [...[...this.found.values()].map((f) => f.entry), ...(this.knownSheets ?? [])];
    this.adopt(key, known.find((e) => e?.sheet === sheet) ?? new SheetEntry(sheet));
  }

  /** The sheet found for a key from now on, its id remembered (written once, see saveIds). */
  private adopt(key: SheetKey, entry: SheetEntry): void {
    this.found.set(key, { entry, byId: true });
    if (this.ids[key] === entry.id) return;
    this.ids[key] = entry.id;
    this.idsToSave = true;
  }

  /** The sheets found so far, by key: each is looked up once per operation. */
  private readonly found = new Map<SheetKey, { entry: SheetEntry | undefined; byId: boolean }>();

  private entry(key: SheetKey): SheetEntry | undefined {
    let found = this.found.get(key);
    if (!found) {
      found = this.lookUp(key);
      this.found.set(key, found);
    }
    return found.entry;
  }

  /**
   * By the remembered id in one call (Spreadsheet.getSheetById answers null for a deleted sheet:
   * https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet#getSheetById(Integer)),
   * else by name among the tabs.
   */
  private lookUp(key: SheetKey): { entry: SheetEntry | undefined; byId: boolean } {
    const found = this.lookUpNow(key);
    if (found.byId || !this.stale) return found;
    // Not found by id: another user's operation may have created it while this one waited.
    this.fresh();
    return this.lookUpNow(key);
  }

  private lookUpNow(key: SheetKey): { entry: SheetEntry | undefined; byId: boolean } {
    const id = this.ids[key];
    const byId = id === undefined ? null : this.ss.getSheetById(id);
    if (byId) return { entry: new SheetEntry(byId, id), byId: true };
    return { entry: this.sheets.find((s) => isSheetName(key, s.name)), byId: false };
  }

  /**
   * A name no sheet has yet: "OKRs", else "OKRs (2)", "OKRs (3)"… Each candidate is looked up by
   * name (usually one call) rather than reading every tab's name.
   */
  freeName(base: string): string {
    // When every tab's name has been read already (finding our sheets by name does), no call:
    // Sheets refuses a name another tab has in any case.
    const names = this.knownSheets?.map((s) => s.nameIfKnown?.toLowerCase());
    const taken =
      names && !names.includes(undefined)
        ? (name: string) => names.includes(name.toLowerCase())
        : (name: string) => this.ss.getSheetByName(name) !== null;
    return freeSheetName(base, taken);
  }

  /** A new sheet under a free name (`name` itself when the caller already checked it is free). */
  insert(key: SheetKey | undefined, name: string, nameIsFree = false): Sheet {
    const free = nameIsFree ? name : this.freeName(name);
    if (key) this.fresh();
    const sheet = this.ss.insertSheet(free);
    const entry = new SheetEntry(sheet, undefined, free);
    this.knownSheets?.push(entry);
    if (key) this.adopt(key, entry);
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
