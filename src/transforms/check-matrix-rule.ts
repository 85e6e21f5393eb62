/** @file checkRule for a matrix primitive: its tangent maps against differences, their transposes by the dot-product test, both modes, second order. */

import { applyMatrix } from '../core/apply.ts';
import { fromArray, type Matrix } from '../core/matrix.ts';
import type { MatrixRule, Plain } from '../core/rule.ts';
import { isMat, type Num, type Value } from '../core/value.ts';
import { add, mul } from '../primitives/arithmetic.ts';
import { dot } from '../primitives/linear-algebra.ts';
import type { Interval } from '../primitives/rule.ts';
import { checkedOptions } from './check-rule-options.ts';
import {
  attemptValue,
  type Dims,
  dimsOfValue,
  dimsText,
  entries,
  inner,
  shift,
  unflatten,
  zeroLike,
} from './check-rule-plain.ts';
import { type Compared, uniform } from './check-rule-probes.ts';
import { type CheckRuleOptions, domainText, type RuleReport } from './check-rule-report.ts';
import { runChecks } from './check-rule-run.ts';
import { grad } from './grad.ts';
import { hessian } from './hessian.ts';
import { jacfwd, jacrev } from './jacobian.ts';
import { jvp } from './jvp.ts';
import { mulberry32 } from './random.ts';

const STEP = 1e-5;

/** checkRule's checks for a matrix primitive, at random inputs of the given shapes. */
export function checkMatrixRule(
  rule: MatrixRule<string> & {
    readonly shapes?: readonly Dims[] | null;
    readonly domain?: readonly Interval[];
  },
  options: CheckRuleOptions,
): RuleReport {
  const shapes = options.shapes ?? rule.shapes ?? null;
  if (shapes === null || !Array.isArray(shapes) || shapes.length !== rule.arity) {
    throw new RangeError(
      `wengert: checkRule: ${rule.name} is a matrix primitive; give options.shapes, the shape of ` +
        `each of its ${rule.arity} inputs to sample ([rows, cols], or null for a number)`,
    );
  }
  const domain = rule.domain ?? shapes.map((): Interval => [-2, 2]);
  const {
    samples,
    seed,
    tolerance,
    domain: intervals,
  } = checkedOptions({ name: rule.name, arity: rule.arity, domain }, options);
  const random = mulberry32(seed);
  const draw = (d: Dims, iv: Interval): Plain =>
    d === null
      ? uniform(random, iv)
      : fromArray(
          Array.from({ length: d[0] * d[1] }, () => uniform(random, iv)),
          d[0],
          d[1],
        );
  const unit: Interval = [-1, 1];
  const points = Array.from({ length: samples }, () =>
    shapes.map((d, i) => draw(d, intervals[i] as Interval)),
  );
  const { params } = options;
  const f = (v: readonly Value[]): Value => applyMatrix(rule, v, params);
  const primal = (v: readonly Plain[]): Value => rule.evaluate(v, params);
  // NaN against NaN would pass every comparison (a primal that throws is reported by the checks)
  const bad = points.findIndex((x) => {
    const y = attemptValue(() => primal(x));
    return y !== null && !entries(y).every(Number.isFinite);
  });
  if (bad >= 0) {
    throw new RangeError(
      `wengert: checkRule: ${rule.name} is not finite at sample ${bad + 1}, whose entries are in ` +
        `${domainText(intervals)}; give a domain where it is finite (options.domain)`,
    );
  }
  // h(X) = ⟨W, f(X) ⊙ f(X)⟩ is curved even where f is linear: its Hessian holds f's second order
  const weights = (x: readonly Plain[]) => draw(dimsOfValue(primal(x)), unit);
  const h =
    (w: Value) =>
    (v: readonly Value[]): Num => {
      const y = f(v);
      return isMat(y) ? dot(w as Matrix, mul(y, y)) : mul(w as Num, mul(y as Num, y as Num));
    };
  const runs = {
    jvp: (k: number): Compared[] => {
      const x = points[k] as Plain[];
      return shapes.flatMap((d, i) => {
        const v = draw(d, unit);
        const tangents = x.map((xi, j) => (j === i ? v : zeroLike(xi)));
        const got = entries(jvp(f, x as Value[], tangents as never).tangent as Value);
        const along = (t: number) => primal(x.map((xi, j) => (j === i ? shift(xi, v, t) : xi)));
        const [up, down] = [entries(along(STEP)), entries(along(-STEP))];
        return got.map((g, e) => ({
          quantity: `L${i + 1}(V) entry ${e}`,
          got: g,
          expected: ((up[e] as number) - (down[e] as number)) / (2 * STEP),
        }));
      });
    },
    'dot-product': (k: number): Compared[] => {
      const x = points[k] as Plain[];
      const out = primal(x);
      return shapes.map((d, i) => {
        const [v, u] = [draw(d, unit), draw(dimsOfValue(out), unit)];
        const tangent = rule.tangents[i] as MatrixRule['tangents'][number];
        const lv = tangent(x, out, v, params as never);
        const wanted = shapes.map((_, j) => j === i);
        const back = rule.pullback(x, out, u, params, wanted)[i] as Value;
        return { quantity: `⟨Ū, L${i + 1}(V)⟩`, got: inner(back, v), expected: inner(u, lv) };
      });
    },
    modes: (k: number): Compared[] => {
      const x = points[k] as Value[];
      const forward = jacfwd(f)(x as never) as number[][];
      const reverse = jacrev(f)(x as never) as number[][];
      return forward.flatMap((row, r) =>
        row.map((e, c) => ({
          quantity: `∂y${r}/∂x${c}`,
          got: reverse[r]?.[c] as number,
          expected: e,
        })),
      );
    },
    hessian: (k: number): Compared[] => {
      const x = points[k] as Plain[];
      const g = h(weights(x));
      const H = hessian(g)(x as never) as number[][];
      const flat = x.flatMap(entries);
      const gradient = (p: number[]) =>
        (grad(g)(unflatten(p, shapes) as never) as Value[]).flatMap(entries);
      return flat.flatMap((xj, j) => {
        const step = STEP * Math.max(1, Math.abs(xj));
        const at = (t: number) => gradient(flat.map((v, m) => (m === j ? v + t : v)));
        const [up, down] = [at(step), at(-step)];
        return flat.map((_, i) => ({
          quantity: `∂²h/∂x${i}∂x${j}`,
          got: H[i]?.[j] as number,
          expected: ((up[i] as number) - (down[i] as number)) / (2 * step),
        }));
      });
    },
    nesting: (k: number): Compared[] => {
      const x = points[k] as Plain[];
      const g = h(weights(x));
      const v = shapes.map((d) => draw(d, unit));
      const vs = v.flatMap(entries);
      const H = hessian(g)(x as never) as number[][];
      const Hv = H.map((row) => row.reduce((t, a, m) => t + a * (vs[m] as number), 0));
      // reverse over reverse: ∇⟨∇h, V⟩ = H V
      const along = (p: readonly Value[]) =>
        (grad(g)(p as never) as Value[]).reduce<Num>(
          (s, gi, i) => plusInner(s, gi, v[i] as Plain),
          0,
        );
      const rr = (grad(along)(x as never) as Value[]).flatMap(entries);
      return Hv.map((e, i) => ({
        quantity: `(H·V) entry ${i} (grad of grad)`,
        got: rr[i] as number,
        expected: e,
      }));
    },
  };
  const shapesText = shapes.map(dimsText).join(', ');
  return runChecks({
    name: rule.name,
    points: points.map((x) => x.flatMap(entries)),
    runs,
    tolerance,
    skipped: {},
    sampled: `${samples} points (inputs ${shapesText}, entries in ${domainText(intervals)})`,
    where: (k) => `sample ${k + 1} of ${samples} (inputs ${shapesText})`,
  });
}

/** s + ⟨g, v⟩ for a traced gradient g and a plain direction v, with the toolkit's ops. */
function plusInner(s: Num, g: Value, v: Plain): Num {
  return add(s, isMat(g) ? dot(g, v as Matrix) : mul(g as Num, v as number));
}
