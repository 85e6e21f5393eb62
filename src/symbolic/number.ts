/** @file A constant of a formula in LaTeX, written by the one number formatter (core/format.ts). */

import { formatLatex } from '../core/format.ts';

/** A number in LaTeX; negative ones in parentheses when asked, so they can stand as an operand. */
export function numberLatex(v: number, parenthesize = false): string {
  const body = formatLatex(v);
  // 1 × 10^{-7} under an exponent or inside a product needs its own parentheses too.
  const compound = body.startsWith('-') || body.includes('\\times');
  return parenthesize && compound ? `(${body})` : body;
}
