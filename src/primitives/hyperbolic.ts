/** @file Hyperbolic primitives and the logistic sigmoid: sinh, cosh, tanh, sigmoid. */

import { applyUnary } from '../core/apply.ts';
import type { Value } from '../core/value.ts';
import { mul, sub } from './arithmetic.ts';
import { defineUnary, type UnaryOp } from './rule.ts';

// d(sinh x) = cosh x dx
export const sinhRule = defineUnary({
  name: 'sinh',
  primal: Math.sinh,
  partial: (x) => cosh(x),
  notation: '\\sinh x',
  domain: [[-3, 3]],
});

// d(cosh x) = sinh x dx
export const coshRule = defineUnary({
  name: 'cosh',
  primal: Math.cosh,
  partial: (x) => sinh(x),
  notation: '\\cosh x',
  domain: [[-3, 3]],
});

// d(tanh x) = (1 - tanh² x) dx
export const tanhRule = defineUnary({
  name: 'tanh',
  primal: Math.tanh,
  partial: (_x, y) => sub(1, mul(y, y)),
  notation: '\\tanh x',
  domain: [[-3, 3]],
});

// σ(x) = 1 / (1 + e^-x); dσ = σ (1 - σ) dx
export const sigmoidRule = defineUnary({
  name: 'sigmoid',
  // Two forms so that e^|x| never overflows: for x < 0, σ(x) = e^x / (1 + e^x).
  primal: (x) => (x >= 0 ? 1 / (1 + Math.exp(-x)) : Math.exp(x) / (1 + Math.exp(x))),
  partial: (_x, y) => mul(y, sub(1, y)),
  notation: '\\sigma(x)',
  domain: [[-6, 6]],
});

/** Hyperbolic sine. @example sinh(0) // 0 */
export const sinh = ((x: Value) =>
  typeof x === 'number' ? sinhRule.primal(x) : applyUnary(sinhRule, x)) as UnaryOp;
/** Hyperbolic cosine. @example cosh(0) // 1 */
export const cosh = ((x: Value) =>
  typeof x === 'number' ? coshRule.primal(x) : applyUnary(coshRule, x)) as UnaryOp;
/** Hyperbolic tangent. @example tanh(0) // 0 */
export const tanh = ((x: Value) =>
  typeof x === 'number' ? tanhRule.primal(x) : applyUnary(tanhRule, x)) as UnaryOp;
/** Logistic sigmoid 1 / (1 + e^-x). @example sigmoid(0) // 0.5 */
export const sigmoid = ((x: Value) =>
  typeof x === 'number' ? sigmoidRule.primal(x) : applyUnary(sigmoidRule, x)) as UnaryOp;
