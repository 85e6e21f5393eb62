/** @file The semantics page's table of special points: complete over the registry, and its values as the mathematics (or IEEE 754) states them. */

import { describe, expect, it } from 'vitest';
import { semantics } from '../scripts/docs/generators/semantics.ts';
import { scalarRules } from '../src/index.ts';

const context = {} as Parameters<NonNullable<(typeof semantics)[string]>>[0];
const special = String(await semantics['semantics-special-points']?.(context));
const smooth = String(await semantics['semantics-smooth']?.(context));

/** The value and derivative cells of the row for `op` at `point` (as the page writes the point). */
function cells(op: string, point: string): [string, string] {
  const row = special
    .split('\n')
    .map((line) => line.split(' | ').map((c) => c.replace(/^\| |\s\|$/g, '')))
    .find((c) => c[0] === `\`${op}\` at $${point}$`);
  if (row === undefined) throw new Error(`no row for ${op} at ${point}`);
  return [row[1] as string, row[2] as string];
}

describe('the semantics page', () => {
  it('lists every scalar primitive, in the table or among those with no special point', () => {
    for (const r of scalarRules) {
      const listed = special.includes(`\`${r.name}\` at`) || smooth.includes(`$${r.notation}$`);
      expect(listed, r.name).toBe(true);
    }
  });

  it('gives the values and derivatives the mathematics and IEEE 754 give', () => {
    // |x| and relu at their kink: value 0, the documented subgradient 0
    expect(cells('abs', 'x = 0')).toEqual(['$0$', '$0$']);
    expect(cells('relu', 'x = 0')).toEqual(['$0$', '$0$']);
    // a tie of max or min: ½ to each input
    expect(cells('max', '(1, 1)')).toEqual(['$1$', '$(0.5, 0.5)$']);
    expect(cells('min', '(1, 1)')).toEqual(['$1$', '$(0.5, 0.5)$']);
    // ln at 0: −∞ with slope 1/0 = ∞; at −1: no value, slope 1/(−1) = −1
    expect(cells('log', 'x = 0')).toEqual(['$-\\infty$', '$\\infty$']);
    expect(cells('log', 'x = -1')).toEqual(['$\\text{NaN}$', '$-1$']);
    // √ at 0: slope 1/(2·0) = ∞; at −0 IEEE keeps the sign: √−0 = −0, 0.5/−0 = −∞
    expect(cells('sqrt', 'x = 0')).toEqual(['$0$', '$\\infty$']);
    expect(cells('sqrt', 'x = -0')).toEqual(['$-0$', '$-\\infty$']);
    // x/y at (0, 0): 0/0; ∂/∂x = 1/0 = ∞, ∂/∂y = −(0/0)/0 = NaN
    expect(cells('div', '(0, 0)')).toEqual(['$\\text{NaN}$', '$(\\infty, \\text{NaN})$']);
    // x^y: 0^2 = 0 with ∂/∂x = 2·0 = 0 and ∂/∂y = 0 (0^y = 0 for y > 0);
    // 0^0 = 1 with ∂/∂x = 0 (x^0 = 1) and ∂/∂y = 0^0 · ln 0 = −∞
    expect(cells('pow', '(0, 2)')).toEqual(['$0$', '$(0, 0)$']);
    expect(cells('pow', '(0, 0)')).toEqual(['$1$', '$(0, -\\infty)$']);
    // (−2)^2 = 4, ∂/∂x = 2·(−2) = −4, ∂/∂y = 4 · ln(−2) = NaN
    expect(cells('pow', '(-2, 2)')).toEqual(['$4$', '$(-4, \\text{NaN})$']);
    // arccos at 1: 0, slope −1/√(1 − 1) = −∞
    expect(cells('acos', 'x = 1')).toEqual(['$0$', '$-\\infty$']);
    // stopGradient: the value passes, the derivative is 0
    expect(cells('stopGradient', 'x = 2')).toEqual(['$2$', '$0$']);
  });
});
