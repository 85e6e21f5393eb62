/** @file How generators write what the toolkit returned: numbers as text and as LaTeX, vectors, matrices and tables. */

/** Integers exactly; others to `digits` significant digits, tiny and huge ones as `2.5e-8`. */
function decimal(v: number, digits: number): string {
  if (Number.isInteger(v) && Math.abs(v) < 1e15) return String(v);
  const rounded = Number(v.toPrecision(digits));
  const tiny = Math.abs(rounded) < 1e-4 && rounded !== 0;
  return tiny || Math.abs(rounded) >= 1e15 ? rounded.toExponential() : String(rounded);
}

/** A number for prose: integers exactly, others to `digits` significant digits, IEEE names for the rest. */
export function num(v: number, digits = 6): string {
  if (Number.isNaN(v)) return 'NaN';
  if (!Number.isFinite(v)) return v > 0 ? '∞' : '−∞';
  if (Number.isInteger(v) && Math.abs(v) >= 1e4)
    return v.toLocaleString('en-US').replace(/^-/, '−');
  return decimal(v, digits).replace(/^-/, '−');
}

/** A number in LaTeX: `1.5 \times 10^{-7}`, `\infty`, `\text{NaN}`. */
export function tex(v: number, digits = 6): string {
  if (Number.isNaN(v)) return '\\text{NaN}';
  if (!Number.isFinite(v)) return v > 0 ? '\\infty' : '-\\infty';
  return decimal(v, digits).replace(/e([+-])(\d+)$/, (_, sign: string, exp: string) => {
    return ` \\times 10^{${sign === '-' ? '-' : ''}${exp}}`;
  });
}

/** A vector in LaTeX: `(17, -2)`. */
export function texVector(vs: readonly number[], digits = 6): string {
  return `(${vs.map((v) => tex(v, digits)).join(', ')})`;
}

/** A matrix in LaTeX, as a bracketed array. */
export function texMatrix(rows: readonly (readonly number[])[], digits = 6): string {
  const body = rows.map((row) => row.map((v) => tex(v, digits)).join(' & ')).join(' \\\\ ');
  return `\\begin{bmatrix} ${body} \\end{bmatrix}`;
}

const NUMERIC = /^[−-]?[\d,]*\.?\d+(e[+-]?\d+)?$/;

/**
 * A Markdown table; cells are Markdown already (math in `$...$` is fine),
 * pipes are escaped, and columns of plain numbers are aligned right.
 */
export function table(headers: readonly string[], rows: readonly (readonly string[])[]): string {
  const line = (cells: readonly string[]) =>
    `| ${cells.map((c) => c.replaceAll('|', '\\|')).join(' | ')} |`;
  const numeric = (j: number) => rows.every((row) => NUMERIC.test(row[j] ?? ''));
  const rule = headers.map((_, j) => (numeric(j) ? ' ---: ' : ' --- ')).join('|');
  return [line(headers), `|${rule}|`, ...rows.map(line)].join('\n');
}

/** Text that must reach the page as written: Markdown's and the math plugin's special characters escaped. */
export const escapeMarkdown = (text: string) => text.replace(/[\\`*_[\]<>$]/g, '\\$&');

/** Inline math. */
export const math = (latex: string) => `$${latex}$`;

/** Display math, on lines of its own. */
export const display = (latex: string) => `$$\n${latex}\n$$`;
