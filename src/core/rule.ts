/** @file What a trace needs to know of a primitive: its primal, its local partials, and for matrices its linear maps. */

import type { Matrix } from './matrix.ts';
import type { Value } from './value.ts';

/**
 * A scalar primitive of one input, y = f(x). `partial(x, y)` is ∂y/∂x,
 * given the input and the output already computed; it is written with the
 * toolkit's ops, so it is itself differentiable and works on any value.
 * `elementwise` is the same primitive applied entry by entry to a matrix.
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
  readonly elementwise: MatrixRule;
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
  readonly elementwise: MatrixRule;
}

/** A matrix's shape; `null` is a scalar. */
export type Shape = { readonly rows: number; readonly cols: number } | null;

/** What a primitive's primal computes on: plain numbers and plain matrices. */
export type Plain = number | Matrix;

/**
 * L_i: input i's tangent ↦ its share of the output tangent. It is linear in
 * `dot`; `inputs` and `out` are the primal values it may depend on (B in
 * Ċ = Ȧ B), and `params` what the op was called with besides its operands.
 */
export type TangentMap = (inputs: readonly Value[], out: Value, dot: Value, params: never) => Value;

/** L_iᵀ: the output's adjoint ↦ what input i's adjoint accumulates (the transpose of L_i). */
export type AdjointMap = (inputs: readonly Value[], out: Value, bar: Value, params: never) => Value;

/** The three formulas the docs show for a matrix primitive. */
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
 */
export interface MatrixRule<N extends string = string> {
  readonly kind: 'matrix';
  readonly name: N;
  readonly arity: number;
  readonly id: number;
  /** The output's shape, or an error that names the shapes it was given. */
  shape(inputs: readonly Shape[], params: unknown): Shape;
  /** The primal on plain values. */
  evaluate(inputs: readonly Plain[], params: unknown): Plain;
  readonly tangents: readonly TangentMap[];
  pullback(
    inputs: readonly Value[],
    out: Value,
    bar: Value,
    params: unknown,
    wanted: readonly boolean[],
  ): (Value | null)[];
  readonly latex: MatrixLatex;
}
