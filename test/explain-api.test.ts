/**
 * @file The entry points beyond the tables: explain() (sections by mode, default direction
 * and seed, length checks, input names, functions that do no arithmetic) and the graph as
 * DOT and as SVG.
 */

import katex from 'katex';
import { describe, expect, it } from 'vitest';
import {
  explain,
  type Format,
  forwardSweep,
  forwardTable,
  graphDot,
  graphSvg,
  mul,
  type Num,
  primalTable,
  render,
  reverseSweep,
  reverseTable,
  sin,
  trace,
} from '../src/index.ts';
import { CASES, workedMul } from './explain-catalog.ts';

const FORMATS: readonly Format[] = ['text', 'md', 'latex'];
const PRIMAL = 'Primal: the Wengert list';
const FORWARD = 'Forward sweep';
const REVERSE = 'Reverse sweep';

/** The section headings of an explanation, with the format's heading marker removed. */
function headings(output: string, format: Format): string[] {
  const marker = format === 'md' ? '### ' : format === 'latex' ? '% ' : '';
  return output
    .split('\n\n')
    .filter((block) => !block.includes('\n') && block.startsWith(marker))
    .map((block) => block.slice(marker.length));
}

describe('explain: sections by mode', () => {
  const cases = FORMATS.flatMap((format) =>
    (['forward', 'reverse', 'both', undefined] as const).map((mode) => ({ format, mode })),
  );

  it.each(cases)('mode $mode as $format', ({ format, mode }) => {
    const { list, output } = explain(
      workedMul,
      [2, 3],
      mode === undefined ? { format } : { mode, format },
    );
    const shown = headings(output, format);
    const forward = mode !== 'reverse';
    const reverse = mode !== 'forward';
    expect(shown[0]).toBe(PRIMAL);
    expect(shown.some((h) => h.startsWith(FORWARD))).toBe(forward);
    expect(shown.some((h) => h.startsWith(REVERSE))).toBe(reverse);
    expect(shown).toHaveLength(1 + +forward + +reverse);
    // The tables printed are the tables of the list it returns.
    expect(output).toContain(render(primalTable(list), format));
    const fwd = render(forwardTable(list, forwardSweep(list, [1, 0])), format);
    const rev = render(reverseTable(list, reverseSweep(list, [1])), format);
    expect(output.includes(fwd)).toBe(forward);
    expect(output.includes(rev)).toBe(reverse);
    if (forward && reverse) expect(output.indexOf(fwd)).toBeLessThan(output.indexOf(rev));
  });

  it('defaults to text: no LaTeX commands and no Markdown table syntax', () => {
    const { output } = explain(workedMul, [2, 3]);
    expect(output).not.toMatch(/[\\{}$|]/);
    expect(output.split('\n')[0]).toBe(PRIMAL);
  });

  it('writes LaTeX whose every table KaTeX renders', () => {
    const { output } = explain(workedMul, [2, 3], { format: 'latex' });
    const arrays = output.match(/\\begin\{array\}[\s\S]*?\\end\{array\}/g) ?? [];
    expect(arrays).toHaveLength(3);
    for (const a of arrays)
      expect(() => katex.renderToString(a, { throwOnError: true })).not.toThrow();
  });
});

describe('explain: direction and seed', () => {
  // f(x, y) = [xy, sin x]: J = [[y, x], [cos x, 0]].
  const f = ([x, y]: readonly [Num, Num]) => [mul(x, y), sin(x)];
  const at = [0.5, 4];

  it('defaults to the first input’s unit direction and the first output’s unit seed', () => {
    const { list, output } = explain(f, at);
    expect(output).toContain('tangents for the direction (1, 0)');
    expect(output).toContain('adjoints from the seed (1, 0)');
    expect(output).toContain(render(forwardTable(list, forwardSweep(list, [1, 0])), 'text'));
    expect(output).toContain(render(reverseTable(list, reverseSweep(list, [1, 0])), 'text'));
  });

  it('uses the direction and seed it is given', () => {
    const { list, output } = explain(f, at, { direction: [0, 2], seed: [0, 3] });
    expect(output).toContain('tangents for the direction (0, 2)');
    expect(output).toContain('adjoints from the seed (0, 3)');
    expect(output).toContain(render(forwardTable(list, forwardSweep(list, [0, 2])), 'text'));
    expect(output).toContain(render(reverseTable(list, reverseSweep(list, [0, 3])), 'text'));
    // Jv = (2x, 0) and 3·(cos x, 0) = Jᵀ(0, 3).
    const { tangents } = forwardSweep(list, [0, 2]);
    expect(tangents[2]).toBe(2 * 0.5);
    expect(reverseSweep(list, [0, 3]).adjoints.slice(0, 2)).toEqual([3 * Math.cos(0.5), 0]);
  });

  it.each([
    [{ direction: [1] }, /forward sweep: expected a direction of 2 \(one per input\), got 1/],
    [{ direction: [1, 0, 0] }, /direction of 2 .*got 3/],
    [{ seed: [1] }, /reverse sweep: expected a seed of 2 \(one per output\), got 1/],
    [{ seed: [] }, /seed of 2 .*got 0/],
  ])('rejects %o with a clear error', (options, message) => {
    expect(() => explain(f, at, options)).toThrow(message);
  });
});

describe('explain: input names', () => {
  it('uses x, y, z by default, and x1, x2, … beyond three inputs', () => {
    const labels = (n: number) =>
      trace((v: Num[]) => v.reduce((s, x) => mul(s, x)), new Array<number>(n).fill(1))
        .entries.filter((e) => e.op === 'input')
        .map((e) => e.label);
    expect(labels(1)).toEqual(['x']);
    expect(labels(3)).toEqual(['x', 'y', 'z']);
    expect(labels(4)).toEqual(['x1', 'x2', 'x3', 'x4']);
    const { output } = explain((v: Num[]) => v.reduce((s, x) => mul(s, x)), [1, 2, 3, 4], {
      format: 'latex',
    });
    expect(output).toContain('& x_{4} &');
  });

  it('prints the names it is given for the inputs', () => {
    const { list, output } = explain(workedMul, [2, 3], { names: ['a', 'b'], mode: 'forward' });
    expect(list.entries.slice(0, 2).map((e) => e.label)).toEqual(['a', 'b']);
    const rows = output.split('\n').filter((l) => /^ +[12] {2}w[12] /.test(l));
    expect(rows.map((r) => r.split(/ {2,}/)[3])).toEqual(['a', 'b']);
  });

  it.each([[['x']], [['x', 'y', 'z']], [[]]])('rejects %o for two inputs', (names) => {
    expect(() => explain(workedMul, [2, 3], { names })).toThrow(
      `trace: ${names.length} names given for 2 inputs`,
    );
  });

  // The expression language and the CLI accept names like these (letters, digits, underscores).
  const underscored = ['learning_rate', 'x_', 'a__b'];
  const inputRow = (name: string) =>
    primalTable(trace(([x]: readonly [Num]) => mul(x, x), [3], { names: [name] })).rows[0]?.[2];

  it.each(underscored)('keeps the name %s as it is in the text form', (name) => {
    expect(inputRow(name)?.text).toBe(name);
  });

  it.each(underscored)('writes the name %s as LaTeX that KaTeX renders', (name) => {
    const latex = inputRow(name)?.latex ?? '';
    expect(() => katex.renderToString(latex, { throwOnError: true })).not.toThrow();
  });
});

describe('explain: functions that do no arithmetic on their inputs', () => {
  it('a constant output: no entries but the inputs, no adjoint anywhere', () => {
    const { list, output } = explain(() => 7, [2, 3]);
    expect(list.entries.map((e) => e.op)).toEqual(['input', 'input']);
    expect(list.outputs).toEqual([{ kind: 'constant', value: 7 }]);
    expect(reverseSweep(list, [1]).adjoints).toEqual([0, 0]);
    expect(forwardSweep(list, [1, 0]).tangents).toEqual([1, 0]);
    expect(output).toContain(REVERSE);
  });

  it('an input returned unchanged: the seed lands on that input and nowhere else', () => {
    const { list } = explain(([, y]: readonly [Num, Num]) => y, [2, 3], { seed: [5] });
    expect(list.outputs).toEqual([{ kind: 'entry', index: 1 }]);
    const sweep = reverseSweep(list, [5]);
    expect(sweep.adjoints).toEqual([0, 5]);
    expect(sweep.seeds).toEqual([0, 5]);
    expect(forwardSweep(list, [0.5, -1]).tangents).toEqual([0.5, -1]);
  });

  it('an output returned twice receives both seeds', () => {
    const { list } = explain((x: Num) => {
      const y = mul(x, x);
      return [y, y];
    }, 3);
    expect(reverseSweep(list, [1, 2]).adjoints).toEqual([(1 + 2) * 2 * 3, 1 + 2]);
  });
});

/** The statements of a DOT graph, one per line, with labels (which hold newlines) read back. */
function parseDot(dot: string) {
  const label = '"((?:[^"\\\\]|\\\\.)*)"';
  const nodes = [
    ...dot.matchAll(new RegExp(`^  (w\\d+) \\[label=${label}(, peripheries=2)?\\];$`, 'gm')),
  ];
  const edges = [...dot.matchAll(new RegExp(`^  (w\\d+) -> (w\\d+) \\[label=${label}\\];$`, 'gm'))];
  const constants = [
    ...dot.matchAll(new RegExp(`^  (c\\d+_\\d+) \\[label=${label}, shape=plaintext\\];$`, 'gm')),
  ];
  const dashed = [...dot.matchAll(/^ {2}(c\d+_\d+) -> (w\d+) \[style=dashed\];$/gm)];
  return { nodes, edges, constants, dashed };
}

describe('graphDot', () => {
  it('draws the worked example: nodes, edges labelled with partials, the constant, the output', () => {
    const { nodes, edges, constants, dashed } = parseDot(graphDot(trace(workedMul, [2, 3])));
    expect(nodes.map((m) => [m[1], m[2], m[3] !== undefined])).toEqual([
      ['w1', 'w1 = x\nvalue 2', false],
      ['w2', 'w2 = y\nvalue 3', false],
      ['w3', 'w3 = w1·w1\nvalue 4', false],
      ['w4', 'w4 = 5·w3\nvalue 20', false],
      ['w5', 'w5 = w1·w2\nvalue 6', false],
      ['w6', 'w6 = w4 - w5\nvalue 14', true],
    ]);
    // ∂w3/∂w1 = x twice (one edge per operand), ∂w4/∂w3 = 5, ∂w5/∂(w1, w2) = (y, x), ∂w6/∂(w4, w5) = (1, −1).
    expect(edges.map((m) => [m[1], m[2], m[3]])).toEqual([
      ['w1', 'w3', '2'],
      ['w1', 'w3', '2'],
      ['w3', 'w4', '5'],
      ['w1', 'w5', '3'],
      ['w2', 'w5', '2'],
      ['w4', 'w6', '1'],
      ['w5', 'w6', '-1'],
    ]);
    expect(constants.map((m) => [m[1], m[2]])).toEqual([['c4_1', '5']]);
    expect(dashed.map((m) => [m[1], m[2]])).toEqual([['c4_1', 'w4']]);
  });

  it('adds the tangent and the adjoint to every label when given the sweeps', () => {
    const list = trace(workedMul, [2, 3]);
    const dot = graphDot(list, {
      forward: forwardSweep(list, [1, 0]),
      reverse: reverseSweep(list, [1]),
    });
    const labels = parseDot(dot).nodes.map((m) => m[2]?.split('\n').slice(2));
    // Tangents along (1, 0): 1, 0, 2x, 10x, y, 10x − y; adjoints: 10x − y, −x, 5, 1, −1, 1.
    expect(labels).toEqual([
      ['tangent 1', 'adjoint 17'],
      ['tangent 0', 'adjoint -2'],
      ['tangent 4', 'adjoint 5'],
      ['tangent 20', 'adjoint 1'],
      ['tangent 3', 'adjoint -1'],
      ['tangent 17', 'adjoint 1'],
    ]);
  });

  it.each(CASES)('$name: one node per entry, one edge per operand, outputs doubled', (c) => {
    const list = trace(c.f, c.at);
    const { nodes, edges, constants, dashed } = parseDot(graphDot(list));
    expect(nodes.map((m) => m[1])).toEqual(list.entries.map((e) => `w${e.index + 1}`));
    const outputs = new Set(list.outputs.flatMap((o) => (o.kind === 'entry' ? [o.index + 1] : [])));
    expect(nodes.filter((m) => m[3] !== undefined).map((m) => Number(m[1]?.slice(1)))).toEqual(
      [...outputs].sort((a, b) => a - b),
    );
    const operands = list.entries.flatMap((e) => e.operands.map((o, i) => ({ e, o, i })));
    const fromEntries = operands.filter(({ o }) => o.kind === 'entry');
    expect(edges).toHaveLength(fromEntries.length);
    fromEntries.forEach(({ e, o, i }, k) => {
      const edge = edges[k];
      expect([edge?.[1], edge?.[2]]).toEqual([
        `w${o.kind === 'entry' ? o.index + 1 : 0}`,
        `w${e.index + 1}`,
      ]);
      const partial = e.partials[i] as number;
      expect(Math.abs(Number(edge?.[3]) - partial)).toBeLessThanOrEqual(
        1e-5 * Math.max(1, Math.abs(partial)),
      );
    });
    const fromConstants = operands.filter(({ o }) => o.kind === 'constant');
    expect(constants).toHaveLength(fromConstants.length);
    expect(dashed.map((m) => m[2])).toEqual(fromConstants.map(({ e }) => `w${e.index + 1}`));
    expect(dashed.map((m) => m[1])).toEqual(constants.map((m) => m[1]));
  });
});

/** The text of an SVG document's <text> elements, with XML character references decoded. */
function svgTexts(svg: string): string[] {
  const decode = (s: string) =>
    s
      .replace(/&#x([0-9a-f]+);/gi, (_, h: string) => String.fromCodePoint(Number.parseInt(h, 16)))
      .replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Number(d)))
      .replaceAll('&lt;', '<')
      .replaceAll('&gt;', '>')
      .replaceAll('&quot;', '"')
      .replaceAll('&apos;', "'")
      .replaceAll('&amp;', '&')
      .replaceAll('\u00a0', ' ');
  // A line's subscripts are <tspan>s inside its <text>: read the line as one string.
  return [...svg.matchAll(/<text[^>]*>(.*?)<\/text>/g)].map((m) =>
    decode((m[1] ?? '').replace(/<[^>]+>/g, '')),
  );
}

describe('graphSvg (Graphviz in WebAssembly, not mocked)', () => {
  it('writes entry names with subscripts, as the tables do, and leaves other text alone', async () => {
    const svg = await graphSvg(trace(workedMul, [2, 3]));
    const sub = (k: number) => `w<tspan baseline-shift="-0.25em" font-size="85%">${k}</tspan>`;
    expect(svg).toContain(`>${sub(3)} = ${sub(1)}·${sub(1)}</text>`);
    expect(svg).toContain('>value 20</text>');
    expect(svg).not.toMatch(/<text[^>]*>[^<]*\bw\d/);
  });

  it.each(CASES.slice(0, 11))('$name: an SVG with every label line of the DOT', async (c) => {
    const list = trace(c.f, c.at);
    const options = {
      reverse: reverseSweep(
        list,
        list.outputs.map(() => 1),
      ),
    };
    const svg = await graphSvg(list, options);
    expect(svg.startsWith('<?xml') || svg.includes('<svg')).toBe(true);
    const texts = new Set(svgTexts(svg));
    const { nodes, edges, constants } = parseDot(graphDot(list, options));
    const labels = [
      ...nodes.map((m) => m[2]),
      ...edges.map((m) => m[3]),
      ...constants.map((m) => m[2]),
    ];
    const lines = labels.flatMap((label) => (label ?? '').split('\n'));
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) expect(texts, line).toContain(line);
  });
});
