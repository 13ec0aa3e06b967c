import { CallLog, counted, LOCAL_BUILDERS } from "./calls";
import { createHtmlService } from "./html";
import {
  FakeConditionalFormatRuleBuilder,
  FakeDataValidationBuilder,
  FakeSpreadsheet,
  type FormulaEvaluator,
} from "./spreadsheet";
import {
  createOutsideServices,
  LockState,
  PropertyStores,
  createLockService,
  createPropertiesService,
  createScriptApp,
  createSession,
  createUtilities,
} from "./services";
import { FakeUi } from "./ui";
import { authorizer, type Manifest } from "./scopes";
import repoManifest from "../../appsscript.json";
import type { Drive } from "./drive";

export { CallLog } from "./calls";
export type { RecordedMenu, MenuItem, Dialog, DialogAnswer, Shown } from "./ui";
export { FakeSpreadsheet, FakeSheet, FakeRange } from "./spreadsheet";
export { Drive, IMPORT_MESSAGES, spreadsheetIdOf } from "./drive";
export type { Cell, FormulaEvaluator, SpillLookup } from "./spreadsheet";
export { isDate, interpretInput } from "./input";
export { METHOD_SCOPES, SCOPE, type Manifest } from "./scopes";
export type { CellValue } from "./input";

/**
 * What several users share: one spreadsheet, its document properties and its document lock.
 * Each user gets a Runtime of their own on the same World.
 */
export class World {
  readonly calls = new CallLog();
  readonly spreadsheet: FakeSpreadsheet;
  readonly properties = new PropertyStores();
  readonly lock = new LockState();
  /** The Drive the spreadsheet sits on beside others, if any (IMPORTRANGE). */
  readonly drive: Drive | undefined;

  constructor(
    options: {
      timeZone?: string;
      locale?: string;
      evaluator?: FormulaEvaluator;
      spreadsheetId?: string;
      /** The spreadsheet's name (getName). */
      name?: string;
      /** Puts the spreadsheet on a Drive beside others, for IMPORTRANGE between them. */
      drive?: Drive;
    } = {},
  ) {
    this.spreadsheet = new FakeSpreadsheet({
      calls: this.calls,
      id: options.spreadsheetId,
      name: options.name,
      timeZone: options.timeZone,
      locale: options.locale,
    });
    this.spreadsheet.evaluator = options.evaluator;
    this.drive = options.drive;
    options.drive?.add(this.spreadsheet);
  }
}

export interface RuntimeOptions {
  world?: World;
  /** The user's locale as Session.getActiveUserLocale() returns it, e.g. "en" or "fr". */
  locale?: string;
  /**
   * The spreadsheet's locale as Spreadsheet.getSpreadsheetLocale() returns it (custom formulas read
   * it, since they cannot use Session), e.g. "fr_BE". Defaults to the user's locale. Ignored with
   * `world`, whose spreadsheet has its own.
   */
  spreadsheetLocale?: string;
  /** The spreadsheet's ID (getId). Ignored with `world`. */
  spreadsheetId?: string;
  /** What Session.getActiveUser().getEmail() answers; "" as Google does across domains. */
  email?: string;
  /**
   * Who the user is, for per-user stores and the lock, when `email` is "" (Google hides the email
   * but the user is still one person). Defaults to `email`.
   */
  user?: string;
  /** The script's manifest: its `oauthScopes` are enforced. Defaults to the repository's appsscript.json. */
  manifest?: Manifest;
  timeZone?: string;
  /** Built HTML files served by HtmlService.createHtmlOutputFromFile, by name without extension. */
  files?: Record<string, string>;
}

export interface Runtime {
  world: World;
  calls: CallLog;
  spreadsheet: FakeSpreadsheet;
  ui: FakeUi;
  /** The Apps Script globals to put in the bundle's context. */
  globals: Record<string, unknown>;
}

export function createRuntime(options: RuntimeOptions = {}): Runtime {
  const world =
    options.world ??
    new World({
      timeZone: options.timeZone,
      locale: options.spreadsheetLocale ?? options.locale,
      spreadsheetId: options.spreadsheetId,
    });
  const { calls, spreadsheet } = world;
  const email = options.email ?? "ada@example.com";
  const user = options.user ?? (email || "anonymous");
  calls.authorize = authorizer(options.manifest ?? (repoManifest as Manifest));
  const timeZone = options.timeZone ?? "Europe/Brussels";
  const ui = new FakeUi(calls);
  const SpreadsheetApp = counted(
    {
      getActiveSpreadsheet: () => spreadsheet.api,
      getActive: () => spreadsheet.api,
      openById: (id: string) => openSpreadsheet(spreadsheet, id),
      openByUrl: (url: string) => openSpreadsheet(spreadsheet, /\/d\/([^/]+)/.exec(url)?.[1] ?? ""),
      getUi: () => ui.api,
      flush: () => {
        if (world.lock.failures.flush > 0) {
          world.lock.failures.flush--;
          throw new Error("Service Spreadsheets failed while accessing document.");
        }
      },
      newDataValidation: () => new FakeDataValidationBuilder(),
      newConditionalFormatRule: () => new FakeConditionalFormatRuleBuilder(),
      ProtectionType: { RANGE: "RANGE", SHEET: "SHEET" },
      DataValidationCriteria: {
        VALUE_IN_LIST: "VALUE_IN_LIST",
        NUMBER_BETWEEN: "NUMBER_BETWEEN",
        DATE_IS_VALID_DATE: "DATE_IS_VALID_DATE",
        CUSTOM_FORMULA: "CUSTOM_FORMULA",
      },
    },
    "SpreadsheetApp",
    calls,
    LOCAL_BUILDERS,
  );
  const globals: Record<string, unknown> = {
    SpreadsheetApp,
    HtmlService: createHtmlService(options.files ?? {}, calls),
    PropertiesService: createPropertiesService(world.properties, user, calls),
    LockService: createLockService(world.lock, user, calls),
    Session: createSession({ locale: options.locale ?? "en", email, user, timeZone }, calls),
    ScriptApp: createScriptApp(calls),
    ...createOutsideServices(calls),
    Charts: { ChartType: { BAR: "BAR", COLUMN: "COLUMN", LINE: "LINE", PIE: "PIE" } },
    Utilities: createUtilities(calls),
    Logger: { log: () => undefined },
  };
  return { world, calls, spreadsheet, ui, globals };
}

/** Only this spreadsheet exists offline; its id or URL opens it, anything else is not found. */
function openSpreadsheet(spreadsheet: FakeSpreadsheet, id: string): object {
  if (id !== spreadsheet.api.getId())
    throw new Error(
      `Unexpected error while getting the method or property openById on object SpreadsheetApp.`,
    );
  return spreadsheet.api;
}
