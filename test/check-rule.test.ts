/** @file checkRule: it passes every built-in and a right rule, and catches a wrong, an opaque, a throwing and a stateful partial, saying where. */

import { describe, expect, it } from 'vitest';
import {
  checkRule,
  definePrimitive,
  div,
  exp,
  neg,
  type RuleCheck,
  registry,
  scalarRules,
  sigmoid,
  sin,
  sub,
  toNumber,
  type Value,
} from '../src/index.ts';

const sigma = (x: number) => 1 / (1 + Math.exp(-x));
const softplusPrimal = (x: number) => Math.log1p(Math.exp(x));
const CHECKS: RuleCheck[] = ['jvp', 'dot-product', 'modes', 'hessian', 'nesting'];

const right = definePrimitive({
  name: 'softplus',
  primal: softplusPrimal,
  partial: (x) => sigmoid(x),
});
// the classic slip: σ(−x) for σ(x)
const wrong = definePrimitive({
  name: 'softplusWrong',
  primal: softplusPrimal,
  partial: (x) => sigmoid(neg(x)),
});
// the right number, computed on a plain number: its own derivative is lost
const opaque = definePrimitive({
  name: 'softplusOpaque',
  primal: softplusPrimal,
  partial: (x) => sigma(toNumber(x as number)),
});
// Math.* on the value itself: fine on numbers, refused on a traced value
const mathOnly = definePrimitive({
  name: 'softplusMath',
  primal: softplusPrimal,
  partial: (x) => sigma(x as number),
});

/** The result of one check in a report. */
const resultOf = (op: unknown, check: RuleCheck) =>
  checkRule(op).checks.find((c) => c.check === check);

describe('checkRule on a right rule', () => {
  const report = checkRule(right);

  it('passes every check, each within its tolerance, at 10 points of the domain', () => {
    expect(report.ok).toBe(true);
    expect(report.name).toBe('softplus');
    expect(report.checks.map((c) => c.check)).toEqual(CHECKS);
    for (const c of report.checks) {
      expect(c.ok, c.check).toBe(true);
      expect(c.skipped, c.check).toBeNull();
      expect(c.error, c.check).toBeLessThanOrEqual(c.tolerance);
    }
    expect(report.points).toHaveLength(10);
    for (const [x] of report.points) expect(Math.abs(x as number)).toBeLessThanOrEqual(2);
    expect(report.summary).toMatch(/^softplus: ok, 5 checks at 10 points in \[-2, 2\]; closest/);
  });

  it('is the same report from the op, the name and the record', () => {
    expect(checkRule('softplus').points).toEqual(report.points);
    expect(checkRule('softplus').worst).toEqual(report.worst);
  });
});

describe('checkRule on wrong rules', () => {
  it('fails a wrong partial in jvp, at a point it names, with both values', () => {
    const report = checkRule(wrong);
    expect(report.ok).toBe(false);
    const { check, at, got, expected, quantity } = report.worst;
    expect(check).toBe('jvp');
    expect(quantity).toBe('∂y/∂x');
    const x = at[0] as number;
    expect(got).toBeCloseTo(sigma(-x), 12); // what the wrong partial says
    expect(expected).toBeCloseTo(sigma(x), 6); // what differences of the primal say
    expect(report.summary).toContain(`softplusWrong: jvp fails at x = ${Number(x.toPrecision(6))}`);
    expect(report.summary).toContain('by forward mode but');
    // both modes run the same wrong partial, so they agree with each other
    expect(resultOf(wrong, 'dot-product')?.ok).toBe(true);
    expect(resultOf(wrong, 'modes')?.ok).toBe(true);
  });

  it('fails a partial computed on plain numbers in hessian only: its second derivative is lost', () => {
    const report = checkRule(opaque);
    expect(resultOf(opaque, 'jvp')?.ok).toBe(true);
    expect(report.ok).toBe(false);
    expect(report.worst.check).toBe('hessian');
    const x = report.worst.at[0] as number;
    expect(report.worst.got).toBe(0);
    expect(report.worst.expected).toBeCloseTo(sigma(x) * (1 - sigma(x)), 6);
  });

  it('reports what a partial threw, and where', () => {
    const report = checkRule(mathOnly);
    expect(report.ok).toBe(false);
    const failed = report.checks.filter((c) => !c.ok).map((c) => c.check);
    expect(failed).toEqual(['hessian', 'nesting']);
    expect(report.worst.threw).toContain('was used with plain JavaScript arithmetic');
    expect(report.summary).toMatch(/^softplusMath: hessian fails at x = .*: the rule threw: /);
  });

  it('fails a partial that gives another value on each call in dot-product and modes', () => {
    // forward mode and reverse mode each call the partial: a hidden counter makes them differ
    let calls = 0;
    const fickle = definePrimitive({
      name: 'fickle',
      primal: (x) => 2 * x,
      partial: () => (calls++ % 2 === 0 ? 2 : 3),
    });
    const report = checkRule(fickle, { samples: 3 });
    expect(report.checks.find((c) => c.check === 'dot-product')?.ok).toBe(false);
    expect(report.checks.find((c) => c.check === 'modes')?.ok).toBe(false);
  });

  it('fails a binary rule with its partials swapped, on the input it names', () => {
    const swapped = definePrimitive({
      name: 'logaddexpSwapped',
      primal: (x, y) => Math.log(Math.exp(x) + Math.exp(y)),
      partials: [(_x, y, z) => exp(sub(y, z)), (x, _y, z) => exp(sub(x, z))],
    });
    const report = checkRule(swapped);
    expect(report.worst.check).toBe('jvp');
    expect(['∂z/∂x', '∂z/∂y']).toContain(report.worst.quantity);
    expect(report.summary).toMatch(/fails at \(x, y\) = \(/);
  });
});

describe('checkRule on the built-ins', () => {
  it.each(scalarRules.map((r) => [r.name, r] as const))('passes %s', (_name, rule) => {
    const report = checkRule(rule);
    expect(report.ok, report.summary).toBe(true);
  });

  it('skips only the comparison with the primal for a surrogate (stopGradient), saying why', () => {
    const report = checkRule(registry.stopGradient);
    const jvp = report.checks.find((c) => c.check === 'jvp');
    expect(jvp?.skipped).toContain('surrogate');
    expect(report.checks.filter((c) => c.skipped === null)).toHaveLength(4);
    expect(report.summary).toContain('(skipped: jvp, as a surrogate: its partials are not');
  });

  it('holds a user surrogate (a straight-through round) to the other checks', () => {
    const roundST = definePrimitive({
      name: 'roundST',
      primal: Math.round,
      partial: () => 1,
      surrogate: true,
    });
    expect(checkRule(roundST).ok).toBe(true);
    const undeclared = definePrimitive({
      name: 'roundPlain',
      primal: Math.round,
      partial: () => 1,
    });
    expect(checkRule(undeclared).worst.check).toBe('jvp');
  });
});

describe('checkRule options and refusals', () => {
  it('samples as many points as asked, from the domain given, reproducibly by seed', () => {
    const report = checkRule(sin, { samples: 4, seed: 7, domain: [[10, 11]] });
    expect(report.points).toHaveLength(4);
    for (const [x] of report.points) expect(x).toBeGreaterThanOrEqual(10);
    expect(checkRule(sin, { samples: 4, seed: 7, domain: [[10, 11]] }).points).toEqual(
      report.points,
    );
    expect(checkRule(sin, { samples: 4, seed: 8, domain: [[10, 11]] }).points).not.toEqual(
      report.points,
    );
  });

  it('uses the tolerance given for a check', () => {
    expect(checkRule(wrong).ok).toBe(false);
    expect(checkRule(wrong, { tolerance: { jvp: 1 } }).ok).toBe(true);
  });

  it.each([
    [{ samples: 0 }, 'samples must be a positive integer; got number 0'],
    [{ seed: 0.5 }, 'seed must be an integer'],
    [
      {
        domain: [
          [0, 1],
          [0, 1],
        ],
      },
      'domain must hold 1 interval [lo, hi] of finite numbers with lo < hi, one per input of sin',
    ],
    [
      { tolerance: { jvpp: 1 } },
      'no check is called "jvpp"; the checks are jvp, dot-product, modes, hessian, nesting',
    ],
    [{ tolerance: { jvp: -1 } }, 'tolerance.jvp must be a finite number ≥ 0'],
  ])('refuses %j', (options, message) => {
    expect(() => checkRule(sin, options as never)).toThrow(message);
  });

  it('refuses a domain where the primal is not finite, where NaN against NaN would pass', () => {
    const logLike = definePrimitive({ name: 'myLog', primal: Math.log, partial: (x) => div(1, x) });
    expect(() => checkRule(logLike)).toThrow(
      /^wengert: checkRule: myLog is NaN at x = -[\d.]+, a point of the domain \[-2, 2\]; give a domain where it is finite/,
    );
    expect(checkRule(logLike, { domain: [[0.5, 3]] }).ok).toBe(true);
  });

  it('refuses what is not a primitive', () => {
    expect(() => checkRule('matmul')).toThrow('matmul is a matrix primitive');
    expect(() => checkRule('softplush')).toThrow('no primitive is named "softplush"');
    expect(() => checkRule((x: Value) => x)).toThrow('that is not one');
  });
});
