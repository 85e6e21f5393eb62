/** @file Markdown tables and the number formats the report uses, all by the package's one formatter. */

import { formatNumber, lineUpThousands } from '../../src/index.ts';

/** A Markdown table; the first column is left-aligned, the others right-aligned. */
export function markdownTable(
  header: readonly string[],
  rows: readonly (readonly string[])[],
  leftColumns = 1,
): string {
  const line = (cells: readonly string[]) => `| ${cells.map(escapeCell).join(' | ')} |`;
  const rule = `|${header.map((_, k) => (k < leftColumns ? ' --- ' : ' ---: ')).join('|')}|`;
  // The table's numbers grouped alike: 8,704 above 17,952 and 1,210x beside 12,800x, not 8704.
  const width = header.length;
  const all = lineUpThousands(rows.flatMap((r) => header.map((_, k) => r[k] ?? '')));
  const lined = rows.map((_, i) => all.slice(i * width, (i + 1) * width));
  return [line(header), rule, ...lined.map(line)].join('\n');
}

function escapeCell(text: string): string {
  return text.replace(/\|/g, '\\|');
}

/** A measurement to three significant digits: `formatNumber`'s precision for durations and ratios (3.82, 512, 1.27e-5). */
export function sig3(x: number): string {
  return formatNumber(x, { digits: 3 });
}

/** A duration in the unit that suits it: 58.2 µs, 3.41 ms, 1.27 s. */
export function duration(ms: number): string {
  if (!Number.isFinite(ms)) return '—';
  if (ms < 1) return `${sig3(ms * 1000)} µs`;
  if (ms < 1000) return `${sig3(ms)} ms`;
  return `${sig3(ms / 1000)} s`;
}

/** A ratio to the primal: 512x, 3.82x. */
export function times(r: number): string {
  return Number.isFinite(r) ? `${sig3(r)}x` : '—';
}

/** A count, exactly (separators from 10,000 up, as everywhere). */
export function count(n: number | string | undefined): string {
  return typeof n === 'number' ? formatNumber(n) : (n ?? '—');
}
