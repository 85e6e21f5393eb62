/** @file Timing helpers: medians of repeated runs after warm-up, and a Markdown table printer. */

/**
 * The median wall time of one call of `run`, in milliseconds. Calls that
 * take under a millisecond are timed in batches so the timer's resolution
 * does not dominate.
 */
export function medianMs(run: () => unknown, { warmup = 3, repeats = 11 } = {}): number {
  for (let i = 0; i < warmup; i++) run();
  const probe = performance.now();
  run();
  const once = performance.now() - probe;
  const batch = Math.max(1, Math.ceil(1 / Math.max(once, 1e-4)));
  const samples: number[] = [];
  for (let r = 0; r < repeats; r++) {
    const start = performance.now();
    for (let b = 0; b < batch; b++) run();
    samples.push((performance.now() - start) / batch);
  }
  samples.sort((a, b) => a - b);
  return samples[samples.length >> 1] as number;
}

/** A Markdown table with a header row; numbers are right-aligned by the renderer. */
export function markdownTable(
  header: readonly string[],
  rows: readonly (readonly string[])[],
): string {
  const line = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;
  const rule = `|${header.map((_, k) => (k === 0 ? ' --- ' : ' ---: ')).join('|')}|`;
  return [line(header), rule, ...rows.map(line)].join('\n');
}

/** `x` with three significant digits, as a plain decimal. */
export function fixed3(x: number): string {
  return x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(x >= 1 ? 2 : 3);
}
