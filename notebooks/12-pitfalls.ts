/** @file Notebook 12: seven ways a derivative goes wrong, each run: what goes wrong, why, and what wengert does about it. */

import {
  abs,
  add,
  compile,
  div,
  eq,
  grad,
  gradcheck,
  gt,
  log,
  max,
  mul,
  type Num,
  reverseSweep,
  sin,
  sqrt,
  toNumber,
  trace,
} from '../src/index.ts';
import { grid, notebook } from './lib/notebook.ts';

const nb = notebook(import.meta.url, '12 · Pitfalls');

nb.section('1. = instead of += where a value is used twice');
nb.say(`f(x) = x·sin x reads x twice. The reverse sweep sends one contribution
  back to x̄ from each use; a sweep that overwrites keeps only the last.`);
// #region fanout
const sweep = reverseSweep(
  trace((x: Num) => mul(x, sin(x)), 1),
  [1],
);
const into = (sweep.contributions[0] ?? []).map((c) => c.amount);
// #endregion
nb.code('fanout');
nb.values({
  'contributions to x̄': into,
  'with += (wengert)': sweep.adjoints[0] as number,
  'with = (the last one)': into.at(-1) as number,
  'sin 1 + cos 1, by hand': Math.sin(1) + Math.cos(1),
});

nb.section('2. Branching with === or truthiness');
nb.say(`A traced x is an object: x === 0 is always false and if (x) always
  true, so the guard below never fires and grad goes through 0/0. eq compares
  the number; so does toNumber. Typing the parameter as Tracer makes x === 0
  a compile error.`);
// #region branch
const strict = (x: Num) => (x === 0 ? 1 : div(sin(x), x));
const withEq = (x: Num) => (eq(x, 0) ? 1 : div(sin(x), x));
const withToNumber = (x: Num) => (toNumber(x) === 0 ? 1 : div(sin(x), x));
// #endregion
nb.code('branch');
nb.values({
  'grad(strict)(0)': grad(strict)(0),
  'grad(withEq)(0)': grad(withEq)(0),
  'grad(withToNumber)(0)': grad(withToNumber)(0),
});

nb.section('3. Perturbation confusion');
nb.say(`d/dx [x · d/dy (x + y) at y = 1] at x = 1 is 1. Dual numbers with one
  shared ε, no tags, give 2: the inner derivative reads x's perturbation too.`);
// #region confusion
type U = number | { a: number; b: number }; // a + bε, one ε for everyone
const lift = (v: U) => (typeof v === 'number' ? { a: v, b: 0 } : v);
const uAdd = (v: U, w: U) => ({ a: lift(v).a + lift(w).a, b: lift(v).b + lift(w).b });
const uMul = (v: U, w: U) => ({
  a: lift(v).a * lift(w).a,
  b: lift(v).a * lift(w).b + lift(v).b * lift(w).a,
});
const D = (h: (v: U) => U) => (v: number) => lift(h({ a: v, b: 1 })).b;
const untagged = D((x) => uMul(x, D((y) => uAdd(x, y))(1)))(1);
const tagged = grad((x: Num) => mul(x, grad((y: Num) => add(x, y))(1)))(1);
// #endregion
nb.code('confusion');
nb.values({ 'untagged duals': untagged, 'wengert (tagged)': tagged });

nb.section('4. A compiled tape meets another branch');
nb.say(`compile records the branch taken at x0. At a point where f takes the
  other branch, wengert refuses the replay; a blind replay of the recording
  would differentiate x² there, where f is −3x.`);
// #region replay
const f = ([x]: Num[]) => (gt(x as Num, 0) ? mul(x as Num, x as Num) : mul(-3, x as Num)) as Num;
let refused = '';
try {
  compile(f, [1])([-5]);
} catch (e) {
  refused = String(e).split(', so')[0] as string;
}
// #endregion
nb.code('replay');
nb.show(refused);
nb.values({ 'grad(f)([-5])': grad(f)([-5]), 'x² differentiated at −5': 2 * -5 });

nb.section('5. Kinks and IEEE domains');
nb.say(`At a kink the rule picks a subgradient; at a domain edge IEEE gives ∞
  or NaN, and wengert shows it.`);
nb.values({
  'grad(abs)(0)': grad((x: Num) => abs(x))(0),
  'grad(max)([1, 1])': grad(([x, y]: Num[]) => max(x as Num, y as Num))([1, 1]),
  'grad(log)(0)': grad((x: Num) => log(x))(0),
  'grad(sqrt)(0)': grad((x: Num) => sqrt(x))(0),
  'grad(x / x)(0)': grad((x: Num) => div(x, x))(0),
});

nb.section('6. Plain JavaScript arithmetic');
let message = '';
try {
  grad((x: Num) => (x as unknown as number) * 2)(1);
} catch (e) {
  message = `${(e as Error).name}: ${(e as Error).message.split('; ')[0]}`;
}
nb.say(`x * 2 on a traced x would lose the derivative; wengert throws instead:`);
nb.show(message);

nb.section('7. Finite differences and cancellation');
nb.say(`A forward difference of sin at 1 first gets better as h shrinks, then
  worse, as f(x + h) − f(x) cancels to rounding. AD has no such step.`);
const forward = (h: number) => (Math.sin(1 + h) - Math.sin(1)) / h;
const central = (h: number) => (Math.sin(1 + h) - Math.sin(1 - h)) / (2 * h);
const error = (d: number) => Math.abs(d - Math.cos(1));
nb.table(
  grid(
    ['step h', 'forward difference error', 'central difference error'],
    [1e-2, 1e-5, 1e-8, 1e-11, 1e-14].map((h) => [h, error(forward(h)), error(central(h))]),
  ),
);
nb.values({
  'AD error': Math.abs(grad((x: Num) => sin(x))(1) - Math.cos(1)),
  'gradcheck, default step': String(gradcheck((x: Num) => sin(x), 1).ok),
  'gradcheck, eps 1e-14': String(gradcheck((x: Num) => sin(x), 1, { eps: 1e-14 }).ok),
});

nb.done();
