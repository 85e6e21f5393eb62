/** @file compile(f, x0): a replayed tape gives grad's answer at every other point, and refuses points where a recorded branch flips. */

import { test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import {
  add,
  compile,
  ge,
  grad,
  gt,
  le,
  lt,
  matrix,
  mul,
  type Num,
  relu,
  scalarRules,
  sub,
  sum,
  toNumber,
  withCost,
} from '../src/index.ts';
import { FAST_RULES } from '../src/reverse/replay.ts';
import { run, sample, vector } from './programs.ts';
import { asFunction, expectClose, rng, TOL, uniform } from './support.ts';

describe('a replay agrees with grad', () => {
  it.each(scalarRules.map((r) => [r.name, r] as const))(
    '%s, recorded at one point and replayed at others',
    (_name, rule) => {
      const f = (x: Num[]) => asFunction(rule)(x);
      const random = rng(4242 + rule.id);
      const point = () => rule.domain.map((interval) => uniform(random, interval));
      const compiled = compile(f, point());
      for (let s = 0; s < 5; s++) {
        const x = point();
        const { value, grad: g } = compiled(x);
        expect(value).toBe(toNumber(f(x)));
        expectClose(g, grad(f)(x), TOL.modes, `${rule.name} at ${x}`);
      }
    },
  );

  test.prop([sample, vector(4, [-4, 4])], { numRuns: 60 })(
    'random programs: compiled at x, replayed at another point x2',
    ({ p, x }, shift) => {
      const f = (v: Num[]) => run(p, v, true)[0] as Num;
      const x2 = x.map((xi, i) => xi + (shift[i] as number) / 4);
      const { value, grad: g } = compile(f, x)(x2);
      expect(value).toBe(toNumber(f(x2)));
      expectClose(g, grad(f)(x2), TOL.modes);
    },
  );

  it('a function of its inputs only through constants, and one that ignores an input', () => {
    expect(compile(() => 3, [1, 2])([5, 6])).toEqual({ value: 3, grad: [0, 0] });
    expect(compile(([x]: Num[]) => mul(x as Num, x as Num), [1, 2])([3, 4])).toEqual({
      value: 9,
      grad: [6, 0],
    });
  });

  it('relu and max need no recorded decision: their partials are recomputed where they are replayed', () => {
    const compiled = compile(([x]: Num[]) => relu(x as Num), [2]);
    expect(compiled([-1])).toEqual({ value: 0, grad: [0] });
    expect(compiled([3])).toEqual({ value: 3, grad: [1] });
  });

  it('counts each replay in the ledger: one sweep, every recorded application again', () => {
    const f = ([x, y]: Num[]) => sub(mul(5, mul(x as Num, x as Num)), mul(x as Num, y as Num));
    const compiled = compile(f, [2, 3]);
    const { result, cost } = withCost(() => compiled([1, 1]));
    expect(result).toEqual({ value: 4, grad: [10 - 1, -1] });
    expect(cost.primal).toBe(4); // mul, mul, mul, sub
    expect(cost.reverseSweeps).toBe(1);
    expect(cost.tapeEntries).toBe(0);
  });
});

describe("replay's inline fast cases equal their rules", () => {
  // Replay computes these ops inline rather than through the rule's record (see
  // Replay.forward); each form must give exactly the rule's primal and partials.
  it.each(FAST_RULES.map((r) => [r.name, r] as const))(
    '%s: on the tape, and with a constant on either side',
    (_name, rule) => {
      const random = rng(77 + rule.id);
      const point = () => rule.domain.map((interval) => uniform(random, interval));
      const op = asFunction(rule);
      const [c0, c1] = point() as [number, number];
      for (let s = 0; s < 20; s++) {
        const [a, b] = point() as [number, number];
        if (rule.arity === 1) {
          const y = rule.primal(a);
          expect(compile(op, [c0])([a])).toEqual({ value: y, grad: [rule.partial(a, y)] });
          continue;
        }
        const z = rule.primal(a, b);
        const [da, db] = rule.partials.map((d) => d(a, b, z));
        expect(compile(op, [c0, c1])([a, b])).toEqual({ value: z, grad: [da, db] });
        const withFirst = compile(([y]: Num[]) => op([a, y as Num]), [c1])([b]);
        expect(withFirst).toEqual({ value: z, grad: [db] });
        const withSecond = compile(([x]: Num[]) => op([x as Num, b]), [c0])([a]);
        expect(withSecond).toEqual({ value: z, grad: [da] });
      }
    },
  );
});

describe('branches', () => {
  // p(x) = x² for x > 0, −3x otherwise
  const p = ([x]: Num[]) => (gt(x as Num, 0) ? mul(x as Num, x as Num) : mul(-3, x as Num));

  it('replays on the side of the branch it was recorded on', () => {
    const compiled = compile(p, [2]);
    expect(compiled([0.5])).toEqual({ value: 0.25, grad: [1] });
  });

  it('throws, naming the comparison and both results, where the branch would flip', () => {
    const compiled = compile(p, [2]);
    expect(() => compiled([-1])).toThrow(
      /branch flips.*gt \(w1 = -1 > 0\) was true when f was recorded and is false now/,
    );
    expect(compile(p, [-2])([-5])).toEqual({ value: 15, grad: [-3] });
    expect(() => compile(p, [-2])([1])).toThrow(/was false when f was recorded and is true now/);
  });

  it.each([
    ['lt', lt, 1, 1.5, 2], // 2 < 2 is false: lt flips at the boundary itself
    ['le', le, 1, 2, 2.5], // 2 ≤ 2 still holds
    ['ge', ge, 3, 2, 1.5],
  ] as const)('%s flips exactly at its boundary', (name, compare, recorded, same, flipped) => {
    const f = ([x]: Num[]) => (compare(x as Num, 2) ? x : mul(2, x as Num)) as Num;
    const compiled = compile(f, [recorded]);
    expect(compiled([same]).grad, name).toEqual([1]);
    expect(() => compiled([flipped]), name).toThrow(new RegExp(`comparison ${name}`));
  });

  it('comparisons outside compile are plain booleans and leave nothing on the tape', () => {
    const f = ([x]: Num[]) => (gt(x as Num, 0) ? x : 0) as Num;
    expect(grad(f)([2])).toEqual([1]);
    expect(withCost(() => grad(f)([2])).cost.tapeEntries).toBe(1);
    expect(lt(1, 2)).toBe(true);
  });
});

describe('what compile refuses', () => {
  it('a decision made with toNumber, which replay could not check', () => {
    const f = ([x]: Num[]) => (toNumber(x as Num) > 0 ? x : 0) as Num;
    expect(() => compile(f, [1])).toThrow(
      /compile: f read a traced value as a number.*lt, le, gt, ge/,
    );
    expect(grad(f)([1])).toEqual([1]); // grad itself is fine with it
  });

  it('matrices, array outputs, and a replay with the wrong number of inputs', () => {
    expect(() => compile(([x]: Num[]) => sum(mul(x as Num, matrix([[1, 2]]))), [1])).toThrow(
      /matrices are not supported/,
    );
    expect(() => compile((x: Num[]) => x as unknown as Num, [1, 2])).toThrow(/returned an array/);
    expect(() => compile(([x]: Num[]) => add(x as Num, 1), [1])([1, 2])).toThrow(
      /recorded with 1 inputs, got 2/,
    );
    expect(() => compile(([x]: Num[]) => x as Num, 1 as never)).toThrow(/array of plain numbers/);
  });
});
