/** @file Piecewise-smooth primitives: abs, relu, max, min, and the subgradient each picks at its kink. */

import { applyBinary, applyUnary } from '../core/apply.ts';
import { piecewise } from '../core/cases.ts';
import type { Num, Value } from '../core/value.ts';
import { locallyConstant } from './pointwise.ts';
import { type BinaryOp, defineBinary, defineUnary, type UnaryOp } from './rule.ts';

// The partials below are locally constant (0, ±1 or ½), chosen by comparing
// plain values: their own derivative is 0 wherever they are defined.
// Kinks get one documented choice each; NaN inputs give NaN partials.

// d|x| = sign(x) dx, with sign(0) = 0 (the subgradient of least magnitude, as PyTorch)
export const absRule = defineUnary({
  name: 'abs',
  primal: Math.abs,
  partial: (x) => locallyConstant(x, sign),
  notation: '\\lvert x \\rvert',
  domain: [[-3, 3]],
});

// d relu(x) = [x > 0] dx, so 0 at x = 0 (as JAX and PyTorch)
export const reluRule = defineUnary({
  name: 'relu',
  primal: (x) => (x > 0 ? x : x <= 0 ? 0 : Number.NaN),
  partial: (x) => locallyConstant(x, step),
  notation: '\\max(x, 0)',
  domain: [[-3, 3]],
});

// d max(x, y) = [x > y] dx + [x < y] dy, and ½ dx + ½ dy at a tie, so that
// max(x, x) = x keeps derivative 1 (as JAX)
export const maxRule = defineBinary({
  name: 'max',
  primal: Math.max,
  partials: [(x, y) => choose(x, y), (x, y) => choose(y, x)],
  notation: '\\max(x, y)',
  domain: [
    [-3, 3],
    [-3, 3],
  ],
});

// d min(x, y) = [x < y] dx + [x > y] dy, ½ each at a tie
export const minRule = defineBinary({
  name: 'min',
  primal: Math.min,
  partials: [(x, y) => choose(y, x), (x, y) => choose(x, y)],
  notation: '\\min(x, y)',
  domain: [
    [-3, 3],
    [-3, 3],
  ],
});

/** sign(x): 1, −1 or 0; NaN for NaN. */
function sign(x: Num): Value {
  return piecewise(
    [
      { when: [x, '>', 0], value: () => 1 },
      { when: [x, '<', 0], value: () => -1 },
      { when: [x, '==', 0], value: () => 0 },
    ],
    () => Number.NaN,
  );
}

/** [x > 0]: 1 or 0; NaN for NaN. */
function step(x: Num): Value {
  return piecewise(
    [
      { when: [x, '>', 0], value: () => 1 },
      { when: [x, '<=', 0], value: () => 0 },
    ],
    () => Number.NaN,
  );
}

/** How much of the derivative goes to `winner`: 1 if it is larger, 0 if smaller, ½ at a tie. */
function choose(winner: Value, other: Value): Value {
  const [a, b] = [winner as Num, other as Num];
  return piecewise(
    [
      { when: [a, '>', b], value: () => 1 },
      { when: [a, '<', b], value: () => 0 },
      { when: [a, '==', b], value: () => 0.5 },
    ],
    () => Number.NaN,
  );
}

/** |x|; its derivative at 0 is taken as 0. @example abs(-2) // 2 */
export const abs = ((x: Value) =>
  typeof x === 'number' ? absRule.primal(x) : applyUnary(absRule, x)) as UnaryOp;
/** max(x, 0); its derivative at 0 is taken as 0. @example relu(-1) // 0 */
export const relu = ((x: Value) =>
  typeof x === 'number' ? reluRule.primal(x) : applyUnary(reluRule, x)) as UnaryOp;
/** The larger of x and y; at a tie each gets half the derivative. @example max(1, 2) // 2 */
export const max = ((x: Value, y: Value) =>
  typeof x === 'number' && typeof y === 'number'
    ? maxRule.primal(x, y)
    : applyBinary(maxRule, x, y)) as BinaryOp;
/** The smaller of x and y; at a tie each gets half the derivative. @example min(1, 2) // 1 */
export const min = ((x: Value, y: Value) =>
  typeof x === 'number' && typeof y === 'number'
    ? minRule.primal(x, y)
    : applyBinary(minRule, x, y)) as BinaryOp;
