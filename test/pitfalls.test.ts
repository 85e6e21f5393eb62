/** @file The pitfall gallery (docs chapter 12, notebook 12), each pitfall as a test: what goes wrong, and what wengert does about it. */

import { describe, expect, it } from 'vitest';
import {
  abs,
  add,
  adjointSource,
  compile,
  div,
  eq,
  grad,
  gradcheck,
  gt,
  jvp,
  log,
  max,
  mul,
  type Num,
  reverseSweep,
  sin,
  sqrt,
  type Tracer,
  toNumber,
  trace,
} from '../src/index.ts';

describe('the pitfalls', () => {
  it('1: a value used twice gets both contributions (+=); overwriting keeps one', () => {
    const sweep = reverseSweep(
      trace((x: Num) => mul(x, sin(x)), 1),
      [1],
    );
    const amounts = (sweep.contributions[0] ?? []).map((c) => c.amount);
    expect(amounts).toEqual([Math.sin(1), Math.cos(1)]);
    expect(sweep.adjoints[0]).toBeCloseTo(Math.sin(1) + Math.cos(1), 15);
    // `=` keeps only the last contribution, cos 1: it misses the sin 1 of the first use
    expect((sweep.adjoints[0] as number) - (amounts.at(-1) as number)).toBeCloseTo(Math.sin(1), 15);
  });

  it('2: === and truthiness see the traced object; eq and toNumber see the number', () => {
    let seen: [boolean, boolean] = [true, false];
    grad((x: Num) => {
      seen = [x === 0, Boolean(x)];
      return x;
    })(0);
    expect(seen).toEqual([false, true]);
    expect(grad((x: Num) => (x === 0 ? 1 : div(sin(x), x)))(0)).toBeNaN();
    expect(grad((x: Num) => (eq(x, 0) ? 1 : div(sin(x), x)))(0)).toBe(0);
    expect(grad((x: Num) => (toNumber(x) === 0 ? 1 : div(sin(x), x)))(0)).toBe(0);
    // typed as Tracer, `x === 0` does not compile (npm test type-checks this file)
    // @ts-expect-error: the types 'Tracer' and 'number' have no overlap
    const typed = (x: Tracer) => (x === 0 ? 1 : div(sin(x), x));
    expect(grad(typed)(1)).toBeCloseTo(Math.cos(1) - Math.sin(1), 15);
  });

  it('3: nested derivatives do not confuse perturbations, in any nesting', () => {
    const D = (h: (v: Num) => Num) => (v: Num) => jvp(h, v, 1).tangent;
    const R = (h: (v: Num) => Num) => (v: Num) => grad(h)(v);
    for (const [outer, inner] of [
      [D, D],
      [D, R],
      [R, D],
      [R, R],
    ] as const) {
      expect(outer((x) => mul(x, inner((y) => add(x, y))(1)))(1)).toBe(1);
    }
  });

  it('4: a replay at another branch is refused; the same program without its guard is wrong', () => {
    const f = ([x]: Num[]) =>
      (gt(x as Num, 0) ? mul(x as Num, x as Num) : mul(-3, x as Num)) as Num;
    expect(() => compile(f, [1])([-5])).toThrow(/comparison gt \(w1 = -5 > 0\) was true/);
    const unguarded = adjointSource(f, [1])
      .split('\n')
      .filter((line) => !line.includes('a branch flips'))
      .join('\n');
    const blind = new Function(`return ${unguarded}`)() as (x: number[]) => { grad: number[] };
    expect(blind([-5]).grad).toEqual([-10]); // x² differentiated at −5
    expect(grad(f)([-5])).toEqual([-3]);
  });

  it('5: kinks and domain edges give what the rule and IEEE arithmetic say', () => {
    expect(grad((x: Num) => abs(x))(0)).toBe(0);
    expect(grad(([x, y]: Num[]) => max(x as Num, y as Num))([1, 1])).toEqual([0.5, 0.5]);
    expect(grad((x: Num) => log(x))(0)).toBe(Number.POSITIVE_INFINITY);
    expect(grad((x: Num) => sqrt(x))(0)).toBe(Number.POSITIVE_INFINITY);
    expect(grad((x: Num) => div(x, x))(0)).toBeNaN();
  });

  it('6: plain JavaScript arithmetic on a traced value is a TypeError', () => {
    expect(() => grad((x: Num) => (x as unknown as number) * 2)(1)).toThrow(TypeError);
    expect(() => grad((x: Num) => Math.sin(x as unknown as number))(1)).toThrow(
      /plain JavaScript arithmetic/,
    );
  });

  it('7: differences need a step and a tolerance; AD is exact here', () => {
    expect(grad((x: Num) => sin(x))(1)).toBe(Math.cos(1));
    const forward = (h: number) => (Math.sin(1 + h) - Math.sin(1)) / h - Math.cos(1);
    expect(Math.abs(forward(1e-8))).toBeLessThan(Math.abs(forward(1e-14))); // cancellation
    expect(gradcheck((x: Num) => sin(x), 1).ok).toBe(true);
    expect(gradcheck((x: Num) => sin(x), 1, { eps: 1e-14 }).ok).toBe(false);
  });
});
