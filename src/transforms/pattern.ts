/** @file A Jacobian's sparsity pattern: which entries may be nonzero, by row, by column and as a Boolean matrix. */

/**
 * A pattern as you write one: the Jacobian's shape (m rows, n columns,
 * counted as the Jacobian transforms count entries) and the (row, column)
 * pairs that may be nonzero. Every pair left out is promised to be zero.
 *
 * @example
 * ```ts
 * const diagonal: Sparsity = { rows: 2, cols: 2, nonzeros: [[0, 0], [1, 1]] };
 * console.log(jacobian((x: Num[]) => x.map((xi) => sin(xi)), { sparsity: diagonal })([0, 0]));
 * ```
 */
export interface Sparsity {
  readonly rows: number;
  readonly cols: number;
  readonly nonzeros: readonly (readonly [number, number])[];
}

/**
 * A checked sparsity pattern, held both ways round: `byRow[i]` lists the
 * columns of row i that may be nonzero, `byColumn[j]` the rows of column j,
 * each ascending. `sparsity(f, x)` returns one; `SparsityPattern.from`
 * checks one you write.
 *
 * @example
 * ```ts
 * const p = sparsity(([x, y, z]: Num[]) => [mul(x, y), sin(z)], [1, 2, 3]);
 * console.log(p.nonzeros, p.has(1, 2)); // [[0, 0], [0, 1], [1, 2]] true
 * console.log(p.toString());
 * ```
 */
export class SparsityPattern implements Sparsity {
  readonly byColumn: readonly (readonly number[])[];
  readonly nonzeros: readonly (readonly [number, number])[];

  /** Trusts its arguments: each row's columns ascending, distinct and below `cols`. */
  private constructor(
    readonly rows: number,
    readonly cols: number,
    readonly byRow: readonly (readonly number[])[],
  ) {
    const byColumn: number[][] = Array.from({ length: cols }, () => []);
    const nonzeros: [number, number][] = [];
    byRow.forEach((columns, i) => {
      for (const j of columns) {
        (byColumn[j] as number[]).push(i);
        nonzeros.push([i, j]);
      }
    });
    this.byColumn = byColumn;
    this.nonzeros = nonzeros;
  }

  /** A pattern from each row's columns, already ascending and distinct (what detection builds). */
  static ofRows(cols: number, byRow: readonly (readonly number[])[]): SparsityPattern {
    return new SparsityPattern(byRow.length, cols, byRow);
  }

  /**
   * Checks a pattern you wrote: whole non-negative sizes, and every pair
   * inside them (a pair listed twice counts once). `fn` names the caller
   * in errors.
   *
   * @example
   * SparsityPattern.from({ rows: 2, cols: 2, nonzeros: [[0, 0], [1, 1]] }); // diagonal
   */
  static from(p: Sparsity, fn = 'SparsityPattern.from'): SparsityPattern {
    if (p instanceof SparsityPattern) return p;
    const size = (what: string, v: unknown): number => {
      if (typeof v === 'number' && Number.isInteger(v) && v >= 0) return v;
      throw new TypeError(
        `wengert: ${fn}: the pattern's ${what} must be a whole number ≥ 0, got ${String(v)}`,
      );
    };
    const rows = size('rows', p?.rows);
    const cols = size('cols', p?.cols);
    if (!Array.isArray(p.nonzeros)) {
      throw new TypeError(
        `wengert: ${fn}: the pattern's nonzeros must be an array of [row, column] pairs`,
      );
    }
    const sets = Array.from({ length: rows }, () => new Set<number>());
    p.nonzeros.forEach((pair, k) => {
      const [i, j] = Array.isArray(pair) ? pair : [];
      const inside = (v: unknown, n: number) =>
        Number.isInteger(v) && (v as number) >= 0 && (v as number) < n;
      if (!inside(i, rows) || !inside(j, cols)) {
        throw new RangeError(
          `wengert: ${fn}: nonzeros[${k}] is ${JSON.stringify(pair)}; a pair [i, j] needs ` +
            `0 ≤ i < ${rows} and 0 ≤ j < ${cols} (the pattern is ${rows}×${cols})`,
        );
      }
      (sets[i as number] as Set<number>).add(j as number);
    });
    return new SparsityPattern(
      rows,
      cols,
      sets.map((s) => [...s].sort((a, b) => a - b)),
    );
  }

  /**
   * A pattern from a Boolean matrix (rows of equal length; true may be nonzero).
   *
   * @example
   * SparsityPattern.fromDense([[true, false], [true, true]]).nonzeros; // [[0, 0], [1, 0], [1, 1]]
   */
  static fromDense(matrix: readonly (readonly boolean[])[]): SparsityPattern {
    const cols = matrix[0]?.length ?? 0;
    const byRow = matrix.map((row, i) => {
      if (row.length !== cols) {
        throw new RangeError(
          `wengert: SparsityPattern.fromDense: row ${i} has ${row.length} entries, row 0 has ${cols}`,
        );
      }
      return row.flatMap((nonzero, j) => (nonzero ? [j] : []));
    });
    return new SparsityPattern(matrix.length, cols, byRow);
  }

  /** True if entry (i, j) may be nonzero. */
  has(i: number, j: number): boolean {
    return this.byRow[i]?.includes(j) ?? false;
  }

  /** The pattern as an m×n Boolean matrix. */
  toDense(): boolean[][] {
    return this.byRow.map((columns) => {
      const row = new Array<boolean>(this.cols).fill(false);
      for (const j of columns) row[j] = true;
      return row;
    });
  }

  /** The fraction of entries that may be nonzero. */
  get density(): number {
    return this.rows * this.cols === 0 ? 0 : this.nonzeros.length / (this.rows * this.cols);
  }

  /** One line per row: ■ where an entry may be nonzero, · where it is zero. */
  toString(): string {
    return this.toDense()
      .map((row) => row.map((nonzero) => (nonzero ? '■' : '·')).join(' '))
      .join('\n');
  }
}
