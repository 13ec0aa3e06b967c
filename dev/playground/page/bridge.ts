/**
 * google.script.run and google.script.host for the add-on's HTML in the playground, injected
 * before its own scripts. Calls behave as in Apps Script: arguments cross as JSON (a Date, a
 * function or a cycle is refused on the spot), the success handler receives the JSON result, the
 * failure handler an Error with the server's message, each with the optional user object. The page
 * (main.ts) runs the call, showing any alert the add-on raises, and redraws the grid after it.
 */
import type { PlaygroundApi } from "./main";

type Handler = (value: unknown, userObject?: unknown) => void;
type Outcome = { ok: true; json: string } | { ok: false; message: string };

function playground(): PlaygroundApi | undefined {
  try {
    return (window.parent as unknown as { __okrPlayground?: PlaygroundApi }).__okrPlayground;
  } catch {
    return undefined;
  }
}

/** Why a value cannot be sent to the server, or undefined when it can. */
function illegal(value: unknown, seen: Set<object> = new Set()): string | undefined {
  if (Object.prototype.toString.call(value) === "[object Date]")
    return "Date values cannot be passed to the server";
  if (typeof value === "function" || typeof value === "symbol" || typeof value === "bigint") {
    return `A ${typeof value} cannot be passed to the server`;
  }
  if (value !== null && typeof value === "object") {
    if (seen.has(value)) return "A value that contains itself cannot be passed to the server";
    seen.add(value);
    for (const item of Object.values(value)) {
      const why = illegal(item, seen);
      if (why) return why;
    }
    seen.delete(value);
  }
  return undefined;
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

function runner(success?: Handler, failure?: Handler, userObject?: unknown): unknown {
  return new Proxy(
    {},
    {
      get(_target, prop) {
        if (typeof prop !== "string") return undefined;
        if (prop === "withSuccessHandler") return (handler: Handler) => runner(handler, failure, userObject);
        if (prop === "withFailureHandler") return (handler: Handler) => runner(success, handler, userObject);
        if (prop === "withUserObject") return (object: unknown) => runner(success, failure, object);
        return (...args: unknown[]) => {
          const why = illegal(args);
          if (why) throw new Error(why);
          const argsJson = JSON.stringify(args);
          const page = playground();
          void (page ? page.call(prop, argsJson) : direct(prop, argsJson)).then((outcome) => {
            if (outcome.ok) success?.(JSON.parse(outcome.json) as unknown, userObject);
            else failure?.(new Error(outcome.message), userObject);
          });
        };
      },
    },
  );
}

const host = {
  close: () => playground()?.close(window),
  setHeight: (height: number) => playground()?.setHeight(window, height),
  setWidth: (width: number) => playground()?.setWidth(window, width),
  editor: { focus: () => window.parent.focus() },
  origin: window.location.origin,
};

(window as unknown as { google: unknown }).google = { script: { run: runner(), host } };
