/** @file One forward pass: evaluate f on dual numbers seeded with a direction, read f(x) and J·v. */

import { type Flat, flattenOutput } from '../shape.ts';
import type { Num } from '../value.ts';
import { Dual, ForwardTrace } from './dual.ts';

/** f(x) and J·v, flattened, with the shape of f's output. */
export interface ForwardPass {
  readonly primal: Num[];
  readonly tangent: Num[];
  readonly isArray: boolean;
}

/**
 * Evaluates `f` once on duals x + v·ε. An output that does not belong to
 * this pass (a constant, or a value of an outer differentiation) has
 * tangent 0 here. `fn` names the public transform in error messages.
 */
export function forwardPass(
  fn: string,
  f: (x: never) => unknown,
  x: Flat,
  v: readonly Num[],
): ForwardPass {
  const trace = new ForwardTrace();
  const duals = x.values.map((p, i) => new Dual(trace, p, v[i] as Num));
  let out: Flat;
  try {
    out = flattenOutput(fn, (f as (x: unknown) => unknown)(x.isArray ? duals : duals[0]));
  } finally {
    trace.end();
  }
  const mine = (y: Num): y is Dual => y instanceof Dual && y.trace === trace;
  return {
    primal: out.values.map((y) => (mine(y) ? y.value : y)),
    tangent: out.values.map((y) => (mine(y) ? y.tangent : 0)),
    isArray: out.isArray,
  };
}
