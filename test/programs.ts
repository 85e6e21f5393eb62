/**
 * @file Random SSA programs over every registry primitive, for property tests:
 * the generator, and a runner that evaluates one on any kind of value.
 */

import { fc } from '@fast-check/vitest';
import {
  add,
  type Interval,
  mul,
  type Num,
  type ScalarRule,
  scalarRules,
  sigmoid,
} from '../src/index.ts';
import { ops } from './support.ts';

/**
 * One SSA instruction w_k = rule(a, b). Each operand refers to an earlier value
 * (an input or an earlier instruction), taken modulo how many exist when the
 * instruction runs, so values are reused and fan out. One operand of a binary
 * rule may instead be a constant.
 */
export interface Instruction {
  readonly rule: ScalarRule;
  readonly refs: readonly [number, number];
  /** Operand `at` is the constant lo + fraction · (hi − lo) of that operand's domain. */
  readonly constant: { readonly at: 0 | 1; readonly fraction: number } | null;
}

export interface Program {
  readonly inputs: number;
  readonly body: readonly Instruction[];
  /** Outputs besides the last instruction, as references like operands. */
  readonly extraOutputs: readonly number[];
}

export type Op = (...operands: Num[]) => Num;

/** The op for a rule: its export under the rule's name (see `ops` in support.ts). */
export function opOf(rule: ScalarRule): Op {
  return ops[rule.name] as Op;
}

/** Maps any real v into [lo, hi] smoothly (lo + (hi − lo) σ(v)), with toolkit ops. */
function into(v: Num, [lo, hi]: Interval): Num {
  return add(lo, mul(hi - lo, sigmoid(v)));
}

/**
 * Runs a program on inputs x. With `inDomain`, every operand is first mapped into
 * the domain its primitive declares, so every value and partial is finite and
 * both modes have the same derivatives to agree on. Without it, operands are
 * used as they are and may be NaN or infinite.
 */
export function run(p: Program, x: readonly Num[], inDomain: boolean): Num[] {
  const w: Num[] = [...x];
  const ref = (r: number): Num => w[r % w.length] as Num;
  for (const { rule, refs, constant } of p.body) {
    const operands = rule.domain.map((interval: Interval, k) => {
      if (rule.arity === 2 && constant?.at === k) {
        const [lo, hi] = interval;
        return lo + constant.fraction * (hi - lo);
      }
      const v = ref(refs[k] as number);
      return inDomain ? into(v, interval) : v;
    });
    w.push(opOf(rule)(...operands));
  }
  return [w[w.length - 1] as Num, ...p.extraOutputs.map(ref)];
}

export const instruction: fc.Arbitrary<Instruction> = fc.record({
  rule: fc.constantFrom(...scalarRules),
  refs: fc.tuple(fc.nat(), fc.nat()),
  constant: fc.option(
    fc.record({
      at: fc.constantFrom(0 as const, 1 as const),
      fraction: fc.double({ min: 0, max: 1, noNaN: true }),
    }),
    { freq: 3 },
  ),
});

export const program: fc.Arbitrary<Program> = fc.record({
  inputs: fc.integer({ min: 1, max: 4 }),
  body: fc.array(instruction, { minLength: 1, maxLength: 14 }),
  extraOutputs: fc.array(fc.nat(), { maxLength: 2 }),
});

export const vector = (n: number, [lo, hi]: Interval) =>
  fc.array(fc.double({ min: lo, max: hi, noNaN: true }), { minLength: n, maxLength: n });

/** A program, a point, a tangent direction v and an output cotangent u. */
export const sample = program.chain((p) =>
  fc.record({
    p: fc.constant(p),
    x: vector(p.inputs, [-4, 4]),
    v: vector(p.inputs, [-1, 1]),
    u: vector(1 + p.extraOutputs.length, [-1, 1]),
  }),
);
