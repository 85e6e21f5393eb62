/** @file Finding a primitive's record by op code, by name or by its op: the built-in registry, then the primitives users defined. */

import type { MatrixRule } from './matrix-rule.ts';
import { PRIMITIVE_NAMES } from './names.ts';
import { ops } from './ops.ts';
import { registry, scalarRules } from './registry.ts';
import type { ScalarRule } from './rule.ts';

/** The first op code after the built-ins': user primitives are numbered from here. */
export const FIRST_USER_ID = PRIMITIVE_NAMES.length;

/**
 * The last op code a primitive can have. The tape stores op codes in one
 * byte and keeps 253, 254 and 255 for comparisons, matrix entries and
 * inputs (COMPARE_OP, MATRIX_OP, INPUT_OP in src/reverse/tape.ts).
 */
export const LAST_PRIMITIVE_ID = 252;

/** A scalar record, built in or made with definePrimitive. */
export type AnyScalarRule = ScalarRule<string>;

/** Any record: scalar, built-in or user, or a built-in matrix primitive. */
export type AnyRule = AnyScalarRule | MatrixRule<string>;

/** The user scalar primitives in id order: user[id − FIRST_USER_ID]. */
const user: AnyScalarRule[] = [];
/** Every user primitive, scalar or matrix, by name and by op. */
const userByName = new Map<string, AnyRule>();
const userByOp = new Map<unknown, AnyRule>();

/** The op code the next user primitive gets, or null when every code is taken. */
export function nextUserId(): number | null {
  const id = FIRST_USER_ID + user.length;
  return id <= LAST_PRIMITIVE_ID ? id : null;
}

/** Registers a user primitive under its id (which must be `nextUserId()`), its name and its op. */
export function addUserRule(rule: AnyScalarRule, op: unknown): void {
  if (rule.id !== nextUserId())
    throw new Error(`wengert: op code ${rule.id} is not the next free one`);
  user.push(rule);
  userByName.set(rule.name, rule);
  userByOp.set(op, rule);
}

/**
 * Registers a user matrix primitive under its name and its op. It takes no
 * op code: a matrix entry on the tape is marked MATRIX_OP and keeps its rule.
 */
export function addUserMatrixRule(rule: MatrixRule<string>, op: unknown): void {
  userByName.set(rule.name, rule);
  userByOp.set(op, rule);
}

/**
 * The scalar record whose op code is `id`, as a tape stores it: the
 * replay, the Wengert list and generated source find rules this way.
 *
 * @example
 * ruleById(sinRule.id) === sinRule; // true
 */
export function ruleById(id: number): AnyScalarRule | undefined {
  return id < scalarRules.length ? scalarRules[id] : user[id - FIRST_USER_ID];
}

/**
 * The record of the primitive called `name` (own names only: `constructor`
 * is no primitive).
 *
 * @example
 * ruleByName('tanh') === registry.tanh; // true
 */
export function ruleByName(name: string): AnyRule | undefined {
  if (Object.hasOwn(registry, name)) return registry[name as keyof typeof registry];
  return userByName.get(name);
}

/** Whether a name belongs to a primitive, built in or defined. */
export function isPrimitiveName(name: string): boolean {
  return ruleByName(name) !== undefined;
}

/**
 * The record behind an op (`sin`, or what definePrimitive returned), a
 * name, or a record itself; undefined for anything else.
 *
 * @example
 * ruleOf(sin) === registry.sin; // true
 */
export function ruleOf(op: unknown): AnyRule | undefined {
  if (typeof op === 'string') return ruleByName(op);
  if (typeof op === 'function') {
    const name = Object.entries(ops).find(([, f]) => f === op)?.[0];
    return name === undefined ? userByOp.get(op) : ruleByName(name);
  }
  if (typeof op === 'object' && op !== null && 'kind' in op && 'name' in op) {
    const found = ruleByName(String(op.name));
    return found === op ? found : undefined;
  }
  return undefined;
}

/** Every primitive's name, built-ins first, for messages that list them. */
export function primitiveNames(): string[] {
  return [...PRIMITIVE_NAMES, ...userByName.keys()];
}
