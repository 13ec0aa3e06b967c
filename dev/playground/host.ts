/**
 * The server's side of the worker (worker.ts): starts it, sends it requests one at a time, and turns
 * a call that shows an alert into steps the browser can follow (see protocol.ts `Step`).
 *
 * A call runs until it ends or shows a dialog; either way `run` resolves with that step. A dialog
 * stays pending, with a random token, until `answer` delivers the user's button: the answer goes on
 * a MessagePort, a shared flag is raised and `Atomics.notify` wakes the blocked worker; `answer`
 * then resolves with the call's next step. Requests queue here, one at a time, so nothing runs in
 * the middle of a call; a queued call whose page has gone away is dropped when its turn comes.
 *
 * Nothing waits on a busy worker to draw the page: with every reply and dialog the worker publishes
 * the active sheet's state, and `state` answers from it while the worker is busy. Every request has
 * a watchdog, as Apps Script has limits (6 min for a script, 30 s for a custom function:
 * https://developers.google.com/apps-script/guides/services/quotas#current_limitations): past it,
 * the worker is ended and started again from the last checkpoint, and `notice` says what happened.
 */
import { randomUUID } from "node:crypto";
import { MessageChannel, Worker } from "node:worker_threads";
import type { Dialog } from "../gas";
import type { Answer, Effects, ShownUi, State, Step } from "./protocol";
import type { RunOutcome, SessionOptions } from "./session";
import type { Checkpoint, Published, WorkerData, WorkerMessage, WorkerRequest } from "./worker";
import type { WorkbookData } from "./workbook";

type Distribute<T> = T extends unknown ? Omit<T, "id"> : never;
type Request = Distribute<WorkerRequest>;
type Event =
  | { type: "dialog"; dialog: Dialog }
  | { type: "reply"; ok: true; value: unknown }
  | { type: "reply"; ok: false; error: string };

interface Pending {
  token: string;
  id: number;
  dialog: Dialog;
}

/** Apps Script's limits, in milliseconds. */
export interface Watchdog {
  /** A call from the menu or google.script.run, alerts included (Apps Script: 6 min). */
  scriptMs: number;
  /** Anything that recalculates formulas: reading the grid, typing a cell (a custom function: 30 s). */
  formulaMs: number;
}

export const APPS_SCRIPT_LIMITS: Watchdog = { scriptMs: 6 * 60_000, formulaMs: 30_000 };

/** Apps Script's own words when a call runs too long. */
export const TIMED_OUT = "Exceeded maximum execution time";

/** What the page should tell the user about the last restart. */
export interface Notice {
  message: string;
  at: string;
}

/** How many sidebars and dialogs the host remembers for /ui/<id>. */
const SHOWN_KEPT = 50;

export class PlaygroundHost {
  private worker!: Worker;
  private flag!: Int32Array;
  private answers!: MessageChannel;
  private readonly listeners = new Map<number, (event: Event) => void>();
  private nextId = 1;
  private pendingDialog: Pending | undefined;
  private readonly shownHtml = new Map<number, string>();
  private nextShown = 1;
  private closed = false;
  functions: ReadonlySet<string> = new Set();
  private ready!: Promise<void>;
  /** The end of the queue: resolves when every request before has finished. */
  private tail: Promise<void> = Promise.resolve();
  private busy = false;
  private watchdogTimer: NodeJS.Timeout | undefined;
  private published: State | undefined;
  private readonly sheets = new Map<string, State>();
  private checkpoint: Checkpoint | undefined;
  notice: Notice | undefined;
  readonly limits: Watchdog;

  /** `workerCode` is worker.ts bundled as CommonJS (see assets.ts). */
  constructor(
    private readonly workerCode: string,
    private readonly options: SessionOptions,
    limits: Partial<Watchdog> = {},
  ) {
    this.limits = { ...APPS_SCRIPT_LIMITS, ...limits };
    this.spawn(undefined);
  }

  static async start(
    workerCode: string,
    options: SessionOptions,
    limits?: Partial<Watchdog>,
  ): Promise<PlaygroundHost> {
    const host = new PlaygroundHost(workerCode, options, limits);
    await host.ready;
    return host;
  }

  private spawn(restore: Checkpoint | undefined): void {
    const signal = new SharedArrayBuffer(4);
    this.flag = new Int32Array(signal);
    this.answers = new MessageChannel();
    // Each custom function stops at the formula limit; the host's watchdog is the backstop.
    const options = { ...this.options, formulaTimeoutMs: this.limits.formulaMs };
    const data: WorkerData = { options, signal, answers: this.answers.port2, restore };
    const worker = new Worker(this.workerCode, {
      eval: true,
      workerData: data,
      transferList: [this.answers.port2],
    });
    this.worker = worker;
    this.ready = new Promise((resolve, reject) => {
      worker.on("message", (message: WorkerMessage) => {
        if (worker !== this.worker) return;
        if ("published" in message && message.published) this.publish(message.published);
        if (message.type === "ready") {
          this.functions = new Set(message.functions);
          resolve();
        } else if (message.type === "failed") reject(new Error(message.error));
        else this.listeners.get(message.id)?.(message);
      });
      worker.on("error", (error) => {
        if (worker !== this.worker) return;
        reject(error);
        this.fail(error.message);
      });
      worker.on("exit", (code) => {
        if (worker !== this.worker) return;
        reject(new Error(`The playground worker stopped (${code}).`));
        this.fail(`The playground worker stopped (${code}).`);
      });
    });
    // A failed start is reported by `start` or by the next request.
    this.ready.catch(() => undefined);
  }

  private publish(published: Published): void {
    if (published.checkpoint) {
      this.checkpoint = published.checkpoint;
      this.sheets.clear();
    }
    this.published = published.state;
    this.sheets.set(published.state.sheet.name, published.state);
  }

  private fail(message: string): void {
    for (const listener of [...this.listeners.values()])
      listener({ type: "reply", ok: false, error: message });
    this.listeners.clear();
    if (this.pendingDialog) this.ended = { token: this.pendingDialog.token, message };
    this.pendingDialog = undefined;
  }

  /** The last dialog whose call was ended before anyone answered, and why. */
  private ended: { token: string; message: string } | undefined;

  /** Why a dialog's answer came too late: its call was ended (the watchdog's words), if it was. */
  endedBecause(token: string): string | undefined {
    return this.ended?.token === token ? this.ended.message : undefined;
  }

  /** Waits for the worker to be free; the returned function frees it. */
  private async acquire(): Promise<() => void> {
    if (this.closed) throw new Error("The playground is closed.");
    let release!: () => void;
    const previous = this.tail;
    this.tail = new Promise<void>((resolve) => (release = resolve));
    await previous;
    if (this.closed) {
      release();
      throw new Error("The playground is closed.");
    }
    this.busy = true;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.busy = false;
      this.stopWatchdog();
      release();
    };
  }

  private startWatchdog(ms: number, release: () => void): void {
    this.stopWatchdog();
    this.watchdogTimer = setTimeout(() => void this.timedOut(release), ms);
    this.watchdogTimer.unref();
  }

  private stopWatchdog(): void {
    if (this.watchdogTimer) clearTimeout(this.watchdogTimer);
    this.watchdogTimer = undefined;
  }

  /** Ends the stuck worker and starts a new one from the last checkpoint. */
  private async timedOut(release: () => void): Promise<void> {
    const stuck = this.worker;
    this.notice = { message: TIMED_OUT, at: new Date().toISOString() };
    this.spawn(this.checkpoint);
    this.fail(TIMED_OUT);
    await stuck.terminate();
    try {
      await this.ready;
    } finally {
      release();
    }
  }

  /** The next event of request `id`: a dialog or its reply. */
  private next(id: number): Promise<Event> {
    if (this.closed) return Promise.reject(new Error("The playground is closed."));
    return new Promise((resolve) => {
      this.listeners.set(id, (event) => {
        this.listeners.delete(id);
        resolve(event);
      });
    });
  }

  private send(request: Request): { id: number; event: Promise<Event> } {
    const id = this.nextId++;
    const event = this.next(id);
    this.worker.postMessage({ ...request, id });
    return { id, event };
  }

  /** A request that shows no dialog, in its turn and under the formula watchdog: its value, or its error thrown. */
  async request<T>(request: Exclude<Request, { type: "run" }>): Promise<T> {
    const release = await this.acquire();
    try {
      // Started before waiting for a (re)started worker, so that a start that hangs is ended too.
      this.startWatchdog(this.limits.formulaMs * 2, release);
      await this.ready;
      const reply = await this.send(request).event;
      if (reply.type !== "reply") throw new Error("Unexpected dialog.");
      if (!reply.ok) throw new Error(reply.error);
      return reply.value as T;
    } finally {
      release();
    }
  }

  /** The state the page draws: while the worker is busy, the last one it published for that sheet. */
  state(sheet?: string): Promise<State> {
    if (this.busy && this.published) {
      const cached = this.sheets.get(sheet ?? this.published.active.sheet);
      if (cached) return Promise.resolve(cached);
      // A call waits on the user: the worker cannot answer, the active sheet is what there is.
      if (this.pendingDialog) return Promise.resolve(this.published);
    }
    return this.request<State>({ type: "state", sheet }).then((state) => {
      this.sheets.set(state.sheet.name, state);
      return state;
    });
  }

  /** The workbook to export: the last checkpoint while the worker is busy. */
  snapshot(): Promise<WorkbookData> {
    if (this.busy && this.checkpoint) return Promise.resolve(this.checkpoint.workbook);
    return this.request<WorkbookData>({ type: "snapshot" });
  }

  /** Replaces the spreadsheet: with an imported workbook, or with the example again (null). */
  async load(data: WorkbookData | null): Promise<void> {
    const { functions } = await this.request<{ functions: string[] }>({ type: "load", data });
    this.functions = new Set(functions);
  }

  /** File › Open the company example; File › Open… one of its spreadsheets. */
  async openCompany(): Promise<void> {
    const { functions } = await this.request<{ functions: string[] }>({ type: "company" });
    this.functions = new Set(functions);
  }

  async openFile(file: string): Promise<void> {
    const { functions } = await this.request<{ functions: string[] }>({ type: "openFile", file });
    this.functions = new Set(functions);
  }

  /** Allow access on a cell whose IMPORTRANGE is not connected yet. */
  allow(sheet: string, row: number, column: number): Promise<unknown> {
    return this.request({ type: "allow", sheet, row, column });
  }

  edit(sheet: string, row: number, column: number, input: string): Promise<{ version: number }> {
    return this.request({ type: "edit", sheet, row, column, input });
  }

  select(sheet: string, a1?: string): Promise<unknown> {
    return this.request({ type: "select", sheet, a1 });
  }

  /** Whether google.script.run (or the menu) may call this name. */
  callable(name: string): boolean {
    return !name.endsWith("_") && this.functions.has(name);
  }

  private running: { id: number; release: () => void } | undefined;

  /**
   * Starts a call of a global function with JSON arguments, in its turn. `gone` tells whether the
   * page that asked has gone away meanwhile: then the call is dropped (undefined).
   */
  async run(name: string, argsJson: string, gone: () => boolean = () => false): Promise<Step | undefined> {
    const release = await this.acquire();
    if (gone()) {
      release();
      return undefined;
    }
    this.startWatchdog(this.limits.scriptMs, release);
    try {
      await this.ready;
    } catch (error) {
      release();
      throw error;
    }
    const { id, event } = this.send({ type: "run", name, argsJson });
    this.running = { id, release };
    return this.step(id, await event);
  }

  /** The dialog waiting for an answer, if any (a reloaded page shows it again). */
  pending(): { token: string; dialog: Dialog } | undefined {
    const pending = this.pendingDialog;
    return pending && { token: pending.token, dialog: pending.dialog };
  }

  /** Delivers the user's answer to the pending dialog; resolves with the call's next step. */
  async answer(token: string, answer: Answer): Promise<Step> {
    const pending = this.pendingDialog;
    if (!pending || pending.token !== token) throw new Error("No dialog is waiting for this answer.");
    this.pendingDialog = undefined;
    const event = this.next(pending.id);
    this.answers.port1.postMessage(answer);
    Atomics.store(this.flag, 0, 1);
    Atomics.notify(this.flag, 0);
    return this.step(pending.id, await event);
  }

  private step(id: number, event: Event): Step {
    if (event.type === "dialog") {
      const token = randomUUID();
      this.pendingDialog = { token, id, dialog: event.dialog };
      return { kind: "dialog", token, dialog: event.dialog };
    }
    if (this.running?.id === id) {
      this.running.release();
      this.running = undefined;
    }
    if (!event.ok) {
      // The worker was ended (watchdog) or stopped: the call failed as Apps Script reports it.
      const active = this.published?.active ?? { sheet: "" };
      const version = this.published?.version ?? 0;
      return {
        kind: "done",
        ok: false,
        message: event.error,
        effects: { version, shown: [], toasts: [], active },
      };
    }
    const outcome = event.value as RunOutcome;
    const effects: Effects = { ...outcome.effects, shown: outcome.effects.shown.map((s) => this.keep(s)) };
    return outcome.ok
      ? { kind: "done", ok: true, value: JSON.parse(outcome.json) as unknown, effects }
      : { kind: "done", ok: false, message: outcome.message, effects };
  }

  private keep(shown: RunOutcome["effects"]["shown"][number]): ShownUi {
    const id = this.nextShown++;
    this.shownHtml.set(id, shown.html);
    for (const old of this.shownHtml.keys()) {
      if (this.shownHtml.size <= SHOWN_KEPT) break;
      this.shownHtml.delete(old);
    }
    return { id, kind: shown.kind, title: shown.title, width: shown.width, height: shown.height };
  }

  /** The HTML of a sidebar or dialog the add-on showed. */
  shown(id: number): string | undefined {
    return this.shownHtml.get(id);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.stopWatchdog();
    this.fail("The playground is closed.");
    this.answers.port1.close();
    await this.worker.terminate();
  }
}
