/** @file Jacobian columns by forward mode: one pass per column, or ⌈n/k⌉ chunked passes of k tangents. */

import type { Flat } from '../core/point.ts';
import { describe, type Num } from '../core/value.ts';
import { chunkPass } from '../forward/chunk-pass.ts';
import { forwardPass } from '../forward/pass.ts';
import { entriesOf, unitLike } from './entries.ts';

/**
 * Options of the forward-mode Jacobian transforms.
 *
 * @example
 * ```ts
 * const options: ForwardOptions = { chunk: 4 };
 * const { cost } = withCost(() => jacfwd((x: Num[]) => x, options)(new Array(10).fill(0)));
 * console.log(cost.forwardPasses); // ⌈10/4⌉ = 3
 * ```
 */
export interface ForwardOptions {
  /**
   * How many tangents each forward pass carries: columns are computed k at
   * a time, in ⌈n/k⌉ passes that evaluate f and every local partial once.
   * 1 (the default) is one ordinary pass of dual numbers per column.
   */
  readonly chunk?: number;
}

/**
 * The chunk size asked for, checked. The default is 1: the passes stay the
 * ones the docs count (one per column), and a pass of plain dual numbers is
 * the fastest for k = 1; ask for a chunk to trade passes for lanes.
 */
export function chunkOf(fn: string, options: ForwardOptions | undefined): number {
  const chunk = options?.chunk ?? 1;
  if (!Number.isInteger(chunk) || chunk < 1) {
    throw new RangeError(
      `wengert: ${fn}: chunk must be a positive integer (the number of tangents each forward ` +
        `pass carries); got ${describe(chunk)}`,
    );
  }
  return chunk;
}

/**
 * Columns start, start + 1, … of the Jacobian from one forward pass: an
 * ordinary pass seeded with e_start when `chunk` is 1, else a chunked pass of
 * min(chunk, n − start) tangents seeded with the next unit directions.
 */
export function columnsFrom(
  fn: string,
  f: (x: never) => unknown,
  x: Flat,
  n: number,
  start: number,
  chunk: number,
): Num[][] {
  if (chunk === 1) return [entriesOf(fn, forwardPass(fn, f, x, unitLike(x.values, start)).tangent)];
  const pass = chunkPass(fn, f, x, start, Math.min(chunk, n - start));
  return pass.tangents.map((tangent) => entriesOf(fn, tangent));
}
