/** @file Chapter 12, the pitfalls of program logic: overwritten adjoints, branches on traced values, a replay that meets another branch, and plain JavaScript arithmetic. */

import {
  adjointSource,
  compile,
  div,
  eq,
  grad,
  gt,
  mul,
  type Num,
  reverseSweep,
  sin,
  toNumber,
  trace,
} from '../../../src/index.ts';
import { example } from '../examples.ts';
import { math, num, table, tex } from '../format.ts';
import type { Generator } from '../generate.ts';

// ── 1. = instead of += ────────────────────────────────────────────────────

/** f(x) = x·sin x uses x twice: as mul's left operand and as sin's operand. */
const twice = (x: Num) => mul(x, sin(x));
const x1 = 1;

/** The contributions entry w1 (the input x) received in the reverse sweep, in the order they arrived. */
function fanOut() {
  const list = trace(twice, x1);
  const sweep = reverseSweep(list, [1]);
  const into = sweep.contributions[0] ?? [];
  return { list, into, sum: sweep.adjoints[0] as number };
}

function fanOutTable(): string {
  const { list, into } = fanOut();
  return table(
    ['from', 'partial', 'adjoint of the entry', 'contribution to x̄'],
    into.map((c) => [
      `$w_{${c.from + 1}}$ = ${list.entries[c.from]?.op}`,
      math(tex(c.partial)),
      math(tex(c.adjoint)),
      math(tex(c.amount)),
    ]),
  );
}

function fanOutResults(): string {
  const { into, sum } = fanOut();
  const last = into.at(-1)?.amount ?? Number.NaN; // what `=` leaves: the last write wins
  const exact = Math.sin(x1) + x1 * Math.cos(x1);
  return table(
    ['sweep', 'x̄ at x = 1'],
    [
      ['`+=`, as wengert does', num(sum)],
      ['`=`, the last contribution only', num(last)],
      ['`grad(f)(1)`', num(grad(twice)(x1))],
      ['by hand, sin 1 + cos 1', num(exact)],
    ],
  );
}

// ── 2. Branching on a traced value ────────────────────────────────────────

function branches(): void {
  // #region branches
  const strict = (x: Num) => (x === 0 ? 1 : div(sin(x), x)); // a traced x is never === 0
  const withEq = (x: Num) => (eq(x, 0) ? 1 : div(sin(x), x)); // compares the number
  const withToNumber = (x: Num) => (toNumber(x) === 0 ? 1 : div(sin(x), x));
  grad((x: Num) => {
    console.log('inside grad: x === 0 is', x === 0, 'and Boolean(x) is', Boolean(x));
    return x;
  })(0);
  console.log('strict', grad(strict)(0), 'with eq', grad(withEq)(0));
  console.log('with toNumber', grad(withToNumber)(0));
  // #endregion
}

// ── 4. A compiled tape meets another branch ───────────────────────────────

/** The blind replay: the generated program with its guard lines removed. */
function blindReplay(f: (x: Num[]) => Num, at: number[]): (x: number[]) => { grad: number[] } {
  const source = adjointSource(f, at)
    .split('\n')
    .filter((line) => !line.includes('a branch flips'))
    .join('\n');
  return new Function(`return ${source}`)();
}

function replay(): void {
  // #region replay
  const f = ([x]: Num[]) => {
    const v = x as Num;
    return gt(v, 0) ? mul(v, v) : mul(-3, v);
  };
  const compiled = compile(f, [1]); // records v · v, and that gt(v, 0) was true
  try {
    compiled([-5]);
  } catch (e) {
    console.log('refused:', String(e).split(': ').at(-1)?.split(', so')[0]);
  }
  console.log('blind replay at -5:', blindReplay(f, [1])([-5]).grad);
  console.log('grad(f)([-5]):', grad(f)([-5]));
  // #endregion
}

// ── 6. Plain JavaScript arithmetic ────────────────────────────────────────

function arithmetic(): void {
  // #region arithmetic
  try {
    grad((x: Num) => (x as unknown as number) * 2)(1);
  } catch (e) {
    console.log(String(e).replaceAll('; ', ';\n  ')); // one clause a line
  }
  // #endregion
}

export const pitfalls: Record<string, Generator> = {
  'pitfall-fan-out-table': fanOutTable,
  'pitfall-fan-out-results': fanOutResults,
  'pitfall-branches': () => example(import.meta.url, 'branches', branches),
  'pitfall-replay': () => example(import.meta.url, 'replay', replay),
  'pitfall-arithmetic': () => example(import.meta.url, 'arithmetic', arithmetic),
};
