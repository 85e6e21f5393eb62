/** @file The shape of a primitive record, and how one record becomes an op that every mode understands. */

import { type Dual, pushBinary, pushUnary } from '../forward/dual.ts';
import { badOperand } from '../operand.ts';
import { recordBinary, recordUnary } from '../reverse/record.ts';
import type { TapeVar } from '../reverse/tape-var.ts';
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

/**
 * Turns a unary spec into a rule. The op it returns is the only entry point:
 * plain numbers take the fast path, traced values go to the mode of their trace.
 */
export function defineUnary<N extends PrimitiveName>(spec: UnarySpec<N>): UnaryRule<N> {
  return {
    ...spec,
    arity: 1,
    id: PRIMITIVE_NAMES.indexOf(spec.name),
    latex: unaryLatex(spec.latex.op, spec.latex.partial),
  };
}

/**
 * Applies a unary rule: plain numbers take the fast path, traced values go
 * to the mode of their trace.
 *
 * Each exported op is its own small function that tries `rule.primal` on
 * plain numbers before calling here: a call site that only ever sees one
 * primitive is one V8 can inline, while the call here sees them all.
 */
export function applyUnary(rule: UnaryRule, x: Num): Num {
  if (typeof x === 'number') return rule.primal(x);
  // `mode` (not instanceof, which is slow on this hot path) tells the two
  // kinds of traced value apart; anything else is a caller's mistake.
  if (x?.mode === 'reverse') return recordUnary(rule, x);
  if (x?.mode === 'forward') return pushUnary(rule, x);
  throw badOperand(rule.name, x, 0);
}

/**
 * Turns a binary spec into a rule. With two traced operands the innermost
 * trace (largest tag) is served first; the other operand is its constant.
 */
export function defineBinary<N extends PrimitiveName>(spec: BinarySpec<N>): BinaryRule<N> {
  return {
    ...spec,
    arity: 2,
    id: PRIMITIVE_NAMES.indexOf(spec.name),
    latex: binaryLatex(spec.latex.op, spec.latex.partials),
  };
}

/**
 * Applies a binary rule. With two traced operands the innermost trace
 * (largest tag) is served first; the other operand is its constant.
 */
export function applyBinary(rule: BinaryRule, x: Num, y: Num): Num {
  if (typeof x === 'number') {
    return typeof y === 'number' ? rule.primal(x, y) : serve(rule, y, 1, x, y);
  }
  if (typeof y === 'number') return serve(rule, x, 0, x, y);
  const xTag = x?.trace?.tag ?? Number.NaN;
  const yTag = y?.trace?.tag ?? Number.NaN;
  return yTag > xTag ? serve(rule, y, 1, x, y) : serve(rule, x, 0, x, y);
}

/** Hands a binary application to the mode of `top`, the operand of the innermost trace. */
function serve(rule: BinaryRule, top: Dual | TapeVar, position: number, x: Num, y: Num): Num {
  if (top?.mode === 'reverse') return recordBinary(rule, top.trace, x, y);
  if (top?.mode === 'forward') return pushBinary(rule, top.trace, x, y);
  throw badOperand(rule.name, top, position);
}
