/** @file Notebook 07: what each mode holds in memory, measured; and checkpointing, which trades reverse mode's tape for recomputation. */

import { batch, type CheckpointRun, checkpointRuns, memoryByDepth, width } from './lib/memory.ts';
import { grid, notebook } from './lib/notebook.ts';

const nb = notebook(import.meta.url, '09 · Memory and checkpointing');

nb.say(`Reverse mode gets a whole gradient from one sweep, but the sweep runs
  backwards over everything the forward computation did, so it needs what
  that computation produced: the tape. Forward mode carries its tangent along
  and forgets each value as soon as the next one is computed. This notebook
  measures both, then shows checkpointing, the standard way to shrink the tape.`);

nb.section('A deep chain');
const library = new URL('./lib/memory.ts', import.meta.url);
nb.code('chain', library);

nb.section('Measured: what each mode holds at the end of f');
nb.say(`To measure instead of argue, f itself reads the process's memory, after
  a full garbage collection, on its first line and on its last: what was
  added in between is what the mode still holds at the end of the
  computation. Forward mode holds what the pass still needs; reverse mode
  the whole recording. The same chain of L layers runs once as a JVP (forward
  mode, one direction) and once as a VJP (reverse mode).`);
nb.code('measure', library);
const measured = memoryByDepth([16, 64, 256]);
const kb = (bytes: number) => `${Math.round(bytes / 1024).toLocaleString('en-US')} KB`;
nb.table(
  grid(
    ['layers L', 'forward mode holds', 'reverse mode holds', 'reverse: ledger peak tape'],
    measured.map((m) => [m.layers, kb(m.forward), kb(m.reverse), kb(m.tape)]),
  ),
);
nb.say(`One activation is ${width}×${batch} numbers, ${kb(8 * width * batch)}. Forward
  mode's figure does not grow with depth: the last activation and its tangent.
  Reverse mode's grows by about two activations per layer (the matmul's output
  and tanh's). The ledger's peak is larger because it also counts the weight
  matrices the tape was given as inputs, and during the sweep the adjoints and
  the gradient, one matrix per weight. So the claim that
  reverse mode is the memory-efficient one is backwards: it is the
  time-efficient one for gradients (one sweep instead of one pass per weight),
  and it pays for that in memory proportional to the length of the computation.`);

nb.section('Checkpointing: keep less, recompute more');
nb.say(`checkpoint(g) marks a segment of the computation. Reverse mode then
  keeps only the segment's inputs and output on the tape; when the sweep
  reaches the segment, it records the segment again from its saved input and
  sweeps that short recording. Here 64 layers are cut into segments of k
  layers each:`);
nb.code('checkpoints', library);
const [plain, ...runs] = checkpointRuns([2, 4, 8, 16]) as [CheckpointRun, ...CheckpointRun[]];
nb.table(
  grid(
    [
      'segments of',
      'peak tape',
      'primal applications',
      'adjoint applications',
      'sweeps',
      'largest gradient difference',
    ],
    [
      [
        'no checkpoint',
        kb(plain.cost.peakTapeBytes),
        plain.cost.primal,
        plain.cost.adjoint,
        plain.cost.reverseSweeps,
        0,
      ],
      ...runs.map((r) => [
        `${r.k} layers`,
        kb(r.cost.peakTapeBytes),
        r.cost.primal,
        r.cost.adjoint,
        r.cost.reverseSweeps,
        r.largestDifference,
      ]),
    ],
  ),
);
const best = runs.reduce((a, b) => (b.cost.peakTapeBytes < a.cost.peakTapeBytes ? b : a));
nb.values({
  'peak tape, no checkpoint': kb(plain.cost.peakTapeBytes),
  [`peak tape, segments of ${best.k}`]: kb(best.cost.peakTapeBytes),
  'primal applications, no checkpoint': plain.cost.primal,
  [`primal applications, segments of ${best.k}`]: best.cost.primal,
});
nb.say(`Every checkpointed run computes the chain twice (once forwards, once
  again segment by segment during the sweep), so primal applications about
  double, and the extra sweeps are the short ones over each recomputed
  segment. The gradients are identical: the recomputation repeats exactly
  the same arithmetic. The peak falls while segments are short, and rises
  again when one segment's own recording becomes the biggest thing held;
  about √L layers per segment balances the two (Griewank, 1992). What never
  shrinks is the gradient itself, one matrix per weight.`);

nb.done();
