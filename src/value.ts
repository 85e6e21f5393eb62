/** @file The values the toolkit computes with: numbers and matrices, plain or traced by a mode. */

import type { Dual } from './forward/dual.ts';
import type { DualMatrix } from './forward/dual-matrix.ts';
import { Matrix } from './matrix/matrix.ts';
import { TracedMatrix } from './matrix/traced.ts';
import type { TapeMatrix } from './reverse/tape-matrix.ts';
import type { TapeVar } from './reverse/tape-var.ts';
import { Tracer } from './tracer.ts';

/**
 * A number-like value. Plain numbers are constants; a `Dual` carries a tangent
 * (forward mode); a `TapeVar` names an entry of a tape (reverse mode). Nested
 * differentiation nests them: a `Dual` whose value is a `TapeVar`, and so on.
 */
export type Num = number | Dual | TapeVar;

/** A matrix: plain, or carrying a tangent (forward) or a tape entry (reverse), nested alike. */
export type Mat = Matrix | DualMatrix | TapeMatrix;

/** Anything an op accepts and a differentiable function takes or returns as one item. */
export type Value = Num | Mat;

/** True for the scalar values the toolkit can differentiate through. */
export function isNum(x: unknown): x is Num {
  return typeof x === 'number' || x instanceof Tracer;
}

/** True for matrices, plain or traced. */
export function isMat(x: unknown): x is Mat {
  return x instanceof Matrix || x instanceof TracedMatrix;
}

/** The plain matrix at the bottom of a (possibly nested) traced one. */
export function toMatrix(x: Mat): Matrix {
  let v: Mat = x;
  while (!(v instanceof Matrix)) v = v.value;
  return v;
}

/**
 * The plain number at the bottom of a (possibly nested) value. Use it for
 * decisions (branches, comparisons); derivatives do not flow through it.
 */
export function toNumber(x: Num): number {
  let v: Num = x;
  while (typeof v !== 'number') {
    if (v.mode === 'reverse' && v.trace.replayable && v.trace.live) refuseDecision(v);
    v = v.value;
  }
  return v;
}

/** compile's recordings cannot check a decision made on a plain number at replay. */
function refuseDecision(v: TapeVar): never {
  throw new Error(
    `wengert: compile: f read a traced value as a number (toNumber of ${v.toString()}); a ` +
      'compiled tape could not tell when that decision changes, so branch with the ' +
      'comparison ops (lt, le, gt, ge) instead, or use grad without compile',
  );
}

/** Describes a bad operand for an error message: its JS type, or the class name. */
export function describe(x: unknown): string {
  if (x === null) return 'null';
  if (Array.isArray(x)) return `an array of length ${x.length}`;
  if (x instanceof Matrix || x instanceof TracedMatrix) return `a ${x.rows}×${x.cols} matrix`;
  if (typeof x === 'object') return `an object (${x.constructor?.name ?? 'Object'})`;
  if (x === undefined) return 'undefined';
  if (typeof x === 'string') return `the string ${JSON.stringify(x)}`;
  return `${typeof x} ${String(x)}`;
}
