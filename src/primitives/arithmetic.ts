/** @file Arithmetic primitives: add, sub, mul, div, neg, pow. */

import { applyBinary, applyUnary } from '../core/apply.ts';
import { piecewise } from '../core/cases.ts';
import type { Num, Value } from '../core/value.ts';
import { log } from './exponential.ts';
import { type BinaryOp, defineBinary, defineUnary, type UnaryOp } from './rule.ts';

// d(x + y) = dx + dy
export const addRule = defineBinary({
  name: 'add',
  primal: (x, y) => x + y,
  partials: [() => 1, () => 1],
  notation: 'x + y',
  domain: [
    [-3, 3],
    [-3, 3],
  ],
});

// d(x - y) = dx - dy
export const subRule = defineBinary({
  name: 'sub',
  primal: (x, y) => x - y,
  partials: [() => 1, () => -1],
  notation: 'x - y',
  domain: [
    [-3, 3],
    [-3, 3],
  ],
});

// d(x y) = y dx + x dy
export const mulRule = defineBinary({
  name: 'mul',
  primal: (x, y) => x * y,
  partials: [(_x, y) => y, (x) => x],
  notation: 'x \\cdot y',
  domain: [
    [-3, 3],
    [-3, 3],
  ],
});

// d(x / y) = dx / y - (x / y²) dy, and x / y² = z / y
export const divRule = defineBinary({
  name: 'div',
  primal: (x, y) => x / y,
  partials: [(_x, y) => div(1, y), (_x, y, z) => neg(div(z, y))],
  notation: '\\frac{x}{y}',
  domain: [
    [-3, 3],
    [0.5, 3],
  ],
});

// d(-x) = -dx
export const negRule = defineUnary({
  name: 'neg',
  primal: (x) => -x,
  partial: () => -1,
  notation: '-x',
  domain: [[-3, 3]],
});

// d(x^y) = y x^(y-1) dx + x^y ln(x) dy. Each partial is this formula, so that it
// differentiates again, except where the formula is 0 · ∞ = NaN:
// - at x = 0, y = 0 the x-partial 0 · 0^(-1) is 0, as x^0 = 1 for every x (its
//   derivatives along x, all 0, stay right);
// - at x = 0, y > 0 the y-partial 0^y · ln 0 is 0, as 0^y = 0 for every y > 0
//   (its derivatives along y, all 0, stay right).
// Higher derivatives are not defined at x = 0 except along one input (along x,
// those of the power x^y; along y, for y > 0, those of 0^y = 0): the mixed ones
// hold ln x, and x^y is not continuous at (0, 0). For x < 0, x^y is real only at
// whole y: ∂/∂y is NaN (ln x), and higher derivatives involving y are not
// defined. The x-partial was once 0 at y = 0 for every x, which deleted its own
// derivative ∂²/∂x∂y = x^(y-1) (1 + y ln x): the Hessian at (2, 0) came out
// [[0, 0], [½, ln²2]], while every first derivative agreed with an
// independent oracle. The two special cases are pieces of `piecewise`, so the
// rendered rule shows them as cases.
export const powRule = defineBinary({
  name: 'pow',
  primal: Math.pow,
  partials: [
    (x, y) =>
      piecewise(
        [
          {
            when: [
              [x as Num, '==', 0],
              [y as Num, '==', 0],
            ],
            value: () => 0,
          },
        ],
        () => mul(y, pow(x, sub(y, 1))),
      ),
    (x, y, z) =>
      piecewise(
        [
          {
            when: [
              [x as Num, '==', 0],
              [y as Num, '>', 0],
            ],
            value: () => 0,
          },
        ],
        () => mul(z, log(x)),
      ),
  ],
  notation: 'x^{y}',
  domain: [
    [0.5, 2.5],
    [-2, 2],
  ],
});

/** x + y. @example add(2, 3) // 5 */
export const add = ((x: Value, y: Value) =>
  typeof x === 'number' && typeof y === 'number'
    ? addRule.primal(x, y)
    : applyBinary(addRule, x, y)) as BinaryOp;
/** x − y. @example sub(2, 3) // -1 */
export const sub = ((x: Value, y: Value) =>
  typeof x === 'number' && typeof y === 'number'
    ? subRule.primal(x, y)
    : applyBinary(subRule, x, y)) as BinaryOp;
/** x · y. @example grad((x: Num) => mul(5, x))(2) // 5: the plain 5 is a constant */
export const mul = ((x: Value, y: Value) =>
  typeof x === 'number' && typeof y === 'number'
    ? mulRule.primal(x, y)
    : applyBinary(mulRule, x, y)) as BinaryOp;
/** x / y; follows IEEE: div(1, 0) is Infinity, div(0, 0) is NaN. @example div(1, 4) // 0.25 */
export const div = ((x: Value, y: Value) =>
  typeof x === 'number' && typeof y === 'number'
    ? divRule.primal(x, y)
    : applyBinary(divRule, x, y)) as BinaryOp;
/** −x. @example neg(2) // -2 */
export const neg = ((x: Value) =>
  typeof x === 'number' ? negRule.primal(x) : applyUnary(negRule, x)) as UnaryOp;
/** x^y (Math.pow). @example pow(2, 10) // 1024 */
export const pow = ((x: Value, y: Value) =>
  typeof x === 'number' && typeof y === 'number'
    ? powRule.primal(x, y)
    : applyBinary(powRule, x, y)) as BinaryOp;
