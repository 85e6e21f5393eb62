/** @file explain: the Wengert list of one evaluation with its forward and reverse sweeps, ready to print. */

import { formatNumber } from '../core/format.ts';
import type { Point } from '../core/point.ts';
import { type Format, render } from './render.ts';
import { forwardSweep, reverseSweep } from './sweeps.ts';
import { forwardTable, primalTable, type ReverseTableOptions, reverseTable } from './tables.ts';
import { type TraceOptions, trace, type WengertList } from './wengert-list.ts';

/**
 * What explain shows and how: which sweeps, their direction and seed, the
 * inputs' names and the format.
 *
 * @example
 * ```ts
 * const f = ([x, y]: Num[]) => mul(sin(x), y);
 * console.log(explain(f, [1, 2], { mode: 'reverse', names: ['a', 'b'] }).output);
 * ```
 */
export interface ExplainOptions extends TraceOptions, ReverseTableOptions {
  /** Which sweeps to show after the primal table (default both). */
  readonly mode?: 'forward' | 'reverse' | 'both';
  /** Input tangents for the forward sweep (default: the first input's unit vector). */
  readonly direction?: readonly number[];
  /** Output adjoints for the reverse sweep (default: the first output's unit vector). */
  readonly seed?: readonly number[];
  readonly format?: Format;
}

const unit = (n: number) => Array.from({ length: n }, (_, i) => (i === 0 ? 1 : 0));

function heading(title: string, format: Format): string {
  return format === 'md' ? `### ${title}` : format === 'latex' ? `% ${title}` : title;
}

/**
 * Traces f at x and returns its primal table and the sweeps asked for, as
 * text, Markdown or LaTeX, together with the list the tables came from.
 *
 * @example
 * console.log(explain(([x, y]: Num[]) => sub(mul(5, mul(x, x)), mul(x, y)), [2, 3]).output);
 */
export function explain(
  f: (x: never) => unknown,
  at: Point,
  options: ExplainOptions = {},
): { list: WengertList; output: string } {
  const { mode = 'both', format = 'text' } = options;
  const list = trace(f, at, options);
  const inputs = list.entries.filter((e) => e.op === 'input').length;
  const direction = options.direction ?? unit(inputs);
  const seed = options.seed ?? unit(list.outputs.length);
  // Both are checked even when their sweep is not shown: a wrong option is a mistake either way.
  if (direction.length !== inputs) {
    throw new Error(
      `wengert: forward sweep: expected a direction of ${inputs} (one per input), got ${direction.length}`,
    );
  }
  if (seed.length !== list.outputs.length) {
    throw new Error(
      `wengert: reverse sweep: expected a seed of ${list.outputs.length} (one per output), got ${seed.length}`,
    );
  }
  // A vector in a heading: its entries by the one policy, without separators (commas part them).
  const vector = (v: readonly number[]) =>
    v.map((a) => formatNumber(a, { thousands: false })).join(', ');
  const sections = [heading('Primal: the Wengert list', format), render(primalTable(list), format)];
  if (mode !== 'reverse') {
    sections.push(
      heading(`Forward sweep: tangents for the direction (${vector(direction)})`, format),
      render(forwardTable(list, forwardSweep(list, direction)), format),
    );
  }
  if (mode !== 'forward') {
    sections.push(
      heading(`Reverse sweep: adjoints from the seed (${vector(seed)}), last step first`, format),
      render(reverseTable(list, reverseSweep(list, seed), options), format),
    );
  }
  return { list, output: sections.join('\n\n') };
}
