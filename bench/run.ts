/**
 * @file `npm run bench`: the extended Rosenbrock function's gradient (reverse
 * mode) and one JVP (forward mode) against its plain-JS primal, measured in
 * the same process, as a Markdown table of medians and ratios.
 */

import { spawnSync } from 'node:child_process';
import { cpus } from 'node:os';
import { fileURLToPath } from 'node:url';
import { grad, jvp, withCost } from '../src/index.ts';
import {
  minimalTapeFor,
  minimalTapeGradient,
  naiveDualJvp,
  naiveDualJvpInLoop,
} from './baselines.ts';
import { rosenbrock, rosenbrockGradient, rosenbrockPlain, startingPoint } from './rosenbrock.ts';
import { fixed3, markdownTable, medianMs } from './timing.ts';

const SIZES = [1e3, 1e4, 1e5];

// Each size runs in a fresh Node process (this file, called with the size),
// so that no size inherits the heap another one left behind.
const only = process.argv[2];

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

/** Measures one size and returns its table row. */
function measure(n: number): string[] {
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
  const tape = minimalTapeFor(n);
  check(`the minimal tape at n = ${n}`, maxRelativeError(minimalTapeGradient(tape, x), expected));
  const naive = naiveDualJvp(x, direction);
  check(
    `naive duals at n = ${n}`,
    Math.abs(naive - expectedJvp) / Math.max(1, Math.abs(expectedJvp)),
  );

  let sink = 0;
  const primal = medianMs(() => {
    sink += rosenbrockPlain(xTyped);
  });
  const reverse = medianMs(() => grad(rosenbrock)(x));
  const forward = medianMs(() => jvp(rosenbrock, x, direction));
  const minimal = medianMs(() => minimalTapeGradient(tape, x));
  const dual = medianMs(() => naiveDualJvp(x, direction));
  const dualInLoop = medianMs(() => naiveDualJvpInLoop(x, direction));
  if (Number.isNaN(sink)) throw new Error('bench: the primal returned NaN');

  return [
    n.toLocaleString('en-US'),
    fixed3(primal * 1000),
    fixed3(reverse),
    `${fixed3(reverse / primal)}x`,
    fixed3(forward),
    `${fixed3(forward / primal)}x`,
    `${fixed3(minimal / primal)}x`,
    `${fixed3(dual / primal)}x`,
    `${fixed3(dualInLoop / primal)}x`,
    cost.tapeEntries.toLocaleString('en-US'),
    fixed3(cost.peakTapeBytes / (cost.tapeEntries - n)),
  ];
}

if (only !== undefined) {
  process.stdout.write(JSON.stringify(measure(Number(only))));
  process.exit(0);
}

const rows = SIZES.map((n) => {
  const child = spawnSync(
    process.execPath,
    [...process.execArgv, fileURLToPath(import.meta.url), String(n)],
    {
      encoding: 'utf8',
    },
  );
  if (child.status !== 0) throw new Error(`bench: the run at n = ${n} failed\n${child.stderr}`);
  return JSON.parse(child.stdout) as string[];
});

console.log(
  `Extended Rosenbrock, toolkit scalar ops vs plain JS on a Float64Array; medians of 15 runs after warm-up, each size in a fresh process.\n` +
    `Reference points in the same process (bench/baselines.ts), specialised by hand to add, sub and mul:\n` +
    `a minimal tape (grad) and naive dual objects (jvp), with the inputs made up front as an array like the\n` +
    `toolkit's, and naive duals made inside the loop where each input is used.\n` +
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
      'minimal tape / primal',
      'naive duals / primal',
      'naive duals, made in the loop / primal',
      'tape entries',
      'peak tape bytes / recorded application',
    ],
    rows,
  ),
);
