/**
 * @file Nested differentiation: no perturbation confusion in any order of modes, higher
 * derivatives by nesting, closures over outer variables, and Hessians.
 */

import { describe, expect, it } from 'vitest';
import {
  add,
  cos,
  exp,
  grad,
  hessian,
  jacfwd,
  jacrev,
  jvp,
  log,
  mul,
  type Num,
  pow,
  sin,
  sub,
  vjp,
} from '../src/index.ts';
import { expectClose, jacobianByDifferences, TOL } from './support.ts';

type Fn = (x: Num) => Num;

/** d/dx by one reverse sweep. */
const revD =
  (f: Fn): Fn =>
  (x) =>
    grad(f)(x);
/** d/dx by one forward pass. */
const fwdD =
  (f: Fn): Fn =>
  (x) =>
    jvp(f, x, 1).tangent;
/** d/dx as the pullback of 1 through vjp. */
const vjpD =
  (f: Fn): Fn =>
  (x) =>
    vjp(f, x).pullback(1);

const derivatives = { grad: revD, jvp: fwdD, vjp: vjpD } as const;
type Mode = keyof typeof derivatives;
const modes = Object.keys(derivatives) as Mode[];
const pairs = modes.flatMap((outer) => modes.map((inner) => ({ outer, inner })));

describe('perturbation confusion (Siskind and Pearlmutter)', () => {
  // d/dx [x · (d/dy (x + y))|_{y=1}] = d/dx [x · 1] = 1. An implementation that
  // lets the inner derivative see x's perturbation gets d/dy (x + y) = 2 and answers 2.
  it.each(pairs)(
    'd/dx [x · d/dy (x + y)] = 1 with $outer outside and $inner inside',
    ({ outer, inner }) => {
      const Douter = derivatives[outer];
      const Dinner = derivatives[inner];
      const f = (x: Num) => mul(x, Dinner((y: Num) => add(x, y))(1));
      expect(Douter(f)(1)).toBe(1);
      expect(Douter(f)(7)).toBe(1);
    },
  );

  it('grad((x) => mul(x, grad((y) => add(x, y))(1)))(1) is 1, as written in the brief', () => {
    expect(grad((x: Num) => mul(x, grad((y: Num) => add(x, y))(1)))(1)).toBe(1);
  });

  // d/dx [x · (d/dy (x y))|_{y=x}] = d/dx [x · x] = 2x: the inner variable is
  // seeded at the outer one, which must still only carry the outer perturbation.
  it.each(pairs)(
    'd/dx [x · d/dy (x y)|_{y=x}] = 2x with $outer outside and $inner inside',
    ({ outer, inner }) => {
      const f = (x: Num) => mul(x, derivatives[inner]((y: Num) => mul(x, y))(x));
      expectClose(derivatives[outer](f)(3), 6, TOL.modes);
    },
  );

  // d/dx [(d/dy (x y))|_{y=x}] = d/dx [x] = 1 (confused: d/dx [2x] = 2).
  it.each(pairs)(
    'd/dx [d/dy (x y)|_{y=x}] = 1 with $outer outside and $inner inside',
    ({ outer, inner }) => {
      const f = (x: Num) => derivatives[inner]((y: Num) => mul(x, y))(x);
      expectClose(derivatives[outer](f)(3), 1, TOL.modes);
    },
  );
});

describe('third derivatives by three nestings, in every order of modes', () => {
  const orders = modes.flatMap((a) => modes.flatMap((b) => modes.map((c) => [a, b, c] as const)));
  const cases = [
    { name: 'sin', f: (x: Num) => sin(x), third: (x: number) => -Math.cos(x), x: 0.7 },
    {
      name: 'e^(2x)',
      f: (x: Num) => exp(mul(2, x)),
      third: (x: number) => 8 * Math.exp(2 * x),
      x: 0.3,
    },
    { name: 'x⁵ (pow)', f: (x: Num) => pow(x, 5), third: (x: number) => 60 * x * x, x: 1.3 },
    { name: 'ln x', f: (x: Num) => log(x), third: (x: number) => 2 / x ** 3, x: 1.7 },
    {
      name: 'x sin x',
      f: (x: Num) => mul(x, sin(x)),
      // (x sin x)''' = −3 sin x − x cos x
      third: (x: number) => -3 * Math.sin(x) - x * Math.cos(x),
      x: 0.9,
    },
  ];
  const table = cases.flatMap((c) => orders.map((order) => ({ ...c, order: order.join('∘') })));

  it.each(table)('d³/dx³ $name by $order', ({ f, third, x, order }) => {
    const [a, b, c] = order.split('∘') as [Mode, Mode, Mode];
    const D3 = derivatives[a](derivatives[b](derivatives[c](f)));
    expectClose(D3(x), third(x), TOL.modes);
  });

  it('d⁴/dx⁴ sin = sin by alternating grad and jvp four times', () => {
    const D4 = revD(fwdD(revD(fwdD(sin))));
    expectClose(D4(0.4), Math.sin(0.4), TOL.modes);
  });
});

describe('closures over outer variables inside inner transforms', () => {
  // g(x) = d/dy [y e^{xy}]|_{y=2} = e^{2x} (1 + 2x), so g'(x) = e^{2x} (4 + 4x)
  const g = (D: (f: Fn) => Fn) => (x: Num) => D((y: Num) => mul(y, exp(mul(x, y))))(2);
  const expected = (x: number) => Math.exp(2 * x) * (4 + 4 * x);

  it.each(pairs)(
    'd/dx of an inner $inner derivative that closes over x, by $outer',
    ({ outer, inner }) => {
      expectClose(derivatives[outer](g(derivatives[inner]))(0.3), expected(0.3), TOL.modes);
    },
  );

  it('an inner gradient of a vector input closing over an outer scalar', () => {
    // h(s) = Σ_i ∂/∂v_i [s · sin(v_0 v_1)] at v = (1, 2) = s cos 2 · (2 + 1), so h'(s) = 3 cos 2
    const h = (s: Num) => {
      const [a, b] = grad((v: Num[]) => mul(s, sin(mul(v[0] as Num, v[1] as Num))))([1, 2]);
      return add(a as Num, b as Num);
    };
    expectClose(grad(h)(0.5), 3 * Math.cos(2), TOL.modes);
    expectClose(jvp(h, 0.5, 1).tangent, 3 * Math.cos(2), TOL.modes);
  });

  it('the pullback of a vjp recorded outside is linear in its cotangent, seen by jvp', () => {
    // f(x, y) = (x y, sin x): Jᵀ u is linear in u, so d/dt Jᵀ(u + t w) = Jᵀ w
    const { pullback } = vjp(
      (v: Num[]) => [mul(v[0] as Num, v[1] as Num), sin(v[0] as Num)],
      [2, 3],
    );
    const { primal, tangent } = jvp((u: Num[]) => pullback(u), [1, 1], [0.5, -2]);
    expectClose(primal, [3 + Math.cos(2), 2], TOL.modes);
    expectClose(tangent, [0.5 * 3 - 2 * Math.cos(2), 0.5 * 2], TOL.modes);
  });

  it('a gradient taken inside a vjp recording is differentiated by the outer pullback', () => {
    // F(a) = ∂/∂x [a x² + x]|_{x=a} = 2a² + 1, so F'(a) = 4a
    const F = (a: Num) => grad((x: Num) => add(mul(a, mul(x, x)), x))(a);
    expectClose(vjp(F, 1.5).pullback(1), 6, TOL.modes);
  });
});

describe('hessians', () => {
  const functions = [
    {
      name: 'x²y + sin(yz) + e^(xz)',
      f: ([x, y, z]: Num[]) =>
        add(
          add(mul(mul(x as Num, x as Num), y as Num), sin(mul(y as Num, z as Num))),
          exp(mul(x as Num, z as Num)),
        ),
      x: [0.6, -1.1, 0.8],
      H: ([x = 0, y = 0, z = 0]: readonly number[]) => {
        const s = Math.sin(y * z);
        const c = Math.cos(y * z);
        const e = Math.exp(x * z);
        return [
          [2 * y + z * z * e, 2 * x, (1 + x * z) * e],
          [2 * x, -z * z * s, c - y * z * s],
          [(1 + x * z) * e, c - y * z * s, -y * y * s + x * x * e],
        ];
      },
    },
    {
      name: 'x³y² − ln(x + y²)',
      f: ([x, y]: Num[]) =>
        sub(
          mul(pow(x as Num, 3), mul(y as Num, y as Num)),
          log(add(x as Num, mul(y as Num, y as Num))),
        ),
      x: [1.2, 0.7],
      H: ([x = 0, y = 0]: readonly number[]) => {
        const q = x + y * y;
        return [
          [6 * x * y * y + 1 / (q * q), 6 * x * x * y + (2 * y) / (q * q)],
          [6 * x * x * y + (2 * y) / (q * q), 2 * x ** 3 - (2 * q - 4 * y * y) / (q * q)],
        ];
      },
    },
  ];

  it.each(functions)(
    'the hessian of $name is symmetric and equals the analytic one',
    ({ f, x, H }) => {
      const h = hessian(f)(x);
      expectClose(h, H(x), TOL.modes, 'analytic');
      h.forEach((row, i) => {
        row.forEach((hij, j) => {
          expectClose(hij, h[j]?.[i], TOL.modes, `H[${i}][${j}] vs H[${j}][${i}]`);
        });
      });
    },
  );

  it.each(functions)(
    'the hessian of $name equals every other way of nesting two derivatives',
    ({ f, x }) => {
      const h = hessian(f)(x);
      const g = (v: Num[]) => grad(f)(v);
      expectClose(jacrev(g)(x), h, TOL.modes, 'reverse-over-reverse');
      expectClose(jacfwd(g)(x), h, TOL.modes, 'forward-over-reverse');
      const forwardGradient = (v: Num[]) =>
        v.map(
          (_, j) =>
            jvp(
              f,
              v,
              v.map((_, i) => +(i === j)),
            ).tangent,
        );
      expectClose(jacfwd(forwardGradient)(x), h, TOL.modes, 'forward-over-forward');
      expectClose(jacrev(forwardGradient)(x), h, TOL.modes, 'reverse-over-forward');
    },
  );

  it.each(functions)('the hessian of $name agrees with central differences of grad', ({ f, x }) => {
    const g = (v: number[]) => grad(f)(v);
    expectClose(hessian(f)(x), jacobianByDifferences(g, x), TOL.secondOrder);
  });

  it('the hessian of a function of one number is a 1×1 matrix: d²/dx² cos = −cos', () => {
    expectClose(hessian((x: Num) => cos(x))(0.4), [[-Math.cos(0.4)]], TOL.modes);
  });
});
