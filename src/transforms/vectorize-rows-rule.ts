/**
 * @file The matrix rule vectorize(f, { rows: true }) records on a tape: the
 * loops of vectorize-rule.ts, reading each column of one matrix in place.
 */

import { Matrix } from '../core/matrix.ts';
import type { MatrixRule } from '../core/rule.ts';
import type { Mat, Value } from '../core/value.ts';
import { add, mul } from '../primitives/arithmetic.ts';
import { pad, slice } from '../primitives/slicing.ts';
import type { StraightLine } from './straight-line.ts';
import { type PartialsLoop, partialsLoop, valueLoop } from './vectorize-loops.ts';

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
