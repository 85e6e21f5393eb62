/** @file The one number formatter: its policy, case by case, with every expected string written by hand. */

import { describe, expect, it } from 'vitest';
import { formatLatex, formatNumber, lineUpThousands } from '../src/index.ts';

describe('formatNumber', () => {
  it.each([
    // integers exactly, separators from 10,000 up
    [0, '0'],
    [17, '17'],
    [-2, '-2'],
    [1088, '1088'],
    [9999, '9999'],
    [10000, '10,000'],
    [17952, '17,952'],
    [-1234567, '-1,234,567'],
    [999999999999999, '999,999,999,999,999'],
    // others to 6 significant digits, trailing zeros dropped
    [0.5, '0.5'],
    [Math.PI, '3.14159'],
    [-Math.cos(2), '0.416147'],
    [Math.cos(2), '-0.416147'],
    [Math.exp(3), '20.0855'],
    [0.1 + 0.2, '0.3'],
    [2.0000004, '2'],
    [12345.678, '12,345.7'],
    [123456.7, '123,457'],
    [0.0001, '0.0001'],
    [0.000123456789, '0.000123457'],
    // very small and very large ones with an exponent
    [0.0000999, '9.99e-5'],
    [1.5e-7, '1.5e-7'],
    [-2.5e-12, '-2.5e-12'],
    [-1e-300, '-1e-300'],
    [1e15, '1e+15'],
    [6.02214076e23, '6.02214e+23'],
    // the special values
    [-0, '0'],
    [-3 * 0, '0'],
    [Number.NaN, 'NaN'],
    [Number.POSITIVE_INFINITY, '∞'],
    [Number.NEGATIVE_INFINITY, '-∞'],
  ])('%s → %s', (v, text) => {
    expect(formatNumber(v)).toBe(text);
  });

  it('writes durations and error sizes to 3 significant digits', () => {
    expect(formatNumber(0.07137200000215671, { digits: 3 })).toBe('0.0714');
    expect(formatNumber(Math.PI, { digits: 3 })).toBe('3.14');
    expect(formatNumber(1234.5, { digits: 3 })).toBe('1230');
    expect(formatNumber(45678.9, { digits: 3 })).toBe('45,700');
    expect(formatNumber(2.345e-9, { digits: 3 })).toBe('2.35e-9');
    // an integer stays exact at any precision
    expect(formatNumber(25648, { digits: 3 })).toBe('25,648');
  });

  it('leaves separators out inside a comma-separated list when asked', () => {
    expect(formatNumber(17952, { thousands: false })).toBe('17952');
    expect(formatNumber(-12345.678, { thousands: false })).toBe('-12345.7');
  });

  it('writes what Number() reads back to the shown digits', () => {
    for (const v of [Math.E, -1.5e-7, 6.02214076e23, 0.000123456789]) {
      const back = Number(formatNumber(v));
      expect(Math.abs(back - v)).toBeLessThanOrEqual(Math.abs(v) * 5e-6);
    }
  });
});

describe('formatLatex', () => {
  it.each([
    [17, '17'],
    [-0.5, '-0.5'],
    [17952, '17{,}952'],
    [Math.PI, '3.14159'],
    [1.5e-7, '1.5 \\times 10^{-7}'],
    [1e20, '1 \\times 10^{20}'],
    [-6.02214076e23, '-6.02214 \\times 10^{23}'],
    [-0, '0'],
    [Number.NaN, '\\text{NaN}'],
    [Number.POSITIVE_INFINITY, '\\infty'],
    [Number.NEGATIVE_INFINITY, '-\\infty'],
  ])('%s → %s', (v, latex) => {
    expect(formatLatex(v)).toBe(latex);
  });

  it('takes the same precision', () => {
    expect(formatLatex(0.07137200000215671, { digits: 3 })).toBe('0.0714');
  });
});

describe('lineUpThousands', () => {
  it('groups the 4-digit numbers of a column that has a grouped one', () => {
    expect(lineUpThousands(['272', '1088', '8704', '17,408'])).toEqual([
      '272',
      '1,088',
      '8,704',
      '17,408',
    ]);
    expect(lineUpThousands(['−4352.25', '17,952', 'forward', '0.12345'])).toEqual([
      '−4,352.25',
      '17,952',
      'forward',
      '0.12345',
    ]);
  });

  it('groups numbers with a unit after them, as the bench writes ratios and times', () => {
    expect(lineUpThousands(['3.24x', '1120x', '12,800x', '5410 ms', 'x1000'])).toEqual([
      '3.24x',
      '1,120x',
      '12,800x',
      '5,410 ms',
      'x1000',
    ]);
  });

  it('groups a LaTeX column with {,}', () => {
    expect(lineUpThousands(['1000', '10{,}000', '-2048.5'])).toEqual([
      '1{,}000',
      '10{,}000',
      '-2{,}048.5',
    ]);
  });

  it('leaves a column with no grouped number as it is', () => {
    expect(lineUpThousands(['272', '1088', '8704'])).toEqual(['272', '1088', '8704']);
    expect(lineUpThousands(['(1, 2)', '1088'])).toEqual(['(1, 2)', '1088']);
  });
});
