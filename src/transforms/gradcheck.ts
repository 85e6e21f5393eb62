/** @file gradcheck: a function's derivatives by every mode, checked against finite differences and against each other. */

import { Matrix } from '../core/matrix.ts';
import { type Flat, flattenInput, type Point } from '../core/point.ts';
import { describe, isMat, type Value } from '../core/value.ts';
import { record } from '../reverse/recording.ts';
import * as probe from './gradcheck-probes.ts';
import {
  compare,
  type GradcheckCheck,
  type GradcheckComparison,
  GradcheckError,
  type GradcheckOptions,
  type GradcheckReport,
  resolveOptions,
} from './gradcheck-report.ts';
import type { InputsOf } from './inputs.ts';
import { uniformSource } from './random.ts';

/**
 * Checks f's derivatives at x along a few random directions v (and random
 * output cotangents u), the way JAX's check_grads and PyTorch's gradcheck do:
 *
 * - 'jvp': J·v by a forward pass against central differences
 *   [f(x + hv) − f(x − hv)] / 2h, output entry by output entry;
 * - 'vjp': ⟨Jᵀu, v⟩ by a reverse sweep against ⟨u, J·v⟩ (the dot-product
 *   test: the two modes must be transposes of each other);
 * - with `order: 2`, on g = f (one number out) or g = ⟨u, f⟩: 'hvp', H·v by
 *   forward over reverse against central differences of ∇g, and
 *   'hvp-modes', H·v by reverse over forward against forward over reverse.
 *
 * A comparison passes when |got − expected| ≤ atol + rtol·|expected|; a
 * NaN or infinity on either side fails (check at a point where f is
 * smooth: at a kink, central differences straddle it). Defaults: eps 1e-5
 * (the step is h = eps·max(1, max|x_i|)), rtol 1e-5, atol 1e-6, order 1,
 * 3 directions, seed 0. The report names the worst comparison, passing or
 * not; `raise: true` throws a GradcheckError describing it instead of
 * returning a failed report.
 *
 * @example
 * ```ts
 * gradcheck(([x, y]: [Num, Num]) => mul(sin(x), y), [0.5, 2]).ok; // true
 * gradcheck((x: Num) => mul(x, toNumber(x)), 3).worst;  // jvp: expected 6v by differences, got 3v
 * const f = ([x, y]: Num[]) => mul(exp(x), cos(y));
 * gradcheck(f, [0.5, 2], { order: 2, raise: true });   // throws if any check fails
 * ```
 */
export function gradcheck<X extends Point>(
  f: (x: X) => unknown,
  x: InputsOf<X>,
  options: GradcheckOptions = {},
): GradcheckReport {
  const settings = resolveOptions(options);
  const point = plainPoint(flattenInput('gradcheck', 'x', x));
  const entries = probe.numbers(point.values);
  const h = settings.eps * entries.reduce((top, a) => Math.max(top, Math.abs(a)), 1);
  const random = uniformSource(settings.seed);
  const fx = probe.evaluate(f, point);
  const single = !fx.isArray && !isMat(fx.values[0]);
  const plain = (p: Flat) => probe.numbers(probe.evaluate(f, p).values);
  const compared: GradcheckComparison[] = [];
  const directions: number[][] = [];
  const rec = record('gradcheck', f, point);
  try {
    for (let d = 0; d < settings.directions; d++) {
      const v = probe.randomLike(point.values, random);
      const u = probe.randomLike(fx.values, random);
      directions.push(probe.numbers(v));
      // one comparison: the two numbers and where they were measured
      const push = (check: GradcheckCheck, entry: number | null, expected: number, got: number) => {
        compared.push(compare({ check, direction: d, entry }, expected, got, settings));
      };
      const Jv = probe.jvpAlong(f, point, v);
      const differences = probe.centralDifference(plain, point, h, v);
      for (const [i, got] of Jv.entries()) push('jvp', i, differences[i] as number, got);
      const uJv = probe.inner(probe.numbers(u), Jv);
      push('vjp', null, uJv, probe.inner(probe.vjpOf(rec, u), probe.numbers(v)));
      if (settings.order === 2) {
        const g = probe.scalarized(f, single, u);
        const Hv = probe.hvpForwardOverReverse(g, point, v);
        const fd = probe.centralDifference((p) => probe.gradientAt(g, p), point, h, v);
        const rof = probe.hvpReverseOverForward(g, point, v);
        for (const [i, got] of Hv.entries()) {
          push('hvp', i, fd[i] as number, got);
          push('hvp-modes', i, got, rof[i] as number);
        }
      }
    }
  } finally {
    rec.tape.release();
  }
  const report = summarize(compared, { x: entries, directions, step: h, settings, single });
  if (!report.ok && options.raise === true) throw new GradcheckError(report);
  return report;
}

/** The point, refused unless every value is plain: finite differences need numbers to step. */
function plainPoint(x: Flat): Flat {
  x.values.forEach((v: Value, i) => {
    if (typeof v !== 'number' && !(v instanceof Matrix)) {
      throw new TypeError(
        `wengert: gradcheck: x${x.isArray ? `[${i}]` : ''} is ${describe(v)} of a trace; gradcheck ` +
          'checks at a point of plain numbers and matrices, outside any other transform',
      );
    }
  });
  return x;
}

/** The report: every comparison's verdict folded into a count and the worst one. */
function summarize(
  compared: readonly GradcheckComparison[],
  context: Pick<GradcheckReport, 'x' | 'directions' | 'step' | 'settings' | 'single'>,
): GradcheckReport {
  let worst: GradcheckComparison | null = null;
  let failures = 0;
  for (const c of compared) {
    if (!c.ok) failures++;
    if (worst === null || !(c.ratio <= worst.ratio)) worst = c;
  }
  return { ok: failures === 0, comparisons: compared.length, failures, worst, ...context };
}
