/** @file The shape of a matrix primitive's record: its primal, a linear tangent map per input, and each map's transpose. */

import type { Matrix } from '../matrix/matrix.ts';
import type { Value } from '../value.ts';
import { type MatrixPrimitiveName, PRIMITIVE_NAMES, type PrimitiveName } from './names.ts';

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
 * A matrix primitive, declared once. Forward mode sums `tangents[i]` over
 * the inputs it follows; reverse mode adds `adjoints[i]` into input i's
 * adjoint. The two are transposes of each other: ⟨Ū, L(V)⟩ = ⟨Lᵀ(Ū), V⟩,
 * which the registry-wide tests check for every rule. Both are written
 * with the toolkit's own ops, so they can be differentiated again.
 */
export interface MatrixSpec<N extends MatrixPrimitiveName, P> {
  readonly name: N;
  readonly arity: 1 | 2;
  /** The output's shape, or an error that names the shapes it was given. */
  shape(inputs: readonly Shape[], params: P): Shape;
  /** The primal on plain values. */
  evaluate(inputs: readonly Plain[], params: P): Plain;
  readonly tangents: readonly TangentMap[];
  readonly adjoints: readonly AdjointMap[];
  readonly latex: MatrixLatex;
}

/**
 * A registered matrix primitive. `pullback` gives every input's adjoint
 * contribution at once (null where `wanted[i]` is false); rules built from
 * a spec apply `adjoints[i]`, and a checkpointed segment recomputes itself.
 */
export interface MatrixRule<N extends string = PrimitiveName> {
  readonly kind: 'matrix';
  readonly name: N;
  readonly arity: number;
  readonly id: number;
  shape(inputs: readonly Shape[], params: unknown): Shape;
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

/** Turns a matrix spec into a registered rule with its op code and its pullback. */
export function defineMatrix<N extends MatrixPrimitiveName, P>(
  spec: MatrixSpec<N, P>,
): MatrixRule<N> {
  return {
    kind: 'matrix',
    name: spec.name,
    arity: spec.arity,
    id: PRIMITIVE_NAMES.indexOf(spec.name),
    shape: spec.shape as MatrixRule['shape'],
    evaluate: spec.evaluate as MatrixRule['evaluate'],
    tangents: spec.tangents,
    pullback: (inputs, out, bar, params, wanted) =>
      spec.adjoints.map((adjoint, i) =>
        wanted[i] ? adjoint(inputs, out, bar, params as never) : null,
      ),
    latex: spec.latex,
  };
}
