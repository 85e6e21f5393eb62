/**
 * @file Property tests of the parser: random expression trees, printed with as few
 * parentheses as mathematics needs, parse back to functions that compute exactly what the
 * tree computes (value and gradient); and no text makes the parser fail other than with a
 * ParseError.
 */

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  grad,
  type Num,
  neg,
  ParseError,
  parse,
  registry,
  SCALAR_PRIMITIVE_NAMES,
  type ScalarPrimitiveName,
  trace,
} from '../src/index.ts';
import { ops } from './support.ts';

const SEED = 20_240_611;
const RUNS = 400;

/** The variables trees draw from, in the order parse must take them (x2 before x10). */
const VARIABLES = ['a', 'b', 'x', 'x2', 'x10', 'y'] as const;

type Operator = '+' | '-' | '*' | '/' | '^';
const OPERATOR_OPS = { '+': 'add', '-': 'sub', '*': 'mul', '/': 'div', '^': 'pow' } as const;

type Tree =
  | { readonly kind: 'number'; readonly text: string }
  | { readonly kind: 'variable'; readonly name: string }
  | { readonly kind: 'constant'; readonly name: 'pi' | 'e' }
  | { readonly kind: 'minus' | 'plus' | 'parens'; readonly arg: Tree }
  | {
      readonly kind: 'binary';
      readonly op: Operator;
      readonly left: Tree;
      readonly right: Tree;
      readonly spaced: boolean;
    }
  | { readonly kind: 'call'; readonly name: ScalarPrimitiveName; readonly args: readonly Tree[] };

/** Number literals in every accepted spelling. */
const numberText = fc.oneof(
  fc.nat(20).map(String),
  fc.nat(20).map(String),
  fc
    .double({ min: 0, max: 1e30, noNaN: true, noDefaultInfinity: true })
    .map((v) => String(Math.abs(v))),
  fc.tuple(fc.nat(99), fc.nat(12)).map(([m, k]) => `${m}e-${k}`),
  fc.tuple(fc.nat(9), fc.nat(5)).map(([m, k]) => `${m}E+${k}`),
  fc.nat(999).map((d) => `.${d}`),
  fc.nat(99).map((d) => `${d}.`),
);

/**
 * Random trees, weighted toward the operators (the subject of these tests)
 * so that a typical tree has a dozen or more nodes, and depth-limited.
 */
const trees = fc.letrec<{ tree: Tree }>((tie) => ({
  tree: fc.oneof(
    { maxDepth: 6, depthSize: 'large', depthIdentifier: 'tree' },
    { weight: 2, arbitrary: numberText.map((text): Tree => ({ kind: 'number', text })) },
    {
      weight: 3,
      arbitrary: fc.constantFrom(...VARIABLES).map((name): Tree => ({ kind: 'variable', name })),
    },
    {
      weight: 1,
      arbitrary: fc
        .constantFrom('pi' as const, 'e' as const)
        .map((name): Tree => ({ kind: 'constant', name })),
    },
    {
      weight: 2,
      arbitrary: fc
        .tuple(fc.constantFrom('minus' as const, 'plus' as const, 'parens' as const), tie('tree'))
        .map(([kind, arg]): Tree => ({ kind, arg })),
    },
    {
      weight: 8,
      arbitrary: fc
        .tuple(
          fc.constantFrom<Operator>('+', '-', '*', '/', '^'),
          tie('tree'),
          tie('tree'),
          fc.boolean(),
        )
        .map(([op, left, right, spaced]): Tree => ({ kind: 'binary', op, left, right, spaced })),
    },
    {
      weight: 2,
      arbitrary: fc.constantFrom(...SCALAR_PRIMITIVE_NAMES).chain((name) =>
        fc
          .array(tie('tree'), {
            minLength: registry[name].arity,
            maxLength: registry[name].arity,
          })
          .map((args): Tree => ({ kind: 'call', name, args })),
      ),
    },
  ),
})).tree;

/** How tightly a printed tree binds: a sum 1, a product 2, a signed term 3, a power 4, an atom 5. */
function binding(t: Tree): number {
  if (t.kind === 'binary') return t.op === '^' ? 4 : t.op === '*' || t.op === '/' ? 2 : 1;
  return t.kind === 'minus' || t.kind === 'plus' ? 3 : 5;
}

/** Prints `t`, wrapped in parentheses only if it binds looser than `least`. */
function print(t: Tree, least = 0): string {
  const text = printBare(t);
  return binding(t) < least ? `(${text})` : text;
}

function printBare(t: Tree): string {
  switch (t.kind) {
    case 'number':
      return t.text;
    case 'variable':
    case 'constant':
      return t.name;
    case 'minus':
      return `-${print(t.arg, 3)}`;
    case 'plus':
      return `+${print(t.arg, 3)}`;
    case 'parens':
      return `(${print(t.arg)})`;
    case 'call':
      return `${t.name}(${t.args.map((a) => print(a)).join(', ')})`;
    case 'binary': {
      // Left-associative operators need a tighter right operand; ^ is the
      // other way round, and its base must be an atom (-x^2 is -(x^2)).
      const level = binding(t);
      const [left, right] = t.op === '^' ? [5, 3] : [level, level + 1];
      const gap = t.spaced ? ' ' : '';
      return `${print(t.left, left)}${gap}${t.op}${gap}${print(t.right, right)}`;
    }
  }
}

type Env = Readonly<Record<string, Num>>;

/** Evaluates the tree directly with the toolkit's ops: the oracle. */
function evaluate(t: Tree, env: Env): Num {
  switch (t.kind) {
    case 'number':
      return Number(t.text);
    case 'variable':
      return env[t.name] as Num;
    case 'constant':
      return t.name === 'pi' ? Math.PI : Math.E;
    case 'minus':
      return neg(evaluate(t.arg, env));
    case 'plus':
    case 'parens':
      return evaluate(t.arg, env);
    case 'binary': {
      const op = ops[OPERATOR_OPS[t.op]];
      return op(evaluate(t.left, env), evaluate(t.right, env));
    }
    case 'call': {
      const op = ops[t.name] as (...args: Num[]) => Num;
      return op(...t.args.map((a) => evaluate(a, env)));
    }
  }
}

function variablesOf(t: Tree, into = new Set<string>()): Set<string> {
  if (t.kind === 'variable') into.add(t.name);
  else if (t.kind === 'minus' || t.kind === 'plus' || t.kind === 'parens') variablesOf(t.arg, into);
  else if (t.kind === 'binary') {
    variablesOf(t.left, into);
    variablesOf(t.right, into);
  } else if (t.kind === 'call') for (const a of t.args) variablesOf(a, into);
  return into;
}

const point = fc.array(fc.double({ min: -3, max: 3, noNaN: true }), {
  minLength: VARIABLES.length,
  maxLength: VARIABLES.length,
});

/** The tree as a function of an array, in the order `names`. */
function direct(t: Tree, names: readonly string[]): (x: readonly Num[]) => Num {
  return (x) => evaluate(t, Object.fromEntries(names.map((n, i) => [n, x[i] as Num])));
}

const same = (a: unknown, b: unknown): boolean =>
  Array.isArray(a) && Array.isArray(b)
    ? a.length === b.length && a.every((v, i) => Object.is(v, b[i]))
    : Object.is(a, b);

describe('print, parse, evaluate', () => {
  it('a printed tree parses to a function equal to the tree: value, gradient and Wengert list', () => {
    fc.assert(
      fc.property(trees, point, (tree, values) => {
        const source = print(tree);
        const f = parse(source);
        const names = VARIABLES.filter((v) => variablesOf(tree).has(v));
        expect(f.variables, source).toEqual(names);
        const x = names.map((n) => values[VARIABLES.indexOf(n)] as number);
        const g = direct(tree, names);
        expect(same(f(x), g(x)), `${source} at ${x}`).toBe(true);
        expect(same(grad(f)(x), grad(g)(x)), `grad ${source} at ${x}`).toBe(true);
        // The same Wengert list, entry by entry: the structure matches even
        // where the values are NaN and so cannot tell two trees apart.
        expect(trace(f, x), source).toEqual(trace(g, x));
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });

  it('redundant parentheses around every subtree change nothing', () => {
    const wrap = (t: Tree): string => {
      const text = print(t);
      return t.kind === 'number' || t.kind === 'variable' ? text : `(${text})`;
    };
    fc.assert(
      fc.property(trees, point, (tree, values) => {
        const f = parse(wrap(tree));
        const g = parse(print(tree));
        const x = f.variables.map(
          (n) => values[VARIABLES.indexOf(n as (typeof VARIABLES)[number])] as number,
        );
        expect(same(f(x), g(x))).toBe(true);
      }),
      { seed: SEED + 1, numRuns: RUNS },
    );
  });
});

describe('robustness', () => {
  const alphabet = [...'0123456789.eE+-*/^(),; xyzpi\t$', 'sin', 'atan2', 'e', 'pi', '1e'];
  it('any text either parses or throws a ParseError that points inside the source', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...alphabet), { maxLength: 30 }), (pieces) => {
        const source = pieces.join('');
        try {
          const f = parse(source);
          // What parses also runs.
          f(f.variables.map(() => 0.5));
        } catch (e) {
          expect(e, source).toBeInstanceOf(ParseError);
          const { position } = e as ParseError;
          expect(position >= 0 && position <= source.length, source).toBe(true);
        }
      }),
      { seed: SEED + 2, numRuns: 2000 },
    );
  });
});
