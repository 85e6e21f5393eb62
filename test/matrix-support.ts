/**
 * @file Plain-JS matrices for the matrix suites: reference primals written with loops over
 * number[][] (never with the toolkit), random operands, inner products and closeness checks.
 */

import { expect } from 'vitest';
import { Matrix, type Value } from '../src/index.ts';
import { close, uniform } from './support.ts';

/** A reference matrix: an array of rows. */
export type Grid = number[][];

/** A reference operand or result: a number, or a grid. */
export type Plain = number | Grid;

/** An operand's shape: rows and columns, or null for a scalar. */
export type Dims = { readonly rows: number; readonly cols: number } | null;

/** "3×5", or "scalar". */
export function dimsText(d: Dims): string {
  return d === null ? 'scalar' : `${d.rows}×${d.cols}`;
}

/** A rows×cols grid with entry (i, j) = f(i, j). */
export function grid(rows: number, cols: number, f: (i: number, j: number) => number): Grid {
  return Array.from({ length: rows }, (_, i) => Array.from({ length: cols }, (_, j) => f(i, j)));
}

/** Entry (i, j) of a grid. */
function at(g: Grid, i: number, j: number): number {
  return (g[i] as number[])[j] as number;
}

/** The rows and columns of a grid. */
export function dimsOf(x: Plain): Dims {
  return typeof x === 'number' ? null : { rows: x.length, cols: (x[0] as number[]).length };
}

/** A toolkit matrix holding a grid (built with the Matrix constructor only). */
export function fromGrid(g: Grid): Matrix {
  const d = dimsOf(g) as { rows: number; cols: number };
  return new Matrix(d.rows, d.cols, Float64Array.from(g.flat()));
}

/** A plain value as the toolkit takes it. */
export function toValue(x: Plain): number | Matrix {
  return typeof x === 'number' ? x : fromGrid(x);
}

/** A toolkit matrix read back into a grid straight from its row-major data. */
export function toGrid(m: Matrix): Grid {
  return grid(m.rows, m.cols, (i, j) => m.data[i * m.cols + j] as number);
}

/** A random operand of the given shape, entries uniform in `interval`. */
export function randomPlain(
  random: () => number,
  d: Dims,
  interval: readonly [number, number],
): Plain {
  return d === null
    ? uniform(random, interval)
    : grid(d.rows, d.cols, () => uniform(random, interval));
}

/** The entries of a value, a matrix row by row (the toolkit's documented Jacobian order). */
export function entries(x: Plain | Value): number[] {
  if (typeof x === 'number') return [x];
  if (x instanceof Matrix) return Array.from(x.data);
  if (Array.isArray(x)) return x.flat();
  throw new Error(`entries: not a plain value: ${String(x)}`);
}

/** The inverse of `entries` for one shape: takes its entries from the front of `flat`. */
export function takeLike(d: Dims, flat: number[]): Plain {
  if (d === null) return flat.shift() as number;
  return grid(d.rows, d.cols, () => flat.shift() as number);
}

/** Turns a reference function of plain operands into one of their concatenated entries. */
export function overEntries(
  reference: (x: Plain[]) => Plain,
  dims: readonly Dims[],
): (flat: number[]) => number[] {
  return (flat) => {
    const rest = [...flat];
    return entries(reference(dims.map((d) => takeLike(d, rest))));
  };
}

/** ⟨a, b⟩ = Σ a_k b_k over two values of one shape (numbers multiply). */
export function inner(a: Plain | Value, b: Plain | Value): number {
  const x = entries(a);
  const y = entries(b);
  expect(y.length, 'inner product of two values of one size').toBe(x.length);
  return x.reduce((s, v, k) => s + v * (y[k] as number), 0);
}

// ---------------------------------------------------------------------------
// Reference primals: loops over grids, written from the definitions.

/** C_ij = Σ_k A_ik B_kj. */
export function refMatmul(a: Grid, b: Grid): Grid {
  const inner = (a[0] as number[]).length;
  return grid(a.length, (b[0] as number[]).length, (i, j) => {
    let s = 0;
    for (let k = 0; k < inner; k++) s += at(a, i, k) * at(b, k, j);
    return s;
  });
}

/** (Aᵀ)_ij = A_ji. */
export function refTranspose(a: Grid): Grid {
  return grid((a[0] as number[]).length, a.length, (i, j) => at(a, j, i));
}

/** Σ of every entry; axis 0 sums each column into a row, axis 1 each row into a column. */
export function refSum(a: Grid, axis?: 0 | 1): Plain {
  const d = dimsOf(a) as { rows: number; cols: number };
  if (axis === 0)
    return [Array.from({ length: d.cols }, (_, j) => sumOf(a.map((r) => r[j] as number)))];
  if (axis === 1) return a.map((r) => [sumOf(r)]);
  return sumOf(a.flat());
}

function sumOf(xs: readonly number[]): number {
  let s = 0;
  for (const x of xs) s += x;
  return s;
}

/** The mean of every entry. */
export function refMean(a: Grid): number {
  return sumOf(a.flat()) / a.flat().length;
}

/** Σ_ij A_ij B_ij. */
export function refDot(a: Grid, b: Grid): number {
  const y = b.flat();
  return sumOf(a.flat().map((v, k) => v * (y[k] as number)));
}

/** (1/N) Σ_ij (P_ij − T_ij)². */
export function refMse(p: Grid, t: Grid): number {
  const y = t.flat();
  return sumOf(p.flat().map((v, k) => (v - (y[k] as number)) ** 2)) / y.length;
}

/** Rows r0..r1−1 and columns c0..c1−1. */
export function refSlice(a: Grid, r0: number, r1: number, c0: number, c1: number): Grid {
  return grid(r1 - r0, c1 - c0, (i, j) => at(a, r0 + i, c0 + j));
}

/** `a` placed at (r0, c0) in a rows×cols grid of zeros. */
export function refPad(a: Grid, rows: number, cols: number, r0: number, c0: number): Grid {
  const d = dimsOf(a) as { rows: number; cols: number };
  return grid(rows, cols, (i, j) => {
    const inside = i >= r0 && i < r0 + d.rows && j >= c0 && j < c0 + d.cols;
    return inside ? at(a, i - r0, j - c0) : 0;
  });
}

/** Entry (i, j) of x repeated to any size: a number everywhere, a dimension of 1 repeated. */
function repeated(x: Plain, i: number, j: number): number {
  if (typeof x === 'number') return x;
  const d = dimsOf(x) as { rows: number; cols: number };
  return at(x, d.rows === 1 ? 0 : i, d.cols === 1 ? 0 : j);
}

/** x repeated to rows×cols. */
export function refBroadcast(x: Plain, rows: number, cols: number): Grid {
  return grid(rows, cols, (i, j) => repeated(x, i, j));
}

/** Z_ij = f(x_ij, y_ij), NumPy broadcasting (the result takes the larger of each dimension). */
export function refZip(f: (a: number, b: number) => number, x: Plain, y: Plain): Grid {
  const dx = dimsOf(x);
  const dy = dimsOf(y);
  const rows = Math.max(dx?.rows ?? 1, dy?.rows ?? 1);
  const cols = Math.max(dx?.cols ?? 1, dy?.cols ?? 1);
  return grid(rows, cols, (i, j) => f(repeated(x, i, j), repeated(y, i, j)));
}

/** Y_ij = f(X_ij). */
export function refMap(f: (a: number) => number, x: Grid): Grid {
  return x.map((row) => row.map(f));
}

// ---------------------------------------------------------------------------
// Checks.

/**
 * Asserts a toolkit result has the kind and shape of `expected` (a plain number for a number,
 * a `Matrix` of the same rows and columns for a grid) and entries within `tol`.
 */
export function expectValueClose(actual: unknown, expected: Plain, tol: number, label = ''): void {
  if (typeof expected === 'number') {
    expect(typeof actual, `${label}: expected a number, got ${String(actual)}`).toBe('number');
  } else {
    expect(actual instanceof Matrix, `${label}: expected a Matrix, got ${String(actual)}`).toBe(
      true,
    );
    const m = actual as Matrix;
    expect(dimsText(m), `${label}: shape`).toBe(dimsText(dimsOf(expected)));
  }
  const a = entries(actual as number | Matrix);
  const k = entries(expected).findIndex((e, k) => !close(a[k] as number, e, tol));
  const first = k < 0 ? '' : `entry ${k}: ${a[k]} vs ${entries(expected)[k]} (tol ${tol})`;
  expect(first, `${label}: first mismatch`).toBe('');
}

/**
 * Asserts two Jacobians (arrays of rows) agree within `tol`, with one assertion for the whole
 * table (naming the first mismatch): the suites compare thousands of entries.
 */
export function expectTableClose(
  actual: readonly (readonly unknown[])[],
  expected: readonly (readonly number[])[],
  tol: number,
  label = '',
): void {
  const size = (t: readonly (readonly unknown[])[]) => `${t.length}×${t[0]?.length ?? 0}`;
  expect(size(actual), `${label}: size`).toBe(size(expected));
  let mismatch = '';
  expected.forEach((row, i) => {
    row.forEach((e, j) => {
      const a = actual[i]?.[j];
      if (mismatch === '' && (typeof a !== 'number' || !close(a, e, tol))) {
        mismatch = `[${i}][${j}]: ${String(a)} vs ${e} (tol ${tol})`;
      }
    });
  });
  expect(mismatch, `${label}: first mismatch`).toBe('');
}
