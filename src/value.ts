/** @file The values the toolkit computes with: plain numbers, dual numbers and tape variables. */

import type { Dual } from './forward/dual.ts';
import type { TapeVar } from './reverse/tape-var.ts';
import { Tracer } from './tracer.ts';

/**
 * A number-like value. Plain numbers are constants; a `Dual` carries a tangent
 * (forward mode); a `TapeVar` names an entry of a tape (reverse mode). Nested
 * differentiation nests them: a `Dual` whose value is a `TapeVar`, and so on.
 */
export type Num = number | Dual | TapeVar;

/** True for the values the toolkit can differentiate through. */
export function isNum(x: unknown): x is Num {
  return typeof x === 'number' || x instanceof Tracer;
}

/**
 * The plain number at the bottom of a (possibly nested) value. Use it for
 * decisions (branches, comparisons); derivatives do not flow through it.
 */
export function toNumber(x: Num): number {
  let v: Num = x;
  while (typeof v !== 'number') v = v.value;
  return v;
}

/** Describes a bad operand for an error message: its JS type, or the class name. */
export function describe(x: unknown): string {
  if (x === null) return 'null';
  if (Array.isArray(x)) return `an array of length ${x.length}`;
  if (typeof x === 'object') return `an object (${x.constructor?.name ?? 'Object'})`;
  if (x === undefined) return 'undefined';
  if (typeof x === 'string') return `the string ${JSON.stringify(x)}`;
  return `${typeof x} ${String(x)}`;
}
