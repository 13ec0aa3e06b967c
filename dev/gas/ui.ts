import { CallLog, counted } from "./calls";
import { htmlOutputShown, htmlOutputSize } from "./html";
import type { HtmlOutputApi, MenuApi } from "./types";

export const Button = { OK: "OK", CANCEL: "CANCEL", YES: "YES", NO: "NO", CLOSE: "CLOSE" } as const;
export const ButtonSet = {
  OK: "OK",
  OK_CANCEL: "OK_CANCEL",
  YES_NO: "YES_NO",
  YES_NO_CANCEL: "YES_NO_CANCEL",
} as const;
export type ButtonName = keyof typeof Button;

export interface MenuItem {
  caption: string;
  functionName: string;
}

/** A menu as onOpen built it: `items` holds captions and function names, separators as null. */
export interface RecordedMenu {
  title: string;
  kind: "menu" | "addon";
  items: (MenuItem | RecordedMenu | null)[];
}

export interface Dialog {
  kind: "alert" | "prompt";
  title: string;
  message: string;
  buttons: string;
}

/** What a test answers to the next alert or prompt. */
export interface DialogAnswer {
  button: ButtonName;
  text?: string;
}

export interface Shown {
  kind: "sidebar" | "modal" | "modeless";
  title: string;
  html: string;
  /** The size set with setWidth/setHeight (a sidebar's width is 300 px whatever is asked). */
  width?: number;
  height?: number;
}

class FakeMenu {
  readonly api: MenuApi;
  readonly record: RecordedMenu;
  constructor(ui: FakeUi, title: string, kind: "menu" | "addon") {
    this.record = { title, kind, items: [] };
    this.api = counted<MenuApi>(
      {
        addItem: (caption: string, functionName: string) => {
          this.record.items.push({ caption, functionName });
          return this.api;
        },
        addSeparator: () => {
          this.record.items.push(null);
          return this.api;
        },
        addSubMenu: (menu: MenuApi) => {
          const sub = ui.menuOf(menu);
          this.record.items.push(sub);
          return this.api;
        },
        addToUi: () => {
          ui.menus.push(this.record);
        },
      },
      "Menu",
      ui.calls,
    );
    ui.registerMenu(this.api, this.record);
  }
}

export class FakeUi {
  readonly menus: RecordedMenu[] = [];
  readonly dialogs: Dialog[] = [];
  readonly shown: Shown[] = [];
  /** Answers for the next alerts and prompts, in order; when empty, alerts answer OK and prompts cancel. */
  readonly answers: DialogAnswer[] = [];
  /**
   * Asked for an answer when `answers` is empty, synchronously as Sheets' alert blocks: the
   * playground shows the dialog in the browser and waits for the user's click.
   */
  respond: ((dialog: Dialog) => DialogAnswer) | undefined;
  private readonly menuRecords = new WeakMap<object, RecordedMenu>();
  readonly api: object;

  constructor(readonly calls: CallLog) {
    this.api = counted(
      {
        Button,
        ButtonSet,
        createMenu: (title: string) => new FakeMenu(this, title, "menu").api,
        createAddonMenu: () => new FakeMenu(this, "OKR Sheets", "addon").api,
        alert: (...args: unknown[]) => this.dialog("alert", args).button,
        prompt: (...args: unknown[]) => {
          const answer = this.dialog("prompt", args);
          return {
            getSelectedButton: () => answer.button,
            getResponseText: () => answer.text ?? "",
          };
        },
        showSidebar: (html: HtmlOutputApi) => this.show("sidebar", html, htmlOutputShown(html).title),
        showModalDialog: (html: HtmlOutputApi, title: string) => this.show("modal", html, title),
        showModelessDialog: (html: HtmlOutputApi, title: string) => this.show("modeless", html, title),
      },
      "Ui",
      calls,
    );
  }

  registerMenu(api: MenuApi, record: RecordedMenu): void {
    this.menuRecords.set(api, record);
  }

  menuOf(api: MenuApi): RecordedMenu {
    const record = this.menuRecords.get(api);
    if (!record) throw new Error("Not a menu of this Ui.");
    return record;
  }

  private show(kind: Shown["kind"], html: HtmlOutputApi, title: string): void {
    this.shown.push({ kind, title, html: htmlOutputShown(html).content, ...htmlOutputSize(html) });
  }

  /** alert(prompt), alert(prompt, buttons), alert(title, prompt, buttons): the same overloads as Sheets. */
  private dialog(kind: Dialog["kind"], args: unknown[]): DialogAnswer {
    const strings = args.filter((a) => typeof a === "string" && !(a in ButtonSet)) as string[];
    const buttons = (args.find((a) => typeof a === "string" && a in ButtonSet) as string | undefined) ?? "OK";
    const [title, message] = strings.length >= 2 ? strings : ["", strings[0] ?? ""];
    const dialog: Dialog = { kind, title: title ?? "", message: message ?? "", buttons };
    this.dialogs.push(dialog);
    return this.answers.shift() ?? this.respond?.(dialog) ?? { button: kind === "alert" ? "OK" : "CANCEL" };
  }
}
