/** @file Symbols: the third interpretation of the primitives, which builds an expression instead of a number. */

import { type Condition, conditionsOf, holds, type Piece } from '../core/cases.ts';
import type { BinaryPrimitive, MatrixRule, UnaryPrimitive } from '../core/rule.ts';
import { Trace } from '../core/trace.ts';
import { Tracer } from '../core/tracer.ts';
import type { Num, Value } from '../core/value.ts';
import { type Name, type Node, numberNode } from './node.ts';
import { apply, casesNode } from './simplify.ts';

/**
 * A symbolic value: an expression tree, and optionally the number it stands
 * for. Applying an op to it builds a bigger tree (simplified as a person
 * would: x·1 → x, x^(2−1) → x); applying a derivative rule's partial to
 * symbols renders that rule, from the very code the engine runs.
 *
 * @example
 * ```ts
 * // ruleLatex runs a rule's partials on symbols: sin's partial, cos x, becomes LaTeX.
 * console.log(ruleLatex('sin').partials); // [ '\\cos x' ]
 * ```
 */
export class Sym extends Tracer {
  constructor(
    readonly trace: SymbolicTrace,
    readonly node: Node,
    /** The number the expression stands for at the point shown, or NaN with `known` false. */
    readonly value: number,
    readonly known: boolean,
  ) {
    super();
  }

  toString(): string {
    return `Sym#${this.trace.tag}(${this.node.kind === 'symbol' ? this.node.name.text : this.node.kind})`;
  }
}

/**
 * One symbolic evaluation. It never ends: symbols are views, not
 * derivatives in progress. A piecewise definition (abs's sign, pow's limits)
 * is decided where every condition reads known numbers, and otherwise kept
 * whole as cases.
 *
 * @example
 * ```ts
 * // The same rule, run on the symbols of one symbolic evaluation, in both modes:
 * console.log(ruleLatex('exp').forward, ruleLatex('exp').reverse);
 * ```
 */
export class SymbolicTrace extends Trace {
  readonly kind = 'symbolic';

  /**
   * With `exact`, an op on symbols is kept as written (numbers alone are
   * still computed, by the rule's primal): no 0·x → 0, no 2·(3·x) → 6x,
   * which differ from the engine where a value is infinite or NaN or a
   * product overflows. For source that must compute what the engine
   * computes, operation for operation; a reader's formulas are simplified.
   */
  constructor(private readonly exact = false) {
    super();
  }

  /** `rule` applied to trees: simplified as a person would write it, or as written. */
  private build(rule: UnaryPrimitive | BinaryPrimitive, args: readonly Node[]): Node {
    if (!this.exact) return apply(rule, args);
    if (args.every((a) => a.kind === 'number')) return apply(rule, args); // folds numbers only
    return { kind: 'apply', op: rule, args };
  }

  /** A symbol named `name`, standing for `value` if one is given. */
  symbol(name: Name, value?: number): Sym {
    return new Sym(this, { kind: 'symbol', name }, value ?? Number.NaN, value !== undefined);
  }

  unary(rule: UnaryPrimitive, x: Sym): Num {
    return this.wrap(this.build(rule, [x.node]), x.known, () => rule.primal(x.value));
  }

  binary(rule: BinaryPrimitive, x: Num, y: Num): Num {
    const node = this.build(rule, [this.nodeOf(x, rule.name), this.nodeOf(y, rule.name)]);
    return this.wrap(node, isKnown(x) && isKnown(y), () => rule.primal(numberOf(x), numberOf(y)));
  }

  matrix(rule: MatrixRule): Value {
    throw new TypeError(
      `wengert: ${rule.name}: symbolic values are scalars; matrix rules are declared as linear maps and rendered from their own LaTeX`,
    );
  }

  /**
   * Every condition that reads known numbers is decided here, as the engine
   * would decide it: a piece with a false one is dropped, and a piece whose
   * conditions all hold ends the choice. What is left (conditions on
   * symbols with no number) stays whole, as cases: so pow(w1, 2)'s partial
   * is 2·w1, not a choice that tests whether 2 is 0, while abs's partial on
   * a bare symbol shows all three of its cases.
   */
  override piecewise(pieces: readonly Piece[], otherwise: () => Value): Value {
    const open: { conditions: readonly Condition[]; value: () => Value }[] = [];
    let last = otherwise;
    for (const piece of pieces) {
      const conditions = conditionsOf(piece);
      const known = conditions.filter(([a, , b]) => isKnown(a) && isKnown(b));
      if (!known.every(([a, r, b]) => holds(r, numberOf(a), numberOf(b)))) continue;
      const rest = conditions.filter((c) => !known.includes(c));
      if (rest.length === 0) {
        last = piece.value;
        break;
      }
      open.push({ conditions: rest, value: piece.value });
    }
    if (open.length === 0) return last();
    const node = (v: Value) => this.nodeOf(v as Num, 'piecewise');
    const tree = casesNode(
      open.map(({ conditions, value }) => ({
        conditions: conditions.map(([a, r, b]) => [node(a), r, node(b)] as const),
        value: node(value()),
      })),
      node(last()),
    );
    return this.wrap(tree, false, () => Number.NaN);
  }

  /** Symbols have no number to decide with unless one was given. */
  override noteRead(x: Tracer): void {
    if (!(x instanceof Sym) || !x.known) {
      throw new TypeError(
        `wengert: ${x.toString()} is a symbol with no number; a rule rendered on symbols must write its special cases with piecewise(...) instead of toNumber`,
      );
    }
  }

  /** The tree of an operand: its own for a symbol of this trace, a number node for a number. */
  private nodeOf(x: Num, op: string): Node {
    if (typeof x === 'number') return numberNode(x);
    if (x instanceof Sym && x.trace === this) return x.node;
    throw new TypeError(
      `wengert: ${op}: a symbolic expression met ${x.toString()}, a value of another trace`,
    );
  }

  /** A tree as a value: a plain number when it folded to one, else a symbol (with its number if known). */
  private wrap(node: Node, known: boolean, value: () => number): Num {
    if (node.kind === 'number') return node.value;
    return new Sym(this, node, known ? value() : Number.NaN, known);
  }
}

/** Whether a value has a number to decide with: a plain number, or a symbol given one. */
function isKnown(x: Num): boolean {
  return typeof x === 'number' || (x instanceof Sym && x.known);
}

/** The number of a known value. */
function numberOf(x: Num): number {
  return typeof x === 'number' ? x : (x as Sym).value;
}
