/** @file A Jacobian built one column (a forward pass) or one row (a reverse sweep) at a time, by the engine, with what each step cost. */

import { type Cost, jvp, type Num, type ParsedFunction, vjp, withCost } from '../src/index.ts';

export type By = 'columns' | 'rows';

/** A Jacobian part-way: its rows with null where not computed yet, and the ledger so far. */
export interface Build {
  readonly by: By;
  readonly rows: readonly (readonly (number | null)[])[];
  /** Columns or rows computed. */
  readonly done: number;
  /** Columns or rows in all: n by columns, m by rows. */
  readonly count: number;
  readonly cost: Cost;
}

/** The ledger's peaks: a maximum over time, so two runs' peak is the larger one, not their sum. */
const PEAKS: ReadonlySet<keyof Cost> = new Set(['peakTapeBytes', 'peakTapeBytesInUse']);

/** The ledgers of two runs as one: every counter added up, but each peak is the larger peak. */
export function addCost(a: Cost, b: Cost): Cost {
  const sum = { ...a };
  for (const key of Object.keys(a) as (keyof Cost)[]) {
    sum[key] = PEAKS.has(key) ? Math.max(a[key], b[key]) : a[key] + b[key];
  }
  return sum;
}

/**
 * A step's ledger with its peaks raised by what an earlier step still holds:
 * its own ledger sees only the bytes that changed while it ran, and a sweep
 * runs while the recording's tape is held (a recording only grows, so what
 * it holds is its peak).
 */
export function onTopOf(held: Cost, step: Cost): Cost {
  return {
    ...step,
    peakTapeBytes: held.peakTapeBytes + step.peakTapeBytes,
    peakTapeBytesInUse: held.peakTapeBytesInUse + step.peakTapeBytesInUse,
  };
}

/** Nothing computed yet, with the ledger of what was needed first (the recording, by rows). */
function emptyBuild(by: By, n: number, m: number, cost: Cost): Build {
  return {
    by,
    rows: Array.from({ length: m }, () => new Array<number | null>(n).fill(null)),
    done: 0,
    count: by === 'columns' ? n : m,
    cost,
  };
}

/** The build with its next column or row filled in from `vector`, and `cost` added to its ledger. */
export function fill(build: Build, vector: readonly number[], cost: Cost): Build {
  if (build.done >= build.count) return build;
  const k = build.done;
  const rows = build.rows.map((row, i) =>
    build.by === 'rows'
      ? i === k
        ? [...vector]
        : row
      : row.map((v, j) => (j === k ? (vector[i] ?? null) : v)),
  );
  return { ...build, rows, done: k + 1, cost: addCost(build.cost, cost) };
}

/** One number or the array of them, as an array. */
const asArray = (v: unknown): number[] => (Array.isArray(v) ? (v as number[]) : [v as number]);

/** e_i of length n. */
const unit = (n: number, i: number) => Array.from({ length: n }, (_, k) => (k === i ? 1 : 0));

/**
 * A Jacobian builder over the engine: by columns, step j is one forward
 * pass seeded with e_j (jvp, whose tangent is column j); by rows, starting
 * records f once (vjp) and step i is one reverse sweep of that recording
 * seeded with e_i (the pullback, whose result is row i). Every number and
 * count is the engine's: each call runs inside withCost.
 *
 * @example
 * const b = builder(parseMany('x*y; x + y'), [2, 3], 2, 'rows');
 * b.next(b.next(b.start)).rows; // [[3, 2], [1, 1]]
 */
export function builder(
  f: ParsedFunction<Num | Num[]>,
  x: readonly number[],
  outputs: number,
  by: By,
): { readonly start: Build; next(build: Build): Build } {
  const n = x.length;
  const several = f.expressions.length > 1;
  if (by === 'columns') {
    // Columns need nothing before the first pass: an empty ledger, as withCost reports one.
    const none = withCost(() => undefined).cost;
    return {
      start: emptyBuild(by, n, outputs, none),
      next(build) {
        const run = withCost(() => jvp(f, [...x], unit(n, build.done)).tangent);
        return fill(build, asArray(run.result), run.cost);
      },
    };
  }
  const recording = withCost(() => vjp(f, [...x]));
  const { pullback } = recording.result;
  return {
    start: emptyBuild(by, n, outputs, recording.cost),
    next(build) {
      const seed = several ? unit(outputs, build.done) : 1;
      const run = withCost(() => pullback(seed as never));
      return fill(build, asArray(run.result), onTopOf(recording.cost, run.cost));
    },
  };
}

/**
 * Why `jacobian(f, { mode: 'auto' })` went the way it went, with the
 * numbers of this shape; `chosen` is what the engine did (read from its
 * ledger), and the sentence states the rule of src/transforms/jacobian.ts
 * that made it choose (a test holds the two together).
 */
export function autoReason(n: number, m: number, chosen: 'forward' | 'reverse'): string {
  const passes = 2 * (n - 1);
  const sweeps = 1 + m;
  const how =
    chosen === 'forward'
      ? `${passes} < ${sweeps}, so it went on by columns (forward mode, nothing wasted)`
      : `${passes} ≥ ${sweeps}, so it recorded once and swept ${m} time${m === 1 ? '' : 's'} (reverse mode; the first pass was spent on learning m)`;
  return (
    `'auto' chose ${chosen}. Its first forward pass also tells m = ${m}; then n − 1 = ${n - 1} more ` +
    `passes would apply every primitive 2(n − 1) = ${passes} times, one recording and m sweeps ` +
    `1 + m = ${sweeps} times: ${how}.`
  );
}
