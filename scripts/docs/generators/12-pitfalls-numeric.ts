/** @file Chapter 12, the pitfalls of numbers: kinks and IEEE domains, and finite differences against AD. */

import {
  abs,
  div,
  grad,
  gradcheck,
  log,
  max,
  type Num,
  relu,
  sin,
  sqrt,
} from '../../../src/index.ts';
import { math, num, table, tex } from '../format.ts';
import type { Generator } from '../generate.ts';

// ── 5. Kinks and IEEE domains ─────────────────────────────────────────────

/** Each case: how it is written, the point, f there and what grad returns, all computed now. */
const kinks: readonly [string, string, () => number, () => readonly number[] | number][] = [
  ['`abs(x)`', 'x = 0', () => Math.abs(0), () => grad((x: Num) => abs(x))(0)],
  ['`relu(x)`', 'x = 0', () => Math.max(0, 0), () => grad((x: Num) => relu(x))(0)],
  [
    '`max(x, y)`',
    'x = y = 1',
    () => 1,
    () => grad(([x, y]: Num[]) => max(x as Num, y as Num))([1, 1]),
  ],
  ['`log(x)`', 'x = 0', () => Math.log(0), () => grad((x: Num) => log(x))(0)],
  ['`sqrt(x)`', 'x = 0', () => Math.sqrt(0), () => grad((x: Num) => sqrt(x))(0)],
  ['`div(x, x)`', 'x = 0', () => 0 / 0, () => grad((x: Num) => div(x, x))(0)],
  ['`div(sin(x), x)`', 'x = 0', () => Math.sin(0) / 0, () => grad((x: Num) => div(sin(x), x))(0)],
];

function kinkTable(): string {
  const cell = (v: readonly number[] | number) =>
    typeof v === 'number' ? num(v) : `(${v.map((u) => num(u)).join(', ')})`;
  return table(
    ['f', 'at', 'f there', 'grad there'],
    kinks.map(([f, at, value, g]) => [f, at, num(value()), cell(g())]),
  );
}

// ── 7. Finite differences and cancellation ────────────────────────────────

const x7 = 1;
const exact = Math.cos(x7); // d sin / dx, in plain JavaScript
const steps = [1e-1, 1e-3, 1e-5, 1e-8, 1e-11, 1e-14];

function differenceTable(): string {
  const forward = (h: number) => (Math.sin(x7 + h) - Math.sin(x7)) / h;
  const central = (h: number) => (Math.sin(x7 + h) - Math.sin(x7 - h)) / (2 * h);
  const ad = grad((x: Num) => sin(x))(x7);
  const err = (v: number) => math(tex(Math.abs(v - exact), 2));
  return table(
    ['step h', 'forward difference error', 'central difference error', 'AD error'],
    steps.map((h) => [math(tex(h)), err(forward(h)), err(central(h)), err(ad)]),
  );
}

/** gradcheck on sin at 1 with its defaults, and with a step so small that cancellation wins. */
function gradcheckRuns(): string {
  const f = (x: Num) => sin(x);
  const defaults = gradcheck(f, x7);
  const tiny = gradcheck(f, x7, { eps: 1e-14 });
  const worst = (r: typeof defaults) => math(tex(r.worst?.error ?? Number.NaN, 2));
  return table(
    ['gradcheck', 'passes', 'worst |got − expected|'],
    [
      ['defaults (eps 1e-5, rtol 1e-5, atol 1e-6)', String(defaults.ok), worst(defaults)],
      ['eps 1e-14', String(tiny.ok), worst(tiny)],
    ],
  );
}

export const pitfallsNumeric: Record<string, Generator> = {
  'pitfall-kinks': kinkTable,
  'pitfall-differences': differenceTable,
  'pitfall-gradcheck': gradcheckRuns,
};
