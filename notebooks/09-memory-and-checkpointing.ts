/** @file Notebook 09: what each mode holds in memory, measured; and checkpointing, which trades reverse mode's tape for recomputation. */

import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import {
  checkpoint,
  fromArray,
  grad,
  jvp,
  type Mat,
  type Matrix,
  matmul,
  sum,
  tanh,
  vjp,
  withCost,
  zeros,
} from '../src/index.ts';
import { random } from './lib/mlp.ts';
import { grid, notebook } from './lib/notebook.ts';

const nb = notebook(import.meta.url, '09 · Memory and checkpointing');

nb.say(`Reverse mode gets a whole gradient from one sweep, but the sweep runs
  backwards over everything the forward computation did, so it needs what
  that computation produced: the tape. Forward mode carries its tangent along
  and forgets each value as soon as the next one is computed. This notebook
  measures both, then shows checkpointing, the standard way to shrink the tape.`);

nb.section('A deep chain');
// #region chain
const width = 32; // units per layer
const batch = 64; // points per batch: each activation is a 32×64 matrix
const next = random(11);
const draw = (rows: number, cols: number, scale: number) =>
  fromArray(
    Array.from({ length: rows * cols }, () => scale * (2 * next() - 1)),
    rows,
    cols,
  );
const x = draw(width, batch, 1);
const weights = Array.from({ length: 256 }, () => draw(width, width, 1.5 / Math.sqrt(width)));

/** h_{k+1} = tanh(W_k h_k): one layer, two primitive applications. */
const layer = (h: Mat, w: Mat): Mat => tanh(matmul(w, h));
const chain = (ws: readonly Mat[], h: Mat = x): Mat => ws.reduce(layer, h);
// #endregion
nb.code('chain');

nb.section('Measured: what each mode holds at the end of f');
nb.say(`To measure instead of argue, f itself reads the process's memory, after
  a full garbage collection, on its first line and on its last: what was
  added in between is what the mode still holds at the end of the
  computation. Forward mode holds what the pass still needs; reverse mode
  the whole recording. The same chain of L layers runs once as a JVP (forward
  mode, one direction) and once as a VJP (reverse mode).`);
// #region measure
setFlagsFromString('--expose-gc');
const collect = runInNewContext('gc') as () => void;
const inUse = () => {
  for (let i = 0; i < 3; i++) collect(); // repeated: external buffers are freed in a later pass
  const { heapUsed, arrayBuffers } = process.memoryUsage();
  return heapUsed + arrayBuffers;
};
/**
 * Bytes in use at the end of f's body beyond those at its start: what the
 * mode kept. The median of five runs, after one that warms the engine up
 * (its compiled code would count otherwise).
 */
function heldAtEnd(run: (f: (ws: Mat[]) => Mat) => unknown): number {
  const held: number[] = [];
  for (let r = 0; r < 6; r++) {
    let atStart = 0;
    run((ws) => {
      atStart = inUse();
      const out = chain(ws);
      held.push(inUse() - atStart);
      return out;
    });
  }
  return held.slice(1).sort((a, b) => a - b)[2] as number;
}
// #endregion
nb.code('measure');
const depths = [16, 64, 256];
const measured = depths.map((L) => {
  const ws = weights.slice(0, L);
  const direction = ws.map((w) => zeros(w.rows, w.cols));
  direction[0] = weights[0] as Matrix; // any direction: a JVP carries one tangent
  return {
    L,
    forward: heldAtEnd((f) => jvp(f, ws, direction)),
    reverse: heldAtEnd((f) => vjp(f, ws)),
    tape: withCost(() => grad((w: Mat[]) => sum(chain(w)))(ws)).cost.peakTapeBytes,
  };
});
const kb = (bytes: number) => `${Math.round(bytes / 1024).toLocaleString('en-US')} KB`;
nb.table(
  grid(
    ['layers L', 'forward mode holds', 'reverse mode holds', 'reverse: ledger peak tape'],
    measured.map((m) => [m.L, kb(m.forward), kb(m.reverse), kb(m.tape)]),
  ),
);
nb.say(`One activation is ${width}×${batch} numbers, ${kb(8 * width * batch)}. Forward
  mode's figure does not grow with depth: the last activation and its tangent.
  Reverse mode's grows by about two activations per layer (the matmul's output
  and tanh's), as the ledger's count of the tape says. So the claim that
  reverse mode is the memory-efficient one is backwards: it is the
  time-efficient one for gradients (one sweep instead of one pass per weight),
  and it pays for that in memory proportional to the length of the computation.`);

nb.section('Checkpointing: keep less, recompute more');
nb.say(`checkpoint(g) marks a segment of the computation. Reverse mode then
  keeps only the segment's inputs and output on the tape; when the sweep
  reaches the segment, it records the segment again from its saved input and
  sweeps that short recording. Here 64 layers are cut into segments of k
  layers each:`);
// #region checkpoints
const deep = weights.slice(0, 64);
const segment = checkpoint((h: Mat, ...ws: Mat[]) => chain(ws, h));
const segmented = (k: number) => (ws: Mat[]) => {
  let h: Mat = x;
  for (let i = 0; i < ws.length; i += k) h = segment(h, ...ws.slice(i, i + k));
  return sum(h);
};
const plain = withCost(() => grad((ws: Mat[]) => sum(chain(ws)))(deep));
const runs = [2, 4, 8, 16].map((k) => ({ k, ...withCost(() => grad(segmented(k))(deep)) }));
// #endregion
nb.code('checkpoints');
const largestDifference = (g: Matrix[]) =>
  g.reduce(
    (m, gi, i) =>
      gi.data.reduce(
        (mi, v, j) => Math.max(mi, Math.abs(v - ((plain.result[i] as Matrix).data[j] as number))),
        m,
      ),
    0,
  );
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
        largestDifference(r.result as Matrix[]),
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
