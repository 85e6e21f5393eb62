/** @file Plain values for checkRule on matrix primitives: entries, shapes, shifts and inner products of numbers and matrices. */

import { fromArray, type Matrix } from '../core/matrix.ts';
import type { Plain } from '../core/rule.ts';
import { isMat, toMatrix, type Value } from '../core/value.ts';

/** An input's shape: [rows, cols], or null for a number. */
export type Dims = readonly [number, number] | null;

/** The entries of a plain value, row by row. */
export const entries = (v: Value): number[] =>
  isMat(v) ? Array.from(toMatrix(v).data) : [v as number];
/** ⟨a, b⟩ = Σ a_ij b_ij. */
export const inner = (a: Value, b: Value): number =>
  entries(a).reduce((s, x, i) => s + x * (entries(b)[i] as number), 0);
/** `3×1`, or `number`. */
export const dimsText = (d: Dims): string => (d === null ? 'number' : `${d[0]}×${d[1]}`);

/** Values of the given shapes from a flat list of entries. */
export function unflatten(flat: readonly number[], shapes: readonly Dims[]): Plain[] {
  let at = 0;
  return shapes.map((d) => {
    if (d === null) return flat[at++] as number;
    const m = fromArray(flat.slice(at, at + d[0] * d[1]), d[0], d[1]);
    at += d[0] * d[1];
    return m;
  });
}

/** The value, or null if computing it threw. */
export function attemptValue(compute: () => Value): Value | null {
  try {
    return compute();
  } catch {
    return null;
  }
}

/** A zero of the same shape. */
export function zeroLike(x: Plain): Plain {
  return typeof x === 'number' ? 0 : fromArray(new Float64Array(x.rows * x.cols), x.rows, x.cols);
}

/** x + t·v, entry by entry. */
export function shift(x: Plain, v: Plain, t: number): Plain {
  if (typeof x === 'number') return x + t * (v as number);
  const [a, b] = [x.data, (v as Matrix).data];
  return fromArray(
    a.map((e, i) => e + t * (b[i] as number)),
    x.rows,
    x.cols,
  );
}

/** The shape of a plain value. */
export function dimsOfValue(v: Value): Dims {
  return isMat(v) ? [v.rows, v.cols] : null;
}
