/**
 * @file The report's first part: what a run found, in a few sentences whose
 * every number (and every word that compares two numbers) comes from the run.
 */

import { AUTO, CHUNK, JACFWD, JACFWD_CHUNK, JACREV, JAX_JACFWD } from './cases/jacobians.ts';
import { WENGERT_MATRIX_STEP } from './cases/mlp.ts';
import { WENGERT_COMPILED, WENGERT_GRAD, WENGERT_JVP } from './cases/rosenbrock-scalar.ts';
import { WENGERT_MATRIX_GRAD, WENGERT_VECTORIZE_GRAD } from './cases/rosenbrock-vector.ts';
import { applications } from './lib/ledger.ts';
import { count, sig3, times } from './lib/markdown.ts';
import { type Measurement, type Results, ratio } from './lib/result.ts';
import { unbroken } from './report-tables.ts';

/** "1,380x", or undefined when the variant did not run there. */
function ratioOf(m: Measurement | undefined): string | undefined {
  return m === undefined ? undefined : times(ratio(m));
}

/** The largest n at which every one of these variants of a case ran. */
function largestCommonSize(results: Results, caseId: string, variants: readonly string[]) {
  const ran = (n: number) => variants.every((v) => results.atValue(caseId, v, n) !== undefined);
  const sizes = results.of(caseId).filter((m) => ran(m.sizeValue));
  const largest = sizes.sort((a, b) => b.sizeValue - a.sizeValue)[0];
  return largest === undefined
    ? undefined
    : { n: largest.sizeValue, label: unbroken(largest.size) };
}

/** "a, b and c", leaving out the parts that did not run. */
function list(parts: readonly (string | undefined)[]): string {
  const kept = parts.filter((p): p is string => p !== undefined);
  return kept.length <= 1
    ? (kept[0] ?? '')
    : `${kept.slice(0, -1).join(', ')} and ${kept[kept.length - 1]}`;
}

/** "peer 12.3x", or undefined when the peer did not run. */
const labelled = (label: string, m: Measurement | undefined) => {
  const r = ratioOf(m);
  return r === undefined ? undefined : `${label} ${r}`;
};

/** The scalar-op variants are compared at the largest size at which every one of them ran. */
function scalarSize(results: Results) {
  const variants = new Set(results.of('rosenbrock-scalar').map((m) => m.variant));
  return largestCommonSize(results, 'rosenbrock-scalar', [...variants]);
}

/** "a 1x; b 2x", leaving out the variants that did not run. */
function semicolons(parts: readonly [string, Measurement | undefined][]): string {
  return parts
    .flatMap(([label, m]) => (m === undefined ? [] : [`${label} ${ratioOf(m)}`]))
    .join('; ');
}

/** The scalar-op gradient against the floor of any run-time tape. */
function scalarGradient(results: Results): string | undefined {
  const size = scalarSize(results);
  const at = (v: string) => results.atValue('rosenbrock-scalar', v, size?.n ?? Number.NaN);
  const [ours, floor] = [at(WENGERT_GRAD), at('minimal flat tape')];
  if (size === undefined || ours === undefined || floor === undefined) return undefined;
  const others = semicolons([
    ['Replayed by `compile`, the same gradient takes', at(WENGERT_COMPILED)],
    ['written by hand,', at('hand-written gradient')],
    ['with micrograd-style closures,', at('micrograd-style closures')],
  ]);
  return (
    `**Scalar ops, reverse.** At ${size.label}, \`grad\` of the Rosenbrock function takes ` +
    `${ratioOf(ours)}, and the minimal flat tape, the least a tape recorded as the function ` +
    `runs can cost, ${ratioOf(floor)}: wengert's tape costs ` +
    `${sig3(ratio(ours) / ratio(floor))} times that floor.` +
    (others === '' ? '' : ` ${others}.`)
  );
}

/** The scalar-op JVP against dual numbers written by hand. */
function scalarJvp(results: Results): string | undefined {
  const size = scalarSize(results);
  const at = (v: string) => results.atValue('rosenbrock-scalar', v, size?.n ?? Number.NaN);
  const ours = at(WENGERT_JVP);
  if (size === undefined || ours === undefined) return undefined;
  const others = semicolons([
    ['with naive dual objects,', at('naive dual objects')],
    ['with duals made inside the loop,', at('naive duals, made in the loop')],
    ['written by hand,', at('hand-written ∇f·v')],
  ]);
  return (
    `**Scalar ops, forward.** One JVP by \`jvp\` at ${size.label} takes ${ratioOf(ours)}` +
    (others === '' ? '.' : `; ${others}.`)
  );
}

/** The array-op gradient beside the array libraries, at the largest size. */
function arrayGradient(results: Results): string | undefined {
  const id = 'rosenbrock-vector';
  const size = largestCommonSize(results, id, [WENGERT_MATRIX_GRAD]);
  if (size === undefined) return undefined;
  const at = (v: string) => results.atValue(id, v, size.n);
  const peers = list([
    labelled('jax-js `jit`', at('jax-js jit(grad)')),
    labelled('jax-js eager', at('jax-js grad, eager')),
    labelled('TensorFlow.js', at('TensorFlow.js tf.grad')),
  ]);
  return (
    `**Array ops.** Written with about ten array operations, the gradient at ${size.label} ` +
    `takes ${ratioOf(at(WENGERT_MATRIX_GRAD))} with wengert` +
    (at(WENGERT_VECTORIZE_GRAD) === undefined
      ? ''
      : `, and ${ratioOf(at(WENGERT_VECTORIZE_GRAD))} with the pair term in one \`vectorize\` ` +
        'over the rows, one loop each way') +
    (peers === '' ? '.' : `; ${peers}.`)
  );
}

/** One training step of the small network. */
function mlpStep(results: Results): string | undefined {
  const at = (v: string) => results.at('mlp', v, 0);
  const ours = at(WENGERT_MATRIX_STEP);
  if (ours === undefined) return undefined;
  const scalar = ratioOf(at('wengert valueAndGrad, scalar ops'));
  const others = list([
    labelled('backpropagation written by hand', at('hand-written backprop')),
    labelled('jax-js `jit`', at('jax-js jit(valueAndGrad)')),
    labelled('TensorFlow.js', at('TensorFlow.js tf.valueAndGrads')),
  ]);
  return (
    `**A training step.** The loss and gradient of the small MLP take ${ratioOf(ours)} ` +
    `the forward pass with wengert's matrix ops` +
    (scalar === undefined ? '' : ` (${scalar} with scalar ops)`) +
    (others === '' ? '.' : `; ${others}.`)
  );
}

/** Which mode 'auto' took at each shape, and how chunking changes jacfwd. */
function jacobians(results: Results): string | undefined {
  const shapes = [...new Set(results.of('jacobians').map((m) => m.sizeIndex))];
  const judged = shapes.flatMap((index) => {
    const [fwd, rev, auto] = [JACFWD, JACREV, AUTO].map((v) => results.at('jacobians', v, index));
    if (!fwd || !rev || !auto) return [];
    const choseReverse = Number(auto.note.reverseSweeps) > 0;
    const reverseIsCheaper = applications(rev.note) < applications(fwd.note);
    return [choseReverse === reverseIsCheaper];
  });
  if (judged.length === 0) return undefined;
  const right = judged.filter(Boolean).length;
  const first = results.at('jacobians', JACFWD_CHUNK, 0);
  const jax = results.at('jacobians', JAX_JACFWD, 0);
  const chunked =
    first === undefined || jax === undefined
      ? ''
      : ` With chunks of ${CHUNK} tangents, jacfwd at ${unbroken(first.size)} takes ${ratioOf(first)} ` +
        `the primal, against ${ratioOf(jax)} for jax-js \`jit(jacfwd)\`.`;
  return (
    `**Jacobians.** \`jacobian\` with mode 'auto' took the mode that applies fewer primitives ` +
    `at ${right === judged.length ? `all ${right}` : `${right} of ${judged.length}`} shapes.` +
    chunked
  );
}

/** Bytes per tape entry, and the whole process on a long chain. */
function memory(results: Results): string | undefined {
  const largest = results.of('tape-memory').sort((a, b) => b.sizeValue - a.sizeValue)[0];
  if (largest === undefined) return undefined;
  const n = largest.note;
  // bytes in use (entries × bytes an entry, adjoints included), not the capacity of the blocks held
  const bytes = Number(n.peakTapeBytesInUse ?? n.peakTapeBytes);
  const rss =
    n.chainRssBytes === undefined
      ? ''
      : ` The whole Node process, differentiating a chain of 10⁷ primitive applications ` +
        `with the toolkit compiled to JavaScript (as an installed package runs), ` +
        `peaks at ${sig3(Number(n.chainRssBytes) / 1e6)} MB.`;
  return (
    `**Memory.** The tape takes ${sig3(bytes / Number(n.tapeEntries))} bytes per entry, ` +
    `adjoint included: ${sig3(bytes / 1e6)} MB for the ${count(n.tapeEntries)} entries of ` +
    `a gradient at ${unbroken(largest.size)}.${rss}`
  );
}

/** The findings as a list, one item per part of the run that has data. */
export function findings(results: Results): string {
  const [gradient, jvp] = [scalarGradient(results), scalarJvp(results)];
  return [
    gradient,
    jvp,
    arrayGradient(results),
    mlpStep(results),
    jacobians(results),
    memory(results),
  ]
    .filter((s) => s !== undefined)
    .map((s) => `- ${s}`)
    .join('\n');
}
