/** @file Sparsity detection: which inputs each output depends on, by pushing index sets through one recording. */

import { type Flat, flattenInput, type Point } from '../core/point.ts';
import type { Value } from '../core/value.ts';
import { readEntry } from '../reverse/entries.ts';
import { type Recording, record } from '../reverse/recording.ts';
import { COMPARE_OP, MATRIX_OP, type Tape } from '../reverse/tape.ts';
import { TapeMatrix } from '../reverse/tape-matrix.ts';
import { TapeVar } from '../reverse/tape-var.ts';
import { entryCount } from './entries.ts';
import type { InputsOf } from './inputs.ts';
import { SparsityPattern } from './pattern.ts';

/** An index set: input entries (Jacobian columns), ascending and distinct. Never changed once built. */
type IndexSet = readonly number[];

const EMPTY: IndexSet = [];

/** a ∪ b by merging; shares an operand when the other adds nothing (unary chains copy nothing). */
function union(a: IndexSet, b: IndexSet): IndexSet {
  if (b.length === 0 || a === b) return a;
  if (a.length === 0) return b;
  const out: number[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const x = a[i] as number;
    const y = b[j] as number;
    if (x <= y) i++;
    if (y <= x) j++;
    out.push(Math.min(x, y));
  }
  while (i < a.length) out.push(a[i++] as number);
  while (j < b.length) out.push(b[j++] as number);
  return out.length === a.length ? a : out.length === b.length ? b : out;
}

/** A value of this tape, of either kind (anything else is a constant to it). */
function onTape(y: Value, tape: Tape): y is TapeVar | TapeMatrix {
  return (y instanceof TapeVar || y instanceof TapeMatrix) && y.trace === tape;
}

/**
 * The pattern of a finished recording. An input's set is its own entries;
 * an entry's set is the union of its operands' sets (constants add
 * nothing). Whether a partial happens to be 0 is never looked at, so the
 * pattern is structural: mul(x, y) at y = 0 still depends on x. A matrix
 * entry is taken whole: each entry of its result gets the union over every
 * entry of every operand (matmul, and even an entry-by-entry tanh, come out
 * dense), which is conservative, never wrong.
 */
export function patternOf({ tape, outputs }: Recording, x: Flat): SparsityPattern {
  const sets = new Array<IndexSet>(tape.size);
  let columns = 0;
  for (let k = 0; k < tape.inputs; k++) {
    const size = entryCount(x.values[k] as Value);
    sets[k] = Array.from({ length: size }, (_, e) => columns + e);
    columns += size;
  }
  const setOf = (input: number): IndexSet => (input < 0 ? EMPTY : (sets[input] as IndexSet));
  for (let k = tape.inputs; k < tape.size; k++) {
    const { op, in0, in1 } = readEntry(tape, k);
    if (op === MATRIX_OP) {
      const operands = tape.matrixEntries[tape.slotOf(k)]?.inputs ?? [];
      sets[k] = operands.reduce<IndexSet>((s, input) => union(s, setOf(input)), EMPTY);
    } else if (op === COMPARE_OP) {
      sets[k] = EMPTY; // a comparison has no derivative and no value anyone computes with
    } else {
      sets[k] = union(setOf(in0), setOf(in1));
    }
  }
  const byRow: IndexSet[] = [];
  for (const y of outputs) {
    const set = onTape(y, tape) ? setOf(y.index) : EMPTY; // a constant output depends on nothing
    for (let e = entryCount(y); e > 0; e--) byRow.push(set);
  }
  return SparsityPattern.ofRows(columns, byRow);
}

/**
 * The Boolean pattern of f's Jacobian at x: entry (i, j) is in it if output
 * i may depend on input j. One recording of f, no derivatives taken and no
 * finite differences: index sets travel through the recorded entries.
 * Conservative: it never misses a nonzero, and keeps a partial that is 0 at
 * this point (x·y at y = 0 still depends on x). Matrix operations are taken
 * whole (each entry of the result depends on every entry of the operands).
 * Like every transform it sees the trace of this run: where f branches on
 * a value, another x may give another pattern.
 *
 * @example
 * const p = sparsity((x: Num[]) => x.map((xi, i) => mul(xi, x[i + 1] ?? 1)), [1, 2, 3]);
 * p.nonzeros; // [[0, 0], [0, 1], [1, 1], [1, 2], [2, 2]]
 */
export function sparsity<X extends Point>(f: (x: X) => unknown, x: InputsOf<X>): SparsityPattern {
  const flat = flattenInput('sparsity', 'x', x);
  const recording = record('sparsity', f, flat);
  try {
    return patternOf(recording, flat);
  } finally {
    recording.tape.release();
  }
}
