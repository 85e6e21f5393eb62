/**
 * @file jacobian(f, { sparsity }): equal to the dense Jacobians on random sparse programs, the
 * passes or sweeps the colours predict (ledger), the mode they choose, given patterns, errors.
 */

import { describe, expect, it } from 'vitest';
import {
  arrowColumn,
  arrowhead,
  arrowRow,
  bratu,
  point,
} from '../notebooks/lib/sparse-examples.ts';
import { sparseJacobians } from '../scripts/docs/generators/11-sparse-jacobians.ts';
import {
  add,
  type Cost,
  grad,
  hessian,
  jacfwd,
  jacobian,
  jacrev,
  jvp,
  mul,
  type Num,
  type Sparsity,
  sparsity,
  sub,
  withCost,
} from '../src/index.ts';
import { sparseFunction } from './sparse-programs.ts';
import { expectClose, rng, TOL } from './support.ts';

const MODES = ['forward', 'reverse', 'auto'] as const;

/** max |A − B| over two matrices of one shape, in plain loops (a million expects would take a minute). */
function largestDifference(A: number[][], B: number[][]): number {
  expect([A.length, A[0]?.length]).toEqual([B.length, B[0]?.length]);
  return Math.max(
    ...A.map((row, i) => Math.max(...row.map((v, j) => Math.abs(v - (B[i]?.[j] ?? Number.NaN))))),
  );
}

/** The passes and sweeps of a cost, and what colouring reported. */
const counts = ({ forwardPasses, reverseSweeps, colours, denseSeeds }: Cost) => ({
  forwardPasses,
  reverseSweeps,
  colours,
  denseSeeds,
});

describe('jacobian(f, { sparsity }) on random sparse programs', () => {
  it('equals jacfwd and jacrev in every mode, detected or given', () => {
    for (let seed = 1; seed <= 20; seed++) {
      const g = sparseFunction(seed, 12, 6);
      const x = g.point(rng(500 + seed));
      const dense = jacfwd(g.f)(x);
      expectClose(jacrev(g.f)(x), dense, TOL.modes, `seed ${seed}, jacrev: `);
      const given = sparsity(g.f, x);
      for (const mode of MODES) {
        for (const option of ['detect', given] as const) {
          const label = `seed ${seed}, ${mode}, ${option === 'detect' ? 'detected' : 'given'}: `;
          expectClose(jacobian(g.f, { mode, sparsity: option })(x), dense, TOL.modes, label);
        }
      }
    }
  });
});

describe('the passes, sweeps and colours in the ledger', () => {
  const n = 1000;
  const u = point(n);
  const h2 = 1 / (n + 1) ** 2;

  it('a tridiagonal Jacobian with n = 1,000 takes 3 forward passes, and has the closed form', () => {
    const { result, cost } = withCost(() =>
      jacobian(bratu(), { sparsity: 'detect', mode: 'forward' })(u),
    );
    expect(counts(cost)).toEqual({
      forwardPasses: 3,
      reverseSweeps: 0,
      colours: 3,
      denseSeeds: n,
    });
    const closedForm = u.map((ui, i) =>
      u.map((_, j) => (i === j ? -2 + h2 * Math.exp(ui) : Math.abs(i - j) === 1 ? 1 : 0)),
    );
    expect(largestDifference(result, closedForm)).toBeLessThanOrEqual(TOL.modes);
  });

  it("'auto' takes 3 sweeps over the detection's own recording when colours tie (2·3 > 3)", () => {
    const detect = withCost(() => sparsity(bratu(), u)).cost;
    const { result, cost } = withCost(() => jacobian(bratu(), { sparsity: 'detect' })(u));
    expect(counts(cost)).toEqual({ forwardPasses: 0, reverseSweeps: 3, colours: 3, denseSeeds: n });
    expect(cost.tapeEntries).toBe(detect.tapeEntries); // one recording, not two
    const forward = jacobian(bratu(), { sparsity: 'detect', mode: 'forward' })(u);
    expect(largestDifference(result, forward)).toBeLessThanOrEqual(TOL.modes);
  });

  it('arrow with a dense column: 2 colours forward, n in reverse, and auto goes forward', () => {
    const x = point(50);
    const { result, cost } = withCost(() => jacobian(arrowColumn, { sparsity: 'detect' })(x));
    expect(counts(cost)).toEqual({
      forwardPasses: 2,
      reverseSweeps: 0,
      colours: 2,
      denseSeeds: 50,
    });
    const reverse = withCost(() =>
      jacobian(arrowColumn, { sparsity: 'detect', mode: 'reverse' })(x),
    ).cost;
    expect(counts(reverse)).toEqual({
      forwardPasses: 0,
      reverseSweeps: 50,
      colours: 50,
      denseSeeds: 50,
    });
    expectClose(result, jacrev(arrowColumn)(x), TOL.modes);
  });

  it('arrow with a dense row: n colours forward, 2 in reverse, and auto goes in reverse', () => {
    const x = point(50);
    const { result, cost } = withCost(() => jacobian(arrowRow, { sparsity: 'detect' })(x));
    expect(counts(cost)).toEqual({
      forwardPasses: 0,
      reverseSweeps: 2,
      colours: 2,
      denseSeeds: 50,
    });
    expectClose(result, jacfwd(arrowRow)(x), TOL.modes);
  });

  it('the full arrowhead needs n colours either way: no saving, and the ledger says so', () => {
    const x = point(30);
    const { result, cost } = withCost(() => jacobian(arrowhead, { sparsity: 'detect' })(x));
    expect(counts(cost)).toEqual({
      forwardPasses: 0,
      reverseSweeps: 30,
      colours: 30,
      denseSeeds: 30,
    });
    expectClose(result, jacfwd(arrowhead)(x), TOL.modes);
  });
});

describe('a given pattern', () => {
  const f = bratu();
  const x = point(12);
  const all = (rows: number, cols: number): Sparsity => ({
    rows,
    cols,
    nonzeros: Array.from({ length: rows * cols }, (_, k) => [Math.floor(k / cols), k % cols]),
  });

  it('is used as given: no detection recording, and its own colours (a dense one takes n passes)', () => {
    const given = sparsity(f, x);
    const banded = withCost(() => jacobian(f, { sparsity: given, mode: 'forward' })(x)).cost;
    expect(banded.tapeEntries).toBe(0);
    expect(counts(banded)).toEqual({
      forwardPasses: 3,
      reverseSweeps: 0,
      colours: 3,
      denseSeeds: 12,
    });
    const { result, cost } = withCost(() =>
      jacobian(f, { sparsity: all(12, 12), mode: 'forward' })(x),
    );
    expect(counts(cost)).toEqual({
      forwardPasses: 12,
      reverseSweeps: 0,
      colours: 12,
      denseSeeds: 12,
    });
    expectClose(result, jacfwd(f)(x), TOL.modes);
  });

  it('must have the Jacobian’s shape', () => {
    expect(() => jacobian(f, { sparsity: all(12, 11) })(x)).toThrow(
      'wengert: jacobian: the sparsity pattern has 11 columns, but x has 12 entries',
    );
    for (const mode of MODES) {
      expect(() => jacobian(f, { sparsity: all(13, 12), mode })(x)).toThrow(
        'the sparsity pattern has 13 rows, but f returned 12 output entries',
      );
    }
    const empty = { rows: 3, cols: 12, nonzeros: [] };
    expect(() => jacobian(f, { sparsity: empty })(x)).toThrow('has 3 rows, but f returned 12');
  });

  it('is refused where f visibly breaks it (a nonzero in a row or column no member of its colour claims)', () => {
    const g = ([a, b]: Num[]) => [add(a as Num, b as Num), mul(a as Num, 3)];
    const missing = {
      rows: 2,
      cols: 2,
      nonzeros: [
        [0, 0],
        [0, 1],
      ],
    } as const;
    expect(() => jacobian(g, { sparsity: missing, mode: 'forward' })([1, 2])).toThrow(
      'f does not fit the sparsity pattern: row 1 of the Jacobian has a nonzero (3) in a column of one colour (columns 0)',
    );
    const h = ([a, b]: Num[]) => [mul(a as Num, 2), sub(a as Num, b as Num)];
    const transposed = {
      rows: 2,
      cols: 2,
      nonzeros: [
        [0, 0],
        [1, 0],
      ],
    } as const;
    expect(() => jacobian(h, { sparsity: transposed, mode: 'reverse' })([1, 2])).toThrow(
      'column 1 of the Jacobian has a nonzero (-1) in a row of one colour (rows 1)',
    );
  });

  it('and bad options are one clear error each', () => {
    const bad =
      (sparsity: unknown, mode: unknown = 'auto') =>
      () =>
        jacobian(f, { sparsity, mode } as never);
    expect(bad('yes')).toThrow("sparsity must be 'detect' or a pattern { rows, cols, nonzeros }");
    expect(bad('detect', 'sideways')).toThrow("mode must be 'forward', 'reverse' or 'auto'");
    expect(bad({ rows: 2, cols: 2, nonzeros: [[2, 0]] })).toThrow('nonzeros[0] is [2,0]');
  });
});

describe('nested', () => {
  // The chained Rosenbrock function: its Hessian is tridiagonal.
  const rosen = (x: Num[]) =>
    x.slice(1).reduce<Num>((s, xi, i) => {
      const prev = x[i] as Num;
      const a = sub(xi, mul(prev, prev));
      return add(add(s, mul(100, mul(a, a))), mul(sub(1, prev), sub(1, prev)));
    }, 0);

  it('a sparse Hessian: the Jacobian of grad by colouring equals hessian, in 3 colours', () => {
    const x = point(40);
    const { result, cost } = withCost(() =>
      jacobian((q: Num[]) => grad(rosen)(q), { sparsity: 'detect' })(x),
    );
    expect(cost.colours).toBe(3);
    expectClose(result, hessian(rosen)(x), TOL.modes);
  });

  it('differentiates through a sparse Jacobian like through a dense one', () => {
    const x = point(8);
    const v = point(8).map((t) => t + 1);
    const flat = (sparse: boolean) => (u: Num[]) =>
      (sparse ? jacobian(bratu(), { sparsity: 'detect' }) : jacfwd(bratu()))(u).flat();
    expectClose(jvp(flat(true), x, v).tangent, jvp(flat(false), x, v).tangent, TOL.modes);
  });
});

describe("chapter 11's generated tables", () => {
  it('give the colours each shape needs at n = 1,000 and what auto ran, as counted by hand', async () => {
    const markdown = await sparseJacobians['sparse-colours']?.({} as never);
    const cells = (name: string) =>
      (markdown ?? '')
        .split('\n')
        .find((line) => line.startsWith(`| ${name} |`))
        ?.split('|')
        .slice(2, -1)
        .map((c) => c.trim());
    // column colours, row colours, what 'auto' ran, the dense count in that mode
    expect(cells('Bratu (tridiagonal)')).toEqual(['3', '3', '3 sweeps', '1000']);
    expect(cells('arrow, dense last row')).toEqual(['1000', '2', '2 sweeps', '1000']);
    expect(cells('arrow, dense first column')).toEqual(['2', '1000', '2 passes', '1000']);
    expect(cells('full arrowhead')).toEqual(['1000', '1000', '1000 sweeps', '1000']);
  });
});
