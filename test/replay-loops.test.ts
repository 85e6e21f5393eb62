/**
 * @file compile's replay runs loops written out for each recording
 * (reverse/replay-loops.ts), or, where `new Function` is refused as under a
 * Content-Security-Policy, Replay's own methods. The two must give the same
 * numbers exactly (Object.is: −0, NaN and ∞ count), for every scalar rule,
 * at random and special points, and on random programs.
 */

import { test } from '@fast-check/vitest';
import { afterEach, describe, expect, it } from 'vitest';
import { type Compiled, compile, lt, mul, type Num, scalarRules, sub } from '../src/index.ts';
import { run, sample, vector } from './programs.ts';
import { asFunction, expectSameNumbers, rng, uniform } from './support.ts';

const realFunction = globalThis.Function;

/** compile(f, x0) made while `new Function` throws an EvalError, as a strict policy makes it. */
function compileWithoutEval<X extends readonly Num[]>(
  f: (x: X) => Num,
  x0: readonly number[],
): Compiled {
  globalThis.Function = function refused() {
    throw new EvalError("Refused to evaluate a string as JavaScript: 'unsafe-eval' is not allowed");
  } as unknown as FunctionConstructor;
  try {
    return compile(f as (x: readonly Num[]) => Num, x0 as never);
  } finally {
    globalThis.Function = realFunction;
  }
}

afterEach(() => {
  globalThis.Function = realFunction;
});

/** The value and gradient of both replays at x, equal under Object.is, entry for entry. */
function expectSameReplay(loops: Compiled, methods: Compiled, x: readonly number[]): void {
  const [a, b] = [loops(x), methods(x)];
  const numbers = (r: { value: number; grad: number[] }) => [r.value, ...r.grad];
  expectSameNumbers(numbers(a), numbers(b), `at ${x}, the loops against the methods`);
}

const SPECIAL = [
  0,
  -0,
  1,
  -1,
  2,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  Number.NEGATIVE_INFINITY,
  1e308,
];

describe('the written-out loops and the methods give the same replay', () => {
  it.each(scalarRules.map((r) => [r.name, r] as const))(
    '%s, at random and special points',
    (_name, rule) => {
      // the rule, then a product and a difference of its result: rows of fast ops beside its own
      const op = asFunction(rule);
      const f = (x: Num[]) => {
        const y = op(x);
        return sub(mul(y, x[0] as Num), mul(2, y));
      };
      const random = rng(900 + rule.id);
      const point = () => rule.domain.map((interval) => uniform(random, interval));
      const x0 = point();
      const [loops, methods] = [compile(f, x0), compileWithoutEval(f, x0)];
      const points = [
        ...Array.from({ length: 10 }, point),
        ...SPECIAL.flatMap((a) => SPECIAL.map((b) => [a, b].slice(0, rule.arity))),
      ];
      for (const x of points) expectSameReplay(loops, methods, x);
    },
  );

  test.prop([sample, vector(4, [-4, 4])], { numRuns: 40 })(
    'random programs, replayed at another point',
    ({ p, x }, shift) => {
      const f = (v: Num[]) => run(p, v, true)[0] as Num;
      const x2 = x.map((xi, i) => xi + (shift[i] as number) / 4);
      expectSameReplay(compile(f, x), compileWithoutEval(f, x), x2);
    },
  );

  it('compile writes its loops with new Function once per recording, and replays with them', () => {
    let written = 0;
    globalThis.Function = new Proxy(realFunction, {
      construct(target, args) {
        written++;
        return Reflect.construct(target, args);
      },
    });
    const f = ([x, y]: Num[]) => sub(mul(x as Num, y as Num), x as Num);
    const compiled = compile(f, [1, 2]);
    globalThis.Function = realFunction;
    expect(written).toBe(1);
    expect(compiled([3, 4])).toEqual({ value: 9, grad: [3, 3] });
  });

  it('where new Function is refused, a branch that flips is still reported', () => {
    const f = ([x]: Num[]) => (lt(x as Num, 0) ? mul(-1, x as Num) : (x as Num));
    expect(compileWithoutEval(f, [2])([3])).toEqual({ value: 3, grad: [1] });
    expect(() => compileWithoutEval(f, [2])([-3])).toThrow('a branch flips at this point');
  });
});
