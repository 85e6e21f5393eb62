/** @file Chapter 7: a tape's bytes in use against its capacity, the memory each mode holds (measured on the heap), and checkpointing counted by the ledger (notebook 07's runs). */

import {
  batch,
  type CheckpointRun,
  checkpointRuns,
  memoryByDepth,
  tapeGrowth,
  width,
} from '../../../notebooks/lib/memory.ts';
import { CHUNK_SIZE, ENTRY_BYTES } from '../../../src/reverse/chunk.ts';
import { linePlot } from '../../plot/line.ts';
import { region } from '../examples.ts';
import { num, table } from '../format.ts';
import type { Context, Generator } from '../generate.ts';

const library = new URL('../../../notebooks/lib/memory.ts', import.meta.url).href;
const kb = (bytes: number) => `${num(Math.round(bytes / 1024))} KB`;

// Measured once per build, when the chapter first asks.
let depths: ReturnType<typeof memoryByDepth> | undefined;
let runs: CheckpointRun[] | undefined;
const measuredDepths = () => {
  depths ??= memoryByDepth([16, 64, 256]);
  return depths;
};
const measuredRuns = () => {
  runs ??= checkpointRuns([2, 4, 8, 16]);
  return runs;
};

/** Products on either side of the first block boundary (entry 1,024 is the last of a block), for the table. */
const GROWTH = [1, 10, 100, 1000, 1023, 1024, 2000, 3000];

/** Both figures every 64 products, and on either side of each block boundary, for the plot. */
async function growthPlot(context: Context): Promise<string> {
  const ns = new Set<number>();
  // n products are n + 1 entries: block c fills up at c · CHUNK_SIZE − 1 products.
  for (let n = 0; n < 4 * CHUNK_SIZE; n += 64) ns.add(n);
  for (let c = 1; c <= 4; c++) ns.add(c * CHUNK_SIZE - 1).add(c * CHUNK_SIZE);
  ns.delete(4 * CHUNK_SIZE);
  const measured = tapeGrowth([...ns].sort((a, b) => a - b));
  const series = (name: string, pick: (m: (typeof measured)[number]) => number) => ({
    name,
    points: measured.map((m) => [m.products, pick(m) / 1024] as const),
  });
  const svg = await linePlot({
    title: 'Bytes in use grow with every product; capacity grows by whole blocks',
    note: `The gradient of x·x·…·x, as the ledger counted it; one block holds ${num(CHUNK_SIZE)} entries.`,
    panels: [
      {
        x: { label: 'products recorded' },
        y: { label: 'peak tape, KB' },
        series: [series('capacity', (m) => m.capacity), series('in use', (m) => m.inUse)],
      },
    ],
  });
  return `![The tape's bytes in use rise in a straight line with the products recorded; its capacity rises in steps of one chunk, always at or above it](${context.figure('tape-in-use-and-capacity.svg', svg)})`;
}

export const memory: Record<string, Generator> = {
  'memory-entry-bytes': () => num(ENTRY_BYTES),
  'memory-chunk-entries': () => num(CHUNK_SIZE),
  'memory-chunk-bytes': () => num(CHUNK_SIZE * ENTRY_BYTES),
  'memory-growth-code': () => `\`\`\`ts\n${region(library, 'growth')}\n\`\`\``,
  'memory-growth': () =>
    table(
      ['products', 'tape entries', 'bytes in use', 'capacity (bytes)'],
      tapeGrowth(GROWTH).map((m) => [
        num(m.products),
        num(m.entries),
        num(m.inUse),
        num(m.capacity),
      ]),
    ),
  'memory-growth-plot': growthPlot,
  'memory-chain-code': () => `\`\`\`ts\n${region(library, 'chain')}\n\`\`\``,
  'memory-measure-code': () => `\`\`\`ts\n${region(library, 'measure')}\n\`\`\``,
  'memory-checkpoint-code': () => `\`\`\`ts\n${region(library, 'checkpoints')}\n\`\`\``,
  'memory-activation': () => `${width}×${batch} numbers, ${kb(8 * width * batch)}`,
  'memory-by-depth': () =>
    table(
      [
        'layers $L$',
        'forward mode holds',
        'reverse mode holds',
        'ledger: tape in use',
        'ledger: tape capacity',
      ],
      measuredDepths().map((m) => [
        num(m.layers),
        kb(m.forward),
        kb(m.reverse),
        kb(m.tapeInUse),
        kb(m.tapeCapacity),
      ]),
    ),
  'memory-checkpoints': () =>
    table(
      [
        'segments of',
        'tape in use',
        'tape capacity',
        'primal applications',
        'adjoint applications',
        'sweeps',
        'largest gradient difference',
      ],
      measuredRuns().map((r) => [
        r.k === 0 ? 'no checkpoint' : `${r.k} layers`,
        kb(r.cost.peakTapeBytesInUse),
        kb(r.cost.peakTapeBytes),
        num(r.cost.primal),
        num(r.cost.adjoint),
        num(r.cost.reverseSweeps),
        num(r.largestDifference),
      ]),
    ),
};
