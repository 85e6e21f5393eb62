/** @file Full Jacobians: by columns with forward mode, by rows with reverse mode, or whichever is cheaper. */

import { type Flat, flattenInput, type Point, type Scalar } from '../core/point.ts';
import type { Num } from '../core/value.ts';
import { forwardPass } from '../forward/pass.ts';
import { pullBack, type Recording, record } from '../reverse/recording.ts';
import { chunkOf, columnsFrom, type ForwardOptions } from './columns.ts';
import { entriesOf, entryCount, unitLike } from './entries.ts';
import type { InputsOf } from './inputs.ts';
import { type SparsityOption, sparseJacobian } from './sparse-jacobian.ts';

/**
 * An m×n Jacobian: row i holds the partials of output i, column j those
 * with respect to input j. With matrices, inputs and outputs are counted
 * entry by entry, in order, each matrix row by row (row-major): a 2×3
 * matrix input gives 6 columns, (0,0), (0,1), (0,2), (1,0), ...
 *
 * @example
 * ```ts
 * const J: Jacobian<number[]> = jacrev(([x, y]: Num[]) => [mul(x, y), y])([2, 3]);
 * console.log(J); // [[3, 2], [0, 1]]: m rows of n numbers
 * ```
 */
export type Jacobian<A> = Scalar<A>[][];

/**
 * A function of a point, as the Jacobian transforms take it (its inputs are checked at run time).
 *
 * @example
 * ```ts
 * // what jacobian accepts: a function of one value, or of an array
 * const fs: Differentiable[] = [(x: Num) => sin(x), ([x, y]: Num[]) => [x, y]];
 * ```
 */
export type Differentiable = (x: never) => unknown;

/** The columns after those `done`, `chunk` per forward pass (see columns.ts), as rows. */
function byColumns(
  fn: string,
  f: Differentiable,
  x: Flat,
  chunk: number,
  done: Num[][] = [],
): Num[][] {
  const n = inputCount(x);
  const columns = [...done];
  while (columns.length < n) columns.push(...columnsFrom(fn, f, x, n, columns.length, chunk));
  // With no inputs there is no pass to count the outputs by, so evaluate once.
  const m =
    n === 0 ? entriesOf(fn, forwardPass(fn, f, x, []).primal).length : (columns[0]?.length ?? 0);
  // row i of J is entry i of every column (a loop: m rows of n is the Jacobian's size)
  const rows: Num[][] = [];
  for (let i = 0; i < m; i++) {
    const row = new Array<Num>(n);
    for (let j = 0; j < n; j++) row[j] = (columns[j] as Num[])[i] as Num;
    rows.push(row);
  }
  return rows;
}

/** n: the number of input entries. */
function inputCount(x: Flat): number {
  return x.values.reduce<number>((n, v) => n + entryCount(v), 0);
}

/** One reverse sweep per output, seeded with e_i, over one recording; then the tape is released. */
function byRows(fn: string, rec: Recording): Num[][] {
  try {
    const m = rec.outputs.reduce<number>((count, y) => count + entryCount(y), 0);
    return Array.from({ length: m }, (_, i) =>
      entriesOf(fn, pullBack(rec, unitLike(rec.outputs, i))),
    );
  } finally {
    rec.tape.release();
  }
}

/**
 * The Jacobian by forward mode: n forward passes, pass j seeded with e_j,
 * gives column j. Cheap when there are few inputs. With `chunk: k`, each
 * pass carries k tangents (columns j … j + k − 1), so ⌈n/k⌉ passes evaluate
 * f and its local partials, and only the tangent arithmetic is done n times.
 *
 * @example
 * jacfwd(([x, y]: Num[]) => [mul(x, y), add(x, y)])([2, 3]); // [[3, 2], [1, 1]]
 * const g = (x: Num[]) => x.map((xi) => sin(xi));
 * const x = new Array(30).fill(1);
 * withCost(() => jacfwd(g, { chunk: 10 })(x)).cost.forwardPasses; // 3: one per 10 columns
 */
export function jacfwd<X extends Point>(
  f: (x: X) => unknown,
  options?: ForwardOptions,
): <A extends InputsOf<X>>(x: A) => Jacobian<A> {
  const chunk = chunkOf('jacfwd', options);
  return <A extends InputsOf<X>>(at: A) =>
    byColumns('jacfwd', f, flattenInput('jacfwd', 'x', at), chunk) as Jacobian<A>;
}

/**
 * The Jacobian by reverse mode: one recording, then m reverse sweeps, sweep
 * i seeded with e_i, gives row i. Cheap when there are few outputs.
 *
 * @example
 * jacrev(([x, y]: Num[]) => [mul(x, y), add(x, y)])([2, 3]); // [[3, 2], [1, 1]]
 */
export function jacrev<X extends Point>(
  f: (x: X) => unknown,
): <A extends InputsOf<X>>(x: A) => Jacobian<A> {
  return <A extends InputsOf<X>>(at: A) =>
    byRows('jacrev', record('jacrev', f, flattenInput('jacrev', 'x', at))) as Jacobian<A>;
}

/**
 * After the first forward pass (which carried `first` tangents), the rest
 * counted as the ledger counts work: the ⌈(n − first)/k⌉ passes left apply
 * every primitive once for its value and once per tangent, n − first in
 * all, while one recording and m sweeps apply it 1 + m times. With k = 1
 * forward wins when 2(n − 1) < 1 + m: for n = 10, m = 1,000 it does; for a
 * square n = m = 100 reverse does about half the work, and wins. Chunks
 * only save the value half, so they move the line to about n < 1 + m. A
 * tie goes to reverse, whose sweeps take less time than passes of the same count.
 */
function forwardIsCheaper(n: number, m: number, chunk: number, first: number): boolean {
  return Math.ceil((n - first) / chunk) + (n - first) < 1 + m;
}

/**
 * How jacobian builds the matrix: the mode, the tangents each forward pass
 * carries, and a sparsity pattern to colour by.
 *
 * @example
 * ```ts
 * const options: JacobianOptions = { mode: 'reverse' };
 * console.log(jacobian(([x, y]: Num[]) => [mul(x, y)], options)([2, 3])); // [[3, 2]]
 * ```
 */
export interface JacobianOptions extends ForwardOptions {
  /** 'forward' (n passes), 'reverse' (m sweeps), or 'auto': whichever applies fewer primitives. */
  readonly mode?: 'forward' | 'reverse' | 'auto';
  /**
   * 'detect', or a pattern { rows, cols, nonzeros }: one pass per colour of
   * columns or one sweep per colour of rows, not one per column or row
   * (see sparse-jacobian.ts; 'auto' picks the mode by the colours).
   */
  readonly sparsity?: SparsityOption;
}

/**
 * The Jacobian in the mode you ask for. 'auto' starts with the first forward
 * pass (of `chunk` tangents), which also tells m, then goes on the way that
 * applies fewer primitives (see `forwardIsCheaper`): by columns (nothing
 * wasted), otherwise it records once and sweeps m times (one pass spent on
 * learning m). `chunk` is used by forward mode and ignored by reverse mode.
 *
 * @example
 * ```ts
 * const f = ([x, y]: Num[]) => [mul(x, y), sin(x), cos(y)]; // n = 2 inputs, m = 3 outputs
 * jacobian(f)([1, 2]); // 'auto': two forward passes are cheaper than three sweeps
 * jacobian(f, { mode: 'reverse' })([1, 2]); // the same matrix, by rows
 * ```
 */
export function jacobian<X extends Point>(
  f: (x: X) => unknown,
  options: JacobianOptions = {},
): <A extends InputsOf<X>>(x: A) => Jacobian<A> {
  const { mode = 'auto', sparsity } = options;
  const chunk = chunkOf('jacobian', options);
  if (sparsity !== undefined && options.chunk !== undefined) {
    // a coloured Jacobian seeds one pass per colour; carrying several colours per pass is not written yet
    throw new Error(
      'wengert: jacobian: chunk and sparsity cannot be combined yet (a sparse Jacobian runs one ' +
        'pass or sweep per colour); leave out one of them',
    );
  }
  if (sparsity !== undefined) return sparseJacobian(f, sparsity, mode);
  if (mode === 'forward') return jacfwd(f, { chunk });
  if (mode === 'reverse') return jacrev(f);
  if (mode !== 'auto') {
    throw new Error(
      `wengert: jacobian: mode must be 'forward', 'reverse' or 'auto', got '${mode}'`,
    );
  }
  return <A extends InputsOf<X>>(at: A) => {
    const x = flattenInput('jacobian', 'x', at);
    const n = inputCount(x);
    if (n === 0) return byColumns('jacobian', f, x, chunk) as Jacobian<A>;
    const first = columnsFrom('jacobian', f, x, n, 0, chunk);
    const m = first[0]?.length ?? 0;
    const jacobian = forwardIsCheaper(n, m, chunk, first.length)
      ? byColumns('jacobian', f, x, chunk, first)
      : byRows('jacobian', record('jacobian', f, x));
    return jacobian as Jacobian<A>;
  };
}
