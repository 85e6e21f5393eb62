/** @file Greedy colouring of a sparsity pattern: columns that share no row (or rows that share no column) share a colour. */

import type { SparsityPattern } from './pattern.ts';

/**
 * A colouring of a pattern's columns (for forward mode) or rows (for
 * reverse mode). Two columns of one colour never have a nonzero in the same
 * row, so one forward pass seeded with the sum of their unit vectors gives
 * each of them whole: every row of the result belongs to at most one of
 * them. Rows likewise for one reverse sweep.
 *
 * @example
 * ```ts
 * // a diagonal Jacobian: every column can share one colour
 * const colouring = colourColumns(sparsity((x: Num[]) => x.map((xi) => sin(xi)), [1, 2, 3]));
 * console.log(colouring.count, colouring.colourOf, colouring.groups); // 1 [0, 0, 0] [[0, 1, 2]]
 * ```
 */
export interface Colouring {
  /** The number of colours: the forward passes or reverse sweeps the Jacobian needs. */
  readonly count: number;
  /** Each column's (or row's) colour, 0 ≤ c < count; -1 for one with no nonzero, which needs no pass. */
  readonly colourOf: readonly number[];
  /** The columns (or rows) of each colour, ascending. */
  readonly groups: readonly (readonly number[])[];
}

/**
 * Curtis–Powell–Reid's greedy colouring in natural order: item j (a column)
 * takes the smallest colour that no earlier item sharing a key (a row) with
 * it has. Natural order is optimal for banded patterns (a band of width w
 * gets w colours) and needs no sorting; a largest-first order can save
 * colours on irregular patterns, and none finds the minimum in general
 * (that is graph colouring, NP-hard).
 */
function greedy(
  keysOf: readonly (readonly number[])[],
  itemsOf: readonly (readonly number[])[],
): Colouring {
  const colourOf = new Array<number>(keysOf.length).fill(-1);
  const takenBy: number[] = []; // takenBy[c] === j: colour c is used by a neighbour of item j
  const groups: number[][] = [];
  keysOf.forEach((keys, j) => {
    if (keys.length === 0) return;
    for (const key of keys) {
      for (const other of itemsOf[key] as readonly number[]) {
        const c = colourOf[other] as number;
        if (c >= 0) takenBy[c] = j;
      }
    }
    let c = 0;
    while (c < groups.length && takenBy[c] === j) c++;
    if (c === groups.length) groups.push([]);
    (groups[c] as number[]).push(j);
    colourOf[j] = c;
  });
  return { count: groups.length, colourOf, groups };
}

/**
 * Colours the columns: those of one colour share no row, so one JVP per
 * colour recovers them all. A tridiagonal pattern takes 3 colours at any n.
 *
 * @example
 * ```ts
 * // y_i = x_{i-1} x_i x_{i+1}: a tridiagonal Jacobian
 * const f = (x: Num[]) => x.map((xi, i) => mul(mul(x[i - 1] ?? 1, xi), x[i + 1] ?? 1));
 * console.log(colourColumns(sparsity(f, [1, 2, 3, 4, 5, 6])).count); // forward passes needed
 * ```
 */
export function colourColumns(pattern: SparsityPattern): Colouring {
  return greedy(pattern.byColumn, pattern.byRow);
}

/**
 * Colours the rows: those of one colour share no column, so one VJP per
 * colour recovers them all.
 *
 * @example
 * ```ts
 * // each output reads the first input and one other: the first column is full
 * const f = (x: Num[]) => x.slice(1).map((xi) => mul(x[0] ?? 0, xi));
 * console.log(colourRows(sparsity(f, [1, 2, 3, 4])).count); // reverse sweeps needed
 * ```
 */
export function colourRows(pattern: SparsityPattern): Colouring {
  return greedy(pattern.byRow, pattern.byColumn);
}
