/**
 * Marking findings in the sheet: a note with the finding's text and a soft background by severity.
 * Marks are recognisable, so a new run clears only the marks of earlier runs: our notes start with
 * "⚑ " lines (a user's own note below them is kept), and our backgrounds are three exact colours
 * no palette offers. A cell the user coloured keeps its colour and only gets the note.
 */
import type { Severity } from "./findings";

export const MARK_COLORS: Record<Severity, string> = {
  error: "#fdeceb",
  warning: "#fef6df",
  info: "#ebf2fd",
};

const OURS = new Set(Object.values(MARK_COLORS));
const WHITE = "#ffffff";
/** A background cleared (null), not painted white: white would hide banding and the user's theme. */
const CLEARED = null;
export const NOTE_PREFIX = "⚑ ";

export interface Mark {
  /** 0-based indexes in the grids. */
  row: number;
  column: number;
  severity: Severity;
  text: string;
}

/** A user's note without our lines. */
export function stripOurNote(note: string): string {
  if (!note.startsWith(NOTE_PREFIX)) return note;
  const lines = note.split("\n");
  let i = 0;
  while (i < lines.length && lines[i]!.startsWith(NOTE_PREFIX)) i++;
  if (i < lines.length && lines[i] === "") i++;
  return lines.slice(i).join("\n");
}

function isOurColor(color: string): boolean {
  return OURS.has(color.toLowerCase());
}

function isPlain(color: string): boolean {
  const c = color.toLowerCase();
  return c === "" || c === WHITE || c === "#fff" || c === "white";
}

const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/**
 * New notes and backgrounds for a block of cells: earlier marks removed, the new ones added.
 * Returns the grids to write back in one call each, and whether anything changed.
 *
 * @example
 * applyMarks([["⚑ old\n\nmine"]], [["#fdeceb"]], []) //=> { notes: [["mine"]], backgrounds: [[null]], changed: true }
 */
export function applyMarks(
  notes: string[][],
  backgrounds: string[][],
  marks: readonly Mark[],
): { notes: string[][]; backgrounds: (string | null)[][]; changed: boolean } {
  let changed = false;
  const outNotes = notes.map((line) =>
    line.map((note) => {
      const stripped = stripOurNote(String(note ?? ""));
      if (stripped !== note) changed = true;
      return stripped;
    }),
  );
  // Cells we leave alone are written back as null too: Range.getBackgrounds() answers "#ffffff" for
  // a cell without a background, so writing that back would set an explicit white.
  const outBackgrounds = backgrounds.map((line) =>
    line.map((color): string | null => {
      if (isOurColor(String(color ?? ""))) changed = true;
      return isOurColor(String(color ?? "")) || isPlain(String(color ?? "")) ? CLEARED : color;
    }),
  );
  const byCell = new Map<string, Mark[]>();
  for (const mark of marks) {
    if (outNotes[mark.row]?.[mark.column] === undefined) continue;
    const key = `${mark.row},${mark.column}`;
    byCell.set(key, [...(byCell.get(key) ?? []), mark]);
  }
  for (const cellMarks of byCell.values()) {
    cellMarks.sort((a, b) => RANK[a.severity] - RANK[b.severity]);
    const { row, column, severity } = cellMarks[0]!;
    const ours = cellMarks.map((m) => `${NOTE_PREFIX}${m.text.replace(/\n/g, " ")}`).join("\n");
    const user = outNotes[row]![column]!;
    outNotes[row]![column] = user ? `${ours}\n\n${user}` : ours;
    if (outBackgrounds[row]![column] === CLEARED) outBackgrounds[row]![column] = MARK_COLORS[severity];
    changed = true;
  }
  return { notes: outNotes, backgrounds: outBackgrounds, changed };
}

/**
 * The rows a new set of marks changes, first to last (0-based), or undefined when none: Validate
 * writes those rows only, not every row of the data range (which an array formula stretches to
 * the sheet's last row). A row changes when one of its notes does, or when one of its cells loses
 * or gains our colour.
 *
 * @example
 * changedRows([["a"], ["⚑ old"], [""]], [["#ffffff"], ["#fdeceb"], ["#ffffff"]], applyMarks([["a"], ["⚑ old"], [""]], [["#ffffff"], ["#fdeceb"], ["#ffffff"]], []))
 * //=> { first: 1, last: 1 }
 */
export function changedRows(
  notes: string[][],
  backgrounds: string[][],
  after: { notes: string[][]; backgrounds: (string | null)[][] },
): { first: number; last: number } | undefined {
  let first = -1;
  let last = -1;
  for (let r = 0; r < after.notes.length; r++) {
    const noteLine = after.notes[r]!;
    const colorLine = after.backgrounds[r]!;
    let changed = false;
    for (let c = 0; c < noteLine.length && !changed; c++) {
      const color = String(backgrounds[r]?.[c] ?? "");
      // null leaves a plain cell plain, and clears a colour of ours.
      const after = colorLine[c];
      changed =
        noteLine[c] !== String(notes[r]?.[c] ?? "") || (after === null ? isOurColor(color) : after !== color);
    }
    if (!changed) continue;
    if (first < 0) first = r;
    last = r;
  }
  return first < 0 ? undefined : { first, last };
}
