/** @file Expression trees: what a symbolic value holds, built by applying primitives to symbols. */

import type { Relation } from '../core/cases.ts';
import type { BinaryPrimitive, UnaryPrimitive } from '../core/rule.ts';

/** A variable's name as each printer writes it: `w_{3}`, `w3`, `w3`. */
export interface Name {
  readonly latex: string;
  readonly text: string;
  readonly ts: string;
}

/** One piece of a piecewise node: its value where all its conditions hold. */
export interface NodePiece {
  readonly conditions: readonly (readonly [Node, Relation, Node])[];
  readonly value: Node;
}

/**
 * An expression: a number, a symbol, a primitive applied to expressions, or
 * a piecewise choice. Trees are never changed once built, and a subtree may
 * be shared (w₁ used twice is one node).
 */
export type Node =
  | { readonly kind: 'number'; readonly value: number }
  | { readonly kind: 'symbol'; readonly name: Name }
  | {
      readonly kind: 'apply';
      readonly op: UnaryPrimitive | BinaryPrimitive;
      readonly args: readonly Node[];
    }
  | { readonly kind: 'cases'; readonly pieces: readonly NodePiece[]; readonly otherwise: Node };

/** A number node. */
export function numberNode(value: number): Node {
  return { kind: 'number', value };
}

/** True if the node is the number `value` (0, 1, -1 drive the simplifications). */
export function isNumber(node: Node, value?: number): boolean {
  return node.kind === 'number' && (value === undefined || Object.is(node.value, value));
}

/** The primitive's name if the node applies one, else null. */
export function opName(node: Node): string | null {
  return node.kind === 'apply' ? node.op.name : null;
}
