/**
 * @file The semantics page: every scalar primitive's value and derivatives at
 * its special points, run in both modes at build time (the build stops if the
 * modes disagree, or if a primitive of the registry is missing here).
 */

import * as wengert from '../../../src/index.ts';
import { grad, jacfwd, type Num, registry, scalarRules } from '../../../src/index.ts';
import { math, table, tex } from '../format.ts';
import type { Generator } from '../generate.ts';

type ScalarName = (typeof scalarRules)[number]['name'];

/** One special point of a primitive and the convention the toolkit follows there, with its reason. */
interface Special {
  readonly at: readonly number[];
  /** Markdown, maths in `$...$`. */
  readonly convention: string;
}

/**
 * The special points of every scalar primitive: kinks, edges of the domain,
 * poles, and the points where a rule takes a limit instead of its formula.
 * An empty list: the formula holds wherever the value is defined.
 */
const SPECIAL: Record<ScalarName, readonly Special[]> = {
  add: [],
  sub: [],
  mul: [],
  neg: [],
  div: [
    { at: [1, 0], convention: 'IEEE: $1/0 = \\infty$, and the partials are $1/y$ and $-x/y^2$' },
    {
      at: [0, 0],
      convention: '$0/0$ has no value; $\\partial/\\partial y = -(x/y)/y$ inherits it',
    },
  ],
  pow: [
    {
      at: [0, 2],
      convention:
        '$\\partial/\\partial y = 0$: $0^y = 0$ for every $y > 0$, where the formula $x^y \\ln x$ gives $0 \\cdot (-\\infty) = \\text{NaN}$',
    },
    {
      at: [0, 0],
      convention:
        '$\\partial/\\partial x = 0$: $x^0 = 1$ for every $x$, where the formula $y\\,x^{y-1}$ gives $0 \\cdot \\infty = \\text{NaN}$; $\\partial/\\partial y$ is the formula, $\\ln 0 = -\\infty$',
    },
    {
      at: [-2, 2],
      convention:
        '$x^y$ is real for $x < 0$ only at whole $y$, so $\\ln x$ and $\\partial/\\partial y$ are NaN',
    },
  ],
  exp: [
    { at: [1000], convention: 'overflow: $e^{1000}$ is beyond the doubles, value and slope alike' },
  ],
  log: [
    {
      at: [0],
      convention: 'the limits from the right: $\\ln x \\to -\\infty$, $1/x \\to \\infty$',
    },
    {
      at: [-1],
      convention: 'no real value, yet the rule $1/x$ has one: each is evaluated as written',
    },
  ],
  sqrt: [
    { at: [0], convention: 'a vertical tangent: $1/(2\\sqrt{x}) \\to \\infty$' },
    {
      at: [-0],
      convention: 'IEEE keeps the sign of zero: $\\sqrt{-0} = -0$, so $0.5/(-0) = -\\infty$',
    },
    { at: [-1], convention: 'no real value, so no slope' },
  ],
  sin: [],
  cos: [],
  tan: [],
  asin: [
    { at: [1], convention: 'a vertical tangent at the edge of the domain' },
    { at: [2], convention: 'outside $[-1, 1]$: no value, no slope' },
  ],
  acos: [{ at: [1], convention: 'a vertical tangent at the edge of the domain' }],
  atan: [],
  atan2: [
    {
      at: [0, 0],
      convention: 'the angle of the origin is taken as 0, as `Math.atan2` does; its slope is $0/0$',
    },
  ],
  sinh: [],
  cosh: [],
  tanh: [],
  sigmoid: [],
  abs: [
    {
      at: [0],
      convention: '$\\operatorname{sign}(0) = 0$, the subgradient of least magnitude (as PyTorch)',
    },
  ],
  relu: [{ at: [0], convention: '$[x > 0] = 0$ (as JAX and PyTorch)' }],
  max: [
    {
      at: [1, 1],
      convention:
        'a tie splits the derivative, ½ each, so $\\max(x, x) = x$ keeps slope 1 (as JAX)',
    },
  ],
  min: [{ at: [1, 1], convention: 'a tie splits the derivative, ½ each, as for $\\max$' }],
  stopGradient: [
    {
      at: [2],
      convention: 'everywhere: the value passes, the derivative is 0 on purpose (a surrogate)',
    },
  ],
};

/** A number in LaTeX, keeping the sign of a zero (the formatter writes −0 as 0). */
const texNumber = (v: number) => (Object.is(v, -0) ? '-0' : tex(v));

/** Equal as IEEE results: the same number, both NaN, or zeros of either sign. */
const same = (a: number, b: number) => a === b || (Number.isNaN(a) && Number.isNaN(b));

/** The public op of a primitive, as a function of an array of inputs. */
function opOf(name: ScalarName): (xs: Num[]) => Num {
  const op = (wengert as unknown as Record<string, (...args: Num[]) => Num>)[name];
  if (op === undefined) throw new Error(`docs: semantics: no op named '${name}'`);
  return (xs) => op(...xs);
}

/** One row: the primitive, the point, its value, and its partials, the same from jacfwd and grad. */
function row(name: ScalarName, { at, convention }: Special): string[] {
  const f = opOf(name);
  const value = registry[name].primal(...(at as [number, number]));
  const forward = jacfwd(f)([...at])[0] ?? [];
  const reverse = grad(f)([...at]);
  if (forward.length !== at.length || forward.some((d, i) => !same(d, reverse[i] as number))) {
    throw new Error(
      `docs: semantics: ${name} at (${at.join(', ')}): jacfwd gives (${forward.join(', ')}), grad (${reverse.join(', ')})`,
    );
  }
  const point =
    at.length === 1 ? `x = ${texNumber(at[0] as number)}` : `(${at.map(texNumber).join(', ')})`;
  const partials =
    at.length === 1 ? texNumber(forward[0] as number) : `(${forward.map(texNumber).join(', ')})`;
  return [
    // The op's name, not its notation: relu's is max(x, 0), whose tie behaves otherwise.
    `\`${name}\` at ${math(point)}`,
    math(texNumber(value)),
    math(partials),
    convention,
  ];
}

/** Every scalar primitive must be listed in SPECIAL, even with no special point. */
function checkComplete(): void {
  const missing = scalarRules.filter((r) => !(r.name in SPECIAL)).map((r) => r.name);
  if (missing.length > 0) throw new Error(`docs: semantics: no entry for ${missing.join(', ')}`);
}

function specialPoints(): string {
  checkComplete();
  const rows = scalarRules.flatMap((r) =>
    SPECIAL[r.name as ScalarName].map((s) => row(r.name as ScalarName, s)),
  );
  return table(['primitive at a point', 'value', 'derivative', 'convention, and why'], rows);
}

/** The primitives whose formula holds wherever their value is defined, in LaTeX. */
function smooth(): string {
  checkComplete();
  return scalarRules
    .filter((r) => SPECIAL[r.name as ScalarName].length === 0)
    .map((r) => math(r.notation))
    .join(', ');
}

export const semantics: Record<string, Generator> = {
  'semantics-special-points': specialPoints,
  'semantics-smooth': smooth,
};
