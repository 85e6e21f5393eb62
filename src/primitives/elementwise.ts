/** @file Scalar primitives applied entry by entry to matrices, with the scalar records' own partials. */

import { ARITHMETIC, map, repeat, zip } from '../core/kernels.ts';
import { Matrix } from '../core/matrix.ts';
import type { Mat, Value } from '../core/value.ts';
import { shapeOf } from '../core/value.ts';
import { mul, neg } from './arithmetic.ts';
import { type MatrixRule, matrixRule } from './matrix-rule.ts';
import { PRIMITIVE_NAMES } from './names.ts';
import { OPERAND } from './notation.ts';
import { broadcast, reduceTo } from './reductions.ts';
import type { BinaryRule, UnaryRule } from './rule.ts';
import { broadcastShape } from './shapes.ts';

/**
 * Y = f(X) entry by entry. Its Jacobian is diagonal, with f'(x_ij) on the
 * diagonal, so the tangent map and its transpose are the same: multiply
 * entry by entry by the scalar rule's partial. No new derivative is written:
 * the partial is the scalar record's.
 */
function liftUnaryRule(rule: UnaryRule<string>): MatrixRule<string, [x: Mat], Mat, null> {
  // The partial is written with ops that work entry by entry on matrices
  // (1 - y² is sub(1, mul(y, y))), so it is applied to the whole matrix at
  // once, plain or traced alike.
  const partial = (x: Value, y: Value): Value => rule.partial(x, y);
  // f'(X) ⊙ V, on plain matrices of one shape in one pass (see partialTimes): a
  // built-in's partial is written for one entry, so entry by entry it gives the
  // same numbers. Anything else takes the ops, which name a shape mismatch.
  const builtIn = (PRIMITIVE_NAMES as readonly string[]).includes(rule.name);
  const times = (x: Mat, y: Mat, v: Mat): Value =>
    builtIn &&
    x instanceof Matrix &&
    y instanceof Matrix &&
    v instanceof Matrix &&
    v.rows === x.rows &&
    v.cols === x.cols
      ? partialTimes(rule, x, y, v)
      : mul(partial(x, y), v);
  return matrixRule<string, [x: Mat], Mat, null>(
    {
      name: rule.name,
      arity: 1,
      shape: ([x]) => x,
      evaluate: ([x]) => map(rule.primal, x),
      tangents: [([x], y, dot) => times(x, y, dot)],
      adjoints: [([x], y, bar) => times(x, y, bar)],
      latex: {
        op: `Y_{ij} = ${withEntries(rule.notation)}`,
        forward: "\\dot{Y} = f'(X) \\odot \\dot{X}",
        reverse: "\\bar{X} \\mathrel{+}= f'(X) \\odot \\bar{Y}",
      },
    },
    rule.id,
  );
}

/**
 * f'(x_ij) · v_ij for plain matrices of one shape, in one loop: the scalar
 * partial run on each entry's numbers, where applying it to whole matrices
 * (1 − y² is sub(1, mul(y, y))) makes a matrix per op and one more for the
 * product. Each entry gets the same operations on the same numbers, so the
 * same result.
 */
function partialTimes(rule: UnaryRule<string>, x: Matrix, y: Matrix, v: Matrix): Matrix {
  const [xd, yd, vd] = [x.data, y.data, v.data];
  const out = new Float64Array(vd.length);
  for (let k = 0; k < out.length; k++) {
    out[k] = (rule.partial(xd[k] as number, yd[k] as number) as number) * (vd[k] as number);
  }
  return new Matrix(v.rows, v.cols, out);
}

/** The built-in binary primitives that also work entry by entry on matrices, with their kernel codes. */
const ELEMENTWISE_BINARY = new Map<string, number>(Object.entries(ARITHMETIC));

/**
 * Whether a binary primitive works entry by entry: the arithmetic, and every
 * primitive made with definePrimitive (its partials are the user's, written
 * with ops that broadcast). The other built-ins (pow, atan2, max, min) take
 * numbers only: their partials decide special cases with piecewise, which
 * compares numbers.
 */
function worksOnMatrices(name: string): boolean {
  return ELEMENTWISE_BINARY.has(name) || !(PRIMITIVE_NAMES as readonly string[]).includes(name);
}

/** z_ij = f(x_ij, y_ij) over rows×cols, each operand repeated to that shape. */
function zipWith(
  f: (a: number, b: number) => number,
  x: Matrix | number,
  y: Matrix | number,
  rows: number,
  cols: number,
): Matrix {
  const [a, b] = [repeat(x, rows, cols).data, repeat(y, rows, cols).data];
  const out = new Float64Array(rows * cols);
  for (let k = 0; k < out.length; k++) out[k] = f(a[k] as number, b[k] as number);
  return new Matrix(rows, cols, out);
}

/** d · v, without the product when d is ±1. */
function scale(d: Value, v: Mat): Mat;
function scale(d: Value, v: Value): Value;
function scale(d: Value, v: Value): Value {
  return d === 1 ? v : d === -1 ? neg(v) : mul(d, v);
}

/**
 * Z = f(X, Y) entry by entry, with broadcasting: an operand with one row or
 * one column (or a scalar) is repeated to Z's shape. Input i's tangent map
 * multiplies its tangent by ∂f/∂(input i) and repeats it to Z's shape; the
 * transpose multiplies Z̄ by the same partial and sums over what was repeated.
 */
function liftBinaryRule(
  rule: BinaryRule<string>,
): MatrixRule<string, [x: Value, y: Value], Mat, null> {
  const { name } = rule;
  type In = [x: Value, y: Value];
  const tangent =
    (i: 0 | 1) =>
    ([x, y]: In, z: Mat, dot: Value): Value => {
      const term = scale(rule.partials[i](x, y, z), dot);
      const s = shapeOf(term);
      return s !== null && s.rows === z.rows && s.cols === z.cols
        ? term
        : broadcast(term, z.rows, z.cols);
    };
  const adjoint =
    (i: 0 | 1) =>
    (inputs: In, z: Mat, bar: Mat): Value => {
      const [x, y] = inputs;
      return reduceTo(scale(rule.partials[i](x, y, z), bar), shapeOf(inputs[i]));
    };
  return matrixRule<string, In, Mat, null>(
    {
      name,
      arity: 2,
      shape: ([x, y]) => {
        if (!worksOnMatrices(name)) {
          throw new TypeError(
            `wengert: ${name} takes numbers only; the elementwise ops on matrices are ` +
              `${[...ELEMENTWISE_BINARY.keys()].join(', ')} and every unary op`,
          );
        }
        return broadcastShape(name, x, y);
      },
      evaluate: ([x, y]) => {
        // one operand is a matrix, so the shape is one
        const { rows, cols } = broadcastShape(name, shapeOf(x), shapeOf(y)) as {
          rows: number;
          cols: number;
        };
        // the kernel's own loop computes exactly rule.primal (x + y, x − y, x · y, x / y);
        // a user's primitive runs its primal entry by entry
        const code = ELEMENTWISE_BINARY.get(name);
        return code === undefined
          ? zipWith(rule.primal, x, y, rows, cols)
          : zip(code, x, y, rows, cols);
      },
      tangents: [tangent(0), tangent(1)],
      adjoints: [adjoint(0), adjoint(1)],
      latex: {
        op: `Z_{ij} = ${withEntries(rule.notation)}`,
        forward: '\\dot{Z} = \\partial_X f \\odot \\dot{X} + \\partial_Y f \\odot \\dot{Y}',
        reverse:
          '\\bar{X} \\mathrel{+}= \\operatorname{sum}(\\partial_X f \\odot \\bar{Z}), \\quad \\bar{Y} \\mathrel{+}= \\operatorname{sum}(\\partial_Y f \\odot \\bar{Z})',
      },
    },
    rule.id,
  );
}

/**
 * A scalar notation in x and y written for entries X_ij and Y_ij (the x of
 * \\max stays, and so does a name in \\operatorname{...}: a user's x2).
 */
function withEntries(notation: string): string {
  return notation.replace(OPERAND, (match, v: string | undefined) =>
    v === undefined ? match : `${v.toUpperCase()}_{ij}`,
  );
}

const unaryLifts: MatrixRule[] = [];
const binaryLifts: MatrixRule[] = [];

/** The elementwise form of a unary scalar rule, made once. */
export function liftUnary(rule: UnaryRule<string>): MatrixRule {
  let lifted = unaryLifts[rule.id];
  if (lifted === undefined) {
    lifted = liftUnaryRule(rule);
    unaryLifts[rule.id] = lifted;
  }
  return lifted;
}

/** The elementwise (broadcasting) form of a binary scalar rule, made once. */
export function liftBinary(rule: BinaryRule<string>): MatrixRule {
  let lifted = binaryLifts[rule.id];
  if (lifted === undefined) {
    lifted = liftBinaryRule(rule);
    binaryLifts[rule.id] = lifted;
  }
  return lifted;
}
