/**
 * @file Full Jacobians of y_j = Σ_i sin(a_ji x_i) at three shapes, by
 * forward mode, reverse mode and 'auto', with the toolkit's cost ledgers,
 * beside jax-js's compiled jacfwd and jacrev.
 */

import { jacfwd, jacobian, jacrev, withCost } from '../../src/index.ts';
import { defineCase, type Variant } from '../lib/case.ts';
import { vectorError } from '../lib/check.ts';
import { ledgerNote } from '../lib/ledger.ts';
import { type JaxArray, loadJax, read } from '../peers/jax.ts';
import { type SinesProblem, shape, sines, sinesPlain, sinesProblem } from '../problems/sines.ts';

/** Row names the targets and the report look up. */
export const JACFWD = 'wengert jacfwd';
/** Tangents per pass of the chunked variant: the (10, 1,000) Jacobian in one pass. */
export const CHUNK = 10;
export const JACFWD_CHUNK = `wengert jacfwd, chunk ${CHUNK}`;
export const JACREV = 'wengert jacrev';
export const AUTO = "wengert jacobian, mode 'auto'";
export const JAX_JACFWD = 'jax-js jit(jacfwd)';
export const JAX_JACREV = 'jax-js jit(jacrev)';

/** A toolkit Jacobian transform as a variant: timed, and its ledger noted from one more call. */
function toolkit(name: string, transform: typeof jacfwd): Variant<SinesProblem> {
  return {
    name,
    task: 'jacobian',
    setup: (p) => {
      const jac = transform(sines(p));
      return {
        run: () => jac(p.x),
        note: () => ledgerNote(withCost(() => jac(p.x)).cost),
      };
    },
  };
}

/**
 * jax-js's compiled Jacobians, float32 on wasm, put right where version
 * 0.1.25 goes wrong: its jacfwd returns the n×m transpose (it stacks the
 * pushed-forward columns as rows), so the jitted function transposes it
 * back; its jacrev sizes the cotangent basis by the input (eye(n)), which
 * fails unless n = m, so the reverse variant is its own recipe, vmap of the
 * pullback over the rows of eye(m), jitted.
 */
function jax(name: string, mode: 'jacfwd' | 'jacrev'): Variant<SinesProblem> {
  return {
    name,
    task: 'jacobian',
    precision: 'float32',
    setup: async (p) => {
      const jax = await loadJax();
      const np = jax.numpy;
      const a = np.array(Float32Array.from(p.a)).reshape([p.m, p.n]);
      const x = np.array(Float32Array.from(p.x));
      const f = (x: JaxArray) => np.sin(a.ref.mul(x)).sum(1);
      const jacrevFixed = (x: JaxArray) =>
        jax.vmap(
          (cotangent: JaxArray) => {
            const [y, pullback] = jax.vjp(f, [x]);
            y.dispose();
            const [row] = pullback(cotangent);
            pullback.dispose();
            return row as JaxArray;
          },
          [0],
        )(np.eye(p.m));
      const jac = jax.jit(
        mode === 'jacfwd' ? (x: JaxArray) => jax.jacfwd(f)(x).transpose() : jacrevFixed,
      );
      return {
        run: () => read(jac(x.ref)),
        dispose: () => {
          jac.dispose();
          jax.tree.dispose([a, x]);
        },
      };
    },
  };
}

export default defineCase({
  id: 'jacobians',
  title: 'Full Jacobians',
  about:
    '$y_j = \\sum_i \\sin(a_{ji} x_i)$, $j = 1, \\dots, m$, written with scalar ops ($3nm$ primitive ' +
    'applications per evaluation); the full $m \\times n$ Jacobian, checked against ' +
    '$J_{ji} = a_{ji} \\cos(a_{ji} x_i)$. jacfwd makes ' +
    'n forward passes (with chunk 10, $\\lceil n/10 \\rceil$ passes of 10 tangents each, which ' +
    'evaluate f and every local partial once per pass), jacrev one recording and m reverse ' +
    "sweeps; 'auto' takes a first forward " +
    'pass, which tells it m, then goes on the way that applies fewer primitives from there ' +
    '(forward while $2(n - 1) < 1 + m$, else reverse). The counts are ' +
    'the cost ledger (withCost) of one call. jax-js is jit-compiled, float32, with the function ' +
    'as one broadcast multiply, sin and row sum; its jacfwd is transposed back to m×n inside the ' +
    'jit and its jacrev is vmap of the pullback over eye(m), because version 0.1.25 returns the ' +
    'transpose from one and supports only square Jacobians in the other. The ratio divides by ' +
    'the $m$ outputs in plain JS.',
  sizes: {
    full: [shape(10, 1000), shape(1000, 10), shape(100, 100)],
    quick: [shape(5, 50), shape(50, 5), shape(20, 20)],
  },
  problem: ({ n, m }) => sinesProblem(n, m),
  primal: (p) => () => sinesPlain(p),
  tasks: { jacobian: { title: 'full Jacobian', error: (p, out) => vectorError(out, p.jacobian) } },
  variants: [
    toolkit(JACFWD, jacfwd),
    toolkit(JACFWD_CHUNK, (f) => jacfwd(f, { chunk: CHUNK })),
    toolkit(JACREV, jacrev),
    toolkit(AUTO, (f) => jacobian(f, { mode: 'auto' })),
    jax(JAX_JACFWD, 'jacfwd'),
    jax(JAX_JACREV, 'jacrev'),
  ],
});
