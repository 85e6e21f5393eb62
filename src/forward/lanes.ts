/** @file The k tangents a chunked forward pass carries for one number, and the two ways a rule combines them. */

import type { Num } from '../core/value.ts';
import { add, mul } from '../primitives/arithmetic.ts';

/**
 * Lanes that hold traced values, under nested differentiation (a chunked
 * jacfwd inside grad): boxed in their own class, so that `Array.isArray`
 * alone tells the plain lanes of the hot path from them.
 */
export class BoxedLanes {
  constructor(readonly items: readonly Num[]) {}
}

/**
 * The k tangents ẋ_1 … ẋ_k of one number in a chunked pass: a plain array
 * of numbers, boxed values once they are traced, or null for k exact zeros
 * (a symbolic zero, never allocated: the common case for inputs outside the
 * chunk and everything computed only from them).
 *
 * Plain lanes are a JS array rather than a Float64Array on purpose: V8 keeps
 * a typed array of more than 64 bytes (8 lanes) outside the heap, and
 * allocating one per application made 10 lanes several times slower than 5.
 */
export type Lanes = readonly number[] | BoxedLanes | null;

/** Lane l of non-zero lanes. */
export function laneAt(t: readonly number[] | BoxedLanes, l: number): Num {
  return (Array.isArray(t) ? t[l] : (t as BoxedLanes).items[l]) as Num;
}

// A lane of exactly 0 contributes nothing and is never multiplied (0 · ∞
// would be NaN): lane l is then the same number the unchunked pass seeded
// with e_l computes, which skips a zero tangent in the same way.

/** ẏ_l = d · ẋ_l for every lane l, with the one partial d. */
export function scaleLanes(
  d: Num,
  t: readonly number[] | BoxedLanes,
): readonly number[] | BoxedLanes {
  if (typeof d === 'number' && Array.isArray(t)) {
    const k = t.length;
    const out = new Array<number>(k);
    for (let l = 0; l < k; l++) {
      const tl = t[l] as number;
      out[l] = tl === 0 ? 0 : d * tl;
    }
    return out;
  }
  const items = Array.isArray(t) ? t : (t as BoxedLanes).items;
  return new BoxedLanes(items.map((tl) => (tl === 0 ? 0 : times(d, tl))));
}

/** ż_l = dx · ẋ_l + dy · ẏ_l for every lane l, with the two partials dx and dy. */
export function combineLanes(
  dx: Num,
  tx: readonly number[] | BoxedLanes,
  dy: Num,
  ty: readonly number[] | BoxedLanes,
): readonly number[] | BoxedLanes {
  if (typeof dx === 'number' && typeof dy === 'number' && Array.isArray(tx) && Array.isArray(ty)) {
    const k = tx.length;
    const out = new Array<number>(k);
    for (let l = 0; l < k; l++) {
      const a = tx[l] as number;
      const b = ty[l] as number;
      out[l] = b === 0 ? (a === 0 ? 0 : dx * a) : a === 0 ? dy * b : dx * a + dy * b;
    }
    return out;
  }
  const items = new Array<Num>(laneCount(tx));
  for (let l = 0; l < items.length; l++) {
    const a = laneAt(tx, l);
    const b = laneAt(ty, l);
    if (b === 0) items[l] = a === 0 ? 0 : times(dx, a);
    else items[l] = a === 0 ? times(dy, b) : plus(times(dx, a), times(dy, b));
  }
  return new BoxedLanes(items);
}

/** Lanes from values that may all be plain numbers (a matrix rule's scalar output): unboxed if so. */
export function packLanes(items: readonly Num[]): readonly number[] | BoxedLanes {
  return items.every((t) => typeof t === 'number') ? (items as number[]) : new BoxedLanes(items);
}

function laneCount(t: readonly number[] | BoxedLanes): number {
  return Array.isArray(t) ? t.length : (t as BoxedLanes).items.length;
}

function times(d: Num, t: Num): Num {
  return typeof d === 'number' && typeof t === 'number' ? d * t : mul(d, t);
}

function plus(a: Num, b: Num): Num {
  return typeof a === 'number' && typeof b === 'number' ? a + b : add(a, b);
}
