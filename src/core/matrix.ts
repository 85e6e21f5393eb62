/** @file The dense matrix value: row-major numbers, with the constructors users build inputs from. */

import { formatNumber } from './format.ts';
import { describe } from './value.ts';

/**
 * A rows×cols matrix of plain numbers, stored row-major in a Float64Array:
 * entry (i, j) is `data[i * cols + j]`. Vectors are n×1. It is a constant
 * to every differentiation; a traced matrix (`TracedMatrix`) wraps one. Ops never change a matrix in place, so sharing one is safe.
 *
 * @example
 * ```ts
 * const m = matrix([[1, 2], [3, 4]]);
 * console.log(m.rows, m.cols, m.get(1, 0), m.toArray()); // 2 2 3 [[1, 2], [3, 4]]
 * ```
 */
export class Matrix {
  constructor(
    readonly rows: number,
    readonly cols: number,
    readonly data: Float64Array,
  ) {
    checkShape(rows, cols);
    if (data.length !== rows * cols) {
      throw new Error(
        `wengert: a ${shapeText(rows, cols)} matrix needs ${rows * cols} entries, got ${data.length}`,
      );
    }
  }

  /** Tells ops that this operand takes the matrix path; a prototype getter, free per value. */
  get isMatrix(): true {
    return true;
  }

  /** Entry (i, j). */
  get(i: number, j: number): number {
    return this.data[i * this.cols + j] as number;
  }

  /** The entries as nested arrays, one per row. */
  toArray(): number[][] {
    return Array.from({ length: this.rows }, (_, i) =>
      Array.from(this.data.subarray(i * this.cols, (i + 1) * this.cols)),
    );
  }

  /** Every entry at full precision, on one line, as nested arrays: `[[1, 2], [3, 4]]`. */
  toString(): string {
    return `[${this.toArray()
      .map((row) => `[${row.join(', ')}]`)
      .join(', ')}]`;
  }

  /** What console.log shows in Node: the shape, then the rows aligned (long ones elided). */
  [Symbol.for('nodejs.util.inspect.custom')](): string {
    return inspectMatrix(this);
  }
}

/**
 * `Matrix 2×2 [` then one aligned row per line, entries by formatNumber's
 * policy (6 significant digits); past 10 rows or columns, the first and last 4 with a count between.
 * A symbol from the global registry, so the browser bundle needs no node:util.
 */
function inspectMatrix(m: Matrix): string {
  const pick = (n: number) =>
    n > 10 ? [0, 1, 2, 3, -1, n - 4, n - 3, n - 2, n - 1] : Array.from({ length: n }, (_, i) => i);
  const rows = pick(m.rows);
  const cols = pick(m.cols);
  // No thousands separators: a comma already parts the entries of a row.
  const cell = (i: number, j: number) =>
    j < 0 ? '…' : formatNumber(m.get(i, j), { thousands: false });
  const text = rows.map((i) => (i < 0 ? [] : cols.map((j) => cell(i, j))));
  const widths = cols.map((_, k) => Math.max(...text.map((r) => (r[k] ?? '').length)));
  const lines = text.map((r, k) =>
    rows[k] === -1
      ? `  … ${m.rows - 8} more rows`
      : `  [${r.map((c, j) => c.padStart(widths[j] as number)).join(', ')}]`,
  );
  const head = `Matrix ${shapeText(m.rows, m.cols)}`;
  return m.rows === 0 ? `${head} []` : [`${head} [`, lines.join(',\n'), ']'].join('\n');
}

/** "2×3", the way shapes appear in messages and docs. */
export function shapeText(rows: number, cols: number): string {
  return `${rows}×${cols}`;
}

/** A whole number of rows or columns, 0 or more. */
function isCount(n: number): boolean {
  return Number.isInteger(n) && n >= 0;
}

/** Throws unless rows and cols are whole numbers ≥ 0 (a 2.5×2 or −1×−1 "matrix" is a mistake). */
function checkShape(rows: number, cols: number): void {
  if (!isCount(rows) || !isCount(cols)) {
    throw new RangeError(
      `wengert: a matrix needs whole numbers of rows and columns (0 or more), got ${shapeText(rows, cols)}`,
    );
  }
}

/**
 * A matrix from nested arrays, one per row, all of the same length.
 *
 * @example
 * matrix([[1, 2, 3], [4, 5, 6]]); // 2×3
 */
export function matrix(rows: readonly (readonly number[])[]): Matrix {
  if (!Array.isArray(rows) || rows.length === 0) {
    throw new TypeError(`wengert: matrix expects a non-empty array of rows, got ${describe(rows)}`);
  }
  const cols = (rows[0] as readonly number[]).length;
  const data = new Float64Array(rows.length * cols);
  rows.forEach((row, i) => {
    if (!Array.isArray(row) || row.length !== cols) {
      throw new TypeError(
        `wengert: matrix: row ${i} has ${Array.isArray(row) ? `${row.length} entries` : describe(row)}; ` +
          `row 0 has ${cols}`,
      );
    }
    row.forEach((v, j) => {
      if (typeof v !== 'number') {
        throw new TypeError(`wengert: matrix: entry (${i}, ${j}) is ${describe(v)}`);
      }
      data[i * cols + j] = v;
    });
  });
  return new Matrix(rows.length, cols, data);
}

/**
 * A matrix holding `data` (copied) in row-major order; `cols` defaults to 1, a column vector.
 *
 * @example
 * fromArray([1, 2, 3, 4], 2, 2); // [[1, 2], [3, 4]]
 */
export function fromArray(data: ArrayLike<number>, rows: number, cols = 1): Matrix {
  return new Matrix(rows, cols, Float64Array.from(data));
}

/** rows×cols of zeros. @example zeros(2, 3) // a 2×3 matrix of zeros */
export function zeros(rows: number, cols = 1): Matrix {
  checkShape(rows, cols);
  return new Matrix(rows, cols, new Float64Array(rows * cols));
}

/** rows×cols of ones. @example ones(3) // a 3×1 column of ones */
export function ones(rows: number, cols = 1): Matrix {
  checkShape(rows, cols);
  return new Matrix(rows, cols, new Float64Array(rows * cols).fill(1));
}

/** The n×n identity. @example eye(2) // [[1, 0], [0, 1]] */
export function eye(n: number): Matrix {
  const m = zeros(n, n);
  for (let i = 0; i < n; i++) m.data[i * n + i] = 1;
  return m;
}
