/**
 * @file The fast paths of recording (reverse/record.ts), of dual numbers
 * (forward/dual.ts) and of chunk duals (forward/chunk-dual.ts) for add, sub and mul give exactly what the general path
 * gives, and what the rules say by hand: ∂(x+y) = (1, 1), ∂(x−y) = (1, −1),
 * ∂(xy) = (y, x).
 */

import { describe, expect, it } from 'vitest';
import type { BinaryPrimitive } from '../src/core/rule.ts';
import type { Num } from '../src/core/value.ts';
import { ChunkDual, pushChunkBinary } from '../src/forward/chunk-dual.ts';
import { ChunkTrace } from '../src/forward/chunk-trace.ts';
import { Dual, pushBinary } from '../src/forward/dual.ts';
import { ForwardTrace } from '../src/forward/forward-trace.ts';
import { addRule, mulRule, subRule } from '../src/primitives/arithmetic.ts';
import { readEntry } from '../src/reverse/entries.ts';
import { recordBinary } from '../src/reverse/record.ts';
import { Tape } from '../src/reverse/tape.ts';
import type { TapeVar } from '../src/reverse/tape-var.ts';
import { rng, uniform } from './support.ts';

/** Each fast rule with its value and partials written by hand. */
type ByHand = (x: number, y: number) => [z: number, dx: number, dy: number];
const byHand: readonly (readonly [BinaryPrimitive, ByHand])[] = [
  [addRule, (x, y) => [x + y, 1, 1]],
  [subRule, (x, y) => [x - y, 1, -1]],
  [mulRule, (x, y) => [x * y, y, x]],
];

/** The same rule under an op code no fast path knows, so it takes the general path. */
const general = (rule: BinaryPrimitive): BinaryPrimitive => ({ ...rule, id: 200 });

/** Random points, with the special values a fast path could get wrong. */
function points(seed: number): [number, number][] {
  const random = rng(seed);
  const specials: [number, number][] = [
    [0, 0],
    [-0, 3],
    [2, -0],
    [Number.POSITIVE_INFINITY, 0],
    [Number.NaN, 1],
    [1e308, 1e308],
  ];
  const draws = Array.from(
    { length: 40 },
    () => [uniform(random, [-5, 5]), uniform(random, [-5, 5])] as [number, number],
  );
  return [...specials, ...draws];
}

describe.each(byHand)('the recording fast path, %s', (rule, hand) => {
  it('records the entries the general path records, and the rule by hand', () => {
    for (const [x, y] of points(11 + rule.id)) {
      const tape = new Tape();
      tape.display = { values: [], constants: new Map() };
      const a = tape.input(x) as TapeVar;
      const b = tape.input(y) as TapeVar;
      for (const [p, q] of [
        [a, b],
        [a, y],
        [x, b],
      ] as [Num, Num][]) {
        const fast = recordBinary(tape, rule, p, q);
        const slow = recordBinary(tape, general(rule), p, q);
        expect(fast.value).toBe(slow.value);
        const [f, s] = [readEntry(tape, fast.index), readEntry(tape, slow.index)];
        expect([f.op, f.in0, f.in1, f.d0, f.d1]).toEqual([rule.id, s.in0, s.in1, s.d0, s.d1]);
        expect(tape.display.constants.get(fast.index)).toEqual(
          tape.display.constants.get(slow.index),
        );
        const [z, dx, dy] = hand(x, y);
        expect(fast.value).toBe(z);
        // a constant operand gets no index and no partial
        expect([f.in0, f.d0]).toEqual(p === a ? [a.index, dx] : [-1, 0]);
        expect([f.in1, f.d1]).toEqual(q === b ? [b.index, dy] : [-1, 0]);
      }
      tape.end();
    }
  });
});

describe.each(byHand)('the dual-number fast path, %s', (rule, hand) => {
  it('gives the value and tangent of the general path, and of the rule by hand', () => {
    const random = rng(23 + rule.id);
    for (const [x, y] of points(17 + rule.id)) {
      // tangents: random, exactly zero (the term is left out), and constants
      for (const [s, t] of [
        [uniform(random, [-2, 2]), uniform(random, [-2, 2])],
        [0, uniform(random, [-2, 2])],
        [uniform(random, [-2, 2]), 0],
      ]) {
        const trace = new ForwardTrace();
        const a = new Dual(trace, x, s as number);
        const b = new Dual(trace, y, t as number);
        for (const [p, q] of [
          [a, b],
          [a, y],
          [x, b],
        ] as [Num, Num][]) {
          const fast = pushBinary(trace, rule, p, q);
          const slow = pushBinary(trace, general(rule), p, q);
          expect([fast.value, fast.tangent]).toEqual([slow.value, slow.tangent]);
          const [z, dx, dy] = hand(x, y);
          const [ds, dt] = [p === a ? (s as number) : 0, q === b ? (t as number) : 0];
          const terms = [ds === 0 ? 0 : dx * ds, dt === 0 ? 0 : dy * dt];
          const tangent = dt === 0 ? terms[0] : ds === 0 ? terms[1] : dx * ds + dy * dt;
          expect([fast.value, fast.tangent]).toEqual([z, tangent]);
        }
        trace.end();
      }
    }
  });
});

describe.each(byHand)('the chunked fast path, %s', (rule, hand) => {
  it('gives the value and lanes of the general path, and of the rule by hand', () => {
    const random = rng(31 + rule.id);
    const lanes = () => [0, uniform(random, [-2, 2]), uniform(random, [-2, 2])];
    for (const [x, y] of points(19 + rule.id)) {
      const trace = new ChunkTrace(3);
      const [s, t] = [lanes(), lanes()];
      const a = new ChunkDual(trace, x, s);
      const b = new ChunkDual(trace, y, t);
      const none = new ChunkDual(trace, y, null); // a value with no tangent at all
      for (const [p, q] of [
        [a, b],
        [a, y],
        [x, b],
        [a, none],
      ] as [Num, Num][]) {
        const fast = pushChunkBinary(trace, rule, p, q);
        const slow = pushChunkBinary(trace, general(rule), p, q);
        expect([fast.value, fast.lanes]).toEqual([slow.value, slow.lanes]);
        const [z, dx, dy] = hand(x, y);
        const [ls, lt] = [p === a ? s : [0, 0, 0], q === b ? t : [0, 0, 0]];
        const expected = ls.map((sl, l) => {
          const tl = lt[l] as number;
          return tl === 0 ? (sl === 0 ? 0 : dx * sl) : sl === 0 ? dy * tl : dx * sl + dy * tl;
        });
        expect(fast.value).toBe(z);
        expect(fast.lanes).toEqual(p === a || q === b ? expected : null);
      }
      trace.end();
    }
  });
});
