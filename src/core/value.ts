/** @file The values the toolkit computes with: numbers and matrices, plain or traced. */

import { Matrix } from './matrix.ts';
import { TracedMatrix } from './traced-matrix.ts';
import { Tracer } from './tracer.ts';

/**
 * A number-like value. Plain numbers are constants; a traced number belongs
 * to an interpretation in progress (a forward pass, a tape, ...). Nested
 * differentiation nests them: a traced number whose value is traced too.
 *
 * @example
 * ```ts
 * const square = (x: Num) => mul(x, x); // works on 3, and on what grad passes it
 * console.log(square(3), grad(square)(3)); // 9 6
 * ```
 */
export type Num = number | Tracer;

/**
 * A matrix: plain, or traced, nested alike.
 *
 * @example
 * ```ts
 * const norm2 = (w: Mat) => sum(mul(w, w)); // a plain matrix, or a traced one under grad
 * console.log(norm2(matrix([[1, 2]])), grad(norm2)(matrix([[1, 2]])));
 * ```
 */
export type Mat = Matrix | TracedMatrix;

/**
 * Anything an op accepts and a differentiable function takes or returns as one item.
 *
 * @example
 * ```ts
 * const double = (v: Value) => mul(2, v); // a number or a matrix alike
 * console.log(double(3), double(eye(2)));
 * ```
 */
export type Value = Num | Mat;

/** True for the scalar values the toolkit can differentiate through. @example isNum(2) // true; isNum(eye(2)) is false */
export function isNum(x: unknown): x is Num {
  return typeof x === 'number' || x instanceof Tracer;
}

/** True for matrices, plain or traced. @example isMat(eye(2)) // true; isMat(2) is false */
export function isMat(x: unknown): x is Mat {
  // numbers are the common case on hot paths (every input of a point): one typeof settles them
  return typeof x === 'object' && (x instanceof Matrix || x instanceof TracedMatrix);
}

/**
 * The plain matrix at the bottom of a (possibly nested) traced one.
 *
 * @example
 * ```ts
 * grad((w: Mat) => {
 *   console.log(toMatrix(w)); // the numbers of w, without its derivative
 *   return sum(w);
 * })(matrix([[1, 2]]));
 * ```
 */
export function toMatrix(x: Mat): Matrix {
  let v: Mat = x;
  while (!(v instanceof Matrix)) v = v.value;
  return v;
}

/**
 * The plain number at the bottom of a (possibly nested) value. Use it for
 * decisions (branches, comparisons); derivatives do not flow through it.
 * Each trace passed on the way is told, since some cannot allow it (a
 * recording for `compile` could not re-check the decision at replay).
 *
 * @example
 * grad((x: Num) => (toNumber(x) > 0 ? x : neg(x)))(-3); // -1: |x| by the branch taken
 */
export function toNumber(x: Num): number {
  let v: Num = x;
  while (typeof v !== 'number') {
    v.trace.noteRead(v);
    v = v.value;
  }
  return v;
}

/** A value's shape: rows and columns for a matrix, null for a scalar. */
export function shapeOf(x: Value): { readonly rows: number; readonly cols: number } | null {
  return isMat(x) ? { rows: x.rows, cols: x.cols } : null;
}

/** Describes a bad operand for an error message: its JS type, or the class name. */
export function describe(x: unknown): string {
  if (x === null) return 'null';
  if (Array.isArray(x)) return `an array of length ${x.length}`;
  if (x instanceof Matrix || x instanceof TracedMatrix) return `a ${x.rows}×${x.cols} matrix`;
  if (typeof x === 'object') return `an object (${x.constructor?.name ?? 'Object'})`;
  if (x === undefined) return 'undefined';
  if (typeof x === 'string') return `the string ${JSON.stringify(x)}`;
  return `${typeof x} ${String(x)}`;
}
