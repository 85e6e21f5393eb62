/** @file Fixed-size blocks of tape storage (struct of arrays), recycled between recordings. */

/** Bytes one entry takes in a chunk of one-operand entries: op code (1), input id (4), partial (8). */
export const UNARY_ENTRY_BYTES = 1 + 4 + 8;

/** Bytes one entry takes in a chunk that holds second operands too: a second id (4) and partial (8) more. */
export const ENTRY_BYTES = UNARY_ENTRY_BYTES + 4 + 8;

/** Entries per chunk, a power of two so that entry k sits at chunk k >>> CHUNK_BITS. */
export const CHUNK_BITS = 10;
export const CHUNK_SIZE = 1 << CHUNK_BITS;
export const OFFSET_MASK = CHUNK_SIZE - 1;

/** Recycled chunks kept for the next recording, at most this many bytes in all. */
const POOL_BYTES = 64 * 1024 * 1024;

/**
 * One block of CHUNK_SIZE entries in struct-of-arrays form: entry
 * `start + p` has op code `op[p]`, inputs `in0[p]`, `in1[p]` (-1 for none)
 * and partials `d0[p]`, `d1[p]`: everything the reverse sweep needs, and no
 * values, which the sweep never reads (they live on the tape variables).
 *
 * The second operand's arrays (`in1`, `d1`) are made when the chunk's first
 * entry with a second operand arrives: a chain of one-operand applications
 * (sin of sin of ...) takes 13 bytes an entry instead of 25, and before it
 * they read as "no second operand" (-1, 0).
 *
 * Blocks never move once allocated, so a growing tape is never copied, and
 * its unused tail is less than one block (25 KB).
 */
export class Chunk {
  readonly op = new Uint8Array(CHUNK_SIZE);
  readonly in0 = new Int32Array(CHUNK_SIZE);
  readonly d0 = new Float64Array(CHUNK_SIZE);
  in1: Int32Array | null = null;
  d1: Float64Array | null = null;

  /** Bytes the chunk holds. */
  get bytes(): number {
    return CHUNK_SIZE * (this.in1 === null ? UNARY_ENTRY_BYTES : ENTRY_BYTES);
  }

  /** Makes the second operand's arrays (every slot "none": -1 and 0); returns the bytes added. */
  addSecond(): number {
    this.in1 = new Int32Array(CHUNK_SIZE).fill(-1);
    this.d1 = new Float64Array(CHUNK_SIZE);
    return CHUNK_SIZE * (ENTRY_BYTES - UNARY_ENTRY_BYTES);
  }
}

/** Bytes a chunk holds at most. */
export const CHUNK_BYTES = CHUNK_SIZE * ENTRY_BYTES;

const pool: Chunk[] = [];
/** One spare adjoint buffer, the largest given back so far. */
let spareAdjoints: Float64Array | null = null;

/** A chunk, recycled when one is spare. Every slot is written before it is read, so none is cleared. */
export function takeChunk(): Chunk {
  return pool.pop() ?? new Chunk();
}

/** Gives chunks back for reuse by later recordings (up to the pool's limit). */
export function recycleChunks(chunks: readonly Chunk[]): void {
  for (const chunk of chunks) {
    if ((pool.length + 1) * CHUNK_BYTES > POOL_BYTES) return;
    pool.push(chunk);
  }
}

/** A zeroed array of `size` adjoints, from the spare buffer when it is large enough. */
export function takeAdjoints(size: number): Float64Array {
  const spare = spareAdjoints;
  if (spare !== null && spare.length >= size) {
    spareAdjoints = null;
    return spare.subarray(0, size).fill(0);
  }
  return new Float64Array(size);
}

/** Keeps an adjoint buffer for the next recording if it is the largest seen. */
export function recycleAdjoints(adjoints: Float64Array): void {
  const whole = new Float64Array(adjoints.buffer);
  if (
    whole.byteLength <= POOL_BYTES &&
    (spareAdjoints === null || whole.length > spareAdjoints.length)
  ) {
    spareAdjoints = whole;
  }
}
