/**
 * @file The catalog: composite functions on which every transform must agree with every
 * other, with central differences, and with a Jacobian derived by hand in plain Math.
 */

import { describe, expect, it } from 'vitest';
import {
  abs,
  acos,
  add,
  atan,
  atan2,
  cos,
  cosh,
  type Differentiable,
  div,
  exp,
  grad,
  gradcheck,
  hessian,
  jacfwd,
  jacobian,
  jacrev,
  jvp,
  log,
  max,
  min,
  mul,
  type Num,
  neg,
  type Point,
  pow,
  relu,
  sigmoid,
  sin,
  sinh,
  sqrt,
  sub,
  tan,
  tanh,
  toNumber,
  valueAndGrad,
  vjp,
  withCost,
} from '../src/index.ts';
import { expectClose, jacobianByDifferences, rng, TOL, uniform } from './support.ts';

/** One catalog function. Analytic derivatives use plain Math only, never the toolkit. */
interface Entry {
  readonly name: string;
  /** f as a user writes it: of an array, or (for `x` a number) of one number. */
  readonly f: Differentiable;
  readonly x: number | readonly number[];
  /** True when f returns one value rather than an array. */
  readonly scalar: boolean;
  /** The m×n Jacobian at x, derived by hand (for a scalar f, the gradient as one row). */
  readonly jacobian?: (x: readonly number[]) => number[][];
  /** The n×n Hessian of a scalar f, derived by hand. */
  readonly hessian?: (x: readonly number[]) => number[][];
  /** Which mode `jacobian(f, { mode: 'auto' })` must pick for this shape (forward iff 2(n − 1) < 1 + m). */
  readonly auto: 'forward' | 'reverse';
}

/** v[i] of a traced point, for the functions. */
const arg = (v: readonly Num[], i: number): Num => v[i] as Num;

const sigma = (z: number): number => 1 / (1 + Math.exp(-z));

const catalog: readonly Entry[] = [
  {
    name: '5x² − xy (the worked example)',
    f: (v: Num[]) => sub(mul(5, mul(arg(v, 0), arg(v, 0))), mul(arg(v, 0), arg(v, 1))),
    x: [2, 3],
    scalar: true,
    jacobian: ([x = 0, y = 0]) => [[10 * x - y, -x]],
    hessian: () => [
      [10, -1],
      [-1, 0],
    ],
    auto: 'reverse',
  },
  {
    name: 'Rosenbrock (1 − x)² + 100 (y − x²)²',
    f: (v: Num[]) => {
      const [x, y] = [arg(v, 0), arg(v, 1)];
      return add(pow(sub(1, x), 2), mul(100, pow(sub(y, mul(x, x)), 2)));
    },
    x: [-1.2, 1],
    scalar: true,
    jacobian: ([x = 0, y = 0]) => [[-2 * (1 - x) - 400 * x * (y - x * x), 200 * (y - x * x)]],
    hessian: ([x = 0, y = 0]) => [
      [2 - 400 * (y - x * x) + 800 * x * x, -400 * x],
      [-400 * x, 200],
    ],
    auto: 'reverse',
  },
  {
    name: 'log-sum-exp of 4 inputs',
    f: (v: Num[]) => log(v.reduce<Num>((s, vi) => add(s, exp(vi)), 0)),
    x: [0.5, -1, 2, 0.1],
    scalar: true,
    // ∇ = softmax(x), H = diag(s) − s sᵀ
    jacobian: (x) => [softmax(x)],
    hessian: (x) => {
      const s = softmax(x);
      return s.map((si, i) => s.map((sj, j) => (i === j ? si : 0) - si * sj));
    },
    auto: 'reverse',
  },
  {
    name: 'a neuron σ(1.7 tanh(0.8x − 0.5y + 0.3) + 0.6xz − 0.2)',
    f: (v: Num[]) => {
      const [x, y, z] = [arg(v, 0), arg(v, 1), arg(v, 2)];
      const h = tanh(add(sub(mul(0.8, x), mul(0.5, y)), 0.3));
      return sigmoid(sub(add(mul(1.7, h), mul(0.6, mul(x, z))), 0.2));
    },
    x: [0.4, -0.9, 1.3],
    scalar: true,
    jacobian: ([x = 0, y = 0, z = 0]) => {
      const h = Math.tanh(0.8 * x - 0.5 * y + 0.3);
      const s = sigma(1.7 * h + 0.6 * x * z - 0.2);
      const ds = s * (1 - s);
      const dh = 1.7 * (1 - h * h);
      return [[ds * (dh * 0.8 + 0.6 * z), ds * dh * -0.5, ds * 0.6 * x]];
    },
    auto: 'reverse',
  },
  {
    name: 'the product of 6 inputs',
    f: (v: Num[]) => v.reduce<Num>((p, vi) => mul(p, vi), 1),
    x: [1.5, -0.7, 2, 0.9, -1.1, 1.3],
    scalar: true,
    // ∂/∂x_i = Π_{k≠i} x_k; ∂²/∂x_i∂x_j = Π_{k≠i,j} x_k off the diagonal, 0 on it
    jacobian: (x) => [x.map((_, i) => productExcept(x, [i]))],
    hessian: (x) => x.map((_, i) => x.map((_, j) => (i === j ? 0 : productExcept(x, [i, j])))),
    auto: 'reverse',
  },
  {
    name: 'radius times angle √(x² + y²) · atan2(y, x)',
    f: (v: Num[]) => {
      const [x, y] = [arg(v, 0), arg(v, 1)];
      return mul(sqrt(add(mul(x, x), mul(y, y))), atan2(y, x));
    },
    x: [1.3, 0.4],
    scalar: true,
    jacobian: ([x = 0, y = 0]) => {
      const r = Math.hypot(x, y);
      const theta = Math.atan2(y, x);
      return [[(x * theta - y) / r, (y * theta + x) / r]];
    },
    auto: 'reverse',
  },
  {
    name: 'a function of one number x sin(x) e^(−x²/2)',
    f: (x: Num) => mul(mul(x, sin(x)), exp(neg(div(mul(x, x), 2)))),
    x: 0.8,
    scalar: true,
    // f = x sin x g with g = e^(−x²/2), g' = −x g
    jacobian: ([x = 0]) => {
      const g = Math.exp((-x * x) / 2);
      return [[(Math.sin(x) + x * Math.cos(x) - x * x * Math.sin(x)) * g]];
    },
    hessian: ([x = 0]) => {
      const g = Math.exp((-x * x) / 2);
      const [s, c] = [Math.sin(x), Math.cos(x)];
      // d/dx [(s + x c − x² s) g] = (c + c − x s − 2x s − x² c) g − x (s + x c − x² s) g
      const first = s + x * c - x * x * s;
      return [[(2 * c - 3 * x * s - x * x * c) * g - x * first * g]];
    },
    auto: 'forward',
  },
  {
    name: 'R² → R³: (r cos θ, r sin θ, r²)',
    f: (v: Num[]) => {
      const [r, theta] = [arg(v, 0), arg(v, 1)];
      return [mul(r, cos(theta)), mul(r, sin(theta)), mul(r, r)];
    },
    x: [1.5, 0.7],
    scalar: false,
    jacobian: ([r = 0, t = 0]) => [
      [Math.cos(t), -r * Math.sin(t)],
      [Math.sin(t), r * Math.cos(t)],
      [2 * r, 0],
    ],
    auto: 'forward',
  },
  {
    name: 'R³ → R²: (xy / z, x² + sin y − e^z)',
    f: (v: Num[]) => {
      const [x, y, z] = [arg(v, 0), arg(v, 1), arg(v, 2)];
      return [div(mul(x, y), z), sub(add(mul(x, x), sin(y)), exp(z))];
    },
    x: [0.8, -1.3, 1.7],
    scalar: false,
    jacobian: ([x = 0, y = 0, z = 0]) => [
      [y / z, x / z, (-x * y) / (z * z)],
      [2 * x, Math.cos(y), -Math.exp(z)],
    ],
    auto: 'reverse',
  },
  {
    name: 'R → R⁴: (t³, cosh t, acos(t/2), atan t)',
    f: (t: Num) => [pow(t, 3), cosh(t), acos(div(t, 2)), atan(t)],
    x: 0.6,
    scalar: false,
    jacobian: ([t = 0]) => [
      [3 * t * t],
      [Math.sinh(t)],
      [-0.5 / Math.sqrt(1 - (t * t) / 4)],
      [1 / (1 + t * t)],
    ],
    auto: 'forward',
  },
  {
    name: 'R⁴ → R⁴ with kinks away from the point: xy, tan y + z², x₄ sin z, e^x₄ − relu x + max(y, x₄)',
    f: (v: Num[]) => {
      const [a, b, c, d] = [arg(v, 0), arg(v, 1), arg(v, 2), arg(v, 3)];
      return [
        mul(a, b),
        add(tan(b), mul(c, c)),
        mul(sin(c), d),
        add(sub(exp(d), relu(a)), max(b, d)),
      ];
    },
    x: [0.5, -0.3, 1.1, 0.2],
    scalar: false,
    // at this point a > 0 (relu' = 1) and d > b (max picks d)
    jacobian: ([a = 0, b = 0, c = 0, d = 0]) => [
      [b, a, 0, 0],
      [0, 1 + Math.tan(b) ** 2, 2 * c, 0],
      [0, 0, d * Math.cos(c), Math.sin(c)],
      [-1, 0, 0, Math.exp(d) + 1],
    ],
    auto: 'reverse',
  },
  {
    name: 'R³ → R³ softmax, with fan-out through the shared sum',
    f: (v: Num[]) => {
      const e = v.map((vi) => exp(vi));
      const total = e.reduce<Num>((s, ei) => add(s, ei), 0);
      return e.map((ei) => div(ei, total));
    },
    x: [0.3, -1.2, 0.9],
    scalar: false,
    jacobian: (x) => {
      const s = softmax(x);
      return s.map((si, i) => s.map((sj, j) => (i === j ? si : 0) - si * sj));
    },
    auto: 'reverse',
  },
  {
    name: 'R² → R² with sinh, abs, min and sigmoid, no hand-derived Jacobian',
    f: (v: Num[]) => {
      const [x, y] = [arg(v, 0), arg(v, 1)];
      return [mul(sinh(x), abs(sub(y, 2))), sigmoid(min(mul(x, y), add(y, 1)))];
    },
    x: [0.7, -0.4],
    scalar: false,
    auto: 'forward',
  },
];

function softmax(x: readonly number[]): number[] {
  const e = x.map(Math.exp);
  const total = e.reduce((s, v) => s + v, 0);
  return e.map((v) => v / total);
}

function productExcept(x: readonly number[], skip: readonly number[]): number {
  return x.reduce((p, v, k) => (skip.includes(k) ? p : p * v), 1);
}

/** A result that is one value or an array, as an array. */
function asArray(v: unknown): number[] {
  return (Array.isArray(v) ? v : [v]) as number[];
}

/** The entry's point as an array. */
const pointOf = (e: Entry): number[] => asArray(e.x);

/** The entry's function, callable with either shape (each entry is only ever called with its own). */
function anyShape(e: Entry): (x: Num | Num[]) => Point {
  return e.f as (x: Num | Num[]) => Point;
}

/** A point or direction in the shape f takes: a number for a function of one number. */
function shaped(e: Entry, v: readonly number[]): number | number[] {
  return typeof e.x === 'number' ? (v[0] as number) : [...v];
}

/** f on plain numbers, always as an array of outputs: what central differences step through. */
function plain(e: Entry): (x: number[]) => number[] {
  return (x) => asArray(anyShape(e)(shaped(e, x))).map((y) => toNumber(y as Num));
}

/** The entry's gradient transform, for scalar entries. */
function gradOf(e: Entry): (x: Point) => unknown {
  return grad(e.f as (x: Num[]) => Num) as (x: Point) => unknown;
}

const unit = (n: number, k: number): number[] => Array.from({ length: n }, (_, i) => +(i === k));
const transpose = (a: number[][]): number[][] =>
  (a[0] ?? []).map((_, j) => a.map((row) => row[j] as number));
const dot = (a: readonly number[], b: readonly number[]): number =>
  a.reduce((s, ai, i) => s + ai * (b[i] as number), 0);

const scalars = catalog.filter((e) => e.scalar);
const withJacobian = catalog.filter((e) => e.jacobian !== undefined);
const withHessian = scalars.filter((e) => e.hessian !== undefined);

describe.each(catalog)('$name', (e) => {
  const x = pointOf(e);
  const n = x.length;
  const reference = () => jacrev(e.f)(e.x) as number[][];

  it('jacfwd and jacrev agree', () => {
    expectClose(jacfwd(e.f)(e.x), reference(), TOL.modes, 'jacfwd vs jacrev');
  });

  it('chunked jacfwd (chunks of 1, 2, 3, n, n + 1) is jacfwd to the bit, in ⌈n/k⌉ passes', () => {
    const unchunked = jacfwd(e.f)(e.x);
    for (const chunk of new Set([1, 2, 3, n, n + 1])) {
      const { result, cost } = withCost(() => jacfwd(e.f, { chunk })(e.x));
      // each lane multiplies the same partials by the same tangents as its own pass would
      expect(result, `chunk ${chunk}`).toEqual(unchunked);
      expectClose(result, reference(), TOL.modes, `chunk ${chunk} vs jacrev`);
      expect(cost.forwardPasses, `chunk ${chunk}`).toBe(Math.ceil(n / chunk));
    }
  });

  it.each(['forward', 'reverse', 'auto'] as const)(
    'jacobian in %s mode agrees with jacrev',
    (mode) => {
      expectClose(jacobian(e.f, { mode })(e.x), reference(), TOL.modes, mode);
    },
  );

  it('jvp along e_j gives column j of the Jacobian and f(x) as its primal', () => {
    const columns = transpose(reference());
    const value = plain(e)(x);
    for (let j = 0; j < n; j++) {
      const out = jvp(anyShape(e), shaped(e, x), shaped(e, unit(n, j)));
      expectClose(asArray(out.tangent), columns[j], TOL.modes, `column ${j}`);
      expectClose(asArray(out.primal), value, TOL.modes, 'primal');
    }
  });

  it('the vjp pullback of e_i gives row i, however often it is called', () => {
    const rows = reference();
    const m = rows.length;
    const { primal, pullback } = vjp(anyShape(e), shaped(e, x));
    expectClose(asArray(primal), plain(e)(x), TOL.modes, 'primal');
    const cotangent = (i: number): number | number[] => (e.scalar ? 1 : unit(m, i));
    for (const round of [1, 2]) {
      for (let i = 0; i < m; i++) {
        const adjoint = pullback(cotangent(i) as never);
        expectClose(asArray(adjoint), rows[i], TOL.modes, `round ${round}, row ${i}`);
      }
    }
  });

  it('⟨u, J v⟩ from jvp equals ⟨Jᵀ u, v⟩ from vjp for random u, v', () => {
    const random = rng(1234 + n);
    const J = reference();
    const m = J.length;
    const { pullback } = vjp(anyShape(e), shaped(e, x));
    for (let trial = 0; trial < 5; trial++) {
      const v = x.map(() => uniform(random, [-1, 1]));
      const u = J.map(() => uniform(random, [-1, 1]));
      const Jv = asArray(jvp(anyShape(e), shaped(e, x), shaped(e, v)).tangent);
      const JTu = asArray(pullback((e.scalar ? u[0] : u) as never));
      expectClose(
        Jv,
        J.map((row) => dot(row, v)),
        TOL.modes,
        'J v',
      );
      expectClose(
        JTu,
        transpose(J).map((col) => dot(col, u)),
        TOL.modes,
        'Jᵀ u',
      );
      expectClose(dot(u, Jv), dot(JTu, v), TOL.modes, `trial ${trial}`);
      expect(Jv).toHaveLength(m);
    }
  });

  it('passes gradcheck to second order', () => {
    const report = gradcheck(e.f, e.x as never, { order: 2 });
    expect(report.ok, JSON.stringify(report.worst)).toBe(true);
    expect(report.comparisons).toBeGreaterThan(0);
  });

  it('agrees with central differences', () => {
    expectClose(jacfwd(e.f)(e.x), jacobianByDifferences(plain(e), x), TOL.finiteDifference);
  });

  it(`jacobian in 'auto' mode chooses ${e.auto} mode for this shape`, () => {
    const m = plain(e)(x).length;
    const { cost } = withCost(() => jacobian(e.f, { mode: 'auto' })(e.x));
    if (e.auto === 'forward') {
      expect(cost).toMatchObject({ forwardPasses: n, reverseSweeps: 0 });
    } else {
      // one forward pass to learn m (it would have been column 1), then m sweeps of one recording
      expect(cost).toMatchObject({ forwardPasses: 1, reverseSweeps: m });
    }
  });
});

describe.each(withJacobian)('$name against its hand-derived Jacobian', (e) => {
  const analytic = e.jacobian as (x: readonly number[]) => number[][];

  it('jacfwd and jacrev both equal the analytic Jacobian', () => {
    const expected = analytic(pointOf(e));
    expectClose(jacfwd(e.f)(e.x), expected, TOL.modes, 'jacfwd');
    expectClose(jacrev(e.f)(e.x), expected, TOL.modes, 'jacrev');
  });

  it('central differences equal the analytic Jacobian (the formula itself is right)', () => {
    expectClose(
      jacobianByDifferences(plain(e), pointOf(e)),
      analytic(pointOf(e)),
      TOL.finiteDifference,
    );
  });
});

describe.each(scalars)('$name (scalar output)', (e) => {
  const x = pointOf(e);

  it('grad and valueAndGrad give the one row of the Jacobian, and f(x)', () => {
    const row = (jacfwd(e.f)(e.x) as number[][])[0];
    expectClose(asArray(gradOf(e)(e.x)), row, TOL.modes, 'grad');
    const both = valueAndGrad(e.f as (x: Num[]) => Num)(e.x as number[]);
    expectClose(both.value, plain(e)(x)[0], TOL.modes, 'value');
    expectClose(asArray(both.grad), row, TOL.modes, 'valueAndGrad');
  });

  it('grad returns the shape of its input: a number for a number, an array for an array', () => {
    expect(Array.isArray(gradOf(e)(e.x))).toBe(Array.isArray(e.x));
  });

  it('the hessian is symmetric and agrees with central differences of grad', () => {
    const H = hessian(e.f as (x: never) => Num)(e.x) as number[][];
    expectClose(H, transpose(H), TOL.modes, 'symmetry');
    const g = (p: number[]) => asArray(gradOf(e)(shaped(e, p)));
    expectClose(H, jacobianByDifferences(g, x), TOL.secondOrder, 'vs differences of grad');
  });
});

describe.each(withHessian)('$name against its hand-derived Hessian', (e) => {
  it('hessian equals the analytic Hessian', () => {
    const analytic = e.hessian as (x: readonly number[]) => number[][];
    expectClose(hessian(e.f as (x: never) => Num)(e.x), analytic(pointOf(e)), TOL.modes);
  });
});

describe('the catalog itself', () => {
  it('covers scalar and vector outputs, square and non-square Jacobians, and both auto choices', () => {
    const shapes = catalog.map((e) => `${pointOf(e).length}->${plain(e)(pointOf(e)).length}`);
    expect(shapes).toEqual(expect.arrayContaining(['2->3', '3->2', '1->4', '4->4', '2->1']));
    expect(new Set(catalog.map((e) => e.auto))).toEqual(new Set(['forward', 'reverse']));
    expect(scalars.length).toBeGreaterThanOrEqual(5);
  });
});

describe('a function of no inputs', () => {
  const constant = () => [1, 2, 3];

  it.each([
    ['jacfwd', jacfwd(constant)],
    ['jacrev', jacrev(constant)],
    ['jacobian auto', jacobian(constant, { mode: 'auto' })],
  ])('%s gives a 3×0 Jacobian: one empty row per output', (_, J) => {
    expect(J([])).toEqual([[], [], []]);
  });
});
