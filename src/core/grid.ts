/**
 * Custom formulas receive a single value for a cell and a 2-D array for a range. These helpers let
 * one formula serve both: ranges of the same shape are walked cell by cell, single values are
 * broadcast, and the answer has the shape of the ranges.
 */
import type { RawCell } from "./cells";

export type FormulaArg = RawCell | RawCell[][];

export function isRange(value: unknown): value is RawCell[][] {
  return Array.isArray(value);
}

export interface Shape {
  rows: number;
  columns: number;
}

export function shapeOf(range: RawCell[][]): Shape {
  return { rows: range.length, columns: range[0]?.length ?? 0 };
}

/** The shared shape of the range arguments, or the name of the first one that differs. */
export function commonShape(
  args: readonly { name: string; value: FormulaArg }[],
): { ok: true; shape: Shape | undefined } | { ok: false; argument: string; other: string; shape: Shape } {
  let first: { name: string; shape: Shape } | undefined;
  for (const { name, value } of args) {
    if (!isRange(value)) continue;
    const shape = shapeOf(value);
    if (!first) first = { name, shape };
    else if (shape.rows !== first.shape.rows || shape.columns !== first.shape.columns) {
      return { ok: false, argument: name, other: first.name, shape: first.shape };
    }
  }
  return { ok: true, shape: first?.shape };
}

/** The value of an argument at a cell of the common shape (single values are the same everywhere). */
export function at(value: FormulaArg, row: number, column: number): RawCell {
  return isRange(value) ? value[row]?.[column] : value;
}
