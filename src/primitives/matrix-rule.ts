/** @file The shape of a matrix primitive's record: its primal, a linear tangent map per input, and each map's transpose. */

import type {
  AdjointMap,
  MatrixLatex,
  MatrixRule,
  Plain,
  Shape,
  TangentMap,
} from '../core/rule.ts';
import { type MatrixPrimitiveName, PRIMITIVE_NAMES } from './names.ts';

export type { AdjointMap, MatrixLatex, MatrixRule, Plain, Shape, TangentMap };

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
