/** @file Log-axis ticks: where an axis ends and which ticks it labels, for data like the docs' figures. */

import { describe, expect, it } from 'vitest';
import { logAxis } from '../scripts/plot/ticks.ts';

describe('logAxis', () => {
  it('labels every second decade of a wide span and ends on a labelled one', () => {
    // Errors from 3·10⁻¹¹ to 0.15: decades −11 to 0 are twelve, too many at seven a side.
    const axis = logAxis([3e-11, 0.15]);
    expect(axis.domain).toEqual([1e-11, 10]);
    expect(axis.labels).toEqual(['10⁻¹¹', '10⁻⁹', '10⁻⁷', '10⁻⁵', '10⁻³', '10⁻¹', '10¹']);
  });

  it('labels every decade when the axis has room, and then ends at the data’s decade', () => {
    const axis = logAxis([3e-11, 0.15], 12);
    expect(axis.domain).toEqual([1e-11, 1]);
    expect(axis.values).toHaveLength(12);
  });

  it('gives doubling data powers of two ending where the data ends', () => {
    const axis = logAxis([1, 2, 4, 8, 16, 32, 64, 128, 256]);
    expect(axis.domain).toEqual([1, 256]);
    expect(axis.labels).toEqual(['1', '4', '16', '64', '256']);
  });

  it('ends a short span at the 1-2-5 steps around it, written as plain numbers', () => {
    const axis = logAxis([0.03, 0.9]);
    expect(axis.domain).toEqual([0.02, 1]);
    expect(axis.labels).toEqual(['0.02', '0.05', '0.1', '0.2', '0.5', '1']);
  });
});
