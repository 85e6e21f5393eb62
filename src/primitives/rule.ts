/** @file The shape of a primitive record, and how one record becomes an op that every mode understands. */

import { Dual, pushBinary, pushUnary } from '../forward/dual.ts';
import { badOperand } from '../operand.ts';
import { recordBinary, recordUnary } from '../reverse/record.ts';
import { TapeVar } from '../reverse/tape-var.ts';
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
  /** The op: evaluates on numbers, pushes tangents through duals, records on tapes. */
  readonly apply: (x: Num) => Num;
}

/** A registered binary primitive. */
export interface BinaryRule<N extends PrimitiveName = PrimitiveName>
  extends Omit<BinarySpec<N>, 'latex'> {
  readonly arity: 2;
  readonly id: number;
  readonly latex: RuleLatex;
  readonly apply: (x: Num, y: Num) => Num;
}

export type Rule<N extends PrimitiveName = PrimitiveName> = UnaryRule<N> | BinaryRule<N>;

/**
 * Turns a unary spec into a rule. The op it returns is the only entry point:
 * plain numbers take the fast path, traced values go to the mode of their trace.
 */
export function defineUnary<N extends PrimitiveName>(spec: UnarySpec<N>): UnaryRule<N> {
  const primal = spec.primal;
  const rule: UnaryRule<N> = {
    ...spec,
    arity: 1,
    id: PRIMITIVE_NAMES.indexOf(spec.name),
    latex: unaryLatex(spec.latex.op, spec.latex.partial),
    apply: (x) => {
      if (typeof x === 'number') return primal(x);
      if (x instanceof TapeVar) return recordUnary(rule, x);
      if (x instanceof Dual) return pushUnary(rule, x);
      throw badOperand(spec.name, x, 0);
    },
  };
  return rule;
}

/**
 * Turns a binary spec into a rule. With two traced operands the innermost
 * trace (largest tag) is served first; the other operand is its constant.
 */
export function defineBinary<N extends PrimitiveName>(spec: BinarySpec<N>): BinaryRule<N> {
  const primal = spec.primal;
  const rule: BinaryRule<N> = {
    ...spec,
    arity: 2,
    id: PRIMITIVE_NAMES.indexOf(spec.name),
    latex: binaryLatex(spec.latex.op, spec.latex.partials),
    apply: (x, y) => {
      if (typeof x === 'number' && typeof y === 'number') return primal(x, y);
      const top = innermost(spec.name, x, y);
      return top instanceof TapeVar
        ? recordBinary(rule, top.trace, x, y)
        : pushBinary(rule, top.trace, x, y);
    },
  };
  return rule;
}

/** The operand whose trace is innermost (largest tag); numbers have no trace. */
function innermost(op: string, x: Num, y: Num): Dual | TapeVar {
  const xt = x instanceof Dual || x instanceof TapeVar ? x : undefined;
  const yt = y instanceof Dual || y instanceof TapeVar ? y : undefined;
  if (xt === undefined && typeof x !== 'number') throw badOperand(op, x, 0);
  if (yt === undefined && typeof y !== 'number') throw badOperand(op, y, 1);
  if (xt === undefined) return yt as Dual | TapeVar;
  if (yt === undefined) return xt;
  return xt.trace.tag >= yt.trace.tag ? xt : yt;
}
