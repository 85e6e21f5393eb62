/** @file Chapter 5, chunks: one square Jacobian by forward passes of 1 to n tangents and by reverse mode, counted and timed. */

import { jacfwd, jacrev, withCost } from '../../../src/index.ts';
import { num, table } from '../format.ts';
import type { Generator } from '../generate.ts';
import { family } from './05-jacobian-cost.ts';

const { layer, point } = family;

const N = 32;
const M = 32;
const SAMPLES = 11;
const CALLS = 3;

/** The ledger of one call, then the median time per call of SAMPLES samples of CALLS calls each. */
function measure(jac: (x: number[]) => unknown) {
  const { cost } = withCost(() => jac(point(N)));
  for (let i = 0; i < CALLS; i++) jac(point(N)); // warm up
  const sample = () => {
    const start = performance.now();
    for (let i = 0; i < CALLS; i++) jac(point(N));
    return (performance.now() - start) / CALLS;
  };
  const times = Array.from({ length: SAMPLES }, sample).sort((a, b) => a - b);
  return { cost, ms: times[Math.floor(SAMPLES / 2)] as number };
}

/** jacfwd with chunks of 1 to 32 tangents, then jacrev, on the dense layer at n = m = 32. */
function chunkTable(): string {
  const f = layer(M);
  const rows = [1, 2, 4, 8, 16, N].map((chunk) => {
    const { cost, ms } = measure(jacfwd(f, { chunk }));
    const work = cost.primal + cost.tangent;
    return [
      `jacfwd, chunk ${chunk}`,
      num(cost.forwardPasses),
      num(cost.primal),
      num(cost.tangent),
      num(work),
      num(ms, 3),
    ];
  });
  const { cost, ms } = measure(jacrev(f));
  const work = cost.primal + cost.adjoint;
  rows.push([
    'jacrev',
    `${num(cost.reverseSweeps)} sweeps`,
    num(cost.primal),
    num(cost.adjoint),
    num(work),
    num(ms, 3),
  ]);
  const headers = [
    `n × m = ${N} × ${M}`,
    'passes',
    'primal',
    'tangent or adjoint',
    'work',
    'ms (median)',
  ];
  return table(headers, rows);
}

export const chunks: Record<string, Generator> = { 'chunk-table': chunkTable };
