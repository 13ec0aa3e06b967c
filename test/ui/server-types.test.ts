/**
 * The sidebar's calls are typed from the server: these lines must NOT compile (tsc checks each
 * @ts-expect-error), so a misspelled function or a wrong argument is caught before it ships.
 */
import type { callServer, ServerFunction } from "../../src/ui/server-client";

type Call = typeof callServer;

export function neverRun(call: Call): void {
  // @ts-expect-error a misspelled function
  void call("insertDraf", {} as never);
  // @ts-expect-error a menu command, not a call of the sidebar
  void call("setUpTemplate");
  // @ts-expect-error a custom formula
  void call("KRCHECK", "Launch the new website");
  // @ts-expect-error a private function (google.script.run refuses it)
  void call("englishMessages_");
  // @ts-expect-error a wrong argument: the row as text
  void call("moveToKpis", { row: "3", krId: "KR-3" });
  // @ts-expect-error a missing argument
  void call("selectCell");
  // @ts-expect-error an extra key
  void call("selectCell", { sheet: "okrs", a1: "A1", extra: 1 });
  void call("selectCell", { sheet: "okrs", a1: "A1" });
}

const names: ServerFunction[] = ["getWizardContext", "insertDraft", "getFindings"];

describe("typed server calls", () => {
  it("compile only for the sidebar API's functions, with their arguments (checked by tsc)", () => {
    expect(names).toHaveLength(3);
  });
});
