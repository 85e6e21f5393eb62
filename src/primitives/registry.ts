/** @file The registry: every primitive's one record, keyed by name and checked complete by the compiler. */

import { addRule, divRule, mulRule, negRule, powRule, subRule } from './arithmetic.ts';
import { expRule, logRule, sqrtRule } from './exponential.ts';
import { coshRule, sigmoidRule, sinhRule, tanhRule } from './hyperbolic.ts';
import type { PrimitiveName } from './names.ts';
import { absRule, maxRule, minRule, reluRule } from './piecewise.ts';
import type { Rule } from './rule.ts';
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
 * The only derivative rules in the project. Forward mode, reverse mode, the
 * docs' rule table and the per-primitive tests all read these records; a
 * name in `PRIMITIVE_NAMES` without a record here (or a record under the
 * wrong key) is a compile error.
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
} as const satisfies { readonly [P in PrimitiveName]: Rule<P> };

/** The records in op-code order. */
export const rules: readonly Rule[] = Object.values(registry).sort((a, b) => a.id - b.id);
