/** @file Linear algebra primitives: matmul, transpose, and the inner product dot. */

import { applyMatrix } from '../core/apply.ts';
import * as kernels from '../core/kernels.ts';
import { Matrix, shapeText } from '../core/matrix.ts';
import type { Mat, Num } from '../core/value.ts';
import { mul } from './arithmetic.ts';
import { defineMatrix } from './matrix-rule.ts';
import { requireMatrix, requireSameShape } from './shapes.ts';

// C = AB is bilinear: Ċ = ȦB + AḂ. Transposing each term with respect to
// ⟨U, V⟩ = Σ U_ij V_ij gives Ā = C̄Bᵀ and B̄ = AᵀC̄.
export const matmulRule = defineMatrix<'matmul', [a: Mat, b: Mat], Mat, undefined>({
  name: 'matmul',
  arity: 2,
  shape: ([a, b]) => {
    const x = requireMatrix('matmul', a, 0);
    const y = requireMatrix('matmul', b, 1);
    if (x.cols !== y.rows) {
      throw new Error(
        `wengert: matmul: (${shapeText(x.rows, x.cols)}) · (${shapeText(y.rows, y.cols)}) — ` +
          `inner dimensions ${x.cols} and ${y.rows} differ`,
      );
    }
    return { rows: x.rows, cols: y.cols };
  },
  evaluate: ([a, b]) => kernels.matmul(a, b),
  tangents: [([, b], _out, dot) => matmul(dot, b), ([a], _out, dot) => matmul(a, dot)],
  // On plain matrices the products read the transpose in place (the kernels
  // give matmul-of-transpose's numbers exactly); traced values take the ops,
  // so that the adjoint can be differentiated again, and so does a C̄ not of
  // C's shape (a primitive's faulty adjoint), so that matmul names the mismatch.
  adjoints: [
    ([, b], out, bar) =>
      b instanceof Matrix && plainOfShape(bar, out)
        ? kernels.matmulTransposeB(bar, b)
        : matmul(bar, transpose(b)),
    ([a], out, bar) =>
      a instanceof Matrix && plainOfShape(bar, out)
        ? kernels.matmulTransposeA(a, bar)
        : matmul(transpose(a), bar),
  ],
  latex: {
    op: 'C = A B',
    forward: '\\dot{C} = \\dot{A} B + A \\dot{B}',
    reverse:
      '\\bar{A} \\mathrel{+}= \\bar{C} B^{\\top}, \\quad \\bar{B} \\mathrel{+}= A^{\\top} \\bar{C}',
  },
});

/** True if x is a plain matrix of y's shape. */
function plainOfShape(x: Mat, y: Mat): x is Matrix {
  return x instanceof Matrix && x.rows === y.rows && x.cols === y.cols;
}

// Transposition is linear and its own transpose.
export const transposeRule = defineMatrix<'transpose', [x: Mat], Mat, undefined>({
  name: 'transpose',
  arity: 1,
  shape: ([a]) => {
    const { rows, cols } = requireMatrix('transpose', a, 0);
    return { rows: cols, cols: rows };
  },
  evaluate: ([a]) => kernels.transpose(a),
  tangents: [(_inputs, _out, dot) => transpose(dot)],
  adjoints: [(_inputs, _out, bar) => transpose(bar)],
  latex: {
    op: 'Y = X^{\\top}',
    forward: '\\dot{Y} = \\dot{X}^{\\top}',
    reverse: '\\bar{X} \\mathrel{+}= \\bar{Y}^{\\top}',
  },
});

// z = ⟨A, B⟩ = Σ A_ij B_ij: ż = ⟨Ȧ, B⟩ + ⟨A, Ḃ⟩, and a scalar z̄ goes back
// as z̄B and z̄A.
export const dotRule = defineMatrix<'dot', [a: Mat, b: Mat], Num, undefined>({
  name: 'dot',
  arity: 2,
  shape: (inputs) => {
    requireSameShape('dot', inputs);
    return null;
  },
  evaluate: ([a, b]) => kernels.inner(a, b),
  tangents: [([, b], _out, d) => dot(d, b), ([a], _out, d) => dot(a, d)],
  adjoints: [([, b], _out, bar) => mul(bar, b), ([a], _out, bar) => mul(bar, a)],
  latex: {
    op: 'z = \\langle A, B \\rangle = \\textstyle\\sum_{ij} A_{ij} B_{ij}',
    forward: '\\dot{z} = \\langle \\dot{A}, B \\rangle + \\langle A, \\dot{B} \\rangle',
    reverse: '\\bar{A} \\mathrel{+}= \\bar{z}\\, B, \\quad \\bar{B} \\mathrel{+}= \\bar{z}\\, A',
  },
});

/**
 * The matrix product A B.
 *
 * @example
 * matmul(matrix([[1, 2]]), matrix([[3], [4]])); // [[11]]
 */
export function matmul(a: Mat, b: Mat): Mat {
  return applyMatrix(matmulRule, [a, b], undefined);
}

/** Xᵀ. @example transpose(matrix([[1, 2, 3]])) // the 3×1 column [[1], [2], [3]] */
export function transpose(x: Mat): Mat {
  return applyMatrix(transposeRule, [x], undefined);
}

/**
 * The inner product Σ a_ij b_ij of two matrices of one shape (for vectors, the dot product).
 *
 * @example
 * dot(matrix([[1], [2]]), matrix([[3], [4]])); // 1·3 + 2·4 = 11
 */
export function dot(a: Mat, b: Mat): Num {
  return applyMatrix(dotRule, [a, b], undefined);
}
