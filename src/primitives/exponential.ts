/** @file Exponential primitives: exp, log, sqrt. */

import { applyUnary } from '../core/apply.ts';
import type { Value } from '../core/value.ts';
import { div } from './arithmetic.ts';
import { defineUnary, type UnaryOp } from './rule.ts';

// d(e^x) = e^x dx: the partial is the output itself
export const expRule = defineUnary({
  name: 'exp',
  primal: Math.exp,
  partial: (_x, y) => y,
  notation: 'e^{x}',
  domain: [[-2, 2]],
});

// d(ln x) = dx / x
export const logRule = defineUnary({
  name: 'log',
  primal: Math.log,
  partial: (x) => div(1, x),
  notation: '\\ln x',
  domain: [[0.1, 5]],
});

// d(√x) = dx / (2√x), which is +∞ at x = 0
export const sqrtRule = defineUnary({
  name: 'sqrt',
  primal: Math.sqrt,
  partial: (_x, y) => div(0.5, y),
  notation: '\\sqrt{x}',
  domain: [[0.1, 5]],
});

/** e^x. @example exp(0) // 1 */
export const exp = ((x: Value) =>
  typeof x === 'number' ? expRule.primal(x) : applyUnary(expRule, x)) as UnaryOp;
/** Natural logarithm; log(0) is -Infinity, log(-1) is NaN. @example log(Math.E) // 1 */
export const log = ((x: Value) =>
  typeof x === 'number' ? logRule.primal(x) : applyUnary(logRule, x)) as UnaryOp;
/** Square root; sqrt(-1) is NaN, its derivative at 0 is Infinity. @example sqrt(9) // 3 */
export const sqrt = ((x: Value) =>
  typeof x === 'number' ? sqrtRule.primal(x) : applyUnary(sqrtRule, x)) as UnaryOp;
