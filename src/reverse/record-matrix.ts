/** @file Recording a matrix primitive: one entry that keeps the operands and output its adjoint maps read. */

import { applyMatrix } from '../core/apply.ts';
import { asConstant } from '../core/operand.ts';
import type { MatrixRule } from '../core/rule.ts';
import type { Value } from '../core/value.ts';
import type { Tape } from './tape.ts';
import type { TapeMatrix } from './tape-matrix.ts';
import type { TapeVar } from './tape-var.ts';

/** A value on this tape, of either kind. */
function onTape(x: Value, tape: Tape): x is TapeVar | TapeMatrix {
  return typeof x === 'object' && (x as { trace?: unknown }).trace === tape;
}

// Unlike a scalar entry, which stores its partials as numbers, a matrix
// entry stores its operands and output: the adjoint maps (Ā = C̄ Bᵀ) need
// them, and a partial of a matrix op would be a far larger Jacobian.
export function recordMatrix(
  tape: Tape,
  rule: MatrixRule,
  args: readonly Value[],
  params: unknown,
): TapeVar | TapeMatrix {
  tape.assertLive(rule.name);
  if (tape.display !== null) {
    throw new Error(
      `wengert: ${rule.name}: trace, explain, compile and generated source (adjointSource, ` +
        'tangentSource) keep one row per scalar operation, ' +
        'so matrices are not supported there (use grad, vjp or the Jacobian transforms)',
    );
  }
  const values = args.map((a, i) => (onTape(a, tape) ? a.value : asConstant(a, rule.name, i)));
  const inputs = args.map((a) => (onTape(a, tape) ? a.index : -1));
  const out = applyMatrix(rule, values, params);
  return tape.pushMatrixEntry({ rule, params, inputs, values, out });
}
