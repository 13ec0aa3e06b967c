import { columnLetter, columnNumber } from "./a1";

/**
 * Formula references after row operations, as Sheets rewrites them: inserting rows shifts the
 * references at or below the insertion point (a range grows when rows are inserted inside it, but
 * `B2:B` becomes `B3:B` when rows are inserted above row 2); deleting rows shrinks ranges, and a
 * reference to a deleted cell (or a range deleted whole) becomes #REF!; moving rows takes the
 * references to the moved cells along. Open ends (`B2:B`, `$A:$C`) stay open.
 */

/** Where an old row lands: its new row, or undefined when it was deleted. */
export type RowMap = (row: number) => number | undefined;

export interface RowChange {
  /** A single cell's row. */
  cell: RowMap;
  /** A range's first and last row (both maps may differ from `cell` where a range grows or shrinks). */
  top: RowMap;
  bottom: RowMap;
}

/** Rows inserted before `at` (the new rows are at..at+count-1). */
export function insertion(at: number, count: number): RowChange {
  const shift = (row: number) => (row >= at ? row + count : row);
  return { cell: shift, top: shift, bottom: shift };
}

/** Rows from..from+count-1 deleted. */
export function deletion(from: number, count: number): RowChange {
  const last = from + count - 1;
  return {
    cell: (row) => (row < from ? row : row > last ? row - count : undefined),
    top: (row) => (row < from ? row : row > last ? row - count : from),
    bottom: (row) => (row < from ? row : row > last ? row - count : from - 1),
  };
}

/** A permutation of rows (moveRows): each old row's new row. */
export function permutation(map: (row: number) => number): RowChange {
  return { cell: map, top: map, bottom: map };
}

const REFERENCE =
  /(?<![\w$.'!])((?:'(?:[^']|'')+'|[A-Za-z_][\w.]*)!)?(\$?[A-Za-z]{1,3})(\$?)(\d+)(?::(\$?[A-Za-z]{1,3})(\$?)(\d+)?)?(?![\w(!])/g;

/**
 * Rewrites the references of a formula that point at the changed sheet. `own` says whether the
 * formula lives on that sheet (its references without a sheet name point there); `named` whether a
 * sheet name in the formula is the changed sheet's.
 */
export function shiftReferences(
  formula: string,
  own: boolean,
  named: (name: string) => boolean,
  change: RowChange,
): string {
  // String literals are left alone: split on them and rewrite only what lies between.
  return formula
    .split(/("(?:[^"]|"")*")/)
    .map((part, i) =>
      i % 2 === 1
        ? part
        : part.replace(
            REFERENCE,
            (
              whole,
              prefix: string | undefined,
              c1: string,
              d1: string,
              r1: string,
              c2?: string,
              d2?: string,
              r2?: string,
            ) => {
              const sheet = prefix
                ? prefix
                    .slice(0, -1)
                    .replace(/^'(.*)'$/, "$1")
                    .replace(/''/g, "'")
                : undefined;
              if (sheet === undefined ? !own : !named(sheet)) return whole;
              const head = prefix ?? "";
              if (c2 === undefined) {
                const row = change.cell(Number(r1));
                return row === undefined ? "#REF!" : `${head}${c1}${d1}${row}`;
              }
              const top = change.top(Number(r1));
              if (r2 === undefined) return top === undefined ? "#REF!" : `${head}${c1}${d1}${top}:${c2}`;
              const bottom = change.bottom(Number(r2));
              if (top === undefined || bottom === undefined || bottom < top) return "#REF!";
              return `${head}${c1}${d1}${top}:${c2}${d2 ?? ""}${bottom}`;
            },
          ),
    )
    .join("");
}

/** A sheet name as formulas write it: always quoted, quotes doubled. */
const quoted = (name: string) => `'${name.replace(/'/g, "''")}'`;

/**
 * Renames a sheet in a formula's references, as Sheets does when a tab is renamed: both
 * `'Old name'!A1` and `Old!A1` follow (the new name quoted). String literals are left alone.
 */
export function renameInFormula(formula: string, from: string, to: string): string {
  return formula
    .split(/("(?:[^"]|"")*")/)
    .map((part, i) =>
      i % 2 === 1
        ? part
        : part.replace(/(?<![\w$.'])('(?:[^']|'')+'|[A-Za-z_][\w.]*)!/g, (whole, prefix: string) => {
            const name = prefix.replace(/^'(.*)'$/, "$1").replace(/''/g, "'");
            return name === from ? `${quoted(to)}!` : whole;
          }),
    )
    .join("");
}

/**
 * A cell reference, a range (`B2:C5`, open-ended `B2:B`), a whole-column range (`A:C`) or a
 * whole-row range (`2:4`), with an optional sheet prefix; `$` marks an absolute part.
 */
const FILL_REFERENCE =
  /(?<![\w$.'!])((?:'(?:[^']|'')+'|[A-Za-z_][\w.]*)!)?(?:(\$?)([A-Za-z]{1,3})(\$?)(\d+)(?::(\$?)([A-Za-z]{1,3})(?:(\$?)(\d+))?)?|(\$?)([A-Za-z]{1,3}):(\$?)([A-Za-z]{1,3})|(\$?)(\d+):(\$?)(\d+))(?![\w(!:])/g;

/**
 * The formula Sheets writes in the cell `rows` below and `columns` right of the one it was given
 * for, as when a formula is filled or `Range.setFormula` is given a range of several cells: every
 * relative part of a reference moves by that offset, `$` parts stay, and a reference moved off the
 * sheet's top or left edge becomes #REF!. String literals are left alone.
 */
export function fillFormula(formula: string, rows: number, columns: number): string {
  if (rows === 0 && columns === 0) return formula;
  const column = (absolute: string, letters: string): string | undefined => {
    if (absolute) return `$${letters}`;
    const n = columnNumber(letters) + columns;
    return n < 1 ? undefined : columnLetter(n);
  };
  const row = (absolute: string, digits: string): string | undefined => {
    if (absolute) return `$${digits}`;
    const n = Number(digits) + rows;
    return n < 1 ? undefined : String(n);
  };
  const joined = (parts: (string | undefined)[]): string =>
    parts.some((p) => p === undefined) ? "#REF!" : parts.join("");
  return formula
    .split(/("(?:[^"]|"")*")/)
    .map((part, i) =>
      i % 2 === 1
        ? part
        : part.replace(FILL_REFERENCE, (...m: (string | undefined)[]) => {
            const prefix = m[1] ?? "";
            const [ca, c, ra, r, c2a, c2, r2a, r2] = m.slice(2, 10);
            const [wa, w, wa2, w2, ha, h, ha2, h2] = m.slice(10, 18);
            let body: string;
            if (c !== undefined) {
              const head = [column(ca ?? "", c), row(ra ?? "", r!)];
              const tail =
                c2 === undefined
                  ? []
                  : [":", column(c2a ?? "", c2), ...(r2 === undefined ? [] : [row(r2a ?? "", r2)])];
              body = joined([...head, ...tail]);
            } else if (w !== undefined) {
              body = joined([column(wa ?? "", w), ":", column(wa2 ?? "", w2!)]);
            } else {
              body = joined([row(ha ?? "", h!), ":", row(ha2 ?? "", h2!)]);
            }
            return body === "#REF!" ? body : `${prefix}${body}`;
          }),
    )
    .join("");
}
