/** @file Inputs and outputs of differentiable functions: one value or an array of them, checked with clear errors. */

import type { Matrix } from './matrix.ts';
import { shapeText } from './matrix.ts';
import { describe, isMat, isNum, type Mat, type Num, type Value } from './value.ts';

/**
 * What a differentiable function takes or returns: one value or an array of them.
 *
 * @example
 * ```ts
 * const inputs: Point[] = [3, [1, 2], eye(2), [matrix([[1]]), 4]]; // each a valid x for grad
 * ```
 */
export type Point = Value | readonly Value[];

/**
 * `A`'s shape (one value, an array or a tuple) holding `T`s.
 *
 * @example
 * ```ts
 * const tangents: Like<[number, number], number> = [1, 0]; // shaped like a point of two numbers
 * ```
 */
export type Like<A, T> = A extends readonly unknown[] ? { -readonly [K in keyof A]: T } : T;

type PlainItem = number | Matrix;

/**
 * The element type of results: `number` when the inputs are plain numbers
 * and matrices, `Num` when they are traced (a transform inside another one).
 *
 * @example
 * ```ts
 * // plain numbers in, plain numbers out: Scalar<number[]> is number
 * const slope: Scalar<number[]> = grad((x: Num[]) => mul(x[0] ?? 0, 2))([1])[0] ?? 0;
 * ```
 */
export type Scalar<A> = A extends PlainItem | readonly PlainItem[] ? number : Num;

/** A matrix result: plain for plain inputs, possibly traced otherwise. */
type MatrixResult<A> = A extends PlainItem | readonly PlainItem[] ? Matrix : Mat;

/**
 * What f receives for each item of a point: a traced number for a number, a traced matrix for a matrix.
 *
 * @example
 * ```ts
 * // for the point [number, Matrix], f receives [Num, Mat]
 * const f = ([a, w]: Traced<[number, Matrix]>) => mul(a, sum(w));
 * console.log(grad(f)([2, ones(2)]));
 * ```
 */
export type Traced<A> = A extends readonly unknown[]
  ? { -readonly [K in keyof A]: A[K] extends Mat ? Mat : Num }
  : A extends Mat
    ? Mat
    : Num;

/**
 * `R`'s shape with each item as a result computed from inputs `A`: numbers stay numbers, matrices matrices.
 *
 * @example
 * ```ts
 * // grad of a function of [number, Matrix] returns [number, Matrix]
 * const f = ([a, w]: [Num, Mat]) => mul(a, sum(w));
 * const [da, dw]: Same<[number, Matrix], [number, Matrix]> = grad(f)([2, ones(2)]);
 * console.log(da, dw);
 * ```
 */
export type Same<R, A> = R extends readonly unknown[]
  ? { -readonly [K in keyof R]: R[K] extends Mat ? MatrixResult<A> : Scalar<A> }
  : R extends Mat
    ? MatrixResult<A>
    : Scalar<A>;

/** A point flattened to its values, remembering whether it was an array. */
export interface Flat {
  readonly values: Value[];
  readonly isArray: boolean;
}

/** Reads the point a transform was called at; `fn` and `what` name it in errors. */
export function flattenInput(fn: string, what: string, x: unknown): Flat {
  if (isNum(x) || isMat(x)) return { values: [check(fn, what, -1, x)], isArray: false };
  if (Array.isArray(x) || ArrayBuffer.isView(x)) {
    const items = x as ArrayLike<unknown>;
    const values = new Array<Value>(items.length);
    for (let i = 0; i < items.length; i++) {
      const v = items[i];
      if (typeof v === 'number') values[i] = v;
      else if (isNum(v) || isMat(v)) values[i] = check(fn, what, i, v);
      else
        throw new TypeError(
          `wengert: ${fn}: ${what}[${i}] is ${describe(v)}; expected a number or a matrix`,
        );
    }
    return { values, isArray: true };
  }
  throw new TypeError(
    `wengert: ${fn}: ${what} is ${describe(x)}; expected a number, a matrix or an array of them`,
  );
}

/** Reads what the user's function returned. */
export function flattenOutput(fn: string, out: unknown): Flat {
  if (isNum(out) || isMat(out))
    return { values: [check(fn, 'the output', -1, out)], isArray: false };
  if (Array.isArray(out)) {
    const values = out.map((v: unknown, i) => {
      if (!isNum(v) && !isMat(v)) {
        throw new TypeError(
          `wengert: ${fn}: f returned an array whose element ${i} is ${describe(v)}; ` +
            'f must return a number, a matrix, a wengert value, or an array of them',
        );
      }
      return check(fn, 'output', i, v);
    });
    return { values, isArray: true };
  }
  throw new TypeError(
    `wengert: ${fn}: f returned ${describe(out)}; f must return a number, a matrix, a wengert ` +
      'value, or an array of them',
  );
}

/** Puts values back into the shape of a flattened point. */
export function unflatten<T>(isArray: boolean, values: T[]): T | T[] {
  return isArray ? values : (values[0] as T);
}

/** Throws if a traced value belongs to a trace that has ended; `index` is -1 for a single value. */
function check<T extends Value>(fn: string, what: string, index: number, x: T): T {
  if (typeof x === 'object' && 'trace' in x && !x.trace.live) {
    x.trace.assertLive(`${fn} (${index < 0 ? what : `${what}[${index}]`})`);
  }
  return x;
}

/** "a single number", "a 2×3 matrix" or "an array of 3", for error messages. */
export function describeShape({ values, isArray }: Flat): string {
  if (isArray) return `an array of ${values.length}`;
  const v = values[0];
  return isMat(v) ? `a ${shapeText(v.rows, v.cols)} matrix` : 'a single number';
}

/** Throws unless `given` has the structure of `like`: same kind, same length, same matrix shapes. */
export function requireSameStructure(fn: string, what: string, like: Flat, given: Flat): void {
  const fits =
    given.isArray === like.isArray &&
    given.values.length === like.values.length &&
    like.values.every((v, i) => sameKind(v, given.values[i] as Value));
  if (!fits) {
    throw new Error(
      `wengert: ${fn}: ${what} must have the shape of ${describeItems(like)}; got ${describeItems(given)}`,
    );
  }
}

function sameKind(a: Value, b: Value): boolean {
  if (!isMat(a)) return !isMat(b);
  return isMat(b) && a.rows === b.rows && a.cols === b.cols;
}

/** The structure item by item, for shape messages: "[number, 2×3 matrix]". */
function describeItems({ values, isArray }: Flat): string {
  const item = (v: Value) => (isMat(v) ? `${shapeText(v.rows, v.cols)} matrix` : 'number');
  return isArray ? `an array [${values.map(item).join(', ')}]` : `a ${item(values[0] as Value)}`;
}
