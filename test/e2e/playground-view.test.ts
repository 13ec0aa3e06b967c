/**
 * What the playground's page is sent to draw, without a browser: numbers in the spreadsheet's
 * locale, every column of the sheet, and the charts the add-on inserted with their data.
 */
import { readDist } from "../../dev/loader";
import { displayValue, editText } from "../../dev/playground/display";
import { PlaygroundSession } from "../../dev/playground/session";

const NOW = "2026-11-15T10:00:00Z";

function session(locale: string): PlaygroundSession {
  return new PlaygroundSession({
    code: readDist("Code.js"),
    sidebarHtml: readDist("Sidebar.html"),
    now: NOW,
    timeZone: "Europe/Paris",
    locale,
  });
}

describe("numbers as Sheets shows them in the spreadsheet's locale", () => {
  it.each([
    [0.42, "0.00", "0.42", "0,42"],
    [2.4, "", "2.4", "2,4"],
    [1234.5, "#,##0.0", "1,234.5", "1\u202f234,5"],
    [0.425, "0%", "43%", "43%"],
    [0.4251, "0.0%", "42.5%", "42,5%"],
    [-3, "0.00", "-3.00", "-3,00"],
  ])("%p with format %p: %p in English, %p in French", (value, format, english, french) => {
    expect(displayValue(value, format, "UTC", "en_US").text).toBe(english);
    expect(displayValue(value, format, "UTC", "fr_FR").text).toBe(french);
  });

  it("puts a decimal comma in the French formula bar too, which reads back as the same number", () => {
    expect(editText(2.4, "", "", "UTC", "fr_FR")).toBe("2,4");
    expect(editText(2.4, "", "", "UTC", "en_US")).toBe("2.4");
  });

  it("sends the French grid with decimal commas, and types them back as numbers", () => {
    const fr = session("fr");
    const okrs = fr.state().sheet;
    const score = okrs.cells.find((c) => c.a1 === "Q4");
    expect(score?.text).toBe("0,50");
    fr.edit(okrs.name, 4, 14, "2,5");
    expect(fr.world.spreadsheet.sheet(okrs.name)!.peek(4, 14)?.value).toBe(2.5);
  });
});

describe("the grid and charts the page draws", () => {
  it("draws every column the sheet has, not only those with data", () => {
    const en = session("en");
    const sheet = en.world.spreadsheet.sheet("OKRs")!;
    expect(en.state("OKRs").sheet.columns).toBe(sheet.maxColumns);
    sheet.maxColumns = 40;
    expect(en.state("OKRs").sheet.columns).toBe(40);
    expect(en.state("OKRs").sheet.widths).toHaveLength(40);
  });

  it("sends the review's bar chart with its labels, scores and axis, beside its data", () => {
    const en = session("en");
    const run = en.run("generateReview", JSON.stringify([{ team: "" }]));
    expect(run.ok).toBe(true);
    const view = en.state("Review 2026-Q4").sheet;
    expect(view.charts).toEqual([
      {
        type: "BAR",
        title: "Objective scores",
        row: expect.any(Number),
        column: 4,
        labels: [
          "Become the parking app drivers recommend",
          "Win the Brussels market",
          "Make booking effortless",
        ],
        series: [
          { name: "Objective scores", values: [expect.closeTo(0.42, 2), 0.5, expect.closeTo(0.33, 2)] },
        ],
        min: 0,
        max: 1,
      },
    ]);
    const [chart] = view.charts;
    expect(view.cells.find((c) => c.row === chart!.row && c.column === 1)?.text).toBe("Chart data");
  });
});
