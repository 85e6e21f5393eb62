/** @file The shape of a matrix primitive's record: its primal, a linear tangent map per input, and each map's transpose. */

import type {
  AdjointMap,
  MatrixLatex,
  MatrixRule,
  Plain,
  PlainOf,
  PlainsOf,
  Shape,
  ShapesOf,
  TangentMap,
} from '../core/rule.ts';
import type { Value } from '../core/value.ts';
import { type MatrixPrimitiveName, PRIMITIVE_NAMES } from './names.ts';

export type { AdjointMap, MatrixLatex, MatrixRule, Plain, Shape, TangentMap };

/**
 * A matrix primitive, declared once, typed by its inputs `In` (a tuple, so
 * a rule has exactly one tangent map and one adjoint map per input), its
 * output `Out` and its params `P`. Forward mode sums `tangents[i]` over the
 * inputs it follows; reverse mode adds `adjoints[i]` into input i's
 * adjoint. The two are transposes of each other: ⟨Ū, L(V)⟩ = ⟨Lᵀ(Ū), V⟩,
 * which the registry-wide tests check for every rule. Both are written
 * with the toolkit's own ops, so they can be differentiated again. A
 * tangent has its input's kind, an adjoint its output's.
 */
export interface MatrixSpec<N extends string, In extends readonly Value[], Out extends Value, P> {
  readonly name: N;
  readonly arity: In['length'];
  /** The output's shape, or an error that names the shapes it was given. */
  shape(inputs: ShapesOf<In>, params: P): Shape;
  /** The primal on plain values (`shape` has checked their kinds). */
  evaluate(inputs: PlainsOf<In>, params: P): PlainOf<Out>;
  readonly tangents: {
    readonly [I in keyof In]: (inputs: In, out: Out, dot: In[I], params: P) => Value;
  };
  readonly adjoints: {
    readonly [I in keyof In]: (inputs: In, out: Out, bar: Out, params: P) => Value;
  };
  /** Optional: input i's contribution added into a plain adjoint in place (see MatrixRule). */
  readonly accumulate?: MatrixRule<N, In, Out, P>['accumulate'];
  readonly latex: MatrixLatex;
}

/** Turns a matrix spec into a registered rule with its op code and its pullback. */
export function defineMatrix<
  N extends MatrixPrimitiveName,
  In extends readonly Value[],
  Out extends Value,
  P,
>(spec: MatrixSpec<N, In, Out, P>): MatrixRule<N, In, Out, P> {
  return matrixRule(spec, PRIMITIVE_NAMES.indexOf(spec.name));
}

/** A spec as the rule traces see, with op code `id`: the pullback runs the wanted adjoint maps. */
export function matrixRule<N extends string, In extends readonly Value[], Out extends Value, P>(
  spec: MatrixSpec<N, In, Out, P>,
  id: number,
): MatrixRule<N, In, Out, P> {
  const adjoints: readonly ((inputs: In, out: Out, bar: Out, params: P) => Value)[] = spec.adjoints;
  return {
    kind: 'matrix',
    name: spec.name,
    arity: spec.arity,
    id,
    shape: spec.shape,
    evaluate: spec.evaluate,
    // A trace calls tangent map i with input i's tangent, which has input i's kind.
    tangents: spec.tangents as readonly TangentMap[],
    pullback: (inputs, out, bar, params, wanted) =>
      adjoints.map((adjoint, i) => (wanted[i] ? adjoint(inputs, out, bar, params) : null)),
    ...(spec.accumulate === undefined ? {} : { accumulate: spec.accumulate }),
    latex: spec.latex,
  };
}
