/**
 * @file The symbolic interpretation: each rule's rendered partials are the
 * partials the engine computes, the simplifications are the ones a person
 * makes, and a changed rule renders differently (the docs cannot drift).
 */

import { renderToString } from 'katex';
import { describe, expect, it } from 'vitest';
import { piecewise } from '../src/core/cases.ts';
import {
  abs,
  add,
  type BinaryRule,
  div,
  forwardSweep,
  forwardTable,
  log,
  mul,
  type Num,
  neg,
  pow,
  registry,
  ruleLatex,
  type ScalarRule,
  SymbolicTrace,
  scalarRules,
  sin,
  sub,
  tan,
  trace,
  type UnaryRule,
  type Value,
} from '../src/index.ts';
import { toLatex } from '../src/symbolic/latex.ts';
import { plainName, treeOf } from '../src/symbolic/render.ts';
import { toSource } from '../src/symbolic/typescript.ts';
import { rng, uniform } from './support.ts';

/** A tree printed as JavaScript, made a function of the symbols x, y and z. */
function compiled(v: Value): (x: number, y: number, z: number) => number {
  return new Function('x', 'y', 'z', `return ${toSource(treeOf(v))};`) as (
    x: number,
    y: number,
    z: number,
  ) => number;
}

/** The symbols x, y and z of one symbolic trace. */
function symbols(): [Num, Num, Num] {
  const t = new SymbolicTrace();
  return [t.symbol(plainName('x')), t.symbol(plainName('y')), t.symbol(plainName('z'))];
}

/** The rule's partials on symbols, each with the rule's numeric partial at the same point. */
function partialPairs(rule: ScalarRule): {
  symbolic: Value;
  numeric: (x: number, y: number) => number;
}[] {
  const [x, y, z] = symbols();
  if (rule.arity === 1) {
    return [
      { symbolic: rule.partial(x, y), numeric: (a) => rule.partial(a, rule.primal(a)) as number },
    ];
  }
  return [0, 1].map((i) => ({
    symbolic: (rule as BinaryRule).partials[i as 0 | 1](x, y, z),
    numeric: (a, b) => (rule as BinaryRule).partials[i as 0 | 1](a, b, rule.primal(a, b)) as number,
  }));
}

describe.each(scalarRules.map((r) => [r.name, r] as const))(
  'the rendered rule of %s',
  (_, rule) => {
    const random = rng(31);
    const points = Array.from({ length: 40 }, () => rule.domain.map((d) => uniform(random, d)));
    // The special points of the piecewise rules, where a case is chosen.
    const special =
      rule.arity === 1
        ? [[0], [-0]]
        : [
            [0, 0],
            [0, 1],
            [1, 1],
            [2, 0],
            [0, -1],
          ];

    it('is, evaluated, the partial the engine computes, at sampled and special points', () => {
      for (const { symbolic, numeric } of partialPairs(rule)) {
        const f = compiled(symbolic);
        for (const [a = 0, b = 0] of [...points, ...special]) {
          const out = rule.arity === 1 ? rule.primal(a) : rule.primal(a, b);
          const expected = numeric(a, b);
          const actual = f(a, rule.arity === 1 ? out : b, out);
          if (Number.isNaN(expected)) expect(actual, `at (${a}, ${b})`).toBeNaN();
          else expect(actual, `at (${a}, ${b})`).toBeCloseTo(expected, 12);
        }
      }
    });

    it('renders with KaTeX, and each partial appears in both rules', () => {
      const latex = ruleLatex(rule);
      for (const tex of [latex.op, ...latex.partials, latex.forward, latex.reverse]) {
        expect(() => renderToString(tex, { throwOnError: true }), tex).not.toThrow();
      }
      // A partial multiplies a tangent or an adjoint, so it appears in both
      // rules (a sign, or the parentheses a product needs, aside).
      const bare = (t: string) => t.replaceAll(/\\left\(|\\right\)/g, '').replace(/^-/, '');
      for (const p of latex.partials.map(bare).filter((p) => p !== '1')) {
        expect(bare(latex.forward)).toContain(p);
        expect(bare(latex.reverse)).toContain(p);
      }
    });
  },
);

describe('a changed rule renders differently', () => {
  it('tan with the wrong sign in its partial shows the wrong sign', () => {
    const wrong: UnaryRule = { ...registry.tan, partial: (_x, y) => sub(1, mul(y, y)) };
    expect(ruleLatex(registry.tan).partials).toEqual(['1 + y \\cdot y']);
    expect(ruleLatex(wrong).partials).toEqual(['1 - y \\cdot y']);
    expect(ruleLatex(wrong).forward).not.toBe(ruleLatex(registry.tan).forward);
  });

  it('relu with its x ≤ 0 piece replaced by an otherwise shows that', () => {
    expect(ruleLatex(registry.relu).partials[0]).toContain('0 & \\text{if } x \\le 0');
    const changed: UnaryRule = {
      ...registry.relu,
      partial: (x) => piecewise([{ when: [x as Num, '>', 0], value: () => 1 }], () => 0),
    };
    expect(ruleLatex(changed).partials[0]).toBe(
      '\\begin{cases} 1 & \\text{if } x > 0 \\\\ 0 & \\text{otherwise} \\end{cases}',
    );
  });

  it('looks a rule up by its op or by its name', () => {
    expect(ruleLatex(tan)).toEqual(ruleLatex('tan'));
    expect(ruleLatex(sin).partials).toEqual(['\\cos x']);
    expect(() => ruleLatex('tangent')).toThrow(/no primitive is named "tangent"/);
  });
});

describe('simplification, as a person writes a rule', () => {
  const latexOf = (f: (x: Num, y: Num) => Value) => {
    const [x, y] = symbols();
    return toLatex(treeOf(f(x, y)));
  };

  it.each([
    ['x · 1 → x', (x: Num) => mul(x, 1), 'x'],
    ['1 · x → x', (x: Num) => mul(1, x), 'x'],
    ['x + 0 → x', (x: Num) => add(x, 0), 'x'],
    ['0 − x → −x', (x: Num) => sub(0, x), '-x'],
    ['0 · x → 0', (x: Num) => mul(0, x), '0'],
    ['−(−x) → x', (x: Num) => neg(neg(x)), 'x'],
    ['x^(2−1) → x', (x: Num) => pow(x, sub(2, 1)), 'x'],
    ['x^0 → 1', (x: Num) => pow(x, 0), '1'],
    ['2 · (3 · x) → 6x', (x: Num) => mul(2, mul(3, x)), '6\\, x'],
    ['x · 2 → 2x', (x: Num) => mul(x, 2), '2\\, x'],
    ['x + (−y) → x − y', (x: Num, y: Num) => add(x, neg(y)), 'x - y'],
    ['x − (−y) → x + y', (x: Num, y: Num) => sub(x, neg(y)), 'x + y'],
    ['x/1 → x', (x: Num) => div(x, 1), 'x'],
    ['−1/x → −(1/x)', (x: Num) => div(-1, x), '-\\frac{1}{x}'],
    [
      'a sum as a factor keeps its parentheses',
      (x: Num, y: Num) => mul(add(x, 1), y),
      '\\left(x + 1\\right) \\cdot y',
    ],
    [
      'a difference subtracted keeps them too',
      (x: Num, y: Num) => sub(x, sub(y, 1)),
      'x - \\left(y - 1\\right)',
    ],
    ['a function of a sum gets them', (x: Num) => sin(add(x, 1)), '\\sin \\left(x + 1\\right)'],
    ['a root needs none', (x: Num) => log(x), '\\ln x'],
  ])('%s', (_, f, expected) => {
    expect(latexOf(f as (x: Num, y: Num) => Value)).toBe(expected);
  });

  it('writes the source with the grouping of the tree, since + and · do not associate in floating point', () => {
    const [x, y, z] = symbols();
    expect(toSource(treeOf(add(x, add(y, z))))).toBe('x + (y + z)');
    expect(toSource(treeOf(add(add(x, y), z)))).toBe('x + y + z');
    expect(toSource(treeOf(mul(x, div(y, z))))).toBe('x * (y / z)');
    expect(toSource(treeOf(neg(mul(x, y))))).toBe('-(x * y)');
    expect(toSource(treeOf(pow(x, -2)))).toBe('Math.pow(x, -2)');
  });

  it('keeps a piecewise partial whole on symbols without numbers, and NaN falls through to NaN', () => {
    const [x] = symbols();
    const sign = compiled(registry.abs.partial(x, x));
    expect([sign(-2, 0, 0), sign(0, 0, 0), sign(3, 0, 0)]).toEqual([-1, 0, 1]);
    expect(sign(Number.NaN, 0, 0)).toBeNaN();
  });
});

describe('explain instantiates the same rules at the entry', () => {
  it('writes the tangent of x² as 2 w₁ · ẇ₁, not (2·w₁^(2−1))·ẇ₁', () => {
    const list = trace((x: Num) => pow(x, 2), 3);
    const table = forwardTable(list, forwardSweep(list, [1]));
    expect(table.rows[1]?.[2]?.latex).toBe('2\\, w_{1} \\cdot \\dot{w}_{1}');
  });

  it('decides a piecewise rule at the entry value, as the engine did: sign(w₁) = −1 at −2', () => {
    const list = trace((x: Num) => abs(x), -2);
    const table = forwardTable(list, forwardSweep(list, [1]));
    expect(table.rows[1]?.[2]?.latex).toBe('-\\dot{w}_{1}');
  });

  it('writes x³ with its constant exponent folded: 3 w₁² · ẇ₁', () => {
    const list = trace((x: Num) => pow(x, 3), -2);
    const table = forwardTable(list, forwardSweep(list, [1]));
    expect(table.rows[1]?.[2]?.latex).toBe('3\\, w_{1}^{2} \\cdot \\dot{w}_{1}');
  });
});
