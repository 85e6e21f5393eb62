/** @file What the lab's inputs mean: the parsed function, its point, direction and seed, traced and swept once by the engine. */

import { readList, readPoint } from '../src/cli/args.ts';
import {
  type ForwardSweep,
  forwardSweep,
  type Num,
  type ParsedFunction,
  parse,
  parseMany,
  type ReverseSweep,
  reverseSweep,
  trace,
  type WengertList,
} from '../src/index.ts';
import type { LabState } from './hash.ts';

/** A function the lab can show: traced at its point, with both sweeps run to the end. */
export interface Program {
  readonly f: ParsedFunction<Num | Num[]>;
  readonly x: readonly number[];
  readonly direction: readonly number[];
  readonly seed: readonly number[];
  readonly list: WengertList;
  readonly forward: ForwardSweep;
  readonly reverse: ReverseSweep;
}

/** What the steps are shown from: the Wengert list, the seeds and both sweeps. */
export type Sweeps = Pick<Program, 'list' | 'seed' | 'forward' | 'reverse'>;

/** What was wrong with each field that could not be read; `f` holds a ParseError's message with its caret. */
export type FieldErrors = Partial<Record<'f' | 'at' | 'dir' | 'seed', string>>;

export type Loaded =
  | { readonly ok: true; readonly program: Program }
  | { readonly ok: false; readonly errors: FieldErrors };

/** e_i of length n: the CLI's default direction and seed. */
const unit = (n: number, i = 0) => Array.from({ length: n }, (_, k) => (k === i ? 1 : 0));

/** Runs `read`, turning a thrown message into an error for `field`. */
function attempt<T>(errors: FieldErrors, field: keyof FieldErrors, read: () => T): T | undefined {
  try {
    return read();
  } catch (error) {
    errors[field] = error instanceof Error ? error.message : String(error);
    return undefined;
  }
}

/**
 * Reads the state as the CLI's `explain` reads its arguments (one
 * expression with `parse`, several separated by `;` with `parseMany`; the
 * point as `--at`, the direction as `--direction`, the seed as `--seed`,
 * both defaulting to e₁), then traces f and runs both sweeps: every number
 * the lab shows is read from these. Each field's mistake is reported on
 * its own, so a bad point does not hide a bad seed.
 */
export function loadProgram(state: LabState): Loaded {
  const errors: FieldErrors = {};
  const source = state.f;
  const f = attempt(errors, 'f', (): ParsedFunction<Num | Num[]> => {
    if (source.trim() === '') throw new Error('type a function, e.g. 5*x^2 - x*y');
    return source.includes(';') ? parseMany(source) : parse(source);
  });
  if (f === undefined) return { ok: false, errors };
  const n = f.variables.length;
  const m = f.expressions.length;
  const x = attempt(errors, 'at', () => readPoint(state.at, f.variables, 'at'));
  const direction = attempt(errors, 'dir', () =>
    state.dir.trim() === '' ? unit(n) : readPoint(state.dir, f.variables, 'direction'),
  );
  const seed = attempt(errors, 'seed', () =>
    state.seed.trim() === '' ? unit(m) : readList(state.seed, m, 'seed'),
  );
  if (x === undefined || direction === undefined || seed === undefined)
    return { ok: false, errors };
  const list = attempt(errors, 'f', () => trace(f, x, { names: f.variables }));
  if (list === undefined) return { ok: false, errors };
  return {
    ok: true,
    program: {
      f,
      x,
      direction,
      seed,
      list,
      forward: forwardSweep(list, direction),
      reverse: reverseSweep(list, seed),
    },
  };
}
