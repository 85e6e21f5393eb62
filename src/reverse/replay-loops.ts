/**
 * @file Replay's two loops written out for one recording, as a function of
 * its own that closes over that recording's arrays.
 *
 * Why: V8 compiles a function made by `new Function` for the values its
 * closure holds, here the very arrays and rule functions of one replay,
 * and the loops then ran about twice as fast as the same loops reading
 * their arrays from an object's fields (Replay.forward and Replay.reverse,
 * which stay as the readable form and as the fallback where a page's
 * security policy forbids `new Function`). The source is fixed text and
 * op codes: it calls the rules' own primal and partial functions, and
 * every other row goes back to Replay.
 */

import type { BinaryRule, UnaryRule } from '../primitives/rule.ts';

/** A replay's arrays (see Replay) and where its program's rows start among the slots. */
export interface ReplayArrays {
  readonly values: Float64Array;
  readonly adjoint: Float64Array;
  readonly d0: Float64Array;
  readonly d1: Float64Array;
  readonly ops: Uint8Array;
  readonly in0: Int32Array;
  readonly in1: Int32Array;
  readonly base: number;
}

/** Row e (entry k) of an op the loop does not name: the operands' slots and values. */
export type OtherRow = (
  e: number,
  k: number,
  op: number,
  i: number,
  j: number,
  a: number,
  b: number,
) => void;

export interface ReplayLoops {
  forward(): void;
  reverse(): void;
}

/** A branch of the forward loop for `rules[q]`, calling that rule's functions (P, A, B below). */
function branch(rule: UnaryRule<string> | BinaryRule<string>, q: number): string {
  return rule.arity === 1
    ? `if (op === ${rule.id}) { const y = P${q}(a); values[k] = y; d0[e] = A${q}(a, y); }`
    : `if (op === ${rule.id}) { const z = P${q}(a, b); values[k] = z; d0[e] = A${q}(a, b, z); d1[e] = B${q}(a, b, z); }`;
}

/**
 * The forward and reverse loops of Replay for `arrays`, with `rules` (ops
 * whose partials are plain numbers on plain numbers) computed inline and
 * any other row handed to `other`; null where `new Function` is refused.
 */
export function replayLoops(
  arrays: ReplayArrays,
  rules: readonly (UnaryRule<string> | BinaryRule<string>)[],
  other: OtherRow,
): ReplayLoops | null {
  const functions = rules.map((rule, q) =>
    rule.arity === 1
      ? `const P${q} = $r[${q}].primal, A${q} = $r[${q}].partial;`
      : `const P${q} = $r[${q}].primal, A${q} = $r[${q}].partials[0], B${q} = $r[${q}].partials[1];`,
  );
  const source = `'use strict';
const { values, adjoint, d0, d1, ops, in0, in1, base } = $a;
const other = $other;
${functions.join('\n')}
return {
  forward() {
    for (let e = 0, k = base; e < ops.length; e++, k++) {
      const i = in0[e], j = in1[e];
      const a = values[i], b = values[j];
      const op = ops[e];
      ${rules.map(branch).join('\n      else ')}
      else other(e, k, op, i, j, a, b);
    }
  },
  reverse() {
    for (let e = in0.length - 1, k = base + e; e >= 0; e--, k--) {
      const bar = adjoint[k];
      if (bar !== 0) {
        adjoint[in0[e]] += d0[e] * bar;
        adjoint[in1[e]] += d1[e] * bar;
      }
    }
  },
};`;
  try {
    return new Function('$a', '$r', '$other', source)(arrays, rules, other) as ReplayLoops;
  } catch (error) {
    // a Content-Security-Policy without 'unsafe-eval' refuses new Function with an EvalError
    if (error instanceof EvalError) return null;
    throw error;
  }
}
