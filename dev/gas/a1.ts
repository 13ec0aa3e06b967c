/** A1 notation, as Sheets reads and prints it. Rows and columns are 1-based. */
export interface GridRect {
  row: number;
  column: number;
  numRows: number;
  numColumns: number;
}

export function columnLetter(column: number): string {
  let letters = "";
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) {
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  }
  return letters;
}

export function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

export function toA1(rect: GridRect): string {
  const start = `${columnLetter(rect.column)}${rect.row}`;
  if (rect.numRows === 1 && rect.numColumns === 1) return start;
  return `${start}:${columnLetter(rect.column + rect.numColumns - 1)}${rect.row + rect.numRows - 1}`;
}

/**
 * Parses "B2", "A1:C3", "A:A" or "2:2" (whole columns and rows run to the sheet's edge).
 * Returns undefined for anything else.
 */
export function parseA1(a1: string, maxRows: number, maxColumns: number): GridRect | undefined {
  const match = /^\$?([A-Z]*)\$?(\d*)(?::\$?([A-Z]*)\$?(\d*))?$/i.exec(a1.trim());
  if (!match) return undefined;
  const [, c1 = "", r1 = "", c2, r2] = match;
  if (!c1 && !r1) return undefined;
  const startColumn = c1 ? columnNumber(c1) : 1;
  const startRow = r1 ? Number(r1) : 1;
  if (c2 === undefined) {
    if (!c1 || !r1) return undefined;
    return { row: startRow, column: startColumn, numRows: 1, numColumns: 1 };
  }
  const endColumn = c2 ? columnNumber(c2) : maxColumns;
  const endRow = r2 ? Number(r2) : maxRows;
  return {
    row: Math.min(startRow, endRow),
    column: Math.min(startColumn, endColumn),
    numRows: Math.abs(endRow - startRow) + 1,
    numColumns: Math.abs(endColumn - startColumn) + 1,
  };
}
