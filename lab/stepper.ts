/** @file Where a sweep is: which entries it has visited after N steps, forward from the first operation or backward from the last. */

import type { WengertList } from '../src/index.ts';
import type { Mode } from './hash.ts';

/**
 * The operations (every entry but the inputs) in the order a sweep visits
 * them: evaluation order forward, the reverse of it backward. One step
 * visits one operation; step 0 is the seeding (ẋ on the inputs, ȳ on the
 * outputs), before any operation.
 */
export function sweepOrder(list: WengertList, mode: Mode): number[] {
  const operations = list.entries.filter((e) => e.op !== 'input').map((e) => e.index);
  return mode === 'forward' ? operations : operations.reverse();
}

/** A sweep after `step` steps. */
export interface Position {
  readonly mode: Mode;
  readonly step: number;
  /** How many steps the whole sweep takes (one per operation). */
  readonly total: number;
  /** The entry visited by the last step taken; undefined at step 0. */
  readonly current: number | undefined;
  /** Every entry visited so far. */
  readonly visited: ReadonlySet<number>;
}

/** `step` (a count, or 'end') as a step of a sweep of `total` steps: clamped to 0..total. */
function clampStep(step: number | 'end', total: number): number {
  if (step === 'end') return total;
  return Math.min(Math.max(0, Math.floor(step)), total);
}

/**
 * The sweep in `mode` after `step` steps.
 *
 * @example
 * position(trace(f, [2, 3]), 'reverse', 1).current; // the last entry: the reverse sweep starts at f
 */
export function position(list: WengertList, mode: Mode, step: number | 'end'): Position {
  const order = sweepOrder(list, mode);
  const taken = clampStep(step, order.length);
  const visited = order.slice(0, taken);
  return {
    mode,
    step: taken,
    total: order.length,
    current: visited.at(-1),
    visited: new Set(visited),
  };
}

/** The moves of the step buttons and keys, each from the current step to the next one. */
export const moves = {
  next: (p: Position) => Math.min(p.step + 1, p.total),
  back: (p: Position) => Math.max(p.step - 1, 0),
  start: () => 0,
  end: (p: Position) => p.total,
} as const;

export type Move = keyof typeof moves;
