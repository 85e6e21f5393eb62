/** @file What a name in an expression can mean: a scalar primitive, a constant, or else a variable. */

import { SCALAR_PRIMITIVE_NAMES, type ScalarPrimitiveName } from '../primitives/names.ts';
import { ops } from '../primitives/ops.ts';
import { registry } from '../primitives/registry.ts';
import type { BinaryOp, UnaryOp } from '../primitives/rule.ts';

/** The constants an expression may name. They are reserved: no variable can be called `pi` or `e`. */
export const CONSTANTS: Readonly<Record<string, number>> = { pi: Math.PI, e: Math.E };

/** A callable primitive with the op that applies it. */
export type Callable =
  | { readonly name: ScalarPrimitiveName; readonly arity: 1; readonly op: UnaryOp }
  | { readonly name: ScalarPrimitiveName; readonly arity: 2; readonly op: BinaryOp };

/** The registry primitive called `name`, if there is one (own keys only: `constructor` is not a primitive). */
export function callable(name: string): Callable | undefined {
  if (!isScalarPrimitiveName(name)) return undefined;
  const key = name;
  // `registry` and `ops` are both keyed by primitive name and checked complete
  // by the compiler, but TypeScript cannot tie the arity of registry[key] to
  // the type of ops[key] for a key it only knows as the union; the registry's
  // arity is the fact, and the op is typed from it.
  return registry[key].arity === 1
    ? { name: key, arity: 1, op: ops[key] as UnaryOp }
    : { name: key, arity: 2, op: ops[key] as BinaryOp };
}

function isScalarPrimitiveName(name: string): name is ScalarPrimitiveName {
  return SCALAR_PRIMITIVE_NAMES.some((n) => n === name);
}

/** The value of a named constant (`pi`, `e`), if `name` is one (own keys only). */
export function constantValue(name: string): number | undefined {
  return Object.hasOwn(CONSTANTS, name) ? CONSTANTS[name] : undefined;
}

/** True for names that cannot be variables: constants and functions. */
export function isReserved(name: string): boolean {
  return Object.hasOwn(CONSTANTS, name) || callable(name) !== undefined;
}

/** Names people bring from other notations, and the primitive that computes the same thing. */
const ALIASES: Readonly<Record<string, ScalarPrimitiveName>> = {
  ln: 'log',
  arcsin: 'asin',
  arccos: 'acos',
  arctan: 'atan',
  arctan2: 'atan2',
  power: 'pow',
  maximum: 'max',
  minimum: 'min',
};

/** The edit distance between a and b (insertions, deletions, substitutions). */
function distance(a: string, b: string): number {
  // One row of the table at a time: previous[j] is the distance between
  // a's first i − 1 characters and b's first j; `left` is the entry being made.
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  let left = b.length;
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let diagonal = i - 1;
    left = i;
    for (const [j, up] of previous.slice(1).entries()) {
      left = Math.min(diagonal + (a[i - 1] === b[j] ? 0 : 1), up + 1, left + 1);
      row.push(left);
      diagonal = up;
    }
    previous = row;
  }
  return left;
}

/**
 * Primitive names close to `name`, best first: the same name in another
 * case alone, else a known alias, then names within two edits (one for
 * names of up to three letters, where two edits reach almost everything),
 * at most three.
 *
 * @example
 * closeFunctions('sinn'); // ['sin', 'sinh', 'asin']
 * closeFunctions('Exp'); // ['exp']
 * closeFunctions('ln'); // ['log']
 */
export function closeFunctions(name: string): ScalarPrimitiveName[] {
  // A name that differs only in case (Sin, EXP) has one obvious intent.
  const folded = SCALAR_PRIMITIVE_NAMES.find((p) => p === name.toLowerCase());
  if (folded !== undefined) return [folded];
  const alias = Object.hasOwn(ALIASES, name) ? ALIASES[name] : undefined;
  const limit = name.length <= 3 ? 1 : 2;
  const near = SCALAR_PRIMITIVE_NAMES.map((p) => ({ p, d: distance(name, p) }))
    .filter(({ p, d }) => d <= limit && p !== alias)
    .sort((a, b) => a.d - b.d || a.p.localeCompare(b.p))
    .map(({ p }) => p);
  return (alias === undefined ? near : [alias, ...near]).slice(0, 3);
}

/** Every callable name, alphabetically, for messages that list them. */
export function functionList(): string {
  return [...SCALAR_PRIMITIVE_NAMES].sort().join(', ');
}
