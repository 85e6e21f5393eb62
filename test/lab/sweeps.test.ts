/** @file The lab's stepping logic without a browser: positions, running sums, the `=` bug, each step's formulas and words, on every case the explain tests use. */

import { describe, expect, it } from 'vitest';
import { formulas } from '../../lab/formulas.ts';
import { frame, resultText } from '../../lab/frame.ts';
import type { Sweeps } from '../../lab/program.ts';
import { reached } from '../../lab/so-far.ts';
import { moves, position, sweepOrder } from '../../lab/stepper.ts';
import {
  add,
  forwardSweep,
  jvp,
  mul,
  type Num,
  parse,
  reverseSweep,
  trace,
  vjp,
} from '../../src/index.ts';
import { CASES, type Case } from '../explain-catalog.ts';

/** A case traced and swept both ways, with a direction and a seed that are not unit vectors. */
function sweeps(c: Case): Sweeps {
  const list = trace(c.f as (x: Num[]) => Num | Num[], c.at);
  const direction = c.at.map((_, i) => 1 - 0.5 * i);
  const seed = list.outputs.map((_, i) => (i % 2 === 0 ? 1 : -2));
  return {
    list,
    seed,
    forward: forwardSweep(list, direction),
    reverse: reverseSweep(list, seed),
  };
}

describe('positions', () => {
  const list = trace(parse('5*x^2 - x*y'), [2, 3]);
  it('visit the operations first to last forward, last to first backward', () => {
    expect(sweepOrder(list, 'forward')).toEqual([2, 3, 4, 5]);
    expect(sweepOrder(list, 'reverse')).toEqual([5, 4, 3, 2]);
  });
  it('start with nothing visited, clamp out-of-range steps, and read end', () => {
    expect(position(list, 'reverse', 0)).toMatchObject({ step: 0, total: 4, current: undefined });
    expect(position(list, 'reverse', 1).current).toBe(5);
    expect(position(list, 'forward', 99).step).toBe(4);
    expect(position(list, 'forward', -3).step).toBe(0);
    expect([...position(list, 'reverse', 'end').visited]).toEqual([5, 4, 3, 2]);
  });
  it('move by one, to the start and to the end, never past either', () => {
    const mid = position(list, 'forward', 2);
    expect([moves.next(mid), moves.back(mid), moves.start(), moves.end(mid)]).toEqual([3, 1, 0, 4]);
    expect(moves.next(position(list, 'forward', 'end'))).toBe(4);
    expect(moves.back(position(list, 'forward', 0))).toBe(0);
  });
});

describe('the reverse sweep part-way', () => {
  it('keeps both uses of x in x·x with +=, and only the last to arrive with =', () => {
    const list = trace(parse('x*x'), [3]);
    const all = new Set([1]);
    expect(reverseSweep(reached(list, all, false), [1]).adjoints[0]).toBe(6);
    expect(reverseSweep(reached(list, all, true), [1]).adjoints[0]).toBe(3);
  });

  it('with =, loses the earlier contribution of a value used twice (sin x + exp x)', () => {
    // w1 = x, w2 = sin w1, w3 = exp w1, w4 = w2 + w3: w̄1 receives cos x (from w2) after e^x (from w3).
    const list = trace(parse('sin(x) + exp(x)'), [0.5]);
    const end = position(list, 'reverse', 'end').visited;
    expect(reverseSweep(reached(list, end, true), [1]).adjoints[0]).toBe(Math.cos(0.5));
    expect(reverseSweep(reached(list, end, false), [1]).adjoints[0]).toBe(
      Math.exp(0.5) + Math.cos(0.5),
    );
  });

  it('overwrites an output seed with =, once a later use sends its adjoint', () => {
    // f = [w2, w3] with w2 = x·x and w3 = w2 + 1, seeded (5, 1): with =, w̄2 = 1·w̄3 replaces the 5.
    const list = trace(
      ([x]: Num[]) => {
        const p = mul(x as Num, x as Num);
        return [p, add(p, 1)];
      },
      [2],
    );
    const end = position(list, 'reverse', 'end').visited;
    expect(reverseSweep(reached(list, end, false), [5, 1]).adjoints[1]).toBe(6);
    expect(reverseSweep(reached(list, end, true), [5, 1]).adjoints[1]).toBe(1);
  });

  for (const c of CASES) {
    it(`holds, at every step, the contributions that have arrived: ${c.name}`, () => {
      const s = sweeps(c);
      const order = sweepOrder(s.list, 'reverse');
      for (let step = 0; step <= order.length; step++) {
        const visited = new Set(order.slice(0, step));
        // The oracle: the seeds, then every contribution from a visited entry, in arrival order.
        const expected = [...s.reverse.seeds];
        s.reverse.contributions.forEach((received, i) => {
          for (const c of received)
            if (visited.has(c.from)) expected[i] = (expected[i] ?? 0) + c.amount;
        });
        expect(frame(s, 'reverse', step, false).values).toEqual(expected);
      }
    });
  }
});

describe('frames', () => {
  for (const c of CASES) {
    it(`end with the transforms' results, forward and reverse: ${c.name}`, () => {
      const s = sweeps(c);
      const f = c.f as (x: Num[]) => Num | Num[];
      const tangent = jvp(f, [...c.at], s.forward.direction as number[]).tangent;
      expect(frame(s, 'forward', 'end', false).result).toEqual(tangent);
      const { pullback } = vjp(f, [...c.at]);
      const cotangent = s.list.isArray ? s.seed : (s.seed[0] as number);
      expect(frame(s, 'reverse', 'end', true).result).toEqual(pullback(cotangent as never));
    });

    it(`show each step's rule with names and numbers: ${c.name}`, () => {
      const s = sweeps(c);
      const math = formulas(s);
      for (const k of sweepOrder(s.list, 'reverse')) {
        const entry = s.list.entries[k];
        const expected = (entry?.operands ?? []).filter(
          (o) => o.kind === 'entry' && s.reverse.adjoints[k] !== 0,
        ).length;
        const sends = math.sends(k);
        expect(sends).toHaveLength(expected);
        for (const send of sends) {
          expect(send.latex).toMatch(
            /^\\bar\{w\}_\{\d+\} \\mathrel\{\+\}= .+ = .+ \\cdot .+ = .+$/,
          );
        }
        expect(math.tangent(k).latex).toMatch(/^\\dot\{w\}_\{\d+\} = .+ = .+ = .+$/);
      }
    });
  }

  const program = (() => {
    const list = trace(parse('5*x^2 - x*y'), [2, 3]);
    return {
      list,
      seed: [1],
      forward: forwardSweep(list, [1, 0]),
      reverse: reverseSweep(list, [1]),
    };
  })();

  it('say each step in words, from the seeding to the result', () => {
    expect(frame(program, 'forward', 0, false).words).toBe(
      "Start: each input's tangent is the direction: w\u03071 = 1, w\u03072 = 0.",
    );
    expect(frame(program, 'forward', 'end', false).words).toMatch(
      /^Step 4 of 4: w6 = w4 - w5 = 14; its tangent .*Sweep done: the output tangent is 17\.$/,
    );
    expect(frame(program, 'reverse', 0, false).words).toBe(
      "Start: each output's adjoint is its seed: w̄6 = 1.",
    );
    expect(frame(program, 'reverse', 'end', false).words).toMatch(
      /Sweep done: the input adjoints are \(17, -2\)\.$/,
    );
  });

  it('give the forward result as null until the output is computed, and the running adjoints', () => {
    expect(frame(program, 'forward', 3, false).result).toBeNull();
    expect(frame(program, 'reverse', 2, false).result).toEqual([-3, -2]);
  });
});

describe('the result line', () => {
  it('writes numbers by the one formatter, ? for what is not computed, rows in brackets', () => {
    expect(resultText(3.526303832590501)).toBe('3.5263');
    expect(resultText([0.1 + 0.2, null])).toBe('[0.3, ?]');
    expect(
      resultText([
        [12000, -0],
        [null, 1e-7],
      ]),
    ).toBe('[[12000, 0], [?, 1e-7]]');
  });
});
