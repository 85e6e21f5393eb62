/** @file One forward pass: evaluate f on dual numbers seeded with a direction, read f(x) and J·v. */

import { zeros } from '../core/matrix.ts';
import { type Flat, flattenOutput } from '../core/point.ts';
import { isMat, type Mat, type Num, type Value } from '../core/value.ts';
import { Dual } from './dual.ts';
import { DualMatrix } from './dual-matrix.ts';
import { ForwardTrace } from './forward-trace.ts';

/** f(x) and J·v, flattened, with the shape of f's output. */
export interface ForwardPass {
  readonly primal: Value[];
  readonly tangent: Value[];
  readonly isArray: boolean;
}

/**
 * Evaluates `f` once on duals x + v·ε (a `DualMatrix` for a matrix input;
 * a direction of 0 is a symbolic zero). An output that does not belong to
 * this pass (a constant, or a value of an outer differentiation) has
 * tangent 0 here. `fn` names the public transform in error messages.
 */
export function forwardPass(
  fn: string,
  f: (x: never) => unknown,
  x: Flat,
  v: readonly Value[],
): ForwardPass {
  const trace = new ForwardTrace();
  const duals = x.values.map((p, i) =>
    isMat(p) ? new DualMatrix(trace, p, v[i] as Mat | 0) : new Dual(trace, p, v[i] as Num),
  );
  let out: Flat;
  try {
    out = flattenOutput(fn, (f as (x: unknown) => unknown)(x.isArray ? duals : duals[0]));
  } finally {
    trace.end();
  }
  const mine = (y: Value): y is Dual | DualMatrix =>
    (y instanceof Dual || y instanceof DualMatrix) && y.trace === trace;
  return {
    primal: out.values.map((y) => (mine(y) ? y.value : y)),
    tangent: out.values.map((y) => {
      const t = mine(y) ? y.tangent : 0;
      return t === 0 && isMat(y) ? zeros(y.rows, y.cols) : t;
    }),
    isArray: out.isArray,
  };
}
