/** @file Fixed-size blocks of tape storage (struct of arrays), recycled between recordings. */

/** Bytes one tape entry takes: op code (1), two input ids (2×4), two partials (2×8), its value (8). */
export const ENTRY_BYTES = 1 + 2 * 4 + 2 * 8 + 8;

const FIRST_CAPACITY = 64;
const LARGEST_CAPACITY = 1 << 14;
/** Recycled chunks kept for the next recording, at most this many bytes in all. */
const POOL_BYTES = 64 * 1024 * 1024;

/**
 * One block of entries in struct-of-arrays form: entry `start + p` has op code
 * `op[p]`, inputs `in0[p]`, `in1[p]` (-1 for none), partials `d0[p]`, `d1[p]`
 * and value `v[p]`. Keeping values here rather than on the tape variables
 * keeps those tiny and free of boxed doubles, which is what the garbage
 * collector would otherwise spend its time copying.
 * Blocks never move once allocated, so growing a tape never copies it, and the
 * memory a tape holds is its entries plus less than one block.
 */
export class Chunk {
  readonly op: Uint8Array;
  readonly in0: Int32Array;
  readonly in1: Int32Array;
  readonly d0: Float64Array;
  readonly d1: Float64Array;
  readonly v: Float64Array;
  /** Global index of this chunk's first entry. */
  start = 0;

  constructor(readonly capacity: number) {
    this.op = new Uint8Array(capacity);
    this.in0 = new Int32Array(capacity);
    this.in1 = new Int32Array(capacity);
    this.d0 = new Float64Array(capacity);
    this.d1 = new Float64Array(capacity);
    this.v = new Float64Array(capacity);
  }

  get bytes(): number {
    return this.capacity * ENTRY_BYTES;
  }
}

/** Entries held by the chunks before the first one of the largest size. */
const GROWING_ENTRIES = LARGEST_CAPACITY - FIRST_CAPACITY;
const LARGEST_CHUNK = Math.log2(LARGEST_CAPACITY / FIRST_CAPACITY);

/** Which chunk holds global entry `k`, given the doubling sizes of `takeChunk`. */
export function chunkOf(k: number): number {
  // a growing chunk c starts at 64 (2^c - 1), so c = floor(log2(floor(k / 64) + 1))
  if (k < GROWING_ENTRIES) return 31 - Math.clz32(Math.floor(k / FIRST_CAPACITY) + 1);
  return LARGEST_CHUNK + Math.floor((k - GROWING_ENTRIES) / LARGEST_CAPACITY);
}

const pool = new Map<number, Chunk[]>();
let pooledBytes = 0;
/** One spare adjoint buffer, the largest given back so far. */
let spareAdjoints: Float64Array | null = null;

/**
 * The chunk that follows `count` existing chunks: sizes double from 64 up to
 * 16,384 entries, so a tiny function allocates little and a long one
 * allocates few blocks. Every slot is overwritten before it is read, so a
 * recycled chunk needs no clearing.
 */
export function takeChunk(count: number, start: number): Chunk {
  const capacity = Math.min(FIRST_CAPACITY * 2 ** count, LARGEST_CAPACITY);
  const recycled = pool.get(capacity)?.pop();
  if (recycled !== undefined) pooledBytes -= recycled.bytes;
  const chunk = recycled ?? new Chunk(capacity);
  chunk.start = start;
  return chunk;
}

/** Gives chunks back for reuse by later recordings (up to the pool's limit). */
export function recycleChunks(chunks: readonly Chunk[]): void {
  for (const chunk of chunks) {
    if (pooledBytes + chunk.bytes > POOL_BYTES) return;
    pooledBytes += chunk.bytes;
    const list = pool.get(chunk.capacity);
    if (list === undefined) pool.set(chunk.capacity, [chunk]);
    else list.push(chunk);
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
