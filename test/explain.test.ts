/** @file Traces: the Wengert list, its two sweeps checked against the engine, and its renderings. */

import { renderToString } from 'katex';
import { describe, expect, it } from 'vitest';
import { displayWidth, instantiate, latexToText } from '../src/explain/notation.ts';
import {
  add,
  exp,
  explain,
  forwardSweep,
  forwardTable,
  graphDot,
  graphSvg,
  jvp,
  mul,
  type Num,
  parse,
  primalTable,
  reverseSweep,
  reverseTable,
  rules,
  sin,
  sub,
  type Table,
  toLatex,
  toMarkdown,
  toText,
  trace,
  vjp,
} from '../src/index.ts';
import { expectClose, TOL } from './support.ts';

const at = [2, 3];
const [x0, y0] = at as [number, number];

describe('the worked example f(x, y) = 5x² − xy at (2, 3)', () => {
  const f = parse('5*x^2 - x*y');
  const list = trace(f, at);

  it('lists the inputs, then one entry per operation with its value', () => {
    expect(list.entries.map((e) => e.op)).toEqual(['input', 'input', 'pow', 'mul', 'mul', 'sub']);
    expect(list.entries.map((e) => e.value)).toEqual([
      x0,
      y0,
      x0 ** 2,
      5 * x0 ** 2,
      x0 * y0,
      5 * x0 ** 2 - x0 * y0,
    ]);
    expect(list.entries[3]?.operands[0]).toEqual({ kind: 'constant', value: 5 });
  });

  it('the reverse sweep gives w̄1 two contributions, one per later use of x, adding to 10x − y = 17', () => {
    const sweep = reverseSweep(list, [1]);
    const received = sweep.contributions[0] ?? [];
    expect(received.map((c) => c.from).sort()).toEqual([2, 4]); // from w3 = x² and w5 = x·y
    expect(received.map((c) => c.amount).sort((a, b) => a - b)).toEqual([-y0, 5 * 2 * x0]);
    expect(sweep.adjoints.slice(0, 2)).toEqual([10 * x0 - y0, -x0]);
    const text = toText(reverseTable(list, sweep));
    const w1 = text.split('\n').find((l) => /^\s*1\s/.test(l)) ?? '';
    expect((w1.match(/\+=/g) ?? []).length).toBe(4); // two contributions, in symbols and in numbers
  });

  it('the forward sweep along (1, 0) ends at ∂f/∂x = 17', () => {
    const sweep = forwardSweep(list, [1, 0]);
    expect(sweep.tangents.at(-1)).toBe(10 * x0 - y0);
  });
});

// Functions with fan-out, constants on both sides, unary and binary primitives, and two outputs.
const catalog: [string, (v: Num[]) => Num | Num[], number[]][] = [
  [
    'x·sin(x) + 3 − y',
    (v) => sub(add(mul(v[0] as Num, sin(v[0] as Num)), 3), v[1] as Num),
    [0.7, -1.2],
  ],
  [
    'exp(x·y) and 2·x',
    (v) => [exp(mul(v[0] as Num, v[1] as Num)), mul(2, v[0] as Num)],
    [0.3, 0.5],
  ],
  [
    'a parsed expression',
    parse('atan2(y, x) * sqrt(x^2 + y^2) - tanh(x/y)') as (v: Num[]) => Num,
    [1.5, 0.4],
  ],
];

describe.each(catalog)('the sweeps of %s agree with the engine', (_, f, point) => {
  const list = trace(f, point);
  const m = list.outputs.length;

  it('every entry’s value is its rule applied to its operands’ values', () => {
    for (const entry of list.entries) {
      if (entry.op === 'input') continue;
      const args = entry.operands.map((o) =>
        o.kind === 'entry' ? (list.entries[o.index]?.value as number) : o.value,
      );
      const rule = rules.find((r) => r.name === entry.op);
      expect(rule).toBeDefined();
      const value =
        rule?.arity === 1
          ? rule.primal(args[0] as number)
          : rule?.primal(args[0] as number, args[1] as number);
      expect(entry.value).toBe(value);
    }
  });

  it('forward sweep outputs equal jvp, reverse sweep inputs equal the pullback', () => {
    const direction = point.map((_, i) => 1 + i);
    const seed = Array.from({ length: m }, (_, i) => 2 - i);
    const forward = forwardSweep(list, direction);
    const outputs = list.outputs.map((o) =>
      o.kind === 'entry' ? (forward.tangents[o.index] as number) : 0,
    );
    const { tangent } = jvp(f, point, direction);
    expectClose(outputs, Array.isArray(tangent) ? tangent : [tangent], TOL.modes);
    const reverse = reverseSweep(list, seed);
    const { pullback } = vjp(f, point);
    expectClose(
      reverse.adjoints.slice(0, point.length),
      pullback((m === 1 && !list.isArray ? seed[0] : seed) as never),
      TOL.modes,
    );
  });

  it('renders as LaTeX that KaTeX accepts, as aligned text, and as Markdown', () => {
    const tables: Table[] = [
      primalTable(list),
      forwardTable(
        list,
        forwardSweep(
          list,
          point.map(() => 1),
        ),
      ),
      reverseTable(
        list,
        reverseSweep(
          list,
          Array.from({ length: m }, () => 1),
        ),
      ),
    ];
    for (const table of tables) {
      expect(() =>
        renderToString(toLatex(table), { throwOnError: true, displayMode: true }),
      ).not.toThrow();
      const text = toText(table);
      expect(text).not.toMatch(/[\\{}]/);
      const lines = text.split('\n');
      // the dashes under the header mark each column's start: every line has a gap (or ends) there
      const starts = [...(lines[1] ?? '').matchAll(/-+/g)].map((g) => g.index ?? 0);
      for (const line of lines) {
        const chars = [...line].filter((c) => !/\p{M}/u.test(c));
        for (const s of starts.slice(1)) expect(chars[s - 1] ?? ' ').toBe(' ');
      }
      const md = toMarkdown(table).split('\n');
      for (const row of md) expect(row.split(/(?<!\\)\|/).length).toBe(table.columns.length + 2);
      for (const [, math] of toMarkdown(table).matchAll(/\$([^$]+)\$/g)) {
        expect(() =>
          renderToString((math as string).replaceAll('\\|', '|'), { throwOnError: true }),
        ).not.toThrow();
      }
    }
  });
});

describe('notation', () => {
  it('turns every rule template of the registry into plain text with no LaTeX left', () => {
    for (const rule of rules) {
      for (const latex of [
        rule.latex.expression,
        rule.latex.forward,
        rule.latex.reverse,
        ...rule.latex.partials,
      ]) {
        expect(latexToText(latex), `${rule.name}: ${latex}`).not.toMatch(/[\\{}]/);
      }
    }
    expect(latexToText('\\frac{1}{2y}')).toBe('1/(2y)');
    expect(latexToText('\\frac{1}{\\sqrt{1 - x^2}}')).toBe('1/√(1 - x^2)');
    expect(latexToText('\\bar{w}_{3} \\mathrel{+}= w_{2}\\, \\bar{w}_{5}')).toBe('w̄3 += w2·w̄5');
  });

  it('fills only standalone x, y, z, never letters inside commands', () => {
    expect(instantiate('\\max(x, y) + e^{x}', { x: 'a', y: 'b' })).toBe('\\max(a, b) + e^{a}');
    expect(instantiate('\\exp x', { x: 'w_{1}' })).toBe('\\exp w_{1}');
  });

  it('measures display width without combining marks', () => {
    expect(displayWidth('w̄12')).toBe(3);
  });
});

describe('the graph', () => {
  const list = trace(parse('5*x^2 - x*y'), at);

  it('has one node per entry, one edge per entry operand labelled with its partial, constants dashed', () => {
    const dot = graphDot(list, { reverse: reverseSweep(list, [1]) });
    for (let k = 1; k <= list.entries.length; k++)
      expect(dot).toMatch(new RegExp(`\\bw${k} \\[label=`));
    const edges = [...dot.matchAll(/(w\d+) -> (w\d+) \[label="([^"]+)"\]/g)];
    const entryOperands = list.entries.flatMap((e) => e.operands.filter((o) => o.kind === 'entry'));
    expect(edges).toHaveLength(entryOperands.length);
    expect(dot).toContain('style=dashed');
    expect(dot).toContain('peripheries=2');
    expect(dot).toContain(`adjoint ${10 * x0 - y0}`);
  });

  it('renders to SVG offline with Graphviz compiled to WebAssembly', async () => {
    const svg = await graphSvg(list);
    expect(svg).toContain('<svg');
    expect(svg).toContain('w3 = w1^2');
  });
});

describe('explain', () => {
  const f = parse('x*y + sin(x)');

  it('shows the sweeps asked for', () => {
    expect(explain(f, [1, 2], { mode: 'forward' }).output).not.toContain('Reverse sweep');
    expect(explain(f, [1, 2], { mode: 'reverse' }).output).not.toContain('Forward sweep');
    const both = explain(f, [1, 2]).output;
    expect(both).toContain('Forward sweep: tangents for the direction (1, 0)');
    expect(both).toContain('Reverse sweep: adjoints from the seed (1)');
  });

  it('refuses a direction or seed of the wrong length, and names of the wrong count', () => {
    expect(() => explain(f, [1, 2], { direction: [1] })).toThrow(
      /direction of 2 \(one per input\), got 1/,
    );
    expect(() => explain(f, [1, 2], { seed: [1, 0] })).toThrow(
      /seed of 1 \(one per output\), got 2/,
    );
    expect(() => explain(f, [1, 2], { names: ['a'] })).toThrow(/1 names given for 2 inputs/);
  });

  it('handles a function that returns a constant or an input unchanged', () => {
    const constant = trace(() => 4, [1]);
    expect(constant.outputs).toEqual([{ kind: 'constant', value: 4 }]);
    expect(reverseSweep(constant, [1]).adjoints).toEqual([0]);
    const identity = trace((v: Num[]) => v[0] as Num, [5]);
    expect(reverseSweep(identity, [1]).adjoints).toEqual([1]);
  });
});
