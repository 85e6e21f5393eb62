/** @file The cost explorer's family y_j = Σᵢ sin(a_ji xᵢ), both Jacobians of it counted and timed by the engine, and where the modes cross. */

import { add, compareModes, jacfwd, jacrev, mul, type Num, sin } from '../src/index.ts';

/** The fixed coefficients a_ji, in [1, 2): varied, so no two terms are the same, and the same on every run. */
export const coefficient = (j: number, i: number): number => 1 + ((3 * j + i) % 7) / 7;

/**
 * y_j = Σᵢ sin(a_ji xᵢ) for j < m, over the n inputs it is given: every
 * output depends on every input, and one evaluation applies 3nm − m
 * primitives (n products, n sines and n − 1 sums per output).
 *
 * @example
 * jacfwd(family(3))([0.1, 0.2]); // 3 × 2
 */
export function family(m: number): (x: Num[]) => Num[] {
  return (x) =>
    Array.from({ length: m }, (_, j) =>
      x.map((xi, i) => sin(mul(coefficient(j, i), xi))).reduce((s, t) => add(s, t)),
    );
}

/** The point the family is measured at: xᵢ = (i + 1)/10. */
export const familyPoint = (n: number): number[] =>
  Array.from({ length: n }, (_, i) => (i + 1) / 10);

/** One shape, measured: counted work (primal plus tangent or adjoint applications) and time per Jacobian. */
export interface Measured {
  readonly n: number;
  readonly m: number;
  readonly forwardWork: number;
  readonly reverseWork: number;
  readonly forwardMs: number;
  readonly reverseMs: number;
}

/** The shortest batch of calls timed at once: a page's clock ticks in 0.1 ms steps, and a Jacobian of a small shape takes some microseconds. */
const BATCH_MS = 25;

/** Milliseconds that `calls` calls of `run` take together. */
function batch(run: () => unknown, calls: number): number {
  const start = performance.now();
  for (let i = 0; i < calls; i++) run();
  return performance.now() - start;
}

/**
 * Milliseconds per call of `run`: after one call to warm up, calls are
 * timed in batches long enough for a coarse clock (doubling the batch
 * until it takes BATCH_MS), and the fastest of five batches is divided by
 * the batch's size: other work on the machine only ever slows a batch
 * down, so the fastest is the least disturbed.
 */
export function timePerCall(run: () => unknown): number {
  run();
  let calls = 1;
  let first = batch(run, calls);
  while (first < BATCH_MS) {
    calls *= 2;
    first = batch(run, calls);
  }
  const more = Array.from({ length: 4 }, () => batch(run, calls));
  return Math.min(first, ...more) / calls;
}

/**
 * Both Jacobians of the family at n × m: the counts from compareModes'
 * ledgers (jacfwd and jacrev in the engine, the same on every run), the
 * times per call of jacfwd and jacrev from timePerCall.
 */
export function measure(n: number, m: number): Measured {
  const f = family(m);
  const x = familyPoint(n);
  const { forward, reverse } = compareModes(f, x);
  return {
    n,
    m,
    forwardWork: forward.cost.primal + forward.cost.tangent,
    reverseWork: reverse.cost.primal + reverse.cost.adjoint,
    forwardMs: timePerCall(() => jacfwd(f)(x)),
    reverseMs: timePerCall(() => jacrev(f)(x)),
  };
}

/** 1, 2, 4, ... up to `max`, and `max` itself: the sizes measured along the varied axis. */
export function sizes(max: number): number[] {
  const out: number[] = [];
  for (let s = 1; s < max; s *= 2) out.push(s);
  out.push(max);
  return out;
}

export type Leader = 'forward' | 'reverse';

/**
 * Where the cheaper mode changes along a series: the first point whose
 * leader differs from the leader at the first point, or undefined if one
 * mode leads (or ties) throughout.
 */
export function crossover(
  points: readonly { readonly at: number; readonly forward: number; readonly reverse: number }[],
): { readonly at: number; readonly leader: Leader } | undefined {
  const leader = (p: (typeof points)[number]): Leader | undefined =>
    p.forward < p.reverse ? 'forward' : p.reverse < p.forward ? 'reverse' : undefined;
  const first = points.map(leader).find((l) => l !== undefined);
  const found = points.find((p) => leader(p) !== undefined && leader(p) !== first);
  const next = found === undefined ? undefined : leader(found);
  return found === undefined || next === undefined ? undefined : { at: found.at, leader: next };
}
