/** @file Slicing a block of rows or columns out of a matrix, and its transpose: padding a block with zeros. */

import { applyMatrix } from '../core/apply.ts';
import { addBlock, block, place } from '../core/kernels.ts';
import { shapeText } from '../core/matrix.ts';
import type { Mat } from '../core/value.ts';
import { defineMatrix, type MatrixRule } from './matrix-rule.ts';
import { requireMatrix } from './shapes.ts';

/** A block: rows r0..r1-1 and columns c0..c1-1 (half-open ranges). */
export interface Block {
  readonly r0: number;
  readonly r1: number;
  readonly c0: number;
  readonly c1: number;
}

/** Where `pad` puts its block, in a rows×cols matrix of zeros. */
export interface Placement {
  readonly rows: number;
  readonly cols: number;
  readonly r0: number;
  readonly c0: number;
}

// Taking a block is linear: its tangent is the block of the tangent, and
// its transpose puts the adjoint back in place, zeros elsewhere.
export const sliceRule: MatrixRule<'slice', [x: Mat], Mat, Block> = defineMatrix({
  name: 'slice',
  arity: 1,
  shape: ([a], b: Block) => {
    const { rows, cols } = requireMatrix('slice', a, 0);
    const bad = (lo: number, hi: number, n: number) =>
      !(Number.isInteger(lo) && Number.isInteger(hi) && 0 <= lo && lo < hi && hi <= n);
    if (bad(b.r0, b.r1, rows) || bad(b.c0, b.c1, cols)) {
      throw new RangeError(
        `wengert: slice: rows [${b.r0}, ${b.r1}) and columns [${b.c0}, ${b.c1}) are not a ` +
          `non-empty block of a ${shapeText(rows, cols)} matrix`,
      );
    }
    return { rows: b.r1 - b.r0, cols: b.c1 - b.c0 };
  },
  evaluate: ([a], b: Block) => block(a, b.r0, b.r1, b.c0, b.c1),
  tangents: [(_inputs, _out, dot, b: Block) => applyMatrix(sliceRule, [dot], b)],
  adjoints: [
    ([a], _out, bar, b: Block) => {
      return applyMatrix(padRule, [bar], { rows: a.rows, cols: a.cols, r0: b.r0, c0: b.c0 });
    },
  ],
  // X̄'s block += Ȳ where the sweep owns X̄: the same sum, without the zeros around the block
  accumulate: (into, _inputs, _out, bar, b: Block) => addBlock(into, bar, b.r0, b.c0),
  latex: {
    op: 'Y = X_{[r_0, r_1),\\, [c_0, c_1)}',
    forward: '\\dot{Y} = \\dot{X}_{[r_0, r_1),\\, [c_0, c_1)}',
    reverse: '\\bar{X}_{[r_0, r_1),\\, [c_0, c_1)} \\mathrel{+}= \\bar{Y}',
  },
});

// Padding is the transpose of slicing, and slicing the transpose of padding.
export const padRule: MatrixRule<'pad', [x: Mat], Mat, Placement> = defineMatrix({
  name: 'pad',
  arity: 1,
  shape: ([a], p: Placement) => {
    const { rows, cols } = requireMatrix('pad', a, 0);
    const whole = [p.rows, p.cols, p.r0, p.c0].every(Number.isInteger);
    if (!whole || p.r0 < 0 || p.c0 < 0 || p.r0 + rows > p.rows || p.c0 + cols > p.cols) {
      throw new RangeError(
        `wengert: pad: a ${shapeText(rows, cols)} block at (${p.r0}, ${p.c0}) does not fit in ` +
          shapeText(p.rows, p.cols),
      );
    }
    return { rows: p.rows, cols: p.cols };
  },
  evaluate: ([a], p: Placement) => place(a, p.rows, p.cols, p.r0, p.c0),
  tangents: [(_inputs, _out, dot, p: Placement) => applyMatrix(padRule, [dot], p)],
  adjoints: [
    ([a], _out, bar, p: Placement) => {
      return applyMatrix(sliceRule, [bar], {
        r0: p.r0,
        r1: p.r0 + a.rows,
        c0: p.c0,
        c1: p.c0 + a.cols,
      });
    },
  ],
  latex: {
    op: 'Y = \\begin{bmatrix} 0 & 0 & 0 \\\\ 0 & X & 0 \\\\ 0 & 0 & 0 \\end{bmatrix}',
    forward: '\\dot{Y} = \\operatorname{pad}(\\dot{X})',
    reverse: '\\bar{X} \\mathrel{+}= \\bar{Y}_{[r_0, r_0 + m),\\, [c_0, c_0 + n)}',
  },
});

/**
 * A block of rows and/or columns, as half-open ranges [start, end); a range
 * left out takes everything.
 *
 * @example
 * ```ts
 * const x = matrix([[1, 2], [3, 4], [5, 6]]);
 * console.log(slice(x, { rows: [0, 2] }));  // the first two rows
 * console.log(slice(x, { cols: [1, 2] }));  // the second column
 * ```
 */
export function slice(
  x: Mat,
  range: { readonly rows?: readonly [number, number]; readonly cols?: readonly [number, number] },
): Mat {
  const [r0, r1] = range.rows ?? [0, x?.rows];
  const [c0, c1] = range.cols ?? [0, x?.cols];
  return applyMatrix(sliceRule, [x], { r0, r1, c0, c1 });
}

/**
 * `x` placed at `at` = [row, column] of a rows×cols matrix of zeros (the transpose of slice).
 *
 * @example
 * ```ts
 * console.log(pad(matrix([[1, 2]]), 2, 3, [1, 1])); // [[0, 0, 0], [0, 1, 2]]
 * ```
 */
export function pad(
  x: Mat,
  rows: number,
  cols: number,
  at: readonly [number, number] = [0, 0],
): Mat {
  return applyMatrix(padRule, [x], { rows, cols, r0: at[0], c0: at[1] });
}
