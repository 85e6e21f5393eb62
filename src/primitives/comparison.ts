/** @file Comparisons of traced values: plain booleans, which a recording for `compile` keeps so that replay can check them. */

import type { Num } from '../core/value.ts';

/** The comparisons, by code: the code is what a tape stores. */
export const COMPARISONS = ['lt', 'le', 'gt', 'ge', 'eq', 'ne'] as const;
/**
 * The name of a comparison, as a recording for `compile` keeps it.
 *
 * @example
 * const kinds: Comparison[] = ['lt', 'ge']; // x < y, x ≥ y
 */
export type Comparison = (typeof COMPARISONS)[number];

/** a ⋚ b for each comparison code, in the order of COMPARISONS. */
const TESTS: readonly ((a: number, b: number) => boolean)[] = [
  (a, b) => a < b,
  (a, b) => a <= b,
  (a, b) => a > b,
  (a, b) => a >= b,
  (a, b) => a === b,
  (a, b) => a !== b,
];

/** a ⋚ b for a comparison code. */
export function compareNumbers(code: number, a: number, b: number): boolean {
  return (TESTS[code] as (a: number, b: number) => boolean)(a, b);
}

/** The plain number under a value, without telling the traces it passes (a comparison is not a toNumber). */
function bottom(x: Num): number {
  let v: Num = x;
  while (typeof v !== 'number') v = v.value;
  return v;
}

function comparison(code: number): (x: Num, y: Num) => boolean {
  return (x, y) => {
    const result = compareNumbers(code, bottom(x), bottom(y));
    // each trace among the operands is told (a recording for compile keeps it)
    const a = typeof x === 'number' ? null : x.trace;
    const b = typeof y === 'number' ? null : y.trace;
    a?.noteComparison(code, x, y, result);
    if (b !== a) b?.noteComparison(code, x, y, result);
    return result;
  };
}

/**
 * x < y, x ≤ y, x > y, x ≥ y on the values of this run, for branching:
 * `if (gt(x, 0)) ...`. The derivative follows the branch taken, as always;
 * under `compile`, the comparison is also recorded, so that replaying the
 * tape at another point can tell when the branch would flip.
 *
 * @example
 * ```ts
 * const f = (x: Num) => (lt(x, 0) ? neg(x) : mul(x, x));
 * grad(f)(3); // 6: the derivative of the branch this run took, x²
 * grad(f)(-3); // -1
 * ```
 */
export const lt = comparison(0);
/** x ≤ y on the values of this run, for branching; see lt. @example le(2, 2) // true */
export const le = comparison(1);
/** x > y on the values of this run, for branching; see lt. @example gt(3, 2) // true */
export const gt = comparison(2);
/** x ≥ y on the values of this run, for branching; see lt. @example ge(2, 3) // false */
export const ge = comparison(3);

/**
 * x = y and x ≠ y on the values of this run. JavaScript's `===` compares a
 * traced value's identity, not its number, so `x === 0` is false for every
 * traced x; `eq(x, 0)` compares the numbers, and under `compile` it is
 * recorded like the others, so a replay at x ≠ 0 refuses the branch taken
 * at 0.
 *
 * @example
 * const sinc = (x: Num) => (eq(x, 0) ? 1 : div(sin(x), x));
 * grad(sinc)(0); // 0, where `x === 0 ? ...` gives NaN
 */
export const eq = comparison(4);
/** x ≠ y on the values of this run, for branching; see eq. @example ne(1, 2) // true */
export const ne = comparison(5);
