/** @file Dispatch: where an op applied to values goes — plain arithmetic, a forward pass, or a tape. */

import { pushBinary, pushUnary } from './forward/dual.ts';
import { applyMatrix } from './matrix/apply.ts';
import { badOperand } from './operand.ts';
import { liftBinary, liftUnary } from './primitives/elementwise.ts';
import type { BinaryRule, UnaryRule } from './primitives/rule.ts';
import { recordBinary, recordUnary } from './reverse/record.ts';
import type { Num, Value } from './value.ts';

/**
 * Applies a unary rule: plain numbers take the fast path, traced values go
 * to the mode of their trace.
 *
 * Each exported op is its own small function that tries `rule.primal` on
 * plain numbers before calling here: a call site that only ever sees one
 * primitive is one V8 can inline, while the call here sees them all.
 */
export function applyUnary(rule: UnaryRule, x: Value): Value {
  if (typeof x === 'number') return rule.primal(x);
  // `mode` (not instanceof, which is slow on this hot path) tells the kinds
  // of value apart; anything else is a caller's mistake.
  if (x?.mode === 'reverse') return recordUnary(rule, x);
  if (x?.mode === 'forward') return pushUnary(rule, x);
  if (x?.mode === 'matrix') return applyMatrix(liftUnary(rule), [x], null);
  throw badOperand(rule.name, x, 0);
}

/**
 * Applies a binary rule. With two traced operands the innermost trace
 * (largest tag) is served first; the other operand is its constant.
 */
export function applyBinary(rule: BinaryRule, x: Value, y: Value): Value {
  if (typeof x === 'number') {
    return typeof y === 'number' ? rule.primal(x, y) : serve(rule, y, 1, x, y);
  }
  if (typeof y === 'number') return serve(rule, x, 0, x, y);
  // A matrix operand makes it an elementwise application (broadcasting the other).
  if (x?.mode === 'matrix' || y?.mode === 'matrix') {
    return applyMatrix(liftBinary(rule), [x, y], null);
  }
  const xTag = x?.trace?.tag ?? Number.NaN;
  const yTag = y?.trace?.tag ?? Number.NaN;
  return yTag > xTag ? serve(rule, y, 1, x, y) : serve(rule, x, 0, x, y);
}

/** Hands a binary application to the mode of `top`, the operand of the innermost trace. */
function serve(
  rule: BinaryRule,
  top: Exclude<Value, number>,
  position: number,
  x: Value,
  y: Value,
): Value {
  if (top?.mode === 'reverse') return recordBinary(rule, top.trace, x as Num, y as Num);
  if (top?.mode === 'forward') return pushBinary(rule, top.trace, x as Num, y as Num);
  if (top?.mode === 'matrix') return applyMatrix(liftBinary(rule), [x, y], null);
  throw badOperand(rule.name, top, position);
}
