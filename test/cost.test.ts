/**
 * @file The cost ledger: passes, sweeps, primitive applications, tape entries and bytes,
 * checked against counts known from how each test function is built.
 */

import { describe, expect, it } from 'vitest';
import {
  add,
  compareModes,
  costTable,
  div,
  exp,
  grad,
  hessian,
  jacfwd,
  jacrev,
  jvp,
  mul,
  type Num,
  sin,
  vjp,
  withCost,
} from '../src/index.ts';
import { expectClose, rng, TOL, tapeBytes, uniform } from './support.ts';

/**
 * Bytes a long tape may hold per entry (inputs included) at its peak: the
 * entry (op code, two input ids, two partials: 25 bytes), an 8-byte adjoint,
 * and the unused tail of the last storage block, small once the tape is long.
 */
const BYTES_PER_ENTRY = 36;

/** Σ x_i²: n multiplications and n additions (the first adds the constant 0), 2n applications. */
const sumOfSquares = (x: Num[]) => x.reduce<Num>((s, xi) => add(s, mul(xi, xi)), 0);

describe('compareModes on f: R^1000 → R, the sum of squares', () => {
  const n = 1000;
  const random = rng(7);
  const x = Array.from({ length: n }, () => uniform(random, [-2, 2]));
  const c = compareModes(sumOfSquares, x);

  it('reports the shape n = 1000, m = 1', () => {
    expect(c.shape).toEqual({ n, m: 1 });
  });

  it('forward mode takes 1000 passes and no sweeps; reverse mode one sweep and no passes', () => {
    expect(c.forward.cost).toMatchObject({ forwardPasses: n, reverseSweeps: 0 });
    expect(c.reverse.cost).toMatchObject({ forwardPasses: 0, reverseSweeps: 1 });
  });

  it('counts 2n applications per pass or recording, and one adjoint per recorded application', () => {
    expect(c.forward.cost).toMatchObject({
      primal: n * 2 * n,
      tangent: n * 2 * n,
      adjoint: 0,
      tapeEntries: 0,
    });
    expect(c.reverse.cost).toMatchObject({
      primal: 2 * n,
      tangent: 0,
      adjoint: 2 * n,
      tapeEntries: n + 2 * n,
    });
  });

  it('both Jacobians are 2xᵀ and equal to each other', () => {
    const expected = [x.map((xi) => 2 * xi)];
    expectClose(c.forward.jacobian, expected, TOL.modes, 'forward');
    expectClose(c.reverse.jacobian, expected, TOL.modes, 'reverse');
    expect(c.maxAbsDifference).toBeLessThanOrEqual(TOL.modes);
  });

  it('reverse mode holds tape bytes; forward mode holds none', () => {
    expect(c.forward.cost.peakTapeBytes).toBe(0);
    expect(c.reverse.cost.peakTapeBytes).toBeGreaterThan(0);
    // at least one 8-byte adjoint per entry must be held during the sweep
    expect(c.reverse.cost.peakTapeBytes).toBeGreaterThanOrEqual(8 * c.reverse.cost.tapeEntries);
  });

  it('records wall time for both', () => {
    for (const cost of [c.forward.cost, c.reverse.cost]) {
      expect(Number.isFinite(cost.wallMs)).toBe(true);
      expect(cost.wallMs).toBeGreaterThanOrEqual(0);
    }
  });

  it('costTable puts the two ledgers side by side', () => {
    const table = costTable(c);
    const row = (label: string) =>
      table
        .split('\n')
        .find((line) => line.startsWith(`| ${label} `))
        ?.split('|')
        .slice(2, 4)
        .map((cell) => cell.trim());
    expect(table.split('\n')[0]).toMatch(/forward.*reverse/);
    expect(row('forward passes')).toEqual(['1,000', '0']);
    expect(row('reverse sweeps')).toEqual(['0', '1']);
    expect(row('primal applications')).toEqual(['2,000,000', '2,000']);
    expect(row('tape entries')).toEqual(['0', '3,000']);
    // wall time is a duration: at most 3 significant digits, never 0.07137200000215671
    for (const cell of row('wall time (ms)') ?? []) {
      const significant = cell.replace(/[.,]/g, '').replace(/^0+/, '').replace(/0+$/, '');
      expect(significant.length).toBeLessThanOrEqual(3);
    }
    // reverse mode holds a tape; forward mode none. In use: 3,000 entries of
    // 25 bytes (both operand slots, as mul's entries take) and one adjoint
    // of 8 bytes each; capacity: whole blocks of 1,024 entries (25 × 1,024
    // bytes each) and the same adjoints
    const [inUse, capacity] = tapeBytes(3000);
    expect(row('peak tape bytes in use')).toEqual(['0', inUse.toLocaleString('en-US')]);
    expect(row('peak tape capacity (bytes)')).toEqual(['0', capacity.toLocaleString('en-US')]);
  });
});

describe('tape memory on long recordings', () => {
  it.each([
    { n: 100_000, what: 'the sum of squares of 100,000 inputs (300,000 entries)' },
    { n: 200_000, what: 'the sum of squares of 200,000 inputs (600,000 entries)' },
  ])('grad of $what peaks under 36 bytes per entry', ({ n }) => {
    const x = Array.from({ length: n }, (_, i) => Math.sin(i));
    const { result, cost } = withCost(() => grad(sumOfSquares)(x));
    expect(result[n - 1]).toBe(2 * (x[n - 1] as number));
    expect(cost.tapeEntries).toBe(3 * n);
    expect(cost.peakTapeBytes / cost.tapeEntries).toBeLessThan(BYTES_PER_ENTRY);
  });
});

describe('jacrev and jacfwd on f: R³ → R⁵', () => {
  // 7 primitive applications: mul, sin, add, mul, exp, add, div
  const applications = 7;
  const f = ([x, y, z]: Num[]) => [
    mul(x as Num, y as Num),
    sin(z as Num),
    add(x as Num, z as Num),
    exp(mul(y as Num, z as Num)),
    div(x as Num, add(y as Num, 2)),
  ];
  const x = [0.5, -1.5, 2];

  it('jacrev records once and sweeps five times', () => {
    const { result, cost } = withCost(() => jacrev(f)(x));
    expect(result).toHaveLength(5);
    expect(cost).toMatchObject({
      forwardPasses: 0,
      reverseSweeps: 5,
      primal: applications,
      tangent: 0,
      adjoint: 5 * applications,
      tapeEntries: 3 + applications,
    });
  });

  it('jacfwd makes three forward passes and records nothing', () => {
    const { cost } = withCost(() => jacfwd(f)(x));
    expect(cost).toMatchObject({
      forwardPasses: 3,
      reverseSweeps: 0,
      primal: 3 * applications,
      tangent: 3 * applications,
      adjoint: 0,
      tapeEntries: 0,
      peakTapeBytes: 0,
    });
  });
});

describe('applications counted by construction', () => {
  /** k multiplications by constants: exactly k applications. */
  const mulChain =
    (k: number) =>
    (x: Num): Num => {
      let y = x;
      for (let i = 0; i < k; i++) y = mul(y, 1 + 1 / (i + 2));
      return y;
    };
  /** k unary applications, alternating sin and exp. */
  const unaryChain =
    (k: number) =>
    (x: Num): Num => {
      let y = x;
      for (let i = 0; i < k; i++) y = i % 2 === 0 ? sin(y) : exp(y);
      return y;
    };
  const table = [1, 7, 100, 1000].flatMap((k) => [
    { name: `${k} multiplications`, k, f: mulChain(k) },
    { name: `${k} alternating sin/exp`, k, f: unaryChain(k) },
  ]);

  it.each(table)(
    'grad of $name: k primal and k adjoint applications, k + 1 entries',
    ({ k, f }) => {
      const { cost } = withCost(() => grad(f)(0.3));
      expect(cost).toMatchObject({
        primal: k,
        tangent: 0,
        adjoint: k,
        forwardPasses: 0,
        reverseSweeps: 1,
        tapeEntries: k + 1,
      });
    },
  );

  it.each(table)('jvp of $name: k primal and k tangent applications in one pass', ({ k, f }) => {
    const { cost } = withCost(() => jvp(f, 0.3, 1));
    expect(cost).toMatchObject({
      primal: k,
      tangent: k,
      adjoint: 0,
      forwardPasses: 1,
      reverseSweeps: 0,
      tapeEntries: 0,
      peakTapeBytes: 0,
    });
  });

  it('ops on plain constants are free: mul(x, add(2, 3)) is one application', () => {
    const f = (x: Num) => mul(x, add(2, 3));
    expect(withCost(() => grad(f)(1)).cost).toMatchObject({ primal: 1, tapeEntries: 2 });
    expect(withCost(() => jvp(f, 1, 1)).cost).toMatchObject({ primal: 1, tangent: 1 });
  });

  it('a pullback called three times is three sweeps over one recording', () => {
    const k = 10;
    const { cost } = withCost(() => {
      const { pullback } = vjp(mulChain(k), 0.5);
      for (let i = 0; i < 3; i++) pullback(1);
    });
    expect(cost).toMatchObject({ primal: k, tapeEntries: k + 1, reverseSweeps: 3, adjoint: 3 * k });
  });

  it('hessian of f: R³ → R is three forward passes, each carrying one reverse sweep', () => {
    const { cost } = withCost(() => hessian(sumOfSquares)([1, 2, 3]));
    expect(cost).toMatchObject({ forwardPasses: 3, reverseSweeps: 3 });
  });
});

describe('ledgers', () => {
  const f = (x: Num) => sin(mul(x, x));

  it('a ledger opened inside another counts its own work; the outer one counts both', () => {
    const outer = withCost(() => {
      grad(f)(1);
      return withCost(() => jvp(f, 1, 1)).cost;
    });
    expect(outer.result).toMatchObject({ forwardPasses: 1, reverseSweeps: 0, primal: 2 });
    expect(outer.cost).toMatchObject({ forwardPasses: 1, reverseSweeps: 1, primal: 4 });
  });

  it('work done outside any ledger is not counted by a later one', () => {
    grad(f)(1);
    const { cost } = withCost(() => 0);
    expect(cost).toMatchObject({
      primal: 0,
      tangent: 0,
      adjoint: 0,
      forwardPasses: 0,
      reverseSweeps: 0,
      tapeEntries: 0,
      peakTapeBytes: 0,
    });
  });

  it('grad and jacrev give their tape back: two calls in a row peak no higher than one', () => {
    const x = Array.from({ length: 2000 }, (_, i) => i / 2000);
    const once = withCost(() => grad(sumOfSquares)(x)).cost.peakTapeBytes;
    const twice = withCost(() => {
      grad(sumOfSquares)(x);
      jacrev(sumOfSquares)(x);
    }).cost.peakTapeBytes;
    expect(once).toBeGreaterThan(0);
    expect(twice).toBe(once);
  });
});
