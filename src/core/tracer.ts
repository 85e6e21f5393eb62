/** @file What every traced number shares: a trace, a value one level down, and a guard against plain JS math. */

import type { Trace } from './trace.ts';
import type { Num } from './value.ts';

/**
 * The base of every traced number (a dual number, a tape variable, a
 * symbol). Its `value` is the primal one level down, which is a plain
 * number unless interpretations are nested.
 *
 * @example
 * ```ts
 * grad((x: Num) => {
 *   console.log(x instanceof Tracer, typeof x); // true object: f sees a traced number, not 3
 *   return mul(x, x);
 * })(3);
 * ```
 */
export abstract class Tracer {
  abstract readonly trace: Trace;
  abstract readonly value: Num;

  /** Tells ops this is a number, not a matrix; a prototype getter, free per value. */
  get isMatrix(): false {
    return false;
  }

  /** Refuses conversion to a number (see `refuseArithmetic`). */
  [Symbol.toPrimitive](hint: string): string {
    if (hint === 'string') return this.toString();
    throw refuseArithmetic(this.toString());
  }

  abstract toString(): string;
}

/**
 * `x + 1`, `Math.sin(x)` or `x < y` on a traced value would silently drop the
 * derivative, so JavaScript's conversion to a number is refused with this
 * explanation instead. Conversion to a string (printing) is allowed.
 */
export function refuseArithmetic(what: string): TypeError {
  return new TypeError(
    `wengert: a traced value (${what}) was used with plain JavaScript arithmetic, ` +
      'a comparison or Math.*; use the toolkit ops (add, mul, sin, ...) so the derivative ' +
      'can follow, or toNumber(x) to make a decision',
  );
}
