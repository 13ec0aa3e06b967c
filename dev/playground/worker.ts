/**
 * The worker thread that owns the playground's spreadsheet and runs the add-on, one request at a
 * time (Apps Script runs a user's calls one by one too).
 *
 * Alerts and prompts: the bundle's `ui.alert(...)` must return the button synchronously, as in
 * Sheets, where the script waits for the user. So when the add-on shows one, this thread posts it to
 * the server (which hands it to the browser) and blocks in `Atomics.wait` on a shared flag; the
 * server posts the user's answer on a dedicated MessagePort, raises the flag and wakes us, and we
 * read the answer synchronously with `receiveMessageOnPort`. The add-on's call then carries on
 * exactly where it stopped. Only this thread blocks: the server keeps serving.
 */
import { type MessagePort, parentPort, receiveMessageOnPort, workerData } from "node:worker_threads";
import { COMPANY_EXAMPLE, fillCompanyExample } from "../company-example";
import { type Dialog, type DialogAnswer, Drive } from "../gas";
import type { State } from "./protocol";
import { PlaygroundSession, type SessionOptions } from "./session";
import type { WorkbookData } from "./workbook";

export type WorkerRequest =
  | { type: "run"; id: number; name: string; argsJson: string }
  | { type: "edit"; id: number; sheet: string; row: number; column: number; input: string }
  | { type: "select"; id: number; sheet: string; a1?: string }
  | { type: "state"; id: number; sheet?: string }
  | { type: "snapshot"; id: number }
  | { type: "load"; id: number; data: WorkbookData | null }
  | { type: "company"; id: number }
  | { type: "openFile"; id: number; file: string }
  | { type: "allow"; id: number; sheet: string; row: number; column: number };

/** What a restarted worker starts from: the spreadsheet and the add-on's stored properties. */
export interface Checkpoint {
  workbook: WorkbookData;
  properties: {
    document: [string, string][];
    script: [string, string][];
    users: [string, [string, string][]][];
  };
}

/** Sent with every reply and dialog: what the page may draw without asking the (maybe busy) worker. */
export interface Published {
  state: State;
  /** After a call that may have changed something: where a restart would start from. */
  checkpoint?: Checkpoint;
}

export type WorkerMessage =
  | { type: "ready"; functions: string[]; published: Published }
  | { type: "reply"; id: number; ok: true; value: unknown; published?: Published }
  | { type: "reply"; id: number; ok: false; error: string; published?: Published }
  | { type: "dialog"; id: number; dialog: Dialog; published?: Published }
  | { type: "failed"; error: string };

export interface WorkerData {
  options: SessionOptions;
  /** Int32Array flag: 1 once an answer was posted on `answers`. */
  signal: SharedArrayBuffer;
  answers: MessagePort;
  /** Start from here rather than from the example (the worker was restarted). */
  restore?: Checkpoint;
}

const { options, signal, answers, restore } = workerData as WorkerData;
const flag = new Int32Array(signal);
const port = parentPort!;
let current = 0;

function post(message: WorkerMessage): void {
  port.postMessage(message);
}

/** Shows a dialog in the browser and waits, blocking this thread, for the user's answer. */
function ask(dialog: Dialog): DialogAnswer {
  Atomics.store(flag, 0, 0);
  post({ type: "dialog", id: current, dialog, published: publish(false) });
  for (;;) {
    const received = receiveMessageOnPort(answers);
    if (received) return received.message as DialogAnswer;
    // Woken by the server's notify; the timeout only makes sure a missed wake-up cannot hang us.
    Atomics.wait(flag, 0, 0, 1000);
    Atomics.store(flag, 0, 0);
  }
}

function open(data?: WorkbookData): PlaygroundSession {
  const session = new PlaygroundSession(options, data);
  session.respond = ask;
  return session;
}

function checkpoint(): Checkpoint {
  const stores = session.world.properties;
  return {
    workbook: session.snapshot(),
    properties: {
      document: [...stores.document],
      script: [...stores.script],
      users: [...stores.users].map(([user, store]) => [user, [...store]]),
    },
  };
}

function restoreFrom(saved: Checkpoint): PlaygroundSession {
  const restored = open(saved.workbook);
  const stores = restored.world.properties;
  for (const [key, value] of saved.properties.document) stores.document.set(key, value);
  for (const [key, value] of saved.properties.script) stores.script.set(key, value);
  for (const [user, entries] of saved.properties.users) stores.users.set(user, new Map(entries));
  restored.open();
  return restored;
}

/**
 * File › Open the company example: a company spreadsheet and three team spreadsheets on one
 * Drive, side by side; the company's is open. Nothing is connected yet: Allow access is the user's.
 */
let files: Map<string, PlaygroundSession> | undefined;

function openCompanyExample(): PlaygroundSession {
  const drive = new Drive();
  files = new Map();
  for (const { id, name } of COMPANY_EXAMPLE) {
    const file = new PlaygroundSession(options, undefined, { drive, id, name });
    file.respond = ask;
    files.set(id, file);
  }
  const [company, sales, ops, product] = COMPANY_EXAMPLE.map(({ id }) => {
    const file = files!.get(id)!;
    return { spreadsheet: file.world.spreadsheet, run: (name: string) => file.addon.run(name) };
  });
  fillCompanyExample({ company: company!, sales: sales!, ops: ops!, product: product! }, true);
  return files.get(COMPANY_EXAMPLE[0].id)!;
}

/** The spreadsheets side by side, for File › Open… */
function fileList(): { id: string; name: string; active: boolean }[] | undefined {
  if (!files) return undefined;
  return [...files].map(([id, file]) => ({
    id,
    name: file.world.calls.uncounted(() => file.world.spreadsheet.api.getName()),
    active: file === session,
  }));
}

/** A sheet as the page draws it, with the spreadsheets open beside it. */
function stateOf(sheet?: string): State {
  const list = fileList();
  return list ? { ...session.state(sheet), files: list } : session.state(sheet);
}

/** The active sheet as the page draws it, and (after a change) a checkpoint. */
function publish(withCheckpoint: boolean): Published {
  const state = stateOf();
  return withCheckpoint ? { state, checkpoint: checkpoint() } : { state };
}

let session: PlaygroundSession;
try {
  session = restore ? restoreFrom(restore) : open();
  post({ type: "ready", functions: [...session.functions], published: publish(true) });
} catch (error) {
  post({ type: "failed", error: (error as Error)?.stack ?? String(error) });
  throw error;
}

function handle(request: WorkerRequest): unknown {
  switch (request.type) {
    case "run":
      return session.run(request.name, request.argsJson);
    case "edit":
      session.edit(request.sheet, request.row, request.column, request.input);
      return { version: session.version };
    case "select":
      session.select(request.sheet, request.a1);
      return { active: session.active() };
    case "state":
      return stateOf(request.sheet);
    case "snapshot":
      return session.snapshot();
    case "load":
      files = undefined;
      session = open(request.data ?? undefined);
      return { functions: [...session.functions] };
    case "company":
      session = openCompanyExample();
      return { functions: [...session.functions] };
    case "openFile": {
      const file = files?.get(request.file);
      if (!file) throw new Error("No such spreadsheet is open here.");
      session = file;
      session.open();
      return { functions: [...session.functions] };
    }
    case "allow": {
      // Sheets' "Allow access" on a cell whose IMPORTRANGE is not connected yet.
      const sheet = session.world.spreadsheet.sheet(request.sheet);
      const source = sheet && session.engine.result(sheet, request.row, request.column).importFrom;
      if (!source || !session.world.drive) throw new Error("This cell does not ask for access.");
      session.world.drive.allowAccess(session.world.spreadsheet, source);
      return { ok: true };
    }
  }
}

/** Requests after which the page's picture (and, for changes, the checkpoint) is published. */
const CHANGES = new Set(["run", "edit", "load", "company", "openFile", "allow"]);

port.on("message", (request: WorkerRequest) => {
  current = request.id;
  let reply: WorkerMessage;
  try {
    reply = { type: "reply", id: request.id, ok: true, value: handle(request) };
  } catch (error) {
    reply = { type: "reply", id: request.id, ok: false, error: (error as Error)?.message ?? String(error) };
  }
  if (request.type !== "state" && request.type !== "snapshot") {
    try {
      reply.published = publish(CHANGES.has(request.type));
    } catch {
      // The reply still goes out; the page asks for the state again.
    }
  }
  post(reply);
});
