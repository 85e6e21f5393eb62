/** @file defineMatrixPrimitive: a user's matrix primitive, a linear tangent map per input and its transpose, as the built-in matrix records declare. */

import { applyMatrix } from '../core/apply.ts';
import { describe, type Value } from '../core/value.ts';
import { checkName } from './define-checks.ts';
import { addUserMatrixRule } from './lookup.ts';
import {
  type MatrixLatex,
  type MatrixRule,
  matrixRule,
  type Plain,
  type Shape,
} from './matrix-rule.ts';
import type { Interval } from './rule.ts';

/** L_i: input i's tangent ↦ its share of the output's tangent, linear in `dot`. */
export type TangentMapOf = (inputs: readonly Value[], out: Value, dot: Value) => Value;
/** L_iᵀ: the output's adjoint ↦ what input i's adjoint accumulates. */
export type AdjointMapOf = (inputs: readonly Value[], out: Value, bar: Value) => Value;

/**
 * What a matrix primitive declares: its output's shape, its primal on plain
 * values, and per input a linear tangent map and its transpose, written with
 * the toolkit's ops (so they differentiate again). The two must satisfy
 * ⟨Ū, L_i(V)⟩ = ⟨L_iᵀ(Ū), V⟩, which checkRule tests.
 *
 * @example
 * ```ts
 * // twice(X) = 2X: linear, so its tangent map is itself and equal to its transpose
 * const twice = defineMatrixPrimitive({
 *   name: 'twiceMatrix',
 *   shape: ([s]) => s ?? null,
 *   evaluate: ([x]) => mul(2, x as Matrix) as Matrix,
 *   tangents: [(_inputs, _out, dot) => mul(2, dot)],
 *   adjoints: [(_inputs, _out, bar) => mul(2, bar)],
 *   shapes: [[2, 2]],
 * });
 * console.log(grad((w: Mat) => sum(twice(w) as Mat))(ones(2)));
 * ```
 */
export interface MatrixDefinition {
  /** Letters and digits, starting with a letter. */
  readonly name: string;
  /** The output's shape ({ rows, cols }, or null for a number) from the inputs'; throw to refuse them, naming them. */
  readonly shape: (inputs: readonly Shape[]) => Shape;
  /** The primal on plain numbers and matrices. */
  readonly evaluate: (inputs: readonly Plain[]) => Plain;
  /** One tangent map per input. */
  readonly tangents: readonly TangentMapOf[];
  /** One adjoint map per input, the transpose of its tangent map. */
  readonly adjoints: readonly AdjointMapOf[];
  /** The formulas the docs show. Default: the name applied to X, and the rules as sums of L_i. */
  readonly latex?: MatrixLatex;
  /** The inputs' shapes checkRule samples at ([rows, cols], or null for a number). */
  readonly shapes?: readonly (readonly [number, number] | null)[];
  /** Where checkRule samples the entries of each input. Default [-2, 2]. */
  readonly domain?: readonly Interval[];
}

/** A matrix primitive's record as made by defineMatrixPrimitive: the rule traces see, and where checkRule samples. */
export interface UserMatrixRule extends MatrixRule<string> {
  readonly shapes: readonly (readonly [number, number] | null)[] | null;
  readonly domain: readonly Interval[];
}

/**
 * A user matrix primitive's op: its inputs in order.
 *
 * @example
 * ```ts
 * const op: MatrixOp = (x) => transpose(x as Mat); // what defineMatrixPrimitive returns has this type
 * ```
 */
export type MatrixOp = (...inputs: Value[]) => Value;

/**
 * Adds a matrix primitive through the same record as the built-in matrix
 * primitives (matmul, transpose, ...): forward mode sums L_i(Ẋ_i) over the
 * inputs, reverse mode adds L_iᵀ(Ȳ) into each input's adjoint, at any depth
 * of nesting. Like the built-in ones, it does not appear in trace, explain
 * or compile, which show scalar programs. The name is taken for the life of
 * the program; a matrix primitive takes no op code.
 *
 * @example
 * // C = a bᵀ for columns a, b: Ċ = ȧ bᵀ + a ḃᵀ; ā = C̄ b, b̄ = C̄ᵀ a
 * const outer = defineMatrixPrimitive({
 *   name: 'outer',
 *   shape: ([a, b]) => ({ rows: a?.rows ?? 1, cols: b?.rows ?? 1 }),
 *   evaluate: ([a, b]) => matmul(a as Matrix, transpose(b as Matrix)) as Matrix, // plain in, plain out
 *   tangents: [([, b], _c, da) => matmul(da, transpose(b)), ([a], _c, db) => matmul(a, transpose(db))],
 *   adjoints: [([, b], _c, bar) => matmul(bar, b), ([a], _c, bar) => matmul(transpose(bar), a)],
 *   shapes: [[3, 1], [2, 1]],
 * });
 */
export function defineMatrixPrimitive(definition: MatrixDefinition): MatrixOp {
  const d = definition as Partial<MatrixDefinition> | null;
  if (typeof d !== 'object' || d === null) {
    throw new TypeError(
      'wengert: defineMatrixPrimitive takes a record { name, shape, evaluate, tangents, ' +
        `adjoints, latex?, shapes?, domain? }; got ${describe(d)}`,
    );
  }
  const name = checkName(d.name, 'defineMatrixPrimitive');
  const fail = (what: string) => new TypeError(`wengert: defineMatrixPrimitive: ${name}: ${what}`);
  for (const key of ['shape', 'evaluate'] as const) {
    if (typeof d[key] !== 'function')
      throw fail(`${key} must be a function; got ${describe(d[key])}`);
  }
  const maps = (key: 'tangents' | 'adjoints'): readonly unknown[] => {
    const m: unknown = d[key];
    if (!Array.isArray(m) || m.length === 0) {
      throw fail(`${key} must be an array with one function per input; got ${describe(m)}`);
    }
    m.forEach((f, i) => {
      if (typeof f !== 'function') throw fail(`${key}[${i}] is not a function; got ${describe(f)}`);
    });
    return m;
  };
  const arity = maps('tangents').length;
  if (maps('adjoints').length !== arity) {
    throw fail(
      `${arity} tangent map${arity === 1 ? '' : 's'} but ${(d.adjoints as unknown[]).length} ` +
        'adjoint maps: declare one of each per input',
    );
  }
  const shapes = d.shapes ?? null;
  if (shapes !== null && (!Array.isArray(shapes) || shapes.length !== arity)) {
    throw fail(`shapes must hold one shape per input (${arity}); got ${JSON.stringify(shapes)}`);
  }
  const def = d as MatrixDefinition;
  const args = Array.from({ length: arity }, (_, i) => `X_{${i + 1}}`).join(', ');
  const rule: UserMatrixRule = {
    ...matrixRule<string, readonly Value[], Value, undefined>(
      {
        name,
        arity,
        shape: (inputs) => def.shape(inputs),
        evaluate: (inputs) => def.evaluate(inputs),
        tangents: def.tangents.map((t) => (inputs, out, dot) => t(inputs, out, dot)),
        adjoints: def.adjoints.map((a) => (inputs, out, bar) => a(inputs, out, bar)),
        latex: def.latex ?? {
          op: `Y = \\operatorname{${name}}(${args})`,
          forward: '\\dot{Y} = \\textstyle\\sum_i L_i(\\dot{X}_i)',
          reverse: '\\bar{X}_i \\mathrel{+}= L_i^{\\top}(\\bar{Y})',
        },
      },
      -1, // no op code: a matrix entry on the tape keeps its rule
    ),
    shapes,
    domain: d.domain ?? Array.from({ length: arity }, (): Interval => [-2, 2]),
  };
  const op: MatrixOp = (...inputs) => {
    if (inputs.length !== arity) {
      throw new TypeError(
        `wengert: ${name} takes ${arity} input${arity === 1 ? '' : 's'}, got ${inputs.length}`,
      );
    }
    return applyMatrix(rule, inputs, undefined);
  };
  Object.defineProperty(op, 'name', { value: name });
  addUserMatrixRule(rule, op);
  return op;
}
