/** @file Piecewise definitions: a value chosen by comparing values, which a trace may also read as a whole. */

import type { Trace } from './trace.ts';
import { Tracer } from './tracer.ts';
import { type Num, toNumber, type Value } from './value.ts';

/** How two numbers are compared in a condition. */
export type Relation = '<' | '<=' | '>' | '>=' | '==';

/** `left relation right`, e.g. `[x, '>', 0]`. */
export type Condition = readonly [left: Num, relation: Relation, right: Num];

/** One piece: its value (computed only when needed) where its condition, or all of its conditions, hold. */
export interface Piece {
  readonly when: Condition | readonly Condition[];
  readonly value: () => Value;
}

/** A piece's conditions as a list. */
export function conditionsOf(piece: Piece): readonly Condition[] {
  return Array.isArray(piece.when[0])
    ? (piece.when as readonly Condition[])
    : [piece.when as Condition];
}

/** Whether `a relation b` holds for plain numbers (false whenever NaN is involved). */
export function holds(relation: Relation, a: number, b: number): boolean {
  switch (relation) {
    case '<':
      return a < b;
    case '<=':
      return a <= b;
    case '>':
      return a > b;
    case '>=':
      return a >= b;
    case '==':
      return a === b;
  }
}

/**
 * The value of the first piece whose conditions all hold, else `otherwise`.
 *
 * Rules with kinks and limits (abs, relu, max, min, pow) write their
 * special cases with this instead of an `if`, so that the choice stays
 * visible: on numbers and on traced numbers it is decided on the plain
 * values of this run (and the chosen piece is then differentiated as
 * usual), while a trace that renders formulas (`Trace.piecewise`) receives
 * every piece and writes them as cases.
 *
 * @example
 * // sign(x); NaN for NaN
 * piecewise(
 *   [
 *     { when: [x, '>', 0], value: () => 1 },
 *     { when: [x, '<', 0], value: () => -1 },
 *     { when: [x, '==', 0], value: () => 0 },
 *   ],
 *   () => Number.NaN,
 * );
 */
export function piecewise(pieces: readonly Piece[], otherwise: () => Value): Value {
  const top = innermostTrace(pieces);
  if (top?.piecewise !== undefined) return top.piecewise(pieces, otherwise);
  for (const piece of pieces) {
    if (conditionsOf(piece).every(([a, r, b]) => holds(r, toNumber(a), toNumber(b)))) {
      return piece.value();
    }
  }
  return otherwise();
}

/** The innermost trace among the conditions' operands, if any. */
function innermostTrace(pieces: readonly Piece[]): Trace | null {
  let top: Trace | null = null;
  for (const piece of pieces) {
    for (const [a, , b] of conditionsOf(piece)) {
      if (a instanceof Tracer && (top === null || a.trace.tag > top.tag)) top = a.trace;
      if (b instanceof Tracer && (top === null || b.trace.tag > top.tag)) top = b.trace;
    }
  }
  return top;
}
