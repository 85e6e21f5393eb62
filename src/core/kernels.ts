/** @file Plain loops over Float64Arrays: what the matrix primitives compute on plain values, and nothing else. */

import { Matrix } from './matrix.ts';

// Reads in these loops are written `d[k] as number`: the loop bounds keep k
// in range, which noUncheckedIndexedAccess cannot see. A reader function
// (`at(d, k)`) in their place measured 10–20% slower in matmul, zip and the
// reductions (Node 20), so the loops keep the assertion at each read.

/** A plain matrix or a plain number, which broadcasts to every entry. */
type Operand = Matrix | number;

/** The arithmetic that works entry by entry, by op code (one code path instead of a call per entry). */
export const ARITHMETIC = { add: 0, sub: 1, mul: 2, div: 3 } as const;

function arithmetic(op: number, a: number, b: number): number {
  return op === 0 ? a + b : op === 1 ? a - b : op === 2 ? a * b : a / b;
}

/**
 * z_ij = x_ij ∘ y_ij over a rows×cols result, ∘ one of ARITHMETIC, where an
 * operand with one row (or one column, or a number) is repeated along that
 * dimension. The common cases (equal shapes, a scalar or 1×1, a column
 * against a matrix) get flat loops.
 */
export function zip(op: number, x: Operand, y: Operand, rows: number, cols: number): Matrix {
  const out = new Float64Array(rows * cols);
  const n = out.length;
  const a = typeof x === 'number' ? x : x.data.length === 1 ? x.get(0, 0) : x.data;
  const b = typeof y === 'number' ? y : y.data.length === 1 ? y.get(0, 0) : y.data;
  if (typeof a !== 'number' && typeof b !== 'number' && a.length === n && b.length === n) {
    for (let k = 0; k < n; k++) out[k] = arithmetic(op, a[k] as number, b[k] as number);
  } else if (typeof a === 'number' && typeof b !== 'number' && b.length === n) {
    for (let k = 0; k < n; k++) out[k] = arithmetic(op, a, b[k] as number);
  } else if (typeof b === 'number' && typeof a !== 'number' && a.length === n) {
    for (let k = 0; k < n; k++) out[k] = arithmetic(op, a[k] as number, b);
  } else if (
    typeof a !== 'number' &&
    typeof b !== 'number' &&
    a.length === n &&
    isColumn(y, rows)
  ) {
    // a column repeated across the columns (a bias added to every point)
    for (let i = 0; i < rows; i++) {
      const bi = b[i] as number;
      for (let j = i * cols; j < (i + 1) * cols; j++) out[j] = arithmetic(op, a[j] as number, bi);
    }
  } else {
    const [ax, rx, cx] = strides(x);
    const [ay, ry, cy] = strides(y);
    for (let i = 0; i < rows; i++) {
      for (let j = 0; j < cols; j++) {
        out[i * cols + j] = arithmetic(
          op,
          ax[i * rx + j * cx] as number,
          ay[i * ry + j * cy] as number,
        );
      }
    }
  }
  return new Matrix(rows, cols, out);
}

/** True for a rows×1 matrix of more than one entry (a 1×1 one is read as a number). */
function isColumn(y: Operand, rows: number): boolean {
  return typeof y !== 'number' && y.cols === 1 && y.rows === rows && rows > 1;
}

/** x repeated to rows×cols: a number everywhere, a row down the rows, a column across the columns. */
export function repeat(x: Operand, rows: number, cols: number): Matrix {
  const out = new Float64Array(rows * cols);
  const [a, r, c] = strides(x);
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < cols; j++) out[i * cols + j] = a[i * r + j * c] as number;
  }
  return new Matrix(rows, cols, out);
}

/** An operand's data with its row and column strides; a stride of 0 repeats along that dimension. */
function strides(x: Operand): [ArrayLike<number>, number, number] {
  if (typeof x === 'number') return [[x], 0, 0];
  return [x.data, x.rows === 1 ? 0 : x.cols, x.cols === 1 ? 0 : 1];
}

/** y_ij = f(x_ij). */
export function map(f: (a: number) => number, x: Matrix): Matrix {
  const out = new Float64Array(x.data.length);
  const a = x.data;
  for (let k = 0; k < out.length; k++) out[k] = f(a[k] as number);
  return new Matrix(x.rows, x.cols, out);
}

/**
 * C = A B, with the i-k-j loop order so that the inner loop runs along rows of B and C.
 * A zero a_ik skips row k of B (one-hot tangents and seeds are mostly zeros), but only when
 * that row is finite: 0 · NaN and 0 · ∞ are NaN, as in dot and in sum(mul(...)).
 */
export function matmul(a: Matrix, b: Matrix): Matrix {
  return product(a.data, a.rows, a.cols, a.cols, 1, b);
}

/**
 * C = Aᵀ B without forming Aᵀ (matmul's adjoint B̄ = AᵀC̄): matmul's loop, reading
 * a_ki for a_ik, so every sum is matmul(transpose(a), b)'s, term by term.
 */
export function matmulTransposeA(a: Matrix, b: Matrix): Matrix {
  return product(a.data, a.cols, a.rows, 1, a.cols, b);
}

/**
 * C = A B for an n×inner A read at `ad[i * rowStride + k * colStride]`, so
 * that A may be read transposed in place.
 */
function product(
  ad: Float64Array,
  n: number,
  inner: number,
  rowStride: number,
  colStride: number,
  b: Matrix,
): Matrix {
  const m = b.cols;
  const c = new Float64Array(n * m);
  const bd = b.data;
  // per row k of B: 0 not yet looked at, 1 finite (a zero may skip it), 2 not finite
  let finiteRows: Uint8Array | null = null;
  for (let i = 0; i < n; i++) {
    const row = i * m;
    for (let k = 0; k < inner; k++) {
      const aik = ad[i * rowStride + k * colStride] as number;
      const bk = k * m;
      if (aik === 0) {
        finiteRows ??= new Uint8Array(inner);
        if (finiteRows[k] === 0) finiteRows[k] = isFiniteRow(bd, bk, m) ? 1 : 2;
        if (finiteRows[k] === 1) continue;
      }
      for (let j = 0; j < m; j++)
        c[row + j] = (c[row + j] as number) + aik * (bd[bk + j] as number);
    }
  }
  return new Matrix(n, m, c);
}

/**
 * C = A Bᵀ without forming Bᵀ (matmul's adjoint Ā = C̄Bᵀ): c_ij is the dot
 * product of row i of A and row j of B, both read in order. Each sum adds
 * the same terms in the same order as matmul(a, transpose(b)), from 0; the
 * zeros matmul skips add ±0 to a sum that is never −0, so the results are
 * equal bit for bit.
 */
export function matmulTransposeB(a: Matrix, b: Matrix): Matrix {
  const { rows: n, cols: inner } = a;
  const m = b.rows;
  const c = new Float64Array(n * m);
  const ad = a.data;
  const bd = b.data;
  for (let i = 0; i < n; i++) {
    const ai = i * inner;
    for (let j = 0; j < m; j++) {
      const bj = j * inner;
      let s = 0;
      for (let k = 0; k < inner; k++) s += (ad[ai + k] as number) * (bd[bj + k] as number);
      c[i * m + j] = s;
    }
  }
  return new Matrix(n, m, c);
}

/** True if d[start], ..., d[start + length − 1] are all finite. */
function isFiniteRow(d: Float64Array, start: number, length: number): boolean {
  for (let j = start; j < start + length; j++) if (!Number.isFinite(d[j])) return false;
  return true;
}

/** Aᵀ. */
export function transpose(a: Matrix): Matrix {
  const { rows, cols } = a;
  const out = new Float64Array(rows * cols);
  const d = a.data;
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < cols; j++) out[j * rows + i] = d[i * cols + j] as number;
  }
  return new Matrix(cols, rows, out);
}

/** The sum of all entries. */
export function total(a: Matrix): number {
  const d = a.data;
  let s = 0;
  for (let k = 0; k < d.length; k++) s += d[k] as number;
  return s;
}

/**
 * Sums along an axis: 0 sums each column (1×cols), 1 sums each row (rows×1).
 * Each sum runs down its column or along its row from 0, in index order.
 */
export function sumAxis(a: Matrix, axis: 0 | 1): Matrix {
  const { rows, cols } = a;
  const d = a.data;
  if (axis === 1) {
    // a row's sum in a local: a bias's adjoint sums each row of a wide batch
    const out = new Float64Array(rows);
    for (let i = 0; i < rows; i++) {
      let s = 0;
      for (let j = i * cols; j < (i + 1) * cols; j++) s += d[j] as number;
      out[i] = s;
    }
    return new Matrix(rows, 1, out);
  }
  const out = new Float64Array(cols);
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < cols; j++) out[j] = (out[j] as number) + (d[i * cols + j] as number);
  }
  return new Matrix(1, cols, out);
}

/** Σ_ij a_ij b_ij. */
export function inner(a: Matrix, b: Matrix): number {
  const x = a.data;
  const y = b.data;
  let s = 0;
  for (let k = 0; k < x.length; k++) s += (x[k] as number) * (y[k] as number);
  return s;
}

/** Σ_ij (a_ij − b_ij)², for two matrices of one shape. */
export function squaredDistance(a: Matrix, b: Matrix): number {
  const x = a.data;
  const y = b.data;
  let s = 0;
  for (let k = 0; k < x.length; k++) {
    const r = (x[k] as number) - (y[k] as number);
    s += r * r;
  }
  return s;
}

/** Rows r0..r1-1 and columns c0..c1-1 of a. */
export function block(a: Matrix, r0: number, r1: number, c0: number, c1: number): Matrix {
  const cols = c1 - c0;
  if (cols === a.cols) return new Matrix(r1 - r0, cols, a.data.slice(r0 * cols, r1 * cols));
  const out = new Float64Array((r1 - r0) * cols);
  const d = a.data;
  if (cols === 1) {
    // one column (x[:, j]): a strided copy, without an inner loop of one step per row
    for (let i = r0, k = r0 * a.cols + c0; i < r1; i++, k += a.cols) out[i - r0] = d[k] as number;
    return new Matrix(r1 - r0, 1, out);
  }
  let k = 0;
  for (let i = r0; i < r1; i++) {
    const row = i * a.cols;
    for (let j = c0; j < c1; j++) out[k++] = d[row + j] as number;
  }
  return new Matrix(r1 - r0, cols, out);
}

/** A rows×cols matrix of zeros with `a` placed at (r0, c0): the transpose of `block`. */
export function place(a: Matrix, rows: number, cols: number, r0: number, c0: number): Matrix {
  const out = new Float64Array(rows * cols);
  const d = a.data;
  if (a.cols === cols) {
    out.set(d, r0 * cols); // whole rows: one copy
    return new Matrix(rows, cols, out);
  }
  let k = 0;
  for (let i = 0; i < a.rows; i++) {
    const row = (r0 + i) * cols + c0;
    for (let j = 0; j < a.cols; j++) out[row + j] = d[k++] as number;
  }
  return new Matrix(rows, cols, out);
}

/** Adds `a` into the block of `into` at (r0, c0), in place: `into` += place(a, ...), without the zeros. */
export function addBlock(into: Matrix, a: Matrix, r0: number, c0: number): void {
  const out = into.data;
  const d = a.data;
  if (a.cols === 1) {
    // one column, as in block
    for (let i = 0, k = r0 * into.cols + c0; i < a.rows; i++, k += into.cols) {
      out[k] = (out[k] as number) + (d[i] as number);
    }
    return;
  }
  let k = 0;
  for (let i = 0; i < a.rows; i++) {
    const row = (r0 + i) * into.cols + c0;
    for (let j = 0; j < a.cols; j++, k++)
      out[row + j] = (out[row + j] as number) + (d[k] as number);
  }
}
