/** @file Markdown tables and the number formats the report uses. */

/** A Markdown table; the first column is left-aligned, the others right-aligned. */
export function markdownTable(
  header: readonly string[],
  rows: readonly (readonly string[])[],
  leftColumns = 1,
): string {
  const line = (cells: readonly string[]) => `| ${cells.map(escapeCell).join(' | ')} |`;
  const rule = `|${header.map((_, k) => (k < leftColumns ? ' --- ' : ' ---: ')).join('|')}|`;
  return [line(header), rule, ...rows.map(line)].join('\n');
}

function escapeCell(text: string): string {
  return text.replace(/\|/g, '\\|');
}

/** Three significant digits, as a plain decimal (no exponent). */
export function sig3(x: number): string {
  if (!Number.isFinite(x)) return String(x);
  const a = Math.abs(x);
  if (a >= 100) return Math.round(x).toLocaleString('en-US');
  return x.toFixed(a >= 10 ? 1 : a >= 1 ? 2 : a >= 0.1 ? 3 : 4);
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

/** An integer with thousands separators. */
export function count(n: number | string | undefined): string {
  return typeof n === 'number' ? n.toLocaleString('en-US') : (n ?? '—');
}
