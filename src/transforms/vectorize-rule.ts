/**
 * @file The matrix rules vectorize records on a tape, entry by entry or row
 * by row: value, tangent maps and pull-back, each a loop written from one
 * recording of f.
 */

import { Matrix, shapeText } from '../core/matrix.ts';
import type { MatrixRule, Plain, Shape } from '../core/rule.ts';
import type { Mat, Value } from '../core/value.ts';
import { add, mul } from '../primitives/arithmetic.ts';
import { sum } from '../primitives/reductions.ts';
import { pad, slice } from '../primitives/slicing.ts';
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

/**
 * The rule of one recorded f applied to each row of one rows×cols matrix X:
 * y_i = f(x_i1, ..., x_ic), a rows×1 column. f's input j is X's column j,
 * read in place (a view of X's entries from j, stride cols), so no column is
 * copied out, and the pull-back adds every column's partials into one X̄ the
 * same way. Per entry, the same loops as vectorize over the columns.
 */
export function vectorizeRowsRule(entry: StraightLine, name: string): MatrixRule {
  const width = entry.inputs.length;
  const eachColumn = Array.from({ length: width }, (_, j) => j);
  const allWanted = eachColumn.map(() => true);
  const value = valueLoop(entry);
  const sweep = partialsLoop(entry, allWanted, true);
  let partialsOnly: PartialsLoop | null = null;
  /** Column j of X as f's input j: a view from entry j, stride `width`. */
  const columns = (x: Matrix) => ({
    x: eachColumn.map((j) => x.data.subarray(j)),
    s: eachColumn.map(() => width),
  });
  /** ∂f/∂x_j at every row, for every j, as rows×1 columns. */
  const partials = (x: Matrix): Matrix[] => {
    const { x: views, s } = columns(x);
    const g = eachColumn.map(() => new Float64Array(x.rows));
    partialsOnly ??= partialsLoop(entry, allWanted, false);
    partialsOnly(views, s, null, g, x.rows);
    return g.map((data) => new Matrix(x.rows, 1, data));
  };
  const column = (m: Value, j: number) => slice(m as Mat, { cols: [j, j + 1] });
  const entries = eachColumn.map((j) => `X_{i${j + 1}}`).join(', ');
  return {
    kind: 'matrix',
    name: `vectorize(${name || 'f'}, rows)`,
    arity: 1,
    id: -1,
    // vectorize has checked that the input is a matrix with `width` columns
    shape: ([x]) => ({ rows: (x as { rows: number }).rows, cols: 1 }),
    evaluate: ([x]) => {
      const m = x as Matrix;
      const { x: views, s } = columns(m);
      const out = new Float64Array(m.rows);
      value(views, s, out, m.rows);
      return new Matrix(m.rows, 1, out);
    },
    // ẏ_i = Σ_j ∂f/∂x_j · ẋ_ij, each term 0 where its tangent is 0, summed as
    // forward mode sums vectorize's tangents over the columns: the first term
    // as it is (so a −0 stays −0), then each next one added
    tangents: [
      ([x], _out, dot) => {
        if (width === 0) return 0; // f of no numbers is a constant
        const d = partials(x as Matrix);
        if (!(dot instanceof Matrix)) {
          if (typeof dot === 'number' && dot === 0) return 0;
          return d.map((dj, j) => mul(dj, column(dot, j))).reduce((a, b) => add(a, b));
        }
        const [t, y] = [dot.data, (d[0] as Matrix).data];
        for (let k = 0; k < y.length; k++) {
          const tk = t[k * width] as number;
          y[k] = tk === 0 ? 0 : (y[k] as number) * tk;
        }
        for (let j = 1; j < width; j++) {
          const p = (d[j] as Matrix).data;
          for (let k = 0; k < y.length; k++) {
            const tk = t[k * width + j] as number;
            y[k] = (y[k] as number) + (tk === 0 ? 0 : (p[k] as number) * tk);
          }
        }
        return d[0] as Matrix;
      },
    ],
    // X̄_ij += ∂f/∂x_j · ȳ_i
    pullback: ([x], _out, bar, _params, wanted) => {
      if (!wanted[0]) return [null];
      const m = x as Matrix;
      if (width === 0) return [new Matrix(m.rows, 0, new Float64Array(0))];
      if (!(bar instanceof Matrix)) {
        // a traced adjoint: the same partials, multiplied and put in place by toolkit ops
        const terms = partials(m).map((dj, j) => pad(mul(dj, bar), m.rows, width, [0, j]));
        return [terms.reduce((a, b) => add(a, b))];
      }
      const { x: views, s } = columns(m);
      const g = new Float64Array(m.rows * width);
      sweep(
        views,
        s,
        bar.data,
        eachColumn.map((j) => g.subarray(j)),
        m.rows,
      );
      return [new Matrix(m.rows, width, g)];
    },
    latex: {
      op: `y_i = f(${entries})`,
      forward: '\\dot{y}_i = \\textstyle\\sum_j \\partial_j f \\, \\dot{X}_{ij}',
      reverse: '\\bar{X}_{ij} \\mathrel{+}= \\partial_j f \\, \\bar{y}_i',
    },
  };
}
