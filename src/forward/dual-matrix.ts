/** @file Matrices in forward mode: a matrix value and its tangent, pushed through a matrix rule's tangent maps. */

import { applyMatrix } from '../core/apply.ts';
import { asConstant } from '../core/operand.ts';
import type { MatrixRule, TangentMap } from '../core/rule.ts';
import { TracedMatrix } from '../core/traced-matrix.ts';
import { isMat, type Mat, type Num, type Value } from '../core/value.ts';
import { add } from '../primitives/arithmetic.ts';
import { Dual } from './dual.ts';
import type { ForwardTrace } from './forward-trace.ts';

/**
 * A matrix X + Ẋ·ε of one forward pass. A tangent of exactly 0 is a
 * symbolic zero matrix: it was never allocated and contributes nothing.
 *
 * @example
 * ```ts
 * jvp((w: Mat) => {
 *   console.log(w instanceof DualMatrix); // true: a matrix input of jvp is one
 *   return sum(w);
 * }, ones(2), ones(2));
 * ```
 */
export class DualMatrix extends TracedMatrix {
  constructor(
    readonly trace: ForwardTrace,
    readonly value: Mat,
    readonly tangent: Mat | 0,
  ) {
    super(value);
  }

  toString(): string {
    return `DualMatrix#${this.trace.tag}(${this.rows}×${this.cols})`;
  }
}

/** A value of this pass, of either kind: it has a tangent here. */
function onPass(x: Value, trace: ForwardTrace): x is Dual | DualMatrix {
  return typeof x === 'object' && (x as { trace?: unknown }).trace === trace;
}

/**
 * Ż = Σ_i L_i(Ẋ_i): each input of this pass contributes the rule's linear
 * tangent map applied to its tangent; constants contribute nothing. The
 * output is a `Dual` when the rule returns a scalar (sum, dot, mseLoss).
 */
export function pushMatrix(
  trace: ForwardTrace,
  rule: MatrixRule,
  args: readonly Value[],
  params: unknown,
): Dual | DualMatrix {
  trace.assertLive(rule.name);
  trace.applications++;
  const values = args.map((a, i) => (onPass(a, trace) ? a.value : asConstant(a, rule.name, i)));
  const out = applyMatrix(rule, values, params);
  let tangent: Value = 0;
  args.forEach((a, i) => {
    if (!onPass(a, trace) || a.tangent === 0) return;
    const term = (rule.tangents[i] as TangentMap)(values, out, a.tangent, params as never);
    tangent = tangent === 0 ? term : add(tangent, term);
  });
  return isMat(out)
    ? new DualMatrix(trace, out, tangent as Mat | 0)
    : new Dual(trace, out, tangent as Num);
}
