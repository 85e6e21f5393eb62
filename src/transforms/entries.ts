/** @file Counting a point's entries, the rows and columns of Jacobians over numbers and matrices. */

import { Matrix, zeros } from '../core/matrix.ts';
import { isMat, type Num, type Value } from '../core/value.ts';

/** How many numbers a value holds: 1 for a scalar, rows·cols for a matrix. */
export function entryCount(v: Value): number {
  return isMat(v) ? v.rows * v.cols : 1;
}

/**
 * The numbers of several values in order, matrices row by row: the order
 * of rows and columns of every Jacobian over matrices.
 */
export function entriesOf(fn: string, values: readonly Value[]): Num[] {
  // no matrix among them (a Jacobian of numbers, the common case): the list itself, copied
  if (!values.some(isMat)) return values.slice() as Num[];
  const out: Num[] = [];
  for (const v of values) {
    if (v instanceof Matrix) for (const x of v.data) out.push(x);
    else if (isMat(v)) {
      throw new Error(
        `wengert: ${fn}: cannot list the entries of a traced matrix (a Jacobian of matrices ` +
          'inside another transform); differentiate it at the outermost level instead',
      );
    } else out.push(v);
  }
  return out;
}

/**
 * e_k over the entries of `like`, in its structure: a 1 at entry k, 0
 * elsewhere. A value that does not hold entry k gets a plain 0, which mode
 * code treats as a symbolic zero.
 */
export function unitLike(like: readonly Value[], k: number): Value[] {
  let start = 0;
  return like.map((v) => {
    const n = entryCount(v);
    const hit = k >= start && k < start + n;
    const offset = k - start;
    start += n;
    if (!hit) return 0;
    if (!isMat(v)) return 1;
    const e = zeros(v.rows, v.cols);
    e.data[offset] = 1;
    return e;
  });
}
