/** @file The reverse sweep: walk the tape backwards, accumulating adjoints with `+=`. */

import { addBlock } from '../core/kernels.ts';
import { noteSweep } from '../core/ledger.ts';
import { Matrix, zeros } from '../core/matrix.ts';
import { isMat, type Mat, type Num, type Value } from '../core/value.ts';
import { add, mul } from '../primitives/arithmetic.ts';
import { CHUNK_BITS, type Chunk } from './chunk.ts';
import type { MatrixEntry, Tape } from './tape.ts';

/**
 * The adjoints of one sweep: one per scalar entry, in a Float64Array when
 * every partial is a plain number, boxed under nested differentiation; and
 * one per matrix entry (by slot), created when its first contribution arrives.
 */
export interface Adjoints {
  readonly scalar: Float64Array | Num[];
  readonly matrix: (Value | undefined)[];
  /** Bytes of matrix adjoints created, counted as tape memory until the sweep's results are read. */
  bytes: number;
  /**
   * The slots whose adjoint is a plain matrix this sweep made itself (a sum
   * of two contributions, or zeros for a rule that accumulates), which
   * nothing else holds yet: only those may be added into in place. A first
   * contribution is never one of them, since a pull-back may hand back its
   * own adjoint (add's does) or a seed the caller still holds.
   */
  readonly owned: Set<number>;
}

/**
 * w̄_i += (∂w_k/∂w_i) · w̄_k for every entry k, from last to first.
 * An entry whose adjoint is exactly 0 contributes nothing (a symbolic zero):
 * a value that does not reach the output never turns 0 · ∞ into NaN.
 *
 * `adjoints` must hold the seed (the cotangent of the outputs) on entry; on
 * return it holds the adjoint of every entry. The loops are iterative, so a
 * tape of millions of entries needs no call stack. Accumulating (never
 * assigning) is what makes a value used twice receive both contributions:
 * fan-out in the primal is addition in the adjoint.
 *
 * Runs of scalar entries go through a tight loop over the partials; each
 * matrix entry in between applies its rule's adjoint maps.
 */
export function sweep(tape: Tape, adjoints: Adjoints): void {
  let hi = tape.size - 1;
  for (let s = tape.matrixEntries.length - 1; s >= 0; s--) {
    const entry = tape.matrixEntries[s] as MatrixEntry & { index: number };
    sweepScalars(tape, adjoints.scalar, hi, entry.index + 1);
    pullMatrixEntry(tape, entry, s, adjoints);
    hi = entry.index - 1;
  }
  sweepScalars(tape, adjoints.scalar, hi, 0);
  noteSweep(tape.size - tape.inputs);
}

/** The scalar entries hi, hi-1, ..., lo. */
function sweepScalars(tape: Tape, adjoint: Float64Array | Num[], hi: number, lo: number): void {
  if (adjoint instanceof Float64Array) sweepNumbers(tape, adjoint, hi, lo);
  else sweepBoxed(tape, adjoint, hi, lo);
}

function sweepNumbers(tape: Tape, adjoint: Float64Array, hi: number, lo: number): void {
  let k = hi;
  while (k >= lo) {
    const c = k >>> CHUNK_BITS;
    const { in0, in1, d0, d1 } = tape.chunks[c] as Chunk;
    // p is k's slot in chunk c, which starts at entry c·CHUNK_SIZE
    const stop = Math.max(lo, c << CHUNK_BITS);
    if (in1 === null || d1 === null) {
      // a chunk of one-operand entries (see Chunk): the same loop without the second operand
      for (let p = k - (c << CHUNK_BITS); k >= stop; p--, k--) {
        const bar = adjoint[k] as number;
        if (bar === 0) continue;
        const i = in0[p] as number;
        if (i >= 0) adjoint[i] = (adjoint[i] as number) + (d0[p] as number) * bar;
      }
      continue;
    }
    for (let p = k - (c << CHUNK_BITS); k >= stop; p--, k--) {
      const bar = adjoint[k] as number;
      if (bar === 0) continue;
      const i = in0[p] as number;
      if (i >= 0) adjoint[i] = (adjoint[i] as number) + (d0[p] as number) * bar;
      const j = in1[p] as number;
      if (j >= 0) adjoint[j] = (adjoint[j] as number) + (d1[p] as number) * bar;
    }
  }
}

/**
 * The same loop on boxed values, for nested differentiation: the partials
 * or the seed are traced values of an outer trace, so the sweep itself is
 * made of toolkit ops and an outer trace can differentiate it again.
 */
function sweepBoxed(tape: Tape, adjoint: Num[], hi: number, lo: number): void {
  const boxed = tape.boxed;
  let k = hi;
  while (k >= lo) {
    const c = k >>> CHUNK_BITS;
    const { in0, in1, d0, d1 } = tape.chunks[c] as Chunk;
    const stop = Math.max(lo, c << CHUNK_BITS);
    for (let p = k - (c << CHUNK_BITS); k >= stop; p--, k--) {
      const bar = adjoint[k] as Num;
      if (bar === 0) continue;
      const i = in0[p] as number;
      if (i >= 0) {
        const d = boxed === null ? (d0[p] as number) : (boxed[2 * k] as Num);
        adjoint[i] = accumulate(adjoint[i] as Num, d, bar);
      }
      const j = in1 === null ? -1 : (in1[p] as number);
      if (j >= 0) {
        const d = boxed !== null ? (boxed[2 * k + 1] as Num) : d1 === null ? 0 : (d1[p] as number);
        adjoint[j] = accumulate(adjoint[j] as Num, d, bar);
      }
    }
  }
}

/**
 * X̄_i += L_iᵀ(Z̄) for each operand of a matrix entry that is on the tape:
 * the rule's adjoint maps, applied to the entry's output adjoint (a scalar
 * adjoint for a rule with a scalar output, such as sum).
 */
function pullMatrixEntry(
  tape: Tape,
  entry: MatrixEntry & { index: number },
  slot: number,
  adjoints: Adjoints,
): void {
  const { rule, inputs, values, out, params } = entry;
  if (rule === null) return;
  const bar = isMat(out) ? adjoints.matrix[slot] : (adjoints.scalar[entry.index] as Num);
  if (bar === undefined || bar === 0) return;
  // A rule that can add its contribution in place (slice's is mostly zeros)
  // does so into an adjoint this sweep owns, or starts one of zeros.
  // Only on plain values: an outer trace must see the contribution as toolkit ops.
  const plain =
    bar instanceof Matrix && values.every((v) => typeof v === 'number' || v instanceof Matrix);
  const inPlace = inputs.map(
    (i) => i >= 0 && rule.accumulate !== undefined && plain && canOwn(tape, adjoints, i),
  );
  const contributions = rule.pullback(
    values,
    out,
    bar,
    params,
    inputs.map((i, position) => i >= 0 && !inPlace[position]),
  );
  // Entries before this one never read its adjoint: let it go now, so a
  // sweep holds the adjoints of the entries it has not yet reached only.
  if (isMat(out)) dropMatrixAdjoint(tape, adjoints, slot);
  inputs.forEach((i, position) => {
    if (inPlace[position]) {
      const target = tape.slotOf(i);
      (rule.accumulate as NonNullable<typeof rule.accumulate>)(
        ownedAdjoint(tape, adjoints, target, values[position] as Mat),
        values,
        out,
        bar as Matrix,
        params,
        position,
      );
      return;
    }
    const c = contributions[position];
    if (i < 0 || c === null || c === undefined) return;
    // An entry with a matrix output keeps its adjoint by slot; every other
    // entry (a scalar op, or a matrix op that returns a number, like sum)
    // keeps it in the scalar adjoints, where its own pull-back reads it.
    if (tape.isMatrixEntry(i) && isMat((tape.matrixEntries[tape.slotOf(i)] as MatrixEntry).out)) {
      addMatrixAdjoint(tape, adjoints, tape.slotOf(i), c);
    } else addScalarAdjoint(adjoints.scalar, i, c as Num);
  });
}

function addScalarAdjoint(adjoint: Float64Array | Num[], i: number, c: Num): void {
  if (adjoint instanceof Float64Array) adjoint[i] = (adjoint[i] as number) + (c as number);
  else adjoint[i] = accumulate(adjoint[i] as Num, 1, c);
}

/** Adds a contribution to a matrix entry's adjoint; the first one is counted as memory held. */
export function addMatrixAdjoint(tape: Tape, adjoints: Adjoints, slot: number, c: Value): void {
  const prev = adjoints.matrix[slot];
  if (prev === undefined) {
    adjoints.matrix[slot] = c;
    if (isMat(c)) {
      adjoints.bytes += 8 * c.rows * c.cols;
      tape.grow(8 * c.rows * c.cols);
    }
  } else if (
    adjoints.owned.has(slot) &&
    prev instanceof Matrix &&
    c instanceof Matrix &&
    c.rows === prev.rows &&
    c.cols === prev.cols
  ) {
    // A fast path beside add: the sum already belongs to this sweep, so the
    // contribution goes into it instead of into a new matrix (a value used
    // k times costs one matrix, not k − 1). Any other shape goes through add,
    // which broadcasts a row or a column and names shapes that do not fit.
    addBlock(prev, c, 0, 0);
  } else {
    const sum = add(prev, c);
    adjoints.matrix[slot] = sum;
    if (sum instanceof Matrix) adjoints.owned.add(slot);
  }
}

/** Whether entry i has a matrix adjoint this sweep may add into: one it owns, or none yet. */
function canOwn(tape: Tape, adjoints: Adjoints, i: number): boolean {
  if (!tape.isMatrixEntry(i)) return false;
  const slot = tape.slotOf(i);
  if (!isMat((tape.matrixEntries[slot] as MatrixEntry).out)) return false;
  const prev = adjoints.matrix[slot];
  return prev === undefined || (adjoints.owned.has(slot) && prev instanceof Matrix);
}

/** Slot's adjoint as a plain matrix this sweep owns: the one it has, or new zeros of `like`'s shape. */
function ownedAdjoint(tape: Tape, adjoints: Adjoints, slot: number, like: Mat): Matrix {
  const prev = adjoints.matrix[slot];
  if (prev instanceof Matrix && adjoints.owned.has(slot)) return prev;
  const fresh = zeros(like.rows, like.cols);
  addMatrixAdjoint(tape, adjoints, slot, fresh);
  adjoints.owned.add(slot);
  return fresh;
}

function dropMatrixAdjoint(tape: Tape, adjoints: Adjoints, slot: number): void {
  const bar = adjoints.matrix[slot];
  adjoints.matrix[slot] = undefined;
  adjoints.owned.delete(slot);
  if (bar !== undefined && isMat(bar)) {
    adjoints.bytes -= 8 * bar.rows * bar.cols;
    tape.grow(-8 * bar.rows * bar.cols);
  }
}

/** A matrix entry's adjoint after a sweep: zeros if nothing reached it. */
export function matrixAdjointOf(tape: Tape, adjoints: Adjoints, slot: number): Value {
  const bar = adjoints.matrix[slot];
  if (bar !== undefined) return bar;
  const { out } = tape.matrixEntries[slot] as MatrixEntry;
  return isMat(out) ? zeros(out.rows, out.cols) : 0;
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
