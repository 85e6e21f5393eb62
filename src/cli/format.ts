/** @file The results of grad and jacobian as text, JSON for scripts, or Markdown tables. */

export type OutputFormat = 'text' | 'json' | 'md';

/** JSON without losing non-finite numbers: they become the strings "Infinity", "-Infinity", "NaN". */
export function toJson(value: unknown): string {
  return JSON.stringify(
    value,
    (_, v: unknown) => (typeof v === 'number' && !Number.isFinite(v) ? String(v) : v),
    2,
  );
}

/** A row of numbers with full precision, for the terminal. */
export const row = (values: readonly number[]) => `[${values.map(String).join(', ')}]`;

/** A Markdown table: a header row, right-aligned number columns after the first. */
export function markdownTable(header: readonly string[], rows: readonly (readonly string[])[]) {
  const line = (cells: readonly string[]) =>
    `| ${cells.map((c) => c.replaceAll('|', '\\|')).join(' | ')} |`;
  const rule = `| ${header.map((_, j) => (j === 0 ? '---' : '---:')).join(' | ')} |`;
  return [line(header), rule, ...rows.map(line)].join('\n');
}

/** "(x, y) = (2, 3)" */
export function pointText(variables: readonly string[], x: readonly number[]): string {
  return variables.length === 1
    ? `${variables[0]} = ${x[0]}`
    : `(${variables.join(', ')}) = (${x.join(', ')})`;
}
