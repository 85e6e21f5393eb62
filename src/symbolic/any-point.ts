/** @file Symbols that stand for any point: a rule rendered once for every value, with only what its constants decide decided. */

import { type Condition, conditionsOf, holds, type Piece } from '../core/cases.ts';
import type { Value } from '../core/value.ts';
import { SymbolicTrace } from './symbol.ts';

/**
 * A symbolic trace for generated source, whose symbols carry no number:
 * each piecewise definition stays a choice made where the code runs,
 * except for the conditions that read constants alone. Those are decided
 * here, so `pow(w1, 2)`'s partial is `2 * w1` rather than a choice that
 * tests whether 2 is 0; a piece that cannot apply is dropped, and one
 * that always applies ends the choice.
 *
 * @example
 * const t = new AnyPointTrace();
 * const w1 = t.symbol(plainName('w1'));
 * toSource(treeOf(powRule.partials[0](w1, 2, t.symbol(plainName('w2'))))); // '2 * w1'
 */
export class AnyPointTrace extends SymbolicTrace {
  override piecewise(pieces: readonly Piece[], otherwise: () => Value): Value {
    const open: Piece[] = [];
    for (const piece of pieces) {
      const conditions = conditionsOf(piece);
      const decided = conditions.filter(isConstant);
      if (!decided.every(([a, r, b]) => holds(r, a as number, b as number))) continue;
      const rest = conditions.filter((c) => !isConstant(c));
      // every condition held: later pieces and `otherwise` can never be reached
      if (rest.length === 0) return super.piecewise(open, piece.value);
      open.push({ when: rest, value: piece.value });
    }
    return super.piecewise(open, otherwise);
  }
}

/** A condition between two numbers (a symbol that folds to a number is a number): true or false wherever the code runs. */
function isConstant([a, , b]: Condition): boolean {
  return typeof a === 'number' && typeof b === 'number';
}
