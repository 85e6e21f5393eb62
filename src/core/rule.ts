/** @file What a trace needs to know of a primitive: its primal, its local partials, and for matrices its linear maps. */

import type { Matrix } from './matrix.ts';
import type { Mat, Num, Value } from './value.ts';

/**
 * A scalar primitive of one input, y = f(x). `partial(x, y)` is ∂y/∂x,
 * given the input and the output already computed; it is written with the
 * toolkit's ops, so it is itself differentiable and works on any value.
 * `elementwise()` is the same primitive applied entry by entry to a matrix.
 */
export interface UnaryPrimitive {
  readonly name: string;
  /** The op code a tape stores for this primitive. */
  readonly id: number;
  readonly arity: 1;
  readonly primal: (x: number) => number;
  readonly partial: (x: Value, y: Value) => Value;
  /** The operation in LaTeX, in x (`\\sin x`): how a formula shows an application. */
  readonly notation: string;
  readonly elementwise: () => MatrixRule;
}

/** A scalar primitive of two inputs, z = f(x, y), with `partials[i](x, y, z)` = ∂z/∂(input i). */
export interface BinaryPrimitive {
  readonly name: string;
  readonly id: number;
  readonly arity: 2;
  readonly primal: (x: number, y: number) => number;
  readonly partials: readonly [
    (x: Value, y: Value, z: Value) => Value,
    (x: Value, y: Value, z: Value) => Value,
  ];
  /** The operation in LaTeX, in x and y (`\\frac{x}{y}`). */
  readonly notation: string;
  readonly elementwise: () => MatrixRule;
}

/**
 * A matrix's shape; `null` is a scalar.
 *
 * @example
 * ```ts
 * const column: Shape = { rows: 3, cols: 1 };
 * const scalar: Shape = null; // what dot and sum return
 * ```
 */
export type Shape = { readonly rows: number; readonly cols: number } | null;

/** What a primitive's primal computes on: plain numbers and plain matrices. */
export type Plain = number | Matrix;

/** The plain value of a value of kind V: a `Matrix` for a matrix, a number for a number. */
export type PlainOf<V> = V extends Mat ? Matrix : V extends Num ? number : never;

/** Each input's shape, one per input (unchecked: `shape` is where a wrong kind is reported). */
export type ShapesOf<In extends readonly Value[]> = { readonly [I in keyof In]: Shape };

/** Each input's plain value, one per input, of the kind the rule declares. */
export type PlainsOf<In extends readonly Value[]> = { readonly [I in keyof In]: PlainOf<In[I]> };

/**
 * L_i: input i's tangent ↦ its share of the output tangent. It is linear in
 * `dot`; `inputs` and `out` are the primal values it may depend on (B in
 * Ċ = Ȧ B), and `params` what the op was called with besides its operands.
 */
export type TangentMap = (inputs: readonly Value[], out: Value, dot: Value, params: never) => Value;

/** L_iᵀ: the output's adjoint ↦ what input i's adjoint accumulates (the transpose of L_i). */
export type AdjointMap = (inputs: readonly Value[], out: Value, bar: Value, params: never) => Value;

/**
 * The three formulas the docs show for a matrix primitive.
 *
 * @example
 * ```ts
 * console.log(registry.matmul.latex.reverse); // what the docs show for matmul's adjoints
 * ```
 */
export interface MatrixLatex {
  readonly op: string;
  readonly forward: string;
  readonly reverse: string;
}

/**
 * A matrix primitive. Forward mode sums `tangents[i]` over the inputs it
 * follows; reverse mode adds what `pullback` gives into each input's
 * adjoint (null where `wanted[i]` is false). The two are transposes of each
 * other: ⟨Ū, L(V)⟩ = ⟨Lᵀ(Ū), V⟩.
 *
 * `In` (a tuple: `[Mat, Mat]` for matmul), `Out` and `P` are the kinds of its
 * inputs, its output and its params, which `applyMatrix` checks at each op;
 * traces see the default, untyped view (a typed rule is assignable to it).
 *
 * @example
 * ```ts
 * const rule: MatrixRule = registry.transpose;
 * console.log(rule.name, rule.arity, rule.latex.op);
 * ```
 */
export interface MatrixRule<
  N extends string = string,
  In extends readonly Value[] = readonly Value[],
  Out extends Value = Value,
  P = unknown,
> {
  readonly kind: 'matrix';
  readonly name: N;
  readonly arity: number;
  readonly id: number;
  /** The output's shape, or an error that names the shapes it was given. */
  shape(inputs: ShapesOf<In>, params: P): Shape;
  /** The primal on plain values. */
  evaluate(inputs: PlainsOf<In>, params: P): PlainOf<Out>;
  readonly tangents: readonly TangentMap[];
  pullback(inputs: In, out: Out, bar: Out, params: P, wanted: readonly boolean[]): (Value | null)[];
  /**
   * Optional: adds input i's contribution (what `pullback` would give) into
   * `into`, a plain adjoint the reverse sweep owns, in place. For a rule
   * whose contribution is mostly zeros (slice's) this spares a matrix of
   * zeros and an addition. The sweep calls it on plain values only.
   */
  accumulate?(into: Matrix, inputs: In, out: Out, bar: Matrix, params: P, i: number): void;
  readonly latex: MatrixLatex;
}
