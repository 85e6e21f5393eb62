/** @file Checks the operands an op treats as constants, so bad input fails with a clear message. */

import { Matrix } from './matrix.ts';
import { TracedMatrix } from './traced-matrix.ts';
import { Tracer } from './tracer.ts';
import { describe, type Value } from './value.ts';

/**
 * An operand that belongs to no trace the op is serving: a plain number, or a
 * value of an outer trace (which must still be live). Anything else is a
 * programming error that would otherwise surface far away as NaN.
 */
export function asConstant<T extends Value>(x: T, op: string, position: number): T {
  if (typeof x === 'number' || x instanceof Matrix) return x;
  if (x instanceof Tracer || x instanceof TracedMatrix) {
    x.trace.assertLive(op);
    return x;
  }
  throw badOperand(op, x, position);
}

/** The error for an operand that is neither a number nor a toolkit value. */
export function badOperand(op: string, x: unknown, position: number): TypeError {
  const hint =
    x === undefined
      ? ' (f may read more inputs than it was given: check the length of the point)'
      : '';
  return new TypeError(
    `wengert: ${op} expects numbers, matrices or wengert values, but argument ${position + 1} is ${describe(x)}${hint}`,
  );
}
