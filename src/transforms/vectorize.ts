/**
 * @file vectorize(f): a function of numbers applied entry by entry to matrices,
 * or to each row of one matrix, as one primitive that runs one loop.
 */

import { applyMatrix } from '../core/apply.ts';
import { Matrix } from '../core/matrix.ts';
import { badOperand } from '../core/operand.ts';
import type { MatrixRule } from '../core/rule.ts';
import { describe, isMat, isNum, type Mat, type Num, shapeOf, type Value } from '../core/value.ts';
import { broadcast } from '../primitives/reductions.ts';
import { slice } from '../primitives/slicing.ts';
import { recordEntry } from './vectorize-loops.ts';
import { vectorizeRowsRule } from './vectorize-rows-rule.ts';
import { commonShape, vectorizeRule } from './vectorize-rule.ts';

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
/**
 * With `{ rows: true }`, f is applied to each row of one matrix, given as
 * an array of its numbers: `vectorize(f, { rows: true })(X)` is the column
 * of f([x_i1, x_i2, ...]). The same loops read X's columns where they are,
 * so this is `vectorize(f)` of X's columns without copying them out (or
 * their adjoints back).
 */
export function vectorize<const A extends readonly Num[]>(
  f: (row: A) => Num,
  options: { rows: true },
): (x: Mat) => Mat;
export function vectorize(f: (x: never) => Num, options?: unknown): (x: never) => Mat {
  if (typeof f !== 'function') {
    throw new TypeError(
      `wengert: vectorize takes a function of numbers, f(x) or f([x, y, ...]); got ${describe(f)}`,
    );
  }
  if (options !== undefined) {
    const keys = typeof options === 'object' && options !== null ? Object.keys(options) : [];
    if (keys.length !== 1 || keys[0] !== 'rows' || (options as { rows: unknown }).rows !== true) {
      throw new TypeError(
        `wengert: vectorize: the only option is { rows: true } (f applied to each row); got ${shown(options)}`,
      );
    }
    return byRows(f as unknown as (row: Num[]) => Num) as (x: never) => Mat;
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
      rule = vectorizeRule(recordEntry(f, args.length, isArray), f.name);
      rules.set(key, rule);
    }
    return applyMatrix(rule, args, null) as Mat;
  };
  return vectorized as (x: never) => Mat;
}

/** Options as written, `{ row: true }`, or what they are if not an object. */
function shown(options: unknown): string {
  if (typeof options !== 'object' || options === null) return describe(options);
  const fields = Object.entries(options).map(
    ([k, v]) => `${k}: ${typeof v === 'string' ? `'${v}'` : String(v)}`,
  );
  return `{ ${fields.join(', ')} }`;
}

/** vectorize(f, { rows: true }): f of each row of one matrix, a column of results. */
function byRows(f: (row: Num[]) => Num): (x: Mat) => Mat {
  const rules = new Map<number, MatrixRule>();
  return (x: Mat): Mat => {
    if (!isMat(x)) {
      throw new TypeError(
        `wengert: vectorize(f, { rows: true }) takes one matrix, whose rows f gets as arrays of ` +
          `numbers; got ${describe(x)}`,
      );
    }
    const { rows, cols } = shapeOf(x) as { rows: number; cols: number };
    if (!onePlainLevel([x])) {
      const columns = Array.from({ length: cols }, (_, j) => slice(x, { cols: [j, j + 1] }));
      return opByOp(f as (x: never) => Num, columns, { rows, cols: 1 });
    }
    let rule = rules.get(cols);
    if (rule === undefined) {
      rule = vectorizeRowsRule(recordEntry(f as (x: never) => Num, cols, true, 'row'), f.name);
      rules.set(cols, rule);
    }
    return applyMatrix(rule, [x], null) as Mat;
  };
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
