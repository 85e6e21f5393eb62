/** @file The shape of a primitive record, and how one record becomes an op that every mode understands. */

import type { BinaryPrimitive, MatrixRule, UnaryPrimitive } from '../core/rule.ts';
import type { Mat, Num, Value } from '../core/value.ts';
import { liftBinary, liftUnary } from './elementwise.ts';
import { binaryLatex, type RuleLatex, unaryLatex } from './latex.ts';
import { type MatrixPrimitiveName, PRIMITIVE_NAMES, type ScalarPrimitiveName } from './names.ts';

/** A scalar op as user code calls it: on numbers and traced numbers, or entry by entry on a matrix. */
export interface UnaryOp {
  (x: Num): Num;
  (x: Mat): Mat;
  (x: Value): Value;
}

/** A binary op: on scalars, or elementwise when either operand is a matrix (the other broadcasts). */
export interface BinaryOp {
  (x: Num, y: Num): Num;
  (x: Mat, y: Value): Mat;
  (x: Value, y: Mat): Mat;
  (x: Value, y: Value): Value;
}

/** A closed interval `[lo, hi]` that tests sample an argument from. */
export type Interval = readonly [number, number];

/**
 * y = f(x). `partial(x, y)` is ∂y/∂x, given the input and the output already
 * computed. It is written with the toolkit's ops, so it also works entry by
 * entry on matrices: that is how the elementwise lift reuses it.
 */
export interface UnarySpec<N extends ScalarPrimitiveName> {
  readonly name: N;
  readonly primal: (x: number) => number;
  readonly partial: (x: Value, y: Value) => Value;
  readonly latex: { readonly op: string; readonly partial: string };
  readonly domain: readonly [Interval];
}

/** z = f(x, y). `partials[i](x, y, z)` is ∂z/∂(input i). */
export interface BinarySpec<N extends ScalarPrimitiveName> {
  readonly name: N;
  readonly primal: (x: number, y: number) => number;
  readonly partials: readonly [
    (x: Value, y: Value, z: Value) => Value,
    (x: Value, y: Value, z: Value) => Value,
  ];
  readonly latex: { readonly op: string; readonly partials: readonly [string, string] };
  readonly domain: readonly [Interval, Interval];
}

/** A registered unary primitive: its spec, its op code, its rendered rules and the op itself. */
export interface UnaryRule<N extends ScalarPrimitiveName = ScalarPrimitiveName>
  extends Omit<UnarySpec<N>, 'latex'>,
    UnaryPrimitive {
  readonly name: N;
  readonly kind: 'scalar';
  readonly latex: RuleLatex;
}

/** A registered binary primitive. */
export interface BinaryRule<N extends ScalarPrimitiveName = ScalarPrimitiveName>
  extends Omit<BinarySpec<N>, 'latex'>,
    BinaryPrimitive {
  readonly name: N;
  readonly kind: 'scalar';
  readonly latex: RuleLatex;
}

/** A scalar primitive: its local partials are numbers (or traced numbers). */
export type ScalarRule<N extends ScalarPrimitiveName = ScalarPrimitiveName> =
  | UnaryRule<N>
  | BinaryRule<N>;

/** Any registered primitive. */
export type Rule = ScalarRule | MatrixRule<MatrixPrimitiveName>;

/** Turns a unary spec into a registered rule: its op code and its rendered LaTeX rules. */
export function defineUnary<N extends ScalarPrimitiveName>(spec: UnarySpec<N>): UnaryRule<N> {
  const rule: UnaryRule<N> = {
    ...spec,
    kind: 'scalar',
    arity: 1,
    id: PRIMITIVE_NAMES.indexOf(spec.name),
    latex: unaryLatex(spec.latex.op, spec.latex.partial),
    // made on first use: the lift is built from other primitives' ops
    get elementwise(): MatrixRule {
      return liftUnary(rule);
    },
  };
  return rule;
}

/** Turns a binary spec into a registered rule: its op code and its rendered LaTeX rules. */
export function defineBinary<N extends ScalarPrimitiveName>(spec: BinarySpec<N>): BinaryRule<N> {
  const rule: BinaryRule<N> = {
    ...spec,
    kind: 'scalar',
    arity: 2,
    id: PRIMITIVE_NAMES.indexOf(spec.name),
    latex: binaryLatex(spec.latex.op, spec.latex.partials),
    get elementwise(): MatrixRule {
      return liftBinary(rule);
    },
  };
  return rule;
}
