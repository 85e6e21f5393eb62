/** @file Chapter 3: the worked example f(x, y) = 5x² − xy at (2, 3), its Wengert list, its graph and its reverse sweep. */

import {
  adjointSource,
  grad,
  graphSvg,
  mul,
  type Num,
  primalTable,
  reverseSweep,
  reverseTable,
  sub,
  toMarkdown,
  trace,
  vjp,
  withCost,
} from '../../../src/index.ts';
import { code } from '../examples.ts';
import { math, num, table, tex, texVector } from '../format.ts';
import { fullSizeImage } from '../full-size.ts';
import type { Generator } from '../generate.ts';

// #region worked
const f = ([x, y]: [Num, Num]) => sub(mul(5, mul(x, x)), mul(x, y));
const at: [number, number] = [2, 3];
const list = trace(f, at); // the Wengert list of this one evaluation
const sweep = reverseSweep(list, [1]); // the reverse sweep, seeded with ȳ = 1
// #endregion

/** w̄₁ as the sum of the contributions it received, in the order the sweep delivered them. */
function inputAdjoint(): string {
  const received = sweep.contributions[0] ?? [];
  const terms = received.map((c) => (c.amount < 0 ? `(${tex(c.amount)})` : tex(c.amount)));
  return math(`\\bar{w}_{1} = ${terms.join(' + ')} = ${tex(sweep.adjoints[0] ?? Number.NaN)}`);
}

/** What one recording and two sweeps held and did: the tape's bytes in use and the capacity it reserved, apart. */
function tape(): string {
  const { cost } = withCost(() => {
    const { pullback } = vjp(f, at);
    return [pullback(1), pullback(2)];
  });
  return `${num(cost.tapeEntries)} tape entries, ${num(cost.reverseSweeps)} reverse sweeps and ${num(cost.adjoint)} adjoint applications, with ${num(cost.peakTapeBytesInUse)} bytes of tape in use and ${num(cost.peakTapeBytes)} bytes of capacity reserved for it ([chapter 7](07-memory.md) tells the two apart)`;
}

/**
 * The toolkit's reverse table in three columns, narrow enough for a phone:
 * each contribution on a line of its own, as a formula and, after an
 * equals sign, with this run's numbers. The table's two columns of
 * contributions hold the same terms in the same order, parted by \qquad.
 */
function sweepTable(): string {
  const rows = reverseTable(list, sweep).rows.map((row) => {
    const [, adjoint, formulas, numbers, value] = row as readonly { latex: string; text: string }[];
    const symbolic = formulas?.latex.split(' \\qquad ') ?? [];
    const numeric = numbers?.latex.split(' \\qquad ') ?? [];
    if (symbolic.length !== numeric.length) throw new Error('chapter 3: the sweep table changed');
    const lines = symbolic.map((term, i) =>
      math(`${term} = ${numeric[i]?.replace(/^\\mathrel\{\+\}= /, '')}`),
    );
    return [math(adjoint?.latex ?? ''), lines.join('<br>'), num(Number(value?.text))];
  });
  return table(['adjoint', 'contributions', 'value'], rows);
}

/** The same two sweeps written out as a program. */
const source = adjointSource(f, at);

/** The statement(s) of `source` that define the given names, without their comments. */
function linesOf(pattern: RegExp): string {
  return source
    .split('\n')
    .filter((line) => pattern.test(line))
    .map((line) => `\`${line.replace(/\s*\/\/.*$/, '').trim()}\``)
    .join(' ');
}

/**
 * Each entry of the Wengert list next to its two lines of the program: the
 * assignment in the forward sweep and the accumulation in the reverse sweep
 * (found in the source by the entry's name and by its rule comment).
 */
function sourceTable(): string {
  const rows = primalTable(list).rows.map((row, k) => {
    const [, name, expression] = row as [unknown, { latex: string }, { latex: string }];
    const w = `w${k + 1}`;
    return [
      math(`${name.latex} = ${expression.latex}`),
      linesOf(new RegExp(`^\\s*const ${w} = `)),
      linesOf(new RegExp(`// ${w} = `)) || `none: \`${w}_bar\` is returned as \`grad[${k}]\``,
    ];
  });
  return table(['entry', 'forward sweep', 'reverse sweep'], rows);
}

/** What the program returns at (2, 3), run as JavaScript. */
function sourceResult(): string {
  const run = new Function(`return ${source};`)() as (x: number[]) => {
    value: number;
    grad: number[];
  };
  const { value, grad: g } = run(at);
  return `\`{ value: ${value}, grad: [${g.join(', ')}] }\``;
}

export const reverseAccumulation: Record<string, Generator> = {
  'worked-code': () => code(import.meta.url, 'worked'),
  'worked-primal': () => toMarkdown(primalTable(list)),
  'worked-graph': async (context) => {
    const svg = await graphSvg(list, { reverse: sweep });
    return fullSizeImage(
      context.figure('worked-example-graph.svg', svg),
      'The graph of 5x² − xy at (2, 3): each node with its value and adjoint, each edge with its local partial',
    );
  },
  'worked-reverse-table': sweepTable,
  'worked-input-adjoint': inputAdjoint,
  'worked-gradient': () => math(`\\nabla f${texVector(at)} = ${texVector(grad(f)(at))}`),
  'worked-entries': () => num(list.entries.length),
  'worked-tape': tape,
  'worked-source-table': sourceTable,
  'worked-adjoint-source': () => `\`\`\`js\n${source}\n\`\`\``,
  'worked-source-result': sourceResult,
};
