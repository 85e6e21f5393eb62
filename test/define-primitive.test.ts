/** @file definePrimitive: a user's softplus and logaddexp against closed forms, in every mode, nesting and view of the toolkit. */

import { renderToString } from 'katex';
import { describe, expect, it } from 'vitest';
import {
  add,
  adjointSource,
  compile,
  definePrimitive,
  exp,
  explain,
  grad,
  hessian,
  jacfwd,
  jacrev,
  jvp,
  type Mat,
  type Matrix,
  matrix,
  mul,
  type Num,
  ruleLatex,
  sigmoid,
  sub,
  sum,
  tangentSource,
  trace,
  type UnaryOp,
  valueAndGrad,
  vjp,
} from '../src/index.ts';
import { expectClose, TOL } from './support.ts';

// softplus(x) = ln(1 + eˣ), written by hand with Math.* from the textbook: s′ = σ,
// s″ = σ(1 − σ), s‴ = σ(1 − σ)(1 − 2σ).
const sigma = (x: number) => 1 / (1 + Math.exp(-x));
const closed = {
  s0: (x: number) => Math.log1p(Math.exp(x)),
  s1: sigma,
  s2: (x: number) => sigma(x) * (1 - sigma(x)),
  s3: (x: number) => sigma(x) * (1 - sigma(x)) * (1 - 2 * sigma(x)),
};

const softplus = definePrimitive({
  name: 'softplus',
  primal: (x) => Math.log1p(Math.exp(x)),
  partial: (x) => sigmoid(x),
  source: 'Math.log1p(Math.exp(x))',
});

// logaddexp(x, y) = ln(eˣ + eʸ), with z the output: ∂z/∂x = e^(x − z), ∂z/∂y = e^(y − z).
const logaddexp = definePrimitive({
  name: 'logaddexp',
  primal: (x, y) => Math.max(x, y) + Math.log1p(Math.exp(-Math.abs(x - y))),
  partials: [(x, _y, z) => exp(sub(x, z)), (_x, y, z) => exp(sub(y, z))],
  notation: '\\log(e^{x} + e^{y})',
});

/** logaddexp by hand: p = σ(x − y) is ∂z/∂x; the Hessian is p(1 − p)·[[1, −1], [−1, 1]]. */
const lae = {
  value: (x: number, y: number) => Math.log(Math.exp(x) + Math.exp(y)),
  gradient: (x: number, y: number) => [sigma(x - y), sigma(y - x)],
  hessian: (x: number, y: number) => {
    const q = sigma(x - y) * (1 - sigma(x - y));
    return [
      [q, -q],
      [-q, q],
    ];
  },
};

/** Evaluates generated source in the global scope, as its users would. */
// biome-ignore lint/security/noGlobalEval: evaluating the generated source is the claim under test
const evaluate = <T>(source: string): T => globalThis.eval(source) as T;

const POINTS = [-2.5, -0.7, 0, 0.3, 1.9];
const PAIRS: [number, number][] = [
  [0.5, -1],
  [-2, 1.5],
  [0.25, 0.25],
];

type D = (g: (x: Num) => Num) => (x: Num) => Num;
const forward: D = (g) => (x) => jvp(g, x, 1).tangent;
const reverse: D = (g) => (x) => grad(g)(x);

describe('a user softplus against its closed forms', () => {
  it('computes the primal on numbers, and passes values through both modes unchanged', () => {
    for (const x of POINTS) {
      expect(softplus(x)).toBe(Math.log1p(Math.exp(x)));
      expect(jvp(softplus, x, 1).primal).toBe(softplus(x));
      expect(valueAndGrad((t: Num) => softplus(t))(x).value).toBe(softplus(x));
    }
  });

  it('has first, second and third derivatives equal to σ, σ(1 − σ), σ(1 − σ)(1 − 2σ) in all 2 + 4 + 8 nestings', () => {
    for (const x of POINTS) {
      for (const [a, da] of [forward, reverse].entries()) {
        expectClose(da(softplus)(x), closed.s1(x), TOL.modes, `order 1, ${a} at ${x}: `);
        for (const [b, db] of [forward, reverse].entries()) {
          const second = db(da(softplus));
          expectClose(second(x), closed.s2(x), TOL.modes, `order 2, ${a}${b} at ${x}: `);
          for (const [c, dc] of [forward, reverse].entries()) {
            const third = dc(second)(x);
            expectClose(third, closed.s3(x), TOL.modes, `order 3, ${a}${b}${c} at ${x}: `);
          }
        }
      }
    }
  });

  it('keeps nested differentiations apart: d/dx [x · d/dy softplus(x·y) at y = 1]', () => {
    // d/dy softplus(xy) = x σ(xy); at y = 1: x σ(x); times x: x² σ(x), whose derivative is
    // 2x σ(x) + x² σ(x)(1 − σ(x)).
    const h = (x: Num) => mul(x, grad((y: Num) => softplus(mul(x, y)))(1));
    for (const x of POINTS) {
      const expected = 2 * x * sigma(x) + x * x * closed.s2(x);
      expectClose(grad(h)(x), expected, TOL.modes, `reverse over reverse at ${x}: `);
      expectClose(jvp(h, x, 1).tangent, expected, TOL.modes, `forward over reverse at ${x}: `);
    }
  });

  it('works entry by entry on a matrix, in both modes', () => {
    const m = matrix([
      [-1, 0, 2],
      [0.5, -3, 1],
    ]);
    const entries = m.toArray();
    expectClose(
      (softplus(m) as Matrix).toArray(),
      entries.map((r) => r.map(closed.s0)),
      TOL.modes,
    );
    const loss = (w: Mat) => sum(softplus(w));
    expectClose(
      (grad(loss)(m) as Matrix).toArray(),
      entries.map((r) => r.map(sigma)),
      TOL.modes,
    );
    const diagonal = jacfwd((w: Mat) => softplus(w))(m);
    expectClose(diagonal, jacrev((w: Mat) => softplus(w))(m), TOL.modes, 'jacfwd vs jacrev: ');
    expect(diagonal[4]?.[4]).toBeCloseTo(sigma(-3), 14);
    expect(diagonal[4]?.[3]).toBe(0);
  });
});

describe('a user logaddexp (two inputs) against its closed forms', () => {
  const f = ([x, y]: Num[]) => logaddexp(x as Num, y as Num);

  it('has the gradient σ(x − y), σ(y − x) and the Hessian p(1 − p)[[1, −1], [−1, 1]]', () => {
    for (const [x, y] of PAIRS) {
      expectClose(f([x, y]), lae.value(x, y), TOL.modes, 'value: ');
      expectClose(grad(f)([x, y]), lae.gradient(x, y), TOL.modes, `∇ at (${x}, ${y}): `);
      expectClose(hessian(f)([x, y]), lae.hessian(x, y), TOL.modes, `H at (${x}, ${y}): `);
      const jt = vjp(f, [x, y]).pullback(1);
      expectClose(jt, lae.gradient(x, y), TOL.modes, 'vjp: ');
    }
  });

  it('takes a constant on either side', () => {
    for (const [x, y] of PAIRS) {
      expectClose(grad((t: Num) => logaddexp(t, y))(x), sigma(x - y), TOL.modes);
      expectClose(jvp((t: Num) => logaddexp(x, t), y, 1).tangent, sigma(y - x), TOL.modes);
    }
  });

  it('works entry by entry on matrices, broadcasting a row', () => {
    const a = matrix([
      [0, 1],
      [2, -1],
    ]);
    const row = matrix([[1, 0.5]]);
    const out = (logaddexp(a, row) as Matrix).toArray();
    expectClose(
      out,
      [
        [lae.value(0, 1), lae.value(1, 0.5)],
        [lae.value(2, 1), lae.value(-1, 0.5)],
      ],
      TOL.modes,
    );
    // ∂/∂row of Σ logaddexp(A, row): each row entry is used twice, once per row of A
    const g = grad((r: Mat) => sum(logaddexp(a, r)))(row) as Matrix;
    expectClose(
      g.toArray(),
      [[sigma(1 - 0) + sigma(1 - 2), sigma(0.5 - 1) + sigma(0.5 + 1)]],
      TOL.modes,
    );
  });
});

describe('a user primitive in the views of the toolkit', () => {
  const g = ([x, y]: Num[]) => add(softplus(mul(x as Num, y as Num)), logaddexp(x as Num, 1));

  it('is one entry of the Wengert list, under its name, with its local partial', () => {
    const list = trace((x: Num) => mul(softplus(x), x), 1.5);
    const entry = list.entries[1];
    expect(entry?.op).toBe('softplus');
    expect(entry?.value).toBe(closed.s0(1.5));
    expect(entry?.partials[0]).toBeCloseTo(sigma(1.5), 15);
  });

  it('is explained by name, in text and in LaTeX that KaTeX renders', () => {
    const text = explain((x: Num) => mul(softplus(x), x), 1.5).output;
    expect(text).toContain('softplus(w1)');
    expect(text).toContain('σ(w1)'); // its partial, in the forward and reverse tables
    const latex = explain(g, [0.5, 2], { format: 'latex' }).output;
    expect(latex).toContain('\\operatorname{softplus}');
    expect(latex).toContain('\\log(e^{w_{1}} + e^{1})');
  });

  it('renders its rules from its partials, in the default notation or its own', () => {
    const s = ruleLatex(softplus);
    expect(s.op).toBe('y = \\operatorname{softplus}(x)');
    expect(s.partials).toEqual(['\\sigma(x)']);
    expect(s.forward).toBe('\\dot{y} = \\sigma(x) \\cdot \\dot{x}');
    const l = ruleLatex('logaddexp');
    expect(l.partials).toEqual(['e^{x - z}', 'e^{y - z}']);
    for (const tex of [s.op, s.forward, s.reverse, l.op, l.forward, l.reverse]) {
      expect(() => renderToString(tex, { throwOnError: true }), tex).not.toThrow();
    }
  });

  it('is replayed by compile at new points', () => {
    const step = compile(g, [0.5, 2]);
    for (const [x, y] of PAIRS) {
      const expected = valueAndGrad(g)([x, y]);
      const got = step([x, y]);
      expect(got.value).toBe(expected.value);
      expectClose(got.grad, expected.grad, TOL.modes, `at (${x}, ${y}): `);
      const byHand = [y * sigma(x * y) + sigma(x - 1), x * sigma(x * y)];
      expectClose(got.grad, byHand, TOL.modes, `by hand at (${x}, ${y}): `);
    }
  });

  it('appears in adjointSource and tangentSource with its declared source', () => {
    const f = ([x, y]: Num[]) => softplus(mul(x as Num, y as Num));
    const source = adjointSource(f, [0.5, 2]);
    expect(source).toContain('Math.log1p(Math.exp(w3))');
    const run = evaluate<(x: number[]) => { value: number; grad: number[] }>(source);
    for (const [x, y] of PAIRS) {
      const expected = valueAndGrad(f)([x, y]);
      expect(run([x, y]).value).toBe(expected.value);
      expectClose(run([x, y]).grad, expected.grad, TOL.modes);
    }
    const tangent = evaluate<(x: number[], dx: number[]) => { value: number; tangent: number }>(
      tangentSource(f, [0.5, 2]),
    );
    expectClose(tangent([0.5, 2], [1, 0]).tangent, 2 * sigma(1), TOL.modes);
  });

  it('is refused by generated source without a source, naming the field', () => {
    // logaddexp declared no source: the message says what to add
    expect(() => adjointSource(g, [0.5, 2])).toThrow(
      /logaddexp has no JavaScript form.*source: '\.\.\.'/,
    );
  });
});

describe('a user primitive on a page that refuses new Function', () => {
  it('is defined with its source unchecked, since nothing there can run the source', () => {
    const realFunction = globalThis.Function;
    globalThis.Function = function refused() {
      throw new EvalError(
        "Refused to evaluate a string as JavaScript: 'unsafe-eval' is not allowed",
      );
    } as unknown as FunctionConstructor;
    let cube: UnaryOp;
    try {
      cube = definePrimitive({
        name: 'cubeUnderPolicy',
        primal: (x) => x * x * x,
        partial: (x) => mul(3, mul(x, x)),
        source: 'x * x * x',
      });
    } finally {
      globalThis.Function = realFunction;
    }
    expect(grad((x: Num) => cube(x))(2)).toBe(12);
  });
});
