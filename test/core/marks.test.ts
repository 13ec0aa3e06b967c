import { applyMarks, changedRows } from "../../src/core/marks";

const WHITE = "#ffffff";

/** A column of `n` plain cells without notes, as getNotes and getBackgrounds answer it. */
const plain = (n: number) => ({
  notes: Array.from({ length: n }, () => [""]),
  backgrounds: Array.from({ length: n }, () => [WHITE]),
});

describe("changedRows: the rows Validate writes", () => {
  it("is the rows marked, not the whole range an array formula stretches", () => {
    const { notes, backgrounds } = plain(1000);
    const after = applyMarks(notes, backgrounds, [
      { row: 3, column: 0, severity: "error", text: "Target missing" },
      { row: 7, column: 0, severity: "info", text: "Vague" },
    ]);
    expect(changedRows(notes, backgrounds, after)).toEqual({ first: 3, last: 7 });
  });

  it("takes in the rows whose old marks go, and leaves out marks that stay the same", () => {
    const { notes, backgrounds } = plain(10);
    const first = applyMarks(notes, backgrounds, [{ row: 2, column: 0, severity: "error", text: "A" }]);
    const before = {
      notes: first.notes,
      backgrounds: first.backgrounds.map((l) => l.map((c) => c ?? WHITE)),
    };
    const again = applyMarks(before.notes, before.backgrounds, [
      { row: 2, column: 0, severity: "error", text: "A" },
      { row: 5, column: 0, severity: "warning", text: "B" },
    ]);
    expect(changedRows(before.notes, before.backgrounds, again)).toEqual({ first: 5, last: 5 });
    const cleared = applyMarks(before.notes, before.backgrounds, []);
    expect(changedRows(before.notes, before.backgrounds, cleared)).toEqual({ first: 2, last: 2 });
  });

  it("is nothing when nothing changes, a user's own colour and note included", () => {
    const notes = [["mine"], [""]];
    const backgrounds = [["#123456"], [WHITE]];
    expect(changedRows(notes, backgrounds, applyMarks(notes, backgrounds, []))).toBeUndefined();
  });
});
