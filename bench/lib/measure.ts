/** @file Timing helpers: medians of repeated runs after warm-up, and a Markdown table printer. */

/** Each timed sample lasts at least this long, so the timer's resolution does not matter. */
const SAMPLE_MS = 5;

/**
 * The median wall time of one call of `run`, in milliseconds. Fast calls
 * are timed in batches, doubled until a batch lasts SAMPLE_MS.
 */
export function medianMs(run: () => unknown, { warmup = 3, repeats = 15 } = {}): number {
  for (let i = 0; i < warmup; i++) run();
  let batch = 1;
  for (;;) {
    const start = performance.now();
    for (let b = 0; b < batch; b++) run();
    if (performance.now() - start >= SAMPLE_MS) break;
    batch *= 2;
  }
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
