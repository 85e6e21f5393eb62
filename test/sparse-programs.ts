/**
 * @file Random sparse functions for the sparsity tests: blocks of outputs, each a random
 * program (see programs.ts) over a few inputs picked at random, so the true pattern is known.
 */

import { fc } from '@fast-check/vitest';
import type { Num } from '../src/index.ts';
import { type Program, program, run } from './programs.ts';
import { rng, uniform } from './support.ts';

/** One block: a program over `inputs` (indices into x); it gives 1 + extraOutputs outputs. */
interface Block {
  readonly inputs: readonly number[];
  readonly program: Program;
}

export interface SparseFunction {
  readonly n: number;
  readonly blocks: readonly Block[];
  /** The function itself, on any kind of value: every operand mapped into its domain, so all is finite. */
  readonly f: (x: Num[]) => Num[];
  /** Output i may depend only on these inputs: its block's inputs. */
  readonly allowed: readonly (readonly number[])[];
  /** A point drawn from [-2, 2]ⁿ. */
  readonly point: (random: () => number) => number[];
}

/** `count` distinct indices below n, drawn with `random`. */
function pick(random: () => number, n: number, count: number): number[] {
  const chosen = new Set<number>();
  while (chosen.size < Math.min(count, n)) chosen.add(Math.floor(random() * n));
  return [...chosen];
}

/** A sparse function of n inputs with `blocks` blocks, reproducible from `seed`. */
export function sparseFunction(seed: number, n: number, blocks: number): SparseFunction {
  const random = rng(seed);
  const programs = fc.sample(program, { seed, numRuns: blocks });
  const all = programs.map((p) => ({ inputs: pick(random, n, p.inputs), program: p }));
  const f = (x: Num[]) =>
    all.flatMap(({ inputs, program: p }) =>
      run(
        p,
        inputs.map((j) => x[j] as Num),
        true,
      ),
    );
  const allowed = all.flatMap(({ inputs, program: p }) =>
    Array.from({ length: 1 + p.extraOutputs.length }, () => [...inputs].sort((a, b) => a - b)),
  );
  const point = (r: () => number) => Array.from({ length: n }, () => uniform(r, [-2, 2]));
  return { n, blocks: all, f, allowed, point };
}
