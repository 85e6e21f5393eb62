/** @file Notebook 03: reverse mode on a tape, the worked example 5x² − xy at (2, 3) step by step, and why adjoints accumulate with +=. */

import {
  grad,
  mul,
  type Num,
  primalTable,
  reverseSweep,
  reverseTable,
  sub,
  trace,
  vjp,
  withCost,
} from '../src/index.ts';
import { grid, notebook, num } from './lib/notebook.ts';

const nb = notebook(import.meta.url, '03 · Reverse accumulation');

nb.say(`Forward mode answers "if the inputs move in direction v, how fast does
  the output move?". Reverse mode answers the transposed question: "how much
  does each intermediate value matter to the output?". That number is the
  adjoint w̄ = ∂y/∂w. Finding it needs the whole evaluation first, because the
  sweep runs from the output back to the inputs; so reverse mode records the
  evaluation on a tape, the Wengert list, and then walks it backwards. The
  worked example is f(x, y) = 5x² − xy at (x, y) = (2, 3).`);

// #region f
const f = ([x, y]: [Num, Num]) => sub(mul(5, mul(x, x)), mul(x, y));
const at: [number, number] = [2, 3];
const list = trace(f, at);
// #endregion
nb.code('f');

nb.section('The tape');
nb.say(`Each primitive application becomes one entry in static single
  assignment form: a new name, the operation, the names it read, and its
  value. The constant 5 is not an entry; it is part of the operation.`);
nb.table(primalTable(list));
nb.say(`The tape also stores, for each entry, the local partial derivatives of
  its operation with respect to its operands, evaluated during recording. The
  reverse sweep needs nothing else: it never re-runs f.`);
nb.table(
  grid(
    ['entry', 'op', 'reads', 'value', 'local partials'],
    list.entries.map((e) => [
      `w${e.index + 1}`,
      e.op,
      e.operands.map((o) => (o.kind === 'entry' ? `w${o.index + 1}` : num(o.value))).join(', '),
      e.value,
      e.partials.map((p) => (Number.isNaN(p) ? '(constant)' : num(p))).join(', '),
    ]),
  ),
);

nb.section('The sweep, last step first');
nb.say(`Seed the output with w̄6 = 1 and visit the entries in reverse order.
  An entry passes its adjoint to each operand, multiplied by the partial for
  that operand: w̄operand += ∂wk/∂woperand · w̄k. When the sweep reaches an
  entry, every later use of it has already been visited, so its adjoint is
  complete.`);
// #region sweep
const sweep = reverseSweep(list, [1]); // ȳ = 1
// #endregion
nb.code('sweep');
nb.table(reverseTable(list, sweep));

const par = (v: number) => (v < 0 ? `(${num(v)})` : num(v));
const adj = (k: number) => num(sweep.adjoints[k - 1] ?? Number.NaN);
nb.say(`Read the table from the top. w6 = w4 − w5 gives w̄4 = ${adj(4)} and
  w̄5 = ${adj(5)}. w4 = 5·w3 gives w̄3 = ${adj(3)}. w5 = w1·w2 passes w2·w̄5 to
  w1 and w1·w̄5 to w2, which finishes w̄2 = ${adj(2)}. And w1, which is x, is
  read three times: once by w5 and twice by w3 = w1·w1 (it is both operands).
  Its contributions, grouped by the path they came along:`);
const received = sweep.contributions[0] ?? [];
const viaSquare = received.filter((c) => c.from === 2).reduce((s, c) => s + c.amount, 0);
const viaProduct = received.filter((c) => c.from === 4).reduce((s, c) => s + c.amount, 0);
nb.values({
  ...Object.fromEntries(
    received.map((c, i) => [
      `contribution ${i + 1} to w̄1 (from w${c.from + 1}, operand ${c.operand + 1})`,
      `${par(c.partial)} · ${par(c.adjoint)} = ${num(c.amount)}`,
    ]),
  ),
  'path through 5x² (w3)': viaSquare,
  'path through xy (w5)': viaProduct,
  'w̄1 = their sum': sweep.adjoints[0] ?? Number.NaN,
  w̄2: sweep.adjoints[1] ?? Number.NaN,
});

nb.say(`The two paths are the two terms of the derivative by hand: d(5x²)/dx =
  10x and d(−xy)/dx = −y. grad does the same recording and the same sweep, and
  its answer matches the hand-derived gradient (10x − y, −x):`);
// #region grad
const gradient = grad(f)(at);
const byHand = [10 * at[0] - at[1], -at[0]];
// #endregion
nb.code('grad');
nb.values({ 'grad(f)(2, 3)': gradient, 'by hand (10x − y, −x)': byHand });

nb.section('Accumulate, never assign');
nb.say(`A value that is used twice in the primal receives two adjoint
  contributions, and they must be added: fan-out in the evaluation is a sum in
  the sweep. An implementation that assigns (w̄1 = ... instead of w̄1 += ...)
  keeps only the last contribution and is silently wrong. The same sweep with
  assignment would give:`);
const last = received.at(-1)?.amount ?? Number.NaN;
nb.values({ 'w̄1 with +=': sweep.adjoints[0] ?? Number.NaN, 'w̄1 with = (wrong)': last });
nb.say(`The toolkit keeps adjoints in an array indexed by entry, fresh for each
  sweep, and only ever adds to it; nothing is stored on the values themselves,
  so there is nothing to reset between calls.`);

nb.section('One recording, many sweeps');
nb.say(`A recording can be swept more than once. vjp records f and returns a
  pullback; each call is one more sweep over the same tape, with a different
  seed. The sweep is linear in its seed, so seeding 2 doubles the gradient.
  The price of reverse mode is memory: the whole tape is held until the last
  sweep. The ledger counts it twice: the bytes its entries and adjoints use,
  and the capacity it reserved, which comes in blocks of 1,024 entries, so even
  this six-entry tape reserves a whole block.`);
// #region pullback
const { result, cost } = withCost(() => {
  const { pullback } = vjp(f, at);
  return [pullback(1), pullback(2)];
});
// #endregion
nb.code('pullback');
nb.values({
  'pullback(1)': result[0] ?? [],
  'pullback(2)': result[1] ?? [],
  'tape entries recorded': cost.tapeEntries,
  'reverse sweeps': cost.reverseSweeps,
  'tape bytes in use': cost.peakTapeBytesInUse,
  'tape capacity (bytes)': cost.peakTapeBytes,
});

nb.done();
