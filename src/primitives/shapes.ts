/** @file Shape checks shared by the matrix primitives, with messages that name the shapes involved. */

import { shapeText } from '../core/matrix.ts';
import type { Shape } from './matrix-rule.ts';

/** "2×3", or "a scalar". */
export function describeShapeOf(s: Shape): string {
  return s === null ? 'a scalar' : shapeText(s.rows, s.cols);
}

/** Throws unless input `position` of `op` is a matrix; returns its shape. */
export function requireMatrix(
  op: string,
  s: Shape,
  position: number,
): { rows: number; cols: number } {
  if (s === null) {
    throw new TypeError(`wengert: ${op}: argument ${position + 1} is a scalar; expected a matrix`);
  }
  return s;
}

/**
 * Throws unless both inputs of `op` are matrices of one shape; `names`
 * says what they are in the message ("prediction", "target").
 */
export function requireSameShape(
  op: string,
  [a, b]: readonly Shape[],
  names: readonly [string, string] = ['', ''],
): void {
  const x = requireMatrix(op, a ?? null, 0);
  const y = requireMatrix(op, b ?? null, 1);
  if (x.rows !== y.rows || x.cols !== y.cols) {
    const label = (name: string, s: { rows: number; cols: number }) =>
      `${name}${name === '' ? '' : ' '}(${shapeText(s.rows, s.cols)})`;
    throw new Error(
      `wengert: ${op}: ${label(names[0], x)} and ${label(names[1], y)} must have the same shape`,
    );
  }
}

/**
 * The shape elementwise `op` gives: equal dimensions, or one of them 1
 * (repeated), as in NumPy; a scalar repeats everywhere.
 */
export function broadcastShape(op: string, x: Shape, y: Shape): Shape {
  if (x === null) return y;
  if (y === null) return x;
  const rows = joinDimension(x.rows, y.rows);
  const cols = joinDimension(x.cols, y.cols);
  if (rows < 0 || cols < 0) {
    throw new Error(
      `wengert: ${op}: shapes (${describeShapeOf(x)}) and (${describeShapeOf(y)}) do not ` +
        `broadcast — ${rows < 0 ? `rows ${x.rows} and ${y.rows}` : `columns ${x.cols} and ${y.cols}`} ` +
        'differ and neither is 1',
    );
  }
  return { rows, cols };
}

/** The joined dimension, or -1 if neither is 1 and they differ. */
function joinDimension(a: number, b: number): number {
  if (a === b || b === 1) return a;
  return a === 1 ? b : -1;
}
