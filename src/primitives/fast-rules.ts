/**
 * @file add, sub and mul taken apart once, for the fast paths of recording,
 * forward mode and chunked forward mode: their op codes, primal functions
 * and partials, as module constants.
 *
 * Why a fast path: the general path of each trace calls `rule.primal` and
 * `rule.partials[i]` from one call site that sees every rule, which the
 * engine cannot inline. A fast path calls these same functions, the rules'
 * own, each from a call site of its own that only ever sees one, which it
 * can. No derivative is written here: test/fast-paths.test.ts checks that
 * each fast path gives exactly what the general one gives.
 */

import { addRule, mulRule, subRule } from './arithmetic.ts';

/** A partial applied to plain numbers gives a plain number. */
type NumberPartial = (x: number, y: number, z: number) => number;

const partials = (rule: { readonly partials: readonly unknown[] }) =>
  rule.partials as unknown as readonly [NumberPartial, NumberPartial];

export const ADD = addRule.id;
export const addPrimal = addRule.primal;
export const [addDx, addDy] = partials(addRule);

export const SUB = subRule.id;
export const subPrimal = subRule.primal;
export const [subDx, subDy] = partials(subRule);

export const MUL = mulRule.id;
export const mulPrimal = mulRule.primal;
export const [mulDx, mulDy] = partials(mulRule);
