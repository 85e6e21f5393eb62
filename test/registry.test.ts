/** @file One parametrized suite over the whole registry: every primitive, both modes, first and second order, against finite differences and closed forms. */

import { renderToString } from 'katex';
import { describe, expect, expectTypeOf, it } from 'vitest';
import {
  grad,
  hessian,
  jacfwd,
  jacobian,
  jacrev,
  jvp,
  mul,
  type Num,
  PRIMITIVE_NAMES,
  type PrimitiveName,
  registry,
  ruleLatex,
  rules,
  type ScalarPrimitiveName,
  type ScalarRule,
  scalarRules,
  valueAndGrad,
  vjp,
} from '../src/index.ts';
import {
  asFunction,
  centralDifference,
  expectClose,
  jacobianByDifferences,
  ops,
  rng,
  TOL,
  uniform,
} from './support.ts';

/** Points sampled per primitive from its declared domain. */
const SAMPLES = 10;
/** Base seed; each primitive's points come from `rng(SEED + id)`, its random directions from `rng(SEED + 1000 + id)`. */
const SEED = 20_240_611;

type Vec = readonly number[];
type Matrix = number[][];

/** The record's primal on plain numbers, as a one-output function of an array. */
function primalOf(rule: ScalarRule): (v: Vec) => number {
  return rule.arity === 1
    ? (v) => rule.primal(v[0] as number)
    : (v) => rule.primal(v[0] as number, v[1] as number);
}

/** `count` points, each argument drawn uniformly from its interval in `rule.domain`. */
function samplePoints(rule: ScalarRule, count: number): number[][] {
  const random = rng(SEED + rule.id);
  return Array.from({ length: count }, () => rule.domain.map((iv) => uniform(random, iv)));
}

/** A direction with components in [-1, 1]. */
function randomVector(random: () => number, n: number): number[] {
  return Array.from({ length: n }, () => uniform(random, [-1, 1]));
}

function unit(n: number, k: number): number[] {
  return Array.from({ length: n }, (_, i) => (i === k ? 1 : 0));
}

function dot(a: Vec, b: Vec): number {
  return a.reduce((s, ai, i) => s + ai * (b[i] as number), 0);
}

function transpose(m: Matrix): Matrix {
  return (m[0] ?? []).map((_, j) => m.map((row) => row[j] as number));
}

/** The interval both arguments of a binary primitive can take, for `op(x, x)`. */
function sharedInterval(rule: ScalarRule): readonly [number, number] {
  const [a, b = a] = rule.domain;
  return [Math.max(a[0], b[0]), Math.min(a[1], b[1])];
}

/**
 * Derivatives written by hand from the textbook formulas with `Math.*`,
 * independently of the records (which use the toolkit's own ops): ∇f and
 * the Hessian at (x, y), y unused for unary primitives. Keyed by every
 * primitive name, so a new primitive without its closed form fails to compile.
 * Points are sampled away from kinks, so piecewise primitives use their
 * one-sided (classical) derivatives.
 */
interface ClosedForm {
  readonly gradient: (x: number, y: number) => number[];
  readonly hessian: (x: number, y: number) => Matrix;
}

const ZERO_1: Matrix = [[0]];
const ZERO_2: Matrix = [
  [0, 0],
  [0, 0],
];
const sigma = (x: number): number => 1 / (1 + Math.exp(-x));
/** Heaviside step [t > 0] as 1 or 0. */
const above = (t: number): number => (t > 0 ? 1 : 0);

const closedForms: { readonly [P in ScalarPrimitiveName]: ClosedForm } = {
  add: { gradient: () => [1, 1], hessian: () => ZERO_2 },
  sub: { gradient: () => [1, -1], hessian: () => ZERO_2 },
  mul: {
    gradient: (x, y) => [y, x],
    hessian: () => [
      [0, 1],
      [1, 0],
    ],
  },
  div: {
    gradient: (x, y) => [1 / y, -x / y ** 2],
    hessian: (x, y) => [
      [0, -1 / y ** 2],
      [-1 / y ** 2, (2 * x) / y ** 3],
    ],
  },
  neg: { gradient: () => [-1], hessian: () => ZERO_1 },
  pow: {
    gradient: (x, y) => [y * x ** (y - 1), x ** y * Math.log(x)],
    hessian: (x, y) => {
      const mixed = x ** (y - 1) * (1 + y * Math.log(x));
      return [
        [y * (y - 1) * x ** (y - 2), mixed],
        [mixed, x ** y * Math.log(x) ** 2],
      ];
    },
  },
  exp: { gradient: (x) => [Math.exp(x)], hessian: (x) => [[Math.exp(x)]] },
  log: { gradient: (x) => [1 / x], hessian: (x) => [[-1 / x ** 2]] },
  sqrt: {
    gradient: (x) => [1 / (2 * Math.sqrt(x))],
    hessian: (x) => [[-1 / (4 * x * Math.sqrt(x))]],
  },
  sin: { gradient: (x) => [Math.cos(x)], hessian: (x) => [[-Math.sin(x)]] },
  cos: { gradient: (x) => [-Math.sin(x)], hessian: (x) => [[-Math.cos(x)]] },
  tan: {
    gradient: (x) => [1 / Math.cos(x) ** 2],
    hessian: (x) => [[(2 * Math.sin(x)) / Math.cos(x) ** 3]],
  },
  asin: {
    gradient: (x) => [1 / Math.sqrt(1 - x * x)],
    hessian: (x) => [[x / (1 - x * x) ** 1.5]],
  },
  acos: {
    gradient: (x) => [-1 / Math.sqrt(1 - x * x)],
    hessian: (x) => [[-x / (1 - x * x) ** 1.5]],
  },
  atan: {
    gradient: (x) => [1 / (1 + x * x)],
    hessian: (x) => [[(-2 * x) / (1 + x * x) ** 2]],
  },
  // Math.atan2(x, y) is the angle of the point (y, x); r² = x² + y².
  atan2: {
    gradient: (x, y) => [y / (x * x + y * y), -x / (x * x + y * y)],
    hessian: (x, y) => {
      const r4 = (x * x + y * y) ** 2;
      return [
        [(-2 * x * y) / r4, (x * x - y * y) / r4],
        [(x * x - y * y) / r4, (2 * x * y) / r4],
      ];
    },
  },
  sinh: { gradient: (x) => [Math.cosh(x)], hessian: (x) => [[Math.sinh(x)]] },
  cosh: { gradient: (x) => [Math.sinh(x)], hessian: (x) => [[Math.cosh(x)]] },
  tanh: {
    gradient: (x) => [1 - Math.tanh(x) ** 2],
    hessian: (x) => [[-2 * Math.tanh(x) * (1 - Math.tanh(x) ** 2)]],
  },
  sigmoid: {
    gradient: (x) => [sigma(x) * (1 - sigma(x))],
    hessian: (x) => [[sigma(x) * (1 - sigma(x)) * (1 - 2 * sigma(x))]],
  },
  abs: { gradient: (x) => [Math.sign(x)], hessian: () => ZERO_1 },
  relu: { gradient: (x) => [above(x)], hessian: () => ZERO_1 },
  max: { gradient: (x, y) => [above(x - y), above(y - x)], hessian: () => ZERO_2 },
  min: { gradient: (x, y) => [above(y - x), above(x - y)], hessian: () => ZERO_2 },
  // a definition, not the derivative of its primal (the identity): see `surrogate` below
  stopGradient: { gradient: () => [0], hessian: () => ZERO_1 },
};

describe('the registry', () => {
  it('is keyed by exactly the primitive names (compile time and run time)', () => {
    expectTypeOf<keyof typeof registry>().toEqualTypeOf<PrimitiveName>();
    expect(Object.keys(registry).sort()).toEqual([...PRIMITIVE_NAMES].sort());
  });

  it('holds under each name the record of that name, whose id is its index in PRIMITIVE_NAMES', () => {
    expectTypeOf<{ [K in PrimitiveName]: (typeof registry)[K]['name'] }>().toEqualTypeOf<{
      [K in PrimitiveName]: K;
    }>();
    PRIMITIVE_NAMES.forEach((name, index) => {
      expect(registry[name].name, `registry.${name}.name`).toBe(name);
      expect(registry[name].id, `registry.${name}.id`).toBe(index);
    });
  });

  it('lists in `rules` each record once, in op-code order', () => {
    expect(rules.map((r) => r.name)).toEqual([...PRIMITIVE_NAMES]);
    expect(rules.map((r) => r.id)).toEqual(PRIMITIVE_NAMES.map((_, i) => i));
    rules.forEach((r) => {
      expect(r, r.name).toBe(registry[r.name]);
    });
  });

  it('declares per primitive one finite, non-empty interval per argument and partials to match', () => {
    for (const r of scalarRules) {
      expect(r.domain, r.name).toHaveLength(r.arity);
      for (const [lo, hi] of r.domain) {
        expect(
          Number.isFinite(lo) && Number.isFinite(hi) && lo < hi,
          `${r.name}: [${lo}, ${hi}]`,
        ).toBe(true);
      }
      if (r.arity === 1) expect(typeof r.partial, r.name).toBe('function');
      else expect(r.partials, r.name).toHaveLength(2);
    }
  });
});

describe.each(scalarRules.map((r) => [r.name, r] as const))('primitive %s', (_name, rule) => {
  const f = asFunction(rule);
  const primal = primalOf(rule);
  const n = rule.arity;
  const points = samplePoints(rule, SAMPLES);
  const closed = closedForms[rule.name];
  /** The one-output primal as the many-output shape the difference helpers take. */
  const primalVec = (v: number[]): number[] => [primal(v)];
  const directionsRandom = () => rng(SEED + 1000 + rule.id);

  it('is exported as an op that evaluates the record’s primal on plain numbers', () => {
    for (const x of points) expect(f(x), `at ${x}`).toBe(primal(x));
  });

  // A surrogate's partials are on purpose not its primal's derivatives (stopGradient's 0
  // against the identity's 1): the checks against differences of the primal are not registered for it, and
  // its closed forms above hold it to its definition instead.
  const differencesOfPrimal: (name: string, body: () => void) => void =
    rule.surrogate === true ? () => undefined : (name, body) => it(name, body);

  differencesOfPrimal(
    'has JVPs along each axis and a random direction equal to central differences of the primal',
    () => {
      const random = directionsRandom();
      for (const x of points) {
        const fd = jacobianByDifferences(primalVec, x)[0] as number[];
        const directions = [...x.map((_, j) => unit(n, j)), randomVector(random, n)];
        for (const v of directions) {
          const { primal: value, tangent } = jvp(f, x, v);
          expect(value, `f at ${x}`).toBe(primal(x));
          expectClose(tangent, dot(fd, v), TOL.finiteDifference, `J·v at ${x}, v = ${v}: `);
        }
      }
    },
  );

  it('has VJPs that transpose its JVPs: ⟨u, J v⟩ = ⟨Jᵀ u, v⟩ for random u, v', () => {
    const random = directionsRandom();
    for (const x of points) {
      const u = uniform(random, [-1, 1]);
      const v = randomVector(random, n);
      const { primal: value, pullback } = vjp(f, x);
      expect(value, `f at ${x}`).toBe(primal(x));
      const jv = jvp(f, x, v).tangent;
      expectClose(u * jv, dot(pullback(u), v), TOL.modes, `at ${x}: `);
    }
  });

  it('gets the same Jacobian from forward mode (jacfwd) and reverse mode (jacrev, grad)', () => {
    for (const x of points) {
      const forward = jacfwd(f)(x);
      const at = `at ${x}: `;
      expectClose(jacrev(f)(x), forward, TOL.modes, `jacrev ${at}`);
      expectClose([grad(f)(x)], forward, TOL.modes, `grad ${at}`);
      for (const mode of ['forward', 'reverse', 'auto'] as const) {
        expectClose(jacobian(f, { mode })(x), forward, TOL.modes, `jacobian ${mode} ${at}`);
      }
      const { value, grad: g } = valueAndGrad(f)(x);
      expect(value, `valueAndGrad value ${at}`).toBe(primal(x));
      expectClose([g], forward, TOL.modes, `valueAndGrad ${at}`);
    }
  });

  it('matches its closed-form gradient and Hessian, written with Math.*', () => {
    for (const x of points) {
      const [a = Number.NaN, b = Number.NaN] = x;
      expectClose(grad(f)(x), closed.gradient(a, b), TOL.modes, `∇f at ${x}: `);
      expectClose(hessian(f)(x), closed.hessian(a, b), TOL.modes, `Hessian at ${x}: `);
    }
  });

  it('has second derivatives (forward-over-reverse) equal to central differences of its gradient', () => {
    const g = (v: readonly Num[]): Num[] => grad(f)(v);
    for (const x of points) {
      const byDifferences = jacobianByDifferences((p) => grad(f)(p), x);
      const columns = x.map((_, j) => jvp(g, x, unit(n, j)).tangent);
      expectClose(transpose(columns), byDifferences, TOL.secondOrder, `∂(∇f)/∂x at ${x}: `);
    }
  });

  it('gets one Hessian from all four nestings of the two modes and from hessian()', () => {
    const g = (v: readonly Num[]): Num[] => grad(f)(v);
    for (const x of points) {
      const at = ` at ${x}: `;
      const forwardOverReverse = transpose(x.map((_, j) => jvp(g, x, unit(n, j)).tangent));
      const reverseOverReverse = x.map((_, i) => grad((v: readonly Num[]) => g(v)[i] as Num)(x));
      const forwardOverForward = x.map((_, i) =>
        x.map((_, j) => jvp((v: Num[]) => jvp(f, v, unit(n, j)).tangent, x, unit(n, i)).tangent),
      );
      const reverseOverForward = transpose(
        x.map((_, j) => grad((v: Num[]) => jvp(f, v, unit(n, j)).tangent)(x)),
      );
      expectClose(reverseOverReverse, forwardOverReverse, TOL.modes, `grad of grad${at}`);
      expectClose(forwardOverForward, forwardOverReverse, TOL.modes, `jvp of jvp${at}`);
      expectClose(reverseOverForward, forwardOverReverse, TOL.modes, `grad of jvp${at}`);
      expectClose(hessian(f)(x), forwardOverReverse, TOL.modes, `hessian()${at}`);
      expectClose(forwardOverReverse, transpose(forwardOverReverse), TOL.modes, `symmetry${at}`);
    }
  });

  if (rule.arity === 1) {
    const op = ops[rule.name] as (x: Num) => Num;
    it('on a plain-number constant inside a transform gives a plain number and no derivative', () => {
      for (const [c = Number.NaN] of points) {
        // d/dx [x · op(c)] = op(c): the constant carries its value and nothing else.
        const h = (x: Num): Num => {
          const k = op(c);
          expect(typeof k, `op(${c}) inside a transform`).toBe('number');
          return mul(x, k);
        };
        expect(grad(h)(1.5), `reverse, c = ${c}`).toBe(rule.primal(c));
        expect(jvp(h, 1.5, 1).tangent, `forward, c = ${c}`).toBe(rule.primal(c));
      }
    });
  } else {
    const op = ops[rule.name] as (x: Num, y: Num) => Num;
    differencesOfPrimal(
      'takes a plain-number constant on either side, with derivatives equal to central differences',
      () => {
        for (const [a = Number.NaN, b = Number.NaN] of points) {
          // x traced on the left with b constant, then on the right with a constant.
          const cases = [
            {
              h: (x: Num) => op(x, b),
              p: (t: number) => rule.primal(t, b),
              at: a,
              side: 'op(x, c)',
            },
            {
              h: (x: Num) => op(a, x),
              p: (t: number) => rule.primal(a, t),
              at: b,
              side: 'op(c, x)',
            },
          ];
          for (const { h, p, at, side } of cases) {
            const fd = centralDifference((v) => [p(v[0] as number)], [at], 0)[0] as number;
            const label = `${side} at x = ${at}, c = ${side === 'op(x, c)' ? b : a}: `;
            expect(jvp(h, at, 1).primal, label).toBe(p(at));
            expectClose(grad(h)(at), fd, TOL.finiteDifference, `reverse ${label}`);
            expectClose(jvp(h, at, 1).tangent, fd, TOL.finiteDifference, `forward ${label}`);
          }
          expect(typeof f([a, b]), 'two constants give a plain number').toBe('number');
        }
      },
    );

    it('treats a captured value of an outer differentiation as a constant of the inner one', () => {
      // ∂/∂x [∂/∂y op(x, y)] with x captured by the inner function: the mixed
      // partial ∂²op/∂x∂y, whichever mode is outside and whichever operand is inner.
      for (const [a = Number.NaN, b = Number.NaN] of points) {
        const mixed = closed.hessian(a, b)[0]?.[1] as number;
        const label = ` at (${a}, ${b}): `;
        const yInner = (x: Num) => (y: Num) => op(x, y);
        const xInner = (y: Num) => (x: Num) => op(x, y);
        const nested = {
          'grad of grad (y inner)': grad((x: Num) => grad(yInner(x))(b))(a),
          'grad of grad (x inner)': grad((y: Num) => grad(xInner(y))(a))(b),
          'jvp of jvp': jvp((x: Num) => jvp(yInner(x), b, 1).tangent, a, 1).tangent,
          'jvp of grad': jvp((x: Num) => grad(yInner(x))(b), a, 1).tangent,
          'grad of jvp': grad((y: Num) => jvp(xInner(y), a, 1).tangent)(b),
        };
        for (const [how, value] of Object.entries(nested)) {
          expectClose(value, mixed, TOL.modes, `${how}${label}`);
        }
      }
    });

    differencesOfPrimal(
      'gives an input used as both operands both contributions: d/dx op(x, x)',
      () => {
        const [lo, hi] = sharedInterval(rule);
        expect(lo < hi, `the two arguments' domains overlap: [${lo}, ${hi}]`).toBe(true);
        const random = directionsRandom();
        for (let s = 0; s < SAMPLES; s++) {
          const at = uniform(random, [lo, hi]);
          const h = (x: Num) => op(x, x);
          const fd = centralDifference(
            (v) => [rule.primal(v[0] as number, v[0] as number)],
            [at],
            0,
          );
          expectClose(grad(h)(at), fd[0], TOL.finiteDifference, `reverse at ${at}: `);
          expectClose(jvp(h, at, 1).tangent, fd[0], TOL.finiteDifference, `forward at ${at}: `);
        }
      },
    );
  }

  it('renders its operation, partials, forward rule and reverse rule with KaTeX', () => {
    const { op, partials, forward, reverse } = ruleLatex(rule);
    expect(partials).toHaveLength(n);
    for (const tex of [op, ...partials, forward, reverse]) {
      expect(() => renderToString(tex, { throwOnError: true }), tex).not.toThrow();
    }
  });

  it('writes the forward rule with tangents and the reverse rule as one += per input', () => {
    const { forward, reverse, partials } = ruleLatex(rule);
    const inputs = n === 1 ? ['x'] : ['x', 'y'];
    expect(forward).toMatch(/^\\dot\{[yz]\}\s*=/);
    inputs.forEach((v, i) => {
      // a partial that is the constant 0 (stopGradient's) drops its term: ẏ = 0
      if (partials[i] !== '0') {
        expect(forward, `forward mentions the tangent of ${v}`).toContain(`\\dot{${v}}`);
      }
      expect(reverse, `reverse accumulates into the adjoint of ${v}`).toMatch(
        new RegExp(`\\\\bar\\{${v}\\}\\s*\\\\mathrel\\{\\+\\}=`),
      );
    });
    expect(reverse.split('\\mathrel{+}=')).toHaveLength(n + 1);
  });
});
