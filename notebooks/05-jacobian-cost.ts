/** @file Notebook 05: a Jacobian by columns (forward) or by rows (reverse), what each costs for R^n → R, R → R^m and square shapes, and where the crossover lies. */

import {
  add,
  compareModes,
  costTable,
  jacobian,
  mul,
  type Num,
  tanh,
  withCost,
} from '../src/index.ts';
import { grid, notebook } from './lib/notebook.ts';

const nb = notebook(import.meta.url, '05 · What a Jacobian costs');

nb.say(`A Jacobian of f: Rⁿ → Rᵐ has m rows and n columns. Forward mode gets
  one column per pass: seed the tangent e_j and read ∂f/∂x_j for every output.
  So jacfwd runs n passes. Reverse mode gets one row per sweep: seed the adjoint
  e_i and read ∂f_i/∂x for every input. So jacrev records f once and runs m
  sweeps. Each pass or sweep touches every primitive of f once, which makes
  the rule of thumb: forward costs about n evaluations, reverse about m, and
  reverse also holds the tape in memory.`);

nb.say(`To measure rather than assert, here is a family of functions with any
  shape: m outputs, each a tanh of a fixed weighted sum of all n inputs (one
  dense layer of a neural network).`);
// #region family
const weight = (i: number, j: number) => Math.sin(1 + i + 2 * j); // fixed constants
const layer = (m: number) => (x: Num[]) =>
  Array.from({ length: m }, (_, i) =>
    tanh(x.reduce<Num>((s, xj, j) => add(s, mul(weight(i, j), xj)), 0)),
  );
const point = (n: number) => Array.from({ length: n }, (_, j) => Math.cos(j) / 2);
// #endregion
nb.code('family');

nb.section('Many inputs, one output: Rⁿ → R');
// #region wide
const wide = compareModes(layer(1), point(32));
// #endregion
nb.say(`A loss function has many parameters and one output. With n = 32 and
  m = 1, forward mode needs ${wide.forward.cost.forwardPasses} passes, reverse
  mode ${wide.reverse.cost.reverseSweeps} sweep. compareModes builds the
  Jacobian both ways and counts what each did:`);
nb.code('wide');
nb.table(costTable(wide));

nb.section('One input, many outputs: R → Rᵐ');
// #region tall
const tall = compareModes(layer(32), point(1));
// #endregion
nb.say(`Now the other way round: n = 1 and m = 32, like a curve traced by a
  single parameter. Forward mode gets the whole Jacobian column in
  ${tall.forward.cost.forwardPasses} pass; reverse mode needs
  ${tall.reverse.cost.reverseSweeps} sweeps.`);
nb.code('tall');
nb.table(costTable(tall));

nb.section('Square: n = m');
nb.say('Between the two, a square Jacobian with n = m = 8:');
// #region square
const square = compareModes(layer(8), point(8));
// #endregion
nb.code('square');
nb.table(costTable(square));
nb.say(`Passes and sweeps tie at ${square.forward.cost.forwardPasses} each, yet the totals do not. Each forward
  pass evaluates f again (primal applications) and pushes tangents through it;
  reverse mode evaluates f once, while recording, and every sweep reuses that
  recording. Reverse mode pays instead in memory: the tape, whose bytes in use
  grow with the entries recorded, while its capacity is reserved in whole
  blocks of 1,024 entries (notebook 07 tells the two apart). (The
  wall times of runs this small mostly measure the JavaScript engine warming
  up; npm run bench times a large function properly.) Both modes build the
  same Jacobian:`);
nb.values({
  'largest |J_fwd − J_rev|, Rⁿ → R': wide.maxAbsDifference,
  'largest |J_fwd − J_rev|, R → Rᵐ': tall.maxAbsDifference,
  'largest |J_fwd − J_rev|, n = m': square.maxAbsDifference,
});

nb.section('Where the crossover lies');
nb.say(`Fix n = 8 inputs and let the number of outputs grow. Work is counted
  in primitive applications from the cost ledger: forward work is primal +
  tangent applications, reverse work is primal + adjoint applications. Reverse
  mode's tape is given in bytes twice: what its entries and adjoints use, which
  grows with m, and the capacity it reserved, one block of 1,024 entries here.
  The last column is the mode jacobian(f, { mode: 'auto' }) picked: it runs one
  forward pass first, to learn m, then goes on the way that applies fewer
  primitives.`);
// #region crossover
const n = 8;
const shapes = [1, 2, 4, 8, 12, 16, 24, 32].map((m) => {
  const { forward, reverse } = compareModes(layer(m), point(n));
  const auto = withCost(() => jacobian(layer(m), { mode: 'auto' })(point(n))).cost;
  return {
    m,
    forward: forward.cost.primal + forward.cost.tangent,
    reverse: reverse.cost.primal + reverse.cost.adjoint,
    passes: forward.cost.forwardPasses,
    sweeps: reverse.cost.reverseSweeps,
    tapeInUse: reverse.cost.peakTapeBytesInUse,
    tapeCapacity: reverse.cost.peakTapeBytes,
    auto: auto.reverseSweeps > 0 ? 'reverse' : 'forward',
  };
});
// #endregion
nb.code('crossover');
nb.table(
  grid(
    [
      'n × m',
      'passes',
      'forward work',
      'sweeps',
      'reverse work',
      'fewer',
      'tape in use',
      'tape capacity',
      'auto',
    ],
    shapes.map((s) => [
      `${n} × ${s.m}`,
      s.passes,
      s.forward,
      s.sweeps,
      s.reverse,
      s.forward < s.reverse ? 'forward' : s.forward > s.reverse ? 'reverse' : 'tie',
      s.tapeInUse,
      s.tapeCapacity,
      s.auto,
    ]),
  ),
);
const first = shapes.find((s) => s.forward < s.reverse);
nb.values({
  'first m where forward does less work': first === undefined ? 'none measured' : first.m,
  'where the auto rule switches to forward': shapes.find((s) => s.auto === 'forward')?.m ?? 0,
});
nb.say(`Counted in applications, one forward pass (evaluate and push tangents)
  weighs about two sweeps' worth, so the measured crossover sits near m = 2n
  rather than at m = n, and the auto rule switches there too: after its first
  pass, n − 1 more passes cost 2(n − 1) applications per primitive, one
  recording and m sweeps cost 1 + m. (When memory is the limit, ask for
  mode 'forward' outright: it never holds a tape.) Either way the lesson stands:
  many inputs and few outputs (gradients of losses) favour reverse mode by a
  factor of n; few inputs and many outputs favour forward mode.`);

nb.done();
