/** @file Notebook 01: the chain rule on y = f(g(h(x))), accumulated inside-out (forward) and outside-in (reverse), to the same number. */

import {
  exp,
  forwardSweep,
  forwardTable,
  grad,
  jvp,
  type Num,
  pow,
  primalTable,
  reverseSweep,
  reverseTable,
  sin,
  trace,
} from '../src/index.ts';
import { grid, notebook, num } from './lib/notebook.ts';

const nb = notebook(import.meta.url, '01 · The chain rule, accumulated two ways');

nb.say(`Automatic differentiation is the chain rule applied to a program, one
  primitive at a time. Take three small functions and compose them: h squares,
  g takes the sine, f exponentiates, and y = f(g(h(x))).`);

// #region compose
const h = (x: Num) => pow(x, 2); // h(x) = x²
const g = (u: Num) => sin(u); // g(u) = sin u
const f = (v: Num) => exp(v); // f(v) = eᵛ
const y = (x: Num) => f(g(h(x)));
const x0 = 0.8;
// #endregion
nb.code('compose');

nb.section('One evaluation, written down');
nb.say(`Evaluating y records one line per primitive: the Wengert list. Every
  intermediate value gets its own name (w1 is x, w2 is u = x², w3 is v = sin u,
  w4 is y = eᵛ), and each line is evaluated exactly once.`);
// #region trace
const list = trace(y, x0);
// #endregion
nb.code('trace');
nb.table(primalTable(list));

nb.say(`The chain rule says dy/dx = f′(v) · g′(u) · h′(x): a product of three
  local derivatives, each taken at the point this run passed through. The trace
  already holds them, because each primitive knows its own partial derivative:`);
const local = list.entries.slice(1).map((e) => e.partials[0] as number);
const [dh, dg, df] = local as [number, number, number];
nb.table(
  grid(
    ['stage', 'local derivative', 'at', 'value'],
    [
      ['h(x) = x²', 'h′(x) = 2x', `x = ${num(x0)}`, dh],
      ['g(u) = sin u', 'g′(u) = cos u', `u = ${num(list.entries[1]?.value ?? Number.NaN)}`, dg],
      ['f(v) = eᵛ', 'f′(v) = eᵛ', `v = ${num(list.entries[2]?.value ?? Number.NaN)}`, df],
    ],
  ),
);

nb.section('Forward accumulation: inside-out, with tangents');
nb.say(`Forward mode starts at the input with a tangent ẋ = 1 ("how fast x
  moves") and carries it along with the values, first step to last. Each step
  multiplies the incoming tangent by its local derivative: ẇ2 = h′ · ẋ, then
  ẇ3 = g′ · ẇ2, then ẇ4 = f′ · ẇ3. The product is grouped from the inside out.`);
// #region forward
const forward = forwardSweep(list, [1]); // seed ẋ = 1 on the input
// #endregion
nb.code('forward');
nb.table(forwardTable(list, forward));

nb.section('Reverse accumulation: outside-in, with adjoints');
nb.say(`Reverse mode runs the other way. It seeds the output with an adjoint
  ȳ = 1 ("how much y matters to itself") and walks the list from the last step
  to the first. Each step multiplies the adjoint it holds by its local
  derivative and passes the product to its input: w̄3 = f′ · w̄4, then
  w̄2 = g′ · w̄3, then w̄1 = h′ · w̄2. The same three factors, grouped from the
  outside in.`);
// #region reverse
const reverse = reverseSweep(list, [1]); // seed ȳ = 1 on the output
// #endregion
nb.code('reverse');
nb.table(reverseTable(list, reverse));

nb.section('Same number both ways');
nb.say(`Both sweeps multiply the same three numbers, only in a different order.
  Here are the two groupings written out with the local derivatives above, and
  the results of the sweeps:`);
nb.values({
  'forward  f′·(g′·(h′·1))': `${num(df)} · (${num(dg)} · (${num(dh)} · 1))`,
  'reverse  ((1·f′)·g′)·h′': `((1 · ${num(df)}) · ${num(dg)}) · ${num(dh)}`,
  'dy/dx by forward accumulation (ẇ4)': forward.tangents[3] ?? Number.NaN,
  'dy/dx by reverse accumulation (w̄1)': reverse.adjoints[0] ?? Number.NaN,
});

nb.say(`The transforms of the toolkit do exactly these two things, without the
  tables: jvp pushes a tangent through one evaluation on dual numbers, grad
  records a tape and sweeps it backwards once. As a check that owes nothing to
  the toolkit, the closed form e^(sin x²) · cos(x²) · 2x is computed with
  plain Math functions.`);
// #region transforms
const byJvp = jvp(y, x0, 1).tangent; // forward mode, one pass
const byGrad = grad(y)(x0); // reverse mode, one sweep
const closedForm = Math.exp(Math.sin(x0 ** 2)) * Math.cos(x0 ** 2) * 2 * x0; // by hand
// #endregion
nb.code('transforms');
nb.values({
  'jvp(y, 0.8, 1).tangent': byJvp,
  'grad(y)(0.8)': byGrad,
  'closed form': closedForm,
  'largest difference': Math.max(
    Math.abs(byJvp - byGrad),
    Math.abs(byJvp - closedForm),
    Math.abs(byGrad - closedForm),
  ),
});

nb.say(`For a chain of scalar functions the two orders cost the same: three
  multiplications either way. The order starts to matter when the steps are
  matrices (many inputs, many outputs): multiplying inside-out or outside-in
  then does very different amounts of work. Notebooks 04 and 05 take that up.`);

nb.done();
