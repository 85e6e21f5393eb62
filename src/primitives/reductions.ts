/** @file Reductions and their transposes: sum (whole or along an axis), broadcast, mean, mseLoss. */

import { applyMatrix } from '../core/apply.ts';
import { repeat, squaredDistance, sumAxis, total } from '../core/kernels.ts';
import { type Matrix, shapeText } from '../core/matrix.ts';
import type { Mat, Num, Value } from '../core/value.ts';
import { shapeOf } from '../core/value.ts';
import { add, mul, neg, sub } from './arithmetic.ts';
import { dot } from './linear-algebra.ts';
import { defineMatrix, type Shape } from './matrix-rule.ts';
import { describeShapeOf, requireMatrix, requireSameShape } from './shapes.ts';

/**
 * 0 sums each column (a 1×cols row), 1 sums each row (a rows×1 column); none sums everything.
 *
 * @example
 * ```ts
 * const m = matrix([[1, 2], [3, 4]]);
 * console.log(sum(m, 0 satisfies Axis), sum(m, 1 satisfies Axis)); // column sums, row sums
 * ```
 */
export type Axis = 0 | 1;

// Σ_ij x_ij is linear: its tangent is the sum of the tangent, and its
// transpose spreads the adjoint back over every entry (broadcast).
export const sumRule = defineMatrix<'sum', [x: Mat], Value, Axis | undefined>({
  name: 'sum',
  arity: 1,
  shape: ([x], axis: Axis | undefined) => {
    const { rows, cols } = requireMatrix('sum', x, 0);
    if (axis === undefined) return null;
    if (axis !== 0 && axis !== 1)
      throw new Error(`wengert: sum: axis must be 0 or 1, got ${JSON.stringify(axis)}`);
    return axis === 0 ? { rows: 1, cols } : { rows, cols: 1 };
  },
  evaluate: ([x], axis: Axis | undefined) => (axis === undefined ? total(x) : sumAxis(x, axis)),
  tangents: [(_inputs, _out, dot, axis: Axis | undefined) => sum(dot, axis)],
  adjoints: [([x], _out, bar) => broadcast(bar, x.rows, x.cols)],
  latex: {
    op: 'z = \\textstyle\\sum_{ij} X_{ij}',
    forward: '\\dot{z} = \\textstyle\\sum_{ij} \\dot{X}_{ij}',
    reverse: '\\bar{X}_{ij} \\mathrel{+}= \\bar{z}',
  },
});

/** The shape `broadcast` repeats to. */
type Target = { readonly rows: number; readonly cols: number };

// Repeating a scalar, a row or a column to a rows×cols matrix: the
// transpose of summing along the repeated dimensions.
export const broadcastRule = defineMatrix<'broadcast', [x: Value], Mat, Target>({
  name: 'broadcast',
  arity: 1,
  shape: ([x], to) => {
    if (!(Number.isInteger(to.rows) && Number.isInteger(to.cols) && to.rows >= 0 && to.cols >= 0)) {
      throw new RangeError(
        `wengert: broadcast: ${to.rows}×${to.cols} is not a shape (whole numbers ≥ 0)`,
      );
    }
    if (
      x !== null &&
      !((x.rows === to.rows || x.rows === 1) && (x.cols === to.cols || x.cols === 1))
    ) {
      throw new Error(
        `wengert: broadcast: a ${describeShapeOf(x)} matrix cannot be repeated to ` +
          `${shapeText(to.rows, to.cols)}; only a dimension of 1 can be repeated`,
      );
    }
    return to;
  },
  evaluate: ([x], to) => repeat(x, to.rows, to.cols),
  tangents: [(_inputs, _out, dot, to) => broadcast(dot, to.rows, to.cols)],
  adjoints: [([x], _out, bar) => reduceTo(bar, shapeOf(x))],
  latex: {
    op: 'Z_{ij} = X_{\\min(i, m)\\,\\min(j, n)}',
    forward: '\\dot{Z} = \\operatorname{broadcast}(\\dot{X})',
    reverse: '\\bar{X} \\mathrel{+}= \\operatorname{sum}_{\\text{repeated axes}}(\\bar{Z})',
  },
});

// mean = sum / N: linear, like sum, with the 1/N carried along.
export const meanRule = defineMatrix<'mean', [x: Mat], Num, undefined>({
  name: 'mean',
  arity: 1,
  shape: ([x]) => {
    requireMatrix('mean', x, 0);
    return null;
  },
  evaluate: ([x]) => total(x) / x.data.length,
  tangents: [(_inputs, _out, dot) => mean(dot)],
  adjoints: [
    ([x], _out, bar) => {
      const { rows, cols } = x;
      return broadcast(mul(bar, 1 / (rows * cols)), rows, cols);
    },
  ],
  latex: {
    op: 'z = \\tfrac{1}{N} \\textstyle\\sum_{ij} X_{ij}',
    forward: '\\dot{z} = \\tfrac{1}{N} \\textstyle\\sum_{ij} \\dot{X}_{ij}',
    reverse: '\\bar{X}_{ij} \\mathrel{+}= \\tfrac{1}{N} \\bar{z}',
  },
});

// L = (1/N) Σ (p - t)²: dL = (2/N) ⟨p - t, dp - dt⟩, so its transpose sends
// (2/N) z̄ (p - t) to the prediction and the negative to the target.
export const mseLossRule = defineMatrix<
  'mseLoss',
  [prediction: Mat, target: Value],
  Num,
  undefined
>({
  name: 'mseLoss',
  arity: 2,
  shape: (inputs) => {
    requireSameShape('mseLoss', inputs, ['prediction', 'target']);
    return null;
  },
  // `shape` has checked that the target is a matrix
  evaluate: ([p, t]) => squaredDistance(p, t as Matrix) / p.data.length,
  tangents: [
    ([p, t], _out, d) => mul(2 / size(p), dot(sub(p, t), d)),
    ([p, t], _out, d) => mul(-2 / size(p), dot(sub(p, t), d as Mat)),
  ],
  adjoints: [
    ([p, t], _out, bar) => mul(mul(bar, 2 / size(p)), sub(p, t)),
    ([p, t], _out, bar) => neg(mul(mul(bar, 2 / size(p)), sub(p, t))),
  ],
  latex: {
    op: 'L = \\tfrac{1}{N} \\textstyle\\sum_{ij} (P_{ij} - T_{ij})^2',
    forward: '\\dot{L} = \\tfrac{2}{N} \\langle P - T,\\, \\dot{P} - \\dot{T} \\rangle',
    reverse:
      '\\bar{P} \\mathrel{+}= \\tfrac{2}{N} \\bar{L} \\,(P - T), \\quad \\bar{T} \\mathrel{+}= -\\tfrac{2}{N} \\bar{L} \\,(P - T)',
  },
});

function size(x: Mat): number {
  return x.rows * x.cols;
}

/**
 * The sum of every entry (a scalar), or along an axis: 0 sums each column
 * into a 1×cols row, 1 sums each row into a rows×1 column. An array of
 * numbers is summed with `add`, one entry at a time (0 when it is empty).
 *
 * @example
 * sum(matrix([[1, 2], [3, 4]]));    // 10
 * sum(matrix([[1, 2], [3, 4]]), 0); // [[4, 6]]
 * grad((xs: Num[]) => sum(xs.map((x) => mul(x, x))))([1, 2, 3]); // [2, 4, 6]
 */
export function sum(xs: readonly Num[]): Num;
export function sum(x: Mat): Num;
export function sum(x: Mat, axis: Axis): Mat;
export function sum(x: Mat, axis: Axis | undefined): Mat | Num;
export function sum(x: Mat | readonly Num[], axis?: Axis): Value {
  if (isArray(x)) {
    if (axis !== undefined) throw new Error('wengert: sum: an array of numbers takes no axis');
    return x.reduce<Num>((total, v, i) => (i === 0 ? v : add(total, v)), 0);
  }
  return applyMatrix(sumRule, [x], axis);
}

/** `Array.isArray`, narrowing a readonly array too. */
function isArray(x: Mat | readonly Num[]): x is readonly Num[] {
  return Array.isArray(x);
}

/**
 * Repeats a scalar, a 1×cols row or a rows×1 column to rows×cols.
 *
 * @example
 * broadcast(matrix([[1, 2]]), 3, 2); // three rows [1, 2]
 */
export function broadcast(x: Value, rows: number, cols: number): Mat {
  return applyMatrix(broadcastRule, [x], { rows, cols });
}

/** The mean of every entry. @example mean(matrix([[1, 2], [3, 6]])) // 3 */
export function mean(x: Mat): Num {
  return applyMatrix(meanRule, [x], undefined);
}

/**
 * The mean squared error (1/N) Σ (p_ij − t_ij)² between two matrices of one shape.
 *
 * @example
 * mseLoss(matrix([[1, 2]]), matrix([[1, 4]])); // (0² + 2²) / 2 = 2
 */
export function mseLoss(prediction: Mat, target: Value): Num {
  return applyMatrix(mseLossRule, [prediction, target], undefined);
}

/**
 * Sums `x` down to `shape` along the dimensions a broadcast repeated: the
 * transpose of broadcasting `shape` up to x's shape. A scalar shape sums
 * everything.
 */
export function reduceTo(x: Mat, shape: Shape): Value {
  if (shape === null) return sum(x);
  const r = shape.rows === 1 && x.rows !== 1 ? sum(x, 0) : x;
  return shape.cols === 1 && x.cols !== 1 ? sum(r, 1) : r;
}
