/** @file Sparse Jacobians: one forward pass per colour of columns, or one reverse sweep per colour of rows, then decompressed. */

import { noteColouring } from '../core/ledger.ts';
import { type Flat, flattenInput, flattenOutput, type Point } from '../core/point.ts';
import type { Num } from '../core/value.ts';
import { forwardPass } from '../forward/pass.ts';
import { pullBack, type Recording, record } from '../reverse/recording.ts';
import { type Colouring, colourColumns, colourRows } from './colouring.ts';
import { decompress, seedLike } from './decompress.ts';
import { entriesOf, entryCount } from './entries.ts';
import type { InputsOf } from './inputs.ts';
import type { Jacobian } from './jacobian.ts';
import { type Sparsity, SparsityPattern } from './pattern.ts';
import { patternOf } from './sparsity.ts';

/**
 * A pattern to use as given, or 'detect' to find it by `sparsity(f, x)` at each point.
 *
 * @example
 * ```ts
 * const detect: SparsityOption = 'detect'; // find the pattern at each point
 * console.log(jacobian((x: Num[]) => x.map((xi) => mul(xi, xi)), { sparsity: detect })([1, 2]));
 * ```
 */
export type SparsityOption = 'detect' | Sparsity;

type Mode = 'forward' | 'reverse' | 'auto';

/**
 * Work counted as jacobian's 'auto' counts it, in evaluations of f: p
 * forward passes apply each primitive twice (value and tangent), 2p; reverse
 * records once and sweeps q times, 1 + q, and reuses the recording that
 * detection made, q (which recording forward mode then leaves unused, a
 * cost both sides have paid). Forward only when strictly cheaper: a tie
 * goes to reverse, as in jacobian 'auto'.
 */
function goesForward(p: number, q: number, recorded: boolean): boolean {
  return 2 * p < q + (recorded ? 0 : 1);
}

/** Throws unless f's output has the pattern's m entries. */
function requireRows(fn: string, pattern: SparsityPattern, m: number): void {
  if (m !== pattern.rows) {
    throw new RangeError(
      `wengert: ${fn}: the sparsity pattern has ${pattern.rows} rows, but f returned ${m} output entries`,
    );
  }
}

/** By columns: one forward pass per colour of columns, seeded with the sum of its unit vectors. */
function byColumns(
  fn: string,
  f: (x: never) => unknown,
  x: Flat,
  pattern: SparsityPattern,
  colouring: Colouring,
): Num[][] {
  noteColouring(colouring.count, pattern.cols);
  return decompress(fn, pattern, colouring, false, (group) => {
    const tangent = entriesOf(fn, forwardPass(fn, f, x, seedLike(x.values, group)).tangent);
    requireRows(fn, pattern, tangent.length);
    return tangent;
  });
}

/** By rows: one reverse sweep per colour of rows over one recording, then the tape is released. */
function byRows(
  fn: string,
  rec: Recording,
  pattern: SparsityPattern,
  colouring: Colouring,
): Num[][] {
  try {
    requireRows(
      fn,
      pattern,
      rec.outputs.reduce<number>((m, y) => m + entryCount(y), 0),
    );
    noteColouring(colouring.count, pattern.rows);
    return decompress(fn, pattern, colouring, true, (group) =>
      entriesOf(fn, pullBack(rec, seedLike(rec.outputs, group))),
    );
  } finally {
    rec.tape.release();
  }
}

/**
 * The Jacobian of f at x by colouring: `jacobian(f, { sparsity })` calls
 * this. With 'detect', one recording finds the pattern (and serves the
 * reverse sweeps if reverse is chosen); with a pattern, it is checked
 * against x and f's output and used as given. Mode 'auto' colours both
 * ways and takes the cheaper (see `goesForward`). Each pass carries one
 * colour (jacobian refuses a `chunk` given with `sparsity`).
 *
 * @example
 * sparseJacobian(f, 'detect', 'auto')(x); // what jacobian(f, { sparsity: 'detect' })(x) returns
 */
export function sparseJacobian<X extends Point>(
  f: (x: X) => unknown,
  option: SparsityOption,
  mode: Mode,
): <A extends InputsOf<X>>(x: A) => Jacobian<A> {
  const fn = 'jacobian';
  if (mode !== 'forward' && mode !== 'reverse' && mode !== 'auto') {
    throw new Error(
      `wengert: ${fn}: mode must be 'forward', 'reverse' or 'auto', got '${String(mode)}'`,
    );
  }
  if (option !== 'detect' && (typeof option !== 'object' || option === null)) {
    throw new TypeError(
      `wengert: ${fn}: sparsity must be 'detect' or a pattern { rows, cols, nonzeros }, got ${JSON.stringify(option)}`,
    );
  }
  const given = option === 'detect' ? null : SparsityPattern.from(option, fn);
  return <A extends InputsOf<X>>(at: A) =>
    coloured(fn, f, flattenInput(fn, 'x', at), given, mode) as Jacobian<A>;
}

/** One sparse Jacobian at x: the pattern (given, or detected by a recording), the colourings, the mode, the passes or sweeps. */
function coloured(
  fn: string,
  f: (x: never) => unknown,
  x: Flat,
  given: SparsityPattern | null,
  mode: Mode,
): Num[][] {
  const n = x.values.reduce<number>((count, v) => count + entryCount(v), 0);
  if (given !== null && given.cols !== n) {
    throw new RangeError(
      `wengert: ${fn}: the sparsity pattern has ${given.cols} columns, but x has ${n} entries`,
    );
  }
  const detected = given === null ? record(fn, f, x) : null;
  const pattern = given ?? patternOf(detected as Recording, x);
  const columns = mode === 'reverse' ? null : colourColumns(pattern);
  const rows = mode === 'forward' ? null : colourRows(pattern);
  if (
    columns === null ||
    (rows !== null && !goesForward(columns.count, rows.count, detected !== null))
  ) {
    return byRows(fn, detected ?? record(fn, f, x), pattern, rows as Colouring);
  }
  detected?.tape.release();
  if (given !== null && columns.count === 0) {
    // No pass will run f, so evaluate it once on plain values to check m (free in the ledger).
    const out = flattenOutput(
      fn,
      (f as (x: unknown) => unknown)(x.isArray ? x.values : x.values[0]),
    );
    requireRows(
      fn,
      pattern,
      out.values.reduce<number>((m, y) => m + entryCount(y), 0),
    );
  }
  return byColumns(fn, f, x, pattern, columns);
}
