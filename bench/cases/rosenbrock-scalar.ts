/**
 * @file Extended Rosenbrock written with scalar ops, gradient and
 * one JVP, from n = 1e3 to 1e6: the toolkit against a hand-written floor,
 * minimal specialised engines and the textbook closure engine.
 */

import { compile, grad, jvp } from '../../src/index.ts';
import { defineCase } from '../lib/case.ts';
import { scalarError, vectorError } from '../lib/check.ts';
import {
  minimalTapeFor,
  minimalTapeGradient,
  naiveDualJvp,
  naiveDualJvpInLoop,
} from '../peers/baselines.ts';
import { Value } from '../peers/micrograd.ts';
import {
  ROSENBROCK_SIZES,
  rosenbrock,
  rosenbrockGradient,
  rosenbrockJvp,
  rosenbrockPlain,
  rosenbrockProblem,
} from '../problems/rosenbrock.ts';

/** Row names the targets look up. */
export const WENGERT_GRAD = 'wengert grad';
export const WENGERT_JVP = 'wengert jvp';
export const WENGERT_COMPILED = 'wengert compile(f, x0), replayed';

/** Extended Rosenbrock on the closure engine, written exactly as with the toolkit's ops. */
function microRosenbrock(x: readonly Value[]): Value {
  let s = new Value(0);
  for (let i = 0; i < x.length; i += 2) {
    const a = x[i] as Value;
    const t = (x[i + 1] as Value).sub(a.mul(a));
    const u = new Value(1).sub(a);
    s = s.add(t.mul(t).mul(100).add(u.mul(u)));
  }
  return s;
}

export default defineCase({
  id: 'rosenbrock-scalar',
  title: 'Extended Rosenbrock, scalar ops',
  form: 'scalar ops',
  about:
    '$f(x) = \\sum_{i \\text{ even}} 100\\,(x_{i+1} - x_i^2)^2 + (1 - x_i)^2$ (Moré, Garbow & ' +
    'Hillstrom, problem 21) at a perturbed standard starting point, written with one scalar op ' +
    'per arithmetic operation (8 primitive applications per pair). The JVP direction is ' +
    '$v_i = \\cos i$. Ratios divide by the same function as a plain loop over a Float64Array, ' +
    'timed in the same process. `compile(f, x0)` records its tape at setup, untimed, and each ' +
    'timed call replays it. The minimal tape and the naive duals (bench/peers/baselines.ts) are ' +
    'specialised by hand to add, sub and mul; the closure engine (bench/peers/micrograd.ts) is ' +
    'the textbook one, run up to n = 1e5.',
  sizes: ROSENBROCK_SIZES,
  problem: ({ n }) => rosenbrockProblem(n),
  primal: (p) => () => rosenbrockPlain(p.x64),
  tasks: {
    gradient: { title: 'gradient', error: (p, out) => vectorError(out, p.gradient) },
    jvp: { title: 'one JVP', error: (p, out) => scalarError(out, p.jvp, p.jvpScale) },
  },
  variants: [
    {
      name: 'hand-written gradient',
      task: 'gradient',
      setup: (p) => ({ run: () => rosenbrockGradient(p.x64) }),
    },
    {
      name: WENGERT_GRAD,
      task: 'gradient',
      setup: (p) => ({ run: () => grad(rosenbrock)(p.x) }),
    },
    {
      name: WENGERT_COMPILED,
      task: 'gradient',
      setup: (p) => {
        const replay = compile(rosenbrock, p.x); // recorded once, here, untimed
        return { run: () => replay(p.x).grad };
      },
    },
    {
      name: 'minimal flat tape',
      task: 'gradient',
      setup: (p) => {
        const tape = minimalTapeFor(p.n);
        return { run: () => minimalTapeGradient(tape, p.x) };
      },
    },
    {
      name: 'micrograd-style closures',
      task: 'gradient',
      upTo: 1e5,
      setup: (p) => ({
        run: () => {
          const x = p.x.map((xi) => new Value(xi));
          microRosenbrock(x).backward();
          return x.map((xi) => xi.grad);
        },
      }),
    },
    {
      name: 'hand-written ∇f·v',
      task: 'jvp',
      setup: (p) => ({ run: () => rosenbrockJvp(p.x64, p.v64) }),
    },
    {
      name: WENGERT_JVP,
      task: 'jvp',
      setup: (p) => ({ run: () => jvp(rosenbrock, p.x, p.v).tangent }),
    },
    {
      name: 'naive dual objects',
      task: 'jvp',
      setup: (p) => ({ run: () => naiveDualJvp(p.x, p.v) }),
    },
    {
      name: 'naive duals, made in the loop',
      task: 'jvp',
      setup: (p) => ({ run: () => naiveDualJvpInLoop(p.x, p.v) }),
    },
  ],
});
