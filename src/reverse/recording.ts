/** @file Record once, pull back many times: the tape behind vjp, grad and jacrev. */

import { type Flat, flattenOutput } from '../core/point.ts';
import type { Num, Value } from '../core/value.ts';
import { type Adjoints, accumulate, addMatrixAdjoint, matrixAdjointOf, sweep } from './sweep.ts';
import { Tape } from './tape.ts';
import { TapeMatrix } from './tape-matrix.ts';
import { TapeVar } from './tape-var.ts';

/** A finished recording: the tape, f's outputs and their shape. */
export interface Recording {
  readonly tape: Tape;
  readonly outputs: Value[];
  readonly isArray: boolean;
}

/**
 * Runs `f` on fresh tape variables (entries 0..n-1 are the inputs) and stops
 * recording. `forDisplay` also keeps values and constant operands, for traces.
 * `replayable` makes a recording that will be run at other points (generated
 * source): it keeps the comparisons made with lt, le, gt, ge, eq, ne, and refuses a
 * decision made with toNumber, which no later run could check.
 */
export function record(
  fn: string,
  f: (x: never) => unknown,
  x: Flat,
  { forDisplay = false, replayable = false } = {},
): Recording {
  const tape = new Tape();
  if (forDisplay) tape.display = { values: [], constants: new Map() };
  if (replayable) {
    tape.replayable = true;
    tape.replayFor = fn;
  }
  const vars = x.values.map((p) => tape.input(p));
  let out: Flat;
  try {
    out = flattenOutput(fn, (f as (x: unknown) => unknown)(x.isArray ? vars : vars[0]));
  } catch (error) {
    tape.end();
    tape.release(); // nothing will sweep it: give its memory back now
    throw error;
  }
  tape.end();
  return { tape, outputs: out.values, isArray: out.isArray };
}

/** A value of this recording's tape, of either kind. */
function onTape(y: Value, tape: Tape): y is TapeVar | TapeMatrix {
  return (y instanceof TapeVar || y instanceof TapeMatrix) && y.trace === tape;
}

/** The primal value of each output, one level down. */
export function primalsOf({ tape, outputs }: Recording): Value[] {
  return outputs.map((y) => (onTape(y, tape) ? y.value : y));
}

/**
 * One reverse sweep: seeds output k's adjoint with `cotangent[k]` and returns
 * the adjoints of the inputs, i.e. Jᵀ·cotangent. Seeding adds, so an output
 * returned twice receives both cotangents. The sweep runs on plain numbers
 * unless nested differentiation put traced values on the tape or in the seed.
 */
export function pullBack({ tape, outputs }: Recording, cotangent: readonly Value[]): Value[] {
  const numeric =
    tape.boxed === null &&
    !tape.nested &&
    cotangent.every((c) => typeof c === 'number' || !('trace' in c));
  const adjoints: Adjoints = {
    scalar: numeric ? tape.adjoints() : new Array<Num>(tape.size).fill(0),
    matrix: [],
    bytes: 0,
    owned: new Set(),
  };
  outputs.forEach((y, k) => {
    const c = cotangent[k] as Value;
    if (!onTape(y, tape) || c === 0) return; // a zero seed is a symbolic zero
    if (y instanceof TapeMatrix) addMatrixAdjoint(tape, adjoints, y.slot, c);
    else if (adjoints.scalar instanceof Float64Array) {
      adjoints.scalar[y.index] = (adjoints.scalar[y.index] as number) + (c as number);
    } else adjoints.scalar[y.index] = accumulate(adjoints.scalar[y.index] as Num, 1, c as Num);
  });
  sweep(tape, adjoints);
  const result = new Array<Value>(tape.inputs);
  for (let i = 0; i < tape.inputs; i++) {
    result[i] = tape.isMatrixEntry(i)
      ? matrixAdjointOf(tape, adjoints, tape.slotOf(i))
      : (adjoints.scalar[i] as Num);
  }
  tape.grow(-adjoints.bytes);
  return result;
}
