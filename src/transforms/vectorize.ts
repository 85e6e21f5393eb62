/** @file vectorize(f): a function of numbers applied entry by entry to matrices, as one primitive that runs one loop. */

import { applyMatrix } from '../core/apply.ts';
import { Matrix } from '../core/matrix.ts';
import { badOperand } from '../core/operand.ts';
import type { MatrixRule, Plain, Shape } from '../core/rule.ts';
import { describe, isMat, isNum, type Mat, type Num, shapeOf, type Value } from '../core/value.ts';
import { mul } from '../primitives/arithmetic.ts';
import { matrixRule } from '../primitives/matrix-rule.ts';
import { broadcast, sum } from '../primitives/reductions.ts';
import type { StraightLine } from './straight-line.ts';
import { type PartialsLoop, partialsLoop, recordEntry, valueLoop } from './vectorize-kernels.ts';

/**
 * f, a function of numbers, applied entry by entry to matrices of one shape
 * (a number among the inputs is repeated to every entry): `vectorize(f)(X)`
 * is the matrix of f(x_ij), `vectorize(f)([X, Y])` that of f([x_ij, y_ij]).
 *
 * Written with the elementwise ops, the same function is one primitive per
 * op, and each reads and writes a whole matrix: ten ops on a million entries
 * pass over 80 MB each way, and reverse mode as much again. vectorize
 * records f once, as compile does (at its first call with that many
 * inputs), and writes it out as two JavaScript loops over the entries: its
 * operations in tape order, and its reverse sweep, each partial the rule's
 * own written on the operands. The tape keeps one entry; the value is one
 * pass over the entries, and the pull-back one more. The value and the
 * pull-back of each entry are exactly the numbers the engine gives f on that
 * entry alone: the same operations in the same order, and a zero adjoint
 * skipped as the sweep skips it. A tangent is each input's partial (from the
 * same loop) times its tangent, 0 where the tangent is 0: equal to jvp up to
 * rounding, except where forward and reverse mode themselves differ on one
 * entry (0·ln x at 0: jvp gives NaN, grad and this tangent 0).
 *
 * As with JAX's jit, f is traced once: a number f reads from outside is
 * fixed at that first call (pass what changes as an input), and f cannot
 * branch on its inputs (a comparison or toNumber is refused; max, min, abs
 * and relu choose per entry). Under nested differentiation (hessian, or a
 * traced value of an outer trace among the inputs) f is applied to the
 * matrices op by op instead, so it must use ops that work on matrices.
 *
 * @example
 * ```ts
 * // 100 (b − a²)² + (1 − a)² for each pair (a, b): one row of x
 * const term = vectorize(([a, b]: [Num, Num]) =>
 *   add(mul(100, mul(sub(b, mul(a, a)), sub(b, mul(a, a)))), mul(sub(1, a), sub(1, a))));
 * const f = (x: Mat) => sum(term([slice(x, { cols: [0, 1] }), slice(x, { cols: [1, 2] })]));
 * const g = grad(f)(matrix([[-1.2, 1], [1, 1]])) as Matrix;
 * console.log(formatNumber(g.get(0, 0)), formatNumber(g.get(0, 1))); // -215.6 -88
 * ```
 */
export function vectorize(f: (x: Num) => Num): (x: Mat) => Mat;
/** The same for a function of several numbers, `f([x, y, ...])`, applied to `[X, Y, ...]`. */
export function vectorize<const A extends readonly Num[]>(
  f: (x: A) => Num,
): (x: { readonly [K in keyof A]: Value }) => Mat;
export function vectorize(f: (x: never) => Num): (x: never) => Mat {
  if (typeof f !== 'function') {
    throw new TypeError(
      `wengert: vectorize takes a function of numbers, f(x) or f([x, y, ...]); got ${describe(f)}`,
    );
  }
  const rules = new Map<string, MatrixRule>();
  const vectorized = (input: Value | readonly Value[]): Mat => {
    const isArray = Array.isArray(input);
    const args: readonly Value[] = isArray ? input : [input as Value];
    args.forEach((a, i) => {
      if (!isNum(a) && !isMat(a)) throw badOperand('vectorize', a, i);
    });
    if (!args.some(isMat)) {
      throw new TypeError(
        'wengert: vectorize: give at least one matrix (f is applied to its entries); ' +
          'for numbers only, call f itself',
      );
    }
    const shape = commonShape(args.map(shapeOf)) as { rows: number; cols: number };
    if (!onePlainLevel(args)) return opByOp(f, input, shape);
    const key = `${isArray}:${args.length}`;
    let rule = rules.get(key);
    if (rule === undefined) {
      rule = entrywiseRule(recordEntry(f, args.length, isArray), f.name);
      rules.set(key, rule);
    }
    return applyMatrix(rule, args, null) as Mat;
  };
  return vectorized as (x: never) => Mat;
}

/**
 * Under nested differentiation the outer traces must see toolkit ops, so f
 * runs op by op on the matrices (its ops work entry by entry and repeat a
 * number) instead of as a loop; a number it returns is repeated to the shape.
 */
function opByOp(f: (x: never) => Num, input: unknown, shape: { rows: number; cols: number }): Mat {
  let out: Value;
  try {
    out = (f as unknown as (x: unknown) => Value)(input);
  } catch (error) {
    if (!(error instanceof TypeError) || !error.message.includes('takes numbers only')) throw error;
    throw new TypeError(
      `wengert: vectorize: under nested differentiation f runs op by op on the matrices, and ${error.message.replace(/^wengert: /, '')}`,
      { cause: error },
    );
  }
  if (isMat(out)) return out;
  return broadcast(out as Num, shape.rows, shape.cols);
}

/**
 * True when the inputs are plain, or values of one trace with plain values
 * one level down: the only traces whose maps the loops serve (a first-order
 * grad, vjp or jvp).
 */
function onePlainLevel(args: readonly Value[]): boolean {
  let trace: unknown = null;
  for (const a of args) {
    if (typeof a === 'number' || a instanceof Matrix) continue;
    const { value, trace: own } = a as { value: Value; trace: unknown };
    if (typeof value !== 'number' && !(value instanceof Matrix)) return false;
    if (trace !== null && own !== trace) return false;
    trace = own;
  }
  return true;
}

/** The shape every matrix input shares (null if none is a matrix), or an error naming the first that differs. */
function commonShape(shapes: readonly Shape[]): Shape {
  let shape: Shape = null;
  let at = 0;
  shapes.forEach((s, i) => {
    if (s === null) return;
    if (shape === null) {
      shape = s;
      at = i;
    } else if (s.rows !== shape.rows || s.cols !== shape.cols) {
      throw new Error(
        `wengert: vectorize: input ${i + 1} is ${s.rows}×${s.cols} but input ${at + 1} is ` +
          `${shape.rows}×${shape.cols}; give matrices of one shape (a number is repeated to ` +
          'every entry)',
      );
    }
  });
  return shape;
}

/** Each input's entries as a Float64Array, and its stride (0 repeats a number to every entry). */
function entriesAndStrides(inputs: readonly Plain[]): { x: Float64Array[]; s: number[] } {
  return {
    x: inputs.map((v) => (v instanceof Matrix ? v.data : Float64Array.of(v))),
    s: inputs.map((v) => (v instanceof Matrix ? 1 : 0)),
  };
}

/**
 * The matrix rule of one traced f: its value loop, its tangent and adjoint
 * maps from the partials loops (made per set of wanted inputs, once).
 */
function entrywiseRule(entry: StraightLine, name: string): MatrixRule {
  const value = valueLoop(entry);
  const loops = new Map<string, PartialsLoop>();
  const loopFor = (wanted: readonly boolean[], scaled: boolean) => {
    const key = `${scaled}:${wanted.map(Number).join('')}`;
    let loop = loops.get(key);
    if (loop === undefined) {
      loop = partialsLoop(entry, wanted, scaled);
      loops.set(key, loop);
    }
    return loop;
  };
  /** ∂f/∂x_i at every entry, as a matrix of the output's shape. */
  const partial = (inputs: readonly Value[], out: Mat, i: number): Matrix => {
    const { x, s } = entriesAndStrides(inputs as readonly Plain[]);
    const n = out.rows * out.cols;
    const g: (Float64Array | null)[] = inputs.map(() => null);
    const data = new Float64Array(n);
    g[i] = data;
    loopFor(
      inputs.map((_, j) => j === i),
      false,
    )(x, s, null, g, n);
    return new Matrix(out.rows, out.cols, data);
  };
  return matrixRuleOf(name, entry.inputs.length, {
    evaluate: (inputs) => {
      const { x, s } = entriesAndStrides(inputs);
      const shape = commonShape(inputs.map((v) => (v instanceof Matrix ? v : null))) as {
        rows: number;
        cols: number;
      };
      const out = new Float64Array(shape.rows * shape.cols);
      value(x, s, out, out.length);
      return new Matrix(shape.rows, shape.cols, out);
    },
    // Ẏ = Σ ∂f/∂x_i ⊙ Ẋ_i (a number's tangent is repeated by mul's broadcasting);
    // an entry whose tangent is exactly 0 contributes 0, as a zero tangent does
    tangent: (inputs, out, dot, i) => {
      const d = partial(inputs, out, i);
      if (!(dot instanceof Matrix)) return typeof dot === 'number' && dot === 0 ? 0 : mul(d, dot);
      const [p, t] = [d.data, dot.data];
      for (let k = 0; k < p.length; k++) {
        const tk = t[k] as number;
        p[k] = tk === 0 ? 0 : (p[k] as number) * tk;
      }
      return d;
    },
    // X̄_i += ∂f/∂x_i ⊙ Ȳ, summed over the entries for an input that is a number
    pullback: (inputs, out, bar, wanted) => {
      if (!(bar instanceof Matrix)) {
        // a traced adjoint (a vjp inside another trace): the same partials, multiplied by toolkit ops
        return inputs.map((v, i) => {
          if (!wanted[i]) return null;
          const term = mul(partial(inputs, out, i), bar);
          return v instanceof Matrix ? term : sum(term);
        });
      }
      const { x, s } = entriesAndStrides(inputs as readonly Plain[]);
      const g = inputs.map((v, i) =>
        wanted[i] ? new Float64Array(v instanceof Matrix ? v.rows * v.cols : 1) : null,
      );
      loopFor(wanted, true)(x, s, bar.data, g, bar.rows * bar.cols);
      return inputs.map((v, i) => {
        const data = g[i];
        if (data === null || data === undefined) return null;
        return v instanceof Matrix ? new Matrix(v.rows, v.cols, data) : (data[0] as number);
      });
    },
  });
}

/** A matrix rule with no op code (the tape keeps the rule itself), from the three maps above. */
function matrixRuleOf(
  name: string,
  arity: number,
  maps: {
    evaluate: (inputs: readonly Plain[]) => Matrix;
    tangent: (inputs: readonly Value[], out: Mat, dot: Value, i: number) => Value;
    pullback: (
      inputs: readonly Value[],
      out: Mat,
      bar: Value,
      wanted: readonly boolean[],
    ) => (Value | null)[];
  },
): MatrixRule {
  const label = `vectorize(${name || 'f'})`;
  const entries = Array.from({ length: arity }, (_, i) => `X_{${i + 1},ij}`).join(', ');
  const rule = matrixRule<string, readonly Value[], Mat, null>(
    {
      name: label,
      arity,
      shape: (shapes) => {
        const shape = commonShape(shapes);
        if (shape === null) throw new Error(`wengert: ${label}: give at least one matrix`);
        return shape;
      },
      evaluate: (inputs) => maps.evaluate(inputs),
      tangents: Array.from(
        { length: arity },
        (_, i) => (inputs: readonly Value[], out: Mat, dot: Value) =>
          maps.tangent(inputs, out, dot, i),
      ),
      // One loop serves every input's adjoint at once, so the pull-back is
      // given whole below instead of one adjoint map per input.
      adjoints: [],
      latex: {
        op: `Y_{ij} = f(${entries})`,
        forward: '\\dot{Y} = \\textstyle\\sum_i \\partial_i f \\odot \\dot{X}_i',
        reverse: '\\bar{X}_i \\mathrel{+}= \\partial_i f \\odot \\bar{Y}',
      },
    },
    -1, // no op code: a matrix entry on the tape keeps its rule
  );
  return {
    ...rule,
    pullback: (inputs, out, bar, _params, wanted) => maps.pullback(inputs, out as Mat, bar, wanted),
  };
}
