/** @file compareModes: both Jacobians of one function, with their cost ledgers side by side. */

import { formatNumber, lineUpThousands } from '../core/format.ts';
import { type Cost, withCost } from '../core/ledger.ts';
import { flattenInput, type Point } from '../core/point.ts';
import { entryCount } from './entries.ts';
import { type Differentiable, jacfwd, jacrev } from './jacobian.ts';

/**
 * One mode's answer and what it cost.
 *
 * @example
 * ```ts
 * const { forward, reverse } = compareModes(([x, y]: Num[]) => [mul(x, y)], [2, 3]);
 * console.log(forward.jacobian, reverse.cost.reverseSweeps); // [[3, 2]] 1
 * ```
 */
export interface ModeRun {
  readonly jacobian: number[][];
  readonly cost: Cost;
}

/**
 * compareModes's answer: the Jacobian's shape, each mode's Jacobian and
 * cost, and the largest difference between the two Jacobians.
 *
 * @example
 * ```ts
 * const comparison = compareModes(([x, y]: Num[]) => [mul(x, y), sin(x)], [1, 2]);
 * const { shape, forward, reverse } = comparison;
 * console.log(shape, forward.cost.forwardPasses, reverse.cost.reverseSweeps);
 * ```
 */
export interface ModeComparison {
  /** n inputs, m outputs. */
  readonly shape: { readonly n: number; readonly m: number };
  readonly forward: ModeRun;
  readonly reverse: ModeRun;
  /** The largest |J_fwd − J_rev| over all entries (NaN if either has a NaN). */
  readonly maxAbsDifference: number;
}

/**
 * Builds the Jacobian of f at x by forward mode (n passes) and by reverse
 * mode (m sweeps) and reports both, so the costs can be compared on a real run.
 *
 * @example
 * const c = compareModes((x: Num[]) => x.reduce((s, xi) => add(s, mul(xi, xi)), 0), new Array(1000).fill(1));
 * c.forward.cost.forwardPasses; // 1000
 * c.reverse.cost.reverseSweeps; // 1
 */
export function compareModes(f: Differentiable, x: Point): ModeComparison {
  const n = flattenInput('compareModes', 'x', x).values.reduce<number>(
    (c, v) => c + entryCount(v),
    0,
  );
  const fwd = withCost(() => jacfwd(f)(x) as number[][]);
  const rev = withCost(() => jacrev(f)(x) as number[][]);
  let maxAbsDifference = 0;
  fwd.result.forEach((row, i) => {
    row.forEach((a, j) => {
      const d = Math.abs(a - (rev.result[i]?.[j] ?? Number.NaN));
      maxAbsDifference = Number.isNaN(d) || d > maxAbsDifference ? d : maxAbsDifference;
    });
  });
  return {
    shape: { n, m: fwd.result.length },
    forward: { jacobian: fwd.result, cost: fwd.cost },
    reverse: { jacobian: rev.result, cost: rev.cost },
    maxAbsDifference,
  };
}

const ROWS: readonly [keyof Cost, string][] = [
  ['forwardPasses', 'forward passes'],
  ['reverseSweeps', 'reverse sweeps'],
  ['primal', 'primal applications'],
  ['tangent', 'tangent applications'],
  ['adjoint', 'adjoint applications'],
  ['tapeEntries', 'tape entries'],
  ['peakTapeBytesInUse', 'peak tape bytes in use'],
  ['peakTapeBytes', 'peak tape capacity (bytes)'],
  ['wallMs', 'wall time (ms)'],
];

/**
 * The two ledgers as a Markdown table (also readable as plain text).
 *
 * @example
 * ```ts
 * const f = ([x, y]: Num[]) => [mul(x, y), sin(x), cos(y)];
 * console.log(costTable(compareModes(f, [1, 2])));
 * ```
 */
export function costTable({ forward, reverse }: ModeComparison): string {
  // Wall time is a duration: 3 significant digits; the counts are integers, written exactly.
  const cell = (key: keyof Cost, c: Cost) =>
    formatNumber(c[key], { digits: key === 'wallMs' ? 3 : 6 });
  const [forwardCells, reverseCells] = [forward.cost, reverse.cost].map((c) =>
    lineUpThousands(ROWS.map(([key]) => cell(key, c))),
  );
  const lines = ROWS.map(([, label], i) => [
    label,
    forwardCells?.[i] ?? '',
    reverseCells?.[i] ?? '',
  ]);
  const header = ['', 'forward (jacfwd)', 'reverse (jacrev)'];
  const widths = header.map((h, k) =>
    Math.max(h.length, ...lines.map((l) => (l[k] as string).length)),
  );
  const row = (cells: string[]) =>
    `| ${cells.map((c, k) => (k === 0 ? c.padEnd(widths[k] as number) : c.padStart(widths[k] as number))).join(' | ')} |`;
  const rule = `|${widths.map((w, k) => (k === 0 ? `${'-'.repeat(w + 1)}-` : `${'-'.repeat(w + 1)}:`)).join('|')}|`;
  return [row(header), rule, ...lines.map(row)].join('\n');
}
