/**
 * @file How far a variant's answer is from the analytic one, and how far it
 * may be: every variant is checked before it is timed and again after, so a
 * fast wrong answer stops the benchmark instead of winning it.
 */

import type { Output, Precision } from './case.ts';

/**
 * The largest relative error a variant may show. float64 variants compute
 * the same sums as the analytic answer in another order; float32 ones (the
 * peers) round every input, intermediate and sum to 24 bits.
 */
export const TOLERANCE: Readonly<Record<Precision, number>> = { float64: 1e-9, float32: 1e-4 };

/** An output's entries in order, rows of a matrix one after another. */
export function flatten(output: Output): number[] {
  if (typeof output === 'number') return [output];
  const entries: number[] = [];
  for (let i = 0; i < output.length; i++) {
    const item = output[i] as number | ArrayLike<number>;
    if (typeof item === 'number') entries.push(item);
    else for (let j = 0; j < item.length; j++) entries.push(item[j] as number);
  }
  return entries;
}

/**
 * max_i |a_i − b_i| / max_i |b_i|: the error of a vector relative to its
 * largest entry, so that tiny entries are not held to a relative standard
 * that no rounding could meet. A wrong length is an infinite error.
 */
export function vectorError(output: Output, expected: ArrayLike<number>): number {
  const a = flatten(output);
  if (a.length !== expected.length) return Number.POSITIVE_INFINITY;
  let worst = 0;
  let scale = 0;
  for (let i = 0; i < a.length; i++) {
    const b = expected[i] as number;
    worst = Math.max(worst, Math.abs((a[i] as number) - b));
    scale = Math.max(scale, Math.abs(b));
  }
  return Number.isNaN(worst) ? Number.NaN : worst / Math.max(scale, Number.MIN_VALUE);
}

/**
 * |a − b| / scale for a scalar, where `scale` is the sum of the magnitudes of
 * the terms that make b (Σ |g_i v_i| for a JVP): a sum's rounding error is
 * proportional to that, not to b, which cancellation can make small.
 */
export function scalarError(output: Output, expected: number, scale: number): number {
  const a = flatten(output);
  if (a.length !== 1) return Number.POSITIVE_INFINITY;
  return Math.abs((a[0] as number) - expected) / Math.max(scale, Number.MIN_VALUE);
}

/** Throws, naming the variant and the error, unless `error` is within the tolerance. */
export function assertClose(what: string, error: number, precision: Precision): void {
  const tolerance = TOLERANCE[precision];
  if (!(error <= tolerance)) {
    throw new Error(
      `bench: WRONG ANSWER from ${what}: relative error ${error} exceeds the ${precision} tolerance ${tolerance}`,
    );
  }
}
