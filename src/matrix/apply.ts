/** @file Dispatch for matrix primitives: plain values are computed, traced ones go to the innermost trace's mode. */

import type { ForwardTrace } from '../forward/dual.ts';
import { pushMatrix } from '../forward/dual-matrix.ts';
import { badOperand } from '../operand.ts';
import type { MatrixRule, Plain, Shape } from '../primitives/matrix-rule.ts';
import { recordMatrix } from '../reverse/record-matrix.ts';
import type { Tape } from '../reverse/tape.ts';
import type { Trace } from '../trace.ts';
import { isMat, isNum, type Value } from '../value.ts';
import { Matrix } from './matrix.ts';

/** A value's shape: rows and columns for a matrix, null for a scalar. */
export function shapeOf(x: Value): Shape {
  return isMat(x) ? { rows: x.rows, cols: x.cols } : null;
}

/**
 * Applies a matrix rule. The shapes are checked first (so a mismatch is
 * reported in the user's terms at the outermost call); then, as for scalar
 * ops, the innermost trace among the operands serves the application and
 * everything else is its constant. `params` are the non-differentiable
 * arguments (a slice's range, a sum's axis).
 */
export function applyMatrix(rule: MatrixRule, args: readonly Value[], params: unknown): Value {
  let top: Trace | null = null;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (typeof a === 'number' || a instanceof Matrix) continue;
    if (!isNum(a) && !isMat(a)) throw badOperand(rule.name, a, i);
    if (top === null || a.trace.tag > top.tag) top = a.trace;
  }
  rule.shape(args.map(shapeOf), params);
  if (top === null) return rule.evaluate(args as readonly Plain[], params);
  return top.kind === 'forward'
    ? pushMatrix(rule, top as ForwardTrace, args, params)
    : recordMatrix(rule, top as Tape, args, params);
}
