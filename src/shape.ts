/** @file Inputs and outputs of differentiable functions: one value or an array, checked with clear errors. */

import { describe, isNum, type Num } from './value.ts';

/** What a differentiable function takes or returns: one value or an array of them. */
export type Point = Num | readonly Num[];

/** `A`'s shape (one value, an array or a tuple) holding `T`s. */
export type Like<A, T> = A extends readonly unknown[] ? { -readonly [K in keyof A]: T } : T;

/**
 * The element type of results: `number` when the inputs are plain numbers,
 * `Num` when they are traced (a transform called inside another one).
 */
export type Scalar<A> = A extends number | readonly number[] ? number : Num;

/** A point flattened to its values, remembering whether it was an array. */
export interface Flat {
  readonly values: Num[];
  readonly isArray: boolean;
}

/** Reads the point a transform was called at; `fn` and `what` name it in errors. */
export function flattenInput(fn: string, what: string, x: unknown): Flat {
  if (isNum(x)) return { values: [check(fn, what, -1, x)], isArray: false };
  if (Array.isArray(x) || ArrayBuffer.isView(x)) {
    const items = x as ArrayLike<unknown>;
    const values = new Array<Num>(items.length);
    for (let i = 0; i < items.length; i++) {
      const v = items[i];
      if (typeof v === 'number') values[i] = v;
      else if (isNum(v)) values[i] = check(fn, what, i, v);
      else
        throw new TypeError(`wengert: ${fn}: ${what}[${i}] is ${describe(v)}; expected a number`);
    }
    return { values, isArray: true };
  }
  throw new TypeError(
    `wengert: ${fn}: ${what} is ${describe(x)}; expected a number or an array of numbers`,
  );
}

/** Reads what the user's function returned. */
export function flattenOutput(fn: string, out: unknown): Flat {
  if (isNum(out)) return { values: [check(fn, 'the output', -1, out)], isArray: false };
  if (Array.isArray(out)) {
    const values = out.map((v: unknown, i) => {
      if (!isNum(v)) {
        throw new TypeError(
          `wengert: ${fn}: f returned an array whose element ${i} is ${describe(v)}; ` +
            'f must return a number, a wengert value, or an array of them',
        );
      }
      return check(fn, 'output', i, v);
    });
    return { values, isArray: true };
  }
  throw new TypeError(
    `wengert: ${fn}: f returned ${describe(out)}; f must return a number, a wengert value, ` +
      'or an array of them',
  );
}

/** Puts values back into the shape of a flattened point. */
export function unflatten<T>(isArray: boolean, values: T[]): T | T[] {
  return isArray ? values : (values[0] as T);
}

/** Throws if a traced value belongs to a trace that has ended; `index` is -1 for a single value. */
function check(fn: string, what: string, index: number, x: Num): Num {
  if (typeof x !== 'number' && !x.trace.live) {
    x.trace.assertLive(`${fn} (${index < 0 ? what : `${what}[${index}]`})`);
  }
  return x;
}

/** "a single number" or "an array of 3", for error messages. */
export function describeShape({ values, isArray }: Flat): string {
  return isArray ? `an array of ${values.length}` : 'a single number';
}
