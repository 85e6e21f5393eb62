/** @file The registry: every primitive's one record, keyed by name and checked complete by the compiler. */

import { addRule, divRule, mulRule, negRule, powRule, subRule } from './arithmetic.ts';
import { expRule, logRule, sqrtRule } from './exponential.ts';
import { coshRule, sigmoidRule, sinhRule, tanhRule } from './hyperbolic.ts';
import { dotRule, matmulRule, transposeRule } from './linear-algebra.ts';
import type { MatrixRule } from './matrix-rule.ts';
import type { MatrixPrimitiveName, ScalarPrimitiveName } from './names.ts';
import { absRule, maxRule, minRule, reluRule } from './piecewise.ts';
import { broadcastRule, meanRule, mseLossRule, sumRule } from './reductions.ts';
import type { Rule, ScalarRule } from './rule.ts';
import { padRule, sliceRule } from './slicing.ts';
import { stopGradientRule } from './stop-gradient.ts';
import {
  acosRule,
  asinRule,
  atan2Rule,
  atanRule,
  cosRule,
  sinRule,
  tanRule,
} from './trigonometric.ts';

/**
 * The only derivative rules in the project: scalar primitives with their
 * local partials, matrix primitives with a tangent map and its transpose.
 * Forward mode, reverse mode, the docs' rule table and the per-primitive
 * tests all read these records; a name in `PRIMITIVE_NAMES` without a
 * record of its kind here (or a record under the wrong key) is a compile
 * error.
 *
 * @example
 * ```ts
 * registry.sin.primal(0); // 0: the primal on plain numbers
 * grad((x: Num) => registry.sin.partial(x, sin(x)))(0); // 0: the partial cos x differentiates again
 * ```
 */
export const registry = {
  add: addRule,
  sub: subRule,
  mul: mulRule,
  div: divRule,
  neg: negRule,
  pow: powRule,
  exp: expRule,
  log: logRule,
  sqrt: sqrtRule,
  sin: sinRule,
  cos: cosRule,
  tan: tanRule,
  asin: asinRule,
  acos: acosRule,
  atan: atanRule,
  atan2: atan2Rule,
  sinh: sinhRule,
  cosh: coshRule,
  tanh: tanhRule,
  sigmoid: sigmoidRule,
  abs: absRule,
  relu: reluRule,
  max: maxRule,
  min: minRule,
  stopGradient: stopGradientRule,
  matmul: matmulRule,
  transpose: transposeRule,
  slice: sliceRule,
  pad: padRule,
  sum: sumRule,
  broadcast: broadcastRule,
  mean: meanRule,
  dot: dotRule,
  mseLoss: mseLossRule,
} as const satisfies { readonly [P in ScalarPrimitiveName]: ScalarRule<P> } & {
  readonly [P in MatrixPrimitiveName]: MatrixRule<P>;
};

/** Every record, in id order: rules[id] is the primitive with that id. @example rules[registry.mul.id] === registry.mul // true */
export const rules: readonly Rule[] = Object.values(registry).sort((a, b) => a.id - b.id);

/** The scalar records (their ids are their op codes on the tape). @example scalarRules.map((r) => r.name) // ['add', 'sub', ...] */
export const scalarRules: readonly ScalarRule[] = rules.filter(
  (r): r is ScalarRule => r.kind === 'scalar',
);

/** The matrix records. Every scalar unary rule, and add, sub, mul, div, also work entry by entry. @example matrixRules.map((r) => r.name) // ['matmul', 'transpose', ...] */
export const matrixRules: readonly MatrixRule<MatrixPrimitiveName>[] = rules.filter(
  (r): r is MatrixRule<MatrixPrimitiveName> => r.kind === 'matrix',
);
