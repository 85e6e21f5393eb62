/**
 * @file Property tests: random SSA programs over every registry primitive, differentiated
 * in forward and in reverse mode, must give the same derivatives.
 */

import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import {
  grad,
  jacfwd,
  jacrev,
  jvp,
  type Num,
  SCALAR_PRIMITIVE_NAMES,
  scalarRules,
  toNumber,
  valueAndGrad,
  vjp,
} from '../src/index.ts';
import { opOf, type Program, program, run, sample } from './programs.ts';
import { expectClose, TOL } from './support.ts';

/** Fixed seeds, so that a failure is reproducible. */
const SEED = 20240611;
const RUNS = 300;

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
    expect([...used].sort()).toEqual([...SCALAR_PRIMITIVE_NAMES].sort());
  });

  it('finds an exported op of the right arity for every rule', () => {
    for (const rule of scalarRules) expect(opOf(rule), rule.name).toHaveLength(rule.arity);
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
