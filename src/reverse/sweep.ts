/** @file The reverse sweep: walk the tape backwards, accumulating adjoints with `+=`. */

import { noteSweep } from '../cost/ledger.ts';
import { add, mul } from '../primitives/arithmetic.ts';
import type { Num } from '../value.ts';
import { type Chunk, OFFSET_MASK } from './chunk.ts';
import type { Tape } from './tape.ts';

/**
 * w̄_i += (∂w_k/∂w_i) · w̄_k for every entry k, from last to first.
 * An entry whose adjoint is exactly 0 contributes nothing (a symbolic zero):
 * a value that does not reach the output never turns 0 · ∞ into NaN.
 *
 * `adjoint` must hold the seed (the cotangent of the outputs) on entry; on
 * return it holds the adjoint of every entry. The loop is iterative, so a
 * tape of millions of entries needs no call stack. Accumulating (never
 * assigning) is what makes a value used twice receive both contributions:
 * fan-out in the primal is addition in the adjoint.
 */
export function sweep(tape: Tape, adjoint: Float64Array): void {
  let k = tape.size - 1;
  for (let c = tape.chunks.length - 1; c >= 0; c--) {
    const { in0, in1, d0, d1 } = tape.chunks[c] as Chunk;
    // entries of chunk c run from c·CHUNK_SIZE to k; p is k's slot in the chunk
    for (let p = k & OFFSET_MASK; p >= 0; p--, k--) {
      const bar = adjoint[k] as number;
      if (bar === 0) continue;
      const i = in0[p] as number;
      if (i >= 0) adjoint[i] = (adjoint[i] as number) + (d0[p] as number) * bar;
      const j = in1[p] as number;
      if (j >= 0) adjoint[j] = (adjoint[j] as number) + (d1[p] as number) * bar;
    }
  }
  noteSweep(tape.size - tape.inputs);
}

/**
 * The same sweep on boxed values, for nested differentiation: the partials
 * or the seed are traced values of an outer trace, so the sweep itself is
 * made of toolkit ops and an outer trace can differentiate it again.
 */
export function sweepBoxed(tape: Tape, adjoint: Num[]): void {
  const boxed = tape.boxed;
  let k = tape.size - 1;
  for (let c = tape.chunks.length - 1; c >= 0; c--) {
    const { in0, in1, d0, d1 } = tape.chunks[c] as Chunk;
    // entries of chunk c run from c·CHUNK_SIZE to k; p is k's slot in the chunk
    for (let p = k & OFFSET_MASK; p >= 0; p--, k--) {
      const bar = adjoint[k] as Num;
      if (bar === 0) continue;
      const i = in0[p] as number;
      if (i >= 0) {
        const d = boxed === null ? (d0[p] as number) : (boxed[2 * k] as Num);
        adjoint[i] = accumulate(adjoint[i] as Num, d, bar);
      }
      const j = in1[p] as number;
      if (j >= 0) {
        const d = boxed === null ? (d1[p] as number) : (boxed[2 * k + 1] as Num);
        adjoint[j] = accumulate(adjoint[j] as Num, d, bar);
      }
    }
  }
  noteSweep(tape.size - tape.inputs);
}

/**
 * sum + d · bar with toolkit ops, skipping the multiplication by exactly 1
 * and the addition to exactly 0: under nesting each op here is recorded or
 * pushed by an outer trace, and those two would only add work to it.
 */
export function accumulate(sum: Num, d: Num, bar: Num): Num {
  const term = d === 1 ? bar : mul(d, bar);
  return sum === 0 ? term : add(sum, term);
}
