/**
 * The google.script.run fake keeps the rules of Google's reference
 * (https://developers.google.com/apps-script/guides/html/reference/run).
 */
import { type Outcome, scriptRun } from "../../dev/script-run";

type Run = Record<string, (...args: unknown[]) => Run & void>;

/** A fake whose server echoes its arguments, or fails with "boom" for `fail`. */
function echo(): { run: Run; sent: string[] } {
  const sent: string[] = [];
  const run = scriptRun(async (name, argsJson): Promise<Outcome> => {
    sent.push(`${name} ${argsJson}`);
    return name === "fail" ? { ok: false, message: "boom" } : { ok: true, json: argsJson };
  }) as Run;
  return { run, sent };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe("google.script.run fake", () => {
  test.each([
    ["a Date", [new Date(0)], /Date/],
    ["a Date inside an object", [{ when: { at: new Date(0) } }], /Date/],
    ["a function", [{ f: () => 1 }], /function/],
    ["a DOM element", [[{ nodeType: 1, nodeName: "DIV" }]], /DOM element/],
  ])("refuses %s before anything reaches the server", (_what, args, message) => {
    const { run, sent } = echo();
    expect(() => run.save!(...args)).toThrow(message);
    expect(sent).toEqual([]);
  });

  test("refuses a circular reference, but not the same object twice", () => {
    const { run, sent } = echo();
    const cycle: Record<string, unknown> = {};
    cycle.self = cycle;
    expect(() => run.save!(cycle)).toThrow(/contains itself/);
    const shared = { a: 1 };
    expect(() => run.save!([shared, shared])).not.toThrow();
    expect(sent).toEqual(['save [[{"a":1},{"a":1}]]']);
  });

  test("the success handler receives a copy of the result and the user object, which stays here", async () => {
    const { run, sent } = echo();
    const seen: unknown[] = [];
    const mine = { row: 3 };
    const args = { value: [1, undefined] };
    run.withSuccessHandler!((value: unknown, user: unknown) => seen.push(value, user)).withUserObject!(mine)
      .load!(args);
    await settle();
    expect(sent).toEqual(['load [{"value":[1,null]}]']);
    expect(seen).toEqual([[{ value: [1, null] }], mine]);
    expect(seen[1]).toBe(mine);
  });

  test("the failure handler receives an Error with the server's message and the user object", async () => {
    const { run } = echo();
    const seen: unknown[] = [];
    const success = jest.fn();
    run.withSuccessHandler!(success).withFailureHandler!((error: unknown, user: unknown) =>
      seen.push(error, user),
    ).withUserObject!("ctx").fail!();
    await settle();
    expect(success).not.toHaveBeenCalled();
    expect(seen[0]).toBeInstanceOf(Error);
    expect((seen[0] as Error).message).toBe("boom");
    expect(seen[1]).toBe("ctx");
  });

  test("each with… returns a new runner; a failure without handler is logged, withFailureHandler(null) silences it", async () => {
    const { run } = echo();
    const first = jest.fn();
    const configured = run.withSuccessHandler!(first);
    run.withSuccessHandler!(jest.fn()).ping!(1);
    configured.ping!(2);
    const log = jest.spyOn(console, "error").mockImplementation(() => undefined);
    run.fail!();
    run.withFailureHandler!(null).fail!();
    await settle();
    expect(first).toHaveBeenCalledTimes(1);
    expect(first).toHaveBeenCalledWith([2], undefined);
    expect(log).toHaveBeenCalledTimes(1);
    log.mockRestore();
  });
});
