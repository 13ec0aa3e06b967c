import { CallLog, counted } from "./calls";

/** PropertiesService: document, user and script stores, shared by every runtime on the same world. */
export class PropertyStores {
  readonly document = new Map<string, string>();
  readonly script = new Map<string, string>();
  readonly users = new Map<string, Map<string, string>>();
}

function properties(store: Map<string, string>, calls: CallLog): object {
  const api: object = counted(
    {
      getProperty: (key: string) => store.get(key) ?? null,
      setProperty: (key: string, value: string) => {
        store.set(key, String(value));
        return api;
      },
      deleteProperty: (key: string) => {
        store.delete(key);
        return api;
      },
      getProperties: () => Object.fromEntries(store),
      setProperties: (values: Record<string, string>) => {
        for (const [k, v] of Object.entries(values)) store.set(k, String(v));
        return api;
      },
      getKeys: () => [...store.keys()],
    },
    "Properties",
    calls,
  );
  return api;
}

export function createPropertiesService(stores: PropertyStores, user: string, calls: CallLog): object {
  const userStore = stores.users.get(user) ?? new Map<string, string>();
  stores.users.set(user, userStore);
  return counted(
    {
      getDocumentProperties: () => properties(stores.document, calls),
      getScriptProperties: () => properties(stores.script, calls),
      getUserProperties: () => properties(userStore, calls),
    },
    "PropertiesService",
    calls,
  );
}

/**
 * One document lock shared by every runtime on the same world. A test makes another user hold it
 * (`holder = "bob"`) to see what a second writer meets; `onAcquire` lets a test interleave a second
 * writer at the exact moment the first one has the lock.
 */
export class LockState {
  holder: string | undefined;
  onAcquire: ((owner: string) => void) | undefined;
  /**
   * Failures to inject: the next `release` calls of releaseLock and the next `flush` calls of
   * SpreadsheetApp.flush throw, as a service error would. A failed release leaves the lock held.
   */
  readonly failures = { release: 0, flush: 0 };
  /** Every acquisition and release, in order ("ada+", "ada-"), so a test can check pairing. */
  readonly history: string[] = [];
}

export function createLockService(state: LockState, owner: string, calls: CallLog): object {
  const lock = () => {
    let mine = false;
    const acquire = (): boolean => {
      if (state.holder !== undefined && state.holder !== owner) return false;
      state.holder = owner;
      state.history.push(`${owner}+`);
      mine = true;
      state.onAcquire?.(owner);
      return true;
    };
    return counted(
      {
        tryLock: (_timeoutMs: number) => acquire(),
        waitLock: (_timeoutMs: number) => {
          if (!acquire()) throw new Error("Lock timeout: another process was holding the lock for too long.");
        },
        hasLock: () => mine,
        releaseLock: () => {
          if (state.failures.release > 0) {
            state.failures.release--;
            throw new Error("Service error: LockService");
          }
          if (mine && state.holder === owner) {
            state.holder = undefined;
            state.history.push(`${owner}-`);
          }
          mine = false;
        },
      },
      "Lock",
      calls,
    );
  };
  return counted({ getDocumentLock: lock, getScriptLock: lock, getUserLock: lock }, "LockService", calls);
}

export interface SessionOptions {
  locale: string;
  /** "" when Google does not share it (consumer accounts, another Workspace domain). */
  email: string;
  /** Who the user is, whatever Google shares: the temporary key is unique per user. */
  user: string;
  timeZone: string;
}

export function createSession(options: SessionOptions, calls: CallLog): object {
  const user = counted({ getEmail: () => options.email }, "User", calls);
  return counted(
    {
      getActiveUserLocale: () => options.locale,
      getScriptTimeZone: () => options.timeZone,
      getActiveUser: () => user,
      getEffectiveUser: () => user,
      getTemporaryActiveUserKey: () => `key-${options.user}`,
    },
    "Session",
    calls,
  );
}

export const AuthMode = {
  NONE: "NONE",
  LIMITED: "LIMITED",
  FULL: "FULL",
  CUSTOM_FUNCTION: "CUSTOM_FUNCTION",
} as const;

/** ScriptApp: the AuthMode enum and installable triggers, recorded (the add-on creates none today). */
export function createScriptApp(calls: CallLog): object {
  const triggers: { functionName: string }[] = [];
  const builder = (functionName: string) => {
    const trigger = { functionName, getHandlerFunction: () => functionName };
    const chain: Record<string, unknown> = {};
    for (const step of [
      "forSpreadsheet",
      "onOpen",
      "onEdit",
      "onChange",
      "timeBased",
      "everyDays",
      "atHour",
    ]) {
      chain[step] = () => chain;
    }
    chain.create = () => (triggers.push(trigger), trigger);
    return chain;
  };
  return counted(
    {
      AuthMode,
      newTrigger: builder,
      getProjectTriggers: () => [...triggers],
      getUserTriggers: () => [...triggers],
      deleteTrigger: (trigger: object) => void triggers.splice(triggers.indexOf(trigger as never), 1),
    },
    "ScriptApp",
    calls,
  );
}

/**
 * Services that reach outside the spreadsheet. They exist so that a call to them meets the same
 * scope check as in Apps Script; offline there is no network and no mail, so a permitted call
 * fails loudly too rather than pretending to succeed.
 */
export function createOutsideServices(calls: CallLog): Record<string, object> {
  const offline = (what: string) => () => {
    throw new Error(`dev runtime: ${what} is not available offline.`);
  };
  return {
    UrlFetchApp: counted(
      { fetch: offline("UrlFetchApp.fetch"), fetchAll: offline("UrlFetchApp.fetchAll") },
      "UrlFetchApp",
      calls,
    ),
    MailApp: counted(
      { sendEmail: offline("MailApp.sendEmail"), getRemainingDailyQuota: () => 100 },
      "MailApp",
      calls,
    ),
    GmailApp: counted(
      { sendEmail: offline("GmailApp.sendEmail"), createDraft: offline("GmailApp.createDraft") },
      "GmailApp",
      calls,
    ),
  };
}

/** A date's calendar day and time in a time zone, as the runtime's own clock reads them. */
export interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/** The runtime's wall clock, independent of the add-on's (src/core/dates.ts), which tests check against it. */
export function wallClockOf(date: Date, timeZone: string): WallClock {
  let format = formatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-CA", {
      timeZone,
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
      hourCycle: "h23",
    });
    formatters.set(timeZone, format);
  }
  const parts = Object.fromEntries(format.formatToParts(date).map((p) => [p.type, p.value]));
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour),
    minute: Number(parts.minute),
    second: Number(parts.second),
  };
}

const pad = (n: number, width = 2) => String(n).padStart(width, "0");

/** Utilities.formatDate with the Java-style patterns Apps Script uses (the subset we need). */
export function formatDate(date: Date, timeZone: string, pattern: string): string {
  const w = wallClockOf(date, timeZone);
  return pattern
    .replace(/yyyy/g, pad(w.year, 4))
    .replace(/MM/g, pad(w.month))
    .replace(/dd/g, pad(w.day))
    .replace(/HH/g, pad(w.hour))
    .replace(/mm/g, pad(w.minute))
    .replace(/ss/g, pad(w.second));
}

export function createUtilities(calls: CallLog): object {
  return counted({ formatDate }, "Utilities", calls);
}
