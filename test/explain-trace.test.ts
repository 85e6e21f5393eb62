/**
 * @file trace and the two sweeps: the worked example 5x² − xy checked against numbers
 * worked out by hand, and every list cross-checked against the engine (vjp, jvp, the
 * registry's primals) on a catalog and on random programs.
 */

import { test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import {
  add,
  forwardSweep,
  grad,
  jvp,
  mul,
  type Num,
  registry,
  reverseSweep,
  type ScalarPrimitiveName,
  type ScalarRule,
  sin,
  trace,
  vjp,
  type WengertList,
} from '../src/index.ts';
import { asVector, CASES, workedMul, workedPow } from './explain-catalog.ts';
import { run, sample } from './programs.ts';
import { expectClose, TOL } from './support.ts';

/** Fixed seed for the random programs, so that a failure is reproducible. */
const SEED = 20_240_611;
const RUNS = 200;

const inputsOf = (list: WengertList) => list.entries.filter((e) => e.op === 'input');

describe('the worked example f(x, y) = 5x² − xy at (2, 3)', () => {
  const [x, y] = [2, 3];
  // The SSA by hand: w1 = x, w2 = y, w3 = x², w4 = 5·w3, w5 = w1·w2, w6 = w4 − w5.
  const w = [x, y, x * x, 5 * x * x, x * y, 5 * x * x - x * y];
  const forms = [
    { form: 'mul(x, x)', f: workedMul, ops: ['input', 'input', 'mul', 'mul', 'mul', 'sub'] },
    { form: 'pow(x, 2)', f: workedPow, ops: ['input', 'input', 'pow', 'mul', 'mul', 'sub'] },
  ] as const;

  describe.each(forms)('written with $form', ({ f, ops: expectedOps }) => {
    const list = trace(f, [x, y]);

    it('lists the inputs, then one entry per op, with the values of the SSA above', () => {
      expect(list.entries.map((e) => e.op)).toEqual(expectedOps);
      expect(list.entries.map((e) => e.value)).toEqual(w);
      expect(list.entries.map((e) => e.index)).toEqual([0, 1, 2, 3, 4, 5]);
      expect(inputsOf(list).map((e) => e.label)).toEqual(['x', 'y']);
      expect(list.outputs).toEqual([{ kind: 'entry', index: 5 }]);
      expect(list.isArray).toBe(false);
    });

    it('keeps the constant 5 as an operand of w4 = 5·w3', () => {
      expect(list.entries[3]?.operands).toEqual([
        { kind: 'constant', value: 5 },
        { kind: 'entry', index: 2 },
      ]);
      expect(list.entries[3]?.partials[1]).toBe(5);
    });

    it('gives w̄1 = 10x − y = 17 as the sum of what the two later uses of x sent it', () => {
      const sweep = reverseSweep(list, [1]);
      const received = sweep.contributions[0] ?? [];
      // x feeds w3 (x²) and w5 (x·y); nothing else.
      expect(new Set(received.map((c) => c.from))).toEqual(new Set([2, 4]));
      const fromSquare = received.filter((c) => c.from === 2).reduce((s, c) => s + c.amount, 0);
      const fromProduct = received.filter((c) => c.from === 4).reduce((s, c) => s + c.amount, 0);
      expect(fromSquare).toBe(2 * 5 * x); // ∂(5x²)/∂x along w3
      expect(fromProduct).toBe(-y); // ∂(−xy)/∂x along w5
      expect(received.reduce((s, c) => s + c.amount, 0)).toBe(10 * x - y);
      expect(sweep.adjoints[0]).toBe(17);
      expect(sweep.adjoints[1]).toBe(-x);
      expect(sweep.adjoints[1]).toBe(-2);
      for (const c of received) expect(c.amount).toBe(c.partial * c.adjoint);
    });

    it('ends the forward sweep along (1, 0) at ∂f/∂x = 17', () => {
      const sweep = forwardSweep(list, [1, 0]);
      expect(sweep.tangents[5]).toBe(10 * x - y);
      expect(sweep.tangents[5]).toBe(17);
      expect(forwardSweep(list, [0, 1]).tangents[5]).toBe(-x);
    });
  });

  it('with pow(x, 2), w̄1 receives exactly two contributions, −3 from w5 then 20 from w3', () => {
    const sweep = reverseSweep(trace(workedPow, [x, y]), [1]);
    const received = sweep.contributions[0] ?? [];
    expect(received.map(({ from, amount }) => ({ from, amount }))).toEqual([
      { from: 4, amount: -y },
      { from: 2, amount: 2 * x * 5 },
    ]);
  });

  it('with mul(x, x), w3 uses x twice, so it sends w̄1 one contribution per operand', () => {
    const sweep = reverseSweep(trace(workedMul, [x, y]), [1]);
    const received = sweep.contributions[0] ?? [];
    expect(received.map(({ from, operand, amount }) => ({ from, operand, amount }))).toEqual([
      { from: 4, operand: 0, amount: -y },
      { from: 2, operand: 0, amount: x * 5 },
      { from: 2, operand: 1, amount: x * 5 },
    ]);
  });
});

/** What each output's tangent is in a forward sweep (0 for a constant output). */
function outputTangents(list: WengertList, direction: readonly number[]): number[] {
  const { tangents } = forwardSweep(list, direction);
  return list.outputs.map((o) => (o.kind === 'entry' ? (tangents[o.index] as number) : 0));
}

/** The input adjoints of a reverse sweep: Jᵀ·seed. */
function inputAdjoints(list: WengertList, seed: readonly number[]): number[] {
  const { adjoints } = reverseSweep(list, seed);
  return inputsOf(list).map((e) => adjoints[e.index] as number);
}

/** Each entry's value against its op's registry primal on its operands' values. */
function expectValuesFromPrimals(list: WengertList): void {
  for (const entry of list.entries) {
    if (entry.op === 'input') continue;
    const operands = entry.operands.map((o) =>
      o.kind === 'entry' ? (list.entries[o.index]?.value as number) : o.value,
    );
    // the catalog and the random programs use built-in primitives only
    const rule = registry[entry.op as ScalarPrimitiveName] as ScalarRule;
    expect(operands.length, `w${entry.index + 1}: operands`).toBe(rule.arity);
    const value =
      rule.arity === 1
        ? rule.primal(operands[0] as number)
        : rule.primal(operands[0] as number, operands[1] as number);
    expect(entry.value, `w${entry.index + 1} = ${entry.op}(${operands.join(', ')})`).toBe(value);
    entry.operands.forEach((o, i) => {
      if (o.kind === 'entry') expect(o.index).toBeLessThan(entry.index);
      else expect(entry.partials[i]).toBeNaN();
    });
  }
}

/** The three cross-checks, with seed `u` and direction `v`. */
function crossCheck(
  f: (x: Num[]) => Num[],
  list: WengertList,
  x: readonly number[],
  v: readonly number[],
  u: readonly number[],
  tol: number,
): void {
  expectValuesFromPrimals(list);
  expectClose(inputAdjoints(list, u), vjp(f, [...x]).pullback([...u]), tol, 'reverse sweep vs vjp');
  expectClose(outputTangents(list, v), jvp(f, [...x], [...v]).tangent, tol, 'forward sweep vs jvp');
}

describe('the sweeps agree with the engine on the catalog', () => {
  it.each(CASES)('$name', (c) => {
    const list = trace(c.f, c.at);
    const f = asVector(c);
    const m = list.outputs.length;
    const n = c.at.length;
    expect(inputsOf(list)).toHaveLength(n);
    expect(list.isArray).toBe(Array.isArray(c.f(c.at)));
    // Every unit direction and seed (one column and one row of J each), then mixed ones.
    for (let j = 0; j < n; j++) {
      const e = Array.from({ length: n }, (_, i) => +(i === j));
      expectClose(outputTangents(list, e), jvp(f, [...c.at], e).tangent, TOL.modes, `column ${j}`);
    }
    for (let k = 0; k < m; k++) {
      const e = Array.from({ length: m }, (_, i) => +(i === k));
      expectClose(inputAdjoints(list, e), vjp(f, [...c.at]).pullback(e), TOL.modes, `row ${k}`);
    }
    const v = Array.from({ length: n }, (_, i) => 0.5 - 0.3 * i);
    const u = Array.from({ length: m }, (_, i) => 1.25 - 0.6 * i);
    crossCheck(f, list, c.at, v, u, TOL.modes);
  });
});

describe('the sweeps agree with the engine on random programs', () => {
  test.prop([sample], { seed: SEED, numRuns: RUNS })(
    'values from the primals, reverse sweep = vjp pullback, forward sweep = jvp',
    ({ p, x, v, u }) => {
      const f = (xs: Num[]) => run(p, xs, true);
      crossCheck(f, trace(f, x), x, v, u, TOL.programs);
    },
  );
});

describe('nested use', () => {
  // g(a, b) = a²b, ∇g = (2ab, a²); f(x, y) = 2xy + x², ∇f = (2y + 2x, 2x).
  const inner = ([a, b]: readonly [Num, Num]) => mul(mul(a, a), b);
  const outer = ([x, y]: readonly [Num, Num]) => {
    const [gx, gy] = grad(inner)([x, y]) as [Num, Num];
    return add(gx, gy);
  };

  it('a traced function that calls grad inside lists plain numbers, and its sweeps differentiate it', () => {
    const [x, y] = [2, 3];
    const list = trace(outer, [x, y]);
    for (const entry of list.entries) {
      expect(typeof entry.value).toBe('number');
      for (const d of entry.partials) expect(typeof d).toBe('number');
      for (const o of entry.operands)
        if (o.kind === 'constant') expect(typeof o.value).toBe('number');
    }
    const output = list.outputs[0];
    expect(output?.kind).toBe('entry');
    if (output?.kind === 'entry') expect(list.entries[output.index]?.value).toBe(2 * x * y + x * x);
    expectValuesFromPrimals(list);
    expect(inputAdjoints(list, [1])).toEqual([2 * y + 2 * x, 2 * x]);
    expect(outputTangents(list, [0, 1])).toEqual([2 * x]);
  });

  // trace records on its own tape; when its inputs belong to an outer transform,
  // its partials are that transform's values and the tape keeps them boxed.
  const innerFn = ([a]: readonly [Num]) => mul(sin(a), a);
  const t = 1.1;
  const expectPlainList = (list: WengertList | undefined) => {
    expect(list?.entries.map((e) => e.value)).toEqual([t, Math.sin(t), Math.sin(t) * t]);
    expect(list?.entries.map((e) => e.partials)).toEqual([[], [Math.cos(t)], [t, Math.sin(t)]]);
    if (list !== undefined)
      expect(inputAdjoints(list, [1])).toEqual([Math.cos(t) * t + Math.sin(t)]);
  };

  it.each([
    ['grad', (f: (x: Num) => Num) => grad(f)(t)],
    ['jvp', (f: (x: Num) => Num) => jvp(f, t, 1).tangent],
  ] as const)(
    'trace called inside %s lists plain numbers and the right partials',
    (_, outerMode) => {
      let list: WengertList | undefined;
      const f = (x: Num) => {
        list = trace(innerFn, [x]);
        return mul(x, x);
      };
      expect(outerMode(f)).toBe(2 * t);
      expectPlainList(list);
    },
  );
});
