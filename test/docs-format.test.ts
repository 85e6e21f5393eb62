/** @file The docs generators' number helpers: thin uses of the package's formatter, with the minus sign of typeset text. */

import { describe, expect, it } from 'vitest';
import { num, table, tex, texMatrix, texVector } from '../scripts/docs/format.ts';

describe('num and tex', () => {
  it.each([
    [17, '17', '17'],
    [-2, '−2', '-2'],
    [17952, '17,952', '17{,}952'],
    [-0.41614683654714241, '−0.416147', '-0.416147'],
    [2.5e-8, '2.5e-8', '2.5 \\times 10^{-8}'],
    [-0, '0', '0'],
    [Number.NEGATIVE_INFINITY, '−∞', '-\\infty'],
    [Number.NaN, 'NaN', '\\text{NaN}'],
  ])('%s → %s and %s', (v, text, latex) => {
    expect(num(v)).toBe(text);
    expect(tex(v)).toBe(latex);
  });

  it('take another precision where a page needs one', () => {
    expect(num(0.07137200000215671, 3)).toBe('0.0714');
    expect(tex(Math.PI, 12)).toBe('3.14159265359');
  });

  it('write vectors without separators and matrices with them', () => {
    expect(texVector([17952, -2])).toBe('(17952, -2)');
    expect(texMatrix([[17952, 0.5]])).toBe('\\begin{bmatrix} 17{,}952 & 0.5 \\end{bmatrix}');
  });
});

describe('table', () => {
  it('aligns number columns right and lines up their thousands', () => {
    expect(
      table(
        ['n × m', 'work'],
        [
          ['8 × 4', '1088'],
          ['8 × 32', '17,952'],
        ],
      ),
    ).toBe(
      ['| n × m | work |', '| --- | ---: |', '| 8 × 4 | 1,088 |', '| 8 × 32 | 17,952 |'].join('\n'),
    );
  });
});
