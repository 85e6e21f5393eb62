/** @file checkRule: the registry suite's checks, run on one primitive over its domain, for a person writing a rule. */

import { applyBinary, applyUnary } from '../core/apply.ts';
import type { Num } from '../core/value.ts';
import { type AnyScalarRule, ruleOf } from '../primitives/lookup.ts';
import { checkedOptions } from './check-rule-options.ts';
import {
  type Compared,
  differences,
  dot,
  type F,
  mulberry32,
  nestings,
  pairs,
  uniform,
  type Vec,
} from './check-rule-probes.ts';
import {
  type CheckRuleOptions,
  errorOf,
  type RuleCheck,
  type RuleCheckResult,
  type RuleReport,
  ratio,
  summarize,
} from './check-rule-report.ts';
import { grad } from './grad.ts';
import { hessian } from './hessian.ts';
import { jvp } from './jvp.ts';
import { vjp } from './vjp.ts';

const CHECKS: readonly RuleCheck[] = ['jvp', 'dot-product', 'modes', 'hessian', 'nesting'];

/**
 * Runs on one scalar primitive (its op, its name or its record; built in or
 * made with definePrimitive) the checks the registry suite runs on every
 * built-in, at points sampled from its domain: forward mode against central
 * differences of the primal ('jvp'), the dot-product test ⟨ȳ, Jẋ⟩ =
 * ⟨Jᵀȳ, ẋ⟩ ('dot-product'), reverse against forward Jacobians ('modes'),
 * second derivatives against differences of the gradient ('hessian') and
 * every nesting of the two modes against forward over reverse ('nesting').
 * A wrong partial fails 'jvp'; a partial computed on plain numbers (with
 * Math.* after toNumber) passes the first order and fails 'hessian', since
 * its own derivative is lost. A surrogate (stopGradient) skips 'jvp'. The
 * report says which check failed, where, and the two values compared.
 *
 * @example
 * const wrong = definePrimitive({
 *   name: 'softplus', primal: (x) => Math.log1p(Math.exp(x)), partial: (x) => sigmoid(neg(x)),
 * });
 * checkRule(wrong).summary;
 * // 'softplus: jvp fails at x = 1.2: ∂y/∂x is 0.2315 by forward mode but 0.7685 by central
 * //  differences of the primal (error 0.537, tolerance 1e-6); hessian fails too'
 */
export function checkRule(op: unknown, options: CheckRuleOptions = {}): RuleReport {
  const rule = scalarRuleOf(op);
  const { samples, seed, domain, tolerance } = checkedOptions(rule, options);
  const f: F = (v) =>
    (rule.arity === 1
      ? applyUnary(rule, v[0] as Num)
      : applyBinary(rule, v[0] as Num, v[1] as Num)) as Num;
  const primal = (v: Vec): number =>
    rule.arity === 1 ? rule.primal(v[0] as number) : rule.primal(v[0] as number, v[1] as number);
  const random = mulberry32(seed);
  const points = Array.from({ length: samples }, () => domain.map((iv) => uniform(random, iv)));
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
  const checks = CHECKS.map((check): RuleCheckResult => {
    if (check === 'jvp' && rule.surrogate === true) {
      return skip(
        check,
        tolerance[check],
        'a surrogate: its partials are not its primal’s derivatives',
      );
    }
    let worst: RuleCheckResult | null = null;
    for (const x of points) {
      for (const c of attempt(runs[check], x)) {
        const error = c.threw === null ? errorOf(c.got, c.expected) : Number.POSITIVE_INFINITY;
        if (worst !== null && !(error > worst.error)) continue;
        const ok = error <= tolerance[check];
        worst = { check, ok, skipped: null, error, tolerance: tolerance[check], at: x, ...c };
      }
    }
    return worst as RuleCheckResult;
  });
  const ran = checks.filter((c) => c.skipped === null);
  // The checks build on each other (a wrong first derivative upsets the second
  // derivatives too), so the first failure is the one to read.
  const worst = ran.find((c) => !c.ok) ?? ran.reduce((a, b) => (ratio(b) > ratio(a) ? b : a));
  const ok = ran.every((c) => c.ok);
  return {
    name: rule.name,
    ok,
    worst,
    checks,
    points,
    summary: summarize(rule.name, checks, worst, samples, domain),
  };
}

/** The comparisons of one check at one point, or one that records what the rule threw. */
function attempt(run: (x: Vec) => Compared[], x: Vec): (Compared & { threw: string | null })[] {
  try {
    return run(x).map((c) => ({ ...c, threw: null }));
  } catch (error) {
    const threw = error instanceof Error ? error.message : String(error);
    return [{ quantity: 'the rule', got: Number.NaN, expected: Number.NaN, threw }];
  }
}

function skip(check: RuleCheck, tolerance: number, why: string): RuleCheckResult {
  const nan = Number.NaN;
  return {
    check,
    ok: true,
    skipped: why,
    error: 0,
    tolerance,
    at: [],
    quantity: '',
    expected: nan,
    got: nan,
    threw: null,
  };
}

/** The scalar record behind `op`, or a clear error. */
function scalarRuleOf(op: unknown): AnyScalarRule {
  const rule = ruleOf(op);
  if (rule === undefined) {
    throw new TypeError(
      'wengert: checkRule takes a primitive: its op (sin, or what definePrimitive returned), its ' +
        `name or its record; ${typeof op === 'string' ? `no primitive is named ${JSON.stringify(op)}` : 'that is not one'}`,
    );
  }
  if (rule.kind === 'matrix') {
    throw new TypeError(
      `wengert: checkRule checks scalar primitives; ${rule.name} is a matrix primitive, whose ` +
        'tangent maps and their transposes test/matrix-registry.test.ts checks',
    );
  }
  return rule;
}
