/** @file The lab's Jacobian builder, its account of 'auto', and the cost explorer's family, timing and crossover. */

import { describe, expect, it } from 'vitest';
import {
  coefficient,
  crossover,
  family,
  familyPoint,
  measure,
  sizes,
  timePerCall,
} from '../../lab/explorer.ts';
import { addCost, autoReason, builder } from '../../lab/jacobian.ts';
import { explorerPlots } from '../../lab/plot.ts';
import {
  jacfwd,
  jacobian,
  jacrev,
  type Num,
  parse,
  parseMany,
  sin,
  withCost,
} from '../../src/index.ts';
import { tapeBytes } from '../support.ts';

describe('the Jacobian builder', () => {
  const f = parseMany('x*y; sin(x) + y*y; exp(y)');
  const x = [1, 2];

  it('fills one column per forward pass and one row per sweep, null until then', () => {
    const columns = builder(f, x, 3, 'columns');
    const one = columns.next(columns.start);
    expect(one.rows.map((r) => r[1])).toEqual([null, null, null]);
    expect(columns.next(one).rows).toEqual(jacfwd(f)(x));
    const rows = builder(f, x, 3, 'rows');
    const first = rows.next(rows.start);
    expect(first.rows.slice(1)).toEqual([
      [null, null],
      [null, null],
    ]);
    expect(rows.next(rows.next(first)).rows).toEqual(jacrev(f)(x));
  });

  it('keeps the engine ledger of each step: n passes by columns, one recording and m sweeps by rows', () => {
    const columns = builder(f, x, 3, 'columns');
    const byColumns = columns.next(columns.next(columns.start));
    expect(byColumns.cost).toMatchObject({ forwardPasses: 2, reverseSweeps: 0, tapeEntries: 0 });
    const rows = builder(f, x, 3, 'rows');
    let build = rows.start;
    expect(build.cost).toMatchObject({ reverseSweeps: 0, tapeEntries: 7 });
    while (build.done < build.count) build = rows.next(build);
    expect(build.cost).toMatchObject({ forwardPasses: 0, reverseSweeps: 3, tapeEntries: 7 });
    expect(build.cost.adjoint).toBe(withCost(() => jacrev(f)(x)).cost.adjoint);
  });

  it('builds the one row of a scalar function, seeded with the number 1', () => {
    const g = parse('x*x*y');
    const rows = builder(g, [3, 2], 1, 'rows');
    expect(rows.next(rows.start).rows).toEqual([[12, 9]]);
    expect(rows.next(rows.next(rows.start)).done).toBe(1); // no row past the last
  });

  it('adds ledgers counter by counter, keeping the larger of each peak', () => {
    const a = withCost(() => jacrev(f)(x)).cost;
    const sum = addCost(a, a);
    expect(sum.adjoint).toBe(2 * a.adjoint);
    expect(sum.peakTapeBytes).toBe(a.peakTapeBytes);
    expect(sum.peakTapeBytesInUse).toBe(a.peakTapeBytesInUse);
    const none = withCost(() => undefined).cost;
    expect(addCost(none, a)).toMatchObject({
      peakTapeBytes: a.peakTapeBytes,
      peakTapeBytesInUse: a.peakTapeBytesInUse,
    });
  });

  it('reports the tape of a build by rows in bytes in use and in capacity, apart', () => {
    const rows = builder(f, x, 3, 'rows');
    let build = rows.start;
    while (build.done < build.count) build = rows.next(build);
    // 2 inputs, then x·y, sin x, y·y, their sum and exp y: 7 entries of 25 bytes
    // (two operands) and 8 for each adjoint; capacity is one block of 1,024 entries
    expect([build.cost.peakTapeBytesInUse, build.cost.peakTapeBytes]).toEqual(tapeBytes(7));
    const whole = withCost(() => jacrev(f)(x)).cost;
    expect([build.cost.peakTapeBytesInUse, build.cost.peakTapeBytes]).toEqual([
      whole.peakTapeBytesInUse,
      whole.peakTapeBytes,
    ]);
  });

  it("states the rule 'auto' followed, as the engine chose, over a grid of shapes", () => {
    for (const n of [1, 2, 3, 5, 8]) {
      for (const m of [1, 2, 3, 5, 8, 13]) {
        const g = (xs: Num[]) => Array.from({ length: m }, (_, j) => sin(xs[j % n] as Num));
        const x0 = Array.from({ length: n }, (_, i) => i / 10);
        const { cost } = withCost(() => jacobian(g, { mode: 'auto' })(x0));
        const chosen = cost.reverseSweeps > 0 ? 'reverse' : 'forward';
        const reason = autoReason(n, m, chosen);
        const [passes, sweeps] = [2 * (n - 1), 1 + m];
        expect(reason, `${n} × ${m}`).toContain(
          chosen === 'forward' ? `${passes} < ${sweeps}` : `${passes} ≥ ${sweeps}`,
        );
        expect(passes < sweeps, `${n} × ${m}`).toBe(chosen === 'forward');
      }
    }
  });
});

describe('the cost explorer', () => {
  it('uses y_j = Σᵢ sin(a_ji xᵢ), with 3nm − m applications in one evaluation', () => {
    const [n, m] = [4, 3];
    const y = family(m)(familyPoint(n)) as number[];
    expect(y[2]).toBeCloseTo(
      familyPoint(n).reduce((s, xi, i) => s + Math.sin(coefficient(2, i) * xi), 0),
      14,
    );
    const measured = measure(n, m);
    expect(measured.forwardWork).toBe(n * 2 * (3 * n * m - m)); // n passes, value and tangent
    expect(measured.reverseWork).toBe((1 + m) * (3 * n * m - m)); // one recording, m sweeps
    expect(measured.forwardMs).toBeGreaterThan(0);
  });

  it('times batches long enough for a coarse clock', () => {
    let calls = 0;
    const ms = timePerCall(() => {
      calls++;
    });
    expect(calls).toBeGreaterThan(1000);
    expect(ms).toBeLessThan(0.01);
  });

  it('measures sizes by doubling, and finds where the cheaper mode changes', () => {
    expect(sizes(20)).toEqual([1, 2, 4, 8, 16, 20]);
    expect(sizes(1)).toEqual([1]);
    const series = [
      { at: 1, forward: 5, reverse: 3 },
      { at: 2, forward: 6, reverse: 6 },
      { at: 4, forward: 7, reverse: 9 },
    ];
    expect(crossover(series)).toEqual({ at: 4, leader: 'forward' });
    expect(crossover(series.slice(0, 2))).toBeUndefined();
  });

  it('plots both modes on both plots, with the crossover marked', () => {
    const points = [1, 2, 4, 8, 16].map((m) => measure(3, m));
    const { work, time } = explorerPlots(points, 'm');
    for (const svg of [work, time]) expect(svg.match(/<polyline/g)).toHaveLength(2);
    expect(work).toContain('forward ahead from m = 8');
  });
});
