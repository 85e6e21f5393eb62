/** @file Building expression trees the way a person writes them: constants folded, ones and zeros dropped. */

import type { BinaryPrimitive, UnaryPrimitive } from '../core/rule.ts';
import { registry } from '../primitives/registry.ts';
import { isNumber, type Node, type NodePiece, numberNode, opName } from './node.ts';

const raw = (op: UnaryPrimitive | BinaryPrimitive, args: readonly Node[]): Node => ({
  kind: 'apply',
  op,
  args,
});

const add = (a: Node, b: Node) => apply(registry.add, [a, b]);
const sub = (a: Node, b: Node) => apply(registry.sub, [a, b]);
const mul = (a: Node, b: Node) => apply(registry.mul, [a, b]);
const neg = (a: Node) => apply(registry.neg, [a]);

/**
 * `op(args)` as a tree, simplified as a person would simplify it when
 * writing a rule down: constants folded (x^(2−1) → x^1 → x), x + 0 → x,
 * x·1 → x, 0·x → 0, −(−x) → x, a constant factor moved to the front and
 * multiplied into another (2·(3·x) → 6x), x + (−y) → x − y. Each step is
 * an identity of real numbers; only where a value is infinite or NaN
 * (0·∞) can the simplified form differ from the unsimplified one.
 */
export function apply(op: UnaryPrimitive | BinaryPrimitive, args: readonly Node[]): Node {
  if (args.every((a) => a.kind === 'number')) return numberNode(fold(op, args));
  const [a, b] = args as [Node, Node];
  switch (op.name) {
    case 'add':
      if (isNumber(a, 0)) return b;
      if (isNumber(b, 0)) return a;
      if (opName(b) === 'neg') return sub(a, argOf(b));
      if (isNegative(b)) return sub(a, numberNode(-numberIn(b)));
      break;
    case 'sub':
      if (isNumber(b, 0)) return a;
      if (isNumber(a, 0)) return neg(b);
      if (opName(b) === 'neg') return add(a, argOf(b));
      if (isNegative(b)) return add(a, numberNode(-numberIn(b)));
      break;
    case 'mul':
      if (isNumber(a, 0) || isNumber(b, 0)) return numberNode(0);
      if (isNumber(a, 1)) return b;
      if (isNumber(b, 1)) return a;
      if (isNumber(a, -1)) return neg(b);
      if (isNumber(b, -1)) return neg(a);
      if (b.kind === 'number') return mul(b, a);
      if (opName(a) === 'neg') return neg(mul(argOf(a), b));
      if (opName(b) === 'neg') return neg(mul(a, argOf(b)));
      if (a.kind === 'number' && opName(b) === 'mul' && b.kind === 'apply') {
        const [c, d] = b.args as [Node, Node];
        if (c.kind === 'number') return mul(numberNode(a.value * c.value), d);
      }
      break;
    case 'div':
      if (isNegative(a)) return neg(apply(op, [numberNode(-numberIn(a)), b]));
      if (isNumber(b, 1)) return a;
      if (isNumber(b, -1)) return neg(a);
      if (isNumber(a, 0)) return numberNode(0);
      break;
    case 'neg':
      if (opName(a) === 'neg') return argOf(a);
      if (opName(a) === 'mul' && a.kind === 'apply') {
        const [c, d] = a.args as [Node, Node];
        if (c.kind === 'number') return mul(numberNode(-c.value), d);
      }
      break;
    case 'pow':
      if (isNumber(b, 1)) return a;
      if (isNumber(b, 0)) return numberNode(1);
      break;
  }
  return raw(op, args);
}

/** A piecewise node; pieces that can never apply are not dropped (the reader sees every case the rule has). */
export function casesNode(pieces: readonly NodePiece[], otherwise: Node): Node {
  return { kind: 'cases', pieces, otherwise };
}

function fold(op: UnaryPrimitive | BinaryPrimitive, args: readonly Node[]): number {
  const [a, b] = args.map(numberIn) as [number, number];
  return op.arity === 1 ? op.primal(a) : op.primal(a, b);
}

function numberIn(node: Node): number {
  return node.kind === 'number' ? node.value : Number.NaN;
}

function isNegative(node: Node): boolean {
  return node.kind === 'number' && node.value < 0;
}

function argOf(node: Node): Node {
  return node.kind === 'apply' ? (node.args[0] as Node) : node;
}
