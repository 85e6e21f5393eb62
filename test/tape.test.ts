/** @file The tape's storage: values across chunks, boxed entries under nesting, memory, recycling. */

import { describe, expect, it } from 'vitest';
import { add, grad, jvp, mul, type Num, sin, vjp, withCost } from '../src/index.ts';
import { CHUNK_SIZE, ENTRY_BYTES } from '../src/reverse/chunk.ts';
import { Tape } from '../src/reverse/tape.ts';

describe('Tape', () => {
  it('reads back every recorded value across chunk boundaries', () => {
    const tape = new Tape();
    const n = 3 * CHUNK_SIZE + 5;
    for (let k = 0; k < n; k++) tape.push(0, k * 0.5, -1, 0, -1, 0);
    const edges = [0, CHUNK_SIZE - 1, CHUNK_SIZE, 2 * CHUNK_SIZE - 1, 2 * CHUNK_SIZE, n - 1];
    for (const k of edges) expect(tape.value(k)).toBe(k * 0.5);
    tape.end();
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

  it('holds at most 48 bytes per entry (entries plus adjoints) on a long recording', () => {
    const f = (x: Num) => {
      let s = x;
      for (let k = 0; k < 200_000; k++) s = sin(s);
      return s;
    };
    const { cost } = withCost(() => grad(f)(0.5));
    expect(cost.tapeEntries).toBe(200_001);
    expect(cost.peakTapeBytes / cost.tapeEntries).toBeLessThanOrEqual(48);
    expect(cost.peakTapeBytes).toBeGreaterThanOrEqual(cost.tapeEntries * (ENTRY_BYTES + 8));
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
