/** @file The shape of a primitive record, and how one record becomes an op that every mode understands. */

import type { Num } from '../value.ts';
import { binaryLatex, type RuleLatex, unaryLatex } from './latex.ts';
import { PRIMITIVE_NAMES, type PrimitiveName } from './names.ts';

/** An op on numbers and traced values, as user code calls it. */
export type UnaryOp = (x: Num) => Num;
export type BinaryOp = (x: Num, y: Num) => Num;

/** A closed interval `[lo, hi]` that tests sample an argument from. */
export type Interval = readonly [number, number];

/** y = f(x). `partial(x, y)` is ∂y/∂x, given the input and the output already computed. */
export interface UnarySpec<N extends PrimitiveName> {
  readonly name: N;
  readonly primal: (x: number) => number;
  readonly partial: (x: Num, y: Num) => Num;
  readonly latex: { readonly op: string; readonly partial: string };
  readonly domain: readonly [Interval];
}

/** z = f(x, y). `partials[i](x, y, z)` is ∂z/∂(input i). */
export interface BinarySpec<N extends PrimitiveName> {
  readonly name: N;
  readonly primal: (x: number, y: number) => number;
  readonly partials: readonly [(x: Num, y: Num, z: Num) => Num, (x: Num, y: Num, z: Num) => Num];
  readonly latex: { readonly op: string; readonly partials: readonly [string, string] };
  readonly domain: readonly [Interval, Interval];
}

/** A registered unary primitive: its spec, its op code, its rendered rules and the op itself. */
export interface UnaryRule<N extends PrimitiveName = PrimitiveName>
  extends Omit<UnarySpec<N>, 'latex'> {
  readonly arity: 1;
  readonly id: number;
  readonly latex: RuleLatex;
}

/** A registered binary primitive. */
export interface BinaryRule<N extends PrimitiveName = PrimitiveName>
  extends Omit<BinarySpec<N>, 'latex'> {
  readonly arity: 2;
  readonly id: number;
  readonly latex: RuleLatex;
}

export type Rule<N extends PrimitiveName = PrimitiveName> = UnaryRule<N> | BinaryRule<N>;

/** Turns a unary spec into a registered rule: its op code and its rendered LaTeX rules. */
export function defineUnary<N extends PrimitiveName>(spec: UnarySpec<N>): UnaryRule<N> {
  return {
    ...spec,
    arity: 1,
    id: PRIMITIVE_NAMES.indexOf(spec.name),
    latex: unaryLatex(spec.latex.op, spec.latex.partial),
  };
}

/** Turns a binary spec into a registered rule: its op code and its rendered LaTeX rules. */
export function defineBinary<N extends PrimitiveName>(spec: BinarySpec<N>): BinaryRule<N> {
  return {
    ...spec,
    arity: 2,
    id: PRIMITIVE_NAMES.indexOf(spec.name),
    latex: binaryLatex(spec.latex.op, spec.latex.partials),
  };
}
