/** @file adjointSource and tangentSource: the generated programs, evaluated, give grad's and jvp's answers wherever f takes the same branches. */

import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import {
  add,
  adjointSource,
  compile,
  div,
  gt,
  jvp,
  le,
  log,
  matrix,
  max,
  mul,
  type Num,
  neg,
  parse,
  pow,
  registry,
  relu,
  scalarRules,
  sin,
  sub,
  sum,
  tangentSource,
  toNumber,
  valueAndGrad,
} from '../src/index.ts';
import { type Node, numberNode } from '../src/symbolic/node.ts';
import { plainName } from '../src/symbolic/render.ts';
import { PRIMAL_SOURCE, toSource } from '../src/symbolic/typescript.ts';
import { type Program, run, sample, vector } from './programs.ts';
import { rng, uniform } from './support.ts';

type Gradient = (x: number | number[]) => { value: number; grad: number | number[] };
type Tangent = (
  x: number | number[],
  dx: number | number[],
) => { value: number | number[]; tangent: number | number[] };

/** `(0, eval)(source)`: what the issue promises works, evaluated in the global scope. */
// biome-ignore lint/security/noGlobalEval: evaluating the generated source is the claim under test
const evaluate = <T>(source: string): T => globalThis.eval(source) as T;

/** |a − b| ≤ 1e-12 · |b| (NaN equals NaN, an infinity itself, 0 only ±0). */
function expectRelative(actual: unknown, expected: unknown, label: string): void {
  const as = [actual].flat() as number[];
  const bs = [expected].flat() as number[];
  expect(as.length, label).toBe(bs.length);
  bs.forEach((b, i) => {
    const a = as[i] as number;
    const ok = Number.isNaN(b)
      ? Number.isNaN(a)
      : a === b || Math.abs(a - b) <= 1e-12 * Math.abs(b);
    expect(ok, `${label}[${i}]: ${a} vs ${b}`).toBe(true);
  });
}

const SEED = 20261130;
const RUNS = 200;

describe('the worked example 5x² − xy', () => {
  const f = ([x, y]: Num[]) => sub(mul(5, mul(x as Num, x as Num)), mul(x as Num, y as Num));
  // The math: w3 = w1·w1, w4 = 5·w3, w5 = w1·w2, w6 = w4 − w5. Backwards from
  // w̄6 = 1: w̄4 += w̄6, w̄5 −= w̄6; w̄1 += w̄5·w2, w̄2 += w̄5·w1; w̄3 += 5·w̄4;
  // and w1 is used twice by w3, so w̄1 receives w̄3·w1 twice.
  const expected = [
    '(x) => {',
    'const w1 = x[0];',
    'const w2 = x[1];',
    'const w3 = w1 * w1;',
    'const w4 = 5 * w3;',
    'const w5 = w1 * w2;',
    'const w6 = w4 - w5;',
    'let w6_bar = 1;',
    'let w1_bar = 0, w2_bar = 0, w3_bar = 0, w4_bar = 0, w5_bar = 0;',
    'w4_bar += w6_bar; w5_bar -= w6_bar;',
    'if (w5_bar !== 0) { w1_bar += w5_bar * w2; w2_bar += w5_bar * w1; }',
    'w3_bar += 5 * w4_bar;',
    'if (w3_bar !== 0) { w1_bar += w3_bar * w1; w1_bar += w3_bar * w1; }',
    'return { value: w6, grad: [w1_bar, w2_bar] };',
    '}',
  ];
  const source = adjointSource(f, [2, 3]);
  /** The statements, without comments and the length check. */
  const statements = source
    .split('\n')
    .map((line) => line.replace(/\s*\/\/.*$/, '').trim())
    .filter((line) => line !== '' && !line.startsWith('if (x.length'));

  it('is the forward sweep, then one reverse line per entry, as derived by hand', () => {
    expect(statements).toEqual(expected);
  });

  it('comments each reverse line with its rule, and each input with its name', () => {
    expect(source).toContain('// w3 = w1·w1: w̄1 += w̄3·w1, w̄1 += w̄3·w1');
    expect(source).toContain('// w6 = w4 - w5: w̄4 += w̄6, w̄5 -= w̄6');
    expect(source).toContain('const w1 = x[0]; // x');
    expect(adjointSource(f, [2, 3], { names: ['a', 'b'] })).toContain('const w2 = x[1]; // b');
  });

  it('evaluates to f = 14 and ∇f = (10x − y, −x) = (17, −2), and works at any other point', () => {
    const g = evaluate<Gradient>(source);
    expect(g([2, 3])).toEqual({ value: 14, grad: [17, -2] });
    expect(g([-1, 4])).toEqual({ value: 5 + 4, grad: [-10 - 4, 1] });
  });

  it('from the expression language: x^2 is pow, whose partial is written 2 * w1', () => {
    const p = parse('5*x^2 - x*y');
    const text = adjointSource(p, [2, 3], { names: p.variables });
    expect(text).toContain('const w3 = Math.pow(w1, 2);');
    expect(text).toContain('w1_bar += w3_bar * (2 * w1);');
    expect(evaluate<Gradient>(text)([2, 3])).toEqual({ value: 14, grad: [17, -2] });
  });

  it('has a tangent program: ẇ6 = 10x·ẋ − (y·ẋ + x·ẏ)', () => {
    const t = tangentSource(f, [2, 3]);
    expect(t).toContain('const w6_dot = w4_dot - w5_dot;');
    expect(t).toContain('const w4_dot = 5 * w3_dot;');
    const jv = evaluate<Tangent>(t);
    expect(jv([2, 3], [1, 0])).toEqual({ value: 14, tangent: 17 });
    expect(jv([2, 3], [0, 1])).toEqual({ value: 14, tangent: -2 });
  });
});

/** A program's first output, as a scalar function for grad. */
const scalar = (p: Program) => (x: Num[]) => run(p, x, true)[0] as Num;
const vectorOf = (p: Program) => (x: Num[]) => run(p, x, true);

describe('random programs over every primitive', () => {
  test.prop([sample, vector(4, [-4, 4])], { seed: SEED, numRuns: RUNS })(
    'adjointSource evaluates to valueAndGrad at the recording point and at another',
    ({ p, x }, shift) => {
      const f = scalar(p);
      const g = evaluate<Gradient>(adjointSource(f, x));
      const x2 = x.map((xi, i) => xi + (shift[i] as number));
      for (const at of [x, x2]) {
        const want = valueAndGrad(f)(at);
        const got = g(at);
        expectRelative(got.value, want.value, `value at ${at}`);
        expectRelative(got.grad, want.grad, `grad at ${at}`);
      }
    },
  );

  test.prop([sample, vector(4, [-4, 4])], { seed: SEED + 1, numRuns: RUNS })(
    'tangentSource evaluates to jvp, every output, at the recording point and at another',
    ({ p, x, v }, shift) => {
      const f = vectorOf(p);
      const jv = evaluate<Tangent>(tangentSource(f, x));
      const x2 = x.map((xi, i) => xi + (shift[i] as number));
      for (const at of [x, x2]) {
        const want = jvp(f, at, v);
        const got = jv(at, v);
        expectRelative(got.value, want.primal, `value at ${at}`);
        expectRelative(got.tangent, want.tangent, `tangent at ${at}`);
      }
    },
  );

  // The same programs with a branch: which output f returns depends on gt.
  const branching = (p: Program, pivot: number) => (x: Num[]) => {
    const [y, ...rest] = run(p, x, true) as [Num, ...Num[]];
    const other = rest[0] ?? sin(x[0] as Num);
    return gt(y, pivot) ? mul(y, other) : sub(other, y);
  };

  test.prop([sample, vector(4, [-4, 4]), fc.double({ min: -1, max: 1, noNaN: true })], {
    seed: SEED + 2,
    numRuns: RUNS,
  })(
    'with a gt branch: the source throws exactly where compile does, and agrees elsewhere',
    ({ p, x }, shift, pivot) => {
      const f = branching(p, pivot);
      const g = evaluate<Gradient>(adjointSource(f, x));
      const replay = compile(f, x);
      const x2 = x.map((xi, i) => xi + (shift[i] as number));
      let flips = false;
      try {
        replay(x2);
      } catch {
        flips = true;
      }
      if (flips) {
        expect(() => g(x2)).toThrow(
          /adjointSource: a branch flips at this point: the comparison gt/,
        );
        return;
      }
      const want = valueAndGrad(f)(x2);
      const got = g(x2);
      expectRelative(got.value, want.value, 'value');
      expectRelative(got.grad, want.grad, 'grad');
    },
  );
});

describe('branches', () => {
  // p(x, y) = x·y where x > y, sin x elsewhere
  const p = ([x, y]: Num[]) => (gt(x as Num, y as Num) ? mul(x as Num, y as Num) : sin(x as Num));

  it('a guard throws where the branch flips, naming the comparison and the values', () => {
    const g = evaluate<Gradient>(adjointSource(p, [2, 1]));
    expect(g([3, 2])).toEqual({ value: 6, grad: [2, 3] });
    expect(() => g([0, 1])).toThrow(
      'wengert: adjointSource: a branch flips at this point: the comparison gt (w1 = 0 > w2 = 1) ' +
        'was true when the source was generated and is false now',
    );
    const other = evaluate<Gradient>(adjointSource(p, [0, 1]));
    expect(other([1, 2])).toEqual({ value: Math.sin(1), grad: [Math.cos(1), 0] });
    expect(() => other([2, 1])).toThrow(/was false when the source was generated and is true now/);
  });

  it('a comparison with a constant, and le at its boundary; tangentSource guards the same way', () => {
    const q = ([x]: Num[]) => (le(x as Num, 2) ? mul(3, x as Num) : x) as Num;
    const g = evaluate<Gradient>(adjointSource(q, [1]));
    expect(g([2])).toEqual({ value: 6, grad: [3] });
    expect(() => g([2.5])).toThrow(/the comparison le \(w1 = 2.5 <= 2\) was true/);
    const t = evaluate<Tangent>(tangentSource(q, [1]));
    expect(t([2], [1])).toEqual({ value: 6, tangent: 3 });
    expect(() => t([3], [1])).toThrow(/tangentSource: a branch flips.*or use jvp/);
  });

  it('piecewise rules need no guard: abs, relu, max and min choose where the code runs', () => {
    const f = ([x, y]: Num[]) => add(relu(x as Num), max(x as Num, y as Num));
    const g = evaluate<Gradient>(adjointSource(f, [1, 0]));
    for (const at of [
      [1, 0],
      [-1, 0],
      [0, 2],
      [2, 2],
    ]) {
      expect(g(at), String(at)).toEqual(valueAndGrad(f)(at));
    }
  });
});

describe('IEEE corners: the source follows the engine', () => {
  it('an adjoint of 0 adds nothing, so a clamped log at 0 has gradient 0, not NaN', () => {
    const f = ([x]: Num[]) => max(log(x as Num), -10);
    const g = evaluate<Gradient>(adjointSource(f, [1]));
    expect(valueAndGrad(f)([0])).toEqual({ value: -10, grad: [0] });
    expect(g([0])).toEqual({ value: -10, grad: [0] });
  });

  it('a tangent of 0 adds nothing: ∂/∂y of log x + y at x = 0 is 1', () => {
    const f = ([x, y]: Num[]) => add(log(x as Num), y as Num);
    const t = evaluate<Tangent>(tangentSource(f, [1, 1]));
    expect(jvp(f, [0, 1], [0, 1]).tangent).toBe(1);
    expect(t([0, 1], [0, 1])).toEqual({ value: -Infinity, tangent: 1 });
  });

  it('constants are written as JavaScript reads them back: negative, tiny, -0, Infinity', () => {
    const f = ([x]: Num[]) =>
      add(
        add(sub(x as Num, -2.5), div(1e-300, x as Num)),
        add(mul(-0, x as Num), pow(x as Num, -1)),
      );
    const g = evaluate<Gradient>(adjointSource(f, [0.75]));
    expectRelative(g([0.75]).grad, valueAndGrad(f)([0.75]).grad, 'grad');
    expect(adjointSource((x: Num) => add(x, Infinity), 1)).toContain('w1 + Infinity');
  });

  it('one number in, one number out: x is read as a number and grad is a number', () => {
    const g = evaluate<Gradient>(adjointSource((x: Num) => neg(sin(x)), 0));
    expect(g(0)).toEqual({ value: -0, grad: -1 });
    expect(evaluate<Gradient>(adjointSource(() => 7, [1, 2]))([3, 4])).toEqual({
      value: 7,
      grad: [0, 0],
    });
  });
});

describe('what the generated source refuses', () => {
  const f = ([x, y]: Num[]) => mul(x as Num, y as Num);

  it('several outputs for the adjoint (grad of a scalar), naming jacobian and tangentSource', () => {
    expect(() => adjointSource((x: Num[]) => [sin(x[0] as Num), x[1] as Num], [1, 2])).toThrow(
      /adjointSource needs a scalar output, as grad does; f returned an array of 2.*tangentSource.*jacobian/,
    );
  });

  it('matrices: as inputs, as outputs, or met on the way', () => {
    expect(() => adjointSource((m: Num) => m, matrix([[1]]) as never)).toThrow(
      /adjointSource: x0 is a 1×1 matrix.*scalar programs/,
    );
    expect(() => tangentSource(() => matrix([[1, 2]]) as never, [1])).toThrow(
      /tangentSource: f returned a matrix/,
    );
    expect(() => adjointSource(([x]: Num[]) => sum(mul(x as Num, matrix([[1, 2]]))), [1])).toThrow(
      /generated source \(adjointSource, tangentSource\).*matrices are not supported/,
    );
  });

  it('a decision made with toNumber, which no guard could check', () => {
    const g = ([x]: Num[]) => (toNumber(x as Num) > 0 ? x : 0) as Num;
    expect(() => adjointSource(g, [1])).toThrow(
      /adjointSource: f read a traced value as a number.*lt, le, gt, ge/,
    );
  });

  it('a value of an outer differentiation, which the source could not hold as a constant', () => {
    const outer = (y: Num) => {
      adjointSource(([x]: Num[]) => mul(x as Num, y), [1]);
      return y;
    };
    expect(() => valueAndGrad(outer)(2)).toThrow(/adjointSource: f used .*as a constant/);
  });

  it('bad points, names and calls', () => {
    expect(() => adjointSource(f, 'x' as never)).toThrow(/adjointSource: x0 is the string/);
    expect(() => adjointSource(f, [1, 2], { names: ['x'] })).toThrow(/1 names given for 2 inputs/);
    expect(() => adjointSource(f, [1, 2], { names: ['x', 'y\nz'] })).toThrow(/has a line break/);
    const g = evaluate<Gradient>(adjointSource(f, [1, 2]));
    expect(() => g([1, 2, 3])).toThrow(/generated for 2 inputs \(x, y\); got 3/);
    const t = evaluate<Tangent>(tangentSource(f, [1, 2]));
    expect(() => t([1, 2], [1])).toThrow(/generated for 2 inputs \(x, y\); got 2 and 1/);
  });
});

describe('PRIMAL_SOURCE: each primitive written as JavaScript is its record’s primal', () => {
  const SPECIAL = [0, -0, 1, -1, 0.5, -0.5, 2, -2, 1e-300, -1e-300, 1e300, -1e300];
  const NON_FINITE = [Infinity, -Infinity, Number.NaN];
  const x = { kind: 'symbol', name: plainName('x') } as const satisfies Node;
  const y = { kind: 'symbol', name: plainName('y') } as const satisfies Node;

  it('covers every scalar primitive that is not an operator', () => {
    const operators = ['add', 'sub', 'mul', 'div', 'neg'];
    expect(Object.keys(PRIMAL_SOURCE).sort()).toEqual(
      scalarRules
        .map((r) => r.name)
        .filter((name) => !operators.includes(name))
        .sort(),
    );
  });

  it.each(scalarRules.map((rule) => [rule.name, rule] as const))(
    '%s, on random points of its domain and at special values',
    (name, rule) => {
      const source = toSource({ kind: 'apply', op: rule, args: rule.arity === 1 ? [x] : [x, y] });
      const js = new Function('x', 'y', `return ${source};`) as (a: number, b?: number) => number;
      const random = rng(SEED + rule.id);
      const values = [
        ...SPECIAL,
        ...NON_FINITE,
        ...rule.domain.flat(),
        ...Array.from({ length: 200 }, () => uniform(random, rule.domain[0])),
      ];
      const pairs =
        rule.arity === 1
          ? values.map((a) => [a, 0] as const)
          : [
              ...values.flatMap((a) => [...SPECIAL, ...NON_FINITE].map((b) => [a, b] as const)),
              ...Array.from(
                { length: 200 },
                () =>
                  [
                    uniform(random, rule.domain[0]),
                    uniform(random, rule.domain[1] ?? rule.domain[0]),
                  ] as const,
              ),
            ];
      for (const [a, b] of pairs) {
        const want = rule.arity === 1 ? rule.primal(a) : rule.primal(a, b);
        expect(Object.is(js(a, b), want), `${name}(${a}, ${b}): ${js(a, b)} vs ${want}`).toBe(true);
      }
    },
  );

  it('the source of a constant reads back as the same number', () => {
    for (const v of [...SPECIAL, ...NON_FINITE, 0.1, -123.456e-7, Number.MIN_VALUE]) {
      expect(Object.is(evaluate(`(${toSource(numberNode(v))})`), v), String(v)).toBe(true);
    }
  });

  it('the registry has no scalar primitive the source printer would refuse', () => {
    for (const name of Object.keys(registry)) {
      const rule = registry[name as keyof typeof registry];
      if ('kind' in rule && rule.kind === 'matrix') continue;
      expect(() => toSource({ kind: 'apply', op: rule as never, args: [x, y] })).not.toThrow();
    }
  });
});
