/** @file The three tables of a trace (primal, forward sweep, reverse sweep), each cell in LaTeX and in text. */

import type { Value } from '../core/value.ts';
import { add, mul } from '../primitives/arithmetic.ts';
import { type AnyScalarRule, ruleByName } from '../primitives/lookup.ts';
import { type Instance, instantiate, latexOf } from '../symbolic/render.ts';
import { entryName, latexToText, type Notation, numberLatex, numberNotation } from './notation.ts';
import type { ForwardSweep, ReverseSweep } from './sweeps.ts';
import type { WengertEntry, WengertList } from './wengert-list.ts';

/**
 * A column: its header, how it aligns, and whether its cells are math (rendered by KaTeX in Markdown).
 *
 * @example
 * ```ts
 * console.log(primalTable(trace((x: Num) => sin(x), 1)).columns.map((c: Column) => c.header));
 * ```
 */
export interface Column {
  readonly header: string;
  readonly align: 'left' | 'right';
  readonly math: boolean;
}

/**
 * A table of a trace: its columns and one row of cells per entry, which
 * toText, toMarkdown and toLatex write out.
 *
 * @example
 * primalTable(trace((x: Num) => sin(x), 1)).columns.length; // step, name, expression, value
 */
export interface Table {
  readonly columns: readonly Column[];
  readonly rows: readonly (readonly Notation[])[];
}

const both = (latex: string): Notation => ({ latex, text: latexToText(latex) });
const step = (k: number): Notation => ({ latex: String(k + 1), text: String(k + 1) });

/** An input's name in LaTeX: x1 becomes x_{1}; any other underscore is a literal one. */
function labelLatex(label: string): string {
  return /^[A-Za-z]+\d+$/.test(label)
    ? label.replace(/^([A-Za-z]+)(\d+)$/, '$1_{$2}')
    : label.replaceAll('_', '\\_');
}

/** The SSA name of entry k in every notation a formula is printed in. */
function nameOf(k: number): { latex: string; text: string; ts: string } {
  const { latex, text } = entryName(k);
  return { latex, text, ts: text };
}

/**
 * An entry's rule applied to its operands' names (and values, so that a
 * piecewise partial is decided as the engine decided it), by running the
 * rule on symbols: the formulas cannot drift from what the engine computes.
 */
function applied(list: WengertList, entry: WengertEntry): Instance {
  const value = (k: number) => (list.entries[k] as WengertEntry).value;
  return instantiate(
    ruleByName(entry.op) as AnyScalarRule,
    entry.operands.map((o) =>
      o.kind === 'entry' ? { name: nameOf(o.index), value: value(o.index) } : o.value,
    ),
    { name: nameOf(entry.index), value: entry.value },
  );
}

/** The operation of an entry written in its operands, e.g. `w_{1} \cdot w_{2}`. */
export function expressionLatex(list: WengertList, entry: WengertEntry): string {
  if (entry.op === 'input') return labelLatex(entry.label ?? '');
  return latexOf(applied(list, entry).expression);
}

/**
 * Step, SSA name, expression, value: the Wengert list itself.
 *
 * @example
 * ```ts
 * const f = ([x, y]: Num[]) => sub(mul(5, mul(x, x)), mul(x, y));
 * console.log(toText(primalTable(trace(f, [2, 3]))));
 * ```
 */
export function primalTable(list: WengertList): Table {
  return {
    columns: [
      { header: 'step', align: 'right', math: false },
      { header: 'name', align: 'left', math: true },
      { header: 'expression', align: 'left', math: true },
      { header: 'value', align: 'right', math: true },
    ],
    rows: list.entries.map((entry) => [
      step(entry.index),
      entryName(entry.index),
      entry.op === 'input'
        ? { latex: expressionLatex(list, entry), text: entry.label ?? '' }
        : both(expressionLatex(list, entry)),
      numberNotation(entry.value),
    ]),
  };
}

const dot = (k: number) => `\\dot{w}_{${k + 1}}`;
const bar = (k: number) => `\\bar{w}_{${k + 1}}`;

/**
 * Each tangent with its rule filled in, the same with numbers, and its value.
 *
 * @example
 * ```ts
 * const f = ([x, y]: Num[]) => sub(mul(5, mul(x, x)), mul(x, y));
 * const list = trace(f, [2, 3]);
 * console.log(toText(forwardTable(list, forwardSweep(list, [1, 0]))));
 * ```
 */
export function forwardTable(list: WengertList, sweep: ForwardSweep): Table {
  let input = 0;
  return {
    columns: [
      { header: 'step', align: 'right', math: false },
      { header: 'tangent', align: 'left', math: true },
      { header: 'rule', align: 'left', math: true },
      { header: 'with numbers', align: 'left', math: true },
      { header: 'value', align: 'right', math: true },
    ],
    rows: list.entries.map((entry) => {
      const value = sweep.tangents[entry.index] as number;
      if (entry.op === 'input') {
        const seed = sweep.direction[input++] as number;
        return [
          step(entry.index),
          both(dot(entry.index)),
          both(`\\text{seed}`),
          numberNotation(seed),
          numberNotation(value),
        ];
      }
      const parts = entry.operands.flatMap((operand, i) =>
        operand.kind === 'entry' ? [{ i, from: operand.index }] : [],
      );
      // ẇ_k = Σ ∂w_k/∂w_i · ẇ_i, built with the ops on the instantiated rule
      const { partials, symbol } = applied(list, entry);
      const terms = parts.map(({ i, from }) =>
        mul(partials[i] as Value, symbol({ latex: dot(from), text: '', ts: '' })),
      );
      const rule = terms.length === 0 ? '0' : latexOf(terms.reduce((a, b) => add(a, b)));
      const numbers =
        parts.length === 0
          ? '0'
          : parts
              .map(
                ({ i, from }) =>
                  `${numberLatex(entry.partials[i] as number, true)} \\cdot ${numberLatex(sweep.tangents[from] as number, true)}`,
              )
              .join(' + ');
      return [
        step(entry.index),
        both(dot(entry.index)),
        both(rule),
        both(numbers),
        numberNotation(value),
      ];
    }),
  };
}

export interface ReverseTableOptions {
  /**
   * A row lists at most this many contributions (default 6): the first ones,
   * how many were left out, and the last. `Infinity` lists every one.
   */
  readonly maxContributions?: number;
}

/** The contributions a row shows: all of them, or the first max − 1 and the last with a count between. */
function shown<T>(all: readonly T[], max: number): (T | number)[] {
  if (all.length <= max) return [...all];
  const head = Math.max(1, max - 1);
  return [...all.slice(0, head), all.length - head - 1, all[all.length - 1] as T];
}

/**
 * Entries from last to first: each adjoint's seed and the contributions it
 * received, one `+=` per later use of the value, and the total. A value used
 * many times (x in a 1,000-term sum) shows a few of its contributions and
 * how many more it received, so each row stays short.
 *
 * @example
 * ```ts
 * const f = ([x, y]: Num[]) => sub(mul(5, mul(x, x)), mul(x, y));
 * const list = trace(f, [2, 3]);
 * console.log(toText(reverseTable(list, reverseSweep(list, [1]))));
 * ```
 */
export function reverseTable(
  list: WengertList,
  sweep: ReverseSweep,
  { maxContributions = 6 }: ReverseTableOptions = {},
): Table {
  const rows = [...list.entries].reverse().map((entry) => {
    const k = entry.index;
    const received = sweep.contributions[k] ?? [];
    const seed = sweep.seeds[k] as number;
    const rule: string[] = [];
    const numbers: string[] = [];
    if (seed !== 0) {
      rule.push('\\text{seed}');
      numbers.push(`\\mathrel{+}= ${numberLatex(seed)}`);
    }
    for (const c of shown(received, maxContributions)) {
      if (typeof c === 'number') {
        rule.push(`\\dots \\text{ ${c} more } \\dots`);
        numbers.push(`\\dots \\text{ ${c} more } \\dots`);
        continue;
      }
      const { partials, symbol } = applied(list, list.entries[c.from] as WengertEntry);
      const term = mul(
        partials[c.operand] as Value,
        symbol({ latex: bar(c.from), text: '', ts: '' }),
      );
      rule.push(`\\mathrel{+}= ${latexOf(term)}`);
      numbers.push(
        `\\mathrel{+}= ${numberLatex(c.partial, true)} \\cdot ${numberLatex(c.adjoint, true)} = ${numberLatex(c.amount)}`,
      );
    }
    return [
      step(k),
      both(bar(k)),
      both(rule.length === 0 ? '0' : rule.join(' \\qquad ')),
      both(numbers.length === 0 ? '0' : numbers.join(' \\qquad ')),
      numberNotation(sweep.adjoints[k] as number),
    ];
  });
  return {
    columns: [
      { header: 'step', align: 'right', math: false },
      { header: 'adjoint', align: 'left', math: true },
      { header: 'contributions', align: 'left', math: true },
      { header: 'with numbers', align: 'left', math: true },
      { header: 'value', align: 'right', math: true },
    ],
    rows,
  };
}
