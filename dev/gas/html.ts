import { CallLog, counted } from "./calls";
import type { HtmlOutputApi } from "./types";

const outputOfFacade = new WeakMap<object, FakeHtmlOutput>();

/** What the Ui shows of an HtmlOutput (title, HTML), read without counting a call. */
export function htmlOutputShown(html: HtmlOutputApi): { title: string; content: string } {
  const output = outputOfFacade.get(html);
  return output
    ? { title: output.title, content: output.html }
    : { title: html.getTitle(), content: html.getContent() };
}

/** The size an HtmlOutput was given (setWidth/setHeight), read without counting a call. */
export function htmlOutputSize(html: HtmlOutputApi): { width: number; height: number } | undefined {
  const output = outputOfFacade.get(html);
  return output && { width: output.width, height: output.height };
}

class FakeHtmlOutput {
  title = "";
  width = 300;
  height = 500;
  readonly api: HtmlOutputApi;
  constructor(
    public html: string,
    calls: CallLog,
  ) {
    this.api = counted<HtmlOutputApi>(
      {
        setTitle: (title: string) => {
          this.title = title;
          return this.api;
        },
        getTitle: () => this.title,
        setWidth: (width: number) => {
          this.width = width;
          return this.api;
        },
        getWidth: () => this.width,
        setHeight: (height: number) => {
          this.height = height;
          return this.api;
        },
        getHeight: () => this.height,
        getContent: () => this.html,
        // Appended as given, unescaped, as Google documents it ("only for content from a trusted source").
        append: (content: string) => {
          this.html += content;
          return this.api;
        },
      },
      "HtmlOutput",
      calls,
    );
    outputOfFacade.set(this.api, this);
  }
}

/** HtmlService over the built files: `createHtmlOutputFromFile("Sidebar")` serves dist/Sidebar.html. */
export function createHtmlService(files: Record<string, string>, calls: CallLog): object {
  return counted(
    {
      createHtmlOutputFromFile: (name: string) => {
        const content = files[name];
        if (content === undefined) throw new Error(`No HTML file named ${name} was found.`);
        return new FakeHtmlOutput(content, calls).api;
      },
      createHtmlOutput: (html?: string) => new FakeHtmlOutput(html ?? "", calls).api,
      SandboxMode: { IFRAME: "IFRAME", NATIVE: "NATIVE", EMULATED: "EMULATED" },
      XFrameOptionsMode: { ALLOWALL: "ALLOWALL", DEFAULT: "DEFAULT" },
    },
    "HtmlService",
    calls,
  );
}
