/** @file The tape: a Wengert list recorded in evaluation order, one SSA entry per primitive application. */

import { noteBytes, noteRecording } from '../core/ledger.ts';
import type { BinaryPrimitive, MatrixRule, UnaryPrimitive } from '../core/rule.ts';
import { Trace } from '../core/trace.ts';
import type { Tracer } from '../core/tracer.ts';
import { isMat, type Num, type Value } from '../core/value.ts';
import {
  CHUNK_BITS,
  CHUNK_SIZE,
  type Chunk,
  ENTRY_BYTES,
  OFFSET_MASK,
  recycleAdjoints,
  recycleChunks,
  takeAdjoints,
  takeChunk,
  UNARY_ENTRY_BYTES,
} from './chunk.ts';
import { recordBinary, recordUnary } from './record.ts';
import { recordMatrix } from './record-matrix.ts';
import { TapeMatrix } from './tape-matrix.ts';
import { TapeVar } from './tape-var.ts';

/** The op code of a scalar input entry (scalar primitives use op codes below MATRIX_OP). */
export const INPUT_OP = 255;

/**
 * The op code of a matrix entry, whose details live in `Tape.matrixEntries`
 * (its slot there is kept in the entry's first input id).
 */
export const MATRIX_OP = 254;

/**
 * The op code of a recorded comparison (only in recordings made for
 * `compile`): its operands are in0/in1, a constant operand's value is kept
 * in d0/d1, and what was compared and found is in `Tape.comparisons`.
 */
export const COMPARE_OP = 253;

/**
 * What a matrix entry keeps for the reverse sweep: the rule, the operands
 * and the output (one level down), and which operands are entries of this
 * tape (their index, or -1 for a constant). An input has no rule.
 */
export interface MatrixEntry {
  readonly rule: MatrixRule<string> | null;
  readonly params: unknown;
  readonly inputs: readonly number[];
  readonly values: readonly Value[];
  readonly out: Value;
}

/**
 * A fresh tape per differentiation. Entry k is SSA value w_{k+1}: written
 * once, never changed. Inputs come first, then every primitive application in
 * the order it happened, so the list is already topologically sorted and a
 * reverse sweep is a plain backwards loop.
 *
 * Partials are plain numbers in typed arrays, except under nested
 * differentiation, where they can be traced values of an outer trace (a dual
 * or an outer tape's variable): from the first such entry on, the tape keeps
 * them in `boxed`, a plain array with two slots per entry (∂/∂in0, ∂/∂in1).
 */
export class Tape extends Trace {
  readonly kind = 'reverse';
  readonly chunks: Chunk[] = [];
  /** Entries recorded so far (inputs included). */
  size = 0;
  inputs = 0;
  /** Partials of entry k at 2k and 2k+1, once one of them was not a plain number. */
  boxed: Num[] | null = null;
  /** Matrix entries in recording order, with the entry index each one has. */
  matrixEntries: (MatrixEntry & { readonly index: number })[] = [];
  /**
   * True once a matrix entry holds traced values (nested differentiation):
   * its adjoint maps then produce traced values, so sweeps must be boxed.
   */
  nested = false;
  /**
   * True for a recording made by `compile`: comparisons are recorded, and a
   * decision made with toNumber (which replay could not check) is refused.
   */
  replayable = false;
  /** Who asked for a replayable recording (compile, adjointSource, ...), for its error messages. */
  replayFor = 'compile';
  /** For a replayable recording: each comparison entry's code and result. */
  readonly comparisons = new Map<number, { readonly code: number; readonly result: boolean }>();
  /**
   * For traces that will be shown to a person: what a sweep never needs,
   * every entry's value and the constant operands (the 5 of `5 · w3`).
   */
  display: { values: Num[]; constants: Map<number, readonly [Num | null, Num | null]> } | null =
    null;
  /**
   * Bytes held: chunks, the boxed slots, the adjoint buffer, and each matrix
   * an entry keeps (its output; for an input, the caller's matrix itself).
   */
  bytes = 0;
  /**
   * Bytes of those in use: the same, but of the chunks only the entries
   * recorded (each full chunk when the next one is taken, the last one at
   * `end`), not the unused tail of the last chunk.
   */
  bytesInUse = 0;
  /** Entries already counted in `bytesInUse`. */
  private countedEntries = 0;
  /** Adjoints, one per entry, kept between sweeps of the same recording. */
  private adjointBuffer: Float64Array | null = null;

  // The chunk being filled, in fields so that `push` stays a short,
  // monomorphic path: recording, not sweeping, is where reverse mode spends its time.
  private cur: Chunk;
  private pos = 0;

  constructor() {
    super();
    this.cur = this.addChunk();
  }

  /** Records an input: an entry with no operands. */
  input(value: Value): TapeVar | TapeMatrix {
    this.inputs++;
    if (isMat(value)) {
      return this.pushMatrixEntry({ rule: null, params: null, inputs: [], values: [], out: value });
    }
    const k = this.push(INPUT_OP, -1, 0, -1, 0);
    this.display?.values.push(value);
    return new TapeVar(this, k, value);
  }

  unary(rule: UnaryPrimitive, x: TapeVar): TapeVar {
    return recordUnary(this, rule, x);
  }

  binary(rule: BinaryPrimitive, x: Num, y: Num): TapeVar {
    return recordBinary(this, rule, x, y);
  }

  matrix(rule: MatrixRule, args: readonly Value[], params: unknown): Value {
    return recordMatrix(this, rule, args, params);
  }

  /** A recording run again at other points cannot re-check a decision made on a plain number. */
  override noteRead(x: Tracer): void {
    if (!this.replayable || !this.live) return;
    throw new Error(
      `wengert: ${this.replayFor}: f read a traced value as a number (toNumber of ${x.toString()}); ` +
        'a recording run again at other points could not tell when that decision changes, so ' +
        `branch with the comparison ops (lt, le, gt, ge, eq, ne) instead, or use grad without ${this.replayFor}`,
    );
  }

  /** A recording for `compile` keeps each comparison, so that replay can tell when it flips. */
  override noteComparison(code: number, x: Num, y: Num, result: boolean): void {
    if (this.replayable) this.recordComparison(code, x, y, result);
  }

  /** Appends a matrix entry; its output is a tape matrix, or a tape variable for a scalar (a sum). */
  pushMatrixEntry(entry: MatrixEntry): TapeVar | TapeMatrix {
    const slot = this.matrixEntries.length;
    const k = this.push(MATRIX_OP, slot, 0, -1, 0);
    this.matrixEntries.push({ ...entry, index: k });
    if (!this.nested && [entry.out, ...entry.values].some(isTraced)) this.nested = true;
    const { out } = entry;
    if (!isMat(out)) return new TapeVar(this, k, out);
    this.grow(8 * out.rows * out.cols);
    return new TapeMatrix(this, k, slot, out);
  }

  /** Records that `code` compared x with y and found `result` (one entry, no derivative). */
  recordComparison(code: number, x: Num, y: Num, result: boolean): void {
    this.assertLive('a comparison');
    const on = (v: Num) => typeof v === 'object' && v.trace === this;
    const operand = (v: Num) => (on(v) ? (v as TapeVar).index : -1);
    const constant = (v: Num) => (on(v) ? 0 : (v as number));
    const k = this.push(COMPARE_OP, operand(x), constant(x), operand(y), constant(y));
    this.comparisons.set(k, { code, result });
  }

  /** The slot in `matrixEntries` of entry k, which must be a matrix entry. */
  slotOf(k: number): number {
    return (this.chunks[k >>> CHUNK_BITS] as Chunk).in0[k & OFFSET_MASK] as number;
  }

  /** True if entry k is a matrix entry. */
  isMatrixEntry(k: number): boolean {
    return (this.chunks[k >>> CHUNK_BITS] as Chunk).op[k & OFFSET_MASK] === MATRIX_OP;
  }

  /**
   * Appends the entry `op(w_i0, w_i1)` with its partials and returns its
   * index. `i0`/`i1` are -1 for constants and absent operands.
   */
  push(op: number, i0: number, d0: Num, i1: number, d1: Num): number {
    let cur = this.cur;
    if (this.pos === CHUNK_SIZE) {
      cur = this.addChunk();
      this.cur = cur;
      this.pos = 0;
    }
    const p = this.pos++;
    cur.op[p] = op;
    cur.in0[p] = i0;
    // A one-operand entry in a chunk without second-operand arrays writes none.
    if (cur.in1 === null && (i1 >= 0 || d1 !== 0)) this.grow(cur.addSecond(), 0);
    if (cur.in1 !== null) cur.in1[p] = i1;
    if (this.boxed === null && typeof d0 === 'number' && typeof d1 === 'number') {
      cur.d0[p] = d0;
      if (cur.d1 !== null) cur.d1[p] = d1;
    } else {
      this.pushBoxed(d0, d1);
    }
    return this.size++;
  }

  /** Stops recording and reports the recording to any open cost ledger. */
  end(): void {
    this.live = false;
    this.countInUse();
    noteRecording(this.size, this.size - this.inputs);
  }

  /** A zeroed adjoint array, one slot per entry, reused across sweeps. */
  adjoints(): Float64Array {
    if (this.adjointBuffer === null) {
      this.adjointBuffer = takeAdjoints(this.size);
      this.grow(this.adjointBuffer.byteLength);
    } else {
      this.adjointBuffer.fill(0);
    }
    return this.adjointBuffer;
  }

  /** Gives the tape's memory back once no sweep will be needed again. */
  release(): void {
    recycleChunks(this.chunks);
    this.chunks.length = 0;
    this.boxed = null;
    this.matrixEntries = [];
    if (this.adjointBuffer !== null) recycleAdjoints(this.adjointBuffer);
    this.adjointBuffer = null;
    noteBytes(-this.bytes, -this.bytesInUse);
    this.bytes = 0;
    this.bytesInUse = 0;
    this.countedEntries = this.size;
  }

  private addChunk(): Chunk {
    this.countInUse();
    const chunk = takeChunk();
    this.chunks.push(chunk);
    this.grow(chunk.bytes, 0);
    return chunk;
  }

  /** Counts the entries recorded since the last count as bytes in use (cheap: once per chunk). */
  private countInUse(): void {
    let bytes = 0;
    for (let k = this.countedEntries; k < this.size; ) {
      const chunk = this.chunks[k >>> CHUNK_BITS] as Chunk;
      const end = Math.min(this.size, ((k >>> CHUNK_BITS) + 1) << CHUNK_BITS);
      bytes += (end - k) * (chunk.in1 === null ? UNARY_ENTRY_BYTES : ENTRY_BYTES);
      k = end;
    }
    this.countedEntries = this.size;
    this.grow(0, bytes);
  }

  /**
   * Counts `bytes` more held by this tape (negative: given back), of which
   * `inUse` hold data (all of them unless said otherwise).
   */
  grow(bytes: number, inUse = bytes): void {
    this.bytes += bytes;
    this.bytesInUse += inUse;
    noteBytes(bytes, inUse);
  }

  // Nested differentiation only: copy what is already numeric, then keep
  // every partial boxed from here on (counted as 8 bytes a slot).
  private pushBoxed(d0: Num, d1: Num): void {
    if (this.boxed === null) {
      const boxed: Num[] = [];
      for (let k = 0; k < this.size; k++) {
        const c = this.chunks[k >>> CHUNK_BITS] as Chunk;
        const p = k & OFFSET_MASK;
        boxed.push(c.d0[p] as number, c.d1 === null ? 0 : (c.d1[p] as number));
      }
      this.boxed = boxed;
      this.grow(16 * this.size);
    }
    this.boxed.push(d0, d1);
    this.grow(16);
  }
}

/** True for a value of some trace, as opposed to a plain number or matrix. */
function isTraced(x: Value): boolean {
  return typeof x === 'object' && 'trace' in x;
}
