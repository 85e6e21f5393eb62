/** @file The k tangents a chunked forward pass carries for one number, and the two ways a rule combines them. */

import type { Num } from '../core/value.ts';
import { add, mul } from '../primitives/arithmetic.ts';

/**
 * The k tangents ẋ_1 … ẋ_k of one number in a chunked pass: a Float64Array
 * while they are plain numbers, an array of values once nested
 * differentiation makes them traced ("boxed"), or null for k exact zeros (a
 * symbolic zero, never allocated: the common case for inputs outside the
 * chunk and everything computed only from them).
 */
export type Lanes = Float64Array | readonly Num[] | null;

// A lane of exactly 0 contributes nothing and is never multiplied (0 · ∞
// would be NaN): lane l is then the same number the unchunked pass seeded
// with e_l computes, which skips a zero tangent in the same way.

/** ẏ_l = d · ẋ_l for every lane l, with the one partial d. */
export function scaleLanes(d: Num, t: Float64Array | readonly Num[]): Float64Array | Num[] {
  const k = t.length;
  if (typeof d === 'number' && t instanceof Float64Array) {
    const out = new Float64Array(k);
    for (let l = 0; l < k; l++) {
      const tl = t[l] as number;
      if (tl !== 0) out[l] = d * tl;
    }
    return out;
  }
  const out = new Array<Num>(k);
  for (let l = 0; l < k; l++) {
    const tl = t[l] as Num;
    out[l] = tl === 0 ? 0 : times(d, tl);
  }
  return out;
}

/** ż_l = dx · ẋ_l + dy · ẏ_l for every lane l, with the two partials dx and dy. */
export function combineLanes(
  dx: Num,
  tx: Float64Array | readonly Num[],
  dy: Num,
  ty: Float64Array | readonly Num[],
): Float64Array | Num[] {
  const k = tx.length;
  if (
    typeof dx === 'number' &&
    typeof dy === 'number' &&
    tx instanceof Float64Array &&
    ty instanceof Float64Array
  ) {
    const out = new Float64Array(k);
    for (let l = 0; l < k; l++) {
      const a = tx[l] as number;
      const b = ty[l] as number;
      if (b === 0) {
        if (a !== 0) out[l] = dx * a;
      } else out[l] = a === 0 ? dy * b : dx * a + dy * b;
    }
    return out;
  }
  const out = new Array<Num>(k);
  for (let l = 0; l < k; l++) {
    const a = tx[l] as Num;
    const b = ty[l] as Num;
    if (b === 0) out[l] = a === 0 ? 0 : times(dx, a);
    else out[l] = a === 0 ? times(dy, b) : plus(times(dx, a), times(dy, b));
  }
  return out;
}

/** Lanes from values that may all be plain numbers (a matrix rule's scalar output): unboxed if so. */
export function packLanes(lanes: readonly Num[]): Float64Array | readonly Num[] {
  return lanes.every((t) => typeof t === 'number') ? Float64Array.from(lanes as number[]) : lanes;
}

function times(d: Num, t: Num): Num {
  return typeof d === 'number' && typeof t === 'number' ? d * t : mul(d, t);
}

function plus(a: Num, b: Num): Num {
  return typeof a === 'number' && typeof b === 'number' ? a + b : add(a, b);
}
