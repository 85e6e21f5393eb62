/** @file Timing: warm-up, then the median of repeated samples, within a time budget. */

/** How long to warm up and how many samples to take. */
export interface Budget {
  /** Warm-up lasts at least this many calls... */
  readonly warmupCalls: number;
  /** ...and at least this long, so the JIT has compiled the hot paths. */
  readonly warmupMs: number;
  /** Fast calls are timed in batches, doubled until a batch lasts this long. */
  readonly sampleMs: number;
  /** Never fewer sampling rounds than this, however slow a call is. */
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
  maxSamples: 21,
  totalMs: 2500,
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

/** Collects garbage if node runs with --expose-gc, so one phase's garbage is not billed to the next. */
export function collectGarbage(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

/** Calls `run` `calls` times; returns the last result and the time per call in milliseconds. */
function sample(run: () => unknown, calls: number): { result: unknown; ms: number } {
  let result: unknown;
  const start = performance.now();
  for (let b = 0; b < calls; b++) result = run();
  return { result, ms: (performance.now() - start) / calls };
}

/**
 * Median times of functions measured side by side (a variant and the primal
 * it is divided by): each is warmed up and given its own batch size, then
 * they are sampled in rounds, one sample of each per round, so a change in
 * the machine's load during the measurement falls on all of them alike.
 * `called[k]` counts calls of `runs[k]` already made (a checked first call
 * is warm-up too). A batch of one call that sized itself counts as a sample,
 * so a slow call is not run more often than it must be. Also returns each
 * function's last result, for checking.
 */
export function medianTimes(
  runs: readonly (() => unknown)[],
  budget: Budget,
  called: readonly number[] = [],
): { timings: Timing[]; last: unknown[] } {
  const last: unknown[] = runs.map(() => undefined);
  const samples: number[][] = runs.map(() => []);
  const batches = runs.map((run, k) => {
    collectGarbage();
    const start = performance.now();
    for (
      let i = called[k] ?? 0;
      i < budget.warmupCalls || performance.now() - start < budget.warmupMs;
      i++
    ) {
      last[k] = run();
    }
    for (let batch = 1; ; batch *= 2) {
      const { result, ms } = sample(run, batch);
      last[k] = result;
      if (ms * batch >= budget.sampleMs) {
        if (batch === 1) samples[k]?.push(ms);
        return batch;
      }
    }
  });
  collectGarbage();
  const start = performance.now();
  for (
    let round = 0;
    round < budget.minSamples ||
    (round < budget.maxSamples && performance.now() - start < budget.totalMs);
    round++
  ) {
    runs.forEach((run, k) => {
      const { result, ms } = sample(run, batches[k] as number);
      last[k] = result;
      samples[k]?.push(ms);
    });
  }
  const timings = samples.map((list, k) => {
    const sorted = [...list].sort((a, b) => a - b);
    return { ms: median(sorted), samples: sorted.length, batch: batches[k] as number };
  });
  return { timings, last };
}

/** The middle value of sorted numbers (the mean of the middle two for an even count). */
export function median(sorted: readonly number[]): number {
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}
