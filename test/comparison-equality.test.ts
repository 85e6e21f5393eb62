/** @file eq and ne: they compare a traced value's number (which === cannot), follow the branch in every mode, and are recorded by compile and the generated source. */

import { describe, expect, it } from 'vitest';
import {
  adjointSource,
  compile,
  div,
  eq,
  grad,
  hessian,
  jvp,
  mul,
  type Num,
  ne,
  sin,
} from '../src/index.ts';

const sinc = (x: Num) => (eq(x, 0) ? 1 : div(sin(x), x));

describe('eq and ne', () => {
  it('compare numbers, traced or not', () => {
    expect([eq(1, 1), eq(1, 2), ne(1, 1), ne(1, 2)]).toEqual([true, false, false, true]);
    expect(grad((x: Num) => (eq(x, 2) ? mul(x, 10) : x))(2)).toBe(10);
    expect(jvp((x: Num) => (ne(x, 2) ? mul(x, 10) : x), 2, 1).tangent).toBe(1);
  });

  it('where === sees a traced value, not its number', () => {
    const strict = (x: Num) => (x === 0 ? 1 : div(sin(x), x));
    expect(grad(strict)(0)).toBeNaN(); // 0/0 on the branch === could not skip
    expect(grad(sinc)(0)).toBe(0);
    expect(hessian((p: Num[]) => sinc(p[0] as Num))([0])).toEqual([[0]]);
  });

  it('are recorded by compile, which refuses a replay where they flip', () => {
    const f = ([x]: Num[]) => (eq(x as Num, 1) ? mul(x as Num, 5) : x) as Num;
    const at1 = compile(f, [1]);
    expect(at1([1]).grad).toEqual([5]);
    expect(() => at1([2])).toThrow(/comparison eq \(w1 = 2 = 1\) was true/);
    const g = ([x]: Num[]) => (ne(x as Num, 1) ? mul(x as Num, 5) : x) as Num;
    expect(() => compile(g, [2])([1])).toThrow(/comparison ne \(w1 = 1 ≠ 1\) was true/);
  });

  it('become === and !== guards in the generated source', () => {
    const f = ([x]: Num[]) => (eq(x as Num, 1) ? mul(x as Num, 5) : x) as Num;
    expect(adjointSource(f, [1])).toMatch(/=== 1/);
  });
});
