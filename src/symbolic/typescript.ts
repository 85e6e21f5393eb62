/** @file Expression trees printed as JavaScript (valid TypeScript): plain arithmetic and Math.* only. */

import type { Relation } from '../core/cases.ts';
import type { ScalarPrimitiveName } from '../primitives/names.ts';
import type { Node } from './node.ts';

const SUM = 1;
const PRODUCT = 2;
const UNARY = 3;
const ATOM = 4;

interface Printed {
  readonly ts: string;
  readonly level: number;
}

const RELATION: Readonly<Record<Relation, string>> = {
  '<': '<',
  '<=': '<=',
  '>': '>',
  '>=': '>=',
  '==': '===',
};

/**
 * Each primitive that is not an operator, as the same JavaScript its record's
 * `primal` runs, with x and y for its operands. A test checks every entry
 * against the record on random points, so the two cannot drift apart.
 */
export const PRIMAL_SOURCE = {
  pow: 'Math.pow(x, y)',
  exp: 'Math.exp(x)',
  log: 'Math.log(x)',
  sqrt: 'Math.sqrt(x)',
  sin: 'Math.sin(x)',
  cos: 'Math.cos(x)',
  tan: 'Math.tan(x)',
  asin: 'Math.asin(x)',
  acos: 'Math.acos(x)',
  atan: 'Math.atan(x)',
  atan2: 'Math.atan2(x, y)',
  sinh: 'Math.sinh(x)',
  cosh: 'Math.cosh(x)',
  tanh: 'Math.tanh(x)',
  sigmoid: '(x >= 0 ? 1 / (1 + Math.exp(-x)) : Math.exp(x) / (1 + Math.exp(x)))',
  abs: 'Math.abs(x)',
  relu: '(x > 0 ? x : x <= 0 ? 0 : NaN)',
  max: 'Math.max(x, y)',
  min: 'Math.min(x, y)',
  stopGradient: 'x',
} as const satisfies Readonly<
  Record<Exclude<ScalarPrimitiveName, 'add' | 'sub' | 'mul' | 'div' | 'neg'>, string>
>;

const sources: Readonly<Record<string, string>> = PRIMAL_SOURCE;

/**
 * The JavaScript a user's primitive declared for its primal (definePrimitive's
 * `source`), if it did. Generated source never embeds the primal function's
 * own text: that text may close over names the generated program cannot see.
 */
function userSource(op: object): string | undefined {
  if (!('source' in op) || typeof op.source !== 'string') return undefined;
  // the printer places it as an atom: parenthesized unless it is one call, f(...)
  return isCall(op.source) ? op.source : `(${op.source})`;
}

/** True for `Math.log1p(Math.exp(x))`: a name, then parentheses that close at the very end. */
function isCall(source: string): boolean {
  const open = /^[A-Za-z_$][\w$.]*\(/.exec(source)?.[0].length;
  if (open === undefined) return false;
  let depth = 1;
  for (let i = open; i < source.length; i++) {
    if (source[i] === '(') depth++;
    else if (source[i] === ')' && --depth === 0) return i === source.length - 1;
  }
  return false;
}

/** The JavaScript of an expression tree; it evaluates, operation for operation, as the engine does. */
export function toSource(node: Node): string {
  return print(node).ts;
}

/** Parentheses unless the operand binds at least at `level`. */
function at(p: Printed, level: number): string {
  return p.level >= level ? p.ts : `(${p.ts})`;
}

function print(node: Node): Printed {
  switch (node.kind) {
    case 'number':
      return numberSource(node.value);
    case 'symbol':
      return { ts: node.name.ts, level: ATOM };
    case 'cases': {
      const test = (conditions: (typeof node.pieces)[number]['conditions']) =>
        conditions
          .map(([a, r, b]) => `${at(print(a), SUM)} ${RELATION[r]} ${at(print(b), SUM)}`)
          .join(' && ');
      const branches = node.pieces.map((p) => `${test(p.conditions)} ? ${toSource(p.value)} : `);
      return { ts: `(${branches.join('')}${toSource(node.otherwise)})`, level: ATOM };
    }
    case 'apply': {
      const [a, b] = node.args.map(print) as [Printed, Printed];
      // Floating-point + and * are not associative: the right operand keeps
      // its own parentheses, so the source groups exactly as the tree does.
      switch (node.op.name) {
        case 'add':
          return { ts: `${at(a, SUM)} + ${at(b, PRODUCT)}`, level: SUM };
        case 'sub':
          return { ts: `${at(a, SUM)} - ${at(b, PRODUCT)}`, level: SUM };
        case 'mul':
          return { ts: `${at(a, PRODUCT)} * ${at(b, UNARY)}`, level: PRODUCT };
        case 'div':
          return { ts: `${at(a, PRODUCT)} / ${at(b, UNARY)}`, level: PRODUCT };
        case 'neg':
          return { ts: `-${at(a, ATOM)}`, level: UNARY };
      }
      const template = sources[node.op.name] ?? userSource(node.op);
      if (template === undefined) {
        throw new TypeError(
          `wengert: ${node.op.name} has no JavaScript form, so it cannot appear in generated ` +
            'source; a primitive made with definePrimitive needs its primal as a JavaScript ' +
            `expression in ${node.op.arity === 1 ? 'x' : 'x and y'} for that ` +
            `(definePrimitive({ name: '${node.op.name}', ..., source: '...' }))`,
        );
      }
      // Math.f(a, b) needs no parentheses around its arguments; the
      // conditional forms (sigmoid, relu) use theirs inside expressions.
      const call = /^Math\.\w+\([xy](, [xy])?\)$/.test(template);
      const args = node.args.map((n) => (call ? print(n).ts : at(print(n), ATOM)));
      return {
        ts: template.replace(/(?<![\w.])([xy])(?!\w)/g, (v) => args[v === 'x' ? 0 : 1] ?? v),
        level: ATOM,
      };
    }
  }
}

/** A number exactly as JavaScript reads it back. */
function numberSource(v: number): Printed {
  if (Number.isNaN(v)) return { ts: 'NaN', level: ATOM };
  if (!Number.isFinite(v)) return { ts: v > 0 ? 'Infinity' : '-Infinity', level: UNARY };
  if (Object.is(v, -0)) return { ts: '-0', level: UNARY };
  return { ts: String(v), level: v < 0 ? UNARY : ATOM };
}
