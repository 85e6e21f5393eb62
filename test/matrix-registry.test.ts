/**
 * @file The registry-wide suite for matrices: every matrix rule and every elementwise lift, on
 * random non-square shapes, checked by the dot-product test ⟨Ū, L(V)⟩ = ⟨Lᵀ(Ū), V⟩, by central
 * differences of a plain-JS primal, and through both modes of the public transforms.
 */

import { describe, expect, expectTypeOf, it } from 'vitest';
import {
  add,
  type BinaryRule,
  broadcast,
  dot,
  grad,
  hessian,
  type Interval,
  jacfwd,
  jacobian,
  jacrev,
  jvp,
  MATRIX_PRIMITIVE_NAMES,
  type Mat,
  Matrix,
  type MatrixPrimitiveName,
  type MatrixRule,
  matmul,
  matrixRules,
  mean,
  mseLoss,
  mul,
  type Num,
  pad,
  registry,
  type ScalarPrimitiveName,
  scalarRules,
  slice,
  sum,
  transpose,
  type UnaryRule,
  type Value,
  vjp,
} from '../src/index.ts';
import { liftBinary, liftUnary } from '../src/primitives/elementwise.ts';
import {
  type Dims,
  dimsOf,
  dimsText,
  entries,
  expectTableClose,
  expectValueClose,
  type Grid,
  inner,
  overEntries,
  type Plain,
  randomPlain,
  refBroadcast,
  refDot,
  refMap,
  refMatmul,
  refMean,
  refMse,
  refPad,
  refSlice,
  refSum,
  refTranspose,
  refZip,
  takeLike,
  toGrid,
  toValue,
} from './matrix-support.ts';
import { centralDifference, close, jacobianByDifferences, ops, rng, TOL } from './support.ts';

/** Points sampled per case. */
const SAMPLES = 3;
/** Case k draws its points and directions from `rng(SEED + k)`. */
const SEED = 20_251_121;
/** Where the operands of the matrix primitives are drawn from. */
const WIDE: Interval = [-2, 2];
/** Where directions and cotangents are drawn from. */
const UNIT: Interval = [-1, 1];

/** One operand of a case: its shape and where its entries are drawn from. */
interface Operand {
  readonly dims: Dims;
  readonly interval: Interval;
}

/**
 * A rule applied at one shape. `params` is what the rule receives (a slice's block, a sum's
 * axis); `op` is the same application through the public op; `reference` is the primal
 * written in plain JS, independently of the toolkit.
 */
interface MatrixCase {
  readonly label: string;
  readonly inputs: readonly Operand[];
  readonly params: unknown;
  readonly op: (x: readonly Value[]) => Value;
  readonly reference: (x: Plain[]) => Plain;
}

const m = (rows: number, cols: number, interval: Interval = WIDE): Operand => ({
  dims: { rows, cols },
  interval,
});
const scalar = (interval: Interval = WIDE): Operand => ({ dims: null, interval });
const asGrid = (x: Plain | undefined): Grid => x as Grid;
const asMat = (x: Value | undefined): Mat => x as Mat;

function product(rows: number, inner: number, cols: number): MatrixCase {
  return {
    label: `(${rows}×${inner})·(${inner}×${cols})`,
    inputs: [m(rows, inner), m(inner, cols)],
    params: undefined,
    op: ([a, b]) => matmul(asMat(a), asMat(b)),
    reference: ([a, b]) => refMatmul(asGrid(a), asGrid(b)),
  };
}

function transposeCase(rows: number, cols: number): MatrixCase {
  return {
    label: `${rows}×${cols}`,
    inputs: [m(rows, cols)],
    params: undefined,
    op: ([a]) => transpose(asMat(a)),
    reference: ([a]) => refTranspose(asGrid(a)),
  };
}

function sliceCase(
  rows: number,
  cols: number,
  [r0, r1]: [number, number],
  [c0, c1]: [number, number],
): MatrixCase {
  return {
    label: `rows [${r0}, ${r1}) and columns [${c0}, ${c1}) of ${rows}×${cols}`,
    inputs: [m(rows, cols)],
    params: { r0, r1, c0, c1 },
    op: ([a]) => slice(asMat(a), { rows: [r0, r1], cols: [c0, c1] }),
    reference: ([a]) => refSlice(asGrid(a), r0, r1, c0, c1),
  };
}

function padCase(
  block: [number, number],
  rows: number,
  cols: number,
  [r0, c0]: [number, number],
): MatrixCase {
  return {
    label: `${block[0]}×${block[1]} at (${r0}, ${c0}) of ${rows}×${cols}`,
    inputs: [m(...block)],
    params: { rows, cols, r0, c0 },
    op: ([a]) => pad(asMat(a), rows, cols, [r0, c0]),
    reference: ([a]) => refPad(asGrid(a), rows, cols, r0, c0),
  };
}

function sumCase(rows: number, cols: number, axis?: 0 | 1): MatrixCase {
  return {
    label: `${rows}×${cols}, ${axis === undefined ? 'every entry' : `axis ${axis}`}`,
    inputs: [m(rows, cols)],
    params: axis,
    op: ([a]) => sum(asMat(a), axis),
    reference: ([a]) => refSum(asGrid(a), axis),
  };
}

function broadcastCase(from: Operand, rows: number, cols: number): MatrixCase {
  return {
    label: `${dimsText(from.dims)} to ${rows}×${cols}`,
    inputs: [from],
    params: { rows, cols },
    op: ([a]) => broadcast(a as Value, rows, cols),
    reference: ([a]) => refBroadcast(a as Plain, rows, cols),
  };
}

/**
 * Every matrix primitive's test shapes, keyed by name: a matrix primitive added to the
 * registry without its cases here is a compile error. Shapes are non-square, so a rule that
 * transposes or swaps an operand where it should not cannot match.
 */
const matrixCases = {
  matmul: [product(3, 5, 2), product(3, 5, 1), product(1, 4, 3)],
  transpose: [transposeCase(3, 5), transposeCase(1, 4)],
  slice: [
    sliceCase(4, 6, [1, 3], [2, 5]),
    sliceCase(4, 6, [1, 3], [0, 6]),
    sliceCase(3, 5, [0, 3], [4, 5]),
  ],
  pad: [
    padCase([2, 3], 5, 4, [1, 1]),
    padCase([2, 2], 5, 4, [2, 1]),
    padCase([2, 4], 5, 4, [2, 0]),
    padCase([3, 1], 3, 6, [0, 5]),
  ],
  sum: [sumCase(3, 5), sumCase(3, 5, 0), sumCase(3, 5, 1)],
  broadcast: [
    broadcastCase(scalar(), 3, 4),
    broadcastCase(m(1, 4), 3, 4),
    broadcastCase(m(3, 1), 3, 4),
    broadcastCase(m(1, 1), 3, 4),
    broadcastCase(m(3, 4), 3, 4),
  ],
  mean: [
    {
      label: '3×5',
      inputs: [m(3, 5)],
      params: undefined,
      op: ([a]) => mean(asMat(a)),
      reference: ([a]) => refMean(asGrid(a)),
    },
  ],
  dot: [
    {
      label: '3×5 with 3×5',
      inputs: [m(3, 5), m(3, 5)],
      params: undefined,
      op: ([a, b]) => dot(asMat(a), asMat(b)),
      reference: ([a, b]) => refDot(asGrid(a), asGrid(b)),
    },
  ],
  mseLoss: [
    {
      label: '4×3 against 4×3',
      inputs: [m(4, 3), m(4, 3)],
      params: undefined,
      op: ([p, t]) => mseLoss(asMat(p), t as Value),
      reference: ([p, t]) => refMse(asGrid(p), asGrid(t)),
    },
  ],
} satisfies { readonly [P in MatrixPrimitiveName]: readonly MatrixCase[] };

/** The binary scalar primitives (a compile-time list, from the registry's arities). */
type BinaryName = {
  [K in ScalarPrimitiveName]: (typeof registry)[K] extends { readonly arity: 2 } ? K : never;
}[ScalarPrimitiveName];

/**
 * What each binary scalar primitive does with a matrix: work entry by entry with broadcasting,
 * or refuse (see the error suite). A new binary primitive without its line is a compile error.
 */
const binaryOnMatrices = {
  add: 'elementwise',
  sub: 'elementwise',
  mul: 'elementwise',
  div: 'elementwise',
  pow: 'numbers only',
  atan2: 'numbers only',
  max: 'numbers only',
  min: 'numbers only',
} as const satisfies { readonly [K in BinaryName]: 'elementwise' | 'numbers only' };

/** The operand shapes every elementwise binary lift is tested at: (x, y) → 3×5. */
const BROADCASTS: readonly [string, Dims, Dims][] = [
  ['matrix ⊙ matrix', { rows: 3, cols: 5 }, { rows: 3, cols: 5 }],
  ['matrix ⊙ row', { rows: 3, cols: 5 }, { rows: 1, cols: 5 }],
  ['row ⊙ matrix', { rows: 1, cols: 5 }, { rows: 3, cols: 5 }],
  ['matrix ⊙ column', { rows: 3, cols: 5 }, { rows: 3, cols: 1 }],
  ['column ⊙ matrix', { rows: 3, cols: 1 }, { rows: 3, cols: 5 }],
  ['column ⊙ row', { rows: 3, cols: 1 }, { rows: 1, cols: 5 }],
  ['1×1 ⊙ matrix', { rows: 1, cols: 1 }, { rows: 3, cols: 5 }],
  ['scalar ⊙ matrix', null, { rows: 3, cols: 5 }],
  ['matrix ⊙ scalar', { rows: 3, cols: 5 }, null],
];

function unaryLiftCase(rule: UnaryRule): MatrixCase {
  const op = ops[rule.name] as (x: Value) => Value;
  return {
    label: `entry by entry on 3×5 from [${rule.domain[0]}]`,
    inputs: [m(3, 5, rule.domain[0])],
    params: null,
    op: ([a]) => op(a as Value),
    reference: ([a]) => refMap(rule.primal, asGrid(a)),
  };
}

function binaryLiftCase(rule: BinaryRule, [label, x, y]: [string, Dims, Dims]): MatrixCase {
  const op = ops[rule.name] as (x: Value, y: Value) => Value;
  const [ix, iy] = rule.domain;
  return {
    label: `${label} (${dimsText(x)}, ${dimsText(y)})`,
    inputs: [
      { dims: x, interval: ix },
      { dims: y, interval: iy },
    ],
    params: null,
    op: ([a, b]) => op(a as Value, b as Value),
    reference: ([a, b]) => refZip(rule.primal, a as Plain, b as Plain),
  };
}

/** A case with the rule it exercises. `scalar` is the scalar record a lift was made from. */
interface Tested {
  readonly name: string;
  readonly rule: MatrixRule<string>;
  readonly scalar: UnaryRule | BinaryRule | null;
  readonly c: MatrixCase;
}

const unaryRules = scalarRules.filter((r): r is UnaryRule => r.arity === 1);
const liftedBinary = scalarRules.filter(
  (r): r is BinaryRule => r.arity === 2 && binaryOnMatrices[r.name as BinaryName] === 'elementwise',
);

const tested: Tested[] = [
  ...MATRIX_PRIMITIVE_NAMES.flatMap((name) =>
    matrixCases[name].map((c) => ({ name, rule: registry[name], scalar: null, c })),
  ),
  ...unaryRules.map((r) => ({
    name: `lifted ${r.name}`,
    rule: liftUnary(r),
    scalar: r,
    c: unaryLiftCase(r),
  })),
  ...liftedBinary.flatMap((r) =>
    BROADCASTS.map((b) => ({
      name: `lifted ${r.name}`,
      rule: liftBinary(r),
      scalar: r,
      c: binaryLiftCase(r, b),
    })),
  ),
];

/** `count` random points of a case, each a list of plain operands. */
function samplesOf(c: MatrixCase, random: () => number, count = SAMPLES): Plain[][] {
  return Array.from({ length: count }, () =>
    c.inputs.map(({ dims, interval }) => randomPlain(random, dims, interval)),
  );
}

/** x + t·v, entry by entry, for a number or a grid. */
function step(x: Plain, t: number, v: Plain): Plain {
  if (typeof x === 'number') return x + t * (v as number);
  const w = v as Grid;
  return x.map((row, i) => row.map((a, j) => a + t * ((w[i] as number[])[j] as number)));
}

/** J·v for a Jacobian given as rows. */
function apply(j: readonly (readonly number[])[], v: readonly number[]): number[] {
  return j.map((row) => row.reduce((s, a, k) => s + a * (v[k] as number), 0));
}

describe('the matrix registry and the lifts', () => {
  it('lists every matrix primitive in matrixRules, each with one tangent and adjoint per input', () => {
    expectTypeOf<keyof typeof matrixCases>().toEqualTypeOf<MatrixPrimitiveName>();
    expect(matrixRules.map((r) => r.name)).toEqual([...MATRIX_PRIMITIVE_NAMES]);
    for (const r of matrixRules) {
      expect(r.tangents, r.name).toHaveLength(r.arity);
      expect(matrixCases[r.name].length, `${r.name} has test shapes`).toBeGreaterThan(0);
      for (const c of matrixCases[r.name])
        expect(c.inputs, `${r.name} ${c.label}`).toHaveLength(r.arity);
    }
  });

  it('decides for every binary scalar primitive whether it works on matrices', () => {
    const binary = scalarRules.filter((r) => r.arity === 2).map((r) => r.name);
    expect(Object.keys(binaryOnMatrices).sort()).toEqual([...binary].sort());
    expect(liftedBinary.map((r) => r.name)).toEqual(['add', 'sub', 'mul', 'div']);
  });

  it('lifts every unary scalar primitive, once, under its own name and id', () => {
    expect(unaryRules.length).toBeGreaterThan(10);
    for (const r of [...unaryRules, ...liftedBinary]) {
      const lifted = r.arity === 1 ? liftUnary(r) : liftBinary(r);
      expect(lifted.name, r.name).toBe(r.name);
      expect(lifted.id, r.name).toBe(r.id);
      expect(lifted.kind, r.name).toBe('matrix');
      expect(r.arity === 1 ? liftUnary(r) : liftBinary(r), `${r.name} made once`).toBe(lifted);
    }
  });
});

describe.each(tested.map((t, k) => [`${t.name}: ${t.c.label}`, t, k] as const))(
  '%s',
  (_title, { rule, scalar, c }, k) => {
    const dims = c.inputs.map((o) => o.dims);
    const random = rng(SEED + k);
    const points = samplesOf(c, random);
    const outDims = dimsOf(c.reference(points[0] as Plain[]));
    // A surrogate's partials are on purpose not its primal's derivatives (stopGradient's 0):
    // the checks against differences of the primal are not registered for it; the dot-product test, the
    // scalar rule's Jacobian entry by entry and the second derivatives still hold it.
    const differences: (name: string, body: () => void) => void =
      scalar?.surrogate === true ? () => undefined : (name, body) => it(name, body);

    it('evaluates like the plain-JS reference, through the rule and through the public op', () => {
      expect(rule.shape(dims, c.params), 'shape').toEqual(outDims);
      for (const x of points) {
        const values = x.map(toValue);
        const expected = c.reference(x);
        expectValueClose(rule.evaluate(values, c.params), expected, TOL.modes, 'rule.evaluate');
        expectValueClose(c.op(values), expected, TOL.modes, 'op');
      }
    });

    it('passes the dot-product test ⟨Ū, L_i(V)⟩ = ⟨L_iᵀ(Ū), V⟩ for each input, with both shapes right', () => {
      for (const x of points) {
        const values = x.map(toValue);
        const out = rule.evaluate(values, c.params);
        dims.forEach((d, i) => {
          const v = randomPlain(random, d, UNIT);
          const u = randomPlain(random, outDims, UNIT);
          const tangent = rule.tangents[i] as MatrixRule['tangents'][number];
          const lv = tangent(values, out, toValue(v), c.params as never);
          const wanted = dims.map((_, j) => j === i);
          const back = rule.pullback(values, out, toValue(u), c.params, wanted);
          expect(back, 'one result per input').toHaveLength(dims.length);
          back.forEach((b, j) => {
            if (j !== i) expect(b, `input ${j} was not wanted`).toBeNull();
          });
          const ltu = back[i] as Value;
          const label = `input ${i}`;
          expect(dimsText(dimsOf(plainOf(lv))), `${label}: L(V) has the output's shape`).toBe(
            dimsText(outDims),
          );
          expect(dimsText(dimsOf(plainOf(ltu))), `${label}: Lᵀ(Ū) has the input's shape`).toBe(
            dimsText(d),
          );
          const left = inner(u, lv);
          const right = inner(ltu, v);
          expect(
            close(left, right, TOL.modes),
            `${label}: ⟨Ū, L(V)⟩ = ${left}, ⟨Lᵀ(Ū), V⟩ = ${right}`,
          ).toBe(true);
        });
      }
    });

    differences(
      'has tangent maps equal to central differences of the plain-JS primal along V',
      () => {
        for (const x of points) {
          const values = x.map(toValue);
          const out = rule.evaluate(values, c.params);
          dims.forEach((d, i) => {
            const v = randomPlain(random, d, UNIT);
            const along = (t: number[]) =>
              entries(c.reference(x.map((xi, j) => (j === i ? step(xi, t[0] as number, v) : xi))));
            const fd = centralDifference(along, [0], 0);
            const tangent = rule.tangents[i] as MatrixRule['tangents'][number];
            const lv = tangent(values, out, toValue(v), c.params as never);
            expectValueClose(lv, takeLike(outDims, fd), TOL.finiteDifference, `L_${i}(V)`);
          });
        }
      },
    );

    differences(
      'gets one Jacobian from jacfwd, jacrev and jacobian(auto), equal to central differences',
      () => {
        const f = (v: readonly Value[]) => c.op(v);
        for (const x of points) {
          const values = x.map(toValue);
          const fd = jacobianByDifferences(overEntries(c.reference, dims), x.flatMap(entries));
          const forward = jacfwd(f)(values) as number[][];
          expectTableClose(forward, fd, TOL.finiteDifference, 'jacfwd vs differences');
          expectTableClose(jacrev(f)(values), forward, TOL.modes, 'jacrev vs jacfwd');
          expectTableClose(jacrev(f)(values), fd, TOL.finiteDifference, 'jacrev vs differences');
          expectTableClose(
            jacobian(f, { mode: 'auto' })(values),
            forward,
            TOL.modes,
            'jacobian auto',
          );
        }
      },
    );

    differences(
      'has jvp and vjp that agree with each other, with differences, and with grad',
      () => {
        const f = (v: readonly Value[]) => c.op(v);
        for (const x of points) {
          const values = x.map(toValue);
          const v = dims.map((d) => randomPlain(random, d, UNIT));
          const u = randomPlain(random, outDims, UNIT);
          const fd = jacobianByDifferences(overEntries(c.reference, dims), x.flatMap(entries));
          const { primal, tangent } = jvp(f, values, v.map(toValue) as never);
          expectValueClose(primal, c.reference(x), TOL.modes, 'jvp primal');
          const jv = takeLike(outDims, apply(fd, v.flatMap(entries)));
          expectValueClose(tangent, jv, TOL.finiteDifference, 'J·v vs differences');
          const pulled = vjp(f, values);
          expectValueClose(pulled.primal, c.reference(x), TOL.modes, 'vjp primal');
          const back = pulled.pullback(toValue(u) as never) as Value[];
          expect(back, 'one adjoint per input').toHaveLength(dims.length);
          back.forEach((b, i) => {
            expect(dimsText(dimsOf(plainOf(b))), `adjoint ${i} has its input's shape`).toBe(
              dimsText(dims[i] as Dims),
            );
          });
          const right = back.reduce<number>((s, b, i) => s + inner(b, v[i] as Plain), 0);
          expect(close(inner(u, tangent as Value), right, TOL.modes), '⟨u, J v⟩ = ⟨Jᵀ u, v⟩').toBe(
            true,
          );
          // grad of ⟨u, f(x)⟩ is Jᵀu: the same sweep behind a scalar output
          const w = toValue(u);
          const weighted = (p: readonly Value[]): Num => {
            const y = c.op(p);
            return typeof w === 'number' ? mul(w, y as Num) : dot(w, asMat(y));
          };
          const g = grad(weighted)(values) as Value[];
          g.forEach((gi, i) => {
            expectValueClose(gi, plainOf(back[i] as Value), TOL.modes, `grad ${i}`);
          });
        }
      },
    );

    it('has second derivatives that agree across nestings and with differences of the gradient', () => {
      // h(x) = ⟨W, op(x) ∘ op(x)⟩ is curved even where op is linear: its Hessian is
      // 2 Jᵀ diag(W) J, plus 2 Σ_k W_k y_k ∇²y_k where op itself is curved.
      const w = toValue(randomPlain(random, outDims, UNIT));
      const h = (p: readonly Value[]): Num => {
        const y = c.op(p);
        return typeof w === 'number'
          ? mul(w, mul(y as Num, y as Num))
          : dot(w, mul(asMat(y), asMat(y)));
      };
      const valuesOf = (flat: readonly number[]) => {
        const rest = [...flat];
        return dims.map((d) => toValue(takeLike(d, rest)));
      };
      const gradientOf = (flat: number[]) => (grad(h)(valuesOf(flat)) as Value[]).flatMap(entries);
      const x = points[0] as Plain[];
      const flat = x.flatMap(entries);
      const values = valuesOf(flat);
      const H = hessian(h)(values) as number[][];
      expectTableClose(H, jacobianByDifferences(gradientOf, flat), TOL.secondOrder, 'differences');
      const v = dims.map((d) => randomPlain(random, d, UNIT));
      const u = dims.map((d) => randomPlain(random, d, UNIT));
      const hv = apply(H, v.flatMap(entries));
      // reverse over reverse: ∇⟨∇h, V⟩ = H V
      const along = (g: Value, i: number): Num =>
        dims[i] === null
          ? mul(g as Num, v[i] as number)
          : dot(asMat(g), asMat(toValue(v[i] as Plain)));
      const overReverse = grad((p: readonly Value[]) =>
        (grad(h)(p) as Value[]).reduce<Num>((s, g, i) => add(s, along(g, i)), 0),
      )(values) as Value[];
      expectTableClose([overReverse.flatMap(entries)], [hv], TOL.modes, 'grad of grad');
      // forward over forward: Uᵀ H V
      const uhv = jvp(
        (p: readonly Value[]) => jvp(h, p as never, v.map(toValue) as never).tangent,
        values as never,
        u.map(toValue) as never,
      );
      expect(
        close(
          uhv.tangent as number,
          u.flatMap(entries).reduce((t, a, k) => t + a * (hv[k] as number), 0),
          TOL.modes,
        ),
        'jvp of jvp',
      ).toBe(true);
    });

    if (scalar !== null) {
      it('has the Jacobian of the scalar rule applied at each (broadcast) pair of entries', () => {
        const f = (v: readonly Value[]) => c.op(v);
        const scalarOp = (p: readonly Num[]): Num => c.op(p) as Num;
        for (const x of points) {
          const values = x.map(toValue);
          const expected = liftedJacobian(dims, x, (pair) => grad(scalarOp)(pair) as number[]);
          expectTableClose(jacrev(f)(values), expected, TOL.modes, 'jacrev');
        }
      });
    }
  },
);

/** A toolkit value (number or Matrix) as a plain value, to read its shape and entries. */
function plainOf(v: Value): Plain {
  if (typeof v === 'number') return v;
  expect(v instanceof Matrix, `a plain matrix, got ${String(v)}`).toBe(true);
  return toGrid(v as Matrix);
}

/**
 * The Jacobian of an elementwise op with broadcasting, built from the scalar derivative:
 * output entry (i, j) depends only on the operand entries repeated into it, with the scalar
 * partials at that pair as weights. Columns are the operands' entries, row-major, in order.
 */
function liftedJacobian(
  dims: readonly Dims[],
  x: readonly Plain[],
  scalarGrad: (pair: number[]) => number[],
): number[][] {
  const rows = Math.max(...dims.map((d) => d?.rows ?? 1));
  const cols = Math.max(...dims.map((d) => d?.cols ?? 1));
  const widths = dims.map((d) => (d === null ? 1 : d.rows * d.cols));
  const n = widths.reduce((a, b) => a + b, 0);
  const source = (d: Dims, i: number, j: number): number =>
    d === null ? 0 : (d.rows === 1 ? 0 : i) * d.cols + (d.cols === 1 ? 0 : j);
  const out: number[][] = [];
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < cols; j++) {
      const row = new Array<number>(n).fill(0);
      const at = dims.map(
        (d, k) => source(d, i, j) + widths.slice(0, k).reduce((a, b) => a + b, 0),
      );
      const pair = dims.map((d, k) => entries(x[k] as Plain)[source(d, i, j)] as number);
      scalarGrad(pair).forEach((g, k) => {
        row[at[k] as number] = (row[at[k] as number] as number) + g;
      });
      out.push(row);
    }
  }
  return out;
}
