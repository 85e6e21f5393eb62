/** @file Full Jacobians: by columns with forward mode, by rows with reverse mode, or whichever is cheaper. */

import { forwardPass } from '../forward/pass.ts';
import { pullBack, record } from '../reverse/recording.ts';
import { flattenInput, type Point, type Scalar } from '../shape.ts';
import type { Num } from '../value.ts';

/** An m×n Jacobian: row i holds the partials of output i, column j those with respect to input j. */
export type Jacobian<A> = Scalar<A>[][];

/** A function of a point, as the Jacobian transforms take it. */
// biome-ignore lint/suspicious/noExplicitAny: a function of any point shape is accepted; inputs are checked at run time
export type Differentiable = (x: any) => Point;

/** e_k: the k-th unit vector of length n. */
function unit(n: number, k: number): number[] {
  const e = new Array<number>(n).fill(0);
  e[k] = 1;
  return e;
}

/**
 * The Jacobian by forward mode: n forward passes, pass j seeded with e_j,
 * gives column j. Cheap when there are few inputs.
 *
 * @example
 * jacfwd(([x, y]: Num[]) => [mul(x, y), add(x, y)])([2, 3]); // [[3, 2], [1, 1]]
 */
export function jacfwd(f: Differentiable): <A extends Point>(x: A) => Jacobian<A> {
  return (at) => {
    const x = flattenInput('jacfwd', 'x', at);
    const n = x.values.length;
    const columns = x.values.map((_, j) => forwardPass('jacfwd', f, x, unit(n, j)).tangent);
    const m = columns[0]?.length ?? 0;
    return Array.from({ length: m }, (_, i) => columns.map((c) => c[i] as Num)) as Jacobian<
      typeof at
    >;
  };
}

/**
 * The Jacobian by reverse mode: one recording, then m reverse sweeps, sweep
 * i seeded with e_i, gives row i. Cheap when there are few outputs.
 *
 * @example
 * jacrev(([x, y]: Num[]) => [mul(x, y), add(x, y)])([2, 3]); // [[3, 2], [1, 1]]
 */
export function jacrev(f: Differentiable): <A extends Point>(x: A) => Jacobian<A> {
  return (at) => {
    const rec = record('jacrev', f, flattenInput('jacrev', 'x', at));
    try {
      const m = rec.outputs.length;
      return rec.outputs.map((_, i) => pullBack(rec, unit(m, i))) as Jacobian<typeof at>;
    } finally {
      rec.tape.release();
    }
  };
}

export interface JacobianOptions {
  /** 'forward' (n passes), 'reverse' (m sweeps), or 'auto': forward when n ≤ m. */
  readonly mode?: 'forward' | 'reverse' | 'auto';
}

/**
 * The Jacobian in the mode you ask for. 'auto' counts the outputs with one
 * plain evaluation of f on numbers, then uses forward mode when n ≤ m.
 *
 * @example
 * jacobian(f, { mode: 'auto' })(x);
 */
export function jacobian(
  f: Differentiable,
  { mode = 'auto' }: JacobianOptions = {},
): <A extends Point>(x: A) => Jacobian<A> {
  if (mode === 'forward') return jacfwd(f);
  if (mode === 'reverse') return jacrev(f);
  if (mode !== 'auto') {
    throw new Error(
      `wengert: jacobian: mode must be 'forward', 'reverse' or 'auto', got '${mode}'`,
    );
  }
  return (at) => {
    const n = flattenInput('jacobian', 'x', at).values.length;
    const out = f(at);
    const m = Array.isArray(out) ? out.length : 1;
    return n <= m ? jacfwd(f)(at) : jacrev(f)(at);
  };
}
