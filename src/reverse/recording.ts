/** @file Record once, pull back many times: the tape behind vjp, grad and jacrev. */

import { type Flat, flattenOutput } from '../shape.ts';
import type { Num } from '../value.ts';
import { accumulate, sweep, sweepBoxed } from './sweep.ts';
import { Tape } from './tape.ts';
import { TapeVar } from './tape-var.ts';

/** A finished recording: the tape, f's outputs and their shape. */
export interface Recording {
  readonly tape: Tape;
  readonly outputs: Num[];
  readonly isArray: boolean;
}

/**
 * Runs `f` on fresh tape variables (entries 0..n-1 are the inputs) and stops
 * recording. `forDisplay` also keeps values and constant operands, for traces.
 */
export function record(
  fn: string,
  f: (x: never) => unknown,
  x: Flat,
  { forDisplay = false } = {},
): Recording {
  const tape = new Tape();
  if (forDisplay) tape.display = { values: [], constants: new Map() };
  const vars = x.values.map((p) => tape.input(p));
  let out: Flat;
  try {
    out = flattenOutput(fn, (f as (x: unknown) => unknown)(x.isArray ? vars : vars[0]));
  } finally {
    tape.end();
  }
  return { tape, outputs: out.values, isArray: out.isArray };
}

/** The primal value of each output, one level down. */
export function primalsOf({ tape, outputs }: Recording): Num[] {
  return outputs.map((y) => (y instanceof TapeVar && y.trace === tape ? y.value : y));
}

/**
 * One reverse sweep: seeds output k's adjoint with `cotangent[k]` and returns
 * the adjoints of the inputs, i.e. Jᵀ·cotangent. Seeding adds, so an output
 * returned twice receives both cotangents.
 */
export function pullBack({ tape, outputs }: Recording, cotangent: readonly Num[]): Num[] {
  const inputs = tape.inputs;
  if (tape.boxed === null && cotangent.every((c) => typeof c === 'number')) {
    const adjoint = tape.adjoints();
    outputs.forEach((y, k) => {
      if (y instanceof TapeVar && y.trace === tape)
        adjoint[y.index] = (adjoint[y.index] as number) + (cotangent[k] as number);
    });
    sweep(tape, adjoint);
    const result = new Array<number>(inputs);
    for (let i = 0; i < inputs; i++) result[i] = adjoint[i] as number;
    return result;
  }
  const adjoint: Num[] = new Array<Num>(tape.size).fill(0);
  outputs.forEach((y, k) => {
    if (y instanceof TapeVar && y.trace === tape) {
      adjoint[y.index] = accumulate(adjoint[y.index] as Num, 1, cotangent[k] as Num);
    }
  });
  sweepBoxed(tape, adjoint);
  return adjoint.slice(0, inputs);
}
