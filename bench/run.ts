/**
 * @file `npm run bench`: the extended Rosenbrock function's gradient (reverse
 * mode) and one JVP (forward mode) against its plain-JS primal, measured in
 * the same process, as a Markdown table of medians and ratios.
 */

import { cpus } from 'node:os';
import { grad, jvp, withCost } from '../src/index.ts';
import { rosenbrock, rosenbrockGradient, rosenbrockPlain, startingPoint } from './rosenbrock.ts';
import { fixed3, markdownTable, medianMs } from './timing.ts';

const SIZES = [1e3, 1e4, 1e5];

/** Largest |a_i - b_i| / max(1, |b_i|): every timed result is checked against the analytic answer. */
function maxRelativeError(a: readonly number[], b: readonly number[]): number {
  return a.reduce((m, ai, i) => {
    const bi = b[i] as number;
    return Math.max(m, Math.abs(ai - bi) / Math.max(1, Math.abs(bi)));
  }, 0);
}

function check(what: string, error: number): void {
  if (!(error <= 1e-12))
    throw new Error(`bench: ${what} disagrees with the analytic gradient (${error})`);
}

const rows: string[][] = [];
for (const n of SIZES) {
  const x = startingPoint(n);
  const xTyped = Float64Array.from(x);
  const expected = rosenbrockGradient(x);
  const direction = x.map((_, i) => Math.cos(i));
  const expectedJvp = expected.reduce((s, g, i) => s + g * (direction[i] as number), 0);

  const gradient = grad(rosenbrock)(x);
  check(`grad at n = ${n}`, maxRelativeError(gradient, expected));
  const { tangent } = jvp(rosenbrock, x, direction);
  check(`jvp at n = ${n}`, Math.abs(tangent - expectedJvp) / Math.max(1, Math.abs(expectedJvp)));
  const { cost } = withCost(() => grad(rosenbrock)(x));

  let sink = 0;
  const primal = medianMs(() => {
    sink += rosenbrockPlain(xTyped);
  });
  const reverse = medianMs(() => grad(rosenbrock)(x));
  const forward = medianMs(() => jvp(rosenbrock, x, direction));
  if (Number.isNaN(sink)) throw new Error('bench: the primal returned NaN');

  rows.push([
    n.toLocaleString('en-US'),
    fixed3(primal * 1000),
    fixed3(reverse),
    `${fixed3(reverse / primal)}x`,
    fixed3(forward),
    `${fixed3(forward / primal)}x`,
    cost.tapeEntries.toLocaleString('en-US'),
    fixed3(cost.peakTapeBytes / cost.tapeEntries),
  ]);
}

console.log(
  `Extended Rosenbrock, toolkit scalar ops vs plain JS on a Float64Array; medians of 11 runs after warm-up.\n` +
    `Node ${process.version}, ${cpus()[0]?.model ?? 'unknown CPU'} (${cpus().length} cores), ${new Date().toISOString().slice(0, 10)}.\n`,
);
console.log(
  markdownTable(
    [
      'n',
      'primal (µs)',
      'grad (ms)',
      'grad / primal',
      'jvp (ms)',
      'jvp / primal',
      'tape entries',
      'tape bytes / entry',
    ],
    rows,
  ),
);
