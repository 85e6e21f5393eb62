/** @file Chapter 7: the memory each mode holds, measured on the heap, and checkpointing counted by the ledger (notebook 07's runs). */

import {
  batch,
  type CheckpointRun,
  checkpointRuns,
  memoryByDepth,
  width,
} from '../../../notebooks/lib/memory.ts';
import { region } from '../examples.ts';
import { num, table } from '../format.ts';
import type { Generator } from '../generate.ts';

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

export const memory: Record<string, Generator> = {
  'memory-chain-code': () => `\`\`\`ts\n${region(library, 'chain')}\n\`\`\``,
  'memory-measure-code': () => `\`\`\`ts\n${region(library, 'measure')}\n\`\`\``,
  'memory-checkpoint-code': () => `\`\`\`ts\n${region(library, 'checkpoints')}\n\`\`\``,
  'memory-activation': () => `${width}×${batch} numbers, ${kb(8 * width * batch)}`,
  'memory-by-depth': () =>
    table(
      ['layers $L$', 'forward mode holds', 'reverse mode holds', 'reverse: the ledger’s peak tape'],
      measuredDepths().map((m) => [num(m.layers), kb(m.forward), kb(m.reverse), kb(m.tape)]),
    ),
  'memory-checkpoints': () =>
    table(
      [
        'segments of',
        'peak tape',
        'primal applications',
        'adjoint applications',
        'sweeps',
        'largest gradient difference',
      ],
      measuredRuns().map((r) => [
        r.k === 0 ? 'no checkpoint' : `${r.k} layers`,
        kb(r.cost.peakTapeBytes),
        num(r.cost.primal),
        num(r.cost.adjoint),
        num(r.cost.reverseSweeps),
        num(r.largestDifference),
      ]),
    ),
};
