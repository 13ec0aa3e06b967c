/**
 * What the playground is sent to draw for OKR › Practice health, without a browser: the line chart
 * with one series per signal on a 0–1 axis and a gap (null) for a quarter without OKRs, and the heat
 * map's colours as cell backgrounds.
 */
import { readDist } from "../../dev/loader";
import { PlaygroundSession } from "../../dev/playground/session";

it("draws the signals over quarters with a gap, and the heat map's colours", () => {
  const session = new PlaygroundSession({
    code: readDist("Code.js"),
    sidebarHtml: readDist("Sidebar.html"),
    now: "2026-11-15T10:00:00Z",
    timeZone: "Europe/Paris",
    locale: "en",
  });
  // The example quarter is 2026-Q4; one objective typed into 2026-Q2 leaves 2026-Q3 empty.
  const okrs = session.state("OKRs").sheet;
  const next = Math.max(...okrs.cells.map((c) => c.row)) + 1;
  ["2026-Q2", "O-90", "Objective", "Team", "Sales", "", "Open Ghent", "Julien"].forEach((input, i) =>
    session.edit("OKRs", next, i + 1, input),
  );
  expect(session.run("practiceHealth", "[]").ok).toBe(true);
  const view = session.state("Practice health").sheet;
  const [chart] = view.charts;
  expect(chart).toMatchObject({ type: "LINE", title: "Signals over quarters (all teams)", min: 0, max: 1 });
  expect(chart!.labels).toEqual(["2026-Q2", "2026-Q3", "2026-Q4"]);
  expect(chart!.series.map((s) => s.name)).toContain("Check-in regularity");
  for (const series of chart!.series) expect(series.values[1]).toBeNull();
  const heat = view.cells.find((c) => c.text.startsWith("Check-in regularity by team"))!;
  const sales = view.cells.find((c) => c.row > heat.row && c.column === 1 && c.text === "Sales")!;
  const q4 = view.cells.find((c) => c.row === sales.row && c.column === 5)!;
  expect(q4.background).toMatch(/^#[0-9a-f]{6}$/);
});
