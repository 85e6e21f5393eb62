/** @file The documented behaviour at kinks, domain edges and non-finite values, checked in forward and reverse mode alike. */

import { describe, expect, it } from 'vitest';
import {
  abs,
  acos,
  add,
  asin,
  atan,
  atan2,
  div,
  exp,
  grad,
  hessian,
  jacfwd,
  jacrev,
  jvp,
  log,
  max,
  min,
  mul,
  type Num,
  type PrimitiveName,
  pow,
  relu,
  scalarRules,
  sigmoid,
  sqrt,
  tanh,
  valueAndGrad,
  vjp,
} from '../src/index.ts';
import { asFunction, expectClose, rng, uniform } from './support.ts';

/**
 * Exact comparison: the expectations below are exact IEEE results (0, ½,
 * ±∞, NaN, small integers), so any difference is a different behaviour,
 * not rounding. `expectClose` with tolerance 0 treats NaN as equal to NaN.
 */
const EXACT = 0;

type F = (v: Num[]) => Num;
const unary =
  (op: (x: Num) => Num): F =>
  (v) =>
    op(v[0] as Num);
const binary =
  (op: (x: Num, y: Num) => Num): F =>
  (v) =>
    op(v[0] as Num, v[1] as Num);

function unit(n: number, k: number): number[] {
  return Array.from({ length: n }, (_, i) => (i === k ? 1 : 0));
}

/** One documented behaviour: f at a point, its value and its partials ∂f/∂x_j. */
interface Case {
  /** The expectation as the math or IEEE 754 states it, so a reader can check it without the code. */
  readonly name: string;
  readonly f: F;
  readonly at: number[];
  readonly value: number;
  readonly derivative: number[];
}

const cases: readonly Case[] = [
  // Kinks: one subgradient each, the documented one.
  {
    name: '|x| at 0 is 0 with derivative sign(0) = 0, the subgradient of least magnitude',
    f: unary(abs),
    at: [0],
    value: 0,
    derivative: [0],
  },
  {
    name: 'relu(x) at 0 is 0 with derivative [0 > 0] = 0',
    f: unary(relu),
    at: [0],
    value: 0,
    derivative: [0],
  },
  {
    name: 'max(x, y) at the tie x = y = 2 is 2 and gives ½ to each input',
    f: binary(max),
    at: [2, 2],
    value: 2,
    derivative: [0.5, 0.5],
  },
  {
    name: 'min(x, y) at the tie x = y = 2 is 2 and gives ½ to each input',
    f: binary(min),
    at: [2, 2],
    value: 2,
    derivative: [0.5, 0.5],
  },
  {
    name: 'max(x, x) = x, so its derivative is ½ + ½ = 1',
    f: (v) => max(v[0] as Num, v[0] as Num),
    at: [-1.5],
    value: -1.5,
    derivative: [1],
  },
  {
    name: 'min(x, x) = x, so its derivative is ½ + ½ = 1',
    f: (v) => min(v[0] as Num, v[0] as Num),
    at: [0.75],
    value: 0.75,
    derivative: [1],
  },
  {
    name: 'max(x, 2) at x = 2 ties with the constant, so x gets its half: ½',
    f: (v) => max(v[0] as Num, 2),
    at: [2],
    value: 2,
    derivative: [0.5],
  },

  // Domain edges and outside the domain: IEEE values, the rule evaluated in IEEE arithmetic.
  {
    name: '√x at 0 is 0 with derivative 1/(2√0) = 1/0 = +∞',
    f: unary(sqrt),
    at: [0],
    value: 0,
    derivative: [Number.POSITIVE_INFINITY],
  },
  {
    name: '√x at +∞ is +∞ with derivative 1/(2·∞) = 0',
    f: unary(sqrt),
    at: [Number.POSITIVE_INFINITY],
    value: Number.POSITIVE_INFINITY,
    derivative: [0],
  },
  {
    name: '√x at −1 is NaN (no real root) with derivative 1/(2·NaN) = NaN',
    f: unary(sqrt),
    at: [-1],
    value: Number.NaN,
    derivative: [Number.NaN],
  },
  {
    name: 'ln x at 0 is −∞ with derivative 1/0 = +∞',
    f: unary(log),
    at: [0],
    value: Number.NEGATIVE_INFINITY,
    derivative: [Number.POSITIVE_INFINITY],
  },
  {
    name: 'ln x at −1 is NaN, and its derivative is the rule 1/x in IEEE arithmetic: 1/(−1) = −1',
    f: unary(log),
    at: [-1],
    value: Number.NaN,
    derivative: [-1],
  },
  {
    name: 'ln x at +∞ is +∞ with derivative 1/∞ = 0',
    f: unary(log),
    at: [Number.POSITIVE_INFINITY],
    value: Number.POSITIVE_INFINITY,
    derivative: [0],
  },
  {
    name: 'x/y at (0, 0) is 0/0 = NaN; ∂/∂x = 1/y = 1/0 = +∞, ∂/∂y = −x/y² = −0/0 = NaN',
    f: binary(div),
    at: [0, 0],
    value: Number.NaN,
    derivative: [Number.POSITIVE_INFINITY, Number.NaN],
  },
  {
    name: 'x/y at (1, 0) is 1/0 = +∞; ∂/∂x = 1/0 = +∞, ∂/∂y = −1/0² = −∞',
    f: binary(div),
    at: [1, 0],
    value: Number.POSITIVE_INFINITY,
    derivative: [Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY],
  },
  {
    name: '1/x at 0 is +∞ with derivative −1/0² = −∞',
    f: (v) => div(1, v[0] as Num),
    at: [0],
    value: Number.POSITIVE_INFINITY,
    derivative: [Number.NEGATIVE_INFINITY],
  },
  {
    name: '1/x at −0 is −∞ with derivative −1/(−0)² = −1/0 = −∞',
    f: (v) => div(1, v[0] as Num),
    at: [-0],
    value: Number.NEGATIVE_INFINITY,
    derivative: [Number.NEGATIVE_INFINITY],
  },
  {
    name: 'x^y at (0, 2) is 0; ∂/∂x = 2·0¹ = 0, ∂/∂y = 0^y·ln 0 is taken as its limit 0 (y > 0)',
    f: binary(pow),
    at: [0, 2],
    value: 0,
    derivative: [0, 0],
  },
  {
    name: 'x^y at (0, ½) is 0; ∂/∂x = ½·0^(−½) = +∞, ∂/∂y = 0 (the limit of 0^y·ln 0 for y > 0)',
    f: binary(pow),
    at: [0, 0.5],
    value: 0,
    derivative: [Number.POSITIVE_INFINITY, 0],
  },
  {
    name: 'x^y at (−2, 2) is 4; ∂/∂x = 2·(−2)¹ = −4, ∂/∂y = 4·ln(−2) = NaN',
    f: binary(pow),
    at: [-2, 2],
    value: 4,
    derivative: [-4, Number.NaN],
  },
  {
    name: 'x² as pow(x, 2) with a constant exponent at x = −2 has derivative 2·(−2) = −4 (no ln(−2) needed)',
    f: (v) => pow(v[0] as Num, 2),
    at: [-2],
    value: 4,
    derivative: [-4],
  },
  {
    name: 'x^y at (−8, ⅓) is NaN (no real fractional power of a negative base), both partials NaN',
    f: binary(pow),
    at: [-8, 1 / 3],
    value: Number.NaN,
    derivative: [Number.NaN, Number.NaN],
  },
  {
    name: 'asin x at 1 is π/2 with derivative 1/√(1 − 1²) = 1/0 = +∞',
    f: unary(asin),
    at: [1],
    value: Math.PI / 2,
    derivative: [Number.POSITIVE_INFINITY],
  },
  {
    name: 'acos x at 1 is 0 with derivative −1/√(1 − 1²) = −∞',
    f: unary(acos),
    at: [1],
    value: 0,
    derivative: [Number.NEGATIVE_INFINITY],
  },
  {
    name: 'asin x at 2 is NaN with derivative 1/√(1 − 4) = 1/NaN = NaN',
    f: unary(asin),
    at: [2],
    value: Number.NaN,
    derivative: [Number.NaN],
  },

  // Saturation: infinite or huge inputs give exact limits, not ∞/∞ or 0·∞.
  {
    name: 'tanh x at +∞ is 1 with derivative 1 − 1² = 0',
    f: unary(tanh),
    at: [Number.POSITIVE_INFINITY],
    value: 1,
    derivative: [0],
  },
  {
    name: 'σ(x) at −∞ is 0 with derivative σ(1 − σ) = 0',
    f: unary(sigmoid),
    at: [Number.NEGATIVE_INFINITY],
    value: 0,
    derivative: [0],
  },
  {
    name: 'σ(x) at −800 (where e^800 overflows) is e^−800 ≈ 10^−348, below the least double: 0, derivative 0',
    f: unary(sigmoid),
    at: [-800],
    value: 0,
    derivative: [0],
  },
  {
    name: 'σ(x) at 800 is 1 with derivative 1·(1 − 1) = 0',
    f: unary(sigmoid),
    at: [800],
    value: 1,
    derivative: [0],
  },
  {
    name: 'e^x at −∞ is 0 with derivative e^−∞ = 0',
    f: unary(exp),
    at: [Number.NEGATIVE_INFINITY],
    value: 0,
    derivative: [0],
  },
  {
    name: 'atan x at +∞ is π/2 with derivative 1/(1 + ∞²) = 0',
    f: unary(atan),
    at: [Number.POSITIVE_INFINITY],
    value: Math.PI / 2,
    derivative: [0],
  },
];

describe.each(cases.map((c) => [c.name, c] as const))(
  '%s',
  (_name, { f, at, value, derivative }) => {
    it('in reverse mode (valueAndGrad, vjp, jacrev)', () => {
      const vg = valueAndGrad(f)(at);
      expectClose(vg.value, value, EXACT, 'valueAndGrad value: ');
      expectClose(vg.grad, derivative, EXACT, 'valueAndGrad grad: ');
      const { primal, pullback } = vjp(f, at);
      expectClose(primal, value, EXACT, 'vjp primal: ');
      expectClose(pullback(1), derivative, EXACT, 'vjp pullback(1): ');
      expectClose(jacrev(f)(at), [derivative], EXACT, 'jacrev: ');
    });

    it('in forward mode (jvp along each axis, jacfwd)', () => {
      at.forEach((_, j) => {
        const { primal, tangent } = jvp(f, at, unit(at.length, j));
        expectClose(primal, value, EXACT, 'jvp primal: ');
        expectClose(tangent, derivative[j], EXACT, `jvp along e_${j}: `);
      });
      expectClose(jacfwd(f)(at), [derivative], EXACT, 'jacfwd: ');
    });
  },
);

describe('an exact zero tangent or adjoint contributes nothing, even through an infinite partial', () => {
  // f(x) computes ln x and throws it away: f(x) = x, so f′(0) = 1. The
  // unused entry has partial 1/0 = +∞ and adjoint 0; ∞·0 must not reach x.
  const discardsLog = (x: Num): Num => {
    log(x);
    return x;
  };

  it('reverse mode: d/dx x = 1 at x = 0 even when ln x was computed and discarded', () => {
    expect(grad(discardsLog)(0)).toBe(1);
  });

  it('forward mode: d/dx x = 1 at x = 0 even when ln x was computed and discarded', () => {
    expect(jvp(discardsLog, 0, 1).tangent).toBe(1);
  });

  // g(x, y) = (x, ln y) at (1, 0): ∂x/∂y = 0 and ∂(ln y)/∂x = 0 exactly, ∂(ln y)/∂y = 1/0 = +∞.
  const g = (v: Num[]): Num[] => [v[0] as Num, log(v[1] as Num)];
  const expected = [
    [1, 0],
    [0, Number.POSITIVE_INFINITY],
  ];

  it('the Jacobian of (x, ln y) at (1, 0) is [[1, 0], [0, +∞]] by rows (jacrev)', () => {
    expectClose(jacrev(g)([1, 0]), expected, EXACT);
  });

  it('the Jacobian of (x, ln y) at (1, 0) is [[1, 0], [0, +∞]] by columns (jacfwd)', () => {
    expectClose(jacfwd(g)([1, 0]), expected, EXACT);
  });
});

/**
 * With one input NaN, a partial is NaN exactly when its formula involves
 * that input. These are the partials that do not (the linear ones), listed
 * as the math writes them and keyed by `${NaN input},${differentiated input}`;
 * every other partial at a NaN input must be NaN.
 */
const nanFreePartials: {
  readonly [P in PrimitiveName]?: Record<string, (x: number, y: number) => number>;
} = {
  add: { '0,0': () => 1, '0,1': () => 1, '1,0': () => 1, '1,1': () => 1 }, // ∂(x + y) = (1, 1)
  sub: { '0,0': () => 1, '0,1': () => -1, '1,0': () => 1, '1,1': () => -1 }, // ∂(x − y) = (1, −1)
  neg: { '0,0': () => -1 }, // ∂(−x) = −1
  mul: { '0,0': (_x, y) => y, '1,1': (x) => x }, // ∂(xy)/∂x = y has no x, ∂(xy)/∂y = x has no y
  div: { '0,0': (_x, y) => 1 / y }, // ∂(x/y)/∂x = 1/y has no x
  stopGradient: { '0,0': () => 0 }, // ∂ stop(x) = 0, by definition
};

describe.each(scalarRules.map((r) => [r.name, r] as const))('%s at a NaN input', (_name, rule) => {
  const random = rng(7_000 + rule.id);
  const base = rule.domain.map((iv) => uniform(random, iv));
  const op = asFunction(rule);

  it('has a NaN value, and a NaN derivative wherever the partial involves the NaN input, in both modes', () => {
    for (let k = 0; k < rule.arity; k++) {
      const point = base.map((b, i) => (i === k ? Number.NaN : b));
      for (let j = 0; j < rule.arity; j++) {
        // Differentiate input j alone; the other input is the constant it has in `point`.
        const h = (t: Num): Num => op(point.map((p, i) => (i === j ? t : p)));
        const [x = Number.NaN, y = Number.NaN] = point;
        const free = nanFreePartials[rule.name]?.[`${k},${j}`];
        const expected = free === undefined ? Number.NaN : free(x, y);
        const label = `${rule.name} at (${point}), ∂/∂ input ${j}: `;
        const at = point[j] as number;
        const vg = valueAndGrad(h)(at);
        expectClose(vg.value, Number.NaN, EXACT, `reverse value ${label}`);
        expectClose(vg.grad, expected, EXACT, `reverse ${label}`);
        const fw = jvp(h, at, 1);
        expectClose(fw.primal, Number.NaN, EXACT, `forward value ${label}`);
        expectClose(fw.tangent, expected, EXACT, `forward ${label}`);
      }
    }
  });
});

/** Inputs at and beyond every domain's edge. */
const SPECIAL = [
  Number.NaN,
  Number.POSITIVE_INFINITY,
  Number.NEGATIVE_INFINITY,
  0,
  -0,
  1,
  -1,
  1e308,
  -1e308,
];

/** Every tuple of `arity` values from SPECIAL. */
function specialPoints(arity: number): number[][] {
  return arity === 1 ? SPECIAL.map((s) => [s]) : SPECIAL.flatMap((a) => SPECIAL.map((b) => [a, b]));
}

describe.each(scalarRules.map((r) => [r.name, r] as const))(
  '%s on non-finite and out-of-domain inputs',
  (_name, rule) => {
    const f = asFunction(rule);
    const points = specialPoints(rule.arity);
    const primal = (p: number[]): number =>
      rule.arity === 1 ? rule.primal(p[0] as number) : rule.primal(p[0] as number, p[1] as number);

    it('never throws in any transform, and every transform returns the IEEE value of the primal', () => {
      for (const p of points) {
        const label = `${rule.name} at (${p}): `;
        let values: number[] = [];
        expect(() => {
          values = [
            valueAndGrad(f)(p).value,
            vjp(f, p).primal,
            jvp(f, p, unit(p.length, 0)).primal,
          ];
          jacfwd(f)(p);
          jacrev(f)(p);
          hessian(f)(p);
        }, label).not.toThrow();
        expectClose(
          values,
          [primal(p), primal(p), primal(p)],
          EXACT,
          `valueAndGrad, vjp, jvp ${label}`,
        );
      }
    });

    it('gets the same derivative of each input from grad and from jvp, the other input held constant', () => {
      for (const p of points) {
        p.forEach((_, j) => {
          const h = (t: Num): Num => f(p.map((c, i) => (i === j ? t : c)));
          const at = p[j] as number;
          const label = `${rule.name} at (${p}), ∂/∂ input ${j}: `;
          expectClose(jvp(h, at, 1).tangent, grad(h)(at), EXACT, label);
        });
      }
    });
  },
);

describe('a composite function on bad inputs', () => {
  // Every kind of domain error at once: ln and √ of negatives and 0, 0/0, atan2 at the origin, 0^0.
  const f = ([x, y]: Num[]): Num =>
    add(
      div(log(x as Num), sqrt(y as Num)),
      mul(atan2(x as Num, y as Num), add(pow(x as Num, y as Num), acos(abs(y as Num)))),
    );
  const bad = [
    [0, 0],
    [-1, -1],
    [Number.NaN, 1],
    [Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY],
  ];

  it.each(bad)('at (%d, %d) runs every transform without throwing', (x, y) => {
    const p = [x, y];
    expect(() => {
      grad(f)(p);
      jvp(f, p, [1, 1]);
      vjp(f, p).pullback(1);
      jacfwd(f)(p);
      jacrev(f)(p);
      hessian(f)(p);
    }).not.toThrow();
  });
});

describe('limits taken where the formula would give 0 · ∞', () => {
  // [name, f, point, value, derivative]: each checked by grad and by jvp along each axis
  const cases: [string, (v: Num[]) => Num, number[], number, number[]][] = [
    ['x^0 = 1 for every x, so d/dx at x = 0 is 0', (v) => pow(v[0] as Num, 0), [0], 1, [0]],
    [
      'x^y at (0, 0): ∂/∂x = 0, ∂/∂y = 1 · ln 0 = −∞',
      (v) => pow(v[0] as Num, v[1] as Num),
      [0, 0],
      1,
      [0, Number.NEGATIVE_INFINITY],
    ],
    [
      '0^y for y = −1 is +∞ and its y-partial follows the formula: ∞ · ln 0 = −∞',
      (v) => pow(v[0] as Num, v[1] as Num),
      [0, -1],
      Number.POSITIVE_INFINITY,
      [Number.NEGATIVE_INFINITY, Number.NEGATIVE_INFINITY],
    ],
    [
      '√x at −0 is −0 and its derivative 0.5 / −0 = −∞',
      (v) => sqrt(v[0] as Num),
      [-0],
      -0,
      [Number.NEGATIVE_INFINITY],
    ],
  ];

  it.each(cases)('%s', (_, f, at, value, derivative) => {
    const both = valueAndGrad(f)(at);
    expect(both.value).toBe(value);
    expect(both.grad).toEqual(derivative);
    derivative.forEach((d, j) => {
      const direction = at.map((_, i) => (i === j ? 1 : 0));
      expect(jvp(f, at, direction).tangent).toBe(d);
    });
  });
});
