/** @file definePrimitive: a user's scalar primitive, made of the same record as the built-ins and registered under the next op code. */

import { applyBinary, applyUnary } from '../core/apply.ts';
import type { Value } from '../core/value.ts';
import { checkedSpec } from './define-checks.ts';
import { addUserRule, nextUserId } from './lookup.ts';
import { defaultNotation } from './notation.ts';
import {
  type BinaryOp,
  type BinaryRule,
  binaryRule,
  type Interval,
  type UnaryOp,
  type UnaryRule,
  unaryRule,
} from './rule.ts';

/**
 * What a primitive of one input declares: the built-in records' fields, most of them optional.
 *
 * @example
 * ```ts
 * const cube: UnaryDefinition = {
 *   name: 'cube',
 *   primal: (x) => x * x * x,
 *   partial: (x) => mul(3, mul(x, x)), // ∂y/∂x = 3x², with the toolkit's ops
 * };
 * console.log(grad(definePrimitive(cube))(2)); // 12
 * ```
 */
export interface UnaryDefinition {
  /** Letters and digits, starting with a letter: it names the op in formulas, tables and messages. */
  readonly name: string;
  readonly primal: (x: number) => number;
  /** ∂y/∂x given the input x and the output y, written with the toolkit's ops (so it differentiates again). */
  readonly partial: (x: Value, y: Value) => Value;
  /** Where checkRule samples the input. Default [-2, 2]. */
  readonly domain?: readonly [Interval];
  /** The operation in LaTeX, in x. Default `\operatorname{name}(x)`. */
  readonly notation?: string;
  /** The primal as a JavaScript expression in x, for generated code (`'Math.log1p(Math.exp(x))'`); checked against `primal`. */
  readonly source?: string;
  /** True when `partial` is on purpose not the primal's derivative (a straight-through estimator). */
  readonly surrogate?: boolean;
}

/**
 * What a primitive of two inputs declares; `partials[i](x, y, z)` is ∂z/∂(input i).
 *
 * @example
 * ```ts
 * const hypot: BinaryDefinition = {
 *   name: 'hypot',
 *   primal: (x, y) => Math.hypot(x, y),
 *   partials: [(x, _y, z) => div(x, z), (_x, y, z) => div(y, z)], // x/z and y/z, z = √(x² + y²)
 * };
 * console.log(grad(([x, y]: Num[]) => definePrimitive(hypot)(x, y))([3, 4])); // [0.6, 0.8]
 * ```
 */
export interface BinaryDefinition {
  readonly name: string;
  readonly primal: (x: number, y: number) => number;
  readonly partials: readonly [
    (x: Value, y: Value, z: Value) => Value,
    (x: Value, y: Value, z: Value) => Value,
  ];
  /** Default [-2, 2] for each input. */
  readonly domain?: readonly [Interval, Interval];
  /** Default `\operatorname{name}(x, y)`. */
  readonly notation?: string;
  /** The primal as a JavaScript expression in x and y. */
  readonly source?: string;
  readonly surrogate?: boolean;
}

/** The interval checkRule samples an input from when the definition gives none. */
const DEFAULT_INTERVAL: Interval = [-2, 2];

/**
 * Adds a scalar primitive of one or two inputs, declared as the built-in
 * records are: its primal on numbers and its local partials written with
 * the toolkit's ops (`partial` for one input, `partials` for two). The op it
 * returns works like a built-in one: on numbers, in forward and reverse
 * mode at any depth of nesting, entry by entry on matrices (binary ones
 * with broadcasting), in trace, explain, compile and (given `source`)
 * adjointSource and tangentSource, and `ruleLatex` renders its rules by
 * running its partials on symbols. It takes the next free op code; a name
 * is one primitive for the life of the program.
 *
 * @example
 * // softplus(x) = ln(1 + eˣ); d softplus(x) = σ(x) dx
 * const softplus = definePrimitive({
 *   name: 'softplus',
 *   primal: (x) => Math.log1p(Math.exp(x)),
 *   partial: (x) => sigmoid(x),
 *   source: 'Math.log1p(Math.exp(x))',
 * });
 * grad(softplus)(0); // 0.5
 * checkRule(softplus).ok; // true
 */
export function definePrimitive(definition: UnaryDefinition): UnaryOp;
export function definePrimitive(definition: BinaryDefinition): BinaryOp;
export function definePrimitive(
  definition: UnaryDefinition | BinaryDefinition,
): UnaryOp | BinaryOp {
  const spec = checkedSpec(definition);
  const id = nextUserId();
  if (id === null) {
    throw new RangeError(
      `wengert: definePrimitive: no op code is left for ${spec.name}: the tape stores op codes ` +
        'in one byte, and every code after the built-ins is taken by an earlier definePrimitive',
    );
  }
  const common = {
    name: spec.name,
    notation: spec.notation ?? defaultNotation(spec.name, spec.arity),
    ...(spec.source === undefined ? {} : { source: spec.source }),
    ...(spec.surrogate === undefined ? {} : { surrogate: spec.surrogate }),
  };
  if (spec.arity === 1) {
    const rule: UnaryRule<string> = unaryRule(
      {
        ...common,
        primal: spec.primal,
        partial: spec.partial,
        domain: spec.domain ?? [DEFAULT_INTERVAL],
      },
      id,
    );
    const op = named(spec.name, (x: Value) =>
      typeof x === 'number' ? rule.primal(x) : applyUnary(rule, x),
    ) as UnaryOp;
    addUserRule(rule, op);
    return op;
  }
  const rule: BinaryRule<string> = binaryRule(
    {
      ...common,
      primal: spec.primal,
      partials: spec.partials,
      domain: spec.domain ?? [DEFAULT_INTERVAL, DEFAULT_INTERVAL],
    },
    id,
  );
  const op = named(spec.name, (x: Value, y: Value) =>
    typeof x === 'number' && typeof y === 'number' ? rule.primal(x, y) : applyBinary(rule, x, y),
  ) as BinaryOp;
  addUserRule(rule, op);
  return op;
}

/** The function, with `name` as its name (in stack traces and the console). */
function named<F extends (...args: never[]) => unknown>(name: string, f: F): F {
  return Object.defineProperty(f, 'name', { value: name });
}
