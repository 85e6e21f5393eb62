/** @file stopGradient: the value passes through, the derivative does not (JAX's stop_gradient). */

import { applyUnary } from '../core/apply.ts';
import type { Value } from '../core/value.ts';
import { defineUnary, type UnaryOp } from './rule.ts';

// d stop(x) = 0 dx: an ordinary record whose partial is the constant 0, so
// forward mode, reverse mode, every nesting, matrices, compile and the docs
// treat it as any other primitive. The partial is on purpose not the
// derivative of the primal (the identity): a surrogate.
export const stopGradientRule = defineUnary({
  name: 'stopGradient',
  primal: (x) => x,
  partial: () => 0,
  notation: '\\operatorname{stop}(x)',
  domain: [[-3, 3]],
  surrogate: true,
});

/**
 * x itself, with a zero derivative in every mode and at every level of
 * nesting: what depends on x through it is a constant to every
 * differentiation (a target held fixed in a loss, a baseline, the
 * momentum of a moving average). Like any zero partial, it meets an
 * infinite tangent or adjoint as IEEE says (0 · ∞ is NaN).
 *
 * @example
 * grad((x: Num) => mul(x, stopGradient(x)))(3); // 3: only the first factor is differentiated
 */
export const stopGradient = ((x: Value) =>
  typeof x === 'number' ? stopGradientRule.primal(x) : applyUnary(stopGradientRule, x)) as UnaryOp;
