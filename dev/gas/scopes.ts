/**
 * OAuth scopes, as Apps Script enforces them. When a manifest lists `oauthScopes`, Apps Script
 * grants exactly those and no others ("Setting explicit scopes",
 * https://developers.google.com/apps-script/concepts/scopes#setting_explicit_scopes); a method that
 * needs another one fails with "You do not have permission to call …". Without `oauthScopes`,
 * Apps Script detects the scopes from the code, so nothing is refused.
 *
 * The one table of which method needs which scope. Each entry lists the scopes of which any one
 * suffices, as the "Authorization" section of the method's reference page does, and that page; an
 * empty list is a method our code uses whose page has no such section (properties, locks, HTML).
 * Methods not listed run on an object that a listed method had to hand out first (a Sheet, a
 * Range, a Menu built in onOpen).
 */

export const SCOPE = {
  spreadsheets: "https://www.googleapis.com/auth/spreadsheets",
  spreadsheetsReadonly: "https://www.googleapis.com/auth/spreadsheets.readonly",
  spreadsheetsCurrentOnly: "https://www.googleapis.com/auth/spreadsheets.currentonly",
  containerUi: "https://www.googleapis.com/auth/script.container.ui",
  userEmail: "https://www.googleapis.com/auth/userinfo.email",
  scriptApp: "https://www.googleapis.com/auth/script.scriptapp",
  externalRequest: "https://www.googleapis.com/auth/script.external_request",
  sendMail: "https://www.googleapis.com/auth/script.send_mail",
  gmail: "https://mail.google.com/",
} as const;

export interface ScopeRule {
  /** Any one of these is enough; none needed when empty. */
  anyOf: readonly string[];
  /** Google's reference page that lists them. */
  source: string;
}

const REF = "https://developers.google.com/apps-script/reference";
const currentSpreadsheet = [
  SCOPE.spreadsheetsCurrentOnly,
  SCOPE.spreadsheets,
  SCOPE.spreadsheetsReadonly,
] as const;

function rules(
  service: string,
  methods: readonly string[],
  anyOf: readonly string[],
  page: string,
): [string, ScopeRule][] {
  return methods.map((m) => [`${service}.${m}`, { anyOf, source: `${REF}/${page}#${m}` }]);
}

/** "Service.method" → the scopes it needs, with its source. */
export const METHOD_SCOPES: ReadonlyMap<string, ScopeRule> = new Map([
  ...rules("Session", ["getActiveUser", "getEffectiveUser"], [SCOPE.userEmail], "base/session"),
  ...rules(
    "SpreadsheetApp",
    ["getActiveSpreadsheet", "getActive", "getActiveSheet", "getActiveRange", "flush"],
    currentSpreadsheet,
    "spreadsheet/spreadsheet-app",
  ),
  // openById/openByUrl reach any spreadsheet: `spreadsheets.currentonly` is not enough.
  ...rules(
    "SpreadsheetApp",
    ["openById", "openByUrl", "open", "create"],
    [SCOPE.spreadsheets, SCOPE.spreadsheetsReadonly],
    "spreadsheet/spreadsheet-app",
  ),
  ...rules(
    "Ui",
    ["alert", "prompt", "showSidebar", "showModalDialog", "showModelessDialog"],
    [SCOPE.containerUi],
    "base/ui",
  ),
  ...rules(
    "ScriptApp",
    ["newTrigger", "getProjectTriggers", "getUserTriggers", "deleteTrigger"],
    [SCOPE.scriptApp],
    "script/script-app",
  ),
  ...rules("UrlFetchApp", ["fetch", "fetchAll"], [SCOPE.externalRequest], "url-fetch/url-fetch-app"),
  ...rules("MailApp", ["sendEmail", "getRemainingDailyQuota"], [SCOPE.sendMail], "mail/mail-app"),
  ...rules(
    "GmailApp",
    ["sendEmail", "createDraft", "search", "getInboxThreads"],
    [SCOPE.gmail],
    "gmail/gmail-app",
  ),
  // What our code uses that needs no scope. Menus are built in onOpen under AuthMode.NONE, before
  // any authorization (https://developers.google.com/apps-script/guides/menus).
  ...rules("SpreadsheetApp", ["getUi"], [], "spreadsheet/spreadsheet-app"),
  ...rules("Ui", ["createMenu", "createAddonMenu"], [], "base/ui"),
  ...rules(
    "Session",
    ["getActiveUserLocale", "getScriptTimeZone", "getTemporaryActiveUserKey"],
    [],
    "base/session",
  ),
  ...rules(
    "PropertiesService",
    ["getDocumentProperties", "getUserProperties", "getScriptProperties"],
    [],
    "properties/properties-service",
  ),
  ...rules("LockService", ["getDocumentLock", "getScriptLock", "getUserLock"], [], "lock/lock-service"),
  ...rules(
    "HtmlService",
    ["createHtmlOutputFromFile", "createHtmlOutput", "createTemplateFromFile"],
    [],
    "html/html-service",
  ),
  ...rules("Utilities", ["formatDate"], [], "utilities/utilities"),
]);

export interface Manifest {
  oauthScopes?: readonly string[];
}

/** Apps Script's own wording for a call the granted scopes do not cover. */
export function permissionError(method: string, rule: ScopeRule): Error {
  return new Error(`You do not have permission to call ${method}. Required permissions: ${rule.anyOf[0]}`);
}

/** The global services: a method of theirs missing from the table is a gap in the table. */
const SERVICES = new Set([...METHOD_SCOPES.keys()].map((m) => m.slice(0, m.indexOf("."))));

/**
 * Throws as Apps Script does when `method` ("Service.method") needs a scope the manifest lacks, and
 * refuses a global service's method that the table does not know, so that whoever uses a new one
 * looks up its scopes first.
 */
export function authorizer(manifest: Manifest): ((method: string) => void) | undefined {
  const granted = manifest.oauthScopes;
  if (!granted) return undefined;
  return (method) => {
    const rule = METHOD_SCOPES.get(method);
    if (!rule && SERVICES.has(method.slice(0, method.indexOf(".")))) {
      throw new Error(
        `dev runtime: ${method} is not in dev/gas/scopes.ts; add it with its scopes and source.`,
      );
    }
    if (rule && rule.anyOf.length > 0 && !rule.anyOf.some((scope) => granted.includes(scope))) {
      throw permissionError(method, rule);
    }
  };
}
