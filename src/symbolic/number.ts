/** @file How numbers are written for a reader: integers exactly, others to six significant digits. */

/** A number as a reader wants it: integers exactly, others to 6 significant digits. */
export function formatNumber(v: number): string {
  if (Number.isNaN(v)) return 'NaN';
  if (!Number.isFinite(v)) return v > 0 ? '∞' : '-∞';
  if (Number.isInteger(v) && Math.abs(v) < 1e15) return Object.is(v, -0) ? '0' : String(v);
  return String(Number(v.toPrecision(6)));
}

/** A number in LaTeX; negative ones in parentheses when asked, so they can stand as an operand. */
export function numberLatex(v: number, parenthesize = false): string {
  const body = Number.isNaN(v)
    ? '\\text{NaN}'
    : !Number.isFinite(v)
      ? `${v < 0 ? '-' : ''}\\infty`
      : formatNumber(v).replace(/e([+-]\d+)$/, '\\times 10^{$1}');
  // 1 × 10^{-7} under an exponent or inside a product needs its own parentheses too.
  const compound = v < 0 || Object.is(v, -0) || body.includes('\\times');
  return parenthesize && compound ? `(${body})` : body;
}
