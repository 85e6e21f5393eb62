/** @file One forward pass: the trace that pushes tangents through each primitive its dual numbers meet. */

import { notePass } from '../core/ledger.ts';
import type { BinaryPrimitive, MatrixRule, UnaryPrimitive } from '../core/rule.ts';
import { Trace } from '../core/trace.ts';
import type { Num, Value } from '../core/value.ts';
import { type Dual, pushBinary, pushUnary } from './dual.ts';
import { pushMatrix } from './dual-matrix.ts';

/** One forward pass. It counts the primitive applications whose tangents it pushed. */
export class ForwardTrace extends Trace {
  readonly kind = 'forward';
  applications = 0;

  unary(rule: UnaryPrimitive, x: Dual): Dual {
    return pushUnary(this, rule, x);
  }

  binary(rule: BinaryPrimitive, x: Num, y: Num): Dual {
    return pushBinary(this, rule, x, y);
  }

  matrix(rule: MatrixRule, args: readonly Value[], params: unknown): Value {
    return pushMatrix(this, rule, args, params);
  }

  /** Ends the pass and reports it to any open cost ledger. */
  end(): void {
    this.live = false;
    notePass(this.applications);
  }
}
