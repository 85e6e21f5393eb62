/**
 * @file Property tests: random SSA programs over every registry primitive, differentiated
 * in forward and in reverse mode, must give the same derivatives.
 */

import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import {
  add,
  grad,
  type Interval,
  jacfwd,
  jacrev,
  jvp,
  mul,
  type Num,
  PRIMITIVE_NAMES,
  type Rule,
  rules,
  sigmoid,
  toNumber,
  valueAndGrad,
  vjp,
} from '../src/index.ts';
import { expectClose, ops, TOL } from './support.ts';

/** Fixed seeds, so that a failure is reproducible. */
const SEED = 20240611;
const RUNS = 300;

/**
 * One SSA instruction w_k = rule(a, b). Each operand refers to an earlier value
 * (an input or an earlier instruction), taken modulo how many exist when the
 * instruction runs, so values are reused and fan out. One operand of a binary
 * rule may instead be a constant.
 */
interface Instruction {
  readonly rule: Rule;
  readonly refs: readonly [number, number];
  /** Operand `at` is the constant lo + fraction · (hi − lo) of that operand's domain. */
  readonly constant: { readonly at: 0 | 1; readonly fraction: number } | null;
}

interface Program {
  readonly inputs: number;
  readonly body: readonly Instruction[];
  /** Outputs besides the last instruction, as references like operands. */
  readonly extraOutputs: readonly number[];
}

type Op = (...operands: Num[]) => Num;

/** The op for a rule: its export under the rule's name (see `ops` in support.ts). */
function opOf(rule: Rule): Op {
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
function run(p: Program, x: readonly Num[], inDomain: boolean): Num[] {
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

const instruction: fc.Arbitrary<Instruction> = fc.record({
  rule: fc.constantFrom(...rules),
  refs: fc.tuple(fc.nat(), fc.nat()),
  constant: fc.option(
    fc.record({
      at: fc.constantFrom(0 as const, 1 as const),
      fraction: fc.double({ min: 0, max: 1, noNaN: true }),
    }),
    { freq: 3 },
  ),
});

const program: fc.Arbitrary<Program> = fc.record({
  inputs: fc.integer({ min: 2, max: 4 }),
  body: fc.array(instruction, { minLength: 1, maxLength: 14 }),
  extraOutputs: fc.array(fc.nat(), { maxLength: 2 }),
});

const vector = (n: number, [lo, hi]: Interval) =>
  fc.array(fc.double({ min: lo, max: hi, noNaN: true }), { minLength: n, maxLength: n });

/** A program, a point, a tangent direction v and an output cotangent u. */
const sample = program.chain((p) =>
  fc.record({
    p: fc.constant(p),
    x: vector(p.inputs, [-4, 4]),
    v: vector(p.inputs, [-1, 1]),
    u: vector(1 + p.extraOutputs.length, [-1, 1]),
  }),
);

/** The program as a vector function and as a scalar one (its last instruction), in its domains. */
const vectorFn = (p: Program) => (x: Num[]) => run(p, x, true);
const scalarFn = (p: Program) => (x: Num[]) => run(p, x, true)[0] as Num;

const dot = (a: readonly number[], b: readonly number[]): number =>
  a.reduce((s, ai, i) => s + ai * (b[i] as number), 0);

describe('random programs over every primitive, forward vs reverse', () => {
  test.prop([sample], { seed: SEED, numRuns: RUNS })('jacfwd equals jacrev', ({ p, x }) => {
    const f = vectorFn(p);
    expectClose(jacfwd(f)(x), jacrev(f)(x), TOL.programs);
  });

  test.prop([sample], { seed: SEED + 1, numRuns: RUNS })(
    'grad equals the jvps along e_1 … e_n, and valueAndGrad the jvp primal',
    ({ p, x }) => {
      const f = scalarFn(p);
      const g = grad(f)(x);
      const both = valueAndGrad(f)(x);
      x.forEach((_, j) => {
        const e = x.map((_, i) => +(i === j));
        const { primal, tangent } = jvp(f, x, e);
        expectClose(g[j], tangent, TOL.programs, `∂f/∂x_${j}`);
        expectClose(both.value, primal, TOL.programs, 'value');
        expectClose(both.grad[j], tangent, TOL.programs, `valueAndGrad ∂f/∂x_${j}`);
      });
    },
  );

  test.prop([sample], { seed: SEED + 2, numRuns: RUNS })(
    '⟨u, J v⟩ from one jvp equals ⟨Jᵀ u, v⟩ from one vjp pullback',
    ({ p, x, v, u }) => {
      const f = vectorFn(p);
      const Jv = jvp(f, x, v).tangent as number[];
      const JTu = vjp(f, x).pullback(u) as number[];
      expectClose(dot(u, Jv), dot(JTu, v), TOL.programs);
    },
  );

  test.prop([sample], { seed: SEED + 3, numRuns: RUNS })(
    'the jvp tangent of a scalar program equals ⟨grad f, v⟩',
    ({ p, x, v }) => {
      const f = scalarFn(p);
      expectClose(jvp(f, x, v).tangent, dot(grad(f)(x), v), TOL.programs);
    },
  );
});

describe('random programs outside the domains (NaN and ±Infinity allowed)', () => {
  test.prop([sample], { seed: SEED + 4, numRuns: RUNS })(
    'tracing never changes a value: plain, forward and reverse evaluation agree exactly',
    ({ p, x, v }) => {
      const f = (z: Num[]) => run(p, z, false);
      const wide = x.map((xi) => xi * 3);
      const plain = f(wide).map(toNumber);
      // toEqual treats NaN as equal to NaN and ±Infinity as equal to itself
      expect(jvp(f, wide, v).primal).toEqual(plain);
      expect(vjp(f, wide).primal).toEqual(plain);
      expect(valueAndGrad((z: Num[]) => f(z)[0] as Num)(wide).value).toEqual(plain[0]);
    },
  );
});

describe('the program generator', () => {
  const programs = fc.sample(program, { seed: SEED, numRuns: 500 });

  it('uses every primitive in the registry', () => {
    const used = new Set(programs.flatMap((p) => p.body.map((i) => i.rule.name)));
    expect([...used].sort()).toEqual([...PRIMITIVE_NAMES].sort());
  });

  it('finds an exported op of the right arity for every rule', () => {
    for (const rule of rules) expect(opOf(rule), rule.name).toHaveLength(rule.arity);
  });

  it('reuses intermediate values, so that fan-out happens', () => {
    const withFanOut = programs.filter((p) => {
      const uses = new Map<number, number>();
      p.body.forEach(({ rule, refs, constant }, k) => {
        for (let a = 0; a < rule.arity; a++) {
          if (rule.arity === 2 && constant?.at === a) continue;
          const r = (refs[a] as number) % (p.inputs + k);
          uses.set(r, (uses.get(r) ?? 0) + 1);
        }
      });
      return [...uses.values()].some((c) => c > 1);
    });
    expect(withFanOut.length).toBeGreaterThan(programs.length / 2);
  });
});
