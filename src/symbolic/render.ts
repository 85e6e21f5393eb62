/** @file A primitive's rules rendered by running its own partials on symbols: the formulas the docs and tables show. */

import type { BinaryPrimitive, MatrixRule, UnaryPrimitive } from '../core/rule.ts';
import type { Num, Value } from '../core/value.ts';
import { add, mul } from '../primitives/arithmetic.ts';
import { primitiveNames, ruleOf } from '../primitives/lookup.ts';
import { toLatex } from './latex.ts';
import type { Name, Node } from './node.ts';
import { numberNode } from './node.ts';
import { Sym, SymbolicTrace } from './symbol.ts';

/** A scalar primitive as the renderer needs it: the interfaces every trace sees. */
export type ScalarPrimitive = UnaryPrimitive | BinaryPrimitive;

/**
 * The formulas of one primitive.
 *
 * @example
 * ```ts
 * const { op, partials, reverse } = ruleLatex('mul');
 * console.log(op, partials, reverse);
 * ```
 */
export interface RuleLatex {
  /** The operation, e.g. `y = \sin x`. */
  readonly op: string;
  /** Its right-hand side alone, e.g. `\sin x`. */
  readonly expression: string;
  /** Its local partials, one per input, e.g. `\cos x`. */
  readonly partials: readonly string[];
  /** Forward mode: the output tangent as a sum over input tangents. */
  readonly forward: string;
  /** Reverse mode: what each input adjoint accumulates. */
  readonly reverse: string;
}

/** A name that is the same letters in every printer. */
export function plainName(latex: string, text = latex, ts = text): Name {
  return { latex, text, ts };
}

/** The tree of a value computed on symbols. */
export function treeOf(v: Value): Node {
  if (typeof v === 'number') return numberNode(v);
  if (v instanceof Sym) return v.node;
  throw new TypeError(`wengert: a symbolic computation produced ${String(v)}, not an expression`);
}

/** The LaTeX of a value computed on symbols. */
export const latexOf = (v: Value): string => toLatex(treeOf(v));

/**
 * Renders a primitive's rules in LaTeX by running them: its operation, its
 * partials (each rule's own partial functions applied to the symbols x, y
 * and the output y or z), the forward rule ẏ = Σ ∂y/∂xᵢ ẋᵢ and the reverse
 * rule x̄ᵢ += ∂y/∂xᵢ ȳ, all built with the same ops and simplified as a
 * person would write them. A piecewise partial (abs, relu, max, min, pow's
 * limits) comes out as cases. Matrix primitives are declared as linear maps
 * with their own LaTeX, which is returned as it is.
 *
 * @example
 * ruleLatex(tan).partials; // ['1 + y^{2}']
 * ruleLatex('mul').reverse; // '\\bar{x} \\mathrel{+}= y \\cdot \\bar{z}, \\quad \\bar{y} \\mathrel{+}= x \\cdot \\bar{z}'
 */
export function ruleLatex(
  op: string | ScalarPrimitive | MatrixRule | ((...a: never[]) => unknown),
): RuleLatex {
  const rule = resolve(op);
  if (isMatrixRule(rule)) {
    return { ...rule.latex, expression: rule.latex.op, partials: [] };
  }
  const t = new SymbolicTrace();
  const sym = (latex: string) => t.symbol(plainName(latex));
  if (rule.arity === 1) {
    const [x, y] = [sym('x'), sym('y')];
    const d = rule.partial(x, y);
    const expression = latexOf(t.unary(rule, x));
    return {
      op: `y = ${expression}`,
      expression,
      partials: [latexOf(d)],
      forward: `\\dot{y} = ${latexOf(mul(d, sym('\\dot{x}')))}`,
      reverse: `\\bar{x} \\mathrel{+}= ${latexOf(mul(d, sym('\\bar{y}')))}`,
    };
  }
  const [x, y, z] = [sym('x'), sym('y'), sym('z')];
  const [dx, dy] = [rule.partials[0](x, y, z), rule.partials[1](x, y, z)];
  const expression = latexOf(t.binary(rule, x, y));
  const zBar = sym('\\bar{z}');
  return {
    op: `z = ${expression}`,
    expression,
    partials: [latexOf(dx), latexOf(dy)],
    forward: `\\dot{z} = ${latexOf(add(mul(dx, sym('\\dot{x}')), mul(dy, sym('\\dot{y}'))))}`,
    reverse: `\\bar{x} \\mathrel{+}= ${latexOf(mul(dx, zBar))}, \\quad \\bar{y} \\mathrel{+}= ${latexOf(mul(dy, zBar))}`,
  };
}

/** An operand of an instantiated rule: a named value (an SSA entry), or a constant. */
export type Operand = { readonly name: Name; readonly value: number } | number;

/** A rule applied to named operands: its operation and partials as values on a symbolic trace. */
export interface Instance {
  readonly expression: Value;
  readonly partials: readonly Value[];
  /** Another symbol on the same trace, to build with (ẇ₁ in ∂w₃/∂w₁ · ẇ₁). */
  readonly symbol: (name: Name, value?: number) => Sym;
}

/**
 * One application of a rule, written in its operands' names. The names
 * stand for their values, so a piecewise partial is decided the way the
 * engine decided it at that point (sign(w₁) is −1 where w₁ < 0), and
 * constants are folded in ((2·w₁^(2−1)) becomes 2w₁).
 */
export function instantiate(
  rule: ScalarPrimitive,
  operands: readonly Operand[],
  self: { readonly name: Name; readonly value?: number },
): Instance {
  const t = new SymbolicTrace();
  const symbol = (name: Name, value?: number) => t.symbol(name, value);
  const [x, y] = operands.map((o) => (typeof o === 'number' ? o : symbol(o.name, o.value))) as [
    Num,
    Num,
  ];
  const out = symbol(self.name, self.value);
  if (rule.arity === 1) {
    return {
      expression: typeof x === 'number' ? rule.primal(x) : t.unary(rule, x as Sym),
      partials: [rule.partial(x, out)],
      symbol,
    };
  }
  return {
    expression: t.binary(rule, x, y),
    partials: [rule.partials[0](x, y, out), rule.partials[1](x, y, out)],
    symbol,
  };
}

/** A rule given as itself, as its op (built in or made with definePrimitive), or by name. */
function resolve(
  op: string | ScalarPrimitive | MatrixRule | ((...a: never[]) => unknown),
): ScalarPrimitive | MatrixRule {
  if (typeof op === 'object') return op;
  const rule = ruleOf(op);
  if (rule === undefined) {
    throw new TypeError(
      `wengert: ruleLatex: ${typeof op === 'string' ? `no primitive is named ${JSON.stringify(op)}` : 'that function is not a primitive op'}; the primitives are ${primitiveNames().join(', ')}`,
    );
  }
  return rule;
}

function isMatrixRule(rule: ScalarPrimitive | MatrixRule): rule is MatrixRule {
  return 'kind' in rule && rule.kind === 'matrix';
}
