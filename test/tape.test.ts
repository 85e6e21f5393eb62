/** @file The tape's storage: values across chunks, boxed entries under nesting, memory, recycling. */

import { describe, expect, it } from 'vitest';
import { add, grad, jvp, mul, type Num, sin, vjp, withCost } from '../src/index.ts';
import { CHUNK_SIZE, ENTRY_BYTES, UNARY_ENTRY_BYTES } from '../src/reverse/chunk.ts';

describe('Tape', () => {
  it('sweeps a recording that spans several chunks', () => {
    // x · 1.001 · 1.001 · ... : one entry per factor, crossing chunk edges three times
    const factors = 3 * CHUNK_SIZE + 5;
    const f = (x: Num) => {
      let s = x;
      for (let k = 0; k < factors; k++) s = mul(s, 1.001);
      return s;
    };
    expect(grad(f)(2)).toBeCloseTo(1.001 ** factors, 10);
  });

  it('switches to boxed storage when a value or partial is traced, keeping earlier entries', () => {
    // The inner tape records 2·y (numeric), then x·y with x from the outer trace (boxed).
    const outer = jvp(
      (x: Num) =>
        grad((y: Num) => {
          const twice = mul(2, y);
          return add(twice, mul(x, y));
        })(1),
      3,
      1,
    );
    // d/dy (2y + xy) = 2 + x = 5; its derivative with respect to x is 1.
    expect(outer).toEqual({ primal: 5, tangent: 1 });
  });

  it('holds at most 48 bytes per recorded application (entries plus adjoints) on a long recording', () => {
    const f = (x: Num) => {
      let s = x;
      for (let k = 0; k < 200_000; k++) s = sin(s);
      return s;
    };
    const { cost } = withCost(() => grad(f)(0.5));
    expect(cost.tapeEntries).toBe(200_001);
    expect(cost.peakTapeBytes / (cost.tapeEntries - 1)).toBeLessThanOrEqual(48);
    // one-operand entries take 13 bytes (25 in a chunk recycled with second-operand arrays), plus 8 of adjoint
    expect(cost.peakTapeBytesInUse).toBeGreaterThanOrEqual(
      cost.tapeEntries * (UNARY_ENTRY_BYTES + 8),
    );
    expect(cost.peakTapeBytesInUse).toBeLessThanOrEqual(cost.tapeEntries * (ENTRY_BYTES + 8));
    expect(cost.peakTapeBytes).toBeGreaterThanOrEqual(cost.peakTapeBytesInUse);
  });

  it('counts bytes in use apart from the capacity of the chunks allocated', () => {
    // x·y·y·...: every entry has two operands; 3 entries of the last chunk are in use
    const f = ([x, y]: Num[]) => {
      let s = x as Num;
      for (let k = 0; k < 2 * CHUNK_SIZE + 1; k++) s = mul(s, y as Num);
      return s;
    };
    const { cost } = withCost(() => grad(f)([1, 1]));
    const entries = 2 * CHUNK_SIZE + 3;
    expect(cost.tapeEntries).toBe(entries);
    expect(cost.peakTapeBytesInUse).toBe(entries * (ENTRY_BYTES + 8));
    expect(cost.peakTapeBytes).toBe(3 * CHUNK_SIZE * ENTRY_BYTES + entries * 8);
  });

  it('does not let a recycled buffer alias a tape that is still in use', () => {
    // vjp keeps its tape; grad calls in between release theirs into the pool.
    const { pullback } = vjp(([x, y]: Num[]) => mul(sin(x as Num), y as Num), [0.3, 2]);
    for (let k = 0; k < 5; k++) grad((v: Num[]) => mul(v[0] as Num, v[1] as Num))([k, k + 1]);
    expect(pullback(1)).toEqual([Math.cos(0.3) * 2, Math.sin(0.3)]);
    for (let k = 0; k < 5; k++) grad((v: Num[]) => mul(v[0] as Num, v[1] as Num))([k, k + 1]);
    expect(pullback(2)).toEqual([2 * Math.cos(0.3) * 2, 2 * Math.sin(0.3)]);
  });
});
