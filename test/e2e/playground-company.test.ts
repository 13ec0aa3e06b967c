/**
 * The playground's company example over HTTP, as the page drives it: File › Open the company
 * example (a company spreadsheet and three team spreadsheets side by side), OKR › Roll up teams,
 * the "not connected" state, Allow access on a Connect cell, and File › Open… a team's spreadsheet.
 */
import { join } from "node:path";
import type { State, Step } from "../../dev/playground/protocol";
import { type Playground, startPlayground } from "../../dev/playground/server";

const ROOT = join(__dirname, "..", "..");

describe("the playground's company example", () => {
  let playground: Playground;

  beforeAll(async () => {
    playground = await startPlayground({
      root: ROOT,
      port: 0,
      now: "2026-11-16T09:00:00Z",
      timeZone: "Europe/Brussels",
    });
  });
  afterAll(async () => {
    await playground?.close();
  });

  async function post<T>(path: string, value: unknown): Promise<T> {
    const response = await fetch(`${playground.url}${path.slice(1)}`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(value),
    });
    expect(response.status).toBe(200);
    return (await response.json()) as T;
  }

  async function state(sheet?: string): Promise<State> {
    const query = sheet ? `?sheet=${encodeURIComponent(sheet)}` : "";
    return (await (await fetch(`${playground.url}api/state${query}`)).json()) as State;
  }

  const cell = (s: State, a1: string) => s.sheet.cells.find((c) => c.a1 === a1);

  it("opens four spreadsheets, rolls up, says who is not connected, and connects with Allow access", async () => {
    await post("/api/company", {});
    let now = await state();
    expect(now.files?.map((f) => [f.name, f.active])).toEqual([
      ["Acme (company)", true],
      ["Sales", false],
      ["Ops", false],
      ["Product", false],
    ]);

    // OKR › Roll up teams: its report is an alert, answered OK.
    const step = await post<Step>("/api/run", { name: "rollUpTeams", args: [] });
    expect(step.kind).toBe("dialog");
    if (step.kind !== "dialog") return;
    expect(step.dialog.message).toContain("3 teams rolled up");
    await post("/api/answer", { token: step.token, button: "OK" });

    now = await state("Company roll-up");
    expect(cell(now, "K2")?.text).toBe("Not connected: click N2 on this sheet and press Allow access.");
    expect(cell(now, "N2")?.error).toMatch(/^You need to connect these sheets/);

    // Allow access on each Connect cell, as a click on it offers.
    for (const row of [2, 3, 4]) await post("/api/allow", { sheet: "Company roll-up", row, column: 14 });
    now = await state("Company roll-up");
    expect(["K2", "K3", "K4"].map((a1) => cell(now, a1)?.text)).toEqual([
      "Connected",
      "Connected",
      "Connected",
    ]);
    // CO-O-1 from Sales (0.75) and Ops (0.4); CO-O-2 from Sales (0.25) and Product (1).
    // Shown with two decimals (0.575 is 0.57499… in binary).
    expect(cell(now, "D2")?.text).toMatch(/^0\.5[78]$/);
    expect(cell(now, "D3")?.text).toBe("0.63");

    // A cell that imports nothing is refused.
    const refused = await fetch(`${playground.url}api/allow`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ sheet: "Company roll-up", row: 2, column: 1 }),
    });
    expect(refused.status).toBeGreaterThanOrEqual(400);

    // File › Open… Sales.
    const sales = now.files!.find((f) => f.name === "Sales")!;
    await post("/api/open", { file: sales.id });
    now = await state("OKRs");
    expect(now.files?.find((f) => f.active)?.name).toBe("Sales");
    expect(now.sheet.cells.some((c) => c.text === "Win Brussels")).toBe(true);
  });
});
