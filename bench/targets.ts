/**
 * @file The performance goals wengert's developers hold the bench to, each a
 * measured figure against its limit: met, not met, or not measured (a
 * variant not yet written, or a size a quick run leaves out). The goals come
 * in three sets, newest first; an older goal stays listed after a newer one
 * on the same figure replaces it, so progress against it stays visible.
 */

import { AUTO, JACFWD, JACFWD_CHUNK, JACREV, JAX_JACFWD, JAX_JACREV } from './cases/jacobians.ts';
import { WENGERT_MATRIX_STEP } from './cases/mlp.ts';
import { WENGERT_COMPILED, WENGERT_GRAD, WENGERT_JVP } from './cases/rosenbrock-scalar.ts';
import { WENGERT_MATRIX_GRAD, WENGERT_VECTORIZE_GRAD } from './cases/rosenbrock-vector.ts';
import { applications } from './lib/ledger.ts';
import { count, sig3, times } from './lib/markdown.ts';
import { type Measurement, type Results, ratio } from './lib/result.ts';

export interface Outcome {
  readonly measured: string;
  readonly met: boolean;
}

/** When a goal was set: the latest set, the one before it, or the first. */
export type GoalSet = 'latest' | 'earlier' | 'first';

export interface Target {
  /** What is measured, in words. */
  readonly what: string;
  readonly set: GoalSet;
  readonly limit: string;
  /** undefined when the run has nothing to measure it by. */
  readonly evaluate: (results: Results) => Outcome | undefined;
}

/** A ratio to the primal held to a limit. */
function ratioAtMost(m: Measurement | undefined, limit: number): Outcome | undefined {
  if (m === undefined) return undefined;
  return { measured: times(ratio(m)), met: ratio(m) <= limit };
}

/** The toolkit's Jacobian against jax-js's, each as a ratio to the primal of its own process. */
function withinOfJax(results: Results, sizeIndex: number, ours: string, theirs: string) {
  const a = results.at('jacobians', ours, sizeIndex);
  const b = results.at('jacobians', theirs, sizeIndex);
  if (a === undefined || b === undefined) return undefined;
  const q = ratio(a) / ratio(b);
  return { measured: `${sig3(q)}× jax-js (${a.size})`, met: q <= 2 };
}

/** Tape bytes per recorded primitive application, from the ledger of one gradient. */
function bytesPerApplication(results: Results, n: number): Outcome | undefined {
  const m = results.atValue('tape-memory', 'wengert grad', n);
  if (m === undefined) return undefined;
  const bytes = Number(m.note.peakTapeBytes) / Number(m.note.primal);
  return { measured: `${sig3(bytes)} B`, met: bytes <= 40 };
}

/**
 * Did 'auto' do no more work than the cheaper side, give or take the one
 * forward pass it spends learning m? Work is primitive applications, as the
 * ledger counts them.
 */
function autoCheaper(results: Results, sizeIndex: number): Outcome | undefined {
  const [fwd, rev, auto] = [JACFWD, JACREV, AUTO].map((v) => results.at('jacobians', v, sizeIndex));
  if (fwd === undefined || rev === undefined || auto === undefined) return undefined;
  const chose = Number(auto.note.reverseSweeps) > 0 ? 'reverse' : 'forward';
  const onePass = applications(fwd.note) / Number(fwd.note.forwardPasses);
  const cheaper = Math.min(applications(fwd.note), applications(rev.note));
  return {
    measured:
      `${auto.size}: chose ${chose}, ${count(applications(auto.note))} applications ` +
      `(jacfwd ${count(applications(fwd.note))}, jacrev ${count(applications(rev.note))})`,
    met: applications(auto.note) <= cheaper + onePass,
  };
}

/** A ratio held both to a limit and to a peer's ratio of the same run. */
function ratioAtMostPeer(
  m: Measurement | undefined,
  peer: Measurement | undefined,
  limit: number,
): Outcome | undefined {
  if (m === undefined || peer === undefined) return undefined;
  return {
    measured: `${times(ratio(m))} (${peer.variant} ${times(ratio(peer))})`,
    met: ratio(m) <= limit && ratio(m) <= ratio(peer),
  };
}

/** Tape bytes in use per entry, adjoints included, from the ledger of one gradient. */
function bytesInUsePerEntry(results: Results, n: number): Outcome | undefined {
  const m = results.atValue('tape-memory', 'wengert grad', n);
  if (m === undefined || m.note.peakTapeBytesInUse === undefined) return undefined;
  const bytes = Number(m.note.peakTapeBytesInUse) / Number(m.note.tapeEntries);
  const held = Number(m.note.peakTapeBytes) / Number(m.note.tapeEntries);
  return { measured: `${sig3(bytes)} B in use (${sig3(held)} B held)`, met: bytes <= 33 };
}

/** Peak RSS of grad on a chain of 1e7 applications, measured in a child process. */
function chainRssAtMost(results: Results, limitMB: number): Outcome | undefined {
  const m = results.atValue('tape-memory', 'wengert grad', 1e6);
  if (m === undefined || m.note.chainRssBytes === undefined) return undefined;
  const mb = Number(m.note.chainRssBytes) / 1e6;
  return { measured: `${sig3(mb)} MB`, met: mb <= limitMB };
}

/** The latest goals, several held against a reference measured in the same run. */
const LATEST: readonly Target[] = [
  {
    what: 'scalar-op Rosenbrock `grad` at n = 1e5, beside the minimal flat tape',
    set: 'latest',
    limit: '≤ the minimal flat tape, and ≤ 250x',
    evaluate: (r) =>
      ratioAtMostPeer(
        r.atValue('rosenbrock-scalar', WENGERT_GRAD, 1e5),
        r.atValue('rosenbrock-scalar', 'minimal flat tape', 1e5),
        250,
      ),
  },
  {
    what: 'scalar-op Rosenbrock `jvp` at n = 1e5, beside naive dual objects',
    set: 'latest',
    limit: '≤ the naive dual objects, and ≤ 200x',
    evaluate: (r) =>
      ratioAtMostPeer(
        r.atValue('rosenbrock-scalar', WENGERT_JVP, 1e5),
        r.atValue('rosenbrock-scalar', 'naive dual objects', 1e5),
        200,
      ),
  },
  ...(
    [
      [1e3, 20],
      [1e5, 40],
    ] as const
  ).map(
    ([n, limit]): Target => ({
      what: `scalar-op Rosenbrock gradient replayed by \`compile\`, n = ${n.toExponential(0).replace('+', '')}`,
      set: 'latest',
      limit: `≤ ${limit}x`,
      evaluate: (r: Results) =>
        ratioAtMost(r.atValue('rosenbrock-scalar', WENGERT_COMPILED, n), limit),
    }),
  ),
  {
    what: 'array-op Rosenbrock `grad` at n = 1e6',
    set: 'latest',
    limit: '≤ 20x',
    evaluate: (r) => ratioAtMost(r.atValue('rosenbrock-vector', WENGERT_MATRIX_GRAD, 1e6), 20),
  },
  {
    what: 'array-op Rosenbrock `grad` at n = 1e6, the pair term in one `vectorize` over the rows',
    set: 'latest',
    limit: '≤ 20x',
    evaluate: (r) => ratioAtMost(r.atValue('rosenbrock-vector', WENGERT_VECTORIZE_GRAD, 1e6), 20),
  },
  {
    what: 'MLP step with matrix ops, beside jax-js `jit`',
    set: 'latest',
    limit: '≤ jax-js `jit` of the same run',
    evaluate: (r) => {
      const ours = r.at('mlp', WENGERT_MATRIX_STEP, 0);
      const jax = r.at('mlp', 'jax-js jit(valueAndGrad)', 0);
      return ratioAtMostPeer(ours, jax, Number.POSITIVE_INFINITY);
    },
  },
  {
    what: 'Jacobian with few inputs and many outputs, by jacfwd with chunks, against jax-js `jit(jacfwd)`',
    set: 'latest',
    limit: '≤ 2× jax-js `jit(jacfwd)`',
    evaluate: (r) => withinOfJax(r, 0, JACFWD_CHUNK, JAX_JACFWD),
  },
  ...[1e5, 1e6].map(
    (n): Target => ({
      what: `tape bytes in use per entry, adjoint included, n = ${n.toExponential(0).replace('+', '')}`,
      set: 'latest',
      limit: '≤ 33 B',
      evaluate: (r: Results) => bytesInUsePerEntry(r, n),
    }),
  ),
  {
    what: 'peak RSS of `grad` on a chain of 10⁷ applications',
    set: 'latest',
    limit: '≤ 300 MB',
    evaluate: (r) => chainRssAtMost(r, 300),
  },
];

/** Every goal, the latest set first. */
export const TARGETS: readonly Target[] = [
  ...LATEST,
  {
    what: 'scalar-op Rosenbrock `grad` at n = 1e5',
    set: 'earlier',
    limit: '≤ 100x',
    evaluate: (r) => ratioAtMost(r.atValue('rosenbrock-scalar', WENGERT_GRAD, 1e5), 100),
  },
  {
    what: 'scalar-op Rosenbrock gradient replayed by `compile`, n = 1e5',
    set: 'earlier',
    limit: '≤ 40x',
    evaluate: (r) => ratioAtMost(r.atValue('rosenbrock-scalar', WENGERT_COMPILED, 1e5), 40),
  },
  {
    what: 'scalar-op Rosenbrock `jvp` at n = 1e5',
    set: 'earlier',
    limit: '≤ 50x',
    evaluate: (r) => ratioAtMost(r.atValue('rosenbrock-scalar', WENGERT_JVP, 1e5), 50),
  },
  {
    what: 'array-op Rosenbrock `grad` at n = 1e6',
    set: 'earlier',
    limit: '≤ 12x',
    evaluate: (r) => ratioAtMost(r.atValue('rosenbrock-vector', WENGERT_MATRIX_GRAD, 1e6), 12),
  },
  {
    what: 'array-op Rosenbrock `grad` at n = 1e6',
    set: 'first',
    limit: '≤ 15x',
    evaluate: (r) => ratioAtMost(r.atValue('rosenbrock-vector', WENGERT_MATRIX_GRAD, 1e6), 15),
  },
  {
    what: 'MLP step with matrix ops',
    set: 'earlier',
    limit: '≤ 4x',
    evaluate: (r) => ratioAtMost(r.at('mlp', WENGERT_MATRIX_STEP, 0), 4),
  },
  {
    what: 'MLP step with matrix ops',
    set: 'first',
    limit: '≤ 5x',
    evaluate: (r) => ratioAtMost(r.at('mlp', WENGERT_MATRIX_STEP, 0), 5),
  },
  {
    what: 'Jacobian with few inputs and many outputs, by jacfwd one pass per column, against jax-js `jit(jacfwd)`',
    set: 'earlier',
    limit: '≤ 2× jax-js `jit(jacfwd)`',
    evaluate: (r) => withinOfJax(r, 0, JACFWD, JAX_JACFWD),
  },
  {
    what: 'Jacobian with many inputs and few outputs, by jacrev, against jax-js `jit(jacrev)`',
    set: 'earlier',
    limit: '≤ 2× jax-js `jit(jacrev)`',
    evaluate: (r) => withinOfJax(r, 1, JACREV, JAX_JACREV),
  },
  ...[1e5, 1e6].map(
    (n): Target => ({
      what: `tape bytes per recorded application, adjoint included, n = ${n.toExponential(0).replace('+', '')}`,
      set: 'earlier',
      limit: '≤ 40 B per recorded application',
      evaluate: (r: Results) => bytesPerApplication(r, n),
    }),
  ),
  ...[0, 1, 2].map(
    (sizeIndex): Target => ({
      what: `\`jacobian\` with mode 'auto' does the cheaper mode's work (Jacobian shape ${sizeIndex + 1} of 3)`,
      set: 'earlier',
      limit: '≤ the cheaper side + one forward pass',
      evaluate: (r: Results) => autoCheaper(r, sizeIndex),
    }),
  ),
];
