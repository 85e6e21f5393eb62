/** @file Full Jacobians: by columns with forward mode, by rows with reverse mode, or whichever is cheaper. */

import { type Flat, flattenInput, type Point, type Scalar } from '../core/point.ts';
import type { Num } from '../core/value.ts';
import { type ForwardPass, forwardPass } from '../forward/pass.ts';
import { pullBack, type Recording, record } from '../reverse/recording.ts';
import { entriesOf, entryCount, unitLike } from './entries.ts';
import type { InputsOf } from './inputs.ts';

/**
 * An m×n Jacobian: row i holds the partials of output i, column j those
 * with respect to input j. With matrices, inputs and outputs are counted
 * entry by entry, in order, each matrix row by row (row-major): a 2×3
 * matrix input gives 6 columns, (0,0), (0,1), (0,2), (1,0), ...
 */
export type Jacobian<A> = Scalar<A>[][];

/** A function of a point, as the Jacobian transforms take it (its inputs are checked at run time). */
export type Differentiable = (x: never) => unknown;

/** Forward passes j = first..n-1 seeded with e_j, after `first` already done; their tangents as columns. */
function byColumns(fn: string, f: Differentiable, x: Flat, done: ForwardPass[] = []): Num[][] {
  const n = inputCount(x);
  const columns = done.map((p) => entriesOf(fn, p.tangent));
  for (let j = columns.length; j < n; j++) {
    columns.push(entriesOf(fn, forwardPass(fn, f, x, unitLike(x.values, j)).tangent));
  }
  // With no inputs there is no pass to count the outputs by, so evaluate once.
  const m =
    n === 0 ? entriesOf(fn, forwardPass(fn, f, x, []).primal).length : (columns[0]?.length ?? 0);
  return Array.from({ length: m }, (_, i) => columns.map((column) => column[i] as Num));
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
 * gives column j. Cheap when there are few inputs.
 *
 * @example
 * jacfwd(([x, y]: Num[]) => [mul(x, y), add(x, y)])([2, 3]); // [[3, 2], [1, 1]]
 */
export function jacfwd<X extends Point>(
  f: (x: X) => unknown,
): <A extends InputsOf<X>>(x: A) => Jacobian<A> {
  return <A extends InputsOf<X>>(at: A) =>
    byColumns('jacfwd', f, flattenInput('jacfwd', 'x', at)) as Jacobian<A>;
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
 * After the first forward pass, the rest counted as the ledger counts
 * work: n − 1 more passes apply every primitive twice each (value and
 * tangent), while one recording and m sweeps apply it 1 + m times. So
 * forward wins when 2(n − 1) < 1 + m: for n = 10, m = 1,000 it does; for a
 * square n = m = 100 reverse does about half the work, and wins. A tie goes
 * to reverse, whose sweeps take less time than passes of the same count.
 */
function forwardIsCheaper(n: number, m: number): boolean {
  return 2 * (n - 1) < 1 + m;
}

export interface JacobianOptions {
  /** 'forward' (n passes), 'reverse' (m sweeps), or 'auto': whichever applies fewer primitives. */
  readonly mode?: 'forward' | 'reverse' | 'auto';
}

/**
 * The Jacobian in the mode you ask for. 'auto' starts with the first forward
 * pass, which also tells m, then goes on the way that applies fewer
 * primitives (see `forwardIsCheaper`): by columns (nothing wasted),
 * otherwise it records once and sweeps m times (one pass spent on learning m).
 *
 * @example
 * jacobian(f, { mode: 'auto' })(x);
 */
export function jacobian<X extends Point>(
  f: (x: X) => unknown,
  { mode = 'auto' }: JacobianOptions = {},
): <A extends InputsOf<X>>(x: A) => Jacobian<A> {
  if (mode === 'forward') return jacfwd(f);
  if (mode === 'reverse') return jacrev(f);
  if (mode !== 'auto') {
    throw new Error(
      `wengert: jacobian: mode must be 'forward', 'reverse' or 'auto', got '${mode}'`,
    );
  }
  return <A extends InputsOf<X>>(at: A) => {
    const x = flattenInput('jacobian', 'x', at);
    const n = inputCount(x);
    if (n === 0) return byColumns('jacobian', f, x) as Jacobian<A>;
    const first = forwardPass('jacobian', f, x, unitLike(x.values, 0));
    const m = first.tangent.reduce<number>((count, y) => count + entryCount(y), 0);
    const jacobian = forwardIsCheaper(n, m)
      ? byColumns('jacobian', f, x, [first])
      : byRows('jacobian', record('jacobian', f, x));
    return jacobian as Jacobian<A>;
  };
}
