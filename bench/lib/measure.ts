/** @file Timing: warm-up, then the median of repeated samples, within a time budget. */

/** How long to warm up and how many samples to take. */
export interface Budget {
  /** Warm-up lasts at least this many calls... */
  readonly warmupCalls: number;
  /** ...and at least this long, so the JIT has compiled the hot paths. */
  readonly warmupMs: number;
  /** Fast calls are timed in batches, doubled until a batch lasts this long. */
  readonly sampleMs: number;
  /** Never fewer samples than this, however slow a call is. */
  readonly minSamples: number;
  /** Never more than this. */
  readonly maxSamples: number;
  /** Between min and max, stop taking samples once they have taken this long. */
  readonly totalMs: number;
}

export const FULL: Budget = {
  warmupCalls: 2,
  warmupMs: 300,
  sampleMs: 5,
  minSamples: 3,
  maxSamples: 15,
  totalMs: 1500,
};

export const QUICK: Budget = {
  warmupCalls: 1,
  warmupMs: 20,
  sampleMs: 2,
  minSamples: 3,
  maxSamples: 5,
  totalMs: 100,
};

export interface Timing {
  /** The median time of one call, in milliseconds. */
  readonly ms: number;
  /** Samples taken, and calls per sample. */
  readonly samples: number;
  readonly batch: number;
}

/** Every result lands here, so no optimiser can drop a call whose result looks unused. */
export let sink: unknown;

/** Collects garbage if node runs with --expose-gc, so one phase's garbage is not billed to the next. */
export function collectGarbage(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

/**
 * The median wall time of one call of `run`: warm-up, then batches sized to
 * last `sampleMs`, then samples until the budget is spent. A batch of one
 * call that sized itself counts as the first sample, so a slow call is not
 * run more often than it must be.
 */
export function medianTime(run: () => unknown, budget: Budget): Timing {
  collectGarbage();
  const warmupStart = performance.now();
  for (
    let i = 0;
    i < budget.warmupCalls || performance.now() - warmupStart < budget.warmupMs;
    i++
  ) {
    sink = run();
  }
  collectGarbage();
  const samples: number[] = [];
  let batch = 1;
  for (;;) {
    const start = performance.now();
    for (let b = 0; b < batch; b++) sink = run();
    const elapsed = performance.now() - start;
    if (elapsed >= budget.sampleMs) {
      if (batch === 1) samples.push(elapsed);
      break;
    }
    batch *= 2;
  }
  const start = performance.now();
  while (
    samples.length < budget.minSamples ||
    (samples.length < budget.maxSamples && performance.now() - start < budget.totalMs)
  ) {
    const t0 = performance.now();
    for (let b = 0; b < batch; b++) sink = run();
    samples.push((performance.now() - t0) / batch);
  }
  samples.sort((a, b) => a - b);
  return { ms: median(samples), samples: samples.length, batch };
}

/** The middle value of sorted numbers (the mean of the middle two for an even count). */
export function median(sorted: readonly number[]): number {
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}
