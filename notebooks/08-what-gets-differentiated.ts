/** @file Notebook 08: only the executed trace is differentiated: control flow, mutation as SSA, kinks and domains, and plain JS arithmetic refused. */

import {
  add,
  grad,
  jacfwd,
  log,
  mul,
  type Num,
  parse,
  primalTable,
  toNumber,
  trace,
  valueAndGrad,
} from '../src/index.ts';
import { fmt, grid, notebook } from './lib/notebook.ts';

const nb = notebook(import.meta.url, '08 · What gets differentiated');

nb.say(`Automatic differentiation does not differentiate your source code. It
  differentiates the one evaluation that actually ran: the Wengert list of
  this call, with these inputs. Everything in this notebook follows from that
  sentence.`);

nb.section('Control flow follows this run');
nb.say(`A branch is decided on a plain number (toNumber(x) is the value with
  every derivative stripped off, for decisions). Only the branch that ran is
  recorded, so the derivative is the derivative of that branch. Here p(x) is x²
  for x > 0 and −3x otherwise.`);
// #region branch
const p = (x: Num) => (toNumber(x) > 0 ? mul(x, x) : mul(-3, x));
// #endregion
nb.code('branch');
nb.say('The trace of p at x = 2:');
nb.table(primalTable(trace(p, 2)));
nb.say('The trace of p at x = −1, a different list:');
nb.table(primalTable(trace(p, -1)));
nb.values({
  'p′(2), the x² branch ran': grad(p)(2),
  'by hand, 2x at x = 2': 2 * 2,
  'p′(−1), the −3x branch ran': grad(p)(-1),
  'p′(0), the −3x branch ran': grad(p)(0),
});
nb.say(`At 0 the function has a corner: slope −3 on the left, 0 on the right.
  The toolkit reports −3 because the test x > 0 sent this run down the left
  branch. It never sees the other branch and cannot know there is a corner.`);

nb.section('Mutation becomes SSA');
nb.say(`A variable assigned twice in the source is three different values in
  the trace. x = x·x; x = x + 1 gives three entries, x₀, x₁, x₂ (the trace
  names them w1, w2, w3), each assigned once. A loop is unrolled the same way:
  one set of entries per iteration that ran: powerLoop multiplies four times,
  so its trace holds the input and four products.`);
// #region mutation
const update = (input: Num) => {
  let x = input;
  x = mul(x, x);
  x = add(x, 1);
  return x;
};
const powerLoop = (x: Num) => {
  let s: Num = 1;
  for (let k = 0; k < 4; k++) s = mul(s, x);
  return s;
};
// #endregion
nb.code('mutation');
nb.table(primalTable(trace(update, 3)));
nb.values({
  'update′(3)': grad(update)(3),
  'by hand, 2x at x = 3': 2 * 3,
  'entries in the trace of powerLoop(2)': trace(powerLoop, 2).entries.length,
  'powerLoop′(2)': grad(powerLoop)(2),
  'by hand, 4x³ at x = 2': 4 * 2 ** 3,
});

nb.section('Corners: one documented choice each');
nb.say(`abs, relu, max and min have points where no derivative exists. At
  each one the toolkit returns one documented value (docs/semantics.md), the
  same in both modes. The functions below are parsed from their text by the
  toolkit's own expression language, so the first column is exactly what ran;
  "forward" is the row of jacfwd, "reverse" the gradient from grad.`);
// #region edges
const edge = (source: string, at: number[], why: string) => {
  const f = parse(source);
  const { value, grad: reverse } = valueAndGrad(f)(at);
  return [source, fmt(at), value, fmt(jacfwd(f)(at)[0] ?? []), fmt(reverse), why];
};
// #endregion
nb.code('edges');
const header = ['f', 'at', 'value', 'forward', 'reverse', 'why'];
nb.table(
  grid(header, [
    edge('abs(x)', [0], 'sign(0) = 0, the smallest subgradient'),
    edge('relu(x)', [0], 'as JAX and PyTorch'),
    edge('max(x, y)', [1, 1], 'a tie: ½ to each input'),
    edge('max(x, x)', [1], 'so that max(x, x) = x keeps slope 1'),
    edge('min(x, y)', [2, 2], 'a tie: ½ to each input'),
  ]),
);

nb.section('Domains: IEEE 754, never an exception');
nb.say(`Outside a function's domain nothing throws inside your math. Values
  and derivatives follow IEEE double arithmetic, so a bad point shows up as
  NaN or ±Infinity in the result, where you can see it.`);
nb.table(
  grid(header, [
    edge('log(x)', [0], 'the limit from the right'),
    edge('log(x)', [-1], 'no value, but the rule 1/x is defined'),
    edge('sqrt(x)', [0], 'a vertical tangent'),
    edge('sqrt(x)', [-1], 'no value, no slope'),
    edge('x / y', [1, 0], '1/0 = ∞'),
    edge('x / y', [0, 0], '0/0 has no value'),
  ]),
);
nb.say(`One rule keeps these from spreading: an exact zero tangent or adjoint
  contributes nothing. A value that does not reach the output cannot poison the
  derivative with 0 · ∞, even when it is log(0):`);
// #region unused
const ignoresLog = (x: Num) => {
  log(x); // computed, recorded, but not used by the output
  return x;
};
// #endregion
nb.code('unused');
nb.values({ 'ignoresLog′(0)': grad(ignoresLog)(0) });

nb.section('Plain JavaScript arithmetic is refused');
nb.say(`x * 2 or Math.sin(x) on a traced value would turn it into a plain
  number and silently drop the derivative. TypeScript already rejects them on a
  Num; a cast gets past the compiler, as plain JavaScript would, and then the
  toolkit throws a TypeError that says what to use instead:`);
// #region refused
const refusal = (f: (x: Num) => Num) => {
  try {
    grad(f)(1);
    return 'no error';
  } catch (error) {
    return `${(error as Error).name}: ${(error as Error).message}`;
  }
};
const times2 = refusal((x) => (x as unknown as number) * 2);
const sine = refusal((x) => Math.sin(x as unknown as number));
// #endregion
nb.code('refused');
nb.show(`x * 2:\n${times2}\n\nMath.sin(x):\n${sine}`);
nb.say(`Printing is allowed (String(x) and template strings give the value and
  its trace), and decisions go through toNumber, as in the branch above.`);

nb.done();
