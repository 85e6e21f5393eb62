/** @file Applying a primitive: plain values are computed here, traced ones are handed to the trace of their innermost operand. */

import { Matrix } from './matrix.ts';
import { badOperand } from './operand.ts';
import type { BinaryPrimitive, MatrixRule, Plain, UnaryPrimitive } from './rule.ts';
import type { Trace } from './trace.ts';
import { isMat, isNum, shapeOf, type Value } from './value.ts';

// Each exported op is its own small function that tries `rule.primal` on
// plain numbers before calling here: a call site that only ever sees one
// primitive is one V8 can inline, while the calls here see them all.
// `isMatrix` (a prototype getter on every toolkit value) tells the kinds of
// value apart faster than instanceof on this hot path; anything without it
// is a caller's mistake.

/** y = f(x): a plain number is computed, a traced one goes to its trace, a matrix entry by entry. */
export function applyUnary(rule: UnaryPrimitive, x: Value): Value {
  if (typeof x === 'number') return rule.primal(x);
  if (x?.isMatrix === false) return x.trace.unary(rule, x);
  if (x?.isMatrix === true) return applyMatrix(rule.elementwise(), [x], null);
  throw badOperand(rule.name, x, 0);
}

/**
 * z = f(x, y). With two traced operands the innermost trace (largest tag)
 * serves the application; the other operand is its constant. A matrix
 * operand makes it an elementwise application, broadcasting the other.
 */
export function applyBinary(rule: BinaryPrimitive, x: Value, y: Value): Value {
  if (typeof x === 'number') {
    if (typeof y === 'number') return rule.primal(x, y);
    if (y?.isMatrix === false) return y.trace.binary(rule, x, y);
  } else if (typeof y === 'number') {
    if (x?.isMatrix === false) return x.trace.binary(rule, x, y);
  } else if (x?.isMatrix === false && y?.isMatrix === false) {
    return (y.trace.tag > x.trace.tag ? y : x).trace.binary(rule, x, y);
  }
  if (!isNum(x) && !isMat(x)) throw badOperand(rule.name, x, 0);
  if (!isNum(y) && !isMat(y)) throw badOperand(rule.name, y, 1);
  return applyMatrix(rule.elementwise(), [x, y], null);
}

/**
 * Applies a matrix primitive. The shapes are checked first (so a mismatch is
 * reported in the user's terms at the outermost call); then, as for scalar
 * ops, the innermost trace among the operands serves the application and
 * everything else is its constant. `params` are the non-differentiable
 * arguments (a slice's range, a sum's axis). The result has the kind the
 * rule declares (`Out`): a matrix for matmul, a number for dot.
 */
export function applyMatrix<In extends readonly Value[], Out extends Value, P>(
  rule: MatrixRule<string, In, Out, P>,
  args: In,
  params: P,
): Out {
  const untyped: MatrixRule = rule;
  let top: Trace | null = null;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (typeof a === 'number' || a instanceof Matrix) continue;
    if (!isNum(a) && !isMat(a)) throw badOperand(rule.name, a, i);
    if (top === null || a.trace.tag > top.tag) top = a.trace;
  }
  untyped.shape(args.map(shapeOf), params);
  const out =
    top === null
      ? untyped.evaluate(args as readonly Plain[], params) // no operand is traced
      : top.matrix(untyped, args, params);
  return out as Out;
}
