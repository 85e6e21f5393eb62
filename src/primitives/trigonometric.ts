/** @file Trigonometric primitives: sin, cos, tan and their inverses, with atan2. */

import { applyBinary, applyUnary } from '../core/apply.ts';
import type { Value } from '../core/value.ts';
import { add, div, mul, neg, sub } from './arithmetic.ts';
import { sqrt } from './exponential.ts';
import { type BinaryOp, defineBinary, defineUnary, type UnaryOp } from './rule.ts';

// d(sin x) = cos x dx
export const sinRule = defineUnary({
  name: 'sin',
  primal: Math.sin,
  partial: (x) => cos(x),
  notation: '\\sin x',
  domain: [[-4, 4]],
});

// d(cos x) = -sin x dx
export const cosRule = defineUnary({
  name: 'cos',
  primal: Math.cos,
  partial: (x) => neg(sin(x)),
  notation: '\\cos x',
  domain: [[-4, 4]],
});

// d(tan x) = (1 + tan² x) dx
export const tanRule = defineUnary({
  name: 'tan',
  primal: Math.tan,
  partial: (_x, y) => add(1, mul(y, y)),
  notation: '\\tan x',
  domain: [[-1.2, 1.2]],
});

// d(asin x) = dx / √(1 - x²)
export const asinRule = defineUnary({
  name: 'asin',
  primal: Math.asin,
  partial: (x) => div(1, sqrt(sub(1, mul(x, x)))),
  notation: '\\arcsin x',
  domain: [[-0.9, 0.9]],
});

// d(acos x) = -dx / √(1 - x²)
export const acosRule = defineUnary({
  name: 'acos',
  primal: Math.acos,
  partial: (x) => div(-1, sqrt(sub(1, mul(x, x)))),
  notation: '\\arccos x',
  domain: [[-0.9, 0.9]],
});

// d(atan x) = dx / (1 + x²)
export const atanRule = defineUnary({
  name: 'atan',
  primal: Math.atan,
  partial: (x) => div(1, add(1, mul(x, x))),
  notation: '\\arctan x',
  domain: [[-4, 4]],
});

// z = atan2(x, y), the angle of the point (y, x), as Math.atan2(x, y):
// dz = (y dx - x dy) / (x² + y²)
export const atan2Rule = defineBinary({
  name: 'atan2',
  primal: Math.atan2,
  partials: [
    (x, y) => div(y, add(mul(x, x), mul(y, y))),
    (x, y) => neg(div(x, add(mul(x, x), mul(y, y)))),
  ],
  notation: '\\operatorname{atan2}(x, y)',
  domain: [
    [-3, 3],
    [0.2, 3],
  ],
});

/** Sine. @example sin(0) // 0 */
export const sin = ((x: Value) =>
  typeof x === 'number' ? sinRule.primal(x) : applyUnary(sinRule, x)) as UnaryOp;
/** Cosine. @example cos(0) // 1 */
export const cos = ((x: Value) =>
  typeof x === 'number' ? cosRule.primal(x) : applyUnary(cosRule, x)) as UnaryOp;
/** Tangent. @example tan(0) // 0 */
export const tan = ((x: Value) =>
  typeof x === 'number' ? tanRule.primal(x) : applyUnary(tanRule, x)) as UnaryOp;
/** Arcsine; NaN outside [-1, 1], derivative ±Infinity at ±1. @example asin(1) // π/2 */
export const asin = ((x: Value) =>
  typeof x === 'number' ? asinRule.primal(x) : applyUnary(asinRule, x)) as UnaryOp;
/** Arccosine; NaN outside [-1, 1]. @example acos(1) // 0 */
export const acos = ((x: Value) =>
  typeof x === 'number' ? acosRule.primal(x) : applyUnary(acosRule, x)) as UnaryOp;
/** Arctangent. @example atan(1) // π/4 */
export const atan = ((x: Value) =>
  typeof x === 'number' ? atanRule.primal(x) : applyUnary(atanRule, x)) as UnaryOp;
/** atan2(a, b) as Math.atan2(a, b): the angle of the point (b, a), as atan2(y, x) of (x, y). @example atan2(1, 1) // π/4 */
export const atan2 = ((x: Value, y: Value) =>
  typeof x === 'number' && typeof y === 'number'
    ? atan2Rule.primal(x, y)
    : applyBinary(atan2Rule, x, y)) as BinaryOp;
