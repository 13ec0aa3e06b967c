/**
 * google.script.run and google.script.host for the add-on's HTML in the playground, injected
 * before its own scripts. Calls keep Apps Script's rules (dev/script-run.ts, shared with the
 * browser tests); the page (main.ts) runs each call, showing any alert the add-on raises, and
 * redraws the grid after it.
 */
import { type Outcome, scriptRun } from "../../script-run";
import type { PlaygroundApi } from "./main";

function playground(): PlaygroundApi | undefined {
  try {
    return (window.parent as unknown as { __okrPlayground?: PlaygroundApi }).__okrPlayground;
  } catch {
    return undefined;
  }
}

/** Without the playground page around (the HTML opened on its own): straight to the server. */
async function direct(name: string, argsJson: string): Promise<Outcome> {
  const post = (path: string, body: string) =>
    fetch(path, { method: "POST", headers: { "Content-Type": "application/json" }, body }).then(
      async (response) => {
        const value = (await response.json()) as Record<string, unknown>;
        if (!response.ok) throw new Error(String(value.error ?? response.statusText));
        return value;
      },
    );
  try {
    let step = await post("/api/run", `{"name":${JSON.stringify(name)},"args":${argsJson}}`);
    while (step.kind === "dialog") {
      const dialog = step.dialog as { title: string; message: string };
      const yes = window.confirm(`${dialog.title}\n\n${dialog.message}`);
      step = await post("/api/answer", JSON.stringify({ token: step.token, button: yes ? "OK" : "CANCEL" }));
    }
    return step.ok
      ? { ok: true, json: JSON.stringify(step.value ?? null) }
      : { ok: false, message: String(step.message) };
  } catch (error) {
    return { ok: false, message: (error as Error).message };
  }
}

const host = {
  close: () => playground()?.close(window),
  setHeight: (height: number) => playground()?.setHeight(window, height),
  setWidth: (width: number) => playground()?.setWidth(window, width),
  editor: { focus: () => window.parent.focus() },
  origin: window.location.origin,
};

const run = scriptRun((name, argsJson) => {
  const page = playground();
  return page ? page.call(name, argsJson) : direct(name, argsJson);
});

(window as unknown as { google: unknown }).google = { script: { run, host } };
