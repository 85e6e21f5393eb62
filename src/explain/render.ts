/** @file A trace table as aligned terminal text, as Markdown (math for KaTeX) or as a LaTeX array. */

import { lineUpThousands } from '../core/format.ts';
import { displayWidth } from './notation.ts';
import type { Table } from './tables.ts';

/** How render writes a table: aligned plain text, Markdown, or a LaTeX array. @example const format: Format = 'md'; */
export type Format = 'text' | 'md' | 'latex';

function pad(s: string, width: number, align: 'left' | 'right'): string {
  const fill = ' '.repeat(Math.max(0, width - displayWidth(s)));
  return align === 'left' ? s + fill : fill + s;
}

/** No column is padded wider than this: a longer cell pushes the rest of its own row only. */
const MAX_PAD = 200;

/**
 * Columns padded to their widest cell (up to MAX_PAD characters), readable
 * without colour. One very long cell (every contribution of a 10,000-term
 * sum) does not widen every other row, so the text grows with the table.
 *
 * @example
 * ```ts
 * console.log(toText(primalTable(trace(([x, y]: Num[]) => mul(x, y), [2, 3]))));
 * ```
 */
export function toText({ columns, rows }: Table): string {
  const cells = cellsOf({ columns, rows }, 'text');
  // A loop, not Math.max(...cells): a spread of 100,000 rows overflows the stack.
  const widths = columns.map((col, j) =>
    cells.reduce(
      (w, r) => Math.max(w, Math.min(MAX_PAD, displayWidth(r[j] ?? ''))),
      displayWidth(col.header),
    ),
  );
  const line = (r: readonly string[]) =>
    r
      .map((c, j) => pad(c, widths[j] as number, columns[j]?.align ?? 'left'))
      .join('  ')
      .trimEnd();
  return [
    line(columns.map((c) => c.header)),
    widths.map((w) => '-'.repeat(w)).join('  '),
    ...cells.map(line),
  ].join('\n');
}

/**
 * One form of every cell, a column at a time through lineUpThousands: a
 * column of numbers that reaches 10,000 writes 8,704 beside 17,952.
 */
function cellsOf({ columns, rows }: Table, form: 'text' | 'latex'): string[][] {
  const byColumn = columns.map((_, j) => lineUpThousands(rows.map((row) => row[j]?.[form] ?? '')));
  return rows.map((row, i) => row.map((_, j) => byColumn[j]?.[i] ?? ''));
}

/**
 * A Markdown table; math cells are dollar-delimited for KaTeX.
 *
 * @example
 * ```ts
 * console.log(toMarkdown(primalTable(trace(([x, y]: Num[]) => mul(x, y), [2, 3]))));
 * ```
 */
export function toMarkdown({ columns, rows }: Table): string {
  const escapePipes = (s: string) => s.replaceAll('|', '\\|');
  const line = (r: readonly string[]) => `| ${r.join(' | ')} |`;
  const text = cellsOf({ columns, rows }, 'text');
  const latex = cellsOf({ columns, rows }, 'latex');
  return [
    line(columns.map((c) => escapePipes(c.header))),
    `|${columns.map((c) => (c.align === 'right' ? ' ---: ' : ' --- ')).join('|')}|`,
    ...rows.map((row, i) =>
      line(
        row.map((_, j) =>
          columns[j]?.math
            ? `$${escapePipes(latex[i]?.[j] ?? '')}$`
            : escapePipes(text[i]?.[j] ?? ''),
        ),
      ),
    ),
  ].join('\n');
}

/**
 * A LaTeX `array`, one row per entry, for KaTeX or a paper.
 *
 * @example
 * ```ts
 * console.log(toLatex(primalTable(trace(([x, y]: Num[]) => mul(x, y), [2, 3]))));
 * ```
 */
export function toLatex({ columns, rows }: Table): string {
  const cells = cellsOf({ columns, rows }, 'latex');
  const spec = columns.map((c) => (c.align === 'right' ? 'r' : 'l')).join('');
  const line = (r: readonly string[]) => `${r.join(' & ')} \\\\`;
  return [
    `\\begin{array}{${spec}}`,
    line(columns.map((c) => `\\text{${c.header}}`)),
    '\\hline',
    ...cells.map(line),
    '\\end{array}',
  ].join('\n');
}

/**
 * The table in the chosen format.
 *
 * @example
 * ```ts
 * const table = primalTable(trace((x: Num) => sin(x), 1));
 * console.log(render(table, 'text') === toText(table)); // true
 * ```
 */
export function render(table: Table, format: Format): string {
  return format === 'text' ? toText(table) : format === 'md' ? toMarkdown(table) : toLatex(table);
}
