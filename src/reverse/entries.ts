/** @file The one reader of a tape's storage outside the sweeps: entry k as a plain record. */

import type { Num } from '../core/value.ts';
import { CHUNK_BITS, type Chunk, OFFSET_MASK } from './chunk.ts';
import type { Tape } from './tape.ts';

/**
 * Entry k of a tape: w_{k+1} = op(w_{in0+1}, w_{in1+1}). `op` is a scalar
 * primitive's id, or one of the tape's own codes (INPUT_OP, MATRIX_OP,
 * COMPARE_OP). An input id of -1 is a constant or an absent operand; `d0`
 * and `d1` are the local partials with respect to the two inputs (traced
 * values under nested differentiation).
 */
export interface TapeEntry {
  readonly index: number;
  readonly op: number;
  readonly in0: number;
  readonly in1: number;
  readonly d0: Num;
  readonly d1: Num;
}

/** Reads entry k (0 ≤ k < tape.size). */
export function readEntry(tape: Tape, k: number): TapeEntry {
  const chunk = tape.chunks[k >>> CHUNK_BITS] as Chunk;
  const p = k & OFFSET_MASK;
  const boxed = tape.boxed;
  return {
    index: k,
    op: chunk.op[p] as number,
    in0: chunk.in0[p] as number,
    in1: chunk.in1 === null ? -1 : (chunk.in1[p] as number),
    d0: boxed === null ? (chunk.d0[p] as number) : (boxed[2 * k] as Num),
    d1:
      boxed !== null ? (boxed[2 * k + 1] as Num) : chunk.d1 === null ? 0 : (chunk.d1[p] as number),
  };
}
