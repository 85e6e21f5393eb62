/**
 * @file The tables of a trace as text, Markdown and LaTeX (KaTeX must render every formula,
 * text columns must line up) and the notation helpers behind them.
 */

import katex from 'katex';
import { describe, expect, it } from 'vitest';
import { latexToText } from '../src/explain/notation.ts';
import {
  atan2,
  explain,
  type Format,
  forwardSweep,
  forwardTable,
  mul,
  type Num,
  pow,
  primalTable,
  render,
  reverseSweep,
  reverseTable,
  ruleLatex,
  scalarRules,
  type Table,
  trace,
  type WengertList,
} from '../src/index.ts';
import { CASES, type Case, workedMul } from './explain-catalog.ts';

const FORMATS: readonly Format[] = ['text', 'md', 'latex'];

/** The three tables of a case, swept along (1, 1, …) and from (1, 1, …) so that every row has terms. */
function tablesOf(list: WengertList): Record<'primal' | 'forward' | 'reverse', Table> {
  const ones = (n: number) => new Array<number>(n).fill(1);
  const n = list.entries.filter((e) => e.op === 'input').length;
  return {
    primal: primalTable(list),
    forward: forwardTable(list, forwardSweep(list, ones(n))),
    reverse: reverseTable(list, reverseSweep(list, ones(list.outputs.length))),
  };
}

const renders = (latex: string) => () => katex.renderToString(latex, { throwOnError: true });

/** A line cut into terminal cells: each character with the combining marks that follow it. */
function cells(line: string): string[] {
  const out: string[] = [];
  for (const c of line) {
    if (/\p{M}/u.test(c) && out.length > 0) out[out.length - 1] += c;
    else out.push(c);
  }
  return out;
}

/**
 * Checks the text form against its table: the dashes under the headers are
 * the ruler; on every line the separators between columns are blank and each
 * column's slice, trimmed, is that row's cell, flush left or right as the
 * column says.
 */
function expectAligned(text: string, table: Table): void {
  const lines = text.split('\n');
  const ruler = lines[1] ?? '';
  const columns = [...ruler.matchAll(/-+/g)].map((m) => ({
    start: m.index,
    end: m.index + m[0].length,
  }));
  expect(columns).toHaveLength(table.columns.length);
  expect(lines).toHaveLength(table.rows.length + 2);
  const expected = [
    table.columns.map((c) => c.header),
    ...table.rows.map((r) => r.map((c) => c.text)),
  ];
  [lines[0] ?? '', ...lines.slice(2)].forEach((line, r) => {
    const units = cells(line);
    const last = columns[columns.length - 1]?.end ?? 0;
    expect(units.length, `line ${r} is no wider than the ruler`).toBeLessThanOrEqual(last);
    columns.forEach(({ start, end }, j) => {
      const slice = Array.from({ length: end - start }, (_, i) => units[start + i] ?? ' ').join('');
      expect(slice.trim(), `line ${r}, column ${j}`).toBe(expected[r]?.[j]);
      if (slice.trim() !== '') {
        const flush = table.columns[j]?.align === 'right' ? slice.at(-1) : slice[0];
        expect(flush, `line ${r}, column ${j} is flush ${table.columns[j]?.align}`).not.toBe(' ');
      }
      const next = columns[j + 1];
      if (next !== undefined) {
        expect(units.slice(end, next.start).join(''), `line ${r}, gap after column ${j}`).toMatch(
          /^ *$/,
        );
      }
    });
  });
}

/** The cells of one Markdown table row, split at the pipes that are not escaped. */
const markdownCells = (line: string) => line.split(/(?<!\\)\|/).slice(1, -1);

describe.each(CASES)('rendering $name', (c: Case) => {
  const list = trace(c.f, c.at);
  describe.each(Object.entries(tablesOf(list)))('the %s table', (_, table) => {
    it.each(FORMATS)('as %s', (format) => {
      const out = render(table, format);
      if (format === 'latex') {
        expect(renders(out)).not.toThrow();
      } else if (format === 'md') {
        const lines = out.split('\n');
        expect(lines).toHaveLength(table.rows.length + 2);
        for (const line of lines) expect(markdownCells(line)).toHaveLength(table.columns.length);
        for (const line of lines.slice(2)) {
          markdownCells(line).forEach((cell, j) => {
            if (!table.columns[j]?.math) return;
            const math = /^ \$(.*)\$ $/.exec(cell)?.[1];
            expect(math, `math cell ${j} is $…$`).toBeDefined();
            expect(renders((math ?? '').replaceAll('\\|', '|'))).not.toThrow();
          });
        }
      } else {
        expect(out).not.toMatch(/[\\{}]/);
        expectAligned(out, table);
      }
    });
  });
});

describe('the worked example as text', () => {
  const tables = tablesOf(trace(workedMul, [2, 3]));
  const text = (t: Table) => t.rows.map((r) => r.map((cell) => cell.text));

  it('writes each step in the earlier names, constants included', () => {
    expect(text(tables.primal).map((r) => r[2])).toEqual([
      'x',
      'y',
      'w1·w1',
      '5·w3',
      'w1·w2',
      'w4 - w5',
    ]);
  });

  it('shows w̄1 receiving one += per use of x, and their total 17', () => {
    const row = text(tables.reverse).find((r) => r[1] === 'w\u03041');
    expect(row?.[2]?.match(/\+=/g)).toHaveLength(3);
    expect(row?.[3]).toContain('= -3');
    expect(row?.[3]?.match(/= 10/g)).toHaveLength(2);
    expect(row?.[4]).toBe('17');
  });
});

describe('a constant in scientific notation as an operand', () => {
  // 1e-7 is written 1\times 10^{-7}; as the base of a power it needs parentheses,
  // or the template x^{y} gives 1\times 10^{-7}^{w_{1}}, a double superscript.
  it.each([
    ['pow(1e-7, x)', ([x]: readonly [Num]) => pow(1e-7, x)],
    ['atan2(1e-7, x)', ([x]: readonly [Num]) => atan2(1e-7, mul(x, x))],
  ])('%s renders in KaTeX', (_, f) => {
    const tables = tablesOf(trace(f, [2]));
    for (const table of Object.values(tables))
      expect(renders(render(table, 'latex'))).not.toThrow();
  });

  it('folds ln(1e-7) in ∂(c^x)/∂x = c^x ln c into one constant, as the engine computed it', () => {
    const { forward } = tablesOf(trace(([x]: readonly [Num]) => pow(1e-7, x), [2]));
    const rule = forward.rows[1]?.[2]?.text ?? '';
    // ln(1e-7) = -7 ln 10 = -16.1181 to six digits
    expect(rule).toBe('-16.1181·w2·w\u03071');
  });
});

describe('latexToText', () => {
  const rendered = scalarRules.flatMap((rule) => {
    const { op, expression, partials, forward, reverse } = ruleLatex(rule);
    return [op, expression, ...partials, forward, reverse].map((latex) => ({
      name: rule.name,
      latex,
    }));
  });

  it.each(rendered)('$name: $latex leaves no backslash or brace command', ({ latex }) => {
    expect(latexToText(latex)).not.toMatch(/\\|\{(?![^{}]* if )|(?<!(?: if [^{}]*))\}/);
  });

  it.each([
    ['\\frac{1}{2 y}', '1/(2 y)'],
    ['\\frac{x}{y}', 'x/y'],
    ['-\\frac{z}{y}', '-z/y'],
    ['\\frac{1}{\\sqrt{1 - x^{2}}}', '1/√(1 - x^2)'],
    ['\\frac{y}{x^{2} + y^{2}}', 'y/(x^2 + y^2)'],
    ['\\cos x', 'cos(x)'],
    ['-\\sin x', '-sin(x)'],
    ['\\lvert x \\rvert', '|x|'],
    ['\\sigma(x)', 'σ(x)'],
    ['y \\cdot \\left(1 - y\\right)', 'y·(1 - y)'],
    ['e^{x}', 'e^x'],
    ['\\sqrt{x}', '√(x)'],
    ['\\operatorname{atan2}(x, y)', 'atan2(x, y)'],
    ['\\dot{z} = y \\cdot \\dot{x} + x \\cdot \\dot{y}', 'z\u0307 = y·x\u0307 + x·y\u0307'],
    ['\\bar{x} \\mathrel{+}= \\cos x \\cdot \\bar{y}', 'x\u0304 += cos(x)·y\u0304'],
    [
      '\\begin{cases} 1 & \\text{if } x > 0 \\\\ 0 & \\text{if } x \\le 0 \\end{cases}',
      '{1 if x > 0; 0 if x ≤ 0}',
    ],
    ['x^{y-1}', 'x^(y-1)'],
    ['\\bar{w}_{12}', 'w\u030412'],
  ])('%s → %s', (latex, text) => {
    expect(latexToText(latex)).toBe(text);
  });
});

describe('numbers in the tables', () => {
  it('follow the one policy, and a column that reaches 10,000 groups its 4-digit numbers too', () => {
    // x⁴ at 10 by repeated products: 10, 100, 1000, 10000; then x/3 = 3.333…
    const list = trace(
      ([x]: Num[]) => {
        const x2 = mul(x as Num, x as Num);
        const x3 = mul(x2, x as Num);
        return [mul(x3, x as Num), mul(x as Num, 1 / 3)];
      },
      [10],
    );
    const values = render(primalTable(list), 'text')
      .split('\n')
      .slice(2)
      .map((line) =>
        line
          .trim()
          .split(/\s{2,}/)
          .at(-1),
      );
    expect(values).toEqual(['10', '100', '1,000', '10,000', '3.33333']);
    expect(render(primalTable(list), 'md')).toContain('| $1{,}000$ |');
    expect(render(primalTable(list), 'latex')).toContain('& 1{,}000 \\\\');
  });

  it("write explain's direction and seed the same way", () => {
    const f = ([x, y]: Num[]) => mul(x as Num, y as Num);
    const { output } = explain(f, [1, 2], { direction: [1 / 3, 12000], seed: [0.1 + 0.2] });
    expect(output).toContain('tangents for the direction (0.333333, 12000)');
    expect(output).toContain('adjoints from the seed (0.3), last step first');
  });
});
