/**
 * @file The results of grad and jacobian as text, JSON for scripts, or Markdown tables.
 *
 * Text and Markdown write numbers by the one policy (core/format.ts: 6
 * significant digits, separators from 10,000 up, none inside a list);
 * JSON keeps every digit, for scripts.
 */

import { formatNumber, lineUpThousands } from '../core/format.ts';

export type OutputFormat = 'text' | 'json' | 'md';

/** JSON without losing non-finite numbers: they become the strings "Infinity", "-Infinity", "NaN". */
export function toJson(value: unknown): string {
  return JSON.stringify(
    value,
    (_, v: unknown) => (typeof v === 'number' && !Number.isFinite(v) ? String(v) : v),
    2,
  );
}

/** A number in a list, where a comma separates entries: `(12000, 0.5)`. */
export const listed = (v: number) => formatNumber(v, { thousands: false });

/** A row of numbers for the terminal: `[2, 0.540302]`. */
export const row = (values: readonly number[]) => `[${values.map(listed).join(', ')}]`;

/** A Markdown table: a header row, right-aligned number columns after the first (lined up by lineUpThousands). */
export function markdownTable(header: readonly string[], rows: readonly (readonly string[])[]) {
  const line = (cells: readonly string[]) =>
    `| ${cells.map((c) => c.replaceAll('|', '\\|')).join(' | ')} |`;
  const rule = `| ${header.map((_, j) => (j === 0 ? '---' : '---:')).join(' | ')} |`;
  const columns = header.map((_, j) => lineUpThousands(rows.map((r) => r[j] ?? '')));
  const lined = rows.map((r, i) => r.map((_, j) => columns[j]?.[i] ?? ''));
  return [line(header), rule, ...lined.map(line)].join('\n');
}

/** "(x, y) = (2, 3)" */
export function pointText(variables: readonly string[], x: readonly number[]): string {
  return variables.length === 1
    ? `${variables[0]} = ${formatNumber(x[0] as number)}`
    : `(${variables.join(', ')}) = (${x.map(listed).join(', ')})`;
}
