/**
 * The one fake of `google.script.run`, used by the playground's bridge (page/bridge.ts) and the
 * browser tests (test/helpers/browser.ts); each supplies the transport that runs the call. It keeps
 * Google's documented rules (https://developers.google.com/apps-script/guides/html/reference/run):
 * - parameters are primitives, objects and arrays of them; a Date, a function or a DOM element
 *   fails the request, also inside objects or arrays, and so does a circular reference; undefined
 *   in an array becomes null (arguments cross as JSON, which does exactly that);
 * - the call is asynchronous: the success handler receives the return value, the failure handler
 *   an Error with the server's message, each with the `withUserObject` object as second argument,
 *   which never goes to the server; without a failure handler the failure is logged;
 * - each `with…` returns a new runner, so a configured runner can be kept and reused.
 * A form element (legal as the only parameter) is not supported: the add-on never sends one.
 * Browser code: bundled by esbuild for the page, and runs under Node for its own tests.
 */

/** What a transport reports: the return value as JSON, or the server's error message. */
export type Outcome = { ok: true; json: string } | { ok: false; message: string };
export type Transport = (name: string, argsJson: string) => Promise<Outcome>;

type Handler = (value: unknown, userObject?: unknown) => void;

function isDomNode(value: object): boolean {
  const node = value as { nodeType?: unknown; nodeName?: unknown };
  return typeof node.nodeType === "number" && typeof node.nodeName === "string";
}

/** Why a value cannot be sent to the server, or undefined when it can. */
export function illegal(value: unknown, seen: Set<object> = new Set()): string | undefined {
  if (Object.prototype.toString.call(value) === "[object Date]")
    return "Date values cannot be passed to the server";
  if (typeof value === "function" || typeof value === "symbol" || typeof value === "bigint") {
    return `A ${typeof value} cannot be passed to the server`;
  }
  if (value !== null && typeof value === "object") {
    if (isDomNode(value)) return "A DOM element cannot be passed to the server";
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

interface Config {
  success?: Handler | null;
  failure?: Handler | null;
  userObject?: unknown;
}

/** A `google.script.run` whose calls go through `transport`. */
export function scriptRun(transport: Transport, config: Config = {}): unknown {
  return new Proxy(
    {},
    {
      get(_target, prop) {
        if (typeof prop !== "string" || prop === "then") return undefined;
        if (prop === "withSuccessHandler")
          return (success: Handler | null) => scriptRun(transport, { ...config, success });
        if (prop === "withFailureHandler")
          return (failure: Handler | null) => scriptRun(transport, { ...config, failure });
        if (prop === "withUserObject")
          return (userObject: unknown) => scriptRun(transport, { ...config, userObject });
        return (...args: unknown[]): void => {
          const why = illegal(args);
          if (why) throw new Error(why);
          void transport(prop, JSON.stringify(args)).then((outcome) => {
            if (outcome.ok) config.success?.(JSON.parse(outcome.json) as unknown, config.userObject);
            else if (config.failure) config.failure(new Error(outcome.message), config.userObject);
            else if (config.failure === undefined) console.error(outcome.message);
          });
        };
      },
    },
  );
}
