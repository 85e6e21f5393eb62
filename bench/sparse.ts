/**
 * @file The saving of colouring, measured: Bratu's tridiagonal Jacobian at n = 1,000 (or the
 * n given), dense (jacfwd, jacrev) against coloured, passes, sweeps and median wall time.
 * Not a case of `npm run bench`; run it alone: `npx tsx bench/sparse.ts [n] [runs]`.
 */

import { cpus, loadavg } from 'node:os';
import { bratu, point, timeJacobians } from '../notebooks/lib/sparse-examples.ts';

const n = Number(process.argv[2] ?? 1000);
const runs = Number(process.argv[3] ?? 7);
if (!Number.isInteger(n) || n < 1 || !Number.isInteger(runs) || runs < 1) {
  process.stderr.write('usage: npx tsx bench/sparse.ts [n ≥ 1] [runs ≥ 1]\n');
  process.exit(2);
}

const results = timeJacobians(bratu(), point(n), { runs, denseRuns: Math.min(runs, 3) });
const dense = results[0]?.jacobian ?? [];
const largest = (J: number[][]) =>
  Math.max(
    ...J.map((row, i) => Math.max(...row.map((v, j) => Math.abs(v - (dense[i]?.[j] ?? 0))))),
  );

console.log(`Bratu's problem, n = ${n}: a tridiagonal ${n}×${n} Jacobian`);
console.log(
  `${cpus().length} cores (${cpus()[0]?.model ?? '?'}), load ${loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')}, Node ${process.version}`,
);
console.log('way                        passes  sweeps  colours  median ms  max |J − J_jacfwd|');
for (const r of results) {
  console.log(
    `${r.name.padEnd(26)} ${String(r.forwardPasses).padStart(6)}  ${String(r.reverseSweeps).padStart(6)}  ` +
      `${String(r.colours).padStart(7)}  ${r.ms.toFixed(1).padStart(9)}  ${largest(r.jacobian).toExponential(1)}`,
  );
}
