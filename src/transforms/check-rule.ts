/** @file checkRule: the registry suite's checks, run on one primitive over its domain, for a person writing a rule. */

import { applyBinary, applyUnary } from '../core/apply.ts';
import type { Num } from '../core/value.ts';
import { type AnyScalarRule, ruleOf } from '../primitives/lookup.ts';
import { checkMatrixRule } from './check-matrix-rule.ts';
import { checkedOptions } from './check-rule-options.ts';
import {
  type Compared,
  differences,
  dot,
  type F,
  nestings,
  pairs,
  uniform,
  type Vec,
} from './check-rule-probes.ts';
import {
  type CheckRuleOptions,
  domainText,
  pointText,
  type RuleCheck,
  type RuleReport,
} from './check-rule-report.ts';
import { runChecks } from './check-rule-run.ts';
import { grad } from './grad.ts';
import { hessian } from './hessian.ts';
import { jvp } from './jvp.ts';
import { mulberry32 } from './random.ts';
import { vjp } from './vjp.ts';

/**
 * Runs on one primitive (its op, its name or its record; built in or made
 * with definePrimitive or defineMatrixPrimitive) the checks the registry
 * suites run on every built-in, at points sampled from its domain: forward
 * mode against central differences of the primal ('jvp'), the dot-product
 * test ⟨ȳ, Jẋ⟩ = ⟨Jᵀȳ, ẋ⟩ ('dot-product'), reverse against forward
 * Jacobians ('modes'), second derivatives against differences of the
 * gradient ('hessian') and other nestings of the two modes against forward
 * over reverse ('nesting'). A wrong partial fails 'jvp'; a partial computed
 * on plain numbers (with Math.* after toNumber) passes the first order and
 * fails 'hessian', since its own derivative is lost. A surrogate
 * (stopGradient) skips 'jvp'. For a matrix primitive, 'dot-product' tests
 * each adjoint map against its tangent map, at inputs of `options.shapes`
 * (default: the shapes its definition gives). The report says which check
 * failed first, where, and the two values compared.
 *
 * @example
 * ```ts
 * const wrong = definePrimitive({
 *   name: 'softplusWrong', primal: (x) => Math.log1p(Math.exp(x)), partial: (x) => sigmoid(neg(x)),
 * });
 * console.log(checkRule(wrong).summary); // 'jvp' fails: forward mode against differences
 * ```
 */
export function checkRule(op: unknown, options: CheckRuleOptions = {}): RuleReport {
  const found = ruleOf(op);
  if (found === undefined) {
    throw new TypeError(
      'wengert: checkRule takes a primitive: its op (sin, or what definePrimitive returned), its ' +
        `name or its record; ${typeof op === 'string' ? `no primitive is named ${JSON.stringify(op)}` : 'that is not one'}`,
    );
  }
  if (found.kind === 'matrix') return checkMatrixRule(found, options);
  const rule: AnyScalarRule = found;
  const { samples, seed, domain, tolerance } = checkedOptions(rule, options);
  const f: F = (v) =>
    (rule.arity === 1
      ? applyUnary(rule, v[0] as Num)
      : applyBinary(rule, v[0] as Num, v[1] as Num)) as Num;
  const primal = (v: Vec): number =>
    rule.arity === 1 ? rule.primal(v[0] as number) : rule.primal(v[0] as number, v[1] as number);
  const random = mulberry32(seed);
  const points = Array.from({ length: samples }, () => domain.map((iv) => uniform(random, iv)));
  // NaN against NaN would pass every comparison: a point outside the primal's domain is a mistake
  const outside = points.find((x) => !Number.isFinite(primal(x)));
  if (outside !== undefined) {
    throw new RangeError(
      `wengert: checkRule: ${rule.name} is ${primal(outside)} at ${pointText(outside)}, a point of ` +
        `the domain ${domainText(domain)}; give a domain where it is finite (options.domain, or ` +
        'the domain of its definition)',
    );
  }
  const names = rule.arity === 1 ? { out: 'y', ins: ['x'] } : { out: 'z', ins: ['x', 'y'] };
  const d1 = (j: number) => `∂${names.out}/∂${names.ins[j]}`;
  const d2 = (i: number, j: number) =>
    i === j
      ? `∂²${names.out}/∂${names.ins[i]}²`
      : `∂²${names.out}/∂${names.ins[i]}∂${names.ins[j]}`;
  const axes = domain.map((_, j) => domain.map((_, i) => +(i === j)));
  const runs: Record<RuleCheck, (x: Vec) => Compared[]> = {
    jvp: (x) =>
      axes.map((e, j) => ({
        quantity: d1(j),
        got: jvp(f, x, e).tangent,
        expected: differences(primal, x, j),
      })),
    'dot-product': (x) => {
      const [dx, bar] = [x.map(() => uniform(random, [-1, 1])), uniform(random, [-1, 1])];
      const back = vjp(f, x).pullback(bar) as number[];
      return [{ quantity: '⟨ȳ, Jẋ⟩', got: dot(back, dx), expected: bar * jvp(f, x, dx).tangent }];
    },
    modes: (x) => {
      const reverse = grad(f)(x) as number[];
      return axes.map((e, j) => ({
        quantity: d1(j),
        got: reverse[j] as number,
        expected: jvp(f, x, e).tangent,
      }));
    },
    hessian: (x) => {
      const h = hessian(f)(x) as number[][];
      const g = (p: Vec) => grad(f)(p) as number[];
      return pairs(x).map(([i, j]) => ({
        quantity: d2(i, j),
        got: h[i]?.[j] as number,
        expected: differences((p) => g(p)[i] as number, x, j),
      }));
    },
    nesting: (x) => nestings(f, x, axes, d2),
  };
  return runChecks({
    name: rule.name,
    points,
    runs: mapValues(runs, (run) => (k: number) => run(points[k] as Vec)),
    tolerance,
    skipped:
      rule.surrogate === true
        ? { jvp: 'as a surrogate: its partials are not its primal’s derivatives' }
        : {},
    sampled: `${samples} points in ${domainText(domain)}`,
    where: (k: number) => pointText(points[k] as Vec),
  });
}

/** The same keys, each value transformed. */
function mapValues<K extends string, A, B>(o: Record<K, A>, f: (a: A) => B): Record<K, B> {
  return Object.fromEntries(Object.entries<A>(o).map(([k, v]) => [k, f(v)])) as Record<K, B>;
}
