/** @file What gradcheck measures along one direction: f and its derivatives by finite differences, by jvp, by vjp and by both Hessian-vector products. */

import { fromArray, Matrix } from '../core/matrix.ts';

import { type Flat, flattenOutput } from '../core/point.ts';
import { isMat, type Num, toNumber, type Value } from '../core/value.ts';
import { forwardPass } from '../forward/pass.ts';
import { add, mul } from '../primitives/arithmetic.ts';
import { dot } from '../primitives/linear-algebra.ts';
import { pullBack, type Recording } from '../reverse/recording.ts';
import { entriesOf } from './entries.ts';
import { gradient } from './grad.ts';

/** A function of a point, as gradcheck receives it. */
export type Checked = (x: never) => unknown;

const FN = 'gradcheck';

/** A random value in the structure of `like`: a number for a number, a matrix of one shape for a matrix. */
export function randomLike(like: readonly Value[], random: () => number): Value[] {
  return like.map((v) =>
    isMat(v)
      ? fromArray(Array.from({ length: v.rows * v.cols }, random), v.rows, v.cols)
      : random(),
  );
}

/** x + h·v, entry by entry, for plain values of one structure. */
export function step(x: readonly Value[], h: number, v: readonly Value[]): Value[] {
  return x.map((xi, i) => {
    const vi = v[i] as Value;
    if (!(xi instanceof Matrix)) return (xi as number) + h * (vi as number);
    const d = (vi as Matrix).data;
    return new Matrix(
      xi.rows,
      xi.cols,
      xi.data.map((a, k) => a + h * (d[k] as number)),
    );
  });
}

/** The plain numbers of a list of values, in order (matrices row by row). */
export function numbers(values: readonly Value[]): number[] {
  return entriesOf(FN, values).map((v) => toNumber(v));
}

/** ⟨a, b⟩ of two lists of numbers. */
export function inner(a: readonly number[], b: readonly number[]): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += (a[i] as number) * (b[i] as number);
  return s;
}

/** f evaluated on plain values, flattened: what finite differences step through. */
export function evaluate(f: Checked, x: Flat): Flat {
  const out = (f as (x: unknown) => unknown)(x.isArray ? x.values : x.values[0]);
  return flattenOutput(FN, out);
}

/** The central difference [F(x + h v) − F(x − h v)] / 2h of a function F to lists of numbers. */
export function centralDifference(
  F: (x: Flat) => number[],
  x: Flat,
  h: number,
  v: readonly Value[],
): number[] {
  const up = F({ values: step(x.values, h, v), isArray: x.isArray });
  const down = F({ values: step(x.values, -h, v), isArray: x.isArray });
  return up.map((a, i) => (a - (down[i] as number)) / (2 * h));
}

/** J·v by one forward pass. */
export function jvpAlong(f: Checked, x: Flat, v: readonly Value[]): number[] {
  return numbers(forwardPass(FN, f, x, v).tangent);
}

/** Jᵀ·u by one sweep over a recording of f. */
export function vjpOf(rec: Recording, u: readonly Value[]): number[] {
  return numbers(pullBack(rec, u));
}

/**
 * The scalar the second-order checks differentiate: f itself when it
 * returns one number, else g(x) = ⟨u, f(x)⟩ for the direction's random
 * cotangent u, whose Hessian is Σ_i u_i ∇²f_i.
 */
export function scalarized(f: Checked, single: boolean, u: readonly Value[]): Checked {
  if (single) return f;
  return ((x: unknown) => {
    const ys = flattenOutput(FN, (f as (x: unknown) => unknown)(x)).values;
    return ys.reduce<Num>((s: Num, y, i) => {
      const ui = u[i] as Value;
      const term = isMat(y) ? dot(ui as Matrix, y) : mul(ui as number, y as Num);
      return i === 0 ? term : add(s, term);
    }, 0);
  }) as Checked;
}

/** ∇g at a point, by reverse mode. */
export function gradientAt(g: Checked, x: Flat): number[] {
  return numbers(asList(gradient(FN, g, x.isArray ? x.values : (x.values[0] as Value)).grad));
}

/** H·v as forward over reverse: one forward pass through the gradient. */
export function hvpForwardOverReverse(g: Checked, x: Flat, v: readonly Value[]): number[] {
  const gradOf = (p: never) => gradient(FN, g, p).grad;
  return numbers(forwardPass(FN, gradOf, x, v).tangent);
}

/** H·v as reverse over forward: the gradient of x ↦ ∇g(x)·v, itself a forward pass (H is symmetric). */
export function hvpReverseOverForward(g: Checked, x: Flat, v: readonly Value[]): number[] {
  const slope = (p: unknown) => {
    const values = x.isArray ? (p as Value[]) : [p as Value];
    return forwardPass(FN, g, { values, isArray: x.isArray }, v).tangent[0];
  };
  return numbers(asList(gradient(FN, slope, x.isArray ? x.values : (x.values[0] as Value)).grad));
}

function asList(v: Value | Value[]): Value[] {
  return Array.isArray(v) ? v : [v];
}
