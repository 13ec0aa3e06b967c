/**
 * The server's side of the worker (worker.ts): starts it, sends it requests, and turns a call that
 * shows an alert into steps the browser can follow (see protocol.ts `Step`).
 *
 * A call runs until it ends or shows a dialog; either way `run` resolves with that step. A dialog
 * stays pending, with a random token, until `answer` delivers the user's button: the answer goes on
 * a MessagePort, a shared flag is raised and `Atomics.notify` wakes the blocked worker; `answer`
 * then resolves with the call's next step. While the worker waits, other requests queue behind it
 * (the worker reads them once the call is over), so nothing runs in the middle of a call.
 */
import { randomUUID } from "node:crypto";
import { MessageChannel, Worker } from "node:worker_threads";
import type { Dialog } from "../gas";
import type { Answer, Effects, ShownUi, State, Step } from "./protocol";
import type { RunOutcome, SessionOptions } from "./session";
import type { WorkerData, WorkerMessage, WorkerRequest } from "./worker";
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

/** How many sidebars and dialogs the host remembers for /ui/<id>. */
const SHOWN_KEPT = 50;

export class PlaygroundHost {
  private readonly worker: Worker;
  private readonly flag: Int32Array;
  private readonly answers: MessageChannel;
  private readonly listeners = new Map<number, (event: Event) => void>();
  private nextId = 1;
  private pendingDialog: Pending | undefined;
  private readonly shownHtml = new Map<number, string>();
  private nextShown = 1;
  private closed = false;
  functions: ReadonlySet<string> = new Set();
  private readonly ready: Promise<void>;

  /** `workerCode` is worker.ts bundled as CommonJS (see assets.ts). */
  constructor(workerCode: string, options: SessionOptions) {
    const signal = new SharedArrayBuffer(4);
    this.flag = new Int32Array(signal);
    this.answers = new MessageChannel();
    const data: WorkerData = { options, signal, answers: this.answers.port2 };
    this.worker = new Worker(workerCode, {
      eval: true,
      workerData: data,
      transferList: [this.answers.port2],
    });
    this.ready = new Promise((resolve, reject) => {
      this.worker.on("message", (message: WorkerMessage) => {
        if (message.type === "ready") {
          this.functions = new Set(message.functions);
          resolve();
        } else if (message.type === "failed") reject(new Error(message.error));
        else this.listeners.get(message.id)?.(message);
      });
      this.worker.on("error", (error) => {
        reject(error);
        this.fail(error.message);
      });
      this.worker.on("exit", (code) => {
        reject(new Error(`The playground worker stopped (${code}).`));
        this.fail(`The playground worker stopped (${code}).`);
      });
    });
  }

  static async start(workerCode: string, options: SessionOptions): Promise<PlaygroundHost> {
    const host = new PlaygroundHost(workerCode, options);
    await host.ready;
    return host;
  }

  private fail(message: string): void {
    for (const listener of [...this.listeners.values()])
      listener({ type: "reply", ok: false, error: message });
    this.listeners.clear();
    this.pendingDialog = undefined;
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

  /** A request that shows no dialog: its value, or its error thrown. */
  async request<T>(request: Exclude<Request, { type: "run" }>): Promise<T> {
    const { event } = this.send(request);
    const reply = await event;
    if (reply.type !== "reply") throw new Error("Unexpected dialog.");
    if (!reply.ok) throw new Error(reply.error);
    return reply.value as T;
  }

  state(sheet?: string): Promise<State> {
    return this.request<State>({ type: "state", sheet });
  }

  snapshot(): Promise<WorkbookData> {
    return this.request<WorkbookData>({ type: "snapshot" });
  }

  /** Replaces the spreadsheet: with an imported workbook, or with the example again (null). */
  async load(data: WorkbookData | null): Promise<void> {
    const { functions } = await this.request<{ functions: string[] }>({ type: "load", data });
    this.functions = new Set(functions);
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

  /** Starts a call of a global function with JSON arguments. */
  async run(name: string, argsJson: string): Promise<Step> {
    const { id, event } = this.send({ type: "run", name, argsJson });
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
    if (!event.ok) throw new Error(event.error);
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
    this.fail("The playground is closed.");
    this.answers.port1.close();
    await this.worker.terminate();
  }
}
