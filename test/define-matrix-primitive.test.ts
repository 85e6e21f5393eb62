/** @file defineMatrixPrimitive: a user's outer product and row softmax against closed forms, checkRule catching a wrong transpose and a wrong tangent map, and the refusals. */

import { renderToString } from 'katex';
import { describe, expect, it } from 'vitest';
import {
  checkRule,
  defineMatrixPrimitive,
  definePrimitive,
  div,
  grad,
  hessian,
  jacfwd,
  jacrev,
  type Mat,
  Matrix,
  type MatrixDefinition,
  matmul,
  matrix,
  mul,
  ruleLatex,
  sub,
  sum,
  trace,
  transpose,
  type Value,
} from '../src/index.ts';
import { expectClose, TOL } from './support.ts';

// C = a bᵀ for columns a, b: Ċ = ȧ bᵀ + a ḃᵀ; transposed, ā = C̄ b and b̄ = C̄ᵀ a.
const outerDefinition: MatrixDefinition = {
  name: 'outer',
  shape: ([a, b]) => ({ rows: a?.rows ?? 1, cols: b?.rows ?? 1 }),
  evaluate: ([a, b]) => {
    const [x, y] = [a as Matrix, b as Matrix];
    return new Matrix(
      x.rows,
      y.rows,
      Float64Array.from(
        { length: x.rows * y.rows },
        (_, k) => (x.data[Math.floor(k / y.rows)] as number) * (y.data[k % y.rows] as number),
      ),
    );
  },
  tangents: [
    ([, b], _c, da) => matmul(da as Mat, transpose(b as Mat)),
    ([a], _c, db) => matmul(a as Mat, transpose(db as Mat)),
  ],
  adjoints: [
    ([, b], _c, bar) => matmul(bar as Mat, b as Mat),
    ([a], _c, bar) => matmul(transpose(bar as Mat), a as Mat),
  ],
  shapes: [
    [3, 1],
    [2, 1],
  ],
};
const outer = defineMatrixPrimitive(outerDefinition);

// Y = softmax of each row; Ẏ = Y ⊙ (Ẋ − rowsum(Y ⊙ Ẋ)), a symmetric Jacobian, so Lᵀ has the same form.
const softmax = defineMatrixPrimitive({
  name: 'softmax',
  shape: ([x]) => x ?? null,
  evaluate: ([x]) => {
    const m = x as Matrix;
    return matrix(
      m.toArray().map((row) => {
        const e = row.map(Math.exp);
        const total = e.reduce((s, v) => s + v, 0);
        return e.map((v) => v / total);
      }),
    );
  },
  tangents: [(_x, y, dx) => mul(y as Mat, sub(dx as Mat, sum(mul(y as Mat, dx as Mat), 1)))],
  adjoints: [(_x, y, bar) => mul(y as Mat, sub(bar as Mat, sum(mul(y as Mat, bar as Mat), 1)))],
  shapes: [[2, 3]],
});

const a = matrix([[1], [-2], [0.5]]);
const b = matrix([[3], [0.25]]);
const av = [1, -2, 0.5];
const bv = [3, 0.25];

describe('a user outer product', () => {
  it('evaluates a bᵀ, plain and through both modes', () => {
    const expected = av.map((ai) => bv.map((bj) => ai * bj));
    expect((outer(a, b) as Matrix).toArray()).toEqual(expected);
    // ∂C_ij/∂a_k = [i = k] b_j, ∂C_ij/∂b_k = a_i [j = k]; rows are C's entries, columns a's then b's
    const byHand = av.flatMap((ai, i) =>
      bv.map((bj, j) => [
        ...av.map((_, k) => (k === i ? bj : 0)),
        ...bv.map((_, k) => (k === j ? ai : 0)),
      ]),
    );
    const f = ([x, y]: Value[]) => outer(x as Value, y as Value);
    expectClose(jacfwd(f)([a, b]), byHand, TOL.modes, 'jacfwd: ');
    expectClose(jacrev(f)([a, b]), byHand, TOL.modes, 'jacrev: ');
  });

  it('has second derivatives: h = Σ (a_i b_j)² has H = [[2|b|² I, 4 a bᵀ], [4 b aᵀ, 2|a|² I]]', () => {
    const h = ([x, y]: Value[]) => {
      const c = outer(x as Value, y as Value) as Mat;
      return sum(mul(c, c));
    };
    const [nb, na] = [bv.reduce((s, v) => s + v * v, 0), av.reduce((s, v) => s + v * v, 0)];
    const n = av.length;
    const byHand = [...av, ...bv].map((_, r) =>
      [...av, ...bv].map((_, c) => {
        if (r < n && c < n) return r === c ? 2 * nb : 0;
        if (r >= n && c >= n) return r === c ? 2 * na : 0;
        const [i, j] = r < n ? [r, c - n] : [c, r - n];
        return 4 * (av[i] as number) * (bv[j] as number);
      }),
    );
    expectClose(hessian(h)([a, b]), byHand, TOL.modes);
    const g = grad(h)([a, b]) as Matrix[];
    expectClose(
      g[0]?.toArray(),
      av.map((ai) => [2 * ai * nb]),
      TOL.modes,
      'grad a: ',
    );
  });

  it('passes checkRule, and renders its declared-by-default rules with KaTeX', () => {
    const report = checkRule(outer);
    expect(report.ok, report.summary).toBe(true);
    expect(report.summary).toMatch(/^outer: ok, 5 checks at 10 points \(inputs 3×1, 2×1/);
    const latex = ruleLatex(outer);
    expect(latex.op).toBe('Y = \\operatorname{outer}(X_{1}, X_{2})');
    for (const tex of [latex.op, latex.forward, latex.reverse]) {
      expect(() => renderToString(tex, { throwOnError: true }), tex).not.toThrow();
    }
  });

  it('is a matrix entry, so trace refuses it as it refuses matmul', () => {
    expect(() =>
      trace(([x, y]: Value[]) => sum(outer(x as Value, y as Value) as Mat), [a, b]),
    ).toThrow('wengert: outer: trace, explain, compile and generated source');
  });
});

describe('a user row softmax', () => {
  it('has the Jacobian diag(y) − y yᵀ in each row, by both modes', () => {
    const x = matrix([[0.5, -1, 2]]);
    const y = (softmax(x) as Matrix).toArray()[0] as number[];
    const byHand = y.map((yi, i) => y.map((yj, j) => (i === j ? yi : 0) - yi * yj));
    expectClose(jacfwd((m: Mat) => softmax(m))(x), byHand, TOL.modes, 'jacfwd: ');
    expectClose(jacrev((m: Mat) => softmax(m))(x), byHand, TOL.modes, 'jacrev: ');
  });

  it('passes checkRule, its second order included', () => {
    const report = checkRule(softmax);
    expect(report.ok, report.summary).toBe(true);
    expect(report.checks.find((c) => c.check === 'hessian')?.error).toBeLessThan(1e-6);
  });
});

describe('checkRule on wrong matrix rules', () => {
  it('fails a wrong transpose (ā = C̄ᵀ b for C̄ b) in dot-product, first', () => {
    const wrong = defineMatrixPrimitive({
      ...outerDefinition,
      name: 'outerWrongTranspose',
      adjoints: [
        ([, b], _c, bar) => matmul(transpose(bar as Mat), b as Mat),
        outerDefinition.adjoints[1] as never,
      ],
      shapes: [
        [3, 1],
        [3, 1],
      ],
    });
    const report = checkRule(wrong);
    expect(report.ok).toBe(false);
    expect(report.worst.check).toBe('dot-product');
    expect(report.worst.quantity).toBe('⟨Ū, L1(V)⟩');
    expect(report.checks.find((c) => c.check === 'jvp')?.ok).toBe(true);
  });

  it('fails a wrong tangent map (ȧ bᵀ forgotten) in jvp', () => {
    const wrong = defineMatrixPrimitive({
      ...outerDefinition,
      name: 'outerWrongTangent',
      tangents: [
        ([, b], _c, da) => mul(0, matmul(da as Mat, transpose(b as Mat))),
        outerDefinition.tangents[1] as never,
      ],
    });
    const report = checkRule(wrong);
    expect(report.worst.check).toBe('jvp');
    expect(report.worst.quantity).toMatch(/^L1\(V\) entry \d$/);
  });

  it('refuses inputs where the primal is not finite, where NaN against NaN would pass', () => {
    const logs = defineMatrixPrimitive({
      name: 'entryLog',
      shape: ([x]) => x ?? null,
      evaluate: ([x]) => matrix((x as Matrix).toArray().map((r) => r.map(Math.log))),
      tangents: [([x], _y, dx) => div(dx as Mat, x as Mat)],
      adjoints: [([x], _y, bar) => div(bar as Mat, x as Mat)],
      shapes: [[2, 2]],
    });
    expect(() => checkRule(logs)).toThrow(
      'checkRule: entryLog is not finite at sample 1, whose entries are in [-2, 2]',
    );
    expect(checkRule(logs, { domain: [[0.5, 2]] }).ok).toBe(true);
  });

  it('checks a built-in matrix primitive at the shapes (and parameters) given', () => {
    expect(
      checkRule('matmul', {
        shapes: [
          [2, 3],
          [3, 2],
        ],
        samples: 3,
      }).ok,
    ).toBe(true);
    expect(
      checkRule('slice', { shapes: [[3, 4]], params: { r0: 0, r1: 2, c0: 1, c1: 3 }, samples: 3 })
        .ok,
    ).toBe(true);
    expect(() => checkRule('matmul')).toThrow(
      'checkRule: matmul is a matrix primitive; give options.shapes, the shape of each of its 2 inputs',
    );
  });
});

describe('defineMatrixPrimitive refuses, naming the problem', () => {
  const base = { ...outerDefinition, name: 'outer2' };
  it.each([
    [
      'a built-in name',
      { ...base, name: 'matmul' },
      'the name matmul is taken by a built-in primitive',
    ],
    [
      'a user name',
      { ...base, name: 'outer' },
      'the name outer is taken by a primitive defined earlier',
    ],
    [
      'no shape function',
      { ...base, shape: undefined },
      'outer2: shape must be a function; got undefined',
    ],
    [
      'no tangent maps',
      { ...base, tangents: [] },
      'tangents must be an array with one function per input',
    ],
    [
      'a map that is not a function',
      { ...base, adjoints: [base.adjoints[0], 'x'] },
      'adjoints[1] is not a function',
    ],
    [
      'fewer adjoints than tangents',
      { ...base, adjoints: [base.adjoints[0]] },
      '2 tangent maps but 1 adjoint maps',
    ],
    [
      'shapes for the wrong number of inputs',
      { ...base, shapes: [[2, 1]] },
      'shapes must hold one shape per input (2)',
    ],
  ])('%s', (_case, definition, message) => {
    expect(() => defineMatrixPrimitive(definition as MatrixDefinition)).toThrow(message);
  });

  it('shares its names with definePrimitive', () => {
    expect(() => definePrimitive({ name: 'softmax', primal: (x) => x, partial: () => 1 })).toThrow(
      'the name softmax is taken by a primitive defined earlier',
    );
  });

  it('gives an op that refuses the wrong number of inputs', () => {
    expect(() => outer(a)).toThrow('wengert: outer takes 2 inputs, got 1');
  });
});
