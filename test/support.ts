/** @file Shared test tools: named tolerances, a seeded generator, central differences, closeness checks. */

import { expect } from 'vitest';
import type { Num, PrimitiveName, ScalarRule } from '../src/index.ts';
import * as wengert from '../src/index.ts';
import { mulberry32 } from '../src/transforms/random.ts';

/** Named tolerances, relative to max(1, |expected|). */
export const TOL = {
  /** Forward vs reverse mode: the same partials multiplied in another order. */
  modes: 1e-12,
  /** Random expression programs: longer chains, more rounding. */
  programs: 1e-10,
  /** Central differences with step FD_STEP: error O(h²) + rounding O(ε/h). */
  finiteDifference: 1e-6,
  /** Second derivatives from central differences of a gradient. */
  secondOrder: 1e-5,
} as const;

/** Step for central differences, scaled by max(1, |x|). */
export const FD_STEP = 1e-5;

/** A small seeded generator, so every sampled point is reproducible: the toolkit's own (mulberry32). */
export const rng = mulberry32;

/** A uniform sample from [lo, hi]. */
export function uniform(random: () => number, [lo, hi]: readonly [number, number]): number {
  return lo + (hi - lo) * random();
}

/**
 * ∂f/∂x_j at x by central differences, for a plain-number function with
 * any number of outputs: [f(x + h e_j) - f(x - h e_j)] / 2h.
 */
export function centralDifference(
  f: (x: number[]) => number[],
  x: readonly number[],
  j: number,
): number[] {
  const h = FD_STEP * Math.max(1, Math.abs(x[j] as number));
  const up = [...x];
  const down = [...x];
  up[j] = (x[j] as number) + h;
  down[j] = (x[j] as number) - h;
  const fu = f(up);
  const fd = f(down);
  return fu.map((v, i) => (v - (fd[i] as number)) / (2 * h));
}

/** The full m×n Jacobian by central differences. */
export function jacobianByDifferences(
  f: (x: number[]) => number[],
  x: readonly number[],
): number[][] {
  const columns = x.map((_, j) => centralDifference(f, x, j));
  const m = columns[0]?.length ?? 0;
  return Array.from({ length: m }, (_, i) => columns.map((c) => c[i] as number));
}

/** |a - b| ≤ tol · max(1, |b|), with NaN equal to NaN and ±Infinity equal to itself. */
export function close(a: number, b: number, tol: number): boolean {
  if (Number.isNaN(a) || Number.isNaN(b)) return Number.isNaN(a) && Number.isNaN(b);
  if (!Number.isFinite(a) || !Number.isFinite(b)) return a === b;
  return Math.abs(a - b) <= tol * Math.max(1, Math.abs(b));
}

/** Asserts two nested arrays of numbers (or two numbers) agree within `tol`, naming the first mismatch. */
export function expectClose(actual: unknown, expected: unknown, tol: number, label = ''): void {
  const walk = (a: unknown, b: unknown, path: string): void => {
    if (Array.isArray(b)) {
      expect(Array.isArray(a), `${label}${path}: expected an array`).toBe(true);
      const arr = a as unknown[];
      expect(arr.length, `${label}${path}: length`).toBe(b.length);
      b.forEach((bi, i) => {
        walk(arr[i], bi, `${path}[${i}]`);
      });
      return;
    }
    expect(typeof a, `${label}${path}: expected a number`).toBe('number');
    const ok = close(a as number, b as number, tol);
    expect(ok, `${label}${path}: ${String(a)} vs ${String(b)} (tol ${tol})`).toBe(true);
  };
  walk(actual, expected, '');
}

/**
 * Asserts two lists of numbers are the same numbers, entry for entry, under
 * Object.is (so −0 differs from 0 and NaN equals NaN), naming the first that
 * differs: for fast paths that must give their general path's numbers exactly.
 */
export function expectSameNumbers(
  actual: readonly number[],
  expected: readonly number[],
  label = '',
): void {
  expect(actual.length, `${label}: length`).toBe(expected.length);
  const k = actual.findIndex((v, i) => !Object.is(v, expected[i]));
  expect(k, `${label}: entry ${k} is ${actual[k]}, expected ${expected[k]}`).toBe(-1);
}

/** Each primitive's op is also exported under the primitive's own name (a compile error if not). */
const exported: Pick<typeof wengert, PrimitiveName> = wengert;
export const ops: typeof exported = wengert.ops;

/** A primitive as a function of an array of `arity` inputs, through its exported op. */
export function asFunction(rule: ScalarRule): (v: readonly Num[]) => Num {
  const op = ops[rule.name];
  if (rule.arity === 1) {
    const unary = op as (x: Num) => Num;
    return (v) => unary(v[0] as Num);
  }
  const binary = op as (x: Num, y: Num) => Num;
  return (v) => binary(v[0] as Num, v[1] as Num);
}

// The tape's layout as documented (README, chapter 7): an entry with two
// operands takes 25 bytes (op code 1, two input ids 4 + 4, two partials 8 + 8),
// its adjoint 8 more; storage is reserved in blocks of 1,024 entries.
export const TAPE_LAYOUT = { entry: 1 + 4 + 4 + 8 + 8, adjoint: 8, block: 1024 } as const;
const { entry: ENTRY, adjoint: ADJOINT, block: BLOCK } = TAPE_LAYOUT;

/** Bytes in use and capacity of one tape of `entries` two-operand entries, adjoints included, by hand. */
export function tapeBytes(entries: number): [inUse: number, capacity: number] {
  return [
    entries * (ENTRY + ADJOINT),
    Math.ceil(entries / BLOCK) * BLOCK * ENTRY + entries * ADJOINT,
  ];
}
