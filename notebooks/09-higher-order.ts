/** @file Notebook 09: Hessians by forward-over-reverse, checked by hand, and perturbation confusion: the wrong answer untagged duals give, and why tags prevent it. */

import {
  add,
  exp,
  grad,
  hessian,
  jacfwd,
  jacrev,
  jvp,
  mul,
  type Num,
  withCost,
} from '../src/index.ts';
import { grid, notebook } from './lib/notebook.ts';

const nb = notebook(import.meta.url, '09 · Higher order, and perturbation confusion');

nb.say(`Every primitive of the toolkit writes its local derivative with the
  toolkit's own operations (the derivative of sin is cos, applied as the cos
  primitive). So a derivative is itself a computation the toolkit can
  differentiate, and second derivatives come from nesting the transforms.`);

nb.section('A Hessian by forward-over-reverse');
nb.say(`The Hessian of a scalar f is the Jacobian of its gradient. hessian(f)
  computes the gradient by reverse mode (one sweep gives all n partials) and
  differentiates that by forward mode, one pass per column: n passes, each
  recording a tape whose values are dual numbers. Take f(x, y) = x³y + 2xy²
  at (1, 2). By hand its Hessian is [[6xy, 3x² + 4y], [3x² + 4y, 4x]].`);
// #region hessian
const f = ([x, y]: [Num, Num]) => add(mul(mul(mul(x, x), x), y), mul(2, mul(x, mul(y, y))));
const at: [number, number] = [1, 2];
const { result: H, cost } = withCost(() => hessian(f)(at));
const [x0, y0] = at;
const byHand = [
  [6 * x0 * y0, 3 * x0 ** 2 + 4 * y0],
  [3 * x0 ** 2 + 4 * y0, 4 * x0],
];
// #endregion
nb.code('hessian');
nb.values({
  'hessian(f)(1, 2)': H,
  'by hand': byHand,
  'forward passes': cost.forwardPasses,
  'reverse sweeps': cost.reverseSweeps,
});

nb.say(`One column is one JVP of the gradient. Watching the values inside f
  during that pass shows the nesting: a tape variable (reverse mode, for the
  gradient) whose value is a dual number (forward mode, for the column).`);
// #region column
const inside: string[] = [];
const watched = ([x, y]: [Num, Num]) => {
  inside.push(`x inside f: ${x}`);
  return f([x, y]);
};
const column = jvp((p: [Num, Num]) => grad(watched)(p), at, [1, 0]);
// #endregion
nb.code('column');
nb.show(inside.join('\n'));
nb.values({ 'first column, jvp of grad': column.tangent });

nb.section('Any order of nesting');
nb.say(`The modes nest in any order. On g(x, y) = e^(xy) at (0.5, −1), whose
  Hessian by hand is e^(xy)·[[y², 1 + xy], [1 + xy, x²]], three nestings are
  compared with the hand formula:`);
// #region orders
const g = ([x, y]: [Num, Num]) => exp(mul(x, y));
const p: [number, number] = [0.5, -1];
const e = Math.exp(p[0] * p[1]);
const gHand = [
  [p[1] ** 2 * e, (1 + p[0] * p[1]) * e],
  [(1 + p[0] * p[1]) * e, p[0] ** 2 * e],
];
const orders = {
  'forward over reverse, hessian(g)': hessian(g)(p),
  'reverse over reverse, jacrev(grad(g))': jacrev((q: [Num, Num]) => grad(g)(q))(p),
  'forward over forward, jacfwd(jacfwd(g))': jacfwd((q: [Num, Num]) => jacfwd(g)(q)[0] ?? [])(p),
};
// #endregion
nb.code('orders');
const gap = (M: number[][]) =>
  Math.max(...M.flatMap((row, i) => row.map((v, j) => Math.abs(v - (gHand[i]?.[j] ?? 0)))));
nb.table(
  grid(
    ['nesting', 'H₁₁', 'H₁₂', 'H₂₂', 'largest difference'],
    [
      ['by hand', gHand[0]?.[0] ?? 0, gHand[0]?.[1] ?? 0, gHand[1]?.[1] ?? 0, 0],
      ...Object.entries(orders).map(([name, M]) => [
        name,
        M[0]?.[0] ?? 0,
        M[0]?.[1] ?? 0,
        M[1]?.[1] ?? 0,
        gap(M),
      ]),
    ],
  ),
);

nb.section('Perturbation confusion');
nb.say(`Nesting has one trap. Consider d/dx [ x · d/dy (x + y) ] at x = 1, y = 1.
  The inner derivative d/dy (x + y) is 1 whatever x is, so the whole thing is
  d/dx [x] = 1. Now imagine dual numbers without tags: one ε for everyone.
  The outer derivative sets x = 1 + ε. The inner derivative sets y = 1 + ε,
  with the same ε, and computes x + y = 2 + 2ε. It reads the ε part, 2, and
  returns it: it has mistaken x's perturbation for y's. The outer derivative
  then differentiates x · 2 and gets 2. Here are such untagged duals, a dozen
  lines, doing exactly that:`);
// #region untagged
class Untagged {
  constructor(
    readonly a: number,
    readonly b: number, // the coefficient of the one shared ε
  ) {}
}
type U = number | Untagged;
const lift = (v: U) => (typeof v === 'number' ? new Untagged(v, 0) : v);
const uAdd = (v: U, w: U) => new Untagged(lift(v).a + lift(w).a, lift(v).b + lift(w).b);
const uMul = (v: U, w: U) =>
  new Untagged(lift(v).a * lift(w).a, lift(v).a * lift(w).b + lift(v).b * lift(w).a);
const derivative = (h: (v: U) => U) => (v: number) => lift(h(new Untagged(v, 1))).b;
const confused = derivative((x) => uMul(x, derivative((y) => uAdd(x, y))(1)))(1);
// #endregion
nb.code('untagged');
nb.values({ 'untagged duals give': confused });

nb.say(`The toolkit gives every differentiation a fresh tag. A value of another
  differentiation is a constant to this one, so inside the inner derivative
  x is a constant and d/dy (x + y) is 1. The values inside carry their tags:`);
// #region tagged
const tags: string[] = [];
const inner = (x: Num) => (y: Num) => {
  tags.push(`x = ${x}, y = ${y}`); // two different tags
  return add(x, y);
};
const tagged = jvp((x: Num) => mul(x, jvp(inner(x), 1, 1).tangent), 1, 1).tangent;
// #endregion
nb.code('tagged');
nb.show(tags.join('\n'));
const D = (mode: 'forward' | 'reverse') => (h: (v: Num) => Num) => (v: Num) =>
  mode === 'forward' ? jvp(h, v, 1).tangent : grad(h)(v);
const table = (['forward', 'reverse'] as const).flatMap((o) =>
  (['forward', 'reverse'] as const).map((i) => [
    `outer ${o}, inner ${i}`,
    D(o)((x) => mul(x, D(i)((y) => add(x, y))(1)))(1) as number,
  ]),
);
nb.values({ 'the code above': tagged, ...Object.fromEntries(table) });
nb.say(`All four combinations of forward and reverse mode give 1. The untagged
  version is not wrong in its arithmetic; it is wrong about whose perturbation
  it is looking at. That is the whole job of the tag.`);

nb.done();
