/**
 * @file The matrix rule vectorize records on a tape: its value, tangent maps
 * and pull-back, each a loop written from one recording of f.
 */

import { Matrix, shapeText } from '../core/matrix.ts';
import type { MatrixRule, Plain, Shape } from '../core/rule.ts';
import type { Mat, Value } from '../core/value.ts';
import { mul } from '../primitives/arithmetic.ts';
import { sum } from '../primitives/reductions.ts';
import type { StraightLine } from './straight-line.ts';
import { type PartialsLoop, partialsLoop, valueLoop } from './vectorize-loops.ts';

/** The shape every matrix input shares (null if none is a matrix), or an error naming the first that differs. */
export function commonShape(shapes: readonly Shape[]): Shape {
  let shape: Shape = null;
  let at = 0;
  shapes.forEach((s, i) => {
    if (s === null) return;
    if (shape === null) {
      shape = s;
      at = i;
    } else if (s.rows !== shape.rows || s.cols !== shape.cols) {
      throw new Error(
        `wengert: vectorize: input ${i + 1} is ${shapeText(s.rows, s.cols)} but input ${at + 1} is ` +
          `${shapeText(shape.rows, shape.cols)}; give matrices of one shape (a number is repeated to ` +
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
 * The rule of one recorded f. It has no op code (a matrix entry on the tape
 * keeps its rule), and it gives its pull-back whole rather than one adjoint
 * map per input, since one loop computes every input's contribution at once.
 * The partials loops are written once per set of wanted inputs.
 */
export function vectorizeRule(entry: StraightLine, name: string): MatrixRule {
  const arity = entry.inputs.length;
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
    const data = new Float64Array(out.rows * out.cols);
    const g = inputs.map((_, j) => (j === i ? data : null));
    loopFor(
      inputs.map((_, j) => j === i),
      false,
    )(x, s, null, g, data.length);
    return new Matrix(out.rows, out.cols, data);
  };
  // Ẏ = Σ ∂f/∂x_i ⊙ Ẋ_i (a number's tangent is repeated by mul's broadcasting);
  // an entry whose tangent is exactly 0 contributes 0, as a zero tangent does
  const tangent = (inputs: readonly Value[], out: Mat, dot: Value, i: number): Value => {
    const d = partial(inputs, out, i);
    if (!(dot instanceof Matrix)) return typeof dot === 'number' && dot === 0 ? 0 : mul(d, dot);
    const [p, t] = [d.data, dot.data];
    for (let k = 0; k < p.length; k++) {
      const tk = t[k] as number;
      p[k] = tk === 0 ? 0 : (p[k] as number) * tk;
    }
    return d;
  };
  const entries = Array.from({ length: arity }, (_, i) => `X_{${i + 1},ij}`).join(', ');
  return {
    kind: 'matrix',
    name: `vectorize(${name || 'f'})`,
    arity,
    id: -1,
    // vectorize has checked that one input is a matrix
    shape: (shapes) => commonShape(shapes),
    evaluate: (inputs) => {
      const { rows, cols } = inputs.find((v) => v instanceof Matrix) as Matrix;
      const { x, s } = entriesAndStrides(inputs);
      const out = new Float64Array(rows * cols);
      value(x, s, out, out.length);
      return new Matrix(rows, cols, out);
    },
    tangents: Array.from(
      { length: arity },
      (_, i) => (inputs: readonly Value[], out: Value, dot: Value) =>
        tangent(inputs, out as Mat, dot, i),
    ),
    // X̄_i += ∂f/∂x_i ⊙ Ȳ, summed over the entries for an input that is a number
    pullback: (inputs, out, bar, _params, wanted) => {
      if (!(bar instanceof Matrix)) {
        // a traced adjoint (a vjp inside another trace): the same partials, multiplied by toolkit ops
        return inputs.map((v, i) => {
          if (!wanted[i]) return null;
          const term = mul(partial(inputs, out as Mat, i), bar);
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
    latex: {
      op: `Y_{ij} = f(${entries})`,
      forward: '\\dot{Y} = \\textstyle\\sum_i \\partial_i f \\odot \\dot{X}_i',
      reverse: '\\bar{X}_i \\mathrel{+}= \\partial_i f \\odot \\bar{Y}',
    },
  };
}
