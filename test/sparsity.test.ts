/**
 * @file sparsity(f, x) and the colourings: patterns known by construction, the pattern
 * containing every nonzero of dense Jacobians at random points, and valid colourings.
 */

import { describe, expect, it } from 'vitest';
import { bratu, point } from '../notebooks/lib/sparse-examples.ts';
import {
  colourColumns,
  colourRows,
  jacfwd,
  type Mat,
  matrix,
  mul,
  type Num,
  SparsityPattern,
  sin,
  sparsity,
  sum,
  tanh,
  toNumber,
} from '../src/index.ts';
import { sparseFunction } from './sparse-programs.ts';
import { rng } from './support.ts';

const rowsOf = (p: SparsityPattern) => p.byRow.map((r) => [...r]);

describe('sparsity(f, x)', () => {
  it('finds a tridiagonal pattern', () => {
    const p = sparsity(bratu(), [1, 2, 3, 4, 5]);
    expect([p.rows, p.cols]).toEqual([5, 5]);
    expect(rowsOf(p)).toEqual([
      [0, 1],
      [0, 1, 2],
      [1, 2, 3],
      [2, 3, 4],
      [3, 4],
    ]);
    expect(p.nonzeros.length).toBe(13);
    expect(p.has(2, 3)).toBe(true);
    expect(p.has(0, 4)).toBe(false);
    expect(p.density).toBeCloseTo(13 / 25, 15);
  });

  it('keeps a partial that is 0 at this point: x·y at y = 0 still depends on x', () => {
    const p = sparsity(([x, y]: Num[]) => [mul(x as Num, y as Num), sin(y as Num)], [3, 0]);
    expect(rowsOf(p)).toEqual([[0, 1], [1]]);
    expect(jacfwd(([x, y]: Num[]) => [mul(x as Num, y as Num)])([3, 0])).toEqual([[0, 3]]);
  });

  it('gives a constant output an empty row and an unused input an empty column', () => {
    const p = sparsity(([x]: Num[]) => [7, mul(x as Num, 2)], [1, 2]);
    expect(rowsOf(p)).toEqual([[], [0]]);
    expect(p.byColumn.map((c) => [...c])).toEqual([[1], []]);
  });

  it('is the pattern of this run: a branch on a value gives another pattern elsewhere', () => {
    const f = ([a, b, c]: Num[]) => [
      toNumber(a as Num) > 0 ? mul(a as Num, b as Num) : sin(c as Num),
    ];
    expect(rowsOf(sparsity(f, [1, 2, 3]))).toEqual([[0, 1]]);
    expect(rowsOf(sparsity(f, [-1, 2, 3]))).toEqual([[2]]);
  });

  it('takes a matrix operation whole: each entry of its result depends on all of its operands', () => {
    const w = matrix([
      [1, 2],
      [3, 4],
    ]);
    const p = sparsity(([m, s]: [Mat, Num]) => [tanh(m), sum(m), mul(s, s)], [w, 5]);
    expect([p.rows, p.cols]).toEqual([4 + 1 + 1, 4 + 1]);
    for (let i = 0; i < 5; i++) expect(rowsOf(p)[i]).toEqual([0, 1, 2, 3]);
    expect(rowsOf(p)[5]).toEqual([4]);
  });

  it('contains every nonzero of the dense Jacobian at several random points (random sparse programs)', () => {
    for (let seed = 1; seed <= 25; seed++) {
      const g = sparseFunction(seed, 12, 6);
      const random = rng(1000 + seed);
      for (let k = 0; k < 4; k++) {
        const x = g.point(random);
        const p = sparsity(g.f, x);
        expect(p.rows).toBe(g.allowed.length);
        p.byRow.forEach((columns, i) => {
          for (const j of columns) expect(g.allowed[i], `seed ${seed}, row ${i}`).toContain(j);
        });
        jacfwd(g.f)(x).forEach((row, i) => {
          row.forEach((v, j) => {
            if (v !== 0) expect(p.has(i, j), `seed ${seed}: J[${i}][${j}] = ${v}`).toBe(true);
          });
        });
      }
    }
  });
});

describe('SparsityPattern', () => {
  it('reads a pattern you write, as pairs or as a Boolean matrix', () => {
    const p = SparsityPattern.from({
      rows: 2,
      cols: 3,
      nonzeros: [
        [1, 2],
        [0, 0],
        [1, 2],
      ],
    });
    expect(p.nonzeros).toEqual([
      [0, 0],
      [1, 2],
    ]);
    expect(p.toDense()).toEqual([
      [true, false, false],
      [false, false, true],
    ]);
    expect(SparsityPattern.fromDense(p.toDense()).nonzeros).toEqual(p.nonzeros);
    expect(p.toString()).toBe('■ · ·\n· · ■');
  });

  it('refuses a pattern with a pair outside its shape or a size that is not a whole number', () => {
    expect(() => SparsityPattern.from({ rows: 2, cols: 2, nonzeros: [[0, 2]] })).toThrow(
      'nonzeros[0] is [0,2]; a pair [i, j] needs 0 ≤ i < 2 and 0 ≤ j < 2',
    );
    expect(() => SparsityPattern.from({ rows: 1.5, cols: 2, nonzeros: [] })).toThrow(
      "the pattern's rows must be a whole number ≥ 0, got 1.5",
    );
    expect(() => SparsityPattern.fromDense([[true], [true, false]])).toThrow(
      'row 1 has 2 entries, row 0 has 1',
    );
  });
});

describe('colourColumns and colourRows', () => {
  it('colour a tridiagonal pattern with 3 colours at any n, j mod 3 in natural order', () => {
    const p = sparsity(bratu(), point(1000));
    const columns = colourColumns(p);
    expect(columns.count).toBe(3);
    expect(columns.colourOf.every((c, j) => c === j % 3)).toBe(true);
    expect(colourRows(p).count).toBe(3);
  });

  it('give columns of one colour no common row, and rows of one colour no common column', () => {
    for (let seed = 1; seed <= 25; seed++) {
      const g = sparseFunction(seed, 12, 6);
      const p = sparsity(g.f, g.point(rng(seed)));
      for (const [colouring, lines] of [
        [colourColumns(p), p.byColumn],
        [colourRows(p), p.byRow],
      ] as const) {
        expect(colouring.groups.flat().length).toBe(lines.filter((l) => l.length > 0).length);
        for (const group of colouring.groups) {
          const seen = group.flatMap((k) => [...(lines[k] as number[])]);
          expect(new Set(seen).size, `seed ${seed}`).toBe(seen.length);
        }
        lines.forEach((l, k) => {
          if (l.length === 0) expect(colouring.colourOf[k]).toBe(-1);
        });
      }
    }
  });
});
