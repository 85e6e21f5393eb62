/** @file How generators write what the toolkit returned: numbers as text and as LaTeX, vectors, matrices and tables. */

import { formatLatex, formatNumber, lineUpThousands } from '../../src/index.ts';

/**
 * A number for prose and tables: the package's `formatNumber` (integers
 * exactly, grouped from 10,000, others to `digits` significant digits, 6
 * unless a page needs more or fewer, tiny and huge ones as `2.5e-8`, ∞ and
 * NaN by name), with the typographic minus sign a web page should have.
 */
export function num(v: number, digits = 6): string {
  return formatNumber(v, { digits }).replace(/^-/, '−');
}

/** A number in LaTeX: the package's `formatLatex` (`1.5 \times 10^{-7}`, `17{,}952`, `\infty`, `\text{NaN}`). */
export function tex(v: number, digits = 6): string {
  return formatLatex(v, { digits });
}

/** A vector in LaTeX: `(17, -2)`; no separators in its entries, since commas part them. */
export function texVector(vs: readonly number[], digits = 6): string {
  return `(${vs.map((v) => formatLatex(v, { digits, thousands: false })).join(', ')})`;
}

/** A matrix in LaTeX, as a bracketed array. */
export function texMatrix(rows: readonly (readonly number[])[], digits = 6): string {
  const body = rows.map((row) => row.map((v) => tex(v, digits)).join(' & ')).join(' \\\\ ');
  return `\\begin{bmatrix} ${body} \\end{bmatrix}`;
}

const NUMERIC = /^[−-]?[\d,]*\.?\d+(e[+-]?\d+)?$/;

/**
 * A Markdown table; cells are Markdown already (math in `$...$` is fine),
 * pipes are escaped, and columns of plain numbers are aligned right, their
 * digits lined up (lineUpThousands: 8,704 above 17,952, not 8704).
 */
export function table(headers: readonly string[], rows: readonly (readonly string[])[]): string {
  const line = (cells: readonly string[]) =>
    `| ${cells.map((c) => c.replaceAll('|', '\\|')).join(' | ')} |`;
  const columns = headers.map((_, j) => lineUpThousands(rows.map((row) => row[j] ?? '')));
  const lined = rows.map((row, i) => row.map((_, j) => columns[j]?.[i] ?? ''));
  const numeric = (j: number) => lined.every((row) => NUMERIC.test(row[j] ?? ''));
  const rule = headers.map((_, j) => (numeric(j) ? ' ---: ' : ' --- ')).join('|');
  return [line(headers), `|${rule}|`, ...lined.map(line)].join('\n');
}

/** Text that must reach the page as written: Markdown's and the math plugin's special characters escaped. */
export const escapeMarkdown = (text: string) => text.replace(/[\\`*_[\]<>$]/g, '\\$&');

/** Inline math. */
export const math = (latex: string) => `$${latex}$`;

/** Display math, on lines of its own. */
export const display = (latex: string) => `$$\n${latex}\n$$`;
