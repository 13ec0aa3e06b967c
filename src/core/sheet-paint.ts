/**
 * A laid-out sheet (the review, Practice health) as the four grids one range takes, so the server
 * writes it in four calls whatever its size: number formats, values, backgrounds and weights.
 */

/** What a laid-out cell says about its look: its kind (which number format), colour and weight. */
export interface PaintedCell<Kind extends string> {
  kind: Kind;
  background?: string;
  bold?: boolean;
}

export interface Paint<Value> {
  numberFormats: string[][];
  values: Value[][];
  /** null clears a background. */
  backgrounds: (string | null)[][];
  fontWeights: ("bold" | "normal")[][];
}

/**
 * The grids of a layout; `formats` gives each kind its number format, `valueOf` each cell's value
 * as written.
 *
 * @example
 * paintOf([[{ kind: "score", value: 0.7, bold: true }]], { score: "0.00" }, (c) => c.value).fontWeights //=> [["bold"]]
 */
export function paintOf<Kind extends string, Cell extends PaintedCell<Kind>, Value>(
  cells: readonly (readonly Cell[])[],
  formats: Readonly<Record<Kind, string>>,
  valueOf: (cell: Cell) => Value,
): Paint<Value> {
  return {
    numberFormats: cells.map((line) => line.map((cell) => formats[cell.kind])),
    values: cells.map((line) => line.map(valueOf)),
    backgrounds: cells.map((line) => line.map((cell) => cell.background ?? null)),
    fontWeights: cells.map((line) => line.map((cell) => (cell.bold ? "bold" : "normal"))),
  };
}
