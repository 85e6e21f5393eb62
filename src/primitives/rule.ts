/** @file The shape of a primitive record, and how one record becomes an op that every mode understands. */

import type { BinaryPrimitive, MatrixRule, UnaryPrimitive } from '../core/rule.ts';
import type { Mat, Num, Value } from '../core/value.ts';
import { liftBinary, liftUnary } from './elementwise.ts';
import { type MatrixPrimitiveName, PRIMITIVE_NAMES, type ScalarPrimitiveName } from './names.ts';

/**
 * A scalar op as user code calls it: on numbers and traced numbers, or entry by entry on a matrix.
 *
 * @example
 * ```ts
 * const unary: UnaryOp[] = [sin, exp, relu]; // each takes numbers, traced or not, and matrices
 * console.log(unary.map((op) => op(0)));
 * ```
 */
export interface UnaryOp {
  (x: Num): Num;
  (x: Mat): Mat;
  (x: Value): Value;
}

/**
 * A binary op: on scalars, or elementwise when either operand is a matrix (the other broadcasts).
 *
 * @example
 * ```ts
 * const combine: BinaryOp = add;
 * console.log(combine(1, 2), combine(eye(2), 1)); // 3, and 1 added to every entry
 * ```
 */
export interface BinaryOp {
  (x: Num, y: Num): Num;
  (x: Mat, y: Value): Mat;
  (x: Value, y: Mat): Mat;
  (x: Value, y: Value): Value;
}

/**
 * A closed interval `[lo, hi]` that tests sample an argument from.
 *
 * @example
 * ```ts
 * const unit: Interval = [-1, 1]; // asin's domain for checkRule
 * console.log(checkRule(asin, { samples: 3 }).ok);
 * ```
 */
export type Interval = readonly [number, number];

/**
 * y = f(x). `partial(x, y)` is ∂y/∂x, given the input and the output already
 * computed. It is written with the toolkit's ops, so it also works entry by
 * entry on matrices: that is how the elementwise lift reuses it.
 */
export interface UnarySpec<N extends string> {
  readonly name: N;
  readonly primal: (x: number) => number;
  readonly partial: (x: Value, y: Value) => Value;
  /** The operation in LaTeX, in x: `\\sin x`. Its rules are rendered by running `partial` on symbols. */
  readonly notation: string;
  readonly domain: readonly [Interval];
  /**
   * The primal as a JavaScript expression in x, for generated source: a
   * user's primitive carries it here, the built-ins keep theirs in
   * PRIMAL_SOURCE (src/symbolic/typescript.ts).
   */
  readonly source?: string;
  /**
   * True when the partials are on purpose not the derivatives of `primal`
   * (stopGradient's 0, a straight-through estimator's 1): the checks that
   * compare them with finite differences of the primal skip such a rule,
   * and every other check (the modes agree, the partials differentiate
   * again) still applies.
   */
  readonly surrogate?: boolean;
}

/** z = f(x, y). `partials[i](x, y, z)` is ∂z/∂(input i). */
export interface BinarySpec<N extends string> {
  readonly name: N;
  readonly primal: (x: number, y: number) => number;
  readonly partials: readonly [
    (x: Value, y: Value, z: Value) => Value,
    (x: Value, y: Value, z: Value) => Value,
  ];
  /** The operation in LaTeX, in x and y: `\\frac{x}{y}`. */
  readonly notation: string;
  readonly domain: readonly [Interval, Interval];
  /** The primal as a JavaScript expression in x and y, as for a unary spec. */
  readonly source?: string;
  /** True when the partials are on purpose not the primal's derivatives, as for a unary spec. */
  readonly surrogate?: boolean;
}

/**
 * A registered unary primitive: its spec, its op code and its elementwise
 * form. `N` is a built-in's name; a primitive made with `definePrimitive`
 * is a `UnaryRule<string>`.
 *
 * @example
 * ```ts
 * const rule: UnaryRule = registry.exp;
 * console.log(rule.name, rule.notation, rule.domain);
 * ```
 */
export interface UnaryRule<N extends string = ScalarPrimitiveName>
  extends UnarySpec<N>,
    UnaryPrimitive {
  readonly name: N;
  readonly kind: 'scalar';
}

/**
 * A registered binary primitive.
 *
 * @example
 * ```ts
 * const rule: BinaryRule = registry.div;
 * console.log(rule.name, rule.notation, rule.partials.length);
 * ```
 */
export interface BinaryRule<N extends string = ScalarPrimitiveName>
  extends BinarySpec<N>,
    BinaryPrimitive {
  readonly name: N;
  readonly kind: 'scalar';
}

/**
 * A scalar primitive: its local partials are numbers (or traced numbers).
 *
 * @example
 * ```ts
 * const scalar: ScalarRule[] = [registry.sin, registry.mul];
 * console.log(scalar.map((r) => r.kind)); // ['scalar', 'scalar']
 * ```
 */
export type ScalarRule<N extends string = ScalarPrimitiveName> = UnaryRule<N> | BinaryRule<N>;

/**
 * Any registered primitive.
 *
 * @example
 * ```ts
 * const kinds = new Set(rules.map((r: Rule) => r.kind));
 * console.log(kinds); // scalar and matrix
 * ```
 */
export type Rule = ScalarRule | MatrixRule<MatrixPrimitiveName>;

/** Turns a unary spec into a registered rule: its op code and its elementwise form. */
export function defineUnary<N extends ScalarPrimitiveName>(spec: UnarySpec<N>): UnaryRule<N> {
  return unaryRule(spec, PRIMITIVE_NAMES.indexOf(spec.name));
}

/** Turns a binary spec into a registered rule: its op code and its elementwise form. */
export function defineBinary<N extends ScalarPrimitiveName>(spec: BinarySpec<N>): BinaryRule<N> {
  return binaryRule(spec, PRIMITIVE_NAMES.indexOf(spec.name));
}

/** The record of a unary spec with op code `id` (a built-in's place in PRIMITIVE_NAMES, or a user primitive's code). */
export function unaryRule<N extends string>(spec: UnarySpec<N>, id: number): UnaryRule<N> {
  const rule: UnaryRule<N> = {
    ...spec,
    kind: 'scalar',
    arity: 1,
    id,
    // a method, not a getter: an accessor on the record stops V8 from
    // treating its fields as constants, and every op got slower (measured);
    // the lift is made on first use, from other primitives' ops
    elementwise: () => liftUnary(rule),
  };
  return rule;
}

/** The record of a binary spec with op code `id`. */
export function binaryRule<N extends string>(spec: BinarySpec<N>, id: number): BinaryRule<N> {
  const rule: BinaryRule<N> = {
    ...spec,
    kind: 'scalar',
    arity: 2,
    id,
    elementwise: () => liftBinary(rule),
  };
  return rule;
}
