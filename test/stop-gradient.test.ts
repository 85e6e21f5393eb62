/** @file stopGradient: the value passes, the derivative is zero, in both modes, at every nesting level, against closed forms written by hand. */

import { describe, expect, it } from 'vitest';
import {
  add,
  adjointSource,
  compile,
  explain,
  grad,
  hessian,
  jacfwd,
  jacrev,
  jvp,
  type Mat,
  type Matrix,
  matrix,
  mul,
  type Num,
  parse,
  relu,
  ruleLatex,
  sqrt,
  stopGradient,
  sub,
  sum,
  trace,
  valueAndGrad,
} from '../src/index.ts';
import { expectClose, TOL } from './support.ts';

const POINTS = [-1.5, 0, 0.5, 2];

type D = (g: (x: Num) => Num) => (x: Num) => Num;
const forward: D = (g) => (x) => jvp(g, x, 1).tangent;
const reverse: D = (g) => (x) => grad(g)(x);
const MODES = { forward, reverse };
/** Equal as numbers (−0 is 0: −2w at w = 0 is −0, the engine's 0 is +0). */
const same = (got: unknown, expected: unknown, label?: string) =>
  expectClose(got, expected, 0, label);

describe('stopGradient on its own', () => {
  it('passes the value through, plain and traced', () => {
    for (const x of POINTS) {
      expect(stopGradient(x)).toBe(x);
      expect(jvp(stopGradient, x, 1).primal).toBe(x);
      expect(valueAndGrad((t: Num) => stopGradient(t))(x).value).toBe(x);
    }
    const m = matrix([[1, -2]]);
    expect((stopGradient(m) as Matrix).toArray()).toEqual([[1, -2]]);
  });

  it('has derivative 0 in both modes, and every higher derivative 0', () => {
    for (const x of POINTS) {
      for (const [a, da] of Object.entries(MODES)) {
        expect(da(stopGradient)(x), `${a} at ${x}`).toBe(0);
        for (const [b, db] of Object.entries(MODES)) {
          expect(db(da(stopGradient))(x), `${a} then ${b} at ${x}`).toBe(0);
        }
      }
    }
  });
});

describe('stopGradient inside functions, against closed forms', () => {
  it('d/dx [x · stop(x)] = x: only the first factor is differentiated', () => {
    const f = (x: Num) => mul(x, stopGradient(x));
    for (const x of POINTS) {
      for (const [name, d] of Object.entries(MODES)) expect(d(f)(x), `${name} at ${x}`).toBe(x);
      // the gradient is the other factor, stop(x), itself stopped: every higher derivative
      // is 0 (as in JAX), where x² would give 2
      expect(forward(reverse(f))(x)).toBe(0);
      expect(reverse(reverse(f))(x)).toBe(0);
      expect(reverse(forward(f))(x)).toBe(0);
    }
  });

  it('holds a target fixed in a loss: ∇(w − stop(2w))² = 2(w − 2w) = −2w', () => {
    const loss = (w: Num) => {
      const error = sub(w, stopGradient(mul(2, w)));
      return mul(error, error);
    };
    const free = (w: Num) => mul(sub(w, mul(2, w)), sub(w, mul(2, w))); // (−w)², gradient 2w
    for (const w of POINTS) {
      same(grad(loss)(w), -2 * w);
      same(jvp(loss, w, 1).tangent, -2 * w);
      same(grad(free)(w), 2 * w);
    }
  });

  it('blocks the cross terms of a Hessian: f = x²·stop(y) + stop(x)·y² has H = [[2y, 0], [0, 2x]], in all four nestings', () => {
    const f = ([x, y]: Num[]) =>
      add(
        mul(mul(x as Num, x as Num), stopGradient(y as Num)),
        mul(stopGradient(x as Num), mul(y as Num, y as Num)),
      );
    const g = (v: Num[]) => grad(f)(v);
    const e: [number, number][] = [
      [1, 0],
      [0, 1],
    ];
    for (const [x, y] of [
      [1.5, -2],
      [0.25, 3],
    ] as [number, number][]) {
      const byHand = [
        [2 * y, 0],
        [0, 2 * x],
      ];
      const at = ` at (${x}, ${y}): `;
      expectClose(grad(f)([x, y]), [2 * x * y, 2 * x * y], TOL.modes, `∇f${at}`);
      expectClose(hessian(f)([x, y]), byHand, TOL.modes, `forward over reverse${at}`);
      expectClose(jacrev(g)([x, y]), byHand, TOL.modes, `reverse over reverse${at}`);
      const ff = e.map((ei) =>
        e.map((ej) => jvp((v: Num[]) => jvp(f, v, ej).tangent, [x, y], ei).tangent),
      );
      expectClose(ff, byHand, TOL.modes, `forward over forward${at}`);
      const rf = e.map((ej) => grad((v: Num[]) => jvp(f, v, ej).tangent)([x, y]));
      expectClose(rf, byHand, TOL.modes, `reverse over forward${at}`);
    }
  });

  it('stops every level of a nested differentiation, as JAX does', () => {
    // d/dy [stop(x·y)·y] = stop(x·y) = x at y = 1; its derivative in x through the stop is 0.
    // Without the stop: d/dy [x·y·y] = 2xy = 2x at y = 1, whose derivative in x is 2.
    const stopped = (x: Num) => grad((y: Num) => mul(stopGradient(mul(x, y)), y))(1);
    const plain = (x: Num) => grad((y: Num) => mul(mul(x, y), y))(1);
    for (const x of POINTS) {
      for (const [name, d] of Object.entries(MODES)) {
        expect(stopped(x), `inner value at ${x}`).toBe(x);
        expect(d(stopped)(x), `${name} over reverse at ${x}`).toBe(0);
        expect(d(plain)(x), `${name} over reverse, no stop, at ${x}`).toBe(2);
        const inner = (x0: Num) => jvp((y: Num) => mul(stopGradient(mul(x0, y)), y), 1, 1).tangent;
        expect(d(inner)(x), `${name} over forward at ${x}`).toBe(0);
      }
    }
  });

  it('confuses no perturbations: a stop on the inner variable or on the captured outer one', () => {
    // d/dx [x · d/dy (x + stop(y))] = d/dx [x · 0] = 0
    const a = (x: Num) => mul(x, grad((y: Num) => add(x, stopGradient(y)))(1));
    // d/dx [x · d/dy (stop(x) + y)] = d/dx [x · 1] = 1
    const b = (x: Num) => mul(x, grad((y: Num) => add(stopGradient(x), y))(1));
    for (const [name, d] of Object.entries(MODES)) {
      expect(d(a)(1), name).toBe(0);
      expect(d(b)(1), name).toBe(1);
    }
  });

  it('works entry by entry on matrices: ∇ Σ W ⊙ stop(W) = W', () => {
    const w = matrix([
      [1, -2],
      [0.5, 3],
    ]);
    const f = (m: Mat) => sum(mul(m, stopGradient(m)));
    expect((grad(f)(w) as Matrix).toArray()).toEqual(w.toArray());
    const zeros = Array.from({ length: 4 }, () => [0, 0, 0, 0]);
    expect(jacfwd((m: Mat) => stopGradient(m))(w)).toEqual(zeros);
    expect(jacrev((m: Mat) => stopGradient(m))(w)).toEqual(zeros);
  });

  it('meets 0 · ∞ as any zero partial does (relu below 0): NaN in the mode that forms it', () => {
    // sqrt′(0) = ∞ meets the zero partial after it in reverse mode, before it in forward mode
    const after = (x: Num) => sqrt(stopGradient(x));
    const before = (x: Num) => stopGradient(sqrt(x));
    const asRelu = (x: Num) => sqrt(relu(sub(x, 0))); // relu′(0) = 0, relu(0) = 0
    expect(grad(after)(0)).toBeNaN();
    expect(grad(asRelu)(0)).toBeNaN();
    expect(jvp(after, 0, 1).tangent).toBe(0); // the zero tangent is skipped
    expect(jvp(before, 0, 1).tangent).toBeNaN();
    expect(grad(before)(0)).toBe(0); // the zero adjoint is skipped
  });
});

describe('stopGradient in the views of the toolkit', () => {
  const loss = ([w]: Num[]) => {
    const error = sub(w as Num, stopGradient(mul(2, w as Num)));
    return mul(error, error);
  };

  it('is an entry of the Wengert list with partial 0, and its rules render as 0', () => {
    const list = trace((x: Num) => mul(x, stopGradient(x)), 3);
    expect(list.entries[1]).toMatchObject({ op: 'stopGradient', value: 3, partials: [0] });
    expect(explain((x: Num) => mul(x, stopGradient(x)), 3).output).toContain('stop(w1)');
    expect(ruleLatex(stopGradient)).toMatchObject({
      op: 'y = \\operatorname{stop}(x)',
      partials: ['0'],
      forward: '\\dot{y} = 0',
    });
  });

  it('is replayed by compile: the target moves with w and is still not differentiated', () => {
    const step = compile(loss, [1]);
    for (const w of POINTS) {
      const { value, grad: g } = step([w]);
      same([value, ...g], [w * w, -2 * w]);
    }
  });

  it('is the identity in generated source, and its adjoint line adds nothing', () => {
    const source = adjointSource(loss, [1]);
    // biome-ignore lint/security/noGlobalEval: evaluating the generated source is the claim under test
    const run = globalThis.eval(source) as (x: number[]) => { value: number; grad: number[] };
    for (const w of POINTS) {
      const { value, grad: g } = run([w]);
      same([value, ...g], [w * w, -2 * w]);
    }
  });

  it('is a function of the expression language', () => {
    const f = parse('x * stopGradient(x)');
    for (const x of POINTS) expect(grad(f)([x])).toEqual([x]);
  });
});
