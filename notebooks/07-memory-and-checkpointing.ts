/** @file Notebook 07: what each mode holds in memory, measured; and checkpointing, which trades reverse mode's tape for recomputation. */

import {
  batch,
  type CheckpointRun,
  checkpointRuns,
  memoryByDepth,
  tapeGrowth,
  width,
} from './lib/memory.ts';
import { grid, notebook } from './lib/notebook.ts';

const nb = notebook(import.meta.url, '07 · Memory and checkpointing');

nb.say(`Reverse mode gets a whole gradient from one sweep, but the sweep runs
  backwards over everything the forward computation did, so it needs what
  that computation produced: the tape. Forward mode carries its tangent along
  and forgets each value as soon as the next one is computed. This notebook
  measures both, then shows checkpointing, the standard way to shrink the tape.`);

nb.section('Two tape figures: bytes in use and capacity');
const library = new URL('./lib/memory.ts', import.meta.url);
nb.say(`withCost reports a tape two ways. peakTapeBytesInUse is what the
  recording needs: 25 bytes an entry in its block (op code, two input ids, two
  partials; 13 if no entry of the block has a second operand), 8 more for its
  adjoint, and the output of each matrix entry. peakTapeBytes is the capacity
  reserved: storage comes in blocks of 1,024 entries, so a growing tape is never
  copied, and a block counts whole from its first entry. The gradient of
  x·x·…·x records one entry per product:`);
nb.code('growth', library);
const growth = tapeGrowth([1, 10, 100, 1000, 1023, 1024, 2000, 3000]);
nb.table(
  grid(
    ['products', 'tape entries', 'bytes in use', 'capacity (bytes)'],
    growth.map((g) => [g.products, g.entries, g.inUse, g.capacity]),
  ),
);
nb.say(`Bytes in use grow by the same step with every product: memory in
  proportion to the length of the trace. Capacity grows only by the adjoints'
  8 bytes an entry (allocated to size) until a block is full, then jumps by a
  whole block. For a short trace it is nearly all empty block; for
  a long one the two differ by less than a block.`);

nb.section('A deep chain');
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
    ['layers L', 'forward mode holds', 'reverse mode holds', 'tape in use', 'tape capacity'],
    measured.map((m) => [
      m.layers,
      kb(m.forward),
      kb(m.reverse),
      kb(m.tapeInUse),
      kb(m.tapeCapacity),
    ]),
  ),
);
nb.say(`One activation is ${width}×${batch} numbers, ${kb(8 * width * batch)}. Forward
  mode's figure does not grow with depth: the last activation and its tangent.
  Reverse mode's grows by about two activations per layer (the matmul's output
  and tanh's). The ledger's two columns are the reverse-mode gradient's tape:
  its bytes in use are larger because they also count the weight matrices the
  tape was given as inputs, and during the sweep the adjoints and the
  gradient, one matrix per weight; its capacity adds only the unused end of a
  block.`);
nb.say(`Reverse mode is often called the efficient mode, and the sources say in
  what: Baydin, Pearlmutter, Radul and Siskind, "Automatic Differentiation in
  Machine Learning: a Survey" (JMLR, 2018, Section 3.2), give the gradient of
  a many-input function in one backward sweep, and add that this comes with
  storage growing, in the worst case, in proportion to the number of
  operations evaluated. Griewank and Walther ("Algorithm 799: revolve", ACM
  TOMS, 2000) say the same: a gradient for a small multiple of the function's
  work, memory proportional to its run time. Efficient in operations, then,
  not in memory; reading it as both is the mistake, and the table shows the
  other half: forward mode holds the same few KB at every depth, reverse mode
  more with every layer.`);

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
      'tape in use',
      'tape capacity',
      'primal applications',
      'adjoint applications',
      'sweeps',
      'largest gradient difference',
    ],
    [
      [
        'no checkpoint',
        kb(plain.cost.peakTapeBytesInUse),
        kb(plain.cost.peakTapeBytes),
        plain.cost.primal,
        plain.cost.adjoint,
        plain.cost.reverseSweeps,
        0,
      ],
      ...runs.map((r) => [
        `${r.k} layers`,
        kb(r.cost.peakTapeBytesInUse),
        kb(r.cost.peakTapeBytes),
        r.cost.primal,
        r.cost.adjoint,
        r.cost.reverseSweeps,
        r.largestDifference,
      ]),
    ],
  ),
);
const best = runs.reduce((a, b) => (b.cost.peakTapeBytesInUse < a.cost.peakTapeBytesInUse ? b : a));
nb.values({
  'tape in use, no checkpoint': kb(plain.cost.peakTapeBytesInUse),
  [`tape in use, segments of ${best.k}`]: kb(best.cost.peakTapeBytesInUse),
  'primal applications, no checkpoint': plain.cost.primal,
  [`primal applications, segments of ${best.k}`]: best.cost.primal,
});
nb.say(`Every checkpointed run computes the chain twice (once forwards, once
  again segment by segment during the sweep), so primal applications about
  double, and the extra sweeps are the short ones over each recomputed
  segment. The gradients are identical: the recomputation repeats exactly
  the same arithmetic. The tape in use falls while segments are short, and
  rises again when one segment's own recording becomes the biggest thing held
  (the capacity follows, one partly filled block above);
  about √L layers per segment balances the two (Griewank, 1992). What never
  shrinks is the gradient itself, one matrix per weight.`);

nb.done();
